import { describe, expect, it } from 'vitest';
import { InputError, readInputs, shareOf } from '../../action/inputs.js';
import { readManifest } from './action-docs.js';

const given = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('readInputs', () => {
  it('applies the defaults of action.yml when inputs are empty', async () => {
    // Given the inputs a runner sets when a workflow names none: action.yml's defaults (the token's expression evaluated)
    const manifest = await readManifest();
    const defaults = Object.fromEntries(Object.entries(manifest.inputs).map(([name, input]) => [name, name === 'token' ? 't' : (input.default ?? '')]));
    const expected = { config: '.github/hipaa-guard.yml', mode: 'auto', token: 't', sarifFile: 'hipaa-guard.sarif', maxIssues: 10 };
    // Then they read as the documented settings, and exactly as empty inputs do (a caller that passes no defaults)
    expect(readInputs(given(defaults))).toEqual(expected);
    expect(readInputs(given({ token: 't' }))).toEqual(expected);
  });

  it('reads every input into one typed settings object', () => {
    const inputs = {
      token: 't',
      mode: 'all',
      'fail-on': 'medium',
      issues: 'False',
      shard: '2/4',
      base: 'main',
      head: 'HEAD',
      'max-issues': '3',
      config: 'ops/hg.yml',
    };
    expect(readInputs(given(inputs))).toEqual({
      config: 'ops/hg.yml',
      mode: 'all',
      token: 't',
      failOn: 'medium',
      sarifFile: 'hipaa-guard.sarif',
      issues: false,
      maxIssues: 3,
      shard: { index: 2, count: 4 },
      base: 'main',
      head: 'HEAD',
    });
  });

  it.each([
    [{ mode: 'nightly' }, 'input "mode" is "nightly": write one of auto, diff, probe, all'],
    [{ 'fail-on': 'severe' }, 'input "fail-on" is "severe": write one of critical, high, medium, low, never'],
    [{ issues: 'yes' }, 'input "issues" is "yes": write true or false'],
    [{ shard: '2-4' }, 'input "shard" is "2-4": write k/n, such as 2/4'],
    [{ shard: '5/4' }, 'input "shard" is "5/4": write k/n with 1 <= k <= n, such as 2/4'],
    [{ 'max-issues': 'many' }, 'input "max-issues" is "many": write a whole number such as 10'],
    [{ base: '--upload-pack=x' }, 'input "base" is "--upload-pack=x": write a commit SHA or ref such as main'],
    [{ plan: 'tfplan' }, 'input "plan" is "tfplan": write the path of the plan JSON, such as plan.json (terraform show -json tfplan > plan.json)'],
  ])('rejects %o, saying what to write instead', (inputs, message) => {
    expect(() => readInputs(given({ token: 't', ...inputs }))).toThrow(message);
  });

  it('reads the plan input as the path of a plan JSON; empty means no plan', () => {
    expect(readInputs(given({ token: 't', plan: 'infra/prod/plan.json' })).plan).toBe('infra/prod/plan.json');
    expect(readInputs(given({ token: 't', plan: '' }))).not.toHaveProperty('plan');
  });

  it('lists every problem at once and never echoes the token', () => {
    const read = () => readInputs(given({ token: '', mode: 'x' }));
    expect(read).toThrow(InputError);
    expect(read).toThrow(/input "mode" is "x".*\ninput "token": write `token: \$\{\{ github.token \}\}`/s);
  });
});

describe('shareOf', () => {
  it('gives shard k of n every n-th item starting at the k-th, covering all items once', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect([1, 2, 3].map((index) => shareOf(items, { index, count: 3 }))).toEqual([['a', 'd'], ['b', 'e'], ['c']]);
    expect(shareOf(items, undefined)).toEqual(items);
  });
});

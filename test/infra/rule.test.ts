/**
 * The shared judging of one value (`judgeValue`) and where a diff points when the deciding
 * value was set in another file than the resource.
 */
import { describe, expect, it } from 'vitest';
import { diffResources } from '../../checks/infra/diff.js';
import { unresolved, type InfraResource, type SourceRange } from '../../checks/infra/model.js';
import { judgeValue, mustBeTrue } from '../../checks/infra/rule.js';
import { rdsEncryption } from '../../checks/infra/rules/aws-data.js';

describe('judgeValue on a value that depends only on an unknown condition', () => {
  const judge = (value: unknown) => judgeValue(['storage_encrypted'], value, mustBeTrue, 'storage_encrypted');

  it('fails when every branch fails, naming both values and the condition', () => {
    const verdict = judge(unresolved('!If [IsProd, false, "false"]', [false, 'false']));
    expect(verdict).toMatchObject({ verdict: 'fail', expected: 'true', actual: '!If [IsProd, false, "false"]' });
    expect(verdict.verdict === 'fail' && verdict.message).toBe(
      'storage_encrypted is false or "false" whichever way !If [IsProd, false, "false"] goes; expected true',
    );
  });

  it('passes when every branch passes', () => {
    expect(judge(unresolved('var.prod ? true : true', [true, true]))).toMatchObject({ verdict: 'pass' });
  });

  it('is unknown when the branches disagree, or one of them is itself unresolved', () => {
    expect(judge(unresolved('var.prod ? true : false', [true, false]))).toMatchObject({ verdict: 'unknown' });
    expect(judge(unresolved('var.prod ? false : var.x', [false, unresolved('var.x')]))).toMatchObject({ verdict: 'unknown' });
  });

  it('an unresolved value without branches stays unknown with its expression', () => {
    expect(judge(unresolved('${var.x}'))).toEqual({ verdict: 'unknown', path: ['storage_encrypted'], expression: '${var.x}' });
  });
});

describe('a value set in another file', () => {
  function database(encrypted: unknown, setIn?: SourceRange): InfraResource {
    const range = { startLine: 1, endLine: 4 };
    return {
      address: 'module.db.aws_db_instance.this',
      type: 'aws_db_instance',
      format: 'terraform',
      path: 'modules/db/main.tf',
      range,
      values: { engine: 'postgres', storage_encrypted: encrypted },
      locate: (path) => (path[0] === 'storage_encrypted' && setIn ? setIn : range),
      scope: '.',
    };
  }

  it('points the finding at the line that set it, with the resource as related', () => {
    const caller = { path: 'main.tf', startLine: 7, endLine: 7 };
    const result = diffResources({ base: [database(true, caller)], head: [database(false, caller)], rules: [rdsEncryption] });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      change: 'weakened',
      location: { kind: 'file', path: 'main.tf', startLine: 7, endLine: 7 },
      related: [{ kind: 'file', path: 'modules/db/main.tf', startLine: 1, endLine: 4 }],
    });
  });

  it('a value set in the resource itself has no related location', () => {
    const result = diffResources({ base: [], head: [database(false)], rules: [rdsEncryption] });
    expect(result.findings[0]).toMatchObject({ change: 'introduced', location: { path: 'modules/db/main.tf', startLine: 1 } });
    expect(result.findings[0]!.related).toBeUndefined();
  });
});

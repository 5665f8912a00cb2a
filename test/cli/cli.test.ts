import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS, runCli } from '../../cli/cli.js';
import { TOOL } from '../../checks/version.js';
import { memoryIo } from './memory-io.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hipaa-guard-cli-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hipaa-guard (dispatch)', () => {
  it('prints the version', async () => {
    const io = memoryIo(dir);

    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out()).toBe(`${TOOL.version}\n`);
  });

  it('lists the commands on --help (exit 0) and without a command (stderr, exit 2)', async () => {
    const help = memoryIo(dir);
    const bare = memoryIo(dir);

    expect(await runCli(['--help'], help)).toBe(0);
    expect(await runCli([], bare)).toBe(2);
    for (const name of Object.keys(COMMANDS)) expect(help.out()).toContain(`  ${name}`);
    expect(bare.err()).toBe(help.out());
  });

  it('refuses an unknown command with exit 2', async () => {
    const io = memoryIo(dir);

    expect(await runCli(['porbe'], io)).toBe(2);
    expect(io.err()).toBe(`hipaa-guard: unknown command "porbe"; did you mean probe? (commands: ${Object.keys(COMMANDS).join(', ')})\n`);
  });

  it("prints a command's usage on --help", async () => {
    const io = memoryIo(dir);

    expect(await runCli(['probe', '--help'], io)).toBe(0);
    expect(io.out()).toContain('Usage: hipaa-guard probe [URL...] [options]');
    expect(io.out()).toContain('--resolve HOST:PORT:ADDR');
  });
});

describe('hipaa-guard probe: usage and config errors (exit 2, nothing probed)', () => {
  it('suggests the option meant', async () => {
    const io = memoryIo(dir);

    expect(await runCli(['probe', 'https://127.0.0.1:1/', '--formt', 'json'], io)).toBe(2);
    expect(io.err()).toBe('hipaa-guard probe: unknown option --formt; did you mean --format?\nRun `hipaa-guard probe --help` for usage.\n');
  });

  it('names the config file and line of every problem', async () => {
    // Given a config whose second endpoint is plain http and that has a misspelt key
    await writeFile(
      join(dir, 'guard.yml'),
      ['profile: hipaa', 'endpoints:', '  - url: https://127.0.0.1:1/', '  - url: http://127.0.0.1:2/', 'fail_on: high', ''].join('\n'),
    );
    const io = memoryIo(dir);

    // When probed with it
    const code = await runCli(['probe', '--config', 'guard.yml'], io);

    // Then nothing is probed and each problem names file:line
    expect(code).toBe(2);
    expect(io.err()).toBe(
      [
        'hipaa-guard probe: invalid config',
        'guard.yml:4: endpoints[1].url: expected an https:// URL such as "https://api.example.org"',
        'guard.yml:5: fail_on: unknown key "fail_on"; did you mean "fail-on"? (see schema/hipaa-guard.schema.json)',
        '',
      ].join('\n'),
    );
    expect(io.out()).toBe('');
  });

  it('names the line of a YAML syntax error', async () => {
    await writeFile(join(dir, 'broken.yml'), 'endpoints:\n  - url: [https://127.0.0.1:1/\n');
    const io = memoryIo(dir);

    expect(await runCli(['probe', '--config', 'broken.yml'], io)).toBe(2);
    expect(io.err()).toMatch(/^hipaa-guard probe: invalid config\nbroken\.yml:\d+: invalid YAML: /);
  });

  it('says when the config file named by --config cannot be read', async () => {
    const io = memoryIo(dir);

    expect(await runCli(['probe', '--config', 'missing.yml'], io)).toBe(2);
    expect(io.err()).toBe('hipaa-guard probe: invalid config\nmissing.yml:1: cannot read the config file (ENOENT)\n');
  });

  it('says what to give when there is nothing to probe', async () => {
    const io = memoryIo(dir);

    expect(await runCli(['probe'], io)).toBe(2);
    expect(io.err()).toContain('nothing to probe: give one or more https:// URLs, or a config file with `endpoints` (--config FILE)');
  });

  it('refuses a bad --fail-on value', async () => {
    const io = memoryIo(dir);

    expect(await runCli(['probe', 'https://127.0.0.1:1/', '--fail-on', 'severe'], io)).toBe(2);
    expect(io.err()).toContain('--fail-on must be one of critical, high, medium, low, never (got "severe")');
  });

  it('says when --output cannot be written', async () => {
    const io = memoryIo(dir);

    // (the unreadable --ca keeps the endpoint from being probed at all)
    const code = await runCli(['probe', 'https://127.0.0.1:1/', '--ca', 'missing.pem', '--output', 'no-such-dir/report.json'], io);

    expect(code).toBe(2);
    expect(io.err()).toContain('cannot write --output no-such-dir/report.json (ENOENT)');
  });
});

describe('hipaa-guard probe: outcomes that could not be evaluated', () => {
  it('reports an unreadable --ca as an error of that endpoint and exits 1', async () => {
    const io = memoryIo(dir);

    const code = await runCli(['probe', 'https://127.0.0.1:1/', '--ca', 'missing.pem'], io);

    expect(code).toBe(1);
    expect(io.out()).toContain('Errors (not evaluated) (1)\n  - [config] https://127.0.0.1:1/: could not read the trust anchors missing.pem');
    expect(io.out()).toMatch(/0 findings · 1 error\n$/);
  });
});

/**
 * `hipaa-guard probe` end to end against the loopback lab: in-process through runCli, and once as
 * a child process through the real entry file, as a user runs it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli.js';
import type { JsonReport } from '../../checks/report/json.js';
import type { SarifLog } from '../../checks/report/sarif.js';
import { startScenario, type LabScenario } from '../../lab/index.js';
import { memoryIo } from './memory-io.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let dir: string;
let good: LabScenario;
let legacy: LabScenario;

/** A config listing the scenarios' endpoints with the lab CA; the legacy one's url on line 7. */
function configFor(...scenarios: LabScenario[]): string {
  return [
    'profile: hipaa',
    'probe:',
    '  timeout: 5000',
    'endpoints:',
    ...scenarios.flatMap((scenario) => [
      `  - http: ${scenario.endpoint.http ?? ''}`,
      `    address: ${scenario.endpoint.address ?? ''}`,
      `    url: ${scenario.endpoint.url}`,
      '    ca: lab-root.pem',
    ]),
    '',
  ].join('\n');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hipaa-guard-probe-'));
  [good, legacy] = await Promise.all([startScenario('good'), startScenario('legacy-tls')]);
  await writeFile(join(dir, 'lab-root.pem'), good.caPem);
  await writeFile(join(dir, 'good.yml'), configFor(good));
  await writeFile(join(dir, 'both.yml'), configFor(good, legacy));
});

afterAll(async () => {
  await Promise.all([good?.stop(), legacy?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

describe('hipaa-guard probe against the loopback lab', () => {
  it('exits 0 for a well-configured endpoint and prints the text report', async () => {
    const io = memoryIo(dir);

    const code = await runCli(['probe', '--config', 'good.yml'], io);

    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toContain(`· ${good.endpoint.url} (127.0.0.1, native) ·`);
    expect(io.out()).not.toContain('\u001b[');
    expect(io.out()).not.toMatch(/^ {2}(CRITICAL|HIGH) /m);
  });

  it('exits 1 when an endpoint accepts legacy TLS, and the JSON names the URL and address probed', async () => {
    const io = memoryIo(dir);

    const code = await runCli(['probe', '--config', 'both.yml', '--format', 'json'], io);

    expect(code).toBe(1);
    const json = JSON.parse(io.out()) as JsonReport;
    expect(json.schemaVersion).toBe(1);
    expect(json.targets).toEqual([
      { kind: 'endpoint', url: good.endpoint.url, address: '127.0.0.1', engine: 'native' },
      { kind: 'endpoint', url: legacy.endpoint.url, address: '127.0.0.1', engine: 'native' },
    ]);
    const finding = json.findings.find((entry) => entry.ruleId === 'TLS-PROTOCOL-LEGACY');
    expect(finding).toMatchObject({
      severity: 'high',
      safeguard: 'transmission-security',
      citation: expect.stringMatching(/^45 CFR 164\.312\(e\)/),
      location: { kind: 'endpoint', url: legacy.endpoint.url, address: '127.0.0.1' },
      change: null,
    });
    expect(
      json.findings.filter((entry) => entry.location.kind === 'endpoint' && entry.location.url === good.endpoint.url && entry.severity === 'high'),
    ).toEqual([]);
  });

  it('shows a progress line on a terminal, erased before the coloured report', async () => {
    const io = memoryIo(dir, { tty: true });

    await runCli(['probe', '--config', 'both.yml'], io);

    expect(io.err()).toContain('probing: 2/2 endpoints done');
    expect(io.err().endsWith('\r\u001b[2K')).toBe(true);
    expect(io.out()).toContain('\u001b[1;31mHIGH    \u001b[0m TLS-PROTOCOL-LEGACY');
  });

  it('prints no colour on a terminal when NO_COLOR is set', async () => {
    const io = memoryIo(dir, { tty: true, env: { NO_COLOR: '1' } });

    await runCli(['probe', '--config', 'both.yml'], io);

    expect(io.out()).toContain('TLS-PROTOCOL-LEGACY');
    expect(io.out()).not.toContain('\u001b[');
  });

  it('exits 0 with --fail-on never, whatever it finds', async () => {
    const io = memoryIo(dir);

    expect(await runCli(['probe', '--config', 'both.yml', '--fail-on', 'never'], io)).toBe(0);
    expect(io.out()).toContain('TLS-PROTOCOL-LEGACY');
  });

  it('writes SARIF to --output, pointing at the config line that declares the endpoint (path relative to the working directory)', async () => {
    const io = memoryIo(dir);

    const code = await runCli(['probe', '--config', join(dir, 'both.yml'), '--format', 'sarif', '--output', 'out.sarif'], io);

    expect(code).toBe(1);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/^sarif report written to out\.sarif: \d+ findings? \(/);
    const sarif = JSON.parse(await readFile(join(dir, 'out.sarif'), 'utf8')) as SarifLog;
    const result = sarif.runs[0]?.results.find((entry) => entry.ruleId === 'TLS-PROTOCOL-LEGACY');
    expect(result?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'both.yml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 11, endLine: 11 },
    });
  });

  it('probes a URL given on the command line at the --resolve address, trusting --ca', async () => {
    const { hostname, port } = new URL(good.endpoint.url);
    const io = memoryIo(dir);

    await runCli(
      ['probe', good.endpoint.url, '--resolve', `${hostname}:${port}:127.0.0.1`, '--ca', 'lab-root.pem', '--format', 'json', '--timeout', '5000'],
      io,
    );

    const json = JSON.parse(io.out()) as JsonReport;
    expect(json.targets).toEqual([{ kind: 'endpoint', url: good.endpoint.url, address: '127.0.0.1', engine: 'native' }]);
    expect(json.findings.map((entry) => entry.ruleId)).not.toContain('CERT-UNTRUSTED');
    expect(json.findings.map((entry) => entry.ruleId)).not.toContain('ENDPOINT-UNREACHABLE');
  });

  it('runs as a child process through cli/main.ts with the same exit code and output', async () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');

    const outcome = await promisify(execFile)(tsx, [join(ROOT, 'cli/main.ts'), 'probe', '--config', 'both.yml', '--format', 'json'], { cwd: dir }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code?: number; stdout?: string }) => ({ code: error.code, stdout: error.stdout ?? '' }),
    );

    expect(outcome.code).toBe(1);
    expect((JSON.parse(outcome.stdout) as JsonReport).findings.map((entry) => entry.ruleId)).toContain('TLS-PROTOCOL-LEGACY');
  }, 60_000);
});

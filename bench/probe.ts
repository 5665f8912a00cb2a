/**
 * Probe benchmark, loopback only: the lab's endpoints probed by hipaa-guard, testssl.sh (default
 * run) and sslscan in one run, with per-endpoint wall times, ratios and the verdicts each tool
 * reached; then 1, 10 and 100 endpoints probed by hipaa-guard in a fresh process each, with time
 * and peak memory. The lab runs in this process; every measured prober runs in its own.
 *
 *   npx tsx bench/probe.ts [--skip-testssl]     (or through `npm run bench`)
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { EndpointConfig } from '../checks/config/schema.js';
import { cipherSuiteByCode, cipherSuiteByName } from '../checks/endpoint/cipher-suites.js';
import type { Backend } from '../checks/endpoint/backend.js';
import type { EndpointObservation, TlsVersion } from '../checks/endpoint/model.js';
import { nativeBackend } from '../checks/endpoint/probe/native-backend.js';
import { checkEndpoints } from '../checks/endpoint/index.js';
import { SCENARIO_NAMES, startScenario, type LabScenario, type ScenarioName } from '../lab/index.js';

export const run = promisify(execFile);

/** The endpoints the three tools are compared on: good, old protocols, weak suites. */
const COMPARED: readonly ScenarioName[] = ['good', 'legacy-tls', 'weak-ciphers'];
const SCALES = [1, 10, 100] as const;
const PROBE_TIMEOUT_MS = 10_000;
const CONCURRENCY = 16;

/** What a tool concluded about one endpoint, in comparable form. */
interface Verdict {
  protocols: TlsVersion[];
  /** `version IANA-name`, sorted. */
  suites: string[];
}

export interface Measured {
  /** Probe time inside the process (hipaa-guard) or the tool's whole run (external tools). */
  ms: number;
  /** The whole process, start-up included. */
  processMs: number;
  peakRssMb?: number;
  verdicts: Verdict[];
  findings?: number;
}

interface MeasureInput {
  endpoints: EndpointConfig[];
  caPem: string;
}

function verdictOf(observation: EndpointObservation): Verdict {
  const protocols = observation.protocols.status === 'measured' ? observation.protocols.value : {};
  const suites = observation.ciphers.status === 'measured' ? observation.ciphers.value : [];
  return {
    protocols: (Object.keys(protocols) as TlsVersion[]).filter((version) => protocols[version]).sort(),
    suites: suites.map((suite) => `${suite.version} ${suite.name}`).sort(),
  };
}

/** Child side: probe the endpoints with checkEndpoints and report time, CPU, peak memory, verdicts. */
async function measureHere(input: MeasureInput): Promise<Omit<Measured, 'processMs'>> {
  const observations: EndpointObservation[] = [];
  const recording: Backend = {
    name: 'native',
    probe: async (targets, options) => {
      const result = await nativeBackend.probe(targets, options);
      observations.push(...result.flatMap((settled) => (settled.status === 'fulfilled' ? [settled.value] : [])));
      return result;
    },
  };
  const started = performance.now();
  const report = await checkEndpoints({
    endpoints: input.endpoints,
    profile: 'hipaa',
    timeoutMs: PROBE_TIMEOUT_MS,
    concurrency: CONCURRENCY,
    readFile: () => Promise.resolve(input.caPem),
    now: () => new Date(),
    backends: () => recording,
  });
  const ms = Math.round(performance.now() - started);
  return {
    ms,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    verdicts: observations.map(verdictOf),
    findings: report.findings.length,
  };
}

/**
 * Parent side: run the measurement in a fresh process so its time and memory are its own. It
 * must not block: the lab's servers answer on this process's event loop.
 */
async function measureInChild(input: MeasureInput, dir: string): Promise<Measured> {
  const file = join(dir, `endpoints-${input.endpoints.length}.json`);
  writeFileSync(file, JSON.stringify(input));
  const { ms, value } = await timed(() =>
    run(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--measure', file], { encoding: 'utf8', timeout: 600_000 }),
  );
  return { ...(JSON.parse(value.stdout) as Omit<Measured, 'processMs'>), processMs: ms };
}

function portOf(endpoint: EndpointConfig): string {
  return new URL(endpoint.url).port;
}

function hostOf(endpoint: EndpointConfig): string {
  return new URL(endpoint.url).hostname;
}

const SSLSCAN_VERSIONS: Record<string, TlsVersion> = { 'ssl 3': 'SSLv3', 'tls 1.0': 'TLSv1', 'tls 1.1': 'TLSv1.1', 'tls 1.2': 'TLSv1.2', 'tls 1.3': 'TLSv1.3' };

/** sslscan's XML: `<protocol type="tls" version="1.2" enabled="1"/>`, `<cipher sslversion="TLSv1.2" id="0xC02F"/>`. */
export function verdictFromSslscan(xml: string): Verdict {
  const protocols = [...xml.matchAll(/<protocol type="(\w+)" version="([\d.]+)" enabled="1"/g)]
    .map((match) => SSLSCAN_VERSIONS[`${match[1]} ${match[2]}`])
    .filter((version): version is TlsVersion => version !== undefined);
  const suites = [...xml.matchAll(/<cipher [^>]*sslversion="([^"]+)"[^>]*id="0x([0-9A-Fa-f]+)"/g)].map((match) => {
    const version = match[1] === 'TLSv1.0' ? 'TLSv1' : (match[1] ?? '');
    return `${version} ${cipherSuiteByCode(parseInt(match[2] ?? '0', 16))?.iana ?? `0x${match[2]}`}`;
  });
  return { protocols: protocols.sort(), suites: suites.sort() };
}

const TESTSSL_PROTOCOLS: Record<string, TlsVersion> = { SSLv3: 'SSLv3', TLS1: 'TLSv1', TLS1_1: 'TLSv1.1', TLS1_2: 'TLSv1.2', TLS1_3: 'TLSv1.3' };

/** testssl.sh's JSON: protocol entries (`TLS1_2`: "offered") and `cipherorder_TLSv1_2` lists of OpenSSL names. */
export function verdictFromTestssl(json: string): Verdict {
  const entries = JSON.parse(json) as { id: string; finding: string }[];
  const protocols = entries
    .filter((entry) => TESTSSL_PROTOCOLS[entry.id] && entry.finding.startsWith('offered'))
    .map((entry) => TESTSSL_PROTOCOLS[entry.id] as TlsVersion);
  const suites = entries
    .filter((entry) => entry.id.startsWith('cipherorder_'))
    .flatMap((entry) => {
      const version = entry.id.slice('cipherorder_'.length).replace('_', '.').replace('TLSv1.0', 'TLSv1');
      return entry.finding
        .split(/\s+/)
        .filter(Boolean)
        .map((name) => `${version} ${cipherSuiteByName(name)?.iana ?? name}`);
    });
  return { protocols: protocols.sort(), suites: suites.sort() };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: Math.round(performance.now() - started), value };
}

/** sslscan against 127.0.0.1 only, with the lab host name as SNI. */
export async function sslscan(endpoint: EndpointConfig): Promise<Measured> {
  const { ms, value } = await timed(() =>
    run('sslscan', ['--no-colour', `--sni-name=${hostOf(endpoint)}`, '--xml=-', `127.0.0.1:${portOf(endpoint)}`], { timeout: 300_000 }),
  );
  return { ms, processMs: ms, verdicts: [verdictFromSslscan(value.stdout)] };
}

/** testssl.sh's default run against 127.0.0.1 only: `--ip`, no DNS at all, no phoning out (its default). */
export async function testssl(endpoint: EndpointConfig, dir: string, caFile: string): Promise<Measured> {
  const jsonFile = join(dir, `testssl-${portOf(endpoint)}.json`);
  const args = [
    '--quiet',
    '--color',
    '0',
    '--warnings',
    'off',
    '--nodns',
    'none',
    '--ip',
    '127.0.0.1',
    '--add-ca',
    caFile,
    '--jsonfile',
    jsonFile,
    endpoint.url,
  ];
  const { ms } = await timed(() => run('testssl', args, { timeout: 900_000 }).catch((error: unknown) => error));
  return { ms, processMs: ms, verdicts: [verdictFromTestssl(readFileSync(jsonFile, 'utf8'))] };
}

export function available(binary: string): boolean {
  return spawnSync(binary, ['--version'], { encoding: 'utf8' }).status !== null;
}

function sameVerdict(a: Verdict | undefined, b: Verdict | undefined): string {
  if (!a || !b) return 'n/a';
  const protocols = a.protocols.join() === b.protocols.join();
  const suites = a.suites.join() === b.suites.join();
  if (protocols && suites) return 'same';
  return [protocols ? '' : 'protocols differ', suites ? '' : 'suites differ'].filter(Boolean).join(', ');
}

function differences(a: Verdict, b: Verdict): string[] {
  const only = (left: string[], right: string[]) => left.filter((item) => !right.includes(item));
  return [...only(a.suites, b.suites).map((suite) => `only hipaa-guard: ${suite}`), ...only(b.suites, a.suites).map((suite) => `only the other: ${suite}`)];
}

async function startScaled(count: number): Promise<LabScenario[]> {
  // Every scenario but the hanging port, round-robin: the scale runs measure probing, not waiting.
  const names = SCENARIO_NAMES.filter((name) => name !== 'hang');
  return Promise.all(
    Array.from({ length: count }, (_, index) => {
      const name = names[index % names.length] as ScenarioName;
      return startScenario(name, `${name}-${index}`);
    }),
  );
}

export async function benchProbe(options: { testssl: boolean }): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hipaa-guard-bench-'));
  const lines: string[] = [];
  try {
    const compared = await Promise.all(COMPARED.map((name) => startScenario(name)));
    const caPem = compared[0]?.caPem ?? '';
    const caFile = join(dir, 'lab-ca.pem');
    writeFileSync(caFile, caPem);
    lines.push(`probe benchmark (Node ${process.version}, loopback lab, hipaa-guard in a fresh process per measurement)`, '');
    lines.push(
      '| endpoint | hipaa-guard ms | sslscan ms | testssl.sh ms | sslscan / hipaa-guard | testssl.sh / hipaa-guard | sslscan verdict | testssl.sh verdict |',
      '|---|---|---|---|---|---|---|---|',
    );
    const notes: string[] = [];
    for (const scenario of compared) {
      const ours = await measureInChild({ endpoints: [scenario.endpoint], caPem }, dir);
      const scan = available('sslscan') ? await sslscan(scenario.endpoint) : undefined;
      const full = options.testssl && available('testssl') ? await testssl(scenario.endpoint, dir, caFile) : undefined;
      const ratio = (other: Measured | undefined) => (other ? `${(other.ms / Math.max(1, ours.ms)).toFixed(1)}x` : 'n/a');
      lines.push(
        `| ${scenario.name} | ${ours.ms} (process ${ours.processMs}) | ${scan?.ms ?? 'n/a'} | ${full?.ms ?? 'skipped'} | ${ratio(scan)} | ${ratio(full)} | ${sameVerdict(ours.verdicts[0], scan?.verdicts[0])} | ${sameVerdict(ours.verdicts[0], full?.verdicts[0])} |`,
      );
      for (const [tool, other] of [
        ['sslscan', scan],
        ['testssl.sh', full],
      ] as const) {
        if (other?.verdicts[0] && ours.verdicts[0])
          notes.push(...differences(ours.verdicts[0], other.verdicts[0]).map((line) => `${scenario.name} vs ${tool}: ${line}`));
      }
    }
    await Promise.all(compared.map((scenario) => scenario.stop()));
    if (notes.length) lines.push('', ...notes);
    lines.push('', '| endpoints | wall ms (probe) | wall ms (process) | peak RSS MB | findings |', '|---|---|---|---|---|');
    for (const count of SCALES) {
      const scenarios = await startScaled(count);
      const measured = await measureInChild({ endpoints: scenarios.map((scenario) => scenario.endpoint), caPem }, dir);
      lines.push(`| ${count} | ${measured.ms} | ${measured.processMs} | ${measured.peakRssMb ?? 'n/a'} | ${measured.findings ?? 0} |`);
      await Promise.all(scenarios.map((scenario) => scenario.stop()));
    }
    return lines.join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [flag, file] = process.argv.slice(2);
  if (flag === '--measure' && file) {
    process.stdout.write(JSON.stringify(await measureHere(JSON.parse(readFileSync(file, 'utf8')) as MeasureInput)));
  } else {
    process.stdout.write(`${await benchProbe({ testssl: !process.argv.includes('--skip-testssl') })}\n`);
  }
}

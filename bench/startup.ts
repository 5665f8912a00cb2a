/**
 * Start-up benchmark, loopback only: whole processes, as a user or a CI step runs them.
 * `hipaa-guard --version`, `probe` of one lab endpoint and `scan` of a one-file Terraform change
 * (`node dist/cli.js ...`) against a bare `node -e 0`, and sslscan and testssl.sh on the same
 * endpoint, in one run. The fast commands take turns, round after round, so load on the machine
 * falls on all of them alike; each row is the median of its runs, and every run's output is
 * checked (a probe that failed fast must not count as a fast probe). Then the two long-lived
 * fronts: the App's memory at rest (`node dist/app.js` against a loopback fake of GitHub) and the
 * Action's cold start (`node dist/action.js` until its first API request).
 *
 *   npx tsx bench/startup.ts [--skip-testssl] [--baseline REF]     (or through `npm run bench`)
 *
 * `--baseline REF` measures the dist/ committed at REF as well, in the same rounds.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startScenario } from '../lab/index.js';
import { available, sslscan, testssl } from './probe.js';
import { generateRepository } from './scan.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Rounds of the fast commands; testssl.sh's default run takes a minute or more, so it runs fewer times. */
const ROUNDS = 15;
const TESTSSL_RUNS = 3;
const FRONT_RUNS = 5;
/** How long the App idles after it starts listening before its memory is read. */
const APP_REST_MS = 2000;

/** The targets of issue 15. */
const VERSION_WITHIN_NODE = 1.5;
const PROBE_VS_TESTSSL = 200;
const SCAN_UNDER_MS = 500;

interface ProcessResult {
  ms: number;
  code: number;
  stdout: string;
}

/** Runs a whole process to its end (any exit code), timed from spawn to exit. */
function runProcess(file: string, args: readonly string[], cwd = ROOT): Promise<ProcessResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const ms = performance.now() - started;
      if (error && typeof error.code !== 'number') reject(new Error(`${file} ${args.join(' ')}: ${error.message} ${stderr.split('\n')[0] ?? ''}`));
      else resolve({ ms, code: error ? Number(error.code) : 0, stdout });
    });
  });
}

interface JsonReport {
  targets: unknown[];
  findings: unknown[];
  unknown: unknown[];
  errors: { message?: string }[];
}

/** A report that proves the work was done: every target evaluated, nothing errored. */
function checkedReport(result: ProcessResult, what: string, expect: { code: number; findings: boolean }): JsonReport {
  const report = JSON.parse(result.stdout) as JsonReport;
  if (
    result.code !== expect.code ||
    report.errors.length ||
    report.unknown.length ||
    !report.targets.length ||
    report.findings.length > 0 !== expect.findings
  ) {
    throw new Error(
      `${what}: exit ${result.code}, ${report.targets.length} targets, ${report.findings.length} findings, ${report.unknown.length} unknown, errors: ${report.errors.map((error) => error.message).join('; ')}`,
    );
  }
  return report;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const round = (ms: number) => String(Math.round(ms));
const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}x`;
const met = (yes: boolean) => (yes ? 'met' : 'NOT met');

interface Case {
  name: string;
  run(): Promise<number>;
  ms: number[];
  /** The target of issue 15 and whether the median meets it; read once every case has run. */
  target?: (median: number) => string;
}

/** What this build's rows are judged against (medians; undefined when the tool did not run). */
interface Peers {
  node: () => number;
  sslscan: () => number | undefined;
  testssl: () => number | undefined;
}

/** One build of the CLI: this worktree's dist/, or the one committed at a baseline ref. */
interface Build {
  label: string;
  dir: string;
}

function extractDist(ref: string, into: string): Build {
  execFileSync('sh', ['-c', `git -C "$1" archive "$2" dist | tar -x -C "$3"`, 'sh', ROOT, ref, into]);
  return { label: `dist at ${ref}`, dir: join(into, 'dist') };
}

function cliCases(build: Build, probeConfig: string, scanArgs: readonly string[], peers?: Peers): Case[] {
  const cli = join(build.dir, 'cli.js');
  const suffix = build.label === 'dist' ? '' : ` (${build.label})`;
  return [
    {
      name: `hipaa-guard --version${suffix}`,
      run: async () => {
        const result = await runProcess(process.execPath, [cli, '--version']);
        if (result.code !== 0 || !/^\d+\.\d+\.\d+/.test(result.stdout)) throw new Error(`--version printed "${result.stdout}"`);
        return result.ms;
      },
      ms: [],
      ...(peers && { target: (ms) => `≤ ${VERSION_WITHIN_NODE}x node -e 0: ${ratio(ms, peers.node())}, ${met(ms <= VERSION_WITHIN_NODE * peers.node())}` }),
    },
    {
      name: `hipaa-guard probe, 1 loopback endpoint${suffix}`,
      run: async () => {
        const result = await runProcess(process.execPath, [cli, 'probe', '--config', probeConfig, '--format', 'json']);
        checkedReport(result, 'probe', { code: 0, findings: false });
        return result.ms;
      },
      ms: [],
      ...(peers && {
        target: (ms) => {
          const [sslscanMs, testsslMs] = [peers.sslscan(), peers.testssl()];
          return [
            sslscanMs === undefined ? 'sslscan not installed' : `≤ sslscan: ${ratio(ms, sslscanMs)} of its time, ${met(ms <= sslscanMs)}`,
            testsslMs === undefined
              ? 'testssl.sh not run'
              : `≥ ${PROBE_VS_TESTSSL}x faster than testssl.sh: ${ratio(testsslMs, ms)}, ${met(testsslMs >= PROBE_VS_TESTSSL * ms)}`,
          ].join('; ');
        },
      }),
    },
    {
      name: `hipaa-guard scan, 1-file Terraform change${suffix}`,
      run: async () => {
        const result = await runProcess(process.execPath, [cli, 'scan', ...scanArgs, '--format', 'json']);
        checkedReport(result, 'scan', { code: 1, findings: true });
        return result.ms;
      },
      ms: [],
      ...(peers && { target: (ms) => `< ${SCAN_UNDER_MS} ms: ${met(ms < SCAN_UNDER_MS)}` }),
    },
  ];
}

// ---- the long-lived fronts ---------------------------------------------------------------------

/** A loopback HTTP server answering every request with `answer`; `onRequest` sees each first. */
async function fakeGitHub(
  answer: (request: IncomingMessage) => { status: number; body: unknown },
  onRequest: (request: IncomingMessage) => void = () => undefined,
) {
  const server = createServer((request, response) => {
    onRequest(request);
    const { status, body } = answer(request);
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(resolve)) };
}

function residentMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) / 1024;
}

/** `node dist/app.js` with valid settings against a fake GitHub Enterprise Server: RSS once it has idled. */
async function appAtRest(build: Build, work: string, privateKey: string): Promise<number> {
  const github = await fakeGitHub((request) =>
    request.url === '/api/v3/app' ? { status: 200, body: { id: 1, slug: 'hipaa-guard' } } : { status: 404, body: { message: 'Not Found' } },
  );
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: work,
    APP_ID: '1',
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: 'bench',
    GHE_HOST: `127.0.0.1:${github.port}`,
    GHE_PROTOCOL: 'http',
    HOST: '127.0.0.1',
    PORT: '0',
  };
  const child = spawn(process.execPath, [join(build.dir, 'app.js')], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('hipaa-guard app listening')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the App exited (${code}) before listening: ${output}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, APP_REST_MS));
    if (child.pid === undefined) throw new Error('the App has no pid');
    return residentMb(child.pid);
  } finally {
    child.kill('SIGTERM');
    await github.close();
  }
}

/** `node dist/action.js` on a pull_request event of the throw-away repository: ms until its first API request. */
async function actionFirstRequest(build: Build, work: string, repository: { dir: string; base: string; head: string }): Promise<number> {
  const event = join(work, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 1, base: { sha: repository.base }, head: { sha: repository.head } } }));
  writeFileSync(join(work, 'output'), '');
  writeFileSync(join(work, 'summary.md'), '');
  let firstRequest: (() => void) | undefined;
  const requested = new Promise<void>((resolve) => (firstRequest = resolve));
  const github = await fakeGitHub(
    () => ({ status: 201, body: { id: 1 } }),
    () => firstRequest?.(),
  );
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: work,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_WORKSPACE: repository.dir,
    GITHUB_API_URL: `http://127.0.0.1:${github.port}`,
    GITHUB_OUTPUT: join(work, 'output'),
    GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
    RUNNER_TEMP: work,
    INPUT_TOKEN: 'ghs_bench_token',
  };
  const started = performance.now();
  const child = spawn(process.execPath, [join(build.dir, 'action.js')], { cwd: repository.dir, env, stdio: 'ignore' });
  try {
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the Action exited (${code}) without calling the API`))));
    await Promise.race([requested, exited]);
    return performance.now() - started;
  } finally {
    child.kill('SIGKILL');
    await github.close();
  }
}

// ---- the run -----------------------------------------------------------------------------------

export async function benchStartup(options: { testssl: boolean; baseline?: string }): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'hipaa-guard-startup-'));
  const scenario = await startScenario('good');
  const repository = generateRepository(1, 1);
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const caFile = join(work, 'lab-ca.pem');
    writeFileSync(caFile, scenario.caPem);
    const probeConfig = join(work, 'probe.yml');
    const { url, http, address } = scenario.endpoint;
    writeFileSync(probeConfig, `endpoints:\n  - url: ${url}\n    http: ${http ?? ''}\n    address: ${address ?? ''}\n    ca: ${caFile}\n`);
    const scanArgs = ['--repo', repository.dir, '--base', repository.base, '--head', repository.head];

    const builds: Build[] = [{ label: 'dist', dir: join(ROOT, 'dist') }];
    if (options.baseline) builds.push(extractDist(options.baseline, work));
    const node: Case = { name: 'node -e 0', run: async () => (await runProcess(process.execPath, ['-e', '0'])).ms, ms: [] };
    const peer: Case | undefined = available('sslscan')
      ? { name: 'sslscan, same endpoint', run: async () => (await sslscan(scenario.endpoint)).ms, ms: [] }
      : undefined;
    // A directory per run: testssl.sh adds to a JSON file that exists.
    const full: Case = {
      name: 'testssl.sh default run, same endpoint',
      run: async () => (await testssl(scenario.endpoint, mkdtempSync(join(work, 'testssl-')), caFile)).ms,
      ms: [],
    };
    const peers: Peers = {
      node: () => median(node.ms),
      sslscan: () => (peer ? median(peer.ms) : undefined),
      testssl: () => (full.ms.length ? median(full.ms) : undefined),
    };
    const ours = builds.flatMap((build, index) => cliCases(build, probeConfig, scanArgs, index === 0 ? peers : undefined));
    const cases = [node, ...ours, ...(peer ? [peer] : [])];
    for (let index = 0; index < ROUNDS; index++) {
      for (const entry of cases) entry.ms.push(await entry.run());
    }
    if (options.testssl && available('testssl')) {
      for (let index = 0; index < TESTSSL_RUNS; index++) full.ms.push(await full.run());
    }
    const lines = [
      `start-up (whole processes, Node ${process.version}, ${ROUNDS} interleaved rounds, testssl.sh ${full.ms.length} runs; load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after)`,
      '',
      '| process | median ms | min ms | max ms | / node -e 0 | target (issue 15) |',
      '|---|---|---|---|---|---|',
      ...[...cases, ...(full.ms.length ? [full] : [])].map((entry) => {
        const ms = median(entry.ms);
        return `| ${entry.name} | ${round(ms)} | ${round(Math.min(...entry.ms))} | ${round(Math.max(...entry.ms))} | ${ratio(ms, peers.node())} | ${entry.target?.(ms) ?? ''} |`;
      }),
    ];

    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const fronts = builds.map(() => ({ rss: [] as number[], action: [] as number[] }));
    for (let index = 0; index < FRONT_RUNS; index++) {
      for (const [position, build] of builds.entries()) {
        fronts[position]?.rss.push(await appAtRest(build, work, privateKey));
        fronts[position]?.action.push(await actionFirstRequest(build, work, repository));
      }
    }
    lines.push('', `| front (median of ${FRONT_RUNS}) | ${builds.map((build) => build.label).join(' | ')} |`, `|---|${builds.map(() => '---|').join('')}`);
    lines.push(`| App: RSS MB at rest (${APP_REST_MS / 1000} s after listening) | ${fronts.map((front) => median(front.rss).toFixed(1)).join(' | ')} |`);
    lines.push(`| Action: ms from start to first API request (pull_request) | ${fronts.map((front) => round(median(front.action))).join(' | ')} |`);
    return lines.join('\n');
  } finally {
    await scenario.stop();
    rmSync(repository.dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

export function startupOptions(argv: readonly string[]): { testssl: boolean; baseline?: string } {
  const baseline = argv[argv.indexOf('--baseline') + 1];
  return { testssl: !argv.includes('--skip-testssl'), ...(argv.includes('--baseline') && baseline ? { baseline } : {}) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${await benchStartup(startupOptions(process.argv.slice(2)))}\n`);
}

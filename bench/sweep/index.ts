/**
 * The App's shared sweep at scale: `repositories` repositories × `endpoints` loopback endpoints
 * (10 installations), one real redis-server, 1, 2 and 4 replica processes (real Probot auth,
 * Sweeper, native probes, issue lifecycle) against a loopback GitHub. Prints wall time, probes
 * per second and API requests per installation per hour against GitHub's limit.
 * `npx tsx bench/sweep/index.ts [--repositories N] [--endpoints N] [--replicas 1,2,4]`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { SharedSweeps } from '../../app/shared-sweeps.js';
import type { SweepSummary } from '../../app/sweep.js';
import { LAB_CA_FILE, startScenario, type LabScenario } from '../../lab/index.js';
import { startRedis } from '../../test/support/redis-server.js';
import { startFakeGitHub } from './fake-github.js';

const INSTALLATIONS = 10;
/** GitHub's smallest installation rate limit (requests per hour). */
const INSTALLATION_LIMIT = 5_000;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface SweepBenchRow {
  replicas: number;
  seconds: number;
  probes: number;
  probesPerSecond: number;
  /** Most requests any installation made, scaled to an hour. */
  requestsPerInstallationHour: number;
  requestsPerRepository: number;
  /** Issues opened: none is right, every endpoint is well configured. */
  issues: number;
}

async function startReplica(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'replica.ts')], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ready, failed) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready());
    child.once('exit', (code) => failed(new Error(`a replica exited ${code}`)));
  });
  return child;
}

export async function benchSweeps(options: { repositories: number; endpoints: number; replicas: readonly number[] }): Promise<SweepBenchRow[]> {
  const scenarios: LabScenario[] = await Promise.all(Array.from({ length: options.endpoints }, () => startScenario('good')));
  const config = `endpoints:\n${scenarios.map(({ endpoint }) => `  - url: ${endpoint.url}\n    http: ${endpoint.http}\n    address: ${endpoint.address}\n    ca: ${LAB_CA_FILE}\n`).join('')}`;
  const redis = await startRedis();
  const client = new Redis(redis.url);
  const rows: SweepBenchRow[] = [];
  try {
    for (const replicas of options.replicas) {
      await client.flushall();
      const github = await startFakeGitHub({
        installations: INSTALLATIONS,
        repositories: Math.ceil(options.repositories / INSTALLATIONS),
        config,
        files: { [LAB_CA_FILE]: scenarios[0]!.caPem },
      });
      const children = await Promise.all(Array.from({ length: replicas }, () => startReplica({ REDIS_URL: redis.url, GITHUB_URL: github.baseUrl })));
      const asker = new SharedSweeps({
        redisUrl: redis.url,
        steps: undefined as never,
        now: () => new Date(),
        concurrency: 1,
        repositoriesPerHour: 1,
        log: quiet,
      });
      try {
        const started = process.hrtime.bigint();
        const outcome = await asker.sweep();
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const summary = (outcome as { summary: SweepSummary }).summary;
        const probes = summary.repositories.reduce((sum, repository) => sum + repository.endpoints, 0);
        const failed = summary.repositories.filter((repository) => repository.status !== 'probed');
        if (failed.length) throw new Error(`${failed.length} repositories not probed: ${JSON.stringify(failed.slice(0, 3))}`);
        const requests = [...github.requests.values()];
        rows.push({
          replicas,
          seconds,
          probes,
          probesPerSecond: probes / seconds,
          requestsPerInstallationHour: (Math.max(...requests) / seconds) * 3600,
          requestsPerRepository: requests.reduce((sum, count) => sum + count, 0) / summary.repositories.length,
          issues: github.issues.created,
        });
      } finally {
        await asker.close();
        for (const child of children) child.kill('SIGTERM');
        await github.close();
      }
    }
  } finally {
    client.disconnect();
    await redis.stop();
    await Promise.all(scenarios.map((scenario) => scenario.stop()));
  }
  return rows;
}

export function formatSweepBench(rows: readonly SweepBenchRow[], options: { repositories: number; endpoints: number }): string {
  const lines = [
    `App sweep through Redis: ${options.repositories} repositories × ${options.endpoints} loopback endpoints, ${INSTALLATIONS} installations`,
    'replicas  wall s   probes  probes/s  issues  API req/repo  API req/installation/h (limit 5,000; capped at 500 repos/h)',
  ];
  for (const row of rows) {
    const capped = Math.min(row.requestsPerInstallationHour, 500 * row.requestsPerRepository);
    lines.push(
      `${String(row.replicas).padStart(8)}  ${row.seconds.toFixed(1).padStart(6)}  ${String(row.probes).padStart(7)}  ${row.probesPerSecond.toFixed(0).padStart(8)}  ${String(row.issues).padStart(6)}  ${row.requestsPerRepository.toFixed(1).padStart(12)}  ${row.requestsPerInstallationHour.toFixed(0)} uncapped, ${capped.toFixed(0)} with the cap (${((capped / INSTALLATION_LIMIT) * 100).toFixed(0)}% of the limit)`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flag = (name: string, fallback: string) => {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
  };
  const options = {
    repositories: Number(flag('repositories', '1000')),
    endpoints: Number(flag('endpoints', '10')),
    replicas: flag('replicas', '1,2,4').split(',').map(Number),
  };
  process.stdout.write(`${formatSweepBench(await benchSweeps(options), options)}\n`);
}

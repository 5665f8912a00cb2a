/**
 * Sweeps shared by replicas through a real redis-server on loopback (BullMQ): fan-out over
 * installations and repositories, each repository swept once per sweep with the work spread
 * over the replicas, a replica killed mid-sweep, one schedule for the deployment, manual sweeps
 * de-duplicated, failures retried then listed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { QueueEvents } from 'bullmq';
import { QUEUE_NAME, SharedSweeps, type SharedSweepsOptions } from '../../app/shared-sweeps.js';
import { healthRoute } from '../../app/routes.js';
import type { RepositorySweep } from '../../app/sweep.js';
import { startRedis, type RedisServer } from '../support/redis-server.js';
import { ATTEMPTS_KEY, fakeSweepSteps, FANOUT_KEY, HOLDING_KEY, SWEPT_KEY, type FakeStepsOptions } from './fake-sweep-steps.js';

const REPLICA = resolve('test/app/shared-sweeps-replica.ts');
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

let redis: RedisServer;
let client: Redis;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  client.disconnect();
  await redis.stop();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await client.flushall();
});

/** A replica in this process. */
function replica(name: string, steps: Partial<FakeStepsOptions> = {}, options: Partial<SharedSweepsOptions> = {}): SharedSweeps {
  const fake = fakeSweepSteps({ replica: name, redisUrl: redis.url, installations: 2, repositories: 5, holdMs: 20, ...steps });
  const shared = new SharedSweeps({
    redisUrl: redis.url,
    steps: fake,
    now: () => new Date(),
    concurrency: 2,
    repositoriesPerHour: 100_000,
    lockDurationMs: 2_000,
    attempts: 2,
    retryDelayMs: 100,
    log: quiet,
    ...options,
  });
  cleanups.push(async () => {
    await shared.close();
    fake.close();
  });
  return shared;
}

/** A replica in its own process (so it can be killed). */
async function replicaProcess(name: string, env: Record<string, string>): Promise<ChildProcess> {
  // One process (node with tsx's loader, not the tsx CLI, which runs node as a child a kill would miss).
  const child = spawn(process.execPath, ['--import', 'tsx', REPLICA], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', REDIS_URL: redis.url, REPLICA: name, LOCK_MS: '1000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  await new Promise<void>((ready, failed) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready());
    child.once('exit', (code) => failed(new Error(`replica ${name} exited ${code}: ${err}`)));
  });
  return child;
}

/** `replica owner/repo` lines the fake steps recorded. */
async function swept(): Promise<{ replica: string; repository: string }[]> {
  return (await client.lrange(SWEPT_KEY, 0, -1)).map((line) => {
    const [replicaName = '', repository = ''] = line.split(' ');
    return { replica: replicaName, repository };
  });
}

const allRepositories = (installations: number, repositories: number) =>
  Array.from({ length: installations }, (_, i) => Array.from({ length: repositories }, (_, r) => `org${i + 1}/repo${r + 1}`))
    .flat()
    .sort();

describe('sweeps shared through Redis', () => {
  it('Given two replicas, when a sweep runs, then every repository is swept once, both replicas take part, and the summary lists them all', async () => {
    const a = replica('a', { installations: 3, repositories: 8 });
    const b = replica('b', { installations: 3, repositories: 8 });
    await Promise.all([a.start(), b.start()]);

    const outcome = await a.sweep();

    expect(outcome.status).toBe('completed');
    const summary = outcome.status === 'completed' ? outcome.summary : undefined;
    expect(summary?.installations).toBe(3);
    expect(summary?.repositories.map((repository) => repository.repository).sort()).toEqual(allRepositories(3, 8));
    expect(summary?.repositories.every((repository) => repository.status === 'probed')).toBe(true);
    const records = await swept();
    expect(records.map((record) => record.repository).sort()).toEqual(allRepositories(3, 8));
    expect(new Set(records.map((record) => record.replica))).toEqual(new Set(['a', 'b']));
  });

  it('Given a sweep in progress, when another is asked for on another replica, then it is "already running" and only one sweep happens', async () => {
    const a = replica('a', { installations: 1, repositories: 4, holdMs: 300 });
    const b = replica('b', { installations: 1, repositories: 4, holdMs: 300 });
    await Promise.all([a.start(), b.start()]);

    const first = a.sweep();
    await vi.waitFor(async () => expect(await b.isRunning()).toBe(true), { timeout: 5_000 });
    const second = await b.sweep();

    expect(second).toEqual({ status: 'already-running' });
    expect((await first).status).toBe('completed');
    expect(await client.llen(FANOUT_KEY)).toBe(1);
    expect(await b.isRunning()).toBe(false);
  });

  it('Given a repository that keeps failing, when swept, then it is retried, ends failed with its reason, and the others are swept', async () => {
    const a = replica('a', { installations: 1, repositories: 3, failing: ['org1/repo2'] }, { attempts: 2 });
    await a.start();

    const outcome = await a.sweep();

    const repositories = outcome.status === 'completed' ? outcome.summary.repositories : [];
    expect(repositories.find((repository) => repository.repository === 'org1/repo2')).toEqual<RepositorySweep>({
      repository: 'org1/repo2',
      status: 'failed',
      endpoints: 0,
      refused: 0,
      findings: 0,
      detail: 'GitHub answered 502',
    });
    expect((await swept()).map((record) => record.repository).sort()).toEqual(['org1/repo1', 'org1/repo3']);
    expect((await client.lrange(ATTEMPTS_KEY, 0, -1)).filter((label) => label === 'org1/repo2')).toHaveLength(2);
  });

  it('Given an installation over its hourly allowance, when swept, then the rest of its repositories wait for the next hour', async () => {
    const a = replica('a', { installations: 1, repositories: 5 }, { repositoriesPerHour: 2 });
    await a.start();

    void a.sweep();

    await vi.waitFor(async () => expect(await client.llen(SWEPT_KEY)).toBe(2), { timeout: 10_000 });
    await new Promise((done) => setTimeout(done, 500));
    expect(await client.llen(SWEPT_KEY)).toBe(2);
  });

  it('Given a replica killed with SIGKILL mid-sweep, when the sweep goes on, then the other replica finishes its repositories', async () => {
    const env = { INSTALLATIONS: '2', REPOSITORIES: '6', HOLD_MS: '400' };
    const doomed = await replicaProcess('doomed', env);
    await replicaProcess('survivor', env);
    const asker = replica('asker');
    const events = new QueueEvents(QUEUE_NAME, { connection: { url: redis.url } });
    cleanups.push(() => events.close());
    const stalled: string[] = [];
    events.on('stalled', ({ jobId }) => stalled.push(jobId));
    await events.waitUntilReady();

    const outcome = asker.sweep();
    // Kill the doomed replica while it holds a job (not merely after it swept one: under load the queue
    // could be drained by then, leaving nothing to stall).
    await vi.waitFor(async () => expect((await client.smembers(HOLDING_KEY)).some((entry) => entry.startsWith('doomed '))).toBe(true), {
      timeout: 10_000,
    });
    doomed.kill('SIGKILL');

    const result = await outcome;
    const repositories = result.status === 'completed' ? result.summary.repositories : [];
    expect(repositories.map((repository) => repository.repository).sort()).toEqual(allRepositories(2, 6));
    expect(repositories.every((repository) => repository.status === 'probed')).toBe(true);
    const records = await swept();
    expect(records.map((record) => record.repository).sort()).toEqual(allRepositories(2, 6));
    expect(records.some((record) => record.replica === 'survivor')).toBe(true);
    // The jobs the doomed replica held were found stalled and taken over, not lost.
    expect(stalled.length).toBeGreaterThan(0);
  }, 60_000);

  it('Given three replicas with the same schedule, when it fires, then one sweep starts per period, not three', async () => {
    const env = { INSTALLATIONS: '1', REPOSITORIES: '1', HOLD_MS: '10', SCHEDULE: '*/2 * * * * *' };
    await Promise.all(['one', 'two', 'three'].map((name) => replicaProcess(name, env)));

    await new Promise((done) => setTimeout(done, 7_000));

    const fanouts = (await client.lrange(FANOUT_KEY, 0, -1)).map((line) => Number(line.split(' ')[1]));
    // Seven seconds of a two-second schedule: three or four periods, one sweep each.
    expect(fanouts.length).toBeGreaterThanOrEqual(3);
    expect(fanouts.length).toBeLessThanOrEqual(4);
    const periods = new Set(fanouts.map((time) => Math.floor(time / 2_000)));
    expect(periods.size).toBe(fanouts.length);
  }, 60_000);

  it('Given a replica whose Redis goes away, when /health is asked, then it says the queue is disconnected (503), and ok again once it is back', async () => {
    const own = await startRedis();
    const shared = new SharedSweeps({
      redisUrl: own.url,
      steps: fakeSweepSteps({ replica: 'a', redisUrl: own.url, installations: 0, repositories: 0, holdMs: 0 }),
      now: () => new Date(),
      concurrency: 1,
      repositoriesPerHour: 1,
      log: quiet,
    });
    await shared.start();
    const server = createServer((request, response) => void healthRoute(() => shared.health())(request, response));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    cleanups.push(() => new Promise<void>((done) => server.close(() => done())));
    const health = async () => {
      const response = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/health`);
      return [response.status, ((await response.json()) as { queue: unknown }).queue];
    };

    expect(await health()).toEqual([200, { queue: 'redis', connected: true }]);
    await own.stop();
    await vi.waitFor(async () => expect(await health()).toEqual([503, { queue: 'redis', connected: false }]), { timeout: 10_000 });
    const back = await startRedis(own.port);
    cleanups.push(() => back.stop());
    await vi.waitFor(async () => expect(await health()).toEqual([200, { queue: 'redis', connected: true }]), { timeout: 15_000 });
    await shared.close();
  });
});

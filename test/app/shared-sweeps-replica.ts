/**
 * One App replica's shared sweep worker as its own process, for the tests that kill replicas:
 * `tsx test/app/shared-sweeps-replica.ts` with REDIS_URL, REPLICA, INSTALLATIONS, REPOSITORIES,
 * HOLD_MS, LOCK_MS and optionally SCHEDULE. Prints `ready` once it takes jobs.
 */
import { SharedSweeps } from '../../app/shared-sweeps.js';
import { fakeSweepSteps } from './fake-sweep-steps.js';

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
const shared = new SharedSweeps({
  redisUrl: env('REDIS_URL'),
  steps: fakeSweepSteps({
    replica: env('REPLICA'),
    redisUrl: env('REDIS_URL'),
    installations: Number(env('INSTALLATIONS')),
    repositories: Number(env('REPOSITORIES')),
    holdMs: Number(env('HOLD_MS')),
  }),
  now: () => new Date(),
  concurrency: 2,
  repositoriesPerHour: 100_000,
  lockDurationMs: Number(env('LOCK_MS')),
  ...(process.env.SCHEDULE ? { schedule: process.env.SCHEDULE } : {}),
  log,
});
await shared.start();
process.stdout.write('ready\n');
process.once('SIGTERM', () => void shared.close().then(() => process.exit(0)));

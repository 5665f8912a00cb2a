/**
 * App replicas for the tests of what replicas share: each a real Probot instance of its own
 * (its own state, its own in-flight map) loading the real app function, talking to the loopback
 * GitHub fake, and, when given a Redis URL, sharing sweeps, check holds and the sweep's issue cap
 * through it as `REDIS_URL` does in production.
 */
import { Probot, ProbotOctokit } from 'probot';
import { hipaaGuardApp, type AppDependencies } from '../../app/index.js';
import { SharedSweeps } from '../../app/shared-sweeps.js';
import { FakeClock } from './fake-clock.js';
import { SWEEP_DEFAULTS } from './harness.js';
import { TEST_PRIVATE_KEY } from './keys.js';

export const REPLICA_APP_ID = 123;

export interface Replica {
  probot: Probot;
  receive(event: string, payload: Record<string, unknown>, id: string): Promise<void>;
  /** The replica's shared sweeps (with a Redis URL). */
  shared: SharedSweeps | undefined;
  close(): Promise<void>;
}

const unused = (what: string) => () => Promise.reject(new Error(`${what} was not expected in this test`));

export async function startReplica(apiUrl: string, options: { redisUrl?: string } & Partial<AppDependencies> = {}): Promise<Replica> {
  const { redisUrl, ...overrides } = options;
  const probot = new Probot({
    appId: REPLICA_APP_ID,
    privateKey: TEST_PRIVATE_KEY,
    baseUrl: apiUrl,
    Octokit: ProbotOctokit.defaults((settings: object) => ({ ...settings, retry: { enabled: false }, throttle: { enabled: false } })),
    logLevel: 'fatal',
  });
  let shared: SharedSweeps | undefined;
  const clock = new FakeClock('2026-11-24T03:00:00Z');
  const deps: AppDependencies = {
    scan: unused('a scan'),
    probe: unused('a probe'),
    resolve: unused('DNS'),
    clock,
    settings: SWEEP_DEFAULTS,
    appId: REPLICA_APP_ID,
    ...(redisUrl === undefined
      ? {}
      : {
          sharedSweeps: (steps) =>
            (shared = new SharedSweeps({ redisUrl, steps, now: () => clock.now(), concurrency: 1, repositoriesPerHour: 100_000, log: probot.log })),
        }),
    ...overrides,
  };
  await probot.load(hipaaGuardApp(deps), { cwd: process.cwd(), addHandler: () => undefined });
  await shared?.start();
  return {
    probot,
    get shared() {
      return shared;
    },
    receive: (event, payload, id) => probot.receive({ id, name: event, payload } as Parameters<Probot['receive']>[0]),
    close: async () => {
      await shared?.close();
    },
  };
}

/**
 * One App replica for the sweep benchmark, as its own process: the real Probot auth, Sweeper,
 * native probes and issue publishing, against the loopback GitHub (GITHUB_URL), sharing the
 * sweep through Redis (REDIS_URL). Prints `ready`.
 */
import { Probot } from 'probot';
import { syncEndpointIssues } from '../../checks/github/endpoint-issues.js';
import { probeRepository } from '../../app/probe.js';
import { systemClock } from '../../app/scheduler.js';
import { SharedSweeps } from '../../app/shared-sweeps.js';
import { Sweeper } from '../../app/sweep.js';
import { TEST_PRIVATE_KEY } from '../../test/app/keys.js';

const probot = new Probot({ appId: 1, privateKey: TEST_PRIVATE_KEY, baseUrl: process.env.GITHUB_URL ?? '', logLevel: 'error' });
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const sweeper = new Sweeper(
  { auth: (id) => probot.auth(id), log: quiet },
  {
    probe: (request) => probeRepository(request, () => new Date()),
    publish: async (octokit, repository, report) => {
      await syncEndpointIssues(octokit, repository, report, { now: () => new Date(), maxCreated: 10 });
    },
    // Every endpoint names its loopback address; the operator allows loopback for the bench.
    resolve: () => Promise.resolve(['127.0.0.1']),
    clock: systemClock,
    allowNetworks: ['127.0.0.0/8'],
    maxEndpointsPerRepo: 50,
    budgetMs: 3_600_000,
    jitterMs: 0,
  },
);
const shared = new SharedSweeps({
  redisUrl: process.env.REDIS_URL ?? '',
  steps: sweeper,
  now: () => new Date(),
  concurrency: Number(process.env.CONCURRENCY ?? '4'),
  repositoriesPerHour: 500,
  log: quiet,
});
await shared.start();
process.stdout.write('ready\n');
process.once('SIGTERM', () => void shared.close().then(() => process.exit(0)));

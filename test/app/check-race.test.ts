/**
 * Two App replicas receive the same pull request at the same instant (GitHub delivers
 * `pull_request.opened` and `check_suite.requested` together; two replicas behind one load
 * balancer each take one). Each replica is its own Probot instance with its own state, against
 * the loopback GitHub fake and, in shared mode, a real redis-server.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { scanChanges } from '../../checks/scan.js';
import { FakeGitHub, type FakeCheckRun } from '../github/fake-github.js';
import { startRedis, type RedisServer } from '../support/redis-server.js';
import { createTempRepo, type TempRepo } from '../support/temp-repo.js';
import { examplePayload, inTestRepository } from './harness.js';
import { REPLICA_APP_ID, startReplica, type Replica } from './replica.js';

const ACTION_APP_ID = 15368;

let redis: RedisServer;
let repo: TempRepo;
let github: FakeGitHub;
let apiUrl: string;
let base: string;
let head: string;
const replicas: Replica[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});
beforeEach(async () => {
  repo = createTempRepo();
  base = repo.commit('base', { '.github/hipaa-guard.yml': 'fail-on: high\n', 'infra/main.tf': 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n' });
  head = repo.commit('head', { 'infra/main.tf': 'resource "aws_s3_bucket" "logs" {\n  bucket = "audit-logs"\n}\n' });
  github = new FakeGitHub({ repoDir: repo.dir, appId: REPLICA_APP_ID, latencyMs: 20 });
  github.pullRequest = { base, head };
  apiUrl = await github.start();
});
afterEach(async () => {
  for (const replica of replicas.splice(0)) await replica.close();
  expect(github.problems).toEqual([]);
  await github.stop();
  repo.remove();
});

function pullRequestOpened(): Record<string, unknown> {
  const payload = inTestRepository(
    examplePayload('pull_request', 'opened') as ReturnType<typeof examplePayload> & { repository: { name: string; owner: { login: string } } },
  );
  const pull = payload.pull_request as { number: number; head: { sha: string }; base: { sha: string } };
  pull.head.sha = head;
  pull.base.sha = base;
  return payload;
}

/** Both replicas receive the same event at once (two deliveries of one change). */
async function raceDeliveries(first: Replica, second: Replica): Promise<void> {
  const payload = pullRequestOpened();
  await Promise.all([first.receive('pull_request', payload, 'delivery-a'), second.receive('pull_request', structuredClone(payload), 'delivery-b')]);
}

const ours = () => github.checkRuns.filter((run) => run.app.id === REPLICA_APP_ID && run.head_sha === head);
const reporting = (runs: FakeCheckRun[]) => runs.filter((run) => run.status === 'completed' && run.conclusion !== 'cancelled');

describe('one check run per head commit across replicas', () => {
  it("Given two replicas sharing Redis, when both get the delivery at the same instant, then one creates and completes the only run, and the Action's run of the same name is never touched", async () => {
    // Given the Action's run of the same name on the commit, and two replicas on one Redis
    const foreign = github.addForeignCheckRun(head, ACTION_APP_ID);
    replicas.push(
      await startReplica(apiUrl, { redisUrl: redis.url, scan: scanChanges }),
      await startReplica(apiUrl, { redisUrl: redis.url, scan: scanChanges }),
    );
    const holds = replicas.map((replica) => vi.spyOn(replica.shared!, 'hold'));
    // When both receive the pull request at once
    await raceDeliveries(replicas[0]!, replicas[1]!);
    // Then both asked Redis for the commit's check: one got it, the other was refused
    const answers = await Promise.all(holds.flatMap((hold) => hold.mock.results.map((result) => result.value as Promise<unknown>)));
    expect(holds.map((hold) => hold.mock.calls.map(([key]) => key))).toEqual([
      [`check:Codertocat/Hello-World@${head}:HIPAA safeguards`],
      [`check:Codertocat/Hello-World@${head}:HIPAA safeguards`],
    ]);
    expect(answers.map((answer) => typeof answer).sort()).toEqual(['function', 'undefined']);
    // And one run of ours was created, and it reports
    expect(github.routes().filter((route) => route === 'POST /repos/Codertocat/Hello-World/check-runs')).toHaveLength(1);
    expect(ours().map((run) => [run.status, run.conclusion])).toEqual([['completed', 'success']]);
    // And the other app's run was never written to
    expect([foreign.status, foreign.conclusion, foreign.updates]).toEqual(['completed', 'success', 0]);
  });

  it('Given two replicas without Redis, when both create a run at the same instant, then exactly one run reports (the newest, which GitHub shows) and the other is cancelled naming it', async () => {
    const foreign = github.addForeignCheckRun(head, ACTION_APP_ID);
    replicas.push(await startReplica(apiUrl, { scan: scanChanges }), await startReplica(apiUrl, { scan: scanChanges }));
    // Both list the commit's runs before either creates one
    github.options.barrier = { route: /^GET \/repos\/[^/]+\/[^/]+\/commits\/[^/]+\/check-runs$/, count: 2 };
    await raceDeliveries(replicas[0]!, replicas[1]!);
    const runs = ours().sort((a, b) => a.id - b.id);
    // Both listed before either created: two runs, of which only the newest reports
    expect(runs).toHaveLength(2);
    expect(reporting(runs).map((run) => run.id)).toEqual([runs[1]!.id]);
    expect([runs[0]!.conclusion, runs[0]!.output.summary]).toEqual(['cancelled', expect.stringContaining(`Check run ${runs[1]!.id} reports the results`)]);
    expect([foreign.status, foreign.conclusion, foreign.updates]).toEqual(['completed', 'success', 0]);
  });
});

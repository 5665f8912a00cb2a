/**
 * The cap on issues one sweep creates, over every repository and installation: in process, and
 * shared by two App replicas through a real redis-server (each replica its own Probot instance,
 * against the loopback GitHub fake). Also the Redis holds behind one check run per commit.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeRequest } from '../../app/sweep.js';
import { SharedSweeps, type SweepSteps } from '../../app/shared-sweeps.js';
import { useFakeGitHub } from '../github/fake-github.js';
import { startRedis, type RedisServer } from '../support/redis-server.js';
import { cleanReport, endpointFinding } from '../support/report-builder.js';
import { createTestApp, type TestApp } from './harness.js';
import { startReplica, type Replica } from './replica.js';

const CAP = 3;
const SECRET = 'c'.repeat(40);
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

const fake = useFakeGitHub();
const replicas: Replica[] = [];
let app: TestApp | undefined;
afterEach(async () => {
  for (const replica of replicas.splice(0)) await replica.close();
  app = undefined;
  const client = new Redis(redis.url);
  await client.flushall();
  client.disconnect();
});

/** Four repositories of two endpoints each, all failing: eight issues wanted, far over the cap. */
function fleetOfFailingEndpoints(): void {
  const config = 'endpoints:\n  - url: https://api.example.org\n  - url: https://www.example.org\n';
  fake.github.addInstallation(1, [
    { owner: 'acme', repo: 'one', config },
    { owner: 'acme', repo: 'two', config },
  ]);
  fake.github.addInstallation(2, [
    { owner: 'globex', repo: 'three', config },
    { owner: 'globex', repo: 'four', config },
  ]);
}

/** A probe finding legacy TLS on every endpoint; `probed` counts its calls. */
function failingProbe(probed: { count: number }) {
  return (request: ProbeRequest) => {
    probed.count++;
    const now = request.now.toISOString();
    const targets = request.config.endpoints.map((endpoint) => ({ kind: 'endpoint' as const, url: endpoint.url, engine: 'native' as const }));
    const findings = request.config.endpoints.map((endpoint) =>
      endpointFinding(undefined, { location: { kind: 'endpoint', url: endpoint.url, address: '203.0.113.7' }, subject: endpoint.url }),
    );
    return Promise.resolve(cleanReport({ startedAt: now, finishedAt: now, targets, findings }));
  };
}

const resolve = () => Promise.resolve(['203.0.113.7']);

describe('the sweep-wide cap on issues created', () => {
  it(`Given eight failing endpoints and a cap of ${CAP}, when one replica sweeps in process, then ${CAP} issues are created and the rest wait`, async () => {
    fleetOfFailingEndpoints();
    const probed = { count: 0 };
    app = await createTestApp({ apiUrl: fake.apiUrl, probe: failingProbe(probed), resolve, settings: { sweepSecret: SECRET }, maxIssuesPerSweep: CAP });
    const server = await app.listen();
    try {
      const response = await fetch(`${server.url}/sweep?wait=true`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` } });
      expect(response.status).toBe(200);
    } finally {
      await server.close();
    }
    expect(probed.count).toBe(4);
    expect(fake.github.issues).toHaveLength(CAP);
  });

  it(`Given the same fleet and two replicas sharing Redis, when they sweep it together, then no more than ${CAP} issues are created over the whole sweep`, async () => {
    fleetOfFailingEndpoints();
    const probedBy = [{ count: 0 }, { count: 0 }];
    for (const probed of probedBy) {
      replicas.push(await startReplica(fake.apiUrl, { redisUrl: redis.url, probe: failingProbe(probed), resolve, maxIssuesPerSweep: CAP }));
    }
    // Slow GitHub answers keep one replica from sweeping every repository before the other starts
    fake.github.options.latencyMs = 30;
    const outcome = await replicas[0]!.shared!.sweep();
    expect(outcome.status).toBe('completed');
    // Both replicas swept repositories of this sweep, and together they opened exactly the cap
    expect(probedBy.map((probed) => probed.count > 0)).toEqual([true, true]);
    expect(probedBy[0]!.count + probedBy[1]!.count).toBe(4);
    expect(fake.github.issues).toHaveLength(CAP);
  });
});

describe('SharedSweeps through Redis', () => {
  // Neither started nor sweeping: only their Redis counters and holds are used here.
  const unused = () => Promise.reject(new Error('no sweep in this test'));
  const steps: SweepSteps = {
    installations: unused,
    repositoriesOf: unused,
    sweepOne: unused,
    auth: unused,
    summarize: () => {
      throw new Error('no sweep in this test');
    },
  };
  const shared = (): SharedSweeps =>
    new SharedSweeps({ redisUrl: redis.url, steps, now: () => new Date(), concurrency: 1, repositoriesPerHour: 1, log: quiet });

  it("Given two replicas taking from one sweep's budget at once, then they are granted the cap in total, never more", async () => {
    const [a, b] = [shared(), shared()];
    try {
      const started = new Date('2026-11-24T03:00:00Z');
      const takes = await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 ? a : b).issueBudget(started, 7).take(1 + (index % 3))));
      expect(takes.reduce((sum, granted) => sum + granted, 0)).toBe(7);
      // Another sweep has a budget of its own
      expect(await a.issueBudget(new Date('2026-11-25T03:00:00Z'), 7).take(2)).toBe(2);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("Given a hold, then a second replica is refused until it is released or expires, and a late release never frees another replica's hold", async () => {
    const [a, b] = [shared(), shared()];
    try {
      const release = await a.hold('check:acme/infra@c0ffee', 300);
      expect(release).toBeTypeOf('function');
      expect(await b.hold('check:acme/infra@c0ffee', 300)).toBeUndefined();
      await release!();
      const taken = await b.hold('check:acme/infra@c0ffee', 200);
      expect(taken).toBeTypeOf('function');
      // The holder dies: its hold expires, and another replica takes it
      await new Promise((done) => setTimeout(done, 300));
      const third = await a.hold('check:acme/infra@c0ffee', 5_000);
      expect(third).toBeTypeOf('function');
      // The dead holder's late release does not free the new hold
      await taken!();
      expect(await b.hold('check:acme/infra@c0ffee', 5_000)).toBeUndefined();
      await third!();
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

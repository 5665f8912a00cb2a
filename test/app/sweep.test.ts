import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCron } from '../../app/cron.js';
import type { ProbeRequest, SweepSummary } from '../../app/sweep.js';
import type { Resolver } from '../../checks/endpoint/address-guard.js';
import type { Rule } from '../../checks/model/rule.js';
import { cleanReport, endpointFinding, HSTS_MISSING_RULE, LEGACY_TLS_RULE } from '../support/report-builder.js';
import { useFakeGitHub } from '../github/fake-github.js';
import { createTestApp, type TestApp } from './harness.js';
import pkg from '../../package.json' with { type: 'json' };

/** How long to wait for background work; generous, the machine is shared. */
const PATIENCE = { timeout: 15_000, interval: 20 };
const SECRET = 's'.repeat(40);
const INSTALLATION = 4242;
const API = 'https://api.example.org';
const PUBLIC_DNS: Resolver = (host) =>
  host === 'api.example.org' ? Promise.resolve(['203.0.113.7']) : Promise.reject(new Error(`getaddrinfo ENOTFOUND ${host}`));

// Every request the App sends must fit GitHub's API description and its size limits
const fake = useFakeGitHub();
let app: TestApp | undefined;
/** `#1 open: <title>` per issue of a repository, for compact assertions. */
const summary = (repository: string) => fake.github.issuesOf(repository).map((issue) => `#${issue.number} ${issue.state}: ${issue.title}`);
const portalIssues = () => fake.github.issuesOf('acme/portal');
let server: { url: string; close(): Promise<void> } | undefined;
afterEach(async () => {
  await server?.close();
  app = undefined;
  server = undefined;
});

/** A probe whose verdicts the test scripts per night; it records what it was asked to probe. */
function scriptedProbe(verdicts: () => Rule[], asked: ProbeRequest[] = []) {
  return (request: ProbeRequest) => {
    asked.push(request);
    const now = request.now.toISOString();
    return Promise.resolve(
      cleanReport({
        startedAt: now,
        finishedAt: now,
        targets: request.config.endpoints.map((endpoint) => ({
          kind: 'endpoint' as const,
          url: endpoint.url,
          ...(endpoint.address ? { address: endpoint.address } : {}),
          engine: 'native' as const,
        })),
        findings: request.config.endpoints.flatMap((endpoint) =>
          verdicts().map((rule) =>
            endpointFinding(rule, { location: { kind: 'endpoint', url: endpoint.url, address: endpoint.address ?? '' }, subject: endpoint.url }),
          ),
        ),
      }),
    );
  };
}

async function postSweep(url: string, query = '?wait=true', secret = SECRET): Promise<{ status: number; body: { status?: string; summary?: SweepSummary } }> {
  const response = await fetch(`${url}/sweep${query}`, { method: 'POST', headers: { authorization: `Bearer ${secret}` } });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as { status?: string; summary?: SweepSummary }) : {} };
}

/** Sweeps with wait=true and returns the findings of the one repository probed; fails on any other answer. */
async function sweptFindings(url: string): Promise<number | undefined> {
  const { status, body } = await postSweep(url);
  expect(status).toBe(200);
  expect(body.summary?.repositories).toHaveLength(1);
  expect(body.summary?.repositories[0]).toMatchObject({ status: 'probed', endpoints: 1 });
  return body.summary?.repositories[0]?.findings;
}

describe('sweeps', () => {
  it('Given an endpoint over four nights, when swept, then its issue is opened, updated, closed and reopened, never duplicated', async () => {
    let tonight: Rule[] = [LEGACY_TLS_RULE];
    app = await createTestApp({ apiUrl: fake.apiUrl, probe: scriptedProbe(() => tonight), resolve: PUBLIC_DNS, settings: { sweepSecret: SECRET } });
    fake.github.addInstallation(INSTALLATION, [{ owner: 'acme', repo: 'portal', config: `endpoints:\n  - url: ${API}\n` }]);
    server = await app.listen();

    // Night 1: a legacy protocol → one issue.
    const first = await postSweep(server.url);
    expect(first.status).toBe(200);
    expect(first.body.summary?.repositories).toEqual([{ repository: 'acme/portal', status: 'probed', endpoints: 1, refused: 0, findings: 1 }]);
    expect(summary('acme/portal')).toEqual(['#1 open: HIPAA safeguards: https://api.example.org fails 1 check']);

    // Night 2: HSTS goes missing too → the same issue is updated, with a comment on what changed.
    await app.clock.advanceTo('2026-11-25T03:00:00Z');
    tonight = [LEGACY_TLS_RULE, HSTS_MISSING_RULE];
    expect(await sweptFindings(server.url)).toBe(2);
    expect(summary('acme/portal')).toEqual(['#1 open: HIPAA safeguards: https://api.example.org fails 2 checks']);
    expect(portalIssues()[0]?.comments.at(-1)).toContain('HSTS-MISSING');

    // Night 3: unchanged findings → nothing is written.
    const writesBefore = fake.github.issueWritesOf('acme/portal').length;
    expect(await sweptFindings(server.url)).toBe(2);
    expect(fake.github.issueWritesOf('acme/portal').slice(writesBefore)).toEqual([]);

    // Night 4: clean → comment and close.
    await app.clock.advanceTo('2026-11-27T03:00:00Z');
    tonight = [];
    expect(await sweptFindings(server.url)).toBe(0);
    expect(summary('acme/portal')).toEqual(['#1 closed: HIPAA safeguards: https://api.example.org fails 2 checks']);

    // Night 5: broken again → the same issue reopens.
    await app.clock.advanceTo('2026-11-28T03:00:00Z');
    tonight = [LEGACY_TLS_RULE];
    expect(await sweptFindings(server.url)).toBe(1);
    expect(summary('acme/portal')).toEqual(['#1 open: HIPAA safeguards: https://api.example.org fails 1 check']);
    expect(portalIssues()).toHaveLength(1);
  });

  it('Given the nightly schedule, when the clock reaches 03:00 UTC, then the sweep runs by itself', async () => {
    const asked: ProbeRequest[] = [];
    app = await createTestApp({
      apiUrl: fake.apiUrl,
      probe: scriptedProbe(() => [], asked),
      resolve: PUBLIC_DNS,
      settings: { sweepSchedule: parseCron('0 3 * * *') },
    });
    fake.github.addInstallation(INSTALLATION, [{ owner: 'acme', repo: 'portal', config: `endpoints:\n  - url: ${API}\n` }]);

    await app.clock.advanceTo('2026-11-24T12:00:00Z');
    expect(asked).toEqual([]);
    await app.clock.advanceTo('2026-11-25T03:00:00Z');

    await vi.waitFor(() => expect(asked.map((request) => request.now.toISOString())).toEqual(['2026-11-25T03:00:00.000Z']), PATIENCE);
  });

  it('Given two installations and a jitter window, when the schedule fires, then each installation starts at its own stable offset', async () => {
    const asked: ProbeRequest[] = [];
    const window = 30 * 60_000;
    app = await createTestApp({
      apiUrl: fake.apiUrl,
      probe: scriptedProbe(() => [], asked),
      resolve: PUBLIC_DNS,
      settings: { sweepSchedule: parseCron('0 3 * * *'), sweepJitterMs: window },
    });
    const config = `endpoints:\n  - url: ${API}\n`;
    fake.github.addInstallation(11, [{ owner: 'north', repo: 'portal', config }]);
    fake.github.addInstallation(22, [{ owner: 'south', repo: 'portal', config }]);

    await app.clock.advanceTo('2026-11-25T03:00:00Z');
    const nextNight = Date.parse('2026-11-26T03:00:00Z');
    for (let started = 0; started < 2; started++) {
      // The sweep arms a timer for the next installation's slot; move the clock to it.
      const slot = await vi.waitFor(() => {
        const due = app!.clock.pending().find((time) => Date.parse(time) < nextNight);
        if (!due) throw new Error('no installation waiting yet');
        return due;
      }, PATIENCE);
      await app.clock.advanceTo(slot);
      await vi.waitFor(() => expect(asked).toHaveLength(started + 1), PATIENCE);
    }

    const start = Date.parse('2026-11-25T03:00:00Z');
    const expected = [
      // The slots of installations 11 and 22 in a 30-minute window (pinned in scheduler.test.ts).
      { repo: 'north', at: start + 1_118_310 },
      { repo: 'south', at: start + 1_707_911 },
    ].sort((a, b) => a.at - b.at);
    expect(asked.map((request) => [request.repository.owner, request.now.getTime()])).toEqual(expected.map(({ repo, at }) => [repo, at]));
  });

  it('Given a sweep in progress, when another is asked for, then it is refused with 409 and the first completes', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const asked: ProbeRequest[] = [];
    const probe = scriptedProbe(() => [], asked);
    let waiting = 0;
    // The probe holds the first sweep open until the test releases it.
    const held = async (request: ProbeRequest) => {
      waiting++;
      await gate;
      return probe(request);
    };
    app = await createTestApp({ apiUrl: fake.apiUrl, probe: held, resolve: PUBLIC_DNS, settings: { sweepSecret: SECRET } });
    fake.github.addInstallation(INSTALLATION, [{ owner: 'acme', repo: 'portal', config: `endpoints:\n  - url: ${API}\n` }]);
    server = await app.listen();

    const first = postSweep(server.url);
    await vi.waitFor(() => expect(waiting).toBe(1), PATIENCE);
    const second = await postSweep(server.url, '');
    release();

    expect(second).toEqual({ status: 409, body: { status: 'already-running' } });
    expect((await first).status).toBe(200);
    expect(asked).toHaveLength(1);
  });

  it('Given endpoints pointing inside the network, when swept, then only the public one is probed, and each refused one gets an issue naming the refusal', async () => {
    const asked: ProbeRequest[] = [];
    const resolve: Resolver = (host) =>
      Promise.resolve(({ 'api.example.org': ['203.0.113.7'], 'intranet.example.org': ['10.1.2.3'] } as Record<string, string[]>)[host] ?? []);
    app = await createTestApp({ apiUrl: fake.apiUrl, probe: scriptedProbe(() => [], asked), resolve, settings: { sweepSecret: SECRET } });
    const urls = [
      'https://169.254.169.254/latest/meta-data',
      'https://127.0.0.1:8443',
      'https://10.0.0.5',
      'https://[::1]:443',
      'https://intranet.example.org',
      API,
    ];
    fake.github.addInstallation(INSTALLATION, [{ owner: 'acme', repo: 'portal', config: `endpoints:\n${urls.map((url) => `  - url: ${url}\n`).join('')}` }]);
    server = await app.listen();

    const { body } = await postSweep(server.url);

    expect(asked.flatMap((request) => request.config.endpoints)).toEqual([{ url: API, address: '203.0.113.7' }]);
    expect(body.summary?.repositories).toEqual([{ repository: 'acme/portal', status: 'probed', endpoints: 1, refused: 5, findings: 0 }]);
    // The owner sees each refusal: which range refused it and how an operator allows it; the clean endpoint gets none
    expect(
      portalIssues()
        .map((issue) => issue.title)
        .sort(),
    ).toEqual(
      urls
        .slice(0, 5)
        .map((url) => `HIPAA safeguards: ${url} could not be checked`)
        .sort(),
    );
    const metadata = portalIssues().find((issue) => issue.title.includes('169.254.169.254'));
    expect(metadata?.body).toContain('refused to probe 169.254.169.254: link-local');
    expect(metadata?.body).toContain('an operator can allow the range with HIPAA\\_GUARD\\_ALLOW\\_NETWORKS');
    expect(portalIssues().find((issue) => issue.title.includes('intranet'))?.body).toContain('intranet.example.org resolves to it');
  });

  it('Given more endpoints than the cap and a probe that uses up the budget, when swept, then the rest are reported, not probed', async () => {
    const asked: ProbeRequest[] = [];
    const probe = scriptedProbe(() => [], asked);
    app = await createTestApp({
      apiUrl: fake.apiUrl,
      probe: async (request) => {
        await app?.clock.advanceTo('2026-11-24T03:45:00Z');
        return probe(request);
      },
      resolve: PUBLIC_DNS,
      settings: { sweepSecret: SECRET, maxEndpointsPerRepo: 1, sweepBudgetMs: 30 * 60_000 },
    });
    const config = `endpoints:\n  - url: ${API}\n  - url: ${API}/second\n`;
    fake.github.addInstallation(INSTALLATION, [
      { owner: 'acme', repo: 'portal', config },
      { owner: 'acme', repo: 'billing', config: null },
    ]);
    server = await app.listen();

    const { body } = await postSweep(server.url);

    expect(asked.flatMap((request) => request.config.endpoints.map((endpoint) => endpoint.url))).toEqual([API]);
    expect(portalIssues().map((issue) => issue.title)).toEqual([`HIPAA safeguards: ${API}/second could not be checked`]);
    expect(body.summary?.repositories).toEqual([
      { repository: 'acme/portal', status: 'probed', endpoints: 1, refused: 1, findings: 0 },
      {
        repository: 'acme/billing',
        status: 'over-budget',
        endpoints: 0,
        refused: 0,
        findings: 0,
        detail: 'the sweep ran out of probe time before this repository',
      },
    ]);
  });

  it('Given repositories without config or with a broken one, when swept, then they are listed and skipped, the broken key on its line and in an issue naming file and line', async () => {
    app = await createTestApp({ apiUrl: fake.apiUrl, resolve: PUBLIC_DNS, settings: { sweepSecret: SECRET } });
    fake.github.addInstallation(INSTALLATION, [
      { owner: 'acme', repo: 'docs', config: null },
      { owner: 'acme', repo: 'broken', config: 'endpoints:\n  - url: ftp://files.example.org\n' },
      { owner: 'acme', repo: 'infra', config: 'fail-on: high\n' },
    ]);
    server = await app.listen();

    const { body } = await postSweep(server.url);

    expect(body.summary?.repositories).toEqual([
      { repository: 'acme/docs', status: 'no-config', endpoints: 0, refused: 0, findings: 0 },
      {
        repository: 'acme/broken',
        status: 'config-error',
        endpoints: 0,
        refused: 0,
        findings: 0,
        detail: '.github/hipaa-guard.yml:2: endpoints[0].url: expected an https:// URL such as "https://api.example.org"',
      },
      { repository: 'acme/infra', status: 'no-endpoints', endpoints: 0, refused: 0, findings: 0 },
    ]);
    expect(fake.github.issuesOf('acme/broken').map((issue) => issue.title)).toEqual(['HIPAA safeguards: .github/hipaa-guard.yml could not be checked']);
    expect(fake.github.issuesOf('acme/broken')[0]?.body).toContain('.github/hipaa-guard.yml:2: endpoints\\[0\\].url: expected an https:// URL');
  });
});

describe('the /sweep and /health routes', () => {
  it('Given no SWEEP_SECRET, when /sweep is posted, then the route does not exist', async () => {
    app = await createTestApp({ apiUrl: fake.apiUrl });
    server = await app.listen();
    expect((await postSweep(server.url)).status).toBe(404);
  });

  it('Given a wrong or missing secret, when /sweep is posted, then it is refused without sweeping', async () => {
    app = await createTestApp({ apiUrl: fake.apiUrl, settings: { sweepSecret: SECRET } });
    server = await app.listen();
    expect((await postSweep(server.url, '', 'wrong')).status).toBe(401);
    expect((await fetch(`${server.url}/sweep`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${server.url}/sweep`)).status).toBe(405);
  });

  it('Given the right secret without wait, when /sweep is posted, then it answers 202 at once and sweeps in the background', async () => {
    const asked: ProbeRequest[] = [];
    app = await createTestApp({ apiUrl: fake.apiUrl, probe: scriptedProbe(() => [], asked), resolve: PUBLIC_DNS, settings: { sweepSecret: SECRET } });
    fake.github.addInstallation(INSTALLATION, [{ owner: 'acme', repo: 'portal', config: `endpoints:\n  - url: ${API}\n` }]);
    server = await app.listen();

    const response = await postSweep(server.url, '');

    expect(response).toEqual({ status: 202, body: { status: 'started' } });
    await vi.waitFor(() => expect(asked).toHaveLength(1), PATIENCE);
    // The sweep goes on to the repository's issues after the probe
    await vi.waitFor(() => expect(fake.github.routes()).toContain('GET /repos/acme/portal/issues'), PATIENCE);
  });

  it('Given a running app, when /health is asked, then it answers ok with the version', async () => {
    app = await createTestApp({ apiUrl: fake.apiUrl });
    server = await app.listen();
    const response = await fetch(`${server.url}/health`);
    expect([response.status, await response.json()]).toEqual([200, { status: 'ok', version: pkg.version }]);
  });
});

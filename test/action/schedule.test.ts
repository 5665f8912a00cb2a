import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueLeaf, labAuthority } from '../../lab/certs.js';
import { GOOD_HSTS } from '../../lab/scenarios.js';
import { LAB_ADDRESS, startHttpServer, startTlsServer, type RunningServer } from '../../lab/servers.js';
import { FakeGitHub } from '../github/fake-github.js';
import { runBundledAction, schedulePayload, type ActionRun } from './harness.js';
import { createRepo } from '../support/temp-repo.js';

/**
 * One loopback HTTPS endpoint whose HSTS header the test changes between nightly runs: the same
 * URL goes from failing to failing differently, to clean, and back.
 */
describe('the bundled Action on schedule: the endpoint issue lifecycle', () => {
  const hsts: string[] = [];
  let servers: RunningServer[] = [];
  let url = '';
  let repoDir = '';
  let github: FakeGitHub;
  let apiUrl: string;

  beforeAll(async () => {
    const authority = await labAuthority();
    const leaf = await issueLeaf({ names: ['api.lab.test'] });
    const tls = await startTlsServer({
      keyPem: leaf.keyPem,
      certPem: [leaf.pem, authority.intermediate.pem],
      h2: true,
      hsts,
      ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384',
    });
    const http = await startHttpServer((path) => ({ status: 301, location: `https://api.lab.test:${tls.port}${path}` }));
    servers = [tls, http];
    url = `https://api.lab.test:${tls.port}/`;
    const config = [
      'profile: mozilla-intermediate',
      // HSTS findings are medium: below the default fail-on (high), so the step passes, while
      // issue-on opens an issue for them
      'issue-on: medium',
      'endpoints:',
      `  - url: ${url}`,
      `    http: http://api.lab.test:${http.port}/`,
      `    address: ${LAB_ADDRESS}`,
      '    ca: certs/lab-root.pem',
      '',
    ].join('\n');
    ({ dir: repoDir } = await createRepo([{ '.github/hipaa-guard.yml': config, 'certs/lab-root.pem': authority.root.pem }]));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });
  beforeEach(async () => {
    github = new FakeGitHub({ pageSize: 1 });
    apiUrl = await github.start();
  });
  afterEach(async () => {
    expect(github.problems).toEqual([]);
    await github.stop();
  });

  const nightly = (values: string[]): Promise<ActionRun> => {
    hsts.splice(0, hsts.length, ...values);
    return runBundledAction({ repoDir, eventName: 'schedule', payload: schedulePayload(), apiUrl });
  };

  it('opens an issue, updates it only when the findings change, closes it when clean and reopens it', async () => {
    // Given the endpoint sends no HSTS: one issue is opened, labelled, with the endpoint's marker
    const first = await nightly([]);
    expect(first.stdout).toContain(`issue created #1: ${url}`);
    expect(first.exitCode).toBe(0);
    expect(first.outputs).toMatchObject({ findings: '1', blocking: '0', conclusion: 'success' });
    const issue = github.issues[0]!;
    expect([issue.state, issue.labels, issue.title]).toEqual(['open', ['hipaa-guard'], `HIPAA safeguards: ${url} fails 1 check`]);
    expect(issue.body).toMatch(/^<!-- hipaa-guard:endpoint=[0-9a-f]{32} -->\n<!-- hipaa-guard:findings=HSTS-MISSING@[0-9a-f]{32} -->\n/);
    expect(github.checkRuns).toEqual([]);

    // When the next night finds the same: nothing is written
    const writes = () => github.routes().filter((route) => !route.startsWith('GET'));
    const before = writes().length;
    expect((await nightly([])).stdout).toContain(`issue unchanged #1: ${url}`);
    expect(writes()).toHaveLength(before);

    // When HSTS comes back too short: the body is updated and a comment lists new and resolved
    expect((await nightly(['max-age=300'])).stdout).toContain(`issue updated #1: ${url}`);
    expect(issue.comments.at(-1)).toMatch(/### New\n- \*\*\w+\*\* `HSTS-[A-Z-]+`[\s\S]*### Resolved\n- `HSTS-MISSING`/);

    // When the endpoint is clean: comment and close
    expect((await nightly([GOOD_HSTS])).stdout).toContain(`issue closed #1: ${url}`);
    expect([issue.state, issue.state_reason]).toEqual(['closed', 'completed']);

    // When it breaks again: the same issue is reopened
    expect((await nightly([])).stdout).toContain(`issue reopened #1: ${url}`);
    expect(issue.state).toBe('open');
    expect(github.issues).toHaveLength(1);
  });

  it('two runs at once leave one open issue', async () => {
    // Given a slow API so both runs list the issues before either creates one
    github.options.latencyMs = 100;
    hsts.splice(0, hsts.length);
    // When two nightly runs (two shards of a matrix, say) overlap
    await Promise.all([
      runBundledAction({ repoDir, eventName: 'schedule', payload: schedulePayload(), apiUrl }),
      runBundledAction({ repoDir, eventName: 'schedule', payload: schedulePayload(), apiUrl }),
    ]);
    // Then the race happened: each run listed the open issues before either created one, so both created one
    const routes = github.routes();
    const firstCreate = routes.indexOf('POST /repos/acme/infra/issues');
    expect(routes.slice(0, firstCreate).filter((route) => route === 'GET /repos/acme/infra/issues')).toHaveLength(2);
    expect(github.issues).toHaveLength(2);
    // And exactly one of them stays open; the other is closed as a duplicate
    expect(github.issues.map((issue) => [issue.state, issue.state_reason]).sort()).toEqual([
      ['closed', 'not_planned'],
      ['open', null],
    ]);
  });

  it('probes only its shard', async () => {
    const run = await runBundledAction({ repoDir, eventName: 'workflow_dispatch', payload: {}, apiUrl, inputs: { shard: '2/2' } });
    expect(run.stdout).toContain('probing 0 of 1 endpoints (shard 2/2)');
    expect(run.outputs.findings).toBe('0');
    expect(github.issues).toEqual([]);
  });

  it('rejects a bad input, saying what to write instead', async () => {
    const run = await runBundledAction({ repoDir, eventName: 'schedule', payload: schedulePayload(), apiUrl, inputs: { shard: '3/2', mode: 'nightly' } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('input "mode" is "nightly": write one of auto, diff, probe, all');
    expect(run.stdout).toContain('input "shard" is "3/2": write k/n with 1 <= k <= n, such as 2/4');
    expect(github.requests).toEqual([]);
  });
});

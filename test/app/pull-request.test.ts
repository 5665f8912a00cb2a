import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanChanges } from '../../app/check-change.js';
import type { Config } from '../../checks/config/schema.js';
import type { ChangeSet } from '../../checks/model/source.js';
import { scanChanges } from '../../checks/scan.js';
import { cleanReport, fileFinding } from '../support/report-builder.js';
import {
  BASE_SHA,
  CONFIG_PATH,
  HEAD_SHA,
  MERGE_BASE_SHA,
  ORG_CONFIG_PATH,
  OWNER,
  REPO,
  createTestApp,
  examplePayload,
  inTestRepository,
  mockCheckRunUpdates,
  mockComparison,
  mockConfig,
  mockFile,
  mockInstallationToken,
  mockNewCheckRun,
  mockPullRequestFiles,
  type TestApp,
} from './harness.js';

const CONFIG = 'fail-on: high\n';

let app: TestApp | undefined;
afterEach(() => {
  try {
    app?.done();
  } finally {
    nock.cleanAll();
    app = undefined;
  }
});

/** A scan that records what it was given and reports one finding per changed file, on line 3-4. */
function recordingScan(seen: { changes?: ChangeSet; config?: Config }[]): ScanChanges {
  return (changes, config, { now }) => {
    seen.push({ changes, config });
    const findings = changes.changed.map((file, index) =>
      fileFinding(undefined, { location: { kind: 'file', path: file.path, startLine: 3 + index, endLine: 4 + index }, subject: file.path, change: 'weakened' }),
    );
    return Promise.resolve(cleanReport({ findings, startedAt: now.toISOString(), finishedAt: now.toISOString() }));
  };
}

type Body = { status?: string; conclusion?: string; output?: { title?: string; summary?: string; annotations?: { path: string; start_line: number; end_line: number }[] } };

describe('pull request checks', () => {
  it('Given no config in the repository nor its org, when a PR opens, then nothing is created', async () => {
    app = await createTestApp();
    mockInstallationToken(app.github);
    mockConfig(app.github, undefined);

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));
  });

  it('Given findings on changed files, when a PR opens, then the run is created in progress and completed with annotations on those lines', async () => {
    const seen: { changes?: ChangeSet; config?: Config }[] = [];
    app = await createTestApp({ scan: recordingScan(seen) });
    const created: unknown[] = [];
    const updates: Body[] = [];
    mockInstallationToken(app.github);
    mockConfig(app.github, CONFIG);
    mockNewCheckRun(app.github, 42, HEAD_SHA, created);
    mockPullRequestFiles(app.github, [
      { filename: 'infra/main.tf', status: 'modified' },
      { filename: 'infra/logs.tf', status: 'added' },
    ]);
    mockCheckRunUpdates(app.github, 42, 1, updates);

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(created).toEqual([
      {
        name: 'HIPAA safeguards',
        head_sha: HEAD_SHA,
        external_id: 'hipaa-guard',
        status: 'in_progress',
        started_at: '2026-11-24T03:00:00.000Z',
        output: { title: 'Checking the HIPAA safeguards…', summary: 'hipaa-guard is running on this commit.' },
      },
    ]);
    expect(seen[0]?.changes?.changed).toEqual([
      { path: 'infra/main.tf', status: 'modified' },
      { path: 'infra/logs.tf', status: 'added' },
    ]);
    expect([seen[0]?.changes?.baseRef, seen[0]?.changes?.headRef, seen[0]?.config?.['fail-on']]).toEqual([MERGE_BASE_SHA, HEAD_SHA, 'high']);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(updates[0]?.output?.annotations?.map(({ path, start_line, end_line }) => [path, start_line, end_line])).toEqual([
      ['infra/logs.tf', 4, 5],
      ['infra/main.tf', 3, 4],
    ]);
  });

  it('Given a listener weakened to a TLS 1.1 policy, when the real engine scans the PR, then the finding is annotated on the ssl_policy line', async () => {
    const listener = (policy: string) =>
      `resource "aws_lb_listener" "https" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/front/1"\n  protocol          = "HTTPS"\n  ssl_policy        = "${policy}"\n}\n`;
    app = await createTestApp({ scan: scanChanges });
    const updates: Body[] = [];
    mockInstallationToken(app.github);
    mockConfig(app.github, CONFIG);
    mockNewCheckRun(app.github, 41);
    mockPullRequestFiles(app.github, [{ filename: 'infra/lb.tf', status: 'modified' }]);
    for (const ref of [HEAD_SHA, MERGE_BASE_SHA]) {
      app.github.scope
        .get(`/repos/${OWNER}/${REPO}/git/trees/${ref}`)
        .query({ recursive: 'true' })
        .reply(200, { sha: ref, truncated: false, tree: [{ path: 'infra/lb.tf', type: 'blob', sha: 'b1' }] });
    }
    mockFile(app.github, 'infra/lb.tf', HEAD_SHA, listener('ELBSecurityPolicy-TLS-1-1-2017-01'));
    mockFile(app.github, 'infra/lb.tf', MERGE_BASE_SHA, listener('ELBSecurityPolicy-TLS13-1-2-2021-06'));
    mockCheckRunUpdates(app.github, 41, 1, updates);

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(updates[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(updates[0]?.output?.annotations).toEqual([
      expect.objectContaining({ path: 'infra/lb.tf', start_line: 4, end_line: 4, annotation_level: 'failure', title: expect.stringContaining('IAC-LB-TLS-POLICY') }),
    ]);
  });

  it('Given a clean change, when the PR is synchronized, then the run completes as success without annotations', async () => {
    app = await createTestApp({ scan: (_changes, _config, { now }) => Promise.resolve(cleanReport({ startedAt: now.toISOString() })) });
    const updates: Body[] = [];
    mockInstallationToken(app.github);
    mockConfig(app.github, CONFIG);
    mockNewCheckRun(app.github, 43);
    mockPullRequestFiles(app.github, [{ filename: 'README.md', status: 'modified' }]);
    mockCheckRunUpdates(app.github, 43, 1, updates);

    await app.receive('pull_request', examplePayload('pull_request', 'synchronize'));

    expect(updates[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(updates[0]?.output?.annotations).toBeUndefined();
  });

  it('Given 120 findings, when completed, then annotations go 50 per request and only the last request completes the run', async () => {
    const files = Array.from({ length: 120 }, (_, index) => ({ filename: `infra/file-${String(index).padStart(3, '0')}.tf`, status: 'modified' }));
    app = await createTestApp({ scan: recordingScan([]) });
    const updates: Body[] = [];
    mockInstallationToken(app.github);
    mockConfig(app.github, CONFIG);
    mockNewCheckRun(app.github, 44);
    mockPullRequestFiles(app.github, files);
    mockCheckRunUpdates(app.github, 44, 3, updates);

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(updates.map((update) => [update.status, update.output?.annotations?.length])).toEqual([
      [undefined, 50],
      [undefined, 50],
      ['completed', 20],
    ]);
    expect(updates.flatMap((update) => update.output?.annotations ?? []).map((annotation) => annotation.path)).toEqual(files.map((file) => file.filename));
  });

  it('Given the engine throws, when a PR opens, then the run it started still completes, with the error in the summary', async () => {
    app = await createTestApp({ scan: () => Promise.reject(new Error('hcl2json: wasm trap at main.tf')) });
    const updates: Body[] = [];
    mockInstallationToken(app.github);
    mockConfig(app.github, CONFIG);
    mockNewCheckRun(app.github, 45);
    mockPullRequestFiles(app.github, [{ filename: 'main.tf', status: 'modified' }]);
    mockCheckRunUpdates(app.github, 45, 1, updates);

    await app.receive('pull_request', examplePayload('pull_request', 'reopened'));

    expect(updates[0]).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'hipaa-guard could not run' } });
    expect(updates[0]?.output?.summary).toContain('hcl2json: wasm trap at main.tf');
  });

  it.each([
    ['a value that does not fit the schema', 'profile: hipaa\nfail-on: sometimes\n', 2, 'fail-on: '],
    ['a broken YAML line', 'profile: hipaa\nfail-on: [high\nengine: native\n', 3, 'invalid YAML'],
    ['an unknown key', 'profile: hipaa\ninfra:\n  exclud: ["docs/**"]\n', 3, 'unknown key "exclud"'],
  ])('Given a config with %s, when a PR opens, then the run fails with that line annotated on the config file, as the Action reports it', async (_what, yaml, line, message) => {
    app = await createTestApp();
    const updates: Body[] = [];
    mockInstallationToken(app.github);
    // Read through Probot's config plugin, then once more as text to place the problem on its line
    mockConfig(app.github, yaml);
    mockConfig(app.github, yaml);
    mockNewCheckRun(app.github, 52);
    mockCheckRunUpdates(app.github, 52, 1, updates);

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(updates[0]).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Configuration error in .github/hipaa-guard.yml' } });
    expect(updates[0]?.output?.summary).toContain(`\`.github/hipaa-guard.yml:${line}\``);
    expect(updates[0]?.output?.annotations).toEqual([
      expect.objectContaining({ path: '.github/hipaa-guard.yml', start_line: line, annotation_level: 'failure', message: expect.stringContaining(message) }),
    ]);
  });

  it('Given a redelivered webhook, when the run exists already, then that run is updated and no second one is created', async () => {
    app = await createTestApp({ scan: recordingScan([]) });
    const updates: Body[] = [];
    mockInstallationToken(app.github);
    mockConfig(app.github, CONFIG);
    app.github.scope
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/check-runs`)
      .query(true)
      // Listed before reusing it, and again before completing it (no newer run raced it)
      .times(2)
      .reply(200, { total_count: 1, check_runs: [{ id: 47, head_sha: HEAD_SHA, external_id: 'hipaa-guard', name: 'HIPAA safeguards' }] });
    mockPullRequestFiles(app.github, [{ filename: 'main.tf', status: 'modified' }]);
    // The reused run's annotations are listed, so those it has are not appended a second time
    app.github.scope.get(`/repos/${OWNER}/${REPO}/check-runs/47/annotations`).query(true).reply(200, []);
    mockCheckRunUpdates(app.github, 47, 2, updates);

    await app.receive('pull_request', examplePayload('pull_request', 'opened'), 'delivery-1-redelivered');

    expect(updates.map((update) => update.status)).toEqual(['in_progress', 'completed']);
  });

  it('Given two deliveries for the same head commit at the same instant, when both arrive, then one check run is created and completed once', async () => {
    app = await createTestApp({ scan: recordingScan([]) });
    const updates: Body[] = [];
    // Every GitHub answer below is mocked once: a second check would find no mock
    mockInstallationToken(app.github);
    mockConfig(app.github, CONFIG);
    mockNewCheckRun(app.github, 53);
    mockPullRequestFiles(app.github, [{ filename: 'main.tf', status: 'modified' }]);
    mockCheckRunUpdates(app.github, 53, 1, updates);

    await Promise.all([
      app.receive('pull_request', examplePayload('pull_request', 'opened'), 'delivery-a'),
      app.receive('pull_request', examplePayload('pull_request', 'synchronize'), 'delivery-b'),
    ]);

    expect(updates.map((update) => update.status)).toEqual(['completed']);
  });

  it('Given a merge queue group, when checks are requested, then its head is checked against base_sha', async () => {
    const seen: { changes?: ChangeSet }[] = [];
    app = await createTestApp({ scan: recordingScan(seen) });
    const payload = inTestRepository(
      examplePayload('merge_group', 'checks_requested') as { merge_group: { head_sha: string; base_sha: string }; repository: { name: string; owner: { login: string } } },
    );
    Object.assign(payload.merge_group, { head_sha: HEAD_SHA, base_sha: BASE_SHA });
    const updates: Body[] = [];
    mockInstallationToken(app.github);
    mockConfig(app.github, CONFIG);
    mockNewCheckRun(app.github, 54);
    mockComparison(app.github, BASE_SHA, [{ filename: 'infra/main.tf', status: 'modified' }]);
    mockCheckRunUpdates(app.github, 54, 1, updates);

    await app.receive('merge_group', payload);

    expect([seen[0]?.changes?.baseRef, seen[0]?.changes?.headRef]).toEqual([BASE_SHA, HEAD_SHA]);
    expect(updates[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it.each([
    ['a protected branch', true, true],
    ['an unprotected branch', false, false],
  ])('Given a push to %s without a pull request, when its check suite is requested, then it is checked: %s', async (_what, isProtected, checked) => {
    const seen: { changes?: ChangeSet }[] = [];
    app = await createTestApp({ scan: recordingScan(seen) });
    const payload = inTestRepository(
      examplePayload('check_suite', 'requested') as {
        check_suite: { head_sha: string; head_branch: string; before: string };
        repository: { name: string; owner: { login: string }; default_branch: string };
      },
    );
    Object.assign(payload.check_suite, { head_sha: HEAD_SHA, head_branch: 'release', before: BASE_SHA });
    payload.repository.default_branch = 'main';
    mockInstallationToken(app.github);
    app.github.scope.get(`/repos/${OWNER}/${REPO}/branches/release`).reply(200, { name: 'release', protected: isProtected });
    if (checked) {
      mockConfig(app.github, CONFIG);
      mockNewCheckRun(app.github, 55);
      mockComparison(app.github, BASE_SHA, [{ filename: 'infra/main.tf', status: 'modified' }]);
      mockCheckRunUpdates(app.github, 55, 1, []);
    }

    await app.receive('check_suite', payload);

    expect(seen.map((entry) => entry.changes?.baseRef)).toEqual(checked ? [BASE_SHA] : []);
  });

  it('Given a check suite re-requested for a PR commit, when received, then the PR is checked again against its base', async () => {
    const seen: { changes?: ChangeSet }[] = [];
    app = await createTestApp({ scan: recordingScan(seen) });
    const updates: Body[] = [];
    mockInstallationToken(app.github);
    mockConfig(app.github, CONFIG);
    mockNewCheckRun(app.github, 48);
    mockPullRequestFiles(app.github, [{ filename: 'k8s/ingress.yaml', status: 'modified' }], 2, BASE_SHA);
    mockCheckRunUpdates(app.github, 48, 1, updates);

    await app.receive('check_suite', examplePayload('check_suite', 'rerequested'));

    expect(seen[0]?.changes?.changed).toEqual([{ path: 'k8s/ingress.yaml', status: 'modified' }]);
    expect(updates[0]).toMatchObject({ status: 'completed' });
  });

  it("Given another app's check run re-requested, when received, then the App does nothing", async () => {
    app = await createTestApp();

    await app.receive('check_run', examplePayload('check_run', 'rerequested'));
  });

  it('Given our check run re-requested on a commit without a PR, when received, then the commit is compared with the default branch', async () => {
    const seen: { changes?: ChangeSet }[] = [];
    app = await createTestApp({ scan: recordingScan(seen) });
    const payload = examplePayload('check_run', 'rerequested') as {
      check_run: { name: string; head_sha: string };
      repository: { name: string; owner: { login: string }; default_branch: string };
    };
    payload.check_run.name = 'HIPAA safeguards';
    payload.check_run.head_sha = HEAD_SHA;
    inTestRepository(payload);
    const updates: Body[] = [];
    mockInstallationToken(app.github);
    mockConfig(app.github, CONFIG);
    mockNewCheckRun(app.github, 49);
    mockComparison(app.github, payload.repository.default_branch, [{ filename: 'main.tf', status: 'added' }], MERGE_BASE_SHA);
    mockCheckRunUpdates(app.github, 49, 1, updates);

    await app.receive('check_run', payload);

    expect(seen[0]?.changes?.changed).toEqual([{ path: 'main.tf', status: 'added' }]);
  });

  it("Given only the org's .github repository has a config, extending another, when a PR opens, then the merged org config is used", async () => {
    const seen: { config?: Config }[] = [];
    app = await createTestApp({ scan: recordingScan(seen) });
    mockInstallationToken(app.github);
    app.github.scope.get(CONFIG_PATH).reply(404, { message: 'Not Found' });
    mockConfig(app.github, '_extends: security-policies\nprofile: nist-800-52r2\n', ORG_CONFIG_PATH);
    mockConfig(app.github, 'fail-on: medium\nprofile: mozilla-modern\n', '/repos/Codertocat/security-policies/contents/.github%2Fhipaa-guard.yml');
    mockNewCheckRun(app.github, 50);
    mockPullRequestFiles(app.github, [{ filename: 'main.tf', status: 'modified' }]);
    mockCheckRunUpdates(app.github, 50, 1, []);

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect([seen[0]?.config?.profile, seen[0]?.config?.['fail-on']]).toEqual(['nist-800-52r2', 'medium']);
  });

  it('Given a PR that breaks the config file, when checked, then the run used the base config and reports the edit on its line', async () => {
    app = await createTestApp({ scan: (_changes, _config, { now }) => Promise.resolve(cleanReport({ startedAt: now.toISOString() })) });
    const updates: Body[] = [];
    mockInstallationToken(app.github);
    mockConfig(app.github, CONFIG);
    mockNewCheckRun(app.github, 51);
    mockPullRequestFiles(app.github, [{ filename: '.github/hipaa-guard.yml', status: 'modified' }]);
    mockFile(app.github, '.github/hipaa-guard.yml', HEAD_SHA, 'fail-on: high\nendpoints:\n  - url: http://api.example.org\n');
    mockCheckRunUpdates(app.github, 51, 1, updates);

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    // A config edit that would not load fails the check (checks/model/verdict.ts): merged, it would stop every run
    expect(updates[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(updates[0]?.output?.summary).toContain('`.github/hipaa-guard.yml:3`: the edited config would not load');
    expect(updates[0]?.output?.summary).toContain('expected an https:// URL');
    expect(updates[0]?.output?.summary).toContain('this run used the version at its base');
  });

  it('Given a payload without the head commit, when received, then it is refused by the schema and GitHub is not called', async () => {
    app = await createTestApp();
    const payload = examplePayload('pull_request', 'opened') as { pull_request: { head: { sha?: string } } };
    delete payload.pull_request.head.sha;

    await expect(app.receive('pull_request', payload)).resolves.toBeUndefined();
  });

  it('Given GitHub failing to create the run, when a PR opens, then the webhook is logged as not handled instead of crashing', async () => {
    app = await createTestApp({ scan: recordingScan([]) });
    mockInstallationToken(app.github);
    mockConfig(app.github, CONFIG);
    app.github.scope.get(`/repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    app.github.scope.post(`/repos/${OWNER}/${REPO}/check-runs`).reply(500, { message: 'Server Error' });

    await expect(app.receive('pull_request', examplePayload('pull_request', 'opened'))).resolves.toBeUndefined();
  });

  it('Given an installation that has not granted checks: write, when a PR opens, then no check is attempted further', async () => {
    app = await createTestApp({ scan: recordingScan([]) });
    mockInstallationToken(app.github);
    mockConfig(app.github, CONFIG);
    app.github.scope.get(`/repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/check-runs`).query(true).reply(403, { message: 'Resource not accessible by integration' });

    await expect(app.receive('pull_request', examplePayload('pull_request', 'opened'))).resolves.toBeUndefined();
  });
});

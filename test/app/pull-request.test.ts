import { afterEach, describe, expect, it } from 'vitest';
import type { ScanChanges } from '../../app/check-change.js';
import type { Config } from '../../checks/config/schema.js';
import type { ChangeSet } from '../../checks/model/source.js';
import { scanChanges } from '../../checks/scan.js';
import { useFakeGitHub } from '../github/fake-github.js';
import { cleanReport, fileFinding } from '../support/report-builder.js';
import { createTempRepo } from '../support/temp-repo.js';
import { INSTALLATION_ID, OWNER, REPO, createTestApp, examplePayload, inTestRepository, type TestApp } from './harness.js';

const CONFIG = 'fail-on: high\n';
const REPOSITORY = `/repos/${OWNER}/${REPO}`;
const CONFIG_ROUTE = `GET ${REPOSITORY}/contents/.github%2Fhipaa-guard.yml`;
const ORG_CONFIG_ROUTE = `GET /repos/${OWNER}/.github/contents/.github%2Fhipaa-guard.yml`;

// The App acts as app 123 (test/app/harness.ts): the check runs it creates on the fake carry it.
// Every request it sends must fit GitHub's API description and its size limits.
const fake = useFakeGitHub({ appId: 123 });
let app: TestApp | undefined;
afterEach(() => {
  app = undefined;
});

interface Change {
  mergeBase: string;
  base: string;
  head: string;
}

/**
 * The test repository on the fake, installed with `config` (null: none, nor in the owner's
 * `.github`): a merge base holding `before`, a branch from it whose head commits `files`, and
 * `main` moved on past the merge base to `base`. Pull request #2 is that head onto that base.
 */
function givenRepository(config: string | null, files: Record<string, string>, before: Record<string, string> = {}): Change {
  fake.github.addInstallation(INSTALLATION_ID, [{ owner: OWNER, repo: REPO, config }]);
  const repo = createTempRepo();
  const mergeBase = repo.commit('merge base', { 'README.md': '# Hello\n', ...before });
  repo.git('checkout', '--quiet', '-b', 'topic');
  const head = repo.commit('change', files);
  repo.git('checkout', '--quiet', 'main');
  const base = repo.commit('main moves on', { 'CHANGELOG.md': '- next\n' });
  fake.github.options.repoDir = repo.dir;
  fake.github.pullRequest = { base, head };
  return { mergeBase, base, head };
}

/** A pull request event of the example payloads, for the change's head and base. */
function pullRequestEvent(action: string, change: Change): Record<string, unknown> {
  const payload = examplePayload('pull_request', action) as { pull_request: { head: { sha: string }; base: { sha: string } } };
  payload.pull_request.head.sha = change.head;
  payload.pull_request.base.sha = change.base;
  return payload;
}

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

const cleanScan: ScanChanges = (_changes, _config, { now }) => Promise.resolve(cleanReport({ startedAt: now.toISOString() }));

type Body = {
  status?: string;
  conclusion?: string;
  output?: { title?: string; summary?: string; annotations?: { path: string; start_line: number; end_line: number }[] };
};

/** The bodies of the App's check-run creations. */
const creations = () =>
  fake.github.requests.filter((request) => request.method === 'POST' && request.path === `${REPOSITORY}/check-runs`).map((request) => request.body);
/** The bodies of the App's check-run updates, in order. */
const updates = () =>
  fake.github.requests.filter((request) => request.method === 'PATCH' && /\/check-runs\/\d+$/.test(request.path)).map((request) => request.body as Body);
const routeCount = (route: string) => fake.github.routes().filter((sent) => sent === route).length;

describe('pull request checks', () => {
  it('Given no config in the repository nor its org, when a PR opens, then nothing is created', async () => {
    const change = givenRepository(null, { 'main.tf': 'locals {}\n' });
    app = await createTestApp({ apiUrl: fake.apiUrl });

    await app.receive('pull_request', pullRequestEvent('opened', change));

    expect(fake.github.routes()).toEqual([`POST /app/installations/${INSTALLATION_ID}/access_tokens`, CONFIG_ROUTE, ORG_CONFIG_ROUTE]);
    expect(fake.github.checkRuns).toEqual([]);
  });

  it('Given findings on changed files, when a PR opens, then the run is created in progress and completed with annotations on those lines', async () => {
    const change = givenRepository(
      CONFIG,
      { 'infra/main.tf': 'locals { a = 2 }\n', 'infra/logs.tf': 'locals {}\n' },
      { 'infra/main.tf': 'locals { a = 1 }\n' },
    );
    const seen: { changes?: ChangeSet; config?: Config }[] = [];
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: recordingScan(seen) });

    await app.receive('pull_request', pullRequestEvent('opened', change));

    expect(creations()).toEqual([
      {
        name: 'HIPAA safeguards',
        head_sha: change.head,
        external_id: 'hipaa-guard',
        status: 'in_progress',
        started_at: '2026-11-24T03:00:00.000Z',
        output: { title: 'Checking the HIPAA safeguards…', summary: 'hipaa-guard is running on this commit.' },
      },
    ]);
    expect(seen[0]?.changes?.changed).toEqual([
      { path: 'infra/logs.tf', status: 'added' },
      { path: 'infra/main.tf', status: 'modified' },
    ]);
    expect([seen[0]?.changes?.baseRef, seen[0]?.changes?.headRef, seen[0]?.config?.['fail-on']]).toEqual([change.mergeBase, change.head, 'high']);
    expect(updates()).toHaveLength(1);
    expect(updates()[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(updates()[0]?.output?.annotations?.map(({ path, start_line, end_line }) => [path, start_line, end_line])).toEqual([
      ['infra/logs.tf', 3, 4],
      ['infra/main.tf', 4, 5],
    ]);
    expect(fake.github.checkRuns.map((run) => [run.status, run.conclusion, run.annotations.length])).toEqual([['completed', 'failure', 2]]);
  });

  it('Given a listener weakened to a TLS 1.1 policy, when the real engine scans the PR, then the finding is annotated on the ssl_policy line', async () => {
    const listener = (policy: string) =>
      `resource "aws_lb_listener" "https" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/front/1"\n  protocol          = "HTTPS"\n  ssl_policy        = "${policy}"\n}\n`;
    const change = givenRepository(
      CONFIG,
      { 'infra/lb.tf': listener('ELBSecurityPolicy-TLS-1-1-2017-01') },
      { 'infra/lb.tf': listener('ELBSecurityPolicy-TLS13-1-2-2021-06') },
    );
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: scanChanges });

    await app.receive('pull_request', pullRequestEvent('opened', change));

    expect(updates()[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(updates()[0]?.output?.annotations).toEqual([
      expect.objectContaining({
        path: 'infra/lb.tf',
        start_line: 4,
        end_line: 4,
        annotation_level: 'failure',
        title: expect.stringContaining('IAC-LB-TLS-POLICY'),
      }),
    ]);
  });

  it('Given a clean change, when the PR is synchronized, then the run completes as success without annotations', async () => {
    const change = givenRepository(CONFIG, { 'README.md': '# Hello, world\n' });
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: cleanScan });

    await app.receive('pull_request', pullRequestEvent('synchronize', change));

    expect(updates()).toHaveLength(1);
    expect(updates()[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(updates()[0]?.output?.annotations).toBeUndefined();
  });

  it('Given 120 findings, when completed, then annotations go 50 per request and only the last request completes the run', async () => {
    const files = Array.from({ length: 120 }, (_, index) => `infra/file-${String(index).padStart(3, '0')}.tf`);
    const change = givenRepository(CONFIG, Object.fromEntries(files.map((file) => [file, 'locals {}\n'])));
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: recordingScan([]) });

    await app.receive('pull_request', pullRequestEvent('opened', change));

    expect(updates().map((update) => [update.status, update.output?.annotations?.length])).toEqual([
      [undefined, 50],
      [undefined, 50],
      ['completed', 20],
    ]);
    expect(
      updates()
        .flatMap((update) => update.output?.annotations ?? [])
        .map((annotation) => annotation.path),
    ).toEqual(files);
  });

  it('Given a 3,001-file PR (GitHub lists 3,000) in a repository too large for the trees API, when checked, then the run is not a success and names what was not checked', async () => {
    const files = Array.from({ length: 3_001 }, (_, index) => `infra/file-${String(index).padStart(4, '0')}.tf`);
    const change = givenRepository(CONFIG, Object.fromEntries(files.map((file) => [file, 'locals {}\n'])));
    fake.github.options.truncateTrees = true;
    const seen: { changes?: ChangeSet }[] = [];
    app = await createTestApp({
      apiUrl: fake.apiUrl,
      scan: (changes, config, options) => {
        seen.push({ changes });
        return cleanScan(changes, config, options);
      },
    });

    await app.receive('pull_request', pullRequestEvent('opened', change));

    // 30 pages of 100 files, then both trees asked for, and found truncated
    expect(routeCount(`GET ${REPOSITORY}/pulls/2/files`)).toBe(30);
    expect(routeCount(`GET ${REPOSITORY}/git/trees/${change.head}`)).toBe(1);
    expect(seen[0]?.changes?.changed).toHaveLength(3_000);
    expect(updates()[0]).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'No blocking findings, but 1 check could not run' } });
    expect(updates()[0]?.output?.summary).toContain('`changed files past the first 3,000`');
  });

  it('Given the engine throws, when a PR opens, then the run it started still completes, with the error in the summary', async () => {
    const change = givenRepository(CONFIG, { 'main.tf': 'locals {}\n' });
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: () => Promise.reject(new Error('hcl2json: wasm trap at main.tf')) });

    await app.receive('pull_request', pullRequestEvent('reopened', change));

    expect(updates()).toHaveLength(1);
    expect(updates()[0]).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'hipaa-guard could not run' } });
    expect(updates()[0]?.output?.summary).toContain('hcl2json: wasm trap at main.tf');
  });

  it.each([
    ['a value that does not fit the schema', 'profile: hipaa\nfail-on: sometimes\n', 2, 'fail-on: '],
    ['a broken YAML line', 'profile: hipaa\nfail-on: [high\nengine: native\n', 3, 'invalid YAML'],
    ['an unknown key', 'profile: hipaa\ninfra:\n  exclud: ["docs/**"]\n', 3, 'unknown key "exclud"'],
  ])(
    'Given a config with %s, when a PR opens, then the run fails with that line annotated on the config file, as the Action reports it',
    async (_what, yaml, line, message) => {
      const change = givenRepository(yaml, { 'main.tf': 'locals {}\n' });
      app = await createTestApp({ apiUrl: fake.apiUrl });

      await app.receive('pull_request', pullRequestEvent('opened', change));

      // Read through Probot's config plugin, then once more as text to place the problem on its line
      expect(routeCount(CONFIG_ROUTE)).toBe(2);
      expect(updates()).toHaveLength(1);
      expect(updates()[0]).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Configuration error in .github/hipaa-guard.yml' } });
      expect(updates()[0]?.output?.summary).toContain(`\`.github/hipaa-guard.yml:${line}\``);
      expect(updates()[0]?.output?.annotations).toEqual([
        expect.objectContaining({ path: '.github/hipaa-guard.yml', start_line: line, annotation_level: 'failure', message: expect.stringContaining(message) }),
      ]);
    },
  );

  it('Given a redelivered webhook, when the run exists already, then that run is updated and no second one is created', async () => {
    const change = givenRepository(CONFIG, { 'main.tf': 'locals {}\n' });
    // The run the first delivery made: ours (app 123), completed
    const existing = fake.github.addForeignCheckRun(change.head, 123);
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: recordingScan([]) });

    await app.receive('pull_request', pullRequestEvent('opened', change), 'delivery-1-redelivered');

    expect(creations()).toEqual([]);
    expect(updates().map((update) => update.status)).toEqual(['in_progress', 'completed']);
    expect(existing.updates).toBe(2);
    // The reused run's annotations are listed, so those it has are not appended a second time
    expect(routeCount(`GET ${REPOSITORY}/check-runs/${existing.id}/annotations`)).toBe(1);
  });

  it('Given two deliveries for the same head commit at the same instant, when both arrive, then one check run is created and completed once', async () => {
    const change = givenRepository(CONFIG, { 'main.tf': 'locals {}\n' });
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: recordingScan([]) });

    await Promise.all([
      app.receive('pull_request', pullRequestEvent('opened', change), 'delivery-a'),
      app.receive('pull_request', pullRequestEvent('synchronize', change), 'delivery-b'),
    ]);

    expect(creations()).toHaveLength(1);
    expect(updates().map((update) => update.status)).toEqual(['completed']);
    expect(fake.github.checkRuns.map((run) => [run.status, run.updates])).toEqual([['completed', 1]]);
    // The second delivery asked GitHub nothing: one config read, one file list
    expect([routeCount(CONFIG_ROUTE), routeCount(`GET ${REPOSITORY}/pulls/2/files`)]).toEqual([1, 1]);
  });

  it('Given a merge queue group, when checks are requested, then its head is checked against base_sha', async () => {
    const change = givenRepository(CONFIG, { 'infra/main.tf': 'locals {}\n' });
    const seen: { changes?: ChangeSet }[] = [];
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: recordingScan(seen) });
    const payload = inTestRepository(
      examplePayload('merge_group', 'checks_requested') as {
        merge_group: { head_sha: string; base_sha: string };
        repository: { name: string; owner: { login: string } };
      },
    );
    Object.assign(payload.merge_group, { head_sha: change.head, base_sha: change.base });

    await app.receive('merge_group', payload);

    expect(routeCount(`GET ${REPOSITORY}/compare/${change.base}...${change.head}`)).toBe(1);
    expect([seen[0]?.changes?.baseRef, seen[0]?.changes?.headRef]).toEqual([change.mergeBase, change.head]);
    expect(seen[0]?.changes?.changed).toEqual([{ path: 'infra/main.tf', status: 'added' }]);
    expect(updates()[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it.each([
    ['a protected branch', true, true],
    ['an unprotected branch', false, false],
  ])('Given a push to %s without a pull request, when its check suite is requested, then it is checked: %s', async (_what, isProtected, checked) => {
    const change = givenRepository(CONFIG, { 'infra/main.tf': 'locals {}\n' });
    if (isProtected) fake.github.protectedBranches.add('release');
    const seen: { changes?: ChangeSet }[] = [];
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: recordingScan(seen) });
    const payload = inTestRepository(
      examplePayload('check_suite', 'requested') as {
        check_suite: { head_sha: string; head_branch: string; before: string };
        repository: { name: string; owner: { login: string }; default_branch: string };
      },
    );
    Object.assign(payload.check_suite, { head_sha: change.head, head_branch: 'release', before: change.base });
    payload.repository.default_branch = 'main';

    await app.receive('check_suite', payload);

    expect(routeCount(`GET ${REPOSITORY}/branches/release`)).toBe(1);
    expect(seen.map((entry) => entry.changes?.baseRef)).toEqual(checked ? [change.mergeBase] : []);
    expect(fake.github.checkRuns.map((run) => run.conclusion)).toEqual(checked ? ['failure'] : []);
  });

  it('Given a check suite re-requested for a PR commit, when received, then the PR is checked again against its base', async () => {
    const change = givenRepository(CONFIG, { 'k8s/ingress.yaml': 'kind: Ingress\n' });
    const seen: { changes?: ChangeSet }[] = [];
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: recordingScan(seen) });
    const payload = examplePayload('check_suite', 'rerequested') as {
      check_suite: { head_sha: string; pull_requests: { number: number; base: { sha: string } }[] };
    };
    payload.check_suite.head_sha = change.head;
    payload.check_suite.pull_requests[0]!.base.sha = change.base;

    await app.receive('check_suite', payload);

    expect(routeCount(`GET ${REPOSITORY}/pulls/${payload.check_suite.pull_requests[0]!.number}/files`)).toBe(1);
    expect(seen[0]?.changes?.changed).toEqual([{ path: 'k8s/ingress.yaml', status: 'added' }]);
    expect(updates()[0]).toMatchObject({ status: 'completed' });
  });

  it("Given another app's check run re-requested, when received, then the App does nothing", async () => {
    app = await createTestApp({ apiUrl: fake.apiUrl });

    await app.receive('check_run', examplePayload('check_run', 'rerequested'));

    expect(fake.github.requests).toEqual([]);
  });

  it('Given our check run re-requested on a commit without a PR, when received, then the commit is compared with the default branch', async () => {
    const change = givenRepository(CONFIG, { 'main.tf': 'locals {}\n' });
    const seen: { changes?: ChangeSet }[] = [];
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: recordingScan(seen) });
    const payload = examplePayload('check_run', 'rerequested') as {
      check_run: { name: string; head_sha: string; pull_requests: unknown[] };
      repository: { name: string; owner: { login: string }; default_branch: string };
    };
    payload.check_run.name = 'HIPAA safeguards';
    payload.check_run.head_sha = change.head;
    inTestRepository(payload);
    payload.repository.default_branch = 'main';

    await app.receive('check_run', payload);

    expect(payload.check_run.pull_requests).toEqual([]);
    expect(routeCount(`GET ${REPOSITORY}/compare/main...${change.head}`)).toBe(1);
    expect(seen[0]?.changes?.changed).toEqual([{ path: 'main.tf', status: 'added' }]);
    expect(seen[0]?.changes?.baseRef).toBe(change.mergeBase);
  });

  it("Given only the org's .github repository has a config, extending another, when a PR opens, then the merged org config is used", async () => {
    const change = givenRepository(null, { 'main.tf': 'locals {}\n' });
    fake.github.installations[0]!.repositories.push(
      { owner: OWNER, repo: '.github', config: '_extends: security-policies\nprofile: nist-800-52r2\n' },
      { owner: OWNER, repo: 'security-policies', config: 'fail-on: medium\nprofile: mozilla-modern\n' },
    );
    const seen: { config?: Config }[] = [];
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: recordingScan(seen) });

    await app.receive('pull_request', pullRequestEvent('opened', change));

    expect([seen[0]?.config?.profile, seen[0]?.config?.['fail-on']]).toEqual(['nist-800-52r2', 'medium']);
  });

  it('Given a PR that breaks the config file, when checked, then the run used the base config and reports the edit on its line', async () => {
    const change = givenRepository(
      CONFIG,
      { '.github/hipaa-guard.yml': 'fail-on: high\nendpoints:\n  - url: http://api.example.org\n' },
      { '.github/hipaa-guard.yml': CONFIG },
    );
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: cleanScan });

    await app.receive('pull_request', pullRequestEvent('opened', change));

    // A config edit that would not load fails the check (checks/model/verdict.ts): merged, it would stop every run
    expect(updates()[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(updates()[0]?.output?.summary).toContain('`.github/hipaa-guard.yml:3`: the edited config would not load');
    expect(updates()[0]?.output?.summary).toContain('expected an https:// URL');
    expect(updates()[0]?.output?.summary).toContain('this run used the version at its base');
  });

  it('Given a payload without the head commit, when received, then it is refused by the schema and GitHub is not called', async () => {
    app = await createTestApp({ apiUrl: fake.apiUrl });
    const payload = examplePayload('pull_request', 'opened') as { pull_request: { head: { sha?: string } } };
    delete payload.pull_request.head.sha;

    await expect(app.receive('pull_request', payload)).resolves.toBeUndefined();
    expect(fake.github.requests).toEqual([]);
  });

  it('Given GitHub failing to create the run, when a PR opens, then the webhook is logged as not handled instead of crashing', async () => {
    const change = givenRepository(CONFIG, { 'main.tf': 'locals {}\n' });
    fake.github.options.failures = [{ route: /^POST \/repos\/[^/]+\/[^/]+\/check-runs$/, status: 500, message: 'Server Error' }];
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: recordingScan([]) });

    await expect(app.receive('pull_request', pullRequestEvent('opened', change))).resolves.toBeUndefined();
    expect(creations()).toHaveLength(1);
    expect(updates()).toEqual([]);
  });

  it('Given an installation that has not granted checks: write, when a PR opens, then no check is attempted further', async () => {
    const change = givenRepository(CONFIG, { 'main.tf': 'locals {}\n' });
    fake.github.options.failures = [{ route: /\/check-runs$/, status: 403, message: 'Resource not accessible by integration' }];
    app = await createTestApp({ apiUrl: fake.apiUrl, scan: recordingScan([]) });

    await expect(app.receive('pull_request', pullRequestEvent('opened', change))).resolves.toBeUndefined();
    expect(routeCount(`GET ${REPOSITORY}/commits/${change.head}/check-runs`)).toBe(1);
    expect(creations()).toEqual([]);
    expect(routeCount(`GET ${REPOSITORY}/pulls/2/files`)).toBe(0);
  });
});

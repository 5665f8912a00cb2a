import type { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkEndpoints } from '../../checks/endpoint/index.js';
import {
  applyIssuePlan,
  endpointFingerprint,
  issueBudget,
  planEndpointIssues,
  syncEndpointIssues,
  type IssuePolicy,
  type TrackedIssue,
} from '../../checks/github/endpoint-issues.js';
import type { Report } from '../../checks/model/report.js';
import type { FailOn, Finding } from '../../checks/model/finding.js';
import { endpointFinding, NOW, probeReport, publishOptions, REPO, testOctokit } from './builders.js';
import { FakeGitHub, useFakeGitHub } from './fake-github.js';
import { startLab, type Lab } from '../../lab/index.js';

const API = 'https://api.example.org';
const WEB = 'https://portal.example.org';
const CURRENT = 'the issue lists the current findings';

describe('syncEndpointIssues against a stateful GitHub', () => {
  let github: FakeGitHub;
  let octokit: Octokit;
  beforeEach(async () => {
    github = new FakeGitHub({ pageSize: 2 });
    octokit = testOctokit(await github.start());
  });
  afterEach(async () => {
    expect(github.problems).toEqual([]);
    await github.stop();
  });
  const sync = (...args: Parameters<typeof probeReport>) => syncEndpointIssues(octokit, REPO, probeReport(...args), publishOptions());

  it('opens, updates only on change, closes and reopens one issue per endpoint', async () => {
    // Given an endpoint failing one check: an issue is opened, with the label created
    expect(await sync([API], [endpointFinding(API, 'tls-version')])).toEqual([{ url: API, action: 'created', issue: 1 }]);
    expect(github.labels).toEqual(new Set(['acme/infra:hipaa-guard']));
    const issue = github.issues[0]!;
    expect(issue.body).toContain(`<!-- hipaa-guard:endpoint=${endpointFingerprint(API)} -->`);
    expect(issue.title).toBe(`HIPAA safeguards: ${API} fails 1 check`);

    // When the same findings come back: nothing is written
    const before = github.requests.length;
    expect(await sync([API], [endpointFinding(API, 'tls-version')])).toEqual([{ url: API, action: 'unchanged', issue: 1, reason: CURRENT }]);
    expect(github.routes().slice(before)).toEqual(['GET /repos/acme/infra/issues']);

    // When a finding is added: body updated and a comment lists what is new
    await sync([API], [endpointFinding(API, 'tls-version'), endpointFinding(API, 'hsts-missing', 'medium')]);
    expect(issue.title).toBe(`HIPAA safeguards: ${API} fails 2 checks`);
    expect(issue.comments.at(-1)).toContain('### New\n- **medium** `hsts-missing`');

    // When the endpoint is clean: comment and close
    expect(await sync([API], [])).toEqual([{ url: API, action: 'closed', issue: 1 }]);
    expect([issue.state, issue.state_reason]).toEqual(['closed', 'completed']);

    // When it breaks again: the same issue is reopened, no second one
    expect(await sync([API], [endpointFinding(API, 'tls-version')])).toEqual([{ url: API, action: 'reopened', issue: 1 }]);
    expect(issue.state).toBe('open');
    expect(issue.comments.at(-1)).toContain('### Resolved\n- `hsts-missing`');
    expect(github.issues).toHaveLength(1);
  });

  it('keeps the issue open when the endpoint could not be probed, and says why instead of the findings', async () => {
    await sync([API], [endpointFinding(API, 'tls-version')]);
    const refused = {
      category: 'connectivity' as const,
      target: API,
      message: `connect ECONNREFUSED 203.0.113.7:443`,
      location: { kind: 'endpoint' as const, url: API },
    };
    expect(await sync([], [], [refused])).toEqual([{ url: API, action: 'updated', issue: 1 }]);
    const issue = github.issues[0]!;
    expect(issue.state).toBe('open');
    expect(issue.title).toBe(`HIPAA safeguards: ${API} could not be checked`);
    expect(issue.body).toContain('### Could not check\n- **could not check** (connectivity): connect ECONNREFUSED 203.0.113.7:443');
    // The same problem again, worded alike or not, writes nothing
    expect(await sync([], [], [{ ...refused, message: 'connect ECONNREFUSED 203.0.113.7:443 (again)' }])).toEqual([
      { url: API, action: 'unchanged', issue: 1, reason: CURRENT },
    ]);
  });

  it('opens one problem issue for an endpoint that cannot be reached, never a duplicate, and closes it once it passes', async () => {
    const unresolvable = {
      category: 'connectivity' as const,
      target: API,
      message: 'could not resolve api.example.org: queryA ENOTFOUND api.example.org',
      location: { kind: 'endpoint' as const, url: API },
    };
    expect(await sync([], [], [unresolvable])).toEqual([{ url: API, action: 'created', issue: 1 }]);
    expect(await sync([], [], [unresolvable])).toEqual([{ url: API, action: 'unchanged', issue: 1, reason: CURRENT }]);
    expect(await sync([API], [])).toEqual([{ url: API, action: 'closed', issue: 1 }]);
    expect(github.issues).toHaveLength(1);
  });

  describe('issue-on', () => {
    const syncFrom = (issueOn: FailOn, findings: Finding[]) =>
      syncEndpointIssues(octokit, REPO, probeReport([API], findings), { ...publishOptions(), issueOn });

    it('opens no issue for findings below it', async () => {
      expect(await syncFrom('high', [endpointFinding(API, 'hsts-missing', 'medium')])).toEqual([]);
      expect(github.issues).toEqual([]);
    });

    it('lists lower findings in an issue that exists anyway, and closes it when only lower ones remain', async () => {
      await syncFrom('high', [endpointFinding(API, 'tls-version'), endpointFinding(API, 'hsts-missing', 'medium')]);
      expect(github.issues[0]?.body).toContain('**medium** `hsts-missing`');
      expect(await syncFrom('high', [endpointFinding(API, 'hsts-missing', 'medium')])).toEqual([{ url: API, action: 'closed', issue: 1 }]);
      expect(github.issues[0]?.comments.at(-1)).toContain('(1 finding below issue-on remain in the report)');
    });

    it('opens an issue for a lower finding when set lower than fail-on', async () => {
      expect(await syncFrom('medium', [endpointFinding(API, 'hsts-missing', 'medium')])).toEqual([{ url: API, action: 'created', issue: 1 }]);
    });
  });

  it('does not touch issues of endpoints another shard probes', async () => {
    await sync([API, WEB], [endpointFinding(API, 'tls-version'), endpointFinding(WEB, 'tls-version')]);
    expect(await sync([WEB], [])).toEqual([{ url: WEB, action: 'closed', issue: 2 }]);
    expect(github.issues.map((issue) => issue.state)).toEqual(['open', 'closed']);
  });

  it('creates at most maxCreated issues per run, finding old ones across pages', async () => {
    const urls = Array.from({ length: 5 }, (_, index) => `https://e${index}.example.org`);
    const findings = urls.map((url) => endpointFinding(url, 'tls-version'));
    const first = await syncEndpointIssues(octokit, REPO, probeReport(urls, findings), { ...publishOptions(), maxCreated: 3 });
    expect(first.map((outcome) => outcome.action)).toEqual(['created', 'created', 'created', 'skipped', 'skipped']);
    // The next run finds the three (listed two per page) and creates the remaining two
    const second = await syncEndpointIssues(octokit, REPO, probeReport(urls, findings), { ...publishOptions(), maxCreated: 3 });
    expect(second.map((outcome) => outcome.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'created', 'created']);
    expect(github.issues).toHaveLength(5);
  });

  it('two runs at once leave exactly one open issue', async () => {
    // Given a slow API so both runs list before either creates
    github.options.latencyMs = 20;
    const report = probeReport([API], [endpointFinding(API, 'tls-version')]);
    // When two runs sync at the same time
    const outcomes = await Promise.all([
      syncEndpointIssues(octokit, REPO, report, publishOptions()),
      syncEndpointIssues(octokit, REPO, report, publishOptions()),
    ]);
    // Then both created, both agreed to close the newer one as a duplicate, and one stays open
    expect(github.issues).toHaveLength(2);
    expect(github.issues.filter((issue) => issue.state === 'open').map((issue) => issue.number)).toEqual([1]);
    expect(new Set(outcomes.flat().map((outcome) => `${outcome.action} #${outcome.issue}`))).toEqual(new Set(['created #1', 'duplicate-closed #2']));
    expect(github.issues[1]?.comments[0]).toBe('Duplicate of #1 (two hipaa-guard runs raced); closing.');
  });
});

describe('planEndpointIssues: the steps, as data, from the issues listed and the report', () => {
  const now = NOW.toISOString();
  const marker = endpointFingerprint(API);
  const tls = endpointFinding(API, 'tls-version');
  const hsts = endpointFinding(API, 'hsts-missing', 'medium');
  const listed = (number: number, state: 'open' | 'closed', findings: Finding[]): TrackedIssue => ({
    number,
    state,
    marker,
    findings: findings.map((finding) => `${finding.ruleId}@${finding.fingerprint}`),
  });
  const refused = {
    category: 'connectivity' as const,
    target: API,
    message: 'connect ECONNREFUSED 127.0.0.1:443',
    location: { kind: 'endpoint' as const, url: API },
  };

  it.each<[string, TrackedIssue[], Finding[], Report['errors'], IssuePolicy, string[]]>([
    ['fails, no issue → open', [], [tls], [], {}, ['open: fails and has no issue']],
    ['fails, the open issue lists the same → leave', [listed(3, 'open', [tls])], [tls], [], {}, [`leave #3: ${CURRENT}`]],
    ['fails with a new finding → update', [listed(3, 'open', [tls])], [tls, hsts], [], {}, ['update #3: what the issue lists changed']],
    [
      'fails, its issue closed → reopen the oldest',
      [listed(5, 'closed', [tls]), listed(4, 'closed', [tls])],
      [tls],
      [],
      {},
      ['update #4: fails again; its issue was closed'],
    ],
    ['passes, open issue → close', [listed(3, 'open', [tls])], [], [], {}, ['close #3: nothing at or above issue-on, no problem']],
    ['passes, no issue → nothing', [], [], [], {}, []],
    ['only below issue-on, no issue → nothing', [], [hsts], [], {}, []],
    [
      'issue-on never → leave it',
      [listed(3, 'open', [tls])],
      [tls],
      [],
      { issueOn: 'never' },
      ['leave #3: issue-on is never: issues are neither opened nor closed'],
    ],
    ['could not be probed → open', [], [], [refused], {}, ['open: fails and has no issue']],
    ['over maxCreated → skip', [], [tls], [], { maxCreated: 0 }, ['skip: already created 0 issues this run (the cap); the next run continues']],
  ])('%s', (_, tracked, findings, errors, policy, expected) => {
    const steps = planEndpointIssues(tracked, probeReport([API], findings, errors), policy, now);
    expect(steps.map((step) => `${step.kind}${'issue' in step ? ` #${step.issue}` : ''}: ${step.reason}`)).toEqual(expected);
  });

  it('caps the opens of one run at maxCreated, in URL order, and writes bodies the issue can be found by', () => {
    const urls = ['https://c.example.org', 'https://a.example.org', 'https://b.example.org'];
    const steps = planEndpointIssues(
      [],
      probeReport(
        urls,
        urls.map((url) => endpointFinding(url, 'tls-version')),
      ),
      { maxCreated: 2 },
      now,
    );
    expect(steps.map((step) => `${step.kind} ${step.url}`)).toEqual(['open https://a.example.org', 'open https://b.example.org', 'skip https://c.example.org']);
    const [first] = steps;
    expect(first?.kind === 'open' && first.body).toContain(`<!-- hipaa-guard:endpoint=${endpointFingerprint('https://a.example.org')} -->`);
  });
});

describe('applyIssuePlan against the GitHub fake', () => {
  const fake = useFakeGitHub();

  it('lists the open issues once after its creations, not after each one, and adds what it creates to the listing', async () => {
    const urls = Array.from({ length: 4 }, (_, index) => `https://e${index}.example.org`);
    const steps = planEndpointIssues(
      [],
      probeReport(
        urls,
        urls.map((url) => endpointFinding(url, 'tls-version')),
      ),
      {},
      NOW.toISOString(),
    );
    const tracked: TrackedIssue[] = [];
    const outcomes = await applyIssuePlan(testOctokit(fake.apiUrl), REPO, steps, tracked, { label: 'hipaa-guard', budget: issueBudget(10) });
    expect(outcomes.map((outcome) => `${outcome.action} #${outcome.issue}`)).toEqual(['created #1', 'created #2', 'created #3', 'created #4']);
    expect(fake.github.routes().filter((route) => route === 'GET /repos/acme/infra/issues')).toHaveLength(1);
    expect(fake.github.requests.find((request) => request.method === 'GET' && request.path.includes('/issues?'))?.path).toContain('state=open');
    expect(tracked.map((issue) => [issue.number, issue.state])).toEqual([
      [1, 'open'],
      [2, 'open'],
      [3, 'open'],
      [4, 'open'],
    ]);
  });

  it('creates only what the budget grants and says why the rest waits', async () => {
    const urls = ['https://a.example.org', 'https://b.example.org', 'https://c.example.org'];
    const steps = planEndpointIssues(
      [],
      probeReport(
        urls,
        urls.map((url) => endpointFinding(url, 'tls-version')),
      ),
      {},
      NOW.toISOString(),
    );
    const budget = issueBudget(2);
    const outcomes = await applyIssuePlan(testOctokit(fake.apiUrl), REPO, steps, [], { label: 'hipaa-guard', budget });
    expect(outcomes.map((outcome) => outcome.action)).toEqual(['created', 'created', 'skipped']);
    expect(outcomes[2]?.reason).toBe('the sweep-wide cap on issues created is reached; the next sweep continues');
    expect(fake.github.issues).toHaveLength(2);
    expect(await budget.take(1)).toBe(0);
  });
});

describe('a nightly run end to end: probe the loopback lab, then publish to the GitHub fake', () => {
  let lab: Lab;
  let github: FakeGitHub;
  beforeAll(async () => {
    // The probe must reach the lab's sockets, not nock's interceptors (the other tests here use nock)
    nock.restore();
    lab = await startLab(['good', 'expired']);
  });
  afterAll(async () => {
    await lab.stop();
    nock.activate();
  });
  beforeEach(() => {
    github = new FakeGitHub({ pageSize: 2 });
  });
  afterEach(async () => {
    // Every request body matched GitHub's OpenAPI description
    expect(github.problems).toEqual([]);
    await github.stop();
  });

  it('Given a clean and a broken endpoint, then exactly one issue is opened, for the broken one', async () => {
    const octokit = testOctokit(await github.start());
    const endpoints = lab.scenarios.map((scenario) => scenario.endpoint);
    const started = new Date();
    // When both are probed and judged as the nightly does, and the report is published twice
    const report = await checkEndpoints({ endpoints, profile: 'hipaa', timeoutMs: 4000, concurrency: 2, readFile: lab.readFile, now: () => started });
    const first = await syncEndpointIssues(octokit, REPO, report, { ...publishOptions(), issueOn: 'high' });
    const second = await syncEndpointIssues(octokit, REPO, report, { ...publishOptions(), issueOn: 'high' });
    // Then one issue exists, for the expired certificate, and the second run changed nothing
    const expired = endpoints.find((endpoint) => endpoint.url.includes('expired'))?.url;
    expect(first).toEqual([{ url: expired, action: 'created', issue: 1 }]);
    expect(second).toEqual([{ url: expired, action: 'unchanged', issue: 1, reason: CURRENT }]);
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]?.body).toContain('`CERT-EXPIRED`');
  });
});

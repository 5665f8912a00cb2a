import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../checks/config/load-config.js';
import { completeCheckRun, failCheckRun, startCheckRun } from '../../checks/github/check-run.js';
import { mockGitHub } from '../support/github-openapi.js';
import { endpointFinding, fileFinding, HEAD_SHA, NOW, publishOptions, REPO, reportWith, testOctokit } from './builders.js';

const RUNS = '/repos/acme/infra/check-runs';
const LIST = `/repos/acme/infra/commits/${HEAD_SHA}/check-runs`;
const run = { ...REPO, id: 7, reused: false };

afterEach(() => nock.cleanAll());

describe('startCheckRun', () => {
  it('creates the run in progress on the head SHA when none exists', async () => {
    // Given no run on the commit yet
    const github = mockGitHub();
    github.scope.get(LIST).query(true).reply(200, { total_count: 0, check_runs: [] });
    let created: unknown;
    github.scope
      .post(RUNS, (body) => {
        created = body;
        return true;
      })
      .reply(201, { id: 7 });
    // When the run starts
    const result = await startCheckRun(testOctokit(), { ...REPO, headSha: HEAD_SHA }, publishOptions());
    // Then a new in-progress run named "HIPAA safeguards" exists
    expect(result).toEqual({ kind: 'started', run: { ...REPO, id: 7, reused: false } });
    expect(created).toMatchObject({ name: 'HIPAA safeguards', head_sha: HEAD_SHA, external_id: 'hipaa-guard', status: 'in_progress' });
    github.done();
  });

  it('reuses the run a redelivered webhook already created', async () => {
    // Given a run with our name, SHA and external id, and another tool's run
    const github = mockGitHub();
    github.scope
      .get(LIST)
      .query({ check_name: 'HIPAA safeguards', filter: 'all', per_page: '100' })
      .reply(200, {
        total_count: 2,
        check_runs: [
          { id: 3, head_sha: HEAD_SHA, external_id: 'other' },
          { id: 9, head_sha: HEAD_SHA, external_id: 'hipaa-guard' },
        ],
      });
    github.scope.patch(`${RUNS}/9`, (body: { status?: string }) => body.status === 'in_progress').reply(200, { id: 9 });
    // When the run starts again
    const result = await startCheckRun(testOctokit(), { ...REPO, headSha: HEAD_SHA }, publishOptions());
    // Then the existing run is reset instead of a second one being created
    expect(result).toEqual({ kind: 'started', run: { ...REPO, id: 9, reused: true } });
    github.done();
  });

  it('returns "forbidden" instead of throwing when the token may not create check runs', async () => {
    const github = mockGitHub();
    github.scope.get(LIST).query(true).reply(200, { total_count: 0, check_runs: [] });
    github.scope.post(RUNS).reply(403, { message: 'Resource not accessible by integration' });
    const result = await startCheckRun(testOctokit(), { ...REPO, headSha: HEAD_SHA }, publishOptions());
    expect(result).toMatchObject({ kind: 'forbidden', status: 403 });
    github.done();
  });
});

describe('completeCheckRun', () => {
  it('sends 120 annotations in three requests and completes with the last one', async () => {
    // Given 120 blocking file findings and one endpoint finding
    const findings = [...Array.from({ length: 120 }, (_, index) => fileFinding(index)), endpointFinding('https://api.example.org', 'tls-version')];
    const bodies: { status?: string; conclusion?: string; output: { annotations?: { start_line: number }[]; summary: string } }[] = [];
    const github = mockGitHub();
    github.scope
      .patch(`${RUNS}/7`, (body: (typeof bodies)[number]) => {
        bodies.push(body);
        return true;
      })
      .times(3)
      .reply(200, { id: 7 });
    // When the run completes
    const result = await completeCheckRun(testOctokit(), run, reportWith({ findings }), { failOn: 'high' }, publishOptions());
    // Then annotations go 50, 50, 20, only the last request completes the run, as a failure
    expect(result).toEqual({ conclusion: 'failure', annotations: 120, requests: 3 });
    expect(bodies.map((body) => [body.output.annotations?.length, body.status, body.conclusion])).toEqual([
      [50, undefined, undefined],
      [50, undefined, undefined],
      [20, 'completed', 'failure'],
    ]);
    expect(bodies[0]?.output.annotations?.[0]).toEqual({
      path: 'infra/main.tf',
      start_line: 1,
      end_line: 2,
      annotation_level: 'failure',
      title: 'tf-rule-0: Rule tf-rule-0',
      message: 'resource 0 weakened: expected true, found false\n\n45 CFR 164.312(c)(1) (Integrity). Fix tf-rule-0.',
    });
    // And the endpoint finding is in the summary, not an annotation
    expect(bodies[2]?.output.summary).toContain('`https://api.example.org (203.0.113.7)`');
    github.done();
  });

  it('does not send again the annotations a reused run already has (GitHub appends them)', async () => {
    // Given a run reused after a redelivery, which already carries the first of three annotations
    const findings = [fileFinding(0), fileFinding(1), fileFinding(2)];
    const reused = { ...run, reused: true };
    const github = mockGitHub();
    const first = {
      path: 'infra/main.tf',
      start_line: 1,
      end_line: 2,
      start_column: null,
      end_column: null,
      annotation_level: 'failure',
      title: 'tf-rule-0: Rule tf-rule-0',
      message: 'resource 0 weakened: expected true, found false\n\n45 CFR 164.312(c)(1) (Integrity). Fix tf-rule-0.',
      raw_details: null,
      blob_href: 'https://github.com/acme/infra/blob/x/infra/main.tf',
    };
    github.scope.get(`${RUNS}/7/annotations`).query({ per_page: '100' }).reply(200, [first]);
    const bodies: { output: { annotations?: { title: string }[] } }[] = [];
    github.scope
      .patch(`${RUNS}/7`, (body: (typeof bodies)[number]) => {
        bodies.push(body);
        return true;
      })
      .reply(200, { id: 7 });
    // When it completes again with the same findings
    const result = await completeCheckRun(testOctokit(), reused, reportWith({ findings }), { failOn: 'high' }, publishOptions());
    // Then only the two it lacks are sent, so each shows once
    expect(bodies.map((body) => body.output.annotations?.map((annotation) => annotation.title))).toEqual([['tf-rule-1: Rule tf-rule-1', 'tf-rule-2: Rule tf-rule-2']]);
    expect(result).toEqual({ conclusion: 'failure', annotations: 3, requests: 1 });
    github.done();
  });

  it('succeeds with one request when nothing is found', async () => {
    const github = mockGitHub();
    let body: unknown;
    github.scope
      .patch(`${RUNS}/7`, (sent) => {
        body = sent;
        return true;
      })
      .reply(200, { id: 7 });
    const result = await completeCheckRun(testOctokit(), run, reportWith({}), { failOn: 'high' }, publishOptions());
    expect(result).toEqual({ conclusion: 'success', annotations: 0, requests: 1 });
    expect(body).toEqual({
      status: 'completed',
      conclusion: 'success',
      completed_at: NOW.toISOString(),
      output: { title: 'All safeguards hold', summary: expect.stringMatching(/^\*\*All safeguards hold\*\* \(fail-on: high\)\n\n# hipaa-guard report/) },
    });
    github.done();
  });

  it('fails when nothing blocks but a check could not run', async () => {
    const github = mockGitHub();
    github.scope.patch(`${RUNS}/7`, (body: { conclusion?: string }) => body.conclusion === 'failure').reply(200, { id: 7 });
    const report = reportWith({ errors: [{ category: 'connectivity', target: 'https://api.example.org', message: 'connection refused' }] });
    expect((await completeCheckRun(testOctokit(), run, report, { failOn: 'high' }, publishOptions())).conclusion).toBe('failure');
    github.done();
  });
});

describe('failCheckRun', () => {
  it('says what is wrong with the config and annotates its line', async () => {
    // Given a config error on line 4
    const error = new ConfigError('.github/hipaa-guard.yml', [{ path: 'fail-on', line: 4, message: 'expected one of critical|high|medium|low|never' }]);
    let body: { conclusion?: string; output?: { title: string; summary: string; annotations?: unknown[] } } = {};
    const github = mockGitHub();
    github.scope
      .patch(`${RUNS}/7`, (sent: typeof body) => {
        body = sent;
        return true;
      })
      .reply(200, { id: 7 });
    // When the run fails with it
    await failCheckRun(testOctokit(), run, error, publishOptions());
    // Then the run fails, naming the file, line and problem
    expect(body.conclusion).toBe('failure');
    expect(body.output?.title).toBe('Configuration error in .github/hipaa-guard.yml');
    expect(body.output?.summary).toContain('- `.github/hipaa-guard.yml:4` `fail-on`: expected one of critical\\|high\\|medium\\|low\\|never');
    expect(body.output?.annotations).toEqual([
      {
        path: '.github/hipaa-guard.yml',
        start_line: 4,
        end_line: 4,
        annotation_level: 'failure',
        title: 'hipaa-guard configuration',
        message: 'fail-on: expected one of critical|high|medium|low|never',
      },
    ]);
    github.done();
  });

  it('puts an engine crash in the summary', async () => {
    const github = mockGitHub();
    github.scope
      .patch(`${RUNS}/7`, (body: { output: { summary: string } }) => body.output.summary.includes('parser exploded'))
      .reply(200, { id: 7 });
    const failure = await failCheckRun(testOctokit(), run, new Error('parser exploded'), publishOptions());
    expect(failure.title).toBe('hipaa-guard could not run');
    github.done();
  });
});

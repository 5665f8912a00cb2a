import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { expectValidGitHubRequest, findGitHubOperation, mockGitHub, validateGitHubRequest } from './github-openapi.js';

describe('GitHub OpenAPI request validation', () => {
  afterEach(() => nock.cleanAll());

  it('matches a concrete path to its template, preferring literal segments', () => {
    expect(findGitHubOperation('PATCH', '/repos/acme/infra/check-runs/42')).toEqual({
      operationId: 'checks/update',
      template: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
      method: 'patch',
      pathParams: { owner: 'acme', repo: 'infra', check_run_id: '42' },
    });
    expect(findGitHubOperation('GET', '/repos/acme/infra/issues/comments')?.operationId).toBe('issues/list-comments-for-repo');
  });

  it('accepts a valid check-run creation', () => {
    expect(validateGitHubRequest('POST', '/repos/acme/infra/check-runs', { name: 'HIPAA safeguards', head_sha: 'abc', status: 'in_progress' })).toEqual([]);
  });

  it('rejects an unknown route, a typo in the body, a bad enum and a missing required field', () => {
    expect(validateGitHubRequest('POST', '/repos/acme/infra/check-runz', {})).toEqual([
      "POST /repos/acme/infra/check-runz: no such operation in GitHub's REST API description",
    ]);
    expect(validateGitHubRequest('POST', '/repos/acme/infra/check-runs', { name: 'x', head_shaa: 'abc' })).toEqual([
      "POST /repos/acme/infra/check-runs (checks/create): (body): must have required property 'head_sha'",
      'POST /repos/acme/infra/check-runs (checks/create): (body): property "head_shaa" is not in the schema',
    ]);
    expect(() => expectValidGitHubRequest('PATCH', '/repos/acme/infra/issues/7', { state: 'shut' })).toThrow(/state: must be equal to one of/);
  });

  it('limits annotations to 50 per request, as GitHub does', () => {
    const annotation = { path: 'a.tf', start_line: 1, end_line: 1, annotation_level: 'failure', message: 'm' };
    const output = (n: number) => ({ output: { title: 't', summary: 's', annotations: Array.from({ length: n }, () => annotation) } });
    expect(validateGitHubRequest('PATCH', '/repos/o/r/check-runs/1', output(50))).toEqual([]);
    expect(validateGitHubRequest('PATCH', '/repos/o/r/check-runs/1', output(51))).toEqual([
      'PATCH /repos/o/r/check-runs/1 (checks/update): /output/annotations: must NOT have more than 50 items',
    ]);
  });

  it('checks query parameters and accepts nullable fields', () => {
    expect(validateGitHubRequest('GET', '/repos/o/r/issues?state=all&labels=hipaa-guard&per_page=100&page=2', undefined)).toEqual([]);
    expect(validateGitHubRequest('GET', '/repos/o/r/issues?state=any&lables=x', undefined)).toEqual([
      'GET /repos/o/r/issues (issues/list-for-repo): query parameter state=any is not one of open, closed, all',
      'GET /repos/o/r/issues (issues/list-for-repo): unknown query parameter "lables"',
    ]);
    expect(validateGitHubRequest('PATCH', '/repos/o/r/issues/3', { body: null, state: 'closed', state_reason: 'completed' })).toEqual([]);
  });

  it('strips the GitHub Enterprise Server prefix', () => {
    expect(validateGitHubRequest('GET', '/api/v3/repos/o/r/labels/hipaa-guard', undefined, '/api/v3')).toEqual([]);
  });

  it('records the problems of requests intercepted by nock', async () => {
    // Given a mocked API and a client sending one valid and one invalid request
    const github = mockGitHub();
    github.scope.post('/repos/o/r/check-runs').reply(201, { id: 1 });
    github.scope.post('/repos/o/r/issues').reply(201, { number: 1 });
    const octokit = new Octokit({ request: { retries: 0 } });
    // When both are sent
    await octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'o', repo: 'r', name: 'n', head_sha: 'h' });
    await octokit.request('POST /repos/{owner}/{repo}/issues', { owner: 'o', repo: 'r', title: 't', colour: 'red' } as never);
    // Then done() names the invalid one
    expect(() => github.done()).toThrow('property "colour" is not in the schema');
  });
});

import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../checks/github/client.js';
import { mockGitHub } from '../support/github-openapi.js';

const LIST = '/repos/acme/infra/commits/c0ffee/check-runs';

/** The Action's client, its waits scaled to milliseconds so the test does not sleep for seconds. */
function client(lines: string[]) {
  return createGitHubClient({
    auth: 'ghs_test',
    baseUrl: 'https://api.github.com',
    userAgent: 'hipaa-guard-test',
    log: (line) => lines.push(line),
    retryAfterBaseValue: 1,
  });
}

afterEach(() => nock.cleanAll());

describe("the Action's GitHub client (plugin-throttling and plugin-retry)", () => {
  it('Given a secondary rate limit, when a request is refused, then it waits what GitHub asks, says so, and retries', async () => {
    const github = mockGitHub();
    github.scope.get(LIST).reply(403, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '30' });
    github.scope.get(LIST).reply(200, { total_count: 0, check_runs: [] });
    const lines: string[] = [];

    const { data } = await client(lines).rest.checks.listForRef({ owner: 'acme', repo: 'infra', ref: 'c0ffee' });

    expect(data.total_count).toBe(0);
    expect(lines).toEqual([`GitHub secondary rate limit on GET /repos/{owner}/{repo}/commits/{ref}/check-runs: waiting 30s (retry 1 of 3)`]);
    github.done();
  });

  it('Given a server error, when a request fails, then it is retried', async () => {
    const github = mockGitHub();
    github.scope.get(LIST).reply(502, { message: 'Bad Gateway' });
    github.scope.get(LIST).reply(200, { total_count: 0, check_runs: [] });

    const { data } = await client([]).rest.checks.listForRef({ owner: 'acme', repo: 'infra', ref: 'c0ffee' });

    expect(data.total_count).toBe(0);
    github.done();
  });

  it('Given a rate limit that does not lift, when retried three times, then the request fails and the log says so', async () => {
    const github = mockGitHub();
    github.scope.get(LIST).times(4).reply(403, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '1' });
    const lines: string[] = [];

    await expect(client(lines).rest.checks.listForRef({ owner: 'acme', repo: 'infra', ref: 'c0ffee' })).rejects.toMatchObject({ status: 403 });

    expect(lines.at(-1)).toBe(
      'GitHub secondary rate limit on GET /repos/{owner}/{repo}/commits/{ref}/check-runs: not waiting 1s more after 3 retries; the request fails',
    );
    github.done();
  });
});

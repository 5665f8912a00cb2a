import '../support/promise-with-resolvers.js';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiFileSource, loadChangeSet } from '../../checks/github/api-source.js';
import { mockGitHub, type GitHubMock } from '../support/github-openapi.js';

const repository = { owner: 'acme', repo: 'infra' };
let github: GitHubMock;
const api = () => github.scope;
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const octokit = () => new Octokit({ auth: 'ghs_test', log: quiet });

beforeEach(() => {
  nock.disableNetConnect();
  github = mockGitHub();
});

afterEach(() => {
  try {
    github.done();
  } finally {
    nock.cleanAll();
  }
});

describe('apiFileSource', () => {
  it('Given a file at a commit, when read twice, then its raw text is fetched once', async () => {
    api()
      .get('/repos/acme/infra/contents/main.tf')
      .query({ ref: 'abc123' })
      .matchHeader('accept', 'application/vnd.github.v3.raw')
      .reply(200, 'resource "aws_s3_bucket" "b" {}\n');
    const source = apiFileSource(octokit(), repository, 'abc123');

    expect(await source.read('main.tf')).toBe('resource "aws_s3_bucket" "b" {}\n');
    expect(await source.read('main.tf')).toBe('resource "aws_s3_bucket" "b" {}\n');
  });

  it('Given a path missing at that commit, when read, then it is undefined', async () => {
    api().get('/repos/acme/infra/contents/gone.tf').query({ ref: 'abc123' }).reply(404, { message: 'Not Found' });
    expect(await apiFileSource(octokit(), repository, 'abc123').read('gone.tf')).toBeUndefined();
  });

  it('Given a server error, when read, then the error propagates for the engine to report', async () => {
    api().get('/repos/acme/infra/contents/main.tf').query({ ref: 'abc123' }).reply(500, { message: 'boom' });
    await expect(apiFileSource(octokit(), repository, 'abc123').read('main.tf')).rejects.toMatchObject({ status: 500 });
  });

  it('Given a tree, when listed twice, then it is fetched once and only file paths come back', async () => {
    api()
      .get('/repos/acme/infra/git/trees/abc123')
      .query({ recursive: 'true' })
      .reply(200, {
        sha: 'abc123',
        truncated: false,
        tree: [
          { path: 'envs', type: 'tree', sha: 't1' },
          { path: 'envs/prod/main.tf', type: 'blob', sha: 'b1' },
          { path: 'README.md', type: 'blob', sha: 'b2' },
        ],
      });
    const source = apiFileSource(octokit(), repository, 'abc123');
    expect(await source.list()).toEqual(['envs/prod/main.tf', 'README.md']);
    expect(await source.list()).toEqual(['envs/prod/main.tf', 'README.md']);
  });

  it('Given a tree GitHub truncated, when listed, then it says so instead of returning part of it', async () => {
    api().get('/repos/acme/infra/git/trees/abc123').query({ recursive: 'true' }).reply(200, { sha: 'abc123', truncated: true, tree: [] });
    await expect(apiFileSource(octokit(), repository, 'abc123').list()).rejects.toThrow('acme/infra@abc123 has more files than GitHub lists');
  });
});

describe('loadChangeSet', () => {
  it('Given a pull request with two pages of files, when loaded, then every change is listed against the merge base', async () => {
    api()
      .get('/repos/acme/infra/compare/base1...head1')
      .query({ per_page: 1 })
      .reply(200, { merge_base_commit: { sha: 'merge0' }, files: [] });
    api()
      .get('/repos/acme/infra/pulls/7/files')
      .query({ per_page: 100 })
      .reply(200, [{ filename: 'a.tf', status: 'modified' }], {
        link: '<https://api.github.com/repos/acme/infra/pulls/7/files?per_page=100&page=2>; rel="next"',
      });
    api()
      .get('/repos/acme/infra/pulls/7/files')
      .query({ per_page: 100, page: 2 })
      .reply(200, [
        { filename: 'b.tf', status: 'renamed', previous_filename: 'old-b.tf' },
        { filename: 'c.tf', status: 'copied' },
        { filename: 'd.tf', status: 'removed' },
        { filename: 'e.tf', status: 'unchanged' },
      ]);

    const changes = await loadChangeSet(octokit(), repository, { base: 'base1', head: 'head1', pullNumber: 7 });

    expect(changes.changed).toEqual([
      { path: 'a.tf', status: 'modified' },
      { path: 'b.tf', status: 'renamed', previousPath: 'old-b.tf' },
      { path: 'c.tf', status: 'added' },
      { path: 'd.tf', status: 'removed' },
    ]);
    expect([changes.baseRef, changes.headRef]).toEqual(['merge0', 'head1']);
  });

  it('Given no pull request, when loaded, then the comparison lists the files and the base reads at the merge base', async () => {
    api()
      .get('/repos/acme/infra/compare/main...head1')
      .query({ per_page: 1 })
      .reply(200, { merge_base_commit: { sha: 'merge0' }, files: [{ filename: 'a.tf', status: 'added' }] });
    api().get('/repos/acme/infra/contents/a.tf').query({ ref: 'merge0' }).reply(404, { message: 'Not Found' });

    const changes = await loadChangeSet(octokit(), repository, { base: 'main', head: 'head1' });

    expect(changes.changed).toEqual([{ path: 'a.tf', status: 'added' }]);
    expect(await changes.base.read('a.tf')).toBeUndefined();
  });
});

import '../support/promise-with-resolvers.js';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiFileSource, loadChangeSet } from '../../checks/github/api-source.js';
import { mockGitHub, type GitHubMock } from '../support/github-openapi.js';
import { refusal } from '../source/refusal.js';
import { contentsFileEntry } from './contents-entry.js';

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

const fileEntry = (path: string, bytes: Buffer, overrides: Record<string, unknown> = {}) => contentsFileEntry('acme/infra', path, bytes, overrides);

const LISTENER = 'resource "aws_lb_listener" "https" {\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\n';

describe('apiFileSource', () => {
  it('Given a file at a commit, when read twice, then its bytes are fetched once and decoded', async () => {
    api()
      .get('/repos/acme/infra/contents/main.tf')
      .query({ ref: 'abc123' })
      .reply(200, fileEntry('main.tf', Buffer.from(LISTENER)));
    const source = apiFileSource(octokit(), repository, 'abc123');

    expect(await source.read('main.tf')).toBe(LISTENER);
    expect(await source.read('main.tf')).toBe(LISTENER);
  });

  it('Given a UTF-16 template with a byte order mark, when read, then it is decoded like from a checkout', async () => {
    api()
      .get('/repos/acme/infra/contents/stack.yaml')
      .query({ ref: 'abc123' })
      .reply(200, fileEntry('stack.yaml', Buffer.from('\ufeffAWSTemplateFormatVersion: "2010-09-09"\n', 'utf16le')));
    expect(await apiFileSource(octokit(), repository, 'abc123').read('stack.yaml')).toBe('AWSTemplateFormatVersion: "2010-09-09"\n');
  });

  it('Given a binary file, when read, then it is refused as not text', async () => {
    api()
      .get('/repos/acme/infra/contents/logo.tf')
      .query({ ref: 'abc123' })
      .reply(200, fileEntry('logo.tf', Buffer.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d)));
    expect((await refusal(apiFileSource(octokit(), repository, 'abc123').read('logo.tf'))).reason).toMatch(/binary/);
  });

  it('Given a symbolic link GitHub does not resolve to a file of the repository, when read, then it is refused as a link and not followed', async () => {
    api()
      .get('/repos/acme/infra/contents/infra%2Fleak.tf')
      .query({ ref: 'abc123' })
      .reply(200, {
        type: 'symlink',
        target: '/proc/self/environ',
        size: 18,
        name: 'leak.tf',
        path: 'infra/leak.tf',
        sha: 's1',
        url: 'u',
        git_url: null,
        html_url: null,
        download_url: null,
        _links: { self: 'u', git: null, html: null },
      });
    const refused = await refusal(apiFileSource(octokit(), repository, 'abc123').read('infra/leak.tf'));
    expect([refused.path, refused.reason]).toEqual(['infra/leak.tf', 'a symbolic link to "/proc/self/environ", outside the repository; not read']);
  });

  it('Given a submodule at the path, when read, then it is refused as not part of the repository', async () => {
    api()
      .get('/repos/acme/infra/contents/vendor%2Fmodules')
      .query({ ref: 'abc123' })
      .reply(200, {
        type: 'submodule',
        submodule_git_url: 'https://github.com/acme/modules.git',
        size: 0,
        name: 'modules',
        path: 'vendor/modules',
        sha: 'c1',
        url: 'u',
        git_url: null,
        html_url: null,
        download_url: null,
        _links: { self: 'u', git: null, html: null },
      });
    expect((await refusal(apiFileSource(octokit(), repository, 'abc123').read('vendor/modules'))).reason).toMatch(/^a git submodule/);
  });

  it('Given a file over the size limit, when read, then it is refused by the size GitHub reports, without fetching its blob', async () => {
    api()
      .get('/repos/acme/infra/contents/big.json')
      .query({ ref: 'abc123' })
      .reply(200, fileEntry('big.json', Buffer.alloc(0), { size: 5_000_000, encoding: 'none', content: '' }));
    expect((await refusal(apiFileSource(octokit(), repository, 'abc123').read('big.json'))).reason).toBe(
      '5000000 bytes, over the 4194304-byte limit for a file hipaa-guard reads; not read',
    );
  });

  it('Given a file over the 1 MB GitHub inlines but under the limit, when read, then its bytes come from the blob', async () => {
    const text = `# ${'x'.repeat(1_100_000)}\n`;
    api()
      .get('/repos/acme/infra/contents/big.tf')
      .query({ ref: 'abc123' })
      .reply(200, fileEntry('big.tf', Buffer.alloc(0), { size: text.length, encoding: 'none', content: '', sha: 'b9' }));
    api()
      .get('/repos/acme/infra/git/blobs/b9')
      .reply(200, { sha: 'b9', node_id: 'n', size: text.length, url: 'u', content: Buffer.from(text).toString('base64'), encoding: 'base64' });
    expect(await apiFileSource(octokit(), repository, 'abc123').read('big.tf')).toBe(text);
  });

  it('Given a directory at the path, when read, then it is no file', async () => {
    api().get('/repos/acme/infra/contents/infra').query({ ref: 'abc123' }).reply(200, []);
    expect(await apiFileSource(octokit(), repository, 'abc123').read('infra')).toBeUndefined();
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

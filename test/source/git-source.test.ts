import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitRefSource, gitChangeSet, parseBatch, WorkingTreeSource } from '../../checks/source/git-source.js';
import { GitError } from '../../checks/source/run-git.js';
import { createTempRepo, tempDir, type TempRepo } from '../support/temp-repo.js';
import { refusal } from './refusal.js';

describe('git sources', () => {
  let repo: TempRepo;
  let first: string;
  beforeEach(() => {
    repo = createTempRepo();
    first = repo.commit('base', { 'infra/main.tf': 'a\n', 'infra/old.tf': 'moved\nacross\nlines\n', 'docs/readme.md': 'hi\n', 'gone.tf': 'x\n' });
  });
  afterEach(() => repo.remove());

  it('reads files at a commit in one batch, missing ones as undefined', async () => {
    const source = new GitRefSource(repo.dir, first);
    const [main, missing, directory] = await Promise.all([source.read('infra/main.tf'), source.read('nope.tf'), source.read('infra')]);
    expect(main).toBe('a\n');
    expect(missing).toBeUndefined();
    expect(directory).toBeUndefined();
    expect(await source.list()).toEqual(['docs/readme.md', 'gone.tf', 'infra/main.tf', 'infra/old.tf']);
  });

  it('lists changes between two commits with renames, and between a commit and the working tree with untracked files', async () => {
    repo.git('mv', 'infra/old.tf', 'infra/new.tf');
    const second = repo.commit('head', { 'infra/main.tf': 'b\n', 'gone.tf': null, 'added.tf': 'y\n' });
    const commits = await gitChangeSet(repo.dir, first, second);
    expect(commits.changed.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'added.tf', status: 'added' },
      { path: 'gone.tf', status: 'removed' },
      { path: 'infra/main.tf', status: 'modified' },
      { path: 'infra/new.tf', status: 'renamed', previousPath: 'infra/old.tf' },
    ]);
    expect(await commits.head.read('infra/main.tf')).toBe('b\n');
    expect(await commits.base.read('infra/main.tf')).toBe('a\n');

    repo.write({ 'infra/main.tf': 'c\n', 'untracked.tf': 'z\n' });
    const workingTree = await gitChangeSet(repo.dir, second);
    expect(workingTree.headRef).toBe('working tree');
    expect(workingTree.changed).toEqual([
      { path: 'infra/main.tf', status: 'modified' },
      { path: 'untracked.tf', status: 'added' },
    ]);
    expect(await workingTree.head.read('untracked.tf')).toBe('z\n');
  });

  it('defaults the base to the merge-base with the default branch', async () => {
    repo.git('checkout', '--quiet', '-b', 'feature');
    const feature = repo.commit('feature work', { 'infra/main.tf': 'feature\n' });
    const changeSet = await gitChangeSet(repo.dir, undefined, feature);
    expect(changeSet.baseRef).toBe(first);
    expect(changeSet.changed).toEqual([{ path: 'infra/main.tf', status: 'modified' }]);
  });

  it('names an unknown ref and what to do about it', async () => {
    await expect(gitChangeSet(repo.dir, 'no-such-ref')).rejects.toThrow(GitError);
    await expect(gitChangeSet(repo.dir, 'no-such-ref')).rejects.toThrow(/"no-such-ref" is not a commit .*fetch-depth: 0/);
  });

  it('the working tree lists tracked and untracked files but not deleted ones, and never reads outside the repository', async () => {
    repo.write({ 'gone.tf': null, 'new.tf': 'n\n', '.gitignore': 'ignored.tf\n', 'ignored.tf': 'i\n' });
    // A file beside the repository that a path climbing out of it would reach
    const outside = `${repo.dir}-outside.tf`;
    writeFileSync(outside, 'secret\n');
    try {
      const source = new WorkingTreeSource(repo.dir);
      expect((await source.list()).sort()).toEqual(['.gitignore', 'docs/readme.md', 'infra/main.tf', 'infra/old.tf', 'new.tf']);
      expect(await source.read('new.tf')).toBe('n\n');
      expect(await source.read(`../${basename(outside)}`)).toBeUndefined();
      expect(await source.read(`infra/../../${basename(outside)}`)).toBeUndefined();
      expect(await source.read(outside)).toBeUndefined();
    } finally {
      rmSync(outside, { force: true });
    }
  });

  it('parses cat-file batch output, binary-safe by size', () => {
    const output = Buffer.from('abc123 blob 5\nx\ny\nz\nmissing.tf missing\ndef456 tree 10\n0123456789\n');
    expect(parseBatch(output, 3).map((blob) => blob?.toString('utf8'))).toEqual(['x\ny\nz', undefined, undefined]);
  });
});

const LISTENER = (policy: string) => `resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = "${policy}"\n}\n`;
const CANARY = LISTENER('CANARY-from-outside-the-repository');

describe('git sources on a hostile tree (a pull request is untrusted input)', () => {
  let repo: TempRepo;
  let outside: string;
  beforeEach(() => {
    repo = createTempRepo();
    outside = tempDir('hipaa-guard-outside-');
    writeFileSync(join(outside, 'secret.tf'), CANARY);
  });
  afterEach(() => repo.remove());

  /** Both sources over the same tree: the commit and the working tree it was made from. */
  const bothSources = (commit: string, maxFileBytes?: number) =>
    [
      ['at a commit', new GitRefSource(repo.dir, commit, maxFileBytes)],
      ['in the working tree', new WorkingTreeSource(repo.dir, maxFileBytes)],
    ] as const;

  it('Given links out of the repository (a file, a directory, /dev/zero), when read, then each is refused as a link saying where it points, and nothing outside is read', async () => {
    repo.link('infra/leak.tf', join(outside, 'secret.tf'));
    repo.link('infra/modules', outside);
    repo.link('infra/zero.tf', '/dev/zero');
    repo.link('infra/climb.tf', '../../../../../../../../etc/hostname');
    const commit = repo.commit('hostile links', { 'infra/main.tf': LISTENER('ELBSecurityPolicy-TLS13-1-2-2021-06') });
    for (const [where, source] of bothSources(commit)) {
      const leak = await refusal(source.read('infra/leak.tf'));
      expect(leak.path, where).toBe('infra/leak.tf');
      expect(leak.reason, where).toBe(`a symbolic link to ${JSON.stringify(join(outside, 'secret.tf'))}, outside the repository; not read`);
      expect((await refusal(source.read('infra/modules/secret.tf'))).reason, where).toBe(
        `under "infra/modules", a symbolic link to ${JSON.stringify(outside)}, outside the repository; not read`,
      );
      expect((await refusal(source.read('infra/zero.tf'))).reason, where).toMatch(/^a symbolic link to "\/dev\/zero", outside the repository/);
      expect((await refusal(source.read('infra/climb.tf'))).reason, where).toMatch(/^a symbolic link to "\.\.\/\.\.\/.*outside the repository/);
      expect(await source.read('infra/main.tf'), where).toBe(LISTENER('ELBSecurityPolicy-TLS13-1-2-2021-06'));
    }
  });

  it('Given links that stay inside the repository (a file and a directory), when read, then they are followed', async () => {
    repo.write({ 'shared/tls.tf': LISTENER('ELBSecurityPolicy-TLS13-1-2-2021-06') });
    repo.link('infra/tls.tf', '../shared/tls.tf');
    repo.link('infra/common', '../shared');
    repo.link('infra/dangling.tf', 'nothing-here.tf');
    const commit = repo.commit('inner links', {});
    for (const [where, source] of bothSources(commit)) {
      expect(await source.read('infra/tls.tf'), where).toBe(LISTENER('ELBSecurityPolicy-TLS13-1-2-2021-06'));
      expect(await source.read('infra/common/tls.tf'), where).toBe(LISTENER('ELBSecurityPolicy-TLS13-1-2-2021-06'));
      expect(await source.read('infra/dangling.tf'), where).toBeUndefined();
    }
  });

  it('Given a loop of links, when read, then it is refused as a loop', async () => {
    repo.link('a.tf', 'b.tf');
    repo.link('b.tf', 'a.tf');
    const commit = repo.commit('loop', {});
    for (const [where, source] of bothSources(commit)) {
      expect((await refusal(source.read('a.tf'))).reason, where).toMatch(/loop/);
    }
  });

  it('Given names with a newline, quotes, spaces and non-UTF-8 bytes among normal files, when every listed file is read at once, then each comes back with its own content', async () => {
    const files: Record<string, string> = {
      'infra/a.tf': 'first\n',
      'infra/new\nline.tf': 'newline\n',
      'infra/"quoted".tf': 'quoted\n',
      'infra/with space.tf': 'space\n',
      'infra/tab\there.tf': 'tab\n',
      'infra/z.tf': 'last\n',
    };
    repo.write(files);
    const latin1 = Buffer.concat([Buffer.from(join(repo.dir, 'infra/')), Buffer.of(0xe9, 0xff), Buffer.from('.tf')]);
    writeFileSync(latin1, 'latin1 name\n');
    const commit = repo.commit('odd names', {});
    for (const [where, source] of bothSources(commit)) {
      const paths = await source.list();
      expect(paths.length, where).toBe(7);
      const texts = await Promise.all(paths.map((path) => source.read(path)));
      const byName = Object.fromEntries(paths.map((path, index) => [path, texts[index]]));
      expect(byName, where).toMatchObject(files);
      expect(Object.values(byName).sort(), where).toEqual(['first\n', 'last\n', 'latin1 name\n', 'newline\n', 'quoted\n', 'space\n', 'tab\n']);
    }
  });

  it('Given odd names changed between two commits, when the change set is read, then every change is listed and read right', async () => {
    const first = repo.commit('base', { 'infra/a.tf': 'a1\n', 'infra/new\nline.tf': 'n1\n' });
    const latin1 = Buffer.concat([Buffer.from(join(repo.dir, 'infra/')), Buffer.of(0xe9), Buffer.from('.tf')]);
    writeFileSync(latin1, 'l2\n');
    const second = repo.commit('head', { 'infra/a.tf': 'a2\n', 'infra/new\nline.tf': 'n2\n' });
    const changeSet = await gitChangeSet(repo.dir, first, second);
    const paths = changeSet.changed.map((file) => file.path);
    expect(paths).toHaveLength(3);
    expect(await Promise.all(paths.map((path) => changeSet.head.read(path)))).toEqual(expect.arrayContaining(['a2\n', 'n2\n', 'l2\n']));
    expect(await changeSet.base.read('infra/new\nline.tf')).toBe('n1\n');
  });

  it('Given UTF-16 with and without a byte order mark, UTF-8 with one and a binary file, when read, then text comes back decoded and the binary file is refused', async () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\n';
    const commit = repo.commit('encodings', {
      'cfn/utf16-bom.yaml': Buffer.from(`\ufeff${text}`, 'utf16le'),
      'cfn/utf16-bare.yaml': Buffer.from(text, 'utf16le'),
      'cfn/utf8-bom.yaml': Buffer.from(`\ufeff${text}`, 'utf8'),
      'cfn/logo.tf': Buffer.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d),
    });
    for (const [where, source] of bothSources(commit)) {
      const [bom, bare, utf8] = await Promise.all(['cfn/utf16-bom.yaml', 'cfn/utf16-bare.yaml', 'cfn/utf8-bom.yaml'].map((path) => source.read(path)));
      expect([bom, bare, utf8], where).toEqual([text, text, text]);
      expect((await refusal(source.read('cfn/logo.tf'))).reason, where).toMatch(/binary/);
    }
  });

  it('Given a file over the size limit, when read, then it is refused by its size before any of it is read', async () => {
    const commit = repo.commit('big', { 'big.tf': 'x'.repeat(2000), 'small.tf': 'y' });
    for (const [where, source] of bothSources(commit, 1000)) {
      expect((await refusal(source.read('big.tf'))).reason, where).toBe('2000 bytes, over the 1000-byte limit for a file hipaa-guard reads; not read');
      expect(await source.read('small.tf'), where).toBe('y');
    }
  });

  it('Given a named pipe in the working tree, when read, then it is refused at once instead of hanging', async () => {
    execFileSync('mkfifo', [join(repo.dir, 'pipe.tf')]);
    expect((await refusal(new WorkingTreeSource(repo.dir).read('pipe.tf'))).reason).toMatch(/not a regular file/);
  });
});

import { rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitRefSource, gitChangeSet, parseBatch, WorkingTreeSource } from '../../checks/source/git-source.js';
import { GitError } from '../../checks/source/run-git.js';
import { createTempRepo, type TempRepo } from './temp-repo.js';

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
    expect(parseBatch(output, 3)).toEqual(['x\ny\nz', undefined, undefined]);
  });
});

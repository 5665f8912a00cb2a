/**
 * FileSources over a local git repository: a commit (`git cat-file --batch`, every read of one
 * tick in one process) and the working tree; and `gitChangeSet`, the files changed between two.
 */
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { ChangedFile, ChangeSet, ChangeStatus, FileSource } from '../model/source.js';
import { GitError, nulFields, runGit } from './run-git.js';

interface PendingRead {
  path: string;
  resolve: (text: string | undefined) => void;
  reject: (error: unknown) => void;
}

/** The repository at one commit. */
export class GitRefSource implements FileSource {
  private pending: PendingRead[] = [];

  constructor(
    readonly repoDir: string,
    readonly ref: string,
  ) {}

  read(path: string): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      this.pending.push({ path, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  /** All in one tick, so one `git cat-file --batch` serves them all. */
  readMany(paths: readonly string[]): Promise<(string | undefined)[]> {
    return Promise.all(paths.map((path) => this.read(path)));
  }

  async list(): Promise<string[]> {
    return nulFields(await runGit(this.repoDir, ['ls-tree', '-r', '-z', '--name-only', this.ref]));
  }

  /** Reads every path asked for since the last flush with one `git cat-file --batch`. */
  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const output = await runGit(this.repoDir, ['cat-file', '--batch'], batch.map((read) => `${this.ref}:${read.path}\n`).join(''));
      const texts = parseBatch(output, batch.length);
      batch.forEach((read, index) => read.resolve(texts[index]));
    } catch (error) {
      for (const read of batch) read.reject(error);
    }
  }
}

/** `git cat-file --batch` output: `<oid> <type> <size>\n<content>\n` or `<name> missing\n` per request. */
export function parseBatch(output: Buffer, count: number): (string | undefined)[] {
  const texts: (string | undefined)[] = [];
  let offset = 0;
  while (texts.length < count && offset < output.length) {
    const newline = output.indexOf(10, offset);
    if (newline < 0) break;
    const header = output.subarray(offset, newline).toString('utf8');
    offset = newline + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      texts.push(undefined);
      continue;
    }
    const size = Number(match[2]);
    texts.push(match[1] === 'blob' ? output.subarray(offset, offset + size).toString('utf8') : undefined);
    offset += size + 1;
  }
  while (texts.length < count) texts.push(undefined);
  return texts;
}

/** The working tree: tracked and untracked files, `.gitignore` respected. */
export class WorkingTreeSource implements FileSource {
  constructor(readonly repoDir: string) {}

  async read(path: string): Promise<string | undefined> {
    const relative = normalize(path);
    if (relative.startsWith('..') || relative.startsWith('/')) return undefined;
    try {
      return await readFile(join(this.repoDir, relative), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
      throw error;
    }
  }

  async list(): Promise<string[]> {
    const [files, deleted] = await Promise.all([
      runGit(this.repoDir, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']),
      runGit(this.repoDir, ['ls-files', '-z', '--deleted']),
    ]);
    const gone = new Set(nulFields(deleted));
    return [...new Set(nulFields(files))].filter((path) => !gone.has(path));
  }
}

/** The default branch: `origin/HEAD`, else a local `main` or `master`. */
export async function defaultBranch(repoDir: string): Promise<string | undefined> {
  try {
    return (await runGit(repoDir, ['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'])).toString('utf8').trim();
  } catch {
    for (const candidate of ['main', 'master']) {
      if (await resolveCommit(repoDir, candidate).then(() => true, () => false)) return candidate;
    }
    return undefined;
  }
}

export async function resolveCommit(repoDir: string, ref: string): Promise<string> {
  try {
    return (await runGit(repoDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError) throw new GitError(['rev-parse', ref], `"${ref}" is not a commit in ${repoDir}; fetch it (actions/checkout with fetch-depth: 0) or pass another --base/--head`);
    throw error;
  }
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', C: 'added', M: 'modified', T: 'modified', D: 'removed', R: 'renamed' };

/** `git diff --name-status -z -M` into ChangedFiles. */
export function parseNameStatus(output: Buffer): ChangedFile[] {
  const fields = nulFields(output);
  const changed: ChangedFile[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++]?.[0] ?? '';
    const status = STATUS[code] ?? 'modified';
    if (code === 'R' || code === 'C') {
      const previousPath = fields[i++]!;
      const path = fields[i++]!;
      changed.push(code === 'R' ? { path, status, previousPath } : { path, status });
    } else changed.push({ path: fields[i++]!, status });
  }
  return changed;
}

/**
 * The files changed between `base` (default: the merge-base of HEAD with the default branch)
 * and `head` (default: the working tree, untracked files included), renames detected.
 */
export async function gitChangeSet(repoDir: string, base?: string, head?: string): Promise<ChangeSet> {
  const headCommit = head === undefined ? undefined : await resolveCommit(repoDir, head);
  let baseCommit: string;
  if (base !== undefined) baseCommit = await resolveCommit(repoDir, base);
  else {
    const branch = await defaultBranch(repoDir);
    if (!branch) throw new GitError(['merge-base'], `no default branch (origin/HEAD, main or master) in ${repoDir}; pass --base`);
    baseCommit = (await runGit(repoDir, ['merge-base', headCommit ?? 'HEAD', branch])).toString('utf8').trim();
  }
  const diff = await runGit(repoDir, ['diff', '--name-status', '-z', '-M', '--no-ext-diff', baseCommit, ...(headCommit ? [headCommit] : []), '--']);
  const changed = parseNameStatus(diff);
  if (!headCommit) {
    const untracked = nulFields(await runGit(repoDir, ['ls-files', '-z', '--others', '--exclude-standard']));
    changed.push(...untracked.map((path) => ({ path, status: 'added' as const })));
  }
  return {
    base: new GitRefSource(repoDir, baseCommit),
    head: headCommit ? new GitRefSource(repoDir, headCommit) : new WorkingTreeSource(repoDir),
    changed,
    baseRef: baseCommit,
    headRef: headCommit ?? 'working tree',
  };
}

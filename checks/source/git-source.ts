/**
 * FileSources over a local git repository: a commit and the working tree; and `gitChangeSet`,
 * the files changed between two. A pull request is untrusted input: symbolic links are followed
 * only while they stay inside the repository, nothing over the size limit is read, any file
 * name git allows works (names travel as bytes, blobs are asked for by object id), and every
 * file is decoded by `decodeText`.
 */
import { constants } from 'node:fs';
import { lstat, open, readlink, realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { UnreadableFileError, type ChangedFile, type ChangeSet, type ChangeStatus, type FileSource } from '../model/source.js';
import { decodeText } from './decode-text.js';
import { decodePath, encodePath, linkTargetPath, repositoryPath } from './repo-paths.js';
import { GitError, nulFields, runGit } from './run-git.js';
import { linkOutsideError, MAX_FILE_BYTES, oversizeError } from './unreadable.js';

/** Links followed for one path before it is refused as a loop (the kernel's own limit). */
const MAX_LINK_HOPS = 40;
/** A link target longer than this is not a path anyone meant. */
const MAX_LINK_TARGET_BYTES = 4096;

const SYMLINK_MODE = '120000';

interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  /** Bytes; only blobs have one. */
  size: number;
}

interface PendingBlob {
  oid: string;
  resolve: (bytes: Buffer) => void;
  reject: (error: unknown) => void;
}

/**
 * The repository at one commit: the tree listed once (`ls-tree -r -t -z -l`: modes, object ids,
 * sizes, names as bytes), blobs read by object id with one `git cat-file --batch` for every read
 * of one tick.
 */
export class GitRefSource implements FileSource {
  private tree: Promise<Map<string, TreeEntry>> | undefined;
  private pending: PendingBlob[] = [];

  constructor(
    readonly repoDir: string,
    readonly ref: string,
    readonly maxFileBytes = MAX_FILE_BYTES,
  ) {}

  async read(path: string): Promise<string | undefined> {
    const found = await this.locate(path);
    if (!found) return undefined;
    if (found.type === 'commit') throw new UnreadableFileError(path, `a git submodule (commit ${found.oid}); its files are not in this repository; not read`);
    if (found.type !== 'blob') return undefined;
    if (found.size > this.maxFileBytes) throw oversizeError(path, found.size, this.maxFileBytes);
    return decodeText(path, await this.blob(found.oid));
  }

  /** Every file and symbolic link (reading a link says where it goes). */
  async list(): Promise<string[]> {
    return [...(await this.entries())].flatMap(([path, entry]) => (entry.type === 'blob' ? [path] : []));
  }

  private entries(): Promise<Map<string, TreeEntry>> {
    this.tree ??= runGit(this.repoDir, ['ls-tree', '-r', '-t', '-z', '-l', '--full-tree', this.ref]).then(parseTree);
    return this.tree;
  }

  /** The entry `path` names, links inside the repository followed; a link out is refused. */
  private async locate(path: string): Promise<TreeEntry | undefined> {
    let current = repositoryPath(path);
    const entries = await this.entries();
    for (let hops = 0; current !== undefined && hops <= MAX_LINK_HOPS; hops++) {
      const parts = current.split('/');
      let next: string | undefined;
      for (let depth = 1; depth <= parts.length && next === undefined; depth++) {
        const prefix = parts.slice(0, depth).join('/');
        const entry = entries.get(prefix);
        if (!entry) return undefined;
        if (entry.mode !== SYMLINK_MODE) {
          if (depth === parts.length) return entry;
          continue;
        }
        if (entry.size > MAX_LINK_TARGET_BYTES) throw linkOutsideError(path, prefix, `(a ${entry.size}-byte target)`);
        const target = decodePath(await this.blob(entry.oid));
        const inside = linkTargetPath(prefix, target);
        if (inside === undefined) throw linkOutsideError(path, prefix, target);
        next = [inside, ...parts.slice(depth)].filter((part) => part !== '' && part !== '.').join('/');
      }
      current = next;
    }
    if (current !== undefined) throw new UnreadableFileError(path, `more than ${MAX_LINK_HOPS} symbolic links on the way (a loop); not read`);
    return undefined;
  }

  private blob(oid: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.pending.push({ oid, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  /** Reads every blob asked for since the last flush with one `git cat-file --batch`, by object id. */
  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const output = await runGit(this.repoDir, ['cat-file', '--batch'], batch.map((blob) => `${blob.oid}\n`).join(''));
      const blobs = parseBatch(output, batch.length);
      batch.forEach((blob, index) => {
        const bytes = blobs[index];
        if (bytes) blob.resolve(bytes);
        else blob.reject(new GitError(['cat-file', '--batch'], `object ${blob.oid} is missing from ${this.repoDir}`));
      });
    } catch (error) {
      for (const blob of batch) blob.reject(error);
    }
  }
}

/** `ls-tree -r -t -z -l` output: `<mode> <type> <oid> <size>\t<name>` records, NUL-terminated; names as bytes. */
function parseTree(output: Buffer): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  for (let start = 0; start < output.length;) {
    const end = output.indexOf(0, start);
    const stop = end < 0 ? output.length : end;
    const tab = output.indexOf(9, start);
    const match = tab >= 0 && tab < stop ? /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)$/.exec(output.subarray(start, tab).toString('latin1')) : null;
    if (match) {
      const [, mode, type, oid, size] = match;
      entries.set(decodePath(output.subarray(tab + 1, stop)), { mode: mode!, type: type!, oid: oid!, size: size === '-' ? 0 : Number(size) });
    }
    start = stop + 1;
  }
  return entries;
}

/** `git cat-file --batch` output: `<oid> <type> <size>\n<content>\n` or `<name> missing\n` per request. */
export function parseBatch(output: Buffer, count: number): (Buffer | undefined)[] {
  const blobs: (Buffer | undefined)[] = [];
  let offset = 0;
  while (blobs.length < count && offset < output.length) {
    const newline = output.indexOf(10, offset);
    if (newline < 0) break;
    const header = output.subarray(offset, newline).toString('utf8');
    offset = newline + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      blobs.push(undefined);
      continue;
    }
    const size = Number(match[2]);
    blobs.push(match[1] === 'blob' ? output.subarray(offset, offset + size) : undefined);
    offset += size + 1;
  }
  while (blobs.length < count) blobs.push(undefined);
  return blobs;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** A file that is not there (or a path through a file): no such file, as opposed to an error. */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/**
 * The working tree: tracked and untracked files, `.gitignore` respected. A path is walked one
 * name at a time from the repository's real root; a symbolic link (the file or a directory on
 * the way) is followed only when its real target is inside the repository.
 */
export class WorkingTreeSource implements FileSource {
  private root: Promise<Buffer> | undefined;

  constructor(
    readonly repoDir: string,
    readonly maxFileBytes = MAX_FILE_BYTES,
  ) {}

  async read(path: string): Promise<string | undefined> {
    const relative = repositoryPath(path);
    if (relative === undefined) return undefined;
    const real = await this.locate(path, relative);
    if (!real) return undefined;
    let handle;
    try {
      // Non-blocking: a FIFO must not hang the scan; no-follow: the walk above already resolved every link.
      handle = await open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    } catch (error) {
      if (ABSENT.has(errorCode(error) ?? '')) return undefined;
      throw error;
    }
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) return undefined;
      if (!stats.isFile()) throw new UnreadableFileError(path, 'not a regular file (a device, pipe or socket); not read');
      if (stats.size > this.maxFileBytes) throw oversizeError(path, stats.size, this.maxFileBytes);
      const bytes = Buffer.alloc(stats.size);
      let filled = 0;
      while (filled < bytes.length) {
        const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return decodeText(path, bytes.subarray(0, filled));
    } finally {
      await handle.close();
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

  /** The real location of `relative` inside the repository, `undefined` when nothing is there. */
  private async locate(path: string, relative: string): Promise<Buffer | undefined> {
    this.root ??= realpath(this.repoDir, { encoding: 'buffer' });
    const root = await this.root;
    const isInside = (real: Buffer) =>
      real.equals(root) || (real.length > root.length && real.subarray(0, root.length + 1).equals(Buffer.concat([root, Buffer.from(sep)])));
    let current = root;
    const names = relative.split('/');
    for (const [index, name] of names.entries()) {
      const next = Buffer.concat([current, Buffer.from(sep), encodePath(name)]);
      let isLink: boolean;
      try {
        isLink = (await lstat(next)).isSymbolicLink();
      } catch (error) {
        if (ABSENT.has(errorCode(error) ?? '')) return undefined;
        throw error;
      }
      if (!isLink) {
        current = next;
        continue;
      }
      const link = names.slice(0, index + 1).join('/');
      const target = decodePath(await readlink(next, { encoding: 'buffer' }));
      let real: Buffer;
      try {
        real = await realpath(next, { encoding: 'buffer' });
      } catch (error) {
        if (errorCode(error) === 'ELOOP') throw new UnreadableFileError(path, `${link} is a loop of symbolic links; not read`);
        // A dangling link: nothing to read, but one aimed out of the repository is still reported.
        if (!ABSENT.has(errorCode(error) ?? '')) throw error;
        if (linkTargetPath(link, target) === undefined) throw linkOutsideError(path, link, target);
        return undefined;
      }
      if (!isInside(real)) throw linkOutsideError(path, link, target);
      current = real;
    }
    return current;
  }
}

/** The default branch: `origin/HEAD`, else a local `main` or `master`. */
async function defaultBranch(repoDir: string): Promise<string | undefined> {
  try {
    return (await runGit(repoDir, ['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'])).toString('utf8').trim();
  } catch {
    for (const candidate of ['main', 'master']) {
      if (
        await resolveCommit(repoDir, candidate).then(
          () => true,
          () => false,
        )
      )
        return candidate;
    }
    return undefined;
  }
}

async function resolveCommit(repoDir: string, ref: string): Promise<string> {
  try {
    return (await runGit(repoDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError)
      throw new GitError(
        ['rev-parse', ref],
        `"${ref}" is not a commit in ${repoDir}; fetch it (actions/checkout with fetch-depth: 0) or pass another --base/--head`,
      );
    throw error;
  }
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', C: 'added', M: 'modified', T: 'modified', D: 'removed', R: 'renamed' };

/** `git diff --name-status -z -M` into ChangedFiles. */
function parseNameStatus(output: Buffer): ChangedFile[] {
  const fields = nulFields(output);
  const changed: ChangedFile[] = [];
  for (let i = 0; i < fields.length;) {
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

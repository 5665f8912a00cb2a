/**
 * A repository read through GitHub's REST API instead of a checkout (the App has no clone):
 * file text from the contents API at a commit, the file list from the git trees API, and the
 * changed files of a pull request or a comparison.
 *
 * GitHub lists at most 300 files of a comparison and 3,000 of a pull request. A list that
 * reaches its cap is taken as cut: the change is listed again by diffing the two commits' trees,
 * and when GitHub cannot list those either, the change set says which files it could not
 * check, so a partial read is never a silent pass.
 */
import type { Octokit } from '@octokit/rest';
import type { ErroredOutcome } from '../model/report.js';
import { UnreadableFileError, type ChangedFile, type ChangeSet, type ChangeStatus, type FileSource } from '../model/source.js';
import { decodeText } from '../source/decode-text.js';
import { linkTargetPath } from '../source/repo-paths.js';
import { linkOutsideError, MAX_FILE_BYTES, oversizeError } from '../source/unreadable.js';

/** What this module needs of an Octokit; Probot's `context.octokit` and `@octokit/rest` both fit. */
export type GitHubClient = Pick<Octokit, 'rest' | 'paginate' | 'request'>;

export interface RepositoryRef {
  owner: string;
  repo: string;
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

/** What the contents API says of one path (the fields read here; a directory is an array instead). */
interface ContentEntry {
  type: string;
  size?: number;
  sha?: string;
  /** `base64` up to 1 MB; `none` above, when the bytes come from the blob instead. */
  encoding?: string;
  content?: string;
  /** A symbolic link GitHub did not resolve to a file of the repository. */
  target?: string;
}

/**
 * The repository at one commit. Each file, and the listing, is fetched at most once. Files are
 * fetched as bytes (base64) and decoded like every other source; a link GitHub does not resolve
 * to a file of the repository, a submodule or a file over the size limit is an UnreadableFileError.
 */
export function apiFileSource(octokit: GitHubClient, repository: RepositoryRef, ref: string, maxFileBytes = MAX_FILE_BYTES): FileSource {
  const files = new Map<string, Promise<string | undefined>>();
  const fetchEntry = async (path: string): Promise<ContentEntry | undefined> => {
    try {
      const { data } = await octokit.rest.repos.getContent({ ...repository, path, ref });
      // A directory answers with its listing: it is not a file at this path.
      return Array.isArray(data) ? undefined : data;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  };
  const fetchText = async (path: string): Promise<string | undefined> => {
    const entry = await fetchEntry(path);
    if (entry?.type === 'symlink') {
      // GitHub answers with the file when a link resolves to one inside the repository.
      const target = entry.target ?? '';
      if (linkTargetPath(path, target) === undefined) throw linkOutsideError(path, path, target);
      return undefined;
    }
    if (entry?.type === 'submodule') throw new UnreadableFileError(path, 'a git submodule; its files are not in this repository; not read');
    if (entry?.type !== 'file') return undefined;
    const size = entry.size ?? 0;
    if (size > maxFileBytes) throw oversizeError(path, size, maxFileBytes);
    const base64 =
      entry.encoding === 'base64' && entry.content !== undefined
        ? entry.content
        : (await octokit.rest.git.getBlob({ ...repository, file_sha: entry.sha ?? '' })).data.content;
    return decodeText(path, Buffer.from(base64, 'base64'));
  };
  let listing: Promise<string[]> | undefined;
  const fetchList = async (): Promise<string[]> => {
    const { data } = await octokit.rest.git.getTree({ ...repository, tree_sha: ref, recursive: 'true' });
    if (data.truncated) {
      throw new Error(`${repository.owner}/${repository.repo}@${ref} has more files than GitHub lists in one tree; scan it from a checkout instead`);
    }
    return data.tree.flatMap((entry) => (entry.type === 'blob' && entry.path ? [entry.path] : []));
  };
  return {
    read(path) {
      let text = files.get(path);
      if (!text) {
        text = fetchText(path);
        files.set(path, text);
      }
      return text;
    },
    list() {
      listing ??= fetchList();
      return listing;
    },
  };
}

/** GitHub's file statuses mapped onto the engine's; `unchanged` entries are dropped. */
const STATUSES: Record<string, ChangeStatus | undefined> = {
  added: 'added',
  copied: 'added',
  removed: 'removed',
  modified: 'modified',
  changed: 'modified',
  renamed: 'renamed',
};

interface GitHubFile {
  filename: string;
  status: string;
  previous_filename?: string;
}

function changedFileOf(file: GitHubFile): ChangedFile[] {
  const status = STATUSES[file.status];
  if (!status) return [];
  return [{ path: file.filename, status, ...(status === 'renamed' && file.previous_filename ? { previousPath: file.previous_filename } : {}) }];
}

/** GitHub's caps: files of a comparison (`repos.compareCommits`), and of a pull request (`pulls.listFiles`). */
export const COMPARE_FILES_CAP = 300;
export const PULL_FILES_CAP = 3_000;

export interface ChangeRequest {
  /** The base commit (a pull request's `base.sha`); the diff starts at its merge base with `head`. */
  base: string;
  head: string;
  /** When set, changed files come from the pull request's file list (up to 3,000 files). */
  pullNumber?: number;
}

/** A change set read through the API, with what it could not list. */
export interface ApiChangeSet extends ChangeSet {
  /** Changed files not checked because GitHub would not list them: errors in the report, never a pass. */
  notChecked: ErroredOutcome[];
  /** Where the file list came from, for the log. */
  listedBy: 'pull request' | 'comparison' | 'trees';
}

/**
 * The change between the merge base of `base` and `head`, and `head`, as the engine reads it:
 * the pull request's file list, or the comparison's; past their caps, the two trees diffed.
 */
export async function loadChangeSet(octokit: GitHubClient, repository: RepositoryRef, request: ChangeRequest): Promise<ApiChangeSet> {
  const { data: comparison } = await octokit.rest.repos.compareCommitsWithBasehead({
    ...repository,
    basehead: `${request.base}...${request.head}`,
    per_page: 1,
  });
  const mergeBase = comparison.merge_base_commit.sha;
  const fromPull = request.pullNumber !== undefined;
  const files: GitHubFile[] = fromPull
    ? await octokit.paginate(octokit.rest.pulls.listFiles, { ...repository, pull_number: request.pullNumber!, per_page: 100 })
    : (comparison.files ?? []);
  const sides = {
    base: apiFileSource(octokit, repository, mergeBase),
    head: apiFileSource(octokit, repository, request.head),
    baseRef: mergeBase,
    headRef: request.head,
  };
  const cap = fromPull ? PULL_FILES_CAP : COMPARE_FILES_CAP;
  const listedBy = fromPull ? 'pull request' : 'comparison';
  if (files.length < cap) return { ...sides, changed: files.flatMap(changedFileOf), notChecked: [], listedBy };
  const fromTrees = await diffTrees(octokit, repository, mergeBase, request.head);
  if (fromTrees) return { ...sides, changed: fromTrees, notChecked: [], listedBy: 'trees' };
  const notChecked: ErroredOutcome = {
    category: 'read',
    target: `changed files past the first ${cap.toLocaleString('en-US')}`,
    message:
      `GitHub lists at most ${cap.toLocaleString('en-US')} files of a ${listedBy} and this change has that many or more; the repository is too large ` +
      "for GitHub's trees API to list the rest, so changed files past those were not checked. Run hipaa-guard on a checkout (the Action after actions/checkout, or the CLI) to check every file.",
  };
  return { ...sides, changed: files.flatMap(changedFileOf), notChecked: [notChecked], listedBy };
}

/** Path → blob id of every file at `ref`; undefined when GitHub truncates the listing. */
async function blobsAt(octokit: GitHubClient, repository: RepositoryRef, ref: string): Promise<Map<string, string> | undefined> {
  const { data } = await octokit.rest.git.getTree({ ...repository, tree_sha: ref, recursive: 'true' });
  if (data.truncated) return undefined;
  return new Map(data.tree.flatMap((entry) => (entry.type === 'blob' && entry.path && entry.sha ? [[entry.path, entry.sha] as const] : [])));
}

/** The files that differ between two commits' trees (a rename is a removal and an addition); undefined when a tree is too large. */
async function diffTrees(octokit: GitHubClient, repository: RepositoryRef, base: string, head: string): Promise<ChangedFile[] | undefined> {
  const [before, after] = await Promise.all([blobsAt(octokit, repository, base), blobsAt(octokit, repository, head)]);
  if (!before || !after) return undefined;
  const changed: ChangedFile[] = [];
  for (const [path, blob] of after) {
    const previous = before.get(path);
    if (previous === undefined) changed.push({ path, status: 'added' });
    else if (previous !== blob) changed.push({ path, status: 'modified' });
  }
  for (const path of before.keys()) if (!after.has(path)) changed.push({ path, status: 'removed' });
  return changed.sort((a, b) => a.path.localeCompare(b.path));
}

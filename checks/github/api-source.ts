/**
 * A repository read through GitHub's REST API instead of a checkout (the App has no clone):
 * file text from the contents API at a commit, the file list from the git trees API, and the
 * changed files of a pull request or a comparison.
 */
import type { Octokit } from '@octokit/rest';
import type { ChangedFile, ChangeSet, ChangeStatus, FileSource } from '../model/source.js';

/** What this module needs of an Octokit; Probot's `context.octokit` and `@octokit/rest` both fit. */
export type GitHubClient = Pick<Octokit, 'rest' | 'paginate' | 'request'>;

export interface RepositoryRef {
  owner: string;
  repo: string;
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

/** The repository at one commit. Each file, and the listing, is fetched at most once. */
export function apiFileSource(octokit: GitHubClient, repository: RepositoryRef, ref: string): FileSource {
  const files = new Map<string, Promise<string | undefined>>();
  const fetchText = async (path: string): Promise<string | undefined> => {
    try {
      const response = await octokit.rest.repos.getContent({ ...repository, path, ref, mediaType: { format: 'raw' } });
      const data: unknown = response.data;
      // A directory answers with its listing, not text: it is not a file at this path.
      return typeof data === 'string' ? data : undefined;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
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

export interface ChangeRequest {
  /** The base commit (a pull request's `base.sha`); the diff starts at its merge base with `head`. */
  base: string;
  head: string;
  /** When set, changed files come from the pull request's file list (up to 3,000 files). */
  pullNumber?: number;
}

/**
 * The change between the merge base of `base` and `head`, and `head`, as the engine reads it.
 * Without a pull request the comparison's file list is used; GitHub caps it at 300 files.
 */
export async function loadChangeSet(octokit: GitHubClient, repository: RepositoryRef, request: ChangeRequest): Promise<ChangeSet> {
  const { data: comparison } = await octokit.rest.repos.compareCommitsWithBasehead({
    ...repository,
    basehead: `${request.base}...${request.head}`,
    per_page: 1,
  });
  const mergeBase = comparison.merge_base_commit.sha;
  const files: GitHubFile[] =
    request.pullNumber === undefined
      ? (comparison.files ?? [])
      : await octokit.paginate(octokit.rest.pulls.listFiles, { ...repository, pull_number: request.pullNumber, per_page: 100 });
  return {
    base: apiFileSource(octokit, repository, mergeBase),
    head: apiFileSource(octokit, repository, request.head),
    changed: files.flatMap(changedFileOf),
    baseRef: mergeBase,
    headRef: request.head,
  };
}

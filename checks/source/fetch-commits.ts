/**
 * The commits a change needs, in a checkout that may be shallow (actions/checkout fetches one
 * commit by default): whether a commit is there, fetching it from `origin` when it is not,
 * and the change set between two commits once both are there.
 */
import type { ChangeSet } from '../model/source.js';
import { gitChangeSet } from './git-source.js';
import { runGit } from './run-git.js';

/** One line for the run's log. */
export type LogLine = (line: string) => void;

export async function hasCommit(workspace: string, ref: string): Promise<boolean> {
  return runGit(workspace, ['cat-file', '-e', `${ref}^{commit}`]).then(
    () => true,
    () => false,
  );
}

/** Fetches a commit the checkout lacks (a shallow clone); false when that fails too. */
export async function ensureCommit(workspace: string, sha: string, log: LogLine): Promise<boolean> {
  if (await hasCommit(workspace, sha)) return true;
  log(`commit ${sha} is not in the checkout; fetching it (git fetch --depth=1 origin ${sha})`);
  try {
    await runGit(workspace, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha]);
  } catch (error) {
    log(`fetching ${sha} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return hasCommit(workspace, sha);
}

export interface CommitRange {
  /** Unset: the merge base of `head` with the default branch. */
  base?: string;
  head?: string;
  /**
   * `merge-base`: from the merge base of base and head (a pull request, whose base branch moved
   * on). `direct`: base..head as given (a push, a merge queue's group on top of its base).
   */
  from: 'merge-base' | 'direct';
}

/**
 * The change from the checkout, fetching base and head when the checkout lacks them; undefined
 * when a commit cannot be had (the caller then reads the change through the API).
 */
export async function checkoutChangeSet(workspace: string, range: CommitRange, log: LogLine): Promise<ChangeSet | undefined> {
  const { base, head } = range;
  if (head && !(await ensureCommit(workspace, head, log))) return undefined;
  if (!base) {
    log('no base commit in the event: diffing against the merge base with the default branch');
    return gitChangeSet(workspace, undefined, head);
  }
  if (!(await ensureCommit(workspace, base, log))) return undefined;
  let from = base;
  if (range.from === 'merge-base' && head) {
    const mergeBase = await runGit(workspace, ['merge-base', base, head]).then(
      (output) => output.toString('utf8').trim(),
      () => undefined,
    );
    if (!mergeBase) log('no merge base in this (shallow) checkout: diffing base..head directly; actions/checkout with fetch-depth: 0 avoids this');
    from = mergeBase ?? base;
  }
  log(`diffing ${from.slice(0, 12)}..${(head ?? 'the working tree').slice(0, 12)} from the checkout`);
  return gitChangeSet(workspace, from, head);
}

/**
 * The webhook fields the App uses, parsed by one schema per event: what to check (repository,
 * head, base, pull request) and nothing else. A payload that lacks them is refused by name.
 */
import { z } from 'zod';
import type { RepositoryName } from './repo-config.js';

/** One change to check: the head commit against a base (a PR's base commit, or the default branch). */
export interface CheckTarget {
  repository: RepositoryName;
  headSha: string;
  base: string;
  pullNumber?: number;
}

const sha = z.string().regex(/^[0-9a-f]{40}$/, 'expected a 40-hex commit id');
const repository = z.object({ name: z.string().min(1), owner: z.object({ login: z.string().min(1) }), default_branch: z.string().min(1) });
const pullRequestRef = z.object({ number: z.number().int().positive(), base: z.object({ sha }) });

const pullRequestEvent = z.object({
  pull_request: z.object({ number: z.number().int().positive(), head: z.object({ sha }), base: z.object({ sha }) }),
  repository,
});
const checkSuiteEvent = z.object({ check_suite: z.object({ head_sha: sha, pull_requests: z.array(pullRequestRef) }), repository });
const pushedSuiteEvent = z.object({
  check_suite: z.object({ head_sha: sha, head_branch: z.string().nullable(), before: z.string().nullable(), pull_requests: z.array(pullRequestRef) }),
  repository,
});
const mergeGroupEvent = z.object({ merge_group: z.object({ head_sha: sha, base_sha: sha }), repository });
const checkRunEvent = z.object({
  check_run: z.object({ name: z.string(), head_sha: sha, pull_requests: z.array(pullRequestRef) }),
  repository,
});

export class PayloadError extends Error {
  constructor(event: string, error: z.ZodError) {
    const [issue] = error.issues;
    super(`${event} payload: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
    this.name = 'PayloadError';
  }
}

function parse<T>(schema: z.ZodType<T>, event: string, payload: unknown): T {
  const result = schema.safeParse(payload);
  if (!result.success) throw new PayloadError(event, result.error);
  return result.data;
}

const nameOf = (repo: z.output<typeof repository>): RepositoryName => ({ owner: repo.owner.login, repo: repo.name });

/** A re-run checks the first pull request the commit belongs to, else the commit against the default branch. */
function rerunTarget(repo: z.output<typeof repository>, headSha: string, pulls: z.output<typeof pullRequestRef>[]): CheckTarget {
  const [pull] = pulls;
  return pull
    ? { repository: nameOf(repo), headSha, base: pull.base.sha, pullNumber: pull.number }
    : { repository: nameOf(repo), headSha, base: repo.default_branch };
}

export function pullRequestTarget(payload: unknown): CheckTarget {
  const { pull_request: pull, repository: repo } = parse(pullRequestEvent, 'pull_request', payload);
  return { repository: nameOf(repo), headSha: pull.head.sha, base: pull.base.sha, pullNumber: pull.number };
}

export function checkSuiteTarget(payload: unknown): CheckTarget {
  const { check_suite: suite, repository: repo } = parse(checkSuiteEvent, 'check_suite', payload);
  return rerunTarget(repo, suite.head_sha, suite.pull_requests);
}

/** A merge queue's group: its head (the queued changes merged onto the base) against `base_sha`. */
export function mergeGroupTarget(payload: unknown): CheckTarget {
  const { merge_group: group, repository: repo } = parse(mergeGroupEvent, 'merge_group', payload);
  return { repository: nameOf(repo), headSha: group.head_sha, base: group.base_sha };
}

/** A push's check suite: the commit, its branch, and the commit before it (else the default branch). */
export interface PushedSuite {
  target: CheckTarget;
  branch: string;
  isDefaultBranch: boolean;
}

/**
 * `check_suite.requested` for a push. `undefined` when the commit belongs to a pull request (its
 * pull_request event checks it) or has no branch (a tag).
 */
export function pushedSuite(payload: unknown): PushedSuite | undefined {
  const { check_suite: suite, repository: repo } = parse(pushedSuiteEvent, 'check_suite', payload);
  if (suite.pull_requests.length > 0 || !suite.head_branch) return undefined;
  const before = suite.before && /^[0-9a-f]{40}$/.test(suite.before) && !/^0+$/.test(suite.before) ? suite.before : repo.default_branch;
  return {
    target: { repository: nameOf(repo), headSha: suite.head_sha, base: before },
    branch: suite.head_branch,
    isDefaultBranch: suite.head_branch === repo.default_branch,
  };
}

/** `undefined` when the re-requested run is not ours (another app's check on the same commit). */
export function checkRunTarget(payload: unknown, checkName: string): CheckTarget | undefined {
  const { check_run: run, repository: repo } = parse(checkRunEvent, 'check_run', payload);
  return run.name === checkName ? rerunTarget(repo, run.head_sha, run.pull_requests) : undefined;
}

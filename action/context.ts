/**
 * What the runner tells the Action about this run: the event and its payload, the repository,
 * the workspace and the API URL (GitHub Enterprise Server sets its own). Validated once.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const ZERO_SHA = /^0+$/;

const environmentSchema = z.object({
  GITHUB_EVENT_NAME: z.string().min(1, { error: 'not running in GitHub Actions: GITHUB_EVENT_NAME is not set' }),
  GITHUB_EVENT_PATH: z.string().min(1, { error: 'not running in GitHub Actions: GITHUB_EVENT_PATH is not set' }),
  GITHUB_REPOSITORY: z.string().regex(/^[^/\s]+\/[^/\s]+$/, { error: 'GITHUB_REPOSITORY must be owner/name' }),
  GITHUB_WORKSPACE: z.string().min(1, { error: 'GITHUB_WORKSPACE is not set' }),
  GITHUB_SHA: z.string().default(''),
  GITHUB_API_URL: z.url({ error: 'GITHUB_API_URL must be a URL' }).default('https://api.github.com'),
  GITHUB_SERVER_URL: z.string().default('https://github.com'),
  GITHUB_RUN_ID: z.string().default(''),
  RUNNER_TEMP: z.string().optional(),
});

const sha = z.string().regex(/^[0-9a-f]{40}$/);
const pullRequestPayload = z.object({ pull_request: z.object({ number: z.number(), base: z.object({ sha }), head: z.object({ sha }) }) });
const pushPayload = z.object({ before: z.string(), after: sha });
const mergeGroupPayload = z.object({ merge_group: z.object({ base_sha: sha, head_sha: sha }) });
const workflowRunPayload = z.object({
  workflow_run: z.object({
    head_sha: sha,
    pull_requests: z.array(z.object({ number: z.number(), base: z.object({ sha }), head: z.object({ sha }) })).default([]),
  }),
});

export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  workspace: string;
  apiUrl: string;
  /** Where the Action may write files that are not results (the JSON report). */
  tempDir: string;
  /** Base and head of the change: the pull request's, the push's before/after, the merge group's. */
  base?: string;
  head?: string;
  /**
   * `merge-base`: the change starts at the merge base of base and head (a pull request, a push).
   * `direct`: base..head as given (a merge group is its queue's changes on top of base_sha).
   */
  diffFrom: 'merge-base' | 'direct';
  pullNumber?: number;
  /** Link to this workflow run, for the check run's details. */
  runUrl?: string;
}

export const DIFF_EVENTS = ['pull_request', 'pull_request_target', 'push', 'merge_group', 'workflow_run'];
export const PROBE_EVENTS = ['schedule', 'workflow_dispatch'];

/** Reads the runner's environment and the event payload. Never uses GITHUB_SHA as the PR head (it is the merge commit). */
export async function readRunContext(env: Record<string, string | undefined>): Promise<RunContext> {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join('\n'));
  const vars = parsed.data;
  const [owner = '', repo = ''] = vars.GITHUB_REPOSITORY.split('/');
  let payload: unknown;
  try {
    payload = JSON.parse(await readFile(vars.GITHUB_EVENT_PATH, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the event payload ${vars.GITHUB_EVENT_PATH}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const context: RunContext = {
    eventName: vars.GITHUB_EVENT_NAME,
    owner,
    repo,
    workspace: vars.GITHUB_WORKSPACE,
    apiUrl: vars.GITHUB_API_URL.replace(/\/+$/, ''),
    tempDir: vars.RUNNER_TEMP ?? vars.GITHUB_WORKSPACE,
    diffFrom: 'merge-base',
    ...(vars.GITHUB_RUN_ID ? { runUrl: `${vars.GITHUB_SERVER_URL}/${vars.GITHUB_REPOSITORY}/actions/runs/${vars.GITHUB_RUN_ID}` } : {}),
  };
  const pullRequest = pullRequestPayload.safeParse(payload);
  if (pullRequest.success) {
    const { number, base, head } = pullRequest.data.pull_request;
    return { ...context, base: base.sha, head: head.sha, pullNumber: number };
  }
  const mergeGroup = mergeGroupPayload.safeParse(payload);
  if (vars.GITHUB_EVENT_NAME === 'merge_group' && mergeGroup.success) {
    const { base_sha: base, head_sha: head } = mergeGroup.data.merge_group;
    return { ...context, base, head, diffFrom: 'direct' };
  }
  const workflowRun = workflowRunPayload.safeParse(payload);
  if (vars.GITHUB_EVENT_NAME === 'workflow_run' && workflowRun.success) {
    // The triggering run's pull request, judged head against base; GITHUB_SHA is the default branch's tip.
    const { head_sha: head, pull_requests: pulls } = workflowRun.data.workflow_run;
    const pull = pulls.find((candidate) => candidate.head.sha === head) ?? pulls[0];
    // A fork's pull request is not listed: its head is then judged against the default branch.
    return pull ? { ...context, base: pull.base.sha, head: pull.head.sha, pullNumber: pull.number } : { ...context, head };
  }
  const push = pushPayload.safeParse(payload);
  if (vars.GITHUB_EVENT_NAME === 'push' && push.success) {
    // A new branch's push has no before: the change is then measured from the default branch.
    return { ...context, head: push.data.after, ...(ZERO_SHA.test(push.data.before) ? {} : { base: push.data.before }) };
  }
  return vars.GITHUB_SHA ? { ...context, head: vars.GITHUB_SHA } : context;
}

/**
 * The `HIPAA safeguards` check run on a head commit, shared by the Action and the App:
 * start it (reusing the run a redelivered webhook or a re-run already created), complete it
 * from a Report, or complete it with an error when the engine could not run.
 *
 * A run this module started is never left `in_progress`: when publishing the results fails
 * (a 422, a 5xx after the client's retries, a crash while rendering), the run is completed as
 * a failure whose summary says why. Rate limits and 5xx retries belong to the client
 * (@octokit/plugin-throttling and plugin-retry, in both fronts), not to this module.
 */
import { ConfigError } from '../config/load-config.js';
import type { Report } from '../model/report.js';
import type { GitHubClient, RepositoryRef } from './api-source.js';
import { httpStatus, safeErrorMessage } from './http-error.js';
import {
  CHECK_RUN_NAME,
  annotationsOf,
  checkRunTitle,
  conclusionOf,
  renderCheckRunSummary,
  type CheckAnnotation,
  type CheckConclusion,
  type VerdictOptions,
} from './check-run-summary.js';
import { ANNOTATIONS_PER_REQUEST, capEntries, cutText, GITHUB_LIMITS } from './limits.js';
import { escapeMarkdown, inlineCode } from '../report/markdown.js';

export interface CheckRunTarget extends RepositoryRef {
  headSha: string;
  /** Tells our run apart from others on the same commit; default `hipaa-guard`. */
  externalId?: string;
  detailsUrl?: string;
  /**
   * The GitHub App this client acts as, when known (the App knows its id): runs of the same
   * name made by another app are then never listed, let alone touched.
   */
  appId?: number;
}

/** A run we may update. */
export interface CheckRunHandle extends RepositoryRef {
  id: number;
  /** The run existed already (redelivery, re-run) and was reset to in_progress. */
  reused: boolean;
  /** What tells our runs on this commit apart from others: before completing, a newer one of ours supersedes this one. */
  headSha: string;
  externalId: string;
  /** The app that made the run (ours), when GitHub said. */
  appId?: number;
}

/**
 * `started`: the run is in progress. `superseded`: another delivery created a newer run of
 * ours on the commit at the same instant; this one was completed as `cancelled` pointing at
 * it, and that delivery reports. `forbidden`: the token may not create check runs (a fork's
 * pull request, no `checks: write`); the front falls back to other output.
 */
export type StartCheckRunResult =
  { kind: 'started'; run: CheckRunHandle } | { kind: 'superseded'; run: CheckRunHandle; by: number } | { kind: 'forbidden'; status: number; message: string };

/** The publisher's clock; rate limits and retries are the client's (checks/github/client.ts, Probot's Octokit). */
export interface PublishOptions {
  now: () => Date;
}

const DEFAULT_EXTERNAL_ID = 'hipaa-guard';

function forbiddenResult(error: unknown): StartCheckRunResult | undefined {
  const status = httpStatus(error);
  if (status !== 403 && status !== 404) return undefined;
  const reason = status === 403 ? 'Resource not accessible by integration' : 'not found';
  return {
    kind: 'forbidden',
    status,
    message: `cannot create check runs (HTTP ${status}: ${reason}); a pull request from a fork, or a token without "checks: write"`,
  };
}

const STARTING = { title: 'Checking the HIPAA safeguards…' };

type RunFilter = Pick<CheckRunHandle, 'owner' | 'repo' | 'headSha' | 'externalId' | 'appId'>;

/**
 * Our runs on the commit, oldest first: the check's name, its head SHA, our external id and,
 * when known, our app (`app_id` on the request, and `app.id` on what comes back).
 */
async function ourRuns(octokit: GitHubClient, filter: RunFilter): Promise<{ id: number; appId: number | undefined }[]> {
  const { owner, repo, headSha, externalId, appId } = filter;
  const { data } = await octokit.rest.checks.listForRef({
    owner,
    repo,
    ref: headSha,
    check_name: CHECK_RUN_NAME,
    filter: 'all',
    per_page: 100,
    ...(appId === undefined ? {} : { app_id: appId }),
  });
  return data.check_runs
    .filter((run) => run.head_sha === headSha && run.external_id === externalId && (appId === undefined || run.app?.id === undefined || run.app.id === appId))
    .map((run) => ({ id: run.id, appId: run.app?.id }))
    .sort((a, b) => a.id - b.id);
}

/**
 * Creates the run in_progress, or resets the newest one with the same name, head SHA and
 * external id (made by this app): GitHub shows, and branch protection reads, the newest run of
 * a name on a commit. After creating, our runs are listed again: when two deliveries raced and
 * both created one, the older is superseded (here, or before it completes) and the newer reports.
 */
export async function startCheckRun(octokit: GitHubClient, target: CheckRunTarget, options: PublishOptions): Promise<StartCheckRunResult> {
  const { owner, repo, headSha } = target;
  const externalId = target.externalId ?? DEFAULT_EXTERNAL_ID;
  const startedAt = options.now().toISOString();
  const filter = { owner, repo, headSha, externalId, ...(target.appId === undefined ? {} : { appId: target.appId }) };
  try {
    for (const existing of (await ourRuns(octokit, filter)).reverse()) {
      try {
        await octokit.rest.checks.update({
          owner,
          repo,
          check_run_id: existing.id,
          status: 'in_progress',
          started_at: startedAt,
          output: { ...STARTING, summary: 'hipaa-guard is running again on this commit.' },
        });
        const appId = target.appId ?? existing.appId;
        return { kind: 'started', run: { owner, repo, headSha, externalId, id: existing.id, reused: true, ...(appId === undefined ? {} : { appId }) } };
      } catch (error) {
        // Without a known app id the list may hold another app's run: GitHub refuses to let us update it.
        if (target.appId !== undefined || forbiddenResult(error) === undefined) throw error;
      }
    }
    const { data: created } = await octokit.rest.checks.create({
      owner,
      repo,
      name: CHECK_RUN_NAME,
      head_sha: headSha,
      external_id: externalId,
      status: 'in_progress',
      started_at: startedAt,
      ...(target.detailsUrl ? { details_url: target.detailsUrl } : {}),
      output: { ...STARTING, summary: 'hipaa-guard is running on this commit.' },
    });
    const appId = target.appId ?? created.app?.id;
    const run: CheckRunHandle = { owner, repo, headSha, externalId, id: created.id, reused: false, ...(appId === undefined ? {} : { appId }) };
    const newer = await newerRun(octokit, run);
    if (newer === undefined) return { kind: 'started', run };
    await supersede(octokit, run, newer, options);
    return { kind: 'superseded', run, by: newer };
  } catch (error) {
    const forbidden = forbiddenResult(error);
    if (forbidden) return forbidden;
    throw error;
  }
}

/** The newest run of ours on the commit when it is newer than `run`; a failed listing is none. */
async function newerRun(octokit: GitHubClient, run: CheckRunHandle): Promise<number | undefined> {
  const runs = await ourRuns(octokit, run).catch(() => []);
  const newest = runs.at(-1)?.id;
  return newest !== undefined && newest > run.id ? newest : undefined;
}

/**
 * Completes a run another delivery's newer run replaces. Runs cannot be deleted; `cancelled`
 * is a conclusion an app may set, is never a pass, and GitHub shows the newer run in its place.
 */
async function supersede(octokit: GitHubClient, run: CheckRunHandle, by: number, options: PublishOptions): Promise<void> {
  await octokit.rest.checks.update({
    owner: run.owner,
    repo: run.repo,
    check_run_id: run.id,
    status: 'completed',
    conclusion: 'cancelled',
    completed_at: options.now().toISOString(),
    output: {
      title: 'Superseded by another hipaa-guard run',
      summary: `Two deliveries started hipaa-guard on this commit at the same instant. Check run ${by} reports the results; this one is left cancelled.`,
    },
  });
}

export interface CompletedCheckRun {
  conclusion: CheckConclusion | 'cancelled';
  annotations: number;
  /** PATCH requests sent (1 + one per further 50 annotations). */
  requests: number;
  /**
   * The results could not be published (GitHub refused them, or rendering failed): the run
   * was completed as a failure saying this instead.
   */
  publishError?: string;
  /** A newer run of ours on the commit (a delivery that raced this one) reports instead: this one was cancelled. */
  supersededBy?: number;
}

/** What one completion sends: the conclusion, the output, and the annotations. */
interface Completion {
  conclusion: CheckConclusion;
  output: { title: string; summary: string };
  annotations: CheckAnnotation[];
}

/**
 * Completes the run from a report: annotations go 50 per request, earlier batches while the
 * run is still in progress, the last batch with the conclusion, so a completed run is whole.
 */
export function completeCheckRun(
  octokit: GitHubClient,
  run: CheckRunHandle,
  report: Report,
  verdict: VerdictOptions,
  options: PublishOptions,
): Promise<CompletedCheckRun> {
  return settleCheckRun(octokit, run, options, () => ({
    conclusion: conclusionOf(report, verdict),
    output: { title: checkRunTitle(report, verdict), summary: renderCheckRunSummary(report, verdict) },
    annotations: annotationsOf(report),
  }));
}

/**
 * Sends a completion, unless a newer run of ours on the commit (a delivery that raced this one)
 * supersedes this run; when sending fails in any way, completes the run as a failure with a short
 * reason (no annotations, nothing GitHub could refuse). Throws only when GitHub refuses that
 * too, naming the run left in progress.
 */
async function settleCheckRun(octokit: GitHubClient, run: CheckRunHandle, options: PublishOptions, build: () => Completion): Promise<CompletedCheckRun> {
  const completedAt = options.now().toISOString();
  const newer = await newerRun(octokit, run);
  if (newer !== undefined) {
    await supersede(octokit, run, newer, options);
    return { conclusion: 'cancelled', annotations: 0, requests: 1, supersededBy: newer };
  }
  try {
    const completion = build();
    const requests = await sendAnnotated(octokit, run, completion, completedAt);
    return { conclusion: completion.conclusion, annotations: completion.annotations.length, requests };
  } catch (error) {
    const reason = safeErrorMessage(error);
    const summary =
      '**hipaa-guard could not publish its results on this check run**, so it fails rather than pass unseen.\n\n' +
      `${escapeMarkdown(reason)}\n\nThe run's log has the findings; re-run the check once GitHub accepts it.\n`;
    try {
      await octokit.rest.checks.update({
        owner: run.owner,
        repo: run.repo,
        check_run_id: run.id,
        status: 'completed',
        conclusion: 'failure',
        completed_at: completedAt,
        output: { title: 'hipaa-guard could not publish its results', summary: cutText(summary, GITHUB_LIMITS.checkRunSummary) },
      });
    } catch (fallbackError) {
      throw new Error(`check run ${run.id} could not be completed (${reason}; then ${safeErrorMessage(fallbackError)})`);
    }
    return { conclusion: 'failure', annotations: 0, requests: 0, publishError: reason };
  }
}

interface AnnotationFields {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string | null;
  title?: string | null;
  message?: string | null;
}

const annotationKey = (annotation: AnnotationFields): string =>
  JSON.stringify([annotation.path, annotation.start_line, annotation.end_line, annotation.annotation_level, annotation.title ?? '', annotation.message ?? '']);

/**
 * GitHub appends the annotations of every update to those a run already has, so a reused run
 * (a redelivered webhook, a re-run on the same commit) would show each one twice: the ones it
 * has are not sent again. Listing them failing must not keep the run from completing.
 */
async function annotationsOn(octokit: GitHubClient, run: CheckRunHandle): Promise<Set<string>> {
  if (!run.reused) return new Set();
  try {
    const existing = await octokit.paginate(octokit.rest.checks.listAnnotations, { owner: run.owner, repo: run.repo, check_run_id: run.id, per_page: 100 });
    return new Set(existing.map(annotationKey));
  } catch {
    return new Set();
  }
}

async function sendAnnotated(octokit: GitHubClient, run: CheckRunHandle, completion: Completion, completedAt: string): Promise<number> {
  const present = await annotationsOn(octokit, run);
  const annotations = completion.annotations.filter((annotation) => !present.has(annotationKey(annotation)));
  const batches: CheckAnnotation[][] = [];
  for (let index = 0; index < annotations.length; index += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(index, index + ANNOTATIONS_PER_REQUEST));
  }
  if (batches.length === 0) batches.push([]);
  const output = {
    title: cutText(completion.output.title, GITHUB_LIMITS.checkRunTitle, () => '…'),
    summary: cutText(completion.output.summary, GITHUB_LIMITS.checkRunSummary),
  };
  for (const [index, batch] of batches.entries()) {
    const last = index === batches.length - 1;
    await octokit.rest.checks.update({
      owner: run.owner,
      repo: run.repo,
      check_run_id: run.id,
      ...(last ? { status: 'completed' as const, conclusion: completion.conclusion, completed_at: completedAt } : {}),
      output: { ...output, ...(batch.length ? { annotations: batch } : {}) },
    });
  }
  return batches.length;
}

/** A run that could not produce a report: what went wrong and, when known, where. */
export interface RunFailure {
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

/** Describes an engine or config error for a check run; a ConfigError points at its lines. */
export function describeRunFailure(error: unknown): RunFailure {
  if (error instanceof ConfigError) {
    const items = error.problems.map(
      (problem) => `- ${inlineCode(`${error.file}:${problem.line}`)}${problem.path ? ` ${inlineCode(problem.path)}` : ''}: ${escapeMarkdown(problem.message)}`,
    );
    const head = [`**hipaa-guard could not read its configuration.** Fix ${inlineCode(error.file)} and push again.`, '', '### Problems'];
    return {
      title: `Configuration error in ${error.file}`,
      summary: capEntries([...head, ...items], GITHUB_LIMITS.checkRunSummary, (omitted) => `- …and ${omitted} more`),
      annotations: error.problems.map((problem) => ({
        path: error.file,
        start_line: Math.max(1, problem.line),
        end_line: Math.max(1, problem.line),
        annotation_level: 'failure',
        title: 'hipaa-guard configuration',
        message: cutText(`${problem.path ? `${problem.path}: ` : ''}${problem.message}`, GITHUB_LIMITS.annotationMessage),
      })),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: 'hipaa-guard could not run',
    summary: cutText(
      `**hipaa-guard could not complete this check.** The safeguards were not evaluated.\n\n${escapeMarkdown(message)}\n`,
      GITHUB_LIMITS.checkRunSummary,
    ),
    annotations: [],
  };
}

/** Completes the run as a failure explaining why the engine could not run. */
export async function failCheckRun(octokit: GitHubClient, run: CheckRunHandle, error: unknown, options: PublishOptions): Promise<RunFailure> {
  const failure = describeRunFailure(error);
  await settleCheckRun(octokit, run, options, () => ({
    conclusion: 'failure',
    output: { title: failure.title, summary: failure.summary },
    annotations: failure.annotations,
  }));
  return failure;
}

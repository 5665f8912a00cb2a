/**
 * The `HIPAA safeguards` check run on a head commit, shared by the Action and the App:
 * start it (reusing the run a redelivered webhook or a re-run already created), complete it
 * from a Report, or complete it with an error when the engine could not run.
 */
import { ConfigError } from '../config/load-config.js';
import type { Report } from '../model/report.js';
import type { GitHubClient, RepositoryRef } from './api-source.js';
import { httpStatus, withBackoff, type BackoffOptions } from './backoff.js';
import {
  ANNOTATIONS_PER_REQUEST,
  CHECK_RUN_NAME,
  SUMMARY_LIMIT,
  annotationsOf,
  checkRunTitle,
  conclusionOf,
  renderCheckRunSummary,
  type CheckAnnotation,
  type CheckConclusion,
  type VerdictOptions,
} from './check-run-summary.js';
import { capEntries, escapeMarkdown, inlineCode } from '../report/markdown.js';

export interface CheckRunTarget extends RepositoryRef {
  headSha: string;
  /** Tells our run apart from others on the same commit; default `hipaa-guard`. */
  externalId?: string;
  detailsUrl?: string;
}

/** A run we may update. */
export interface CheckRunHandle extends RepositoryRef {
  id: number;
  /** The run existed already (redelivery, re-run) and was reset to in_progress. */
  reused: boolean;
}

/**
 * `started`: the run is in progress. `forbidden`: the token may not create check runs (a
 * fork's pull request, no `checks: write`); the front falls back to other output.
 */
export type StartCheckRunResult = { kind: 'started'; run: CheckRunHandle } | { kind: 'forbidden'; status: number; message: string };

export interface PublishOptions extends Omit<BackoffOptions, 'now'> {
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

/** Creates the run in_progress, or resets the one with the same name, head SHA and external id. */
export async function startCheckRun(octokit: GitHubClient, target: CheckRunTarget, options: PublishOptions): Promise<StartCheckRunResult> {
  const { owner, repo, headSha } = target;
  const externalId = target.externalId ?? DEFAULT_EXTERNAL_ID;
  const startedAt = options.now().toISOString();
  try {
    const { data } = await withBackoff(
      () => octokit.rest.checks.listForRef({ owner, repo, ref: headSha, check_name: CHECK_RUN_NAME, filter: 'all', per_page: 100 }),
      options,
    );
    const existing = data.check_runs.find((run) => run.head_sha === headSha && run.external_id === externalId);
    if (existing) {
      await withBackoff(
        () =>
          octokit.rest.checks.update({
            owner,
            repo,
            check_run_id: existing.id,
            status: 'in_progress',
            started_at: startedAt,
            output: { title: 'Checking the HIPAA safeguards…', summary: 'hipaa-guard is running again on this commit.' },
          }),
        options,
      );
      return { kind: 'started', run: { owner, repo, id: existing.id, reused: true } };
    }
    const { data: created } = await withBackoff(
      () =>
        octokit.rest.checks.create({
          owner,
          repo,
          name: CHECK_RUN_NAME,
          head_sha: headSha,
          external_id: externalId,
          status: 'in_progress',
          started_at: startedAt,
          ...(target.detailsUrl ? { details_url: target.detailsUrl } : {}),
          output: { title: 'Checking the HIPAA safeguards…', summary: 'hipaa-guard is running on this commit.' },
        }),
      options,
    );
    return { kind: 'started', run: { owner, repo, id: created.id, reused: false } };
  } catch (error) {
    const forbidden = forbiddenResult(error);
    if (forbidden) return forbidden;
    throw error;
  }
}

export interface CompletedCheckRun {
  conclusion: CheckConclusion;
  annotations: number;
  /** PATCH requests sent (1 + one per further 50 annotations). */
  requests: number;
}

/**
 * Completes the run from a report: annotations go 50 per request, earlier batches while the
 * run is still in progress, the last batch with the conclusion, so a completed run is whole.
 */
export async function completeCheckRun(
  octokit: GitHubClient,
  run: CheckRunHandle,
  report: Report,
  verdict: VerdictOptions,
  options: PublishOptions,
): Promise<CompletedCheckRun> {
  const conclusion = conclusionOf(report, verdict);
  const output = { title: checkRunTitle(report, verdict), summary: renderCheckRunSummary(report, verdict) };
  const annotations = annotationsOf(report);
  const requests = await sendAnnotated(octokit, run, output, annotations, { conclusion, completedAt: options.now().toISOString() }, options);
  return { conclusion, annotations: annotations.length, requests };
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
async function annotationsOn(octokit: GitHubClient, run: CheckRunHandle, options: PublishOptions): Promise<Set<string>> {
  if (!run.reused) return new Set();
  try {
    const existing = await withBackoff(
      () => octokit.paginate(octokit.rest.checks.listAnnotations, { owner: run.owner, repo: run.repo, check_run_id: run.id, per_page: 100 }),
      options,
    );
    return new Set(existing.map(annotationKey));
  } catch {
    return new Set();
  }
}

async function sendAnnotated(
  octokit: GitHubClient,
  run: CheckRunHandle,
  output: { title: string; summary: string },
  all: CheckAnnotation[],
  completion: { conclusion: CheckConclusion; completedAt: string },
  options: PublishOptions,
): Promise<number> {
  const present = await annotationsOn(octokit, run, options);
  const annotations = all.filter((annotation) => !present.has(annotationKey(annotation)));
  const batches: CheckAnnotation[][] = [];
  for (let index = 0; index < annotations.length; index += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(index, index + ANNOTATIONS_PER_REQUEST));
  }
  if (batches.length === 0) batches.push([]);
  for (const [index, batch] of batches.entries()) {
    const last = index === batches.length - 1;
    await withBackoff(
      () =>
        octokit.rest.checks.update({
          owner: run.owner,
          repo: run.repo,
          check_run_id: run.id,
          ...(last ? { status: 'completed' as const, conclusion: completion.conclusion, completed_at: completion.completedAt } : {}),
          output: { ...output, ...(batch.length ? { annotations: batch } : {}) },
        }),
      options,
    );
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
      summary: capEntries([...head, ...items], SUMMARY_LIMIT, (omitted) => `- …and ${omitted} more`),
      annotations: error.problems.map((problem) => ({
        path: error.file,
        start_line: Math.max(1, problem.line),
        end_line: Math.max(1, problem.line),
        annotation_level: 'failure',
        title: 'hipaa-guard configuration',
        message: `${problem.path ? `${problem.path}: ` : ''}${problem.message}`,
      })),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: 'hipaa-guard could not run',
    summary: `**hipaa-guard could not complete this check.** The safeguards were not evaluated.\n\n${escapeMarkdown(message).slice(0, 60_000)}\n`,
    annotations: [],
  };
}

/** Completes the run as a failure explaining why the engine could not run. */
export async function failCheckRun(octokit: GitHubClient, run: CheckRunHandle, error: unknown, options: PublishOptions): Promise<RunFailure> {
  const failure = describeRunFailure(error);
  await sendAnnotated(
    octokit,
    run,
    { title: failure.title, summary: failure.summary },
    failure.annotations,
    { conclusion: 'failure', completedAt: options.now().toISOString() },
    options,
  );
  return failure;
}

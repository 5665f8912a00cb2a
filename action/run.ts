/**
 * One Action run: resolve the mode, start the check run, read the config, scan the change
 * and/or probe the endpoints, then publish (check run or its fallback, job summary, SARIF,
 * JSON, outputs, issues). The engine and the publisher do the work; this only wires them.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import * as core from '@actions/core';
import { ConfigError, parseConfig } from '../checks/config/load-config.js';
import { defaultConfig, type Config } from '../checks/config/schema.js';
import { allEngines } from '../checks/endpoint/engines/index.js';
import { runProbes } from '../checks/endpoint/run-probes.js';
import { apiFileSource, loadChangeSet, type GitHubClient } from '../checks/github/api-source.js';
import { completeCheckRun, describeRunFailure, failCheckRun, startCheckRun, type CheckRunHandle, type PublishOptions } from '../checks/github/check-run.js';
import { annotationsOf, checkRunTitle, conclusionOf, type CheckConclusion } from '../checks/github/check-run-summary.js';
import { syncEndpointIssues } from '../checks/github/endpoint-issues.js';
import type { FailOn } from '../checks/model/finding.js';
import { emptyReport, mergeReports, type Report } from '../checks/model/report.js';
import { verdictOf, type Verdict } from '../checks/model/verdict.js';
import type { ChangeSet } from '../checks/model/source.js';
import { endpointLines } from '../checks/report/endpoint-lines.js';
import { renderJson } from '../checks/report/json.js';
import { renderMarkdown } from '../checks/report/markdown.js';
import { renderSarif } from '../checks/report/sarif.js';
import { ALL_RULES } from '../checks/rules/registry.js';
import { scanChanges } from '../checks/scan.js';
import { GitRefSource, gitChangeSet } from '../checks/source/git-source.js';
import { runGit } from '../checks/source/run-git.js';
import { TOOL } from '../checks/version.js';
import { DIFF_EVENTS, PROBE_EVENTS, type RunContext } from './context.js';
import { shareOf, type ActionSettings, type Mode } from './inputs.js';

/** GitHub's limit on a step's job summary is 1 MiB. */
const JOB_SUMMARY_LIMIT = 1_000_000;

export interface ActionResult {
  conclusion: CheckConclusion;
  findings: number;
  blocking: number;
  failOn: FailOn;
  /** The run's one verdict: the step fails exactly when the check run does. */
  verdict: Verdict;
}

interface LoadedConfig {
  config: Config;
  path: string;
  text?: string;
}

/** `auto` becomes diff on pull_request/push, probe on schedule/workflow_dispatch. */
export function resolveMode(mode: Mode, eventName: string): Exclude<Mode, 'auto'> {
  if (mode !== 'auto') return mode;
  if (PROBE_EVENTS.includes(eventName)) return 'probe';
  if (DIFF_EVENTS.includes(eventName)) return 'diff';
  throw new Error(`mode "auto" does not know what to do on a ${eventName} event; set the input mode to diff, probe or all`);
}

export async function runAction(settings: ActionSettings, context: RunContext, octokit: GitHubClient, options: PublishOptions): Promise<ActionResult> {
  const mode = resolveMode(settings.mode, context.eventName);
  const repository = { owner: context.owner, repo: context.repo };
  const head = settings.head ?? context.head;
  const base = settings.base ?? context.base;
  const diffing = mode === 'diff' || mode === 'all';
  core.info(`hipaa-guard ${TOOL.version}: ${mode} on ${context.eventName} in ${context.owner}/${context.repo}`);

  let run: CheckRunHandle | undefined;
  if (diffing && head) {
    const started = await startCheckRun(octokit, { ...repository, headSha: head, ...(context.runUrl ? { detailsUrl: context.runUrl } : {}) }, options);
    if (started.kind === 'started') run = started.run;
    else core.warning(`${started.message}. Falling back to workflow annotations and the job summary.`);
  }

  let loaded: LoadedConfig | undefined;
  let report: Report;
  try {
    if (diffing && base) await ensureCommit(context.workspace, base);
    loaded = await loadConfig(settings.config, context, diffing ? base : undefined, octokit);
    const reports: Report[] = [emptyReport(TOOL, options.now().toISOString())];
    if (diffing) {
      const changeSet = await changeSetFor(context, octokit, base, head);
      reports.push(await scanChanges(changeSet, loaded.config, { now: options.now(), root: `${context.owner}/${context.repo}`, configPath: loaded.path }));
    }
    if (mode === 'probe' || mode === 'all' || loaded.config.probe['on-pull-request']) {
      reports.push(await probeEndpoints(loaded.config, settings, context, options));
    }
    report = mergeReports(reports[0]!, ...reports.slice(1));
  } catch (error) {
    if (run) await failCheckRun(octokit, run, error, options);
    else if (error instanceof ConfigError) annotateFailure(error);
    await writeJobSummary(`## hipaa-guard could not run\n\n${describeRunFailure(error).summary}`);
    throw error;
  }

  const failOn = settings.failOn ?? loaded.config['fail-on'];
  const verdict = { failOn, blockExisting: loaded.config.infra['block-existing'] };
  const conclusion = conclusionOf(report, verdict);
  if (run) {
    const completed = await completeCheckRun(octokit, run, report, verdict, options);
    core.info(`check run ${run.id}${run.reused ? ' (re-used)' : ''}: ${completed.conclusion}, ${completed.annotations} annotations in ${completed.requests} requests`);
  } else if (diffing) {
    annotateFindings(report);
  }
  await writeJobSummary(`## HIPAA safeguards: ${checkRunTitle(report, verdict)}\n\n${renderMarkdown(report, { maxLength: JOB_SUMMARY_LIMIT })}`);
  await writeResults(report, settings, context, loaded);

  if (settings.issues ?? PROBE_EVENTS.includes(context.eventName)) {
    if (mode === 'diff') core.info('issues: only probe results open issues; this run did not probe');
    else {
      const issueOn = settings.issueOn ?? loaded.config['issue-on'] ?? failOn;
      const outcomes = await syncEndpointIssues(octokit, repository, report, { ...options, maxCreated: settings.maxIssues, issueOn, loadedConfig: loaded.path });
      for (const outcome of outcomes) {
        core.info(`issue ${outcome.action}${outcome.issue ? ` #${outcome.issue}` : ''}: ${outcome.url}${outcome.reason ? ` (${outcome.reason})` : ''}`);
      }
    }
  }
  const outcome = verdictOf(report, verdict);
  return { conclusion, findings: report.findings.length, blocking: outcome.blocking.length, failOn, verdict: outcome };
}

async function hasCommit(workspace: string, ref: string): Promise<boolean> {
  return runGit(workspace, ['cat-file', '-e', `${ref}^{commit}`]).then(
    () => true,
    () => false,
  );
}

/** Fetches a commit the checkout lacks (a shallow clone); false when that fails too. */
async function ensureCommit(workspace: string, sha: string): Promise<boolean> {
  if (await hasCommit(workspace, sha)) return true;
  core.info(`commit ${sha} is not in the checkout; fetching it (git fetch --depth=1 origin ${sha})`);
  try {
    await runGit(workspace, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha]);
  } catch (error) {
    core.info(`fetching ${sha} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return hasCommit(workspace, sha);
}

/**
 * The change from the merge base of base and head to head, from the checkout when both commits
 * are there (fetched if need be), else through the compare API.
 */
async function changeSetFor(context: RunContext, octokit: GitHubClient, base: string | undefined, head: string | undefined): Promise<ChangeSet> {
  if (!base || !head) {
    core.info('no base commit in the event: diffing against the merge base with the default branch');
    return gitChangeSet(context.workspace, base, head);
  }
  if ((await hasCommit(context.workspace, base)) && (await ensureCommit(context.workspace, head))) {
    const mergeBase = await runGit(context.workspace, ['merge-base', base, head]).then(
      (output) => output.toString('utf8').trim(),
      () => undefined,
    );
    if (!mergeBase) core.info('no merge base in this (shallow) checkout: diffing base..head directly; actions/checkout with fetch-depth: 0 avoids this');
    core.info(`diffing ${(mergeBase ?? base).slice(0, 12)}..${head.slice(0, 12)} from the checkout`);
    return gitChangeSet(context.workspace, mergeBase ?? base, head);
  }
  core.info(`base ${base.slice(0, 12)} is not in the checkout and could not be fetched: reading the change through the compare API`);
  return loadChangeSet(octokit, { owner: context.owner, repo: context.repo }, { base, head, ...(context.pullNumber ? { pullNumber: context.pullNumber } : {}) });
}

/**
 * The config as of the base commit when diffing (a pull request cannot switch its own checks
 * off, nor add a config that does), else the checkout's. No file: the defaults, said in the log.
 */
export async function loadConfig(path: string, context: RunContext, base: string | undefined, octokit: GitHubClient): Promise<LoadedConfig> {
  let text: string | undefined;
  if (base) {
    const local = await hasCommit(context.workspace, base);
    const source = local ? new GitRefSource(context.workspace, base) : apiFileSource(octokit, { owner: context.owner, repo: context.repo }, base);
    text = await source.read(path);
    if (text !== undefined) core.info(`config: ${path} as of the base commit ${base.slice(0, 12)}${local ? '' : ' (through the API)'}`);
    else {
      // The checkout holds the change under review: its config must not decide how it is judged.
      core.info(`config: no ${path} at the base commit ${base.slice(0, 12)}; using the defaults (profile hipaa, fail-on high, no endpoints) until a config is merged`);
      return { config: defaultConfig(), path };
    }
  }
  if (text === undefined) {
    text = await readFile(resolve(context.workspace, path), 'utf8').catch(() => undefined);
    if (text !== undefined) core.info(`config: ${path} from the checkout`);
  }
  if (text === undefined) {
    core.info(`config: no ${path}; using the defaults (profile hipaa, fail-on high, no endpoints)`);
    return { config: defaultConfig(), path };
  }
  return { config: parseConfig(text, path), path, text };
}

async function probeEndpoints(config: Config, settings: ActionSettings, context: RunContext, options: PublishOptions): Promise<Report> {
  const endpoints = shareOf(config.endpoints, settings.shard);
  core.info(`probing ${endpoints.length} of ${config.endpoints.length} endpoints${settings.shard ? ` (shard ${settings.shard.index}/${settings.shard.count})` : ''}`);
  return runProbes({
    endpoints,
    profile: config.profile,
    engine: config.engine,
    ...(config['engine-path'] ? { enginePath: config['engine-path'] } : {}),
    timeoutMs: config.probe.timeout,
    concurrency: config.probe.concurrency,
    readFile: (path) => readFile(resolve(context.workspace, path), 'utf8'),
    now: options.now,
    // The workflow's own config chooses the engine; an external one must be on the runner.
    engines: allEngines,
  });
}

/** Workflow-command annotations: what shows on the PR when check runs cannot be created. */
function annotateFindings(report: Report): void {
  const annotations = annotationsOf(report);
  for (const annotation of annotations) {
    const properties = { title: annotation.title, file: annotation.path, startLine: annotation.start_line, endLine: annotation.end_line };
    if (annotation.annotation_level === 'failure') core.error(annotation.message, properties);
    else if (annotation.annotation_level === 'warning') core.warning(annotation.message, properties);
    else core.notice(annotation.message, properties);
  }
  if (annotations.length > 10) core.info(`${annotations.length} annotations written; GitHub shows the first 10 of each level per step, the job summary lists all`);
}

function annotateFailure(error: ConfigError): void {
  for (const annotation of describeRunFailure(error).annotations) {
    core.error(annotation.message, { title: annotation.title, file: annotation.path, startLine: annotation.start_line });
  }
}

async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown.slice(0, JOB_SUMMARY_LIMIT), true).write();
}

/** The SARIF file (for code scanning upload), the JSON report, and the step outputs. */
async function writeResults(report: Report, settings: ActionSettings, context: RunContext, loaded: LoadedConfig): Promise<void> {
  const sarifPath = isAbsolute(settings.sarifFile) ? settings.sarifFile : join(context.workspace, settings.sarifFile);
  await mkdir(dirname(sarifPath), { recursive: true });
  await writeFile(
    sarifPath,
    renderSarif(report, { rules: ALL_RULES, configPath: loaded.path, ...(loaded.text ? { endpointLines: endpointLines(loaded.text) } : {}) }),
  );
  const jsonPath = join(context.tempDir, 'hipaa-guard-report.json');
  await writeFile(jsonPath, renderJson(report));
  core.setOutput('sarif-file', sarifPath);
  core.setOutput('report-json', jsonPath);
}

/**
 * One Action run: resolve the mode, start the check run, read the config, scan the change
 * and/or probe the endpoints, then publish (check run or its fallback, job summary, SARIF,
 * JSON, outputs, issues). The engine and the publisher do the work; this only wires them, and
 * says what it does through the port (action/port.ts).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ConfigError, parseConfig } from '../checks/config/load-config.js';
import { withConfigEdit } from '../checks/config/policy.js';
import { defaultConfig, type Config } from '../checks/config/schema.js';
import { allBackends } from '../checks/endpoint/backends/index.js';
import { checkEndpoints } from '../checks/endpoint/index.js';
import { apiFileSource, loadChangeSet, type GitHubClient } from '../checks/github/api-source.js';
import { completeCheckRun, describeRunFailure, failCheckRun, startCheckRun, type CheckRunHandle, type PublishOptions } from '../checks/github/check-run.js';
import { annotationsOf, checkRunTitle, conclusionOf, type CheckConclusion, type VerdictOptions } from '../checks/github/check-run-summary.js';
import { syncEndpointIssues } from '../checks/github/endpoint-issues.js';
import { cutText, fitRendering, GITHUB_LIMITS, SARIF_RESULTS_KEPT } from '../checks/github/limits.js';
import type { FailOn } from '../checks/model/finding.js';
import { emptyReport, mergeReports, type Report } from '../checks/model/report.js';
import { verdictOf, type Verdict } from '../checks/model/verdict.js';
import { renderJson } from '../checks/report/json.js';
import { renderMarkdown } from '../checks/report/markdown.js';
import { SARIF_MAX_RESULTS, toSarif } from '../checks/report/sarif.js';
import { analyzePlan } from '../checks/infra/plan/analyze-plan.js';
import { mergePlanWithDiff } from '../checks/infra/plan/merge-plan.js';
import { ALL_RULES } from '../checks/rules/registry.js';
import { scanChanges } from '../checks/scan.js';
import { GitRefSource, WorkingTreeSource } from '../checks/source/git-source.js';
import { checkoutChangeSet, ensureCommit, hasCommit } from '../checks/source/fetch-commits.js';
import { TOOL } from '../checks/version.js';
import { DIFF_EVENTS, PROBE_EVENTS, type RunContext } from './context.js';
import { shareOf, type ActionSettings, type Mode } from './inputs.js';
import type { ActionPort } from './port.js';

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
}

/** `auto` becomes diff on pull_request/push/merge_group/workflow_run, probe on schedule/workflow_dispatch. */
function resolveMode(mode: Mode, eventName: string): Exclude<Mode, 'auto'> {
  if (mode !== 'auto') return mode;
  if (PROBE_EVENTS.includes(eventName)) return 'probe';
  if (DIFF_EVENTS.includes(eventName)) return 'diff';
  throw new Error(`mode "auto" does not know what to do on a ${eventName} event; set the input mode to diff, probe or all`);
}

export async function runAction(
  settings: ActionSettings,
  context: RunContext,
  octokit: GitHubClient,
  options: PublishOptions,
  port: ActionPort,
): Promise<ActionResult> {
  const mode = resolveMode(settings.mode, context.eventName);
  const repository = { owner: context.owner, repo: context.repo };
  const head = settings.head ?? context.head;
  const base = settings.base ?? context.base;
  const diffing = mode === 'diff' || mode === 'all';
  port.info(`hipaa-guard ${TOOL.version}: ${mode} on ${context.eventName} in ${context.owner}/${context.repo}`);

  let run: CheckRunHandle | undefined;
  if (diffing && head) {
    const started = await startCheckRun(octokit, { ...repository, headSha: head, ...(context.runUrl ? { detailsUrl: context.runUrl } : {}) }, options);
    if (started.kind === 'started') run = started.run;
    else if (started.kind === 'superseded')
      port.info(
        `another job started check run ${started.by} on this commit at the same instant; it reports there, this job's run ${started.run.id} was cancelled`,
      );
    else port.warning(`${started.message}. Falling back to workflow annotations and the job summary.`);
  }

  // Whatever throws between starting the check run and completing it completes it as a failure.
  let loaded: LoadedConfig;
  let report: Report;
  let verdict: VerdictOptions;
  let conclusion: CheckConclusion;
  try {
    if (diffing && base) await ensureCommit(context.workspace, base, port.info);
    loaded = await loadConfig(settings.config, context, diffing ? base : undefined, octokit, port);
    const reports: Report[] = [emptyReport(TOOL, options.now().toISOString())];
    const plan = settings.plan === undefined ? undefined : await judgePlan(settings.plan, context, options, port);
    if (diffing) {
      const diff = await scanChange(context, octokit, { base, head }, loaded, options, port);
      reports.push(plan ? mergePlanWithDiff(plan, diff) : diff);
    } else if (plan) reports.push(plan);
    if (mode === 'probe' || mode === 'all' || loaded.config.probe['on-pull-request']) {
      reports.push(await probeEndpoints(loaded.config, settings, context, options, port));
    }
    report = mergeReports(reports[0]!, ...reports.slice(1));
    verdict = { failOn: settings.failOn ?? loaded.config['fail-on'], blockExisting: loaded.config.infra['block-existing'] };
    conclusion = conclusionOf(report, verdict);
    if (run) {
      const completed = await completeCheckRun(octokit, run, report, verdict, options);
      run = undefined;
      if (completed.publishError) {
        port.warning(`GitHub refused the results (${completed.publishError}); the check run was completed as a failure saying so`);
        conclusion = 'failure';
      }
      if (completed.supersededBy !== undefined)
        port.info(`another job's check run ${completed.supersededBy} on this commit reports the results; this job's run was cancelled`);
      else port.info(`check run: ${completed.conclusion}, ${completed.annotations} annotations in ${completed.requests} requests`);
    } else if (diffing) {
      annotateFindings(report, port);
    }
  } catch (error) {
    if (run) await failCheckRun(octokit, run, error, options);
    else if (error instanceof ConfigError) annotateFailure(error, port);
    await port.writeJobSummary(cutText(`## hipaa-guard could not run\n\n${describeRunFailure(error).summary}`, GITHUB_LIMITS.jobSummary));
    throw error;
  }

  const sarif = toSarif(report, { rules: ALL_RULES, configPath: loaded.path });
  const sarifNotice = sarifNoticeOf(sarif.runs[0]?.results.length ?? 0, report.findings.length + report.suppressed.length);
  if (sarifNotice) port.warning(sarifNotice);
  await port.writeJobSummary(jobSummary(report, verdict, sarifNotice));
  await writeResults(`${JSON.stringify(sarif, null, 2)}\n`, report, settings, context, port);

  if (settings.issues ?? PROBE_EVENTS.includes(context.eventName)) {
    if (mode === 'diff') port.info('issues: only probe results open issues; this run did not probe');
    else {
      const issueOn = settings.issueOn ?? loaded.config['issue-on'] ?? verdict.failOn;
      const outcomes = await syncEndpointIssues(octokit, repository, report, {
        ...options,
        maxCreated: settings.maxIssues,
        issueOn,
        loadedConfig: loaded.path,
      });
      for (const outcome of outcomes) {
        port.info(`issue ${outcome.action}${outcome.issue ? ` #${outcome.issue}` : ''}: ${outcome.url}${outcome.reason ? ` (${outcome.reason})` : ''}`);
      }
    }
  }
  const outcome = verdictOf(report, verdict);
  return { conclusion, findings: report.findings.length, blocking: outcome.blocking.length, failOn: verdict.failOn, verdict: outcome };
}

/** The `plan` input: a Terraform plan's JSON in the workspace, judged with its findings on the checkout's lines. */
async function judgePlan(path: string, context: RunContext, options: PublishOptions, port: ActionPort): Promise<Report> {
  port.info(`plan: judging ${path}`);
  const text = await readFile(resolve(context.workspace, path), 'utf8').catch((error: unknown) => {
    throw new Error(
      `input "plan": cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}); write the file in an earlier step with terraform show -json tfplan > ${path}`,
    );
  });
  return analyzePlan({ text, source: path, now: options.now(), files: new WorkingTreeSource(context.workspace), planPath: path });
}

/** Code scanning keeps 5,000 results of a run and refuses more than 25,000: said in the log and the summary. */
function sarifNoticeOf(written: number, results: number): string | undefined {
  if (results <= SARIF_RESULTS_KEPT) return undefined;
  return (
    `The SARIF file holds ${written.toLocaleString('en-US')} results${results > written ? ` (of ${results.toLocaleString('en-US')}: code scanning refuses more than ${SARIF_MAX_RESULTS.toLocaleString('en-US')})` : ''}, ` +
    `most severe first; GitHub code scanning keeps only the first ${SARIF_RESULTS_KEPT.toLocaleString('en-US')}. The JSON report has every result.`
  );
}

/** The job summary within GitHub's 1 MiB (bytes): the verdict, then the Markdown report cut by entry. */
function jobSummary(report: Report, verdict: VerdictOptions, notice: string | undefined): string {
  const head = `## HIPAA safeguards: ${checkRunTitle(report, verdict)}\n\n${notice ? `> ${notice}\n\n` : ''}`;
  return fitRendering((budget) => head + renderMarkdown(report, { maxLength: Math.max(1, budget - head.length) }), GITHUB_LIMITS.jobSummary);
}

/**
 * The change from the checkout when its commits are there or can be fetched, else through the
 * API. Files the API could not list are errors in the report; a config edit is reported.
 */
async function scanChange(
  context: RunContext,
  octokit: GitHubClient,
  { base, head }: { base: string | undefined; head: string | undefined },
  loaded: LoadedConfig,
  options: PublishOptions,
  port: ActionPort,
): Promise<Report> {
  let changeSet = await checkoutChangeSet(context.workspace, { ...(base ? { base } : {}), ...(head ? { head } : {}), from: context.diffFrom }, port.info);
  let notChecked: Report['errors'] = [];
  if (!changeSet) {
    if (!base || !head)
      throw new Error(`commit ${head ?? base ?? 'HEAD'} is not in the checkout and could not be fetched; use actions/checkout with fetch-depth: 0`);
    port.info(
      `base ${base.slice(0, 12)} or head ${head.slice(0, 12)} is not in the checkout and could not be fetched: reading the change through the compare API`,
    );
    const fromApi = await loadChangeSet(
      octokit,
      { owner: context.owner, repo: context.repo },
      { base, head, ...(context.pullNumber ? { pullNumber: context.pullNumber } : {}) },
    );
    port.info(
      `${fromApi.changed.length} changed files, listed by the ${fromApi.listedBy} API${fromApi.notChecked.length ? '; some could not be listed (see the summary)' : ''}`,
    );
    changeSet = fromApi;
    notChecked = fromApi.notChecked;
  }
  const scanned = await scanChanges(changeSet, loaded.config, { now: options.now(), root: `${context.owner}/${context.repo}`, configPath: loaded.path });
  return withConfigEdit({ ...scanned, errors: [...scanned.errors, ...notChecked] }, changeSet, loaded.path);
}

/**
 * The config as of the base commit when diffing (a pull request cannot switch its own checks
 * off, nor add a config that does), else the checkout's. No file: the defaults, said in the log.
 */
export async function loadConfig(
  path: string,
  context: RunContext,
  base: string | undefined,
  octokit: GitHubClient,
  port: Pick<ActionPort, 'info'>,
): Promise<LoadedConfig> {
  let text: string | undefined;
  if (base) {
    const local = await hasCommit(context.workspace, base);
    const source = local ? new GitRefSource(context.workspace, base) : apiFileSource(octokit, { owner: context.owner, repo: context.repo }, base);
    text = await source.read(path);
    if (text !== undefined) port.info(`config: ${path} as of the base commit ${base.slice(0, 12)}${local ? '' : ' (through the API)'}`);
    else {
      // The checkout holds the change under review: its config must not decide how it is judged.
      port.info(
        `config: no ${path} at the base commit ${base.slice(0, 12)}; using the defaults (profile hipaa, fail-on high, no endpoints) until a config is merged`,
      );
      return { config: defaultConfig(), path };
    }
  }
  if (text === undefined) {
    text = await readFile(resolve(context.workspace, path), 'utf8').catch(() => undefined);
    if (text !== undefined) port.info(`config: ${path} from the checkout`);
  }
  if (text === undefined) {
    port.info(`config: no ${path}; using the defaults (profile hipaa, fail-on high, no endpoints)`);
    return { config: defaultConfig(), path };
  }
  return { config: parseConfig(text, path), path };
}

async function probeEndpoints(config: Config, settings: ActionSettings, context: RunContext, options: PublishOptions, port: ActionPort): Promise<Report> {
  const endpoints = shareOf(config.endpoints, settings.shard);
  port.info(
    `probing ${endpoints.length} of ${config.endpoints.length} endpoints${settings.shard ? ` (shard ${settings.shard.index}/${settings.shard.count})` : ''}`,
  );
  return checkEndpoints({
    endpoints,
    profile: config.profile,
    engine: config.engine,
    ...(config['engine-path'] ? { enginePath: config['engine-path'] } : {}),
    timeoutMs: config.probe.timeout,
    concurrency: config.probe.concurrency,
    readFile: (path) => readFile(resolve(context.workspace, path), 'utf8'),
    now: options.now,
    // The workflow's own config chooses the engine; an external one must be on the runner.
    backends: allBackends,
  });
}

/** Workflow-command annotations: what shows on the PR when check runs cannot be created. */
function annotateFindings(report: Report, port: ActionPort): void {
  const annotations = annotationsOf(report);
  for (const annotation of annotations) {
    const properties = { title: annotation.title, file: annotation.path, startLine: annotation.start_line, endLine: annotation.end_line };
    if (annotation.annotation_level === 'failure') port.error(annotation.message, properties);
    else if (annotation.annotation_level === 'warning') port.warning(annotation.message, properties);
    else port.notice(annotation.message, properties);
  }
  if (annotations.length > 10)
    port.info(`${annotations.length} annotations written; GitHub shows the first 10 of each level per step, the job summary lists all`);
}

function annotateFailure(error: ConfigError, port: ActionPort): void {
  for (const annotation of describeRunFailure(error).annotations) {
    port.error(annotation.message, { title: annotation.title, file: annotation.path, startLine: annotation.start_line });
  }
}

/** The SARIF file (for code scanning upload), the JSON report, and the step outputs. */
async function writeResults(sarif: string, report: Report, settings: ActionSettings, context: RunContext, port: ActionPort): Promise<void> {
  const sarifPath = isAbsolute(settings.sarifFile) ? settings.sarifFile : join(context.workspace, settings.sarifFile);
  await mkdir(dirname(sarifPath), { recursive: true });
  await writeFile(sarifPath, sarif);
  const jsonPath = join(context.tempDir, 'hipaa-guard-report.json');
  await writeFile(jsonPath, renderJson(report));
  port.setOutput('sarif-file', sarifPath);
  port.setOutput('report-json', jsonPath);
}

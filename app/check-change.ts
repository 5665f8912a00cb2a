/**
 * One check of a change (a pull request, or a re-requested check): config from the default
 * branch, the changed files through the API, the engine, the `HIPAA safeguards` check run.
 * The run this starts always ends `completed`, whatever the engine or GitHub throws.
 */
import type { ProbotOctokit } from 'probot';
import { ConfigError, DEFAULT_CONFIG_PATH, parseConfig } from '../checks/config/load-config.js';
import type { Config } from '../checks/config/schema.js';
import { loadChangeSet } from '../checks/github/api-source.js';
import { completeCheckRun, failCheckRun, startCheckRun, type PublishOptions } from '../checks/github/check-run.js';
import type { ErroredOutcome, Report } from '../checks/model/report.js';
import type { ChangeSet } from '../checks/model/source.js';
import type { scanChanges } from '../checks/scan.js';
import type { CheckTarget } from './events.js';
import { loadRepoConfig } from './repo-config.js';
import { safeErrorMessage } from '../checks/github/backoff.js';

/** The engine's entry point (checks/scan.ts), injected so tests can make it throw. */
export type ScanChanges = typeof scanChanges;

export interface CheckLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** The engine's scan, and the publisher's clock and sleep (secondary rate limits; tests don't wait). */
export interface CheckDependencies extends PublishOptions {
  scan: ScanChanges;
}

/** `forbidden`: the installation may not create check runs (permissions not yet accepted). */
export type CheckOutcome = 'skipped' | 'forbidden' | 'completed' | 'errored';

export async function checkChange(octokit: ProbotOctokit, target: CheckTarget, log: CheckLog, deps: CheckDependencies): Promise<CheckOutcome> {
  const fields = { repository: `${target.repository.owner}/${target.repository.repo}`, head: target.headSha, pull: target.pullNumber };
  let config: Config | undefined;
  // A config that does not load (bad YAML, schema errors, GitHub failing) is reported on the run.
  let configError: unknown;
  try {
    config = await loadRepoConfig(octokit, target.repository);
  } catch (error) {
    configError = error ?? new Error('the config could not be loaded');
  }
  if (!config && configError === undefined) {
    log.info(fields, 'no hipaa-guard config in the repository or its owner\'s .github repository: skipped');
    return 'skipped';
  }

  const started = await startCheckRun(octokit, { ...target.repository, headSha: target.headSha }, deps);
  if (started.kind === 'forbidden') {
    log.warn({ ...fields, status: started.status }, started.message);
    return 'forbidden';
  }
  const { run } = started;
  try {
    if (!config) throw configError;
    const { base, headSha: head, pullNumber } = target;
    const changes = await loadChangeSet(octokit, target.repository, { base, head, ...(pullNumber === undefined ? {} : { pullNumber }) });
    const report = await deps.scan(changes, config, { now: deps.now(), root: fields.repository, configPath: DEFAULT_CONFIG_PATH });
    const reported = { ...report, ...(await configEditOutcomes(changes, report)) };
    await completeCheckRun(octokit, run, reported, { failOn: config['fail-on'], blockExisting: config.infra['block-existing'] }, deps);
    log.info({ ...fields, findings: reported.findings.length, errors: reported.errors.length }, 'check completed');
    return 'completed';
  } catch (error) {
    log.warn({ ...fields, err: safeErrorMessage(error) }, 'check failed; completing the check run with the error');
    await failCheckRun(octokit, run, error, deps);
    return 'errored';
  }
}

/**
 * A pull request that edits the config is reported: the run used the default branch's config
 * (a PR cannot switch its own checks off), so the summary says so, and a broken edit is an
 * errored outcome on the exact line before it lands on the default branch.
 */
async function configEditOutcomes(changes: ChangeSet, report: Report): Promise<Pick<Report, 'errors' | 'notes'>> {
  const edit = changes.changed.find((file) => file.path === DEFAULT_CONFIG_PATH || file.previousPath === DEFAULT_CONFIG_PATH);
  if (!edit) return { errors: report.errors, notes: report.notes };
  if (edit.status === 'removed' || edit.path !== DEFAULT_CONFIG_PATH) {
    const note = `This pull request removes ${DEFAULT_CONFIG_PATH}: once merged, hipaa-guard stops checking this repository unless its owner's .github repository has a config.`;
    return { errors: report.errors, notes: [...report.notes, note] };
  }
  const note = `This pull request edits ${DEFAULT_CONFIG_PATH}: this run used the default branch's version; the edit applies once merged.`;
  const problems: ErroredOutcome[] = [];
  try {
    parseConfig((await changes.head.read(DEFAULT_CONFIG_PATH)) ?? '', DEFAULT_CONFIG_PATH);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) {
      problems.push({
        category: 'config',
        target: DEFAULT_CONFIG_PATH,
        message: `the edited config would not load: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`,
        location: { kind: 'file', path: DEFAULT_CONFIG_PATH, startLine: problem.line, endLine: problem.line },
      });
    }
  }
  return { errors: [...report.errors, ...problems], notes: [...report.notes, note] };
}

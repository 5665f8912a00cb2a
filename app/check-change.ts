/**
 * One check of a change (a pull request, or a re-requested check): config from the default
 * branch, the changed files through the API, the engine, the `HIPAA safeguards` check run.
 * The run this starts always ends `completed`, whatever the engine or GitHub throws.
 */
import type { ProbotOctokit } from 'probot';
import { DEFAULT_CONFIG_PATH } from '../checks/config/load-config.js';
import { withConfigEdit } from '../checks/config/policy.js';
import type { Config } from '../checks/config/schema.js';
import { loadChangeSet } from '../checks/github/api-source.js';
import { safeErrorMessage } from '../checks/github/http-error.js';
import { completeCheckRun, failCheckRun, startCheckRun, type PublishOptions } from '../checks/github/check-run.js';
import type { scanChanges } from '../checks/scan.js';
import type { CheckTarget } from './events.js';
import { loadRepoConfig } from './repo-config.js';

/** The engine's entry point (checks/scan.ts), injected so tests can make it throw. */
export type ScanChanges = typeof scanChanges;

export interface CheckLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** The engine's scan, the publisher's clock and sleep, and the app's own id (its check runs only). */
export interface CheckDependencies extends PublishOptions {
  scan: ScanChanges;
  appId?: number;
}

/**
 * `forbidden`: the installation may not create check runs (permissions not yet accepted).
 * `superseded`: a delivery that raced this one reports on its newer run; ours was cancelled.
 */
export type CheckOutcome = 'skipped' | 'forbidden' | 'superseded' | 'completed' | 'errored';

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
    log.info(fields, "no hipaa-guard config in the repository or its owner's .github repository: skipped");
    return 'skipped';
  }

  const started = await startCheckRun(
    octokit,
    { ...target.repository, headSha: target.headSha, ...(deps.appId === undefined ? {} : { appId: deps.appId }) },
    deps,
  );
  if (started.kind === 'forbidden') {
    log.warn({ ...fields, status: started.status }, started.message);
    return 'forbidden';
  }
  if (started.kind === 'superseded') {
    log.info(
      { ...fields, run: started.run.id, kept: started.by },
      'another delivery created a newer check run on this commit at the same instant: it reports, this run was cancelled',
    );
    return 'superseded';
  }
  const { run } = started;
  try {
    if (!config) throw configError;
    const { base, headSha: head, pullNumber } = target;
    const changes = await loadChangeSet(octokit, target.repository, { base, head, ...(pullNumber === undefined ? {} : { pullNumber }) });
    const scanned = await deps.scan(changes, config, { now: deps.now(), root: fields.repository, configPath: DEFAULT_CONFIG_PATH });
    // Files GitHub would not list are errors (never a pass); a config edit is reported on its lines.
    const report = await withConfigEdit({ ...scanned, errors: [...scanned.errors, ...changes.notChecked] }, changes, DEFAULT_CONFIG_PATH);
    const completed = await completeCheckRun(octokit, run, report, { failOn: config['fail-on'], blockExisting: config.infra['block-existing'] }, deps);
    if (completed.supersededBy !== undefined) {
      log.info(
        { ...fields, run: run.id, kept: completed.supersededBy },
        "another delivery's newer check run on this commit reports the results; this run was cancelled",
      );
      return 'superseded';
    }
    if (completed.publishError)
      log.warn({ ...fields, err: completed.publishError }, 'GitHub refused the results; the check run was completed as a failure saying so');
    log.info({ ...fields, findings: report.findings.length, errors: report.errors.length, files: changes.listedBy }, 'check completed');
    return 'completed';
  } catch (error) {
    log.warn({ ...fields, err: safeErrorMessage(error) }, 'check failed; completing the check run with the error');
    await failCheckRun(octokit, run, error, deps);
    return 'errored';
  }
}

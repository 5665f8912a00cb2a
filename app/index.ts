/**
 * The Probot app function: wires webhook events, routes and the sweep schedule to the
 * handlers, and nothing else (probot/stale's shape). Everything it needs comes in `deps`.
 */
import type { ApplicationFunction, Context, Probot } from 'probot';
import type { Resolver } from '../checks/endpoint/address-guard.js';
import { httpStatus, safeErrorMessage } from '../checks/github/backoff.js';
import { CHECK_RUN_NAME } from '../checks/github/check-run-summary.js';
import { syncEndpointIssues } from '../checks/github/endpoint-issues.js';
import type { Report } from '../checks/model/report.js';
import { checkChange, type ScanChanges } from './check-change.js';
import { checkRunTarget, checkSuiteTarget, pullRequestTarget, type CheckTarget } from './events.js';
import { healthRoute, sweepRoute } from './routes.js';
import { scheduleJob, type Clock } from './scheduler.js';
import type { AppSettings } from './settings.js';
import { Sweeper, type ProbeRequest } from './sweep.js';

export type SweepSettings = Pick<AppSettings, 'sweepSecret' | 'sweepSchedule' | 'sweepJitterMs' | 'sweepBudgetMs' | 'maxEndpointsPerRepo' | 'allowNetworks'>;

export interface AppDependencies {
  /** `scanChanges` (checks/scan.ts). */
  scan: ScanChanges;
  /** Probes one repository's guarded endpoints (runProbes with a repository file reader). */
  probe(request: ProbeRequest): Promise<Report>;
  /** DNS for the address guard. */
  resolve: Resolver;
  clock: Clock;
  /** Waits out GitHub's secondary rate limits. */
  sleep: (milliseconds: number) => Promise<void>;
  settings: SweepSettings;
  /** Issues the sweep may create per repository; default 10. */
  maxIssuesCreated?: number;
}

const PULL_REQUEST_EVENTS = ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'] as const;

export function hipaaGuardApp(deps: AppDependencies): ApplicationFunction {
  return (app: Probot, { addHandler }) => {
    const publishing = { now: () => deps.clock.now(), sleep: deps.sleep };
    // Errors are logged as one line with the HTTP status: Probot's own error log would serialize
    // an Octokit error whole, response body included.
    const check = async (context: Context, target: () => CheckTarget | undefined) => {
      try {
        const resolved = target();
        if (resolved) await checkChange(context.octokit, resolved, context.log, { ...publishing, scan: deps.scan });
      } catch (error) {
        context.log.error({ event: context.name, delivery: context.id, status: httpStatus(error), err: safeErrorMessage(error) }, 'webhook not handled');
      }
    };
    app.on([...PULL_REQUEST_EVENTS], (context) => check(context, () => pullRequestTarget(context.payload)));
    app.on('check_suite.rerequested', (context) => check(context, () => checkSuiteTarget(context.payload)));
    app.on('check_run.rerequested', (context) => check(context, () => checkRunTarget(context.payload, CHECK_RUN_NAME)));

    const { settings } = deps;
    const sweeper = new Sweeper(app, {
      probe: (request) => deps.probe(request),
      publish: async (octokit, repository, report, scope) => {
        await syncEndpointIssues(octokit, repository, report, { ...publishing, maxCreated: deps.maxIssuesCreated ?? 10, ...scope });
      },
      resolve: deps.resolve,
      clock: deps.clock,
      allowNetworks: settings.allowNetworks,
      maxEndpointsPerRepo: settings.maxEndpointsPerRepo,
      budgetMs: settings.sweepBudgetMs,
      jitterMs: settings.sweepJitterMs,
    });
    const onSweepError = (error: unknown) => app.log.error({ status: httpStatus(error), err: safeErrorMessage(error) }, 'sweep failed');

    addHandler(healthRoute());
    addHandler(
      sweepRoute({
        secret: settings.sweepSecret,
        sweep: () => sweeper.run({ jitter: false }),
        isRunning: () => sweeper.isRunning,
        onError: onSweepError,
      }),
    );
    if (settings.sweepSchedule) {
      scheduleJob(settings.sweepSchedule, () => sweeper.run({ jitter: true }), deps.clock, onSweepError);
      app.log.info({ schedule: settings.sweepSchedule.expression }, 'nightly sweeps scheduled (UTC)');
    }
  };
}

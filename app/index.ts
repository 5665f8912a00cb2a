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
import { checkRunTarget, checkSuiteTarget, mergeGroupTarget, pullRequestTarget, pushedSuite, type CheckTarget } from './events.js';
import { healthRoute, sweepRoute } from './routes.js';
import { scheduleJob, type Clock } from './scheduler.js';
import type { AppSettings } from './settings.js';
import type { SharedSweeps, SweepSteps } from './shared-sweeps.js';
import { Sweeper, type ProbeRequest } from './sweep.js';

export type SweepSettings = Pick<AppSettings, 'sweepSecret' | 'sweepSchedule' | 'sweepJitterMs' | 'sweepBudgetMs' | 'maxEndpointsPerRepo' | 'allowNetworks'>;

export interface AppDependencies {
  /** `scanChanges` (checks/scan.ts). */
  scan: ScanChanges;
  /** Probes one repository's guarded endpoints (checkEndpoints with a repository file reader). */
  probe(request: ProbeRequest): Promise<Report>;
  /** DNS for the address guard. */
  resolve: Resolver;
  clock: Clock;
  /** Waits out GitHub's secondary rate limits. */
  sleep: (milliseconds: number) => Promise<void>;
  settings: SweepSettings;
  /** Issues the sweep may create per repository; default 10. */
  maxIssuesCreated?: number;
  /** Issues one sweep may create over all installations and repositories; default 50. */
  maxIssuesPerSweep?: number;
  /** This app's id: its check runs are told apart from another app's of the same name. */
  appId?: number;
  /** Sweeps shared by the deployment's replicas through Redis, built on this replica's sweep steps; absent: in process. */
  sharedSweeps?: (steps: SweepSteps) => SharedSweeps;
}

const PULL_REQUEST_EVENTS = ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'] as const;

export function hipaaGuardApp(deps: AppDependencies): ApplicationFunction {
  return (app: Probot, { addHandler }) => {
    const publishing = { now: () => deps.clock.now(), sleep: deps.sleep };
    const checking = { ...publishing, scan: deps.scan, ...(deps.appId === undefined ? {} : { appId: deps.appId }) };
    // Deliveries for a commit being checked (pull_request.opened and check_suite.requested arrive
    // together) join the check under way: one check run per head commit.
    const inFlight = new Map<string, Promise<void>>();
    // Errors are logged as one line with the HTTP status: Probot's own error log would serialize
    // an Octokit error whole, response body included.
    const check = async (context: Context, target: () => Promise<CheckTarget | undefined> | CheckTarget | undefined) => {
      try {
        const resolved = await target();
        if (!resolved) return;
        const key = `${resolved.repository.owner}/${resolved.repository.repo}@${resolved.headSha}`;
        const running = inFlight.get(key);
        if (running) {
          context.log.info({ event: context.name, delivery: context.id, head: resolved.headSha }, 'a check of this commit is under way: joined it');
          return await running;
        }
        const work = checkChange(context.octokit, resolved, context.log, checking).then(() => undefined);
        inFlight.set(key, work);
        await work.finally(() => inFlight.delete(key));
      } catch (error) {
        context.log.error({ event: context.name, delivery: context.id, status: httpStatus(error), err: safeErrorMessage(error) }, 'webhook not handled');
      }
    };
    app.on([...PULL_REQUEST_EVENTS], (context) => check(context, () => pullRequestTarget(context.payload)));
    app.on('check_suite.rerequested', (context) => check(context, () => checkSuiteTarget(context.payload)));
    app.on('check_run.rerequested', (context) => check(context, () => checkRunTarget(context.payload, CHECK_RUN_NAME)));
    app.on('merge_group.checks_requested', (context) => check(context, () => mergeGroupTarget(context.payload)));
    // A push straight to a protected branch (or the default branch) has no pull request to check it.
    app.on('check_suite.requested', (context) =>
      check(context, async () => {
        const suite = pushedSuite(context.payload);
        if (!suite) return undefined;
        if (suite.isDefaultBranch) return suite.target;
        const { data: branch } = await context.octokit.rest.repos.getBranch({ ...suite.target.repository, branch: suite.branch });
        return branch.protected ? suite.target : undefined;
      }),
    );

    const { settings } = deps;
    // Issue creation is capped per repository and, in process, over the whole sweep (each sweep
    // resets it). Shared through Redis, replicas sweep repositories apart: the per-repository cap holds.
    let issuesLeft = deps.sharedSweeps ? Number.POSITIVE_INFINITY : 0;
    const sweeper = new Sweeper(app, {
      probe: (request) => deps.probe(request),
      publish: async (octokit, repository, report, scope) => {
        const maxCreated = Math.min(deps.maxIssuesCreated ?? 10, issuesLeft);
        const outcomes = await syncEndpointIssues(octokit, repository, report, { ...publishing, maxCreated, ...scope });
        issuesLeft -= outcomes.filter((outcome) => outcome.action === 'created' || outcome.action === 'duplicate-closed').length;
      },
      resolve: deps.resolve,
      clock: deps.clock,
      allowNetworks: settings.allowNetworks,
      maxEndpointsPerRepo: settings.maxEndpointsPerRepo,
      budgetMs: settings.sweepBudgetMs,
      jitterMs: settings.sweepJitterMs,
    });
    const sweep = (jitter: boolean) => {
      if (!sweeper.isRunning) issuesLeft = Math.max(0, deps.maxIssuesPerSweep ?? 50);
      return sweeper.run({ jitter });
    };
    const onSweepError = (error: unknown) => app.log.error({ status: httpStatus(error), err: safeErrorMessage(error) }, 'sweep failed');

    const shared = deps.sharedSweeps?.(sweeper);
    if (shared) {
      shared.start().catch(onSweepError);
      addHandler(healthRoute(() => shared.health()));
      addHandler(sweepRoute({ secret: settings.sweepSecret, sweep: () => shared.sweep(), isRunning: () => shared.isRunning(), onError: onSweepError }));
      return;
    }
    addHandler(healthRoute());
    addHandler(
      sweepRoute({
        secret: settings.sweepSecret,
        sweep: () => sweep(false),
        isRunning: () => sweeper.isRunning,
        onError: onSweepError,
      }),
    );
    if (settings.sweepSchedule) {
      scheduleJob(settings.sweepSchedule, () => sweep(true), deps.clock, onSweepError);
      app.log.info({ schedule: settings.sweepSchedule.expression }, 'nightly sweeps scheduled (UTC)');
    }
  };
}

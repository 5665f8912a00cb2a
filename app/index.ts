/**
 * The Probot app function: wires webhook events, routes and the sweep schedule to the
 * handlers, and nothing else (probot/stale's shape). Everything it needs comes in `deps`.
 */
import type { ApplicationFunction, Context, Probot } from 'probot';
import type { Resolver } from '../checks/endpoint/address-guard.js';
import { httpStatus, safeErrorMessage } from '../checks/github/http-error.js';
import { CHECK_RUN_NAME } from '../checks/github/check-run-summary.js';
import { issueBudget, syncEndpointIssues, type IssueBudget } from '../checks/github/endpoint-issues.js';
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
  settings: SweepSettings;
  /** Issues the sweep may create per repository; default 10. */
  maxIssuesCreated?: number;
  /** Issues one sweep may create over all installations and repositories; default 50. */
  maxIssuesPerSweep?: number;
  /** This app's id: its check runs are told apart from another app's of the same name. */
  appId?: number;
  /** How long a replica holds a commit's check in Redis when it dies before releasing it; default 15 minutes. */
  checkHoldMs?: number;
  /** Sweeps shared by the deployment's replicas through Redis, built on this replica's sweep steps; absent: in process. */
  sharedSweeps?: (steps: SweepSteps) => SharedSweeps;
}

const CHECK_HOLD_MS = 15 * 60_000;

const PULL_REQUEST_EVENTS = ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'] as const;

export function hipaaGuardApp(deps: AppDependencies): ApplicationFunction {
  return (app: Probot, { addHandler }) => {
    const publishing = { now: () => deps.clock.now() };
    const checking = { ...publishing, scan: deps.scan, ...(deps.appId === undefined ? {} : { appId: deps.appId }) };
    // Deliveries for a commit being checked (pull_request.opened and check_suite.requested arrive
    // together) join the check under way: one check run per head commit.
    const inFlight = new Map<string, Promise<void>>();
    // Replicas sharing Redis arbitrate a commit's check before creating its run: one holds it
    // until the check is done (or its hold expires, if it dies), the others leave it to that one.
    // Without Redis, or when Redis fails, the check runs: startCheckRun's re-list still keeps one run reporting.
    const holdAcrossReplicas = async (key: string, context: Context, work: () => Promise<void>): Promise<void> => {
      // Called on a delivery, after `sharedSweeps` below is set.
      if (!sharedSweeps) return work();
      const release = await sharedSweeps.hold(`check:${key}`, deps.checkHoldMs ?? CHECK_HOLD_MS).catch((error: unknown) => {
        context.log.warn(
          { event: context.name, delivery: context.id, err: safeErrorMessage(error) },
          'could not reach Redis to hold the check; checking anyway',
        );
        return () => Promise.resolve();
      });
      if (!release) {
        context.log.info({ event: context.name, delivery: context.id, check: key }, 'another replica is checking this commit: left to it');
        return;
      }
      try {
        await work();
      } finally {
        await release().catch(() => undefined);
      }
    };
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
        const work = holdAcrossReplicas(`${key}:${CHECK_RUN_NAME}`, context, async () => {
          await checkChange(context.octokit, resolved, context.log, checking);
        });
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
    // Issue creation is capped per repository and over the whole sweep: in process, or shared by
    // the replicas through one Redis counter per sweep.
    let local: { started: number; budget: IssueBudget } | undefined;
    const maxPerSweep = deps.maxIssuesPerSweep ?? 50;
    const sweepBudget = (started: Date): IssueBudget => {
      // Called when a sweep publishes, long after `sharedSweeps` below is set.
      if (sharedSweeps) return sharedSweeps.issueBudget(started, maxPerSweep);
      if (local?.started !== started.getTime()) local = { started: started.getTime(), budget: issueBudget(maxPerSweep) };
      return local.budget;
    };
    const sweeper = new Sweeper(app, {
      probe: (request) => deps.probe(request),
      publish: async (octokit, repository, report, scope, started) => {
        await syncEndpointIssues(octokit, repository, report, {
          ...publishing,
          maxCreated: deps.maxIssuesCreated ?? 10,
          budget: sweepBudget(started),
          ...scope,
        });
      },
      resolve: deps.resolve,
      clock: deps.clock,
      allowNetworks: settings.allowNetworks,
      maxEndpointsPerRepo: settings.maxEndpointsPerRepo,
      budgetMs: settings.sweepBudgetMs,
      jitterMs: settings.sweepJitterMs,
    });
    const sweep = (jitter: boolean) => sweeper.run({ jitter });
    const onSweepError = (error: unknown) => app.log.error({ status: httpStatus(error), err: safeErrorMessage(error) }, 'sweep failed');

    const sharedSweeps = deps.sharedSweeps?.(sweeper);
    if (sharedSweeps) {
      sharedSweeps.start().catch(onSweepError);
      addHandler(healthRoute(() => sharedSweeps.health()));
      addHandler(
        sweepRoute({ secret: settings.sweepSecret, sweep: () => sharedSweeps.sweep(), isRunning: () => sharedSweeps.isRunning(), onError: onSweepError }),
      );
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

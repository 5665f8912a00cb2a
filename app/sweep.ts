/**
 * The nightly sweep: every installation → every repository whose own config lists endpoints →
 * guard the addresses → probe → the shared issue lifecycle. No state of its own: what is open
 * lives in GitHub issues, so a restart loses nothing.
 */
import type { ProbotOctokit } from 'probot';
import { ConfigError, DEFAULT_CONFIG_PATH } from '../checks/config/load-config.js';
import type { IssueScope } from '../checks/github/endpoint-issues.js';
import type { Config } from '../checks/config/schema.js';
import { guardEndpoints, type Resolver } from '../checks/endpoint/address-guard.js';
import { emptyReport, mergeReports, type ErroredOutcome, type Report } from '../checks/model/report.js';
import { TOOL } from '../checks/version.js';
import { loadRepoConfig, type RepositoryName } from './repo-config.js';
import { jitterOf, type Clock } from './scheduler.js';
import { safeErrorMessage } from '../checks/github/http-error.js';

/** What probing one repository's endpoints needs; `config.endpoints` are already guarded and pinned. */
export interface ProbeRequest {
  octokit: ProbotOctokit;
  repository: RepositoryName;
  /** The default branch, where `ca` files are read. */
  ref: string;
  config: Config;
  now: Date;
}

export interface SweepDependencies {
  /** Probes the endpoints of `config` (checkEndpoints with a repository file reader). */
  probe(request: ProbeRequest): Promise<Report>;
  /**
   * Opens, updates, closes or reopens the repository's endpoint issues from the report, from
   * `issueOn` up; `sweepStarted` names the sweep, whose cap on issues created it counts against.
   */
  publish(octokit: ProbotOctokit, repository: RepositoryName, report: Report, scope: IssueScope, sweepStarted: Date): Promise<void>;
  resolve: Resolver;
  clock: Clock;
  allowNetworks: readonly string[];
  maxEndpointsPerRepo: number;
  /** Probing stops once the sweep has run this long; repositories not reached are listed. */
  budgetMs: number;
  /** Scheduled sweeps spread installations over this window; 0 for none. */
  jitterMs: number;
}

/** Only what the sweep uses of a Probot app: authentication and a logger. */
export interface SweepApp {
  auth(installationId?: number): Promise<ProbotOctokit>;
  log: { info(fields: object, message: string): void; warn(fields: object, message: string): void };
}

export interface RepositorySweep {
  repository: string;
  status: 'probed' | 'no-endpoints' | 'no-config' | 'config-error' | 'over-budget' | 'failed';
  /** Endpoints probed. */
  endpoints: number;
  /** Endpoints not probed: refused by the address guard, unresolvable, or over the per-repository cap. */
  refused: number;
  findings: number;
  /** One line for a status other than `probed`; never a response body. */
  detail?: string;
}

export interface SweepSummary {
  startedAt: string;
  finishedAt: string;
  installations: number;
  repositories: RepositorySweep[];
}

/** A repository to sweep: its name and the default branch where its config and `ca` files are read. */
export interface SweptRepository extends RepositoryName {
  ref: string;
}

export type SweepOutcome = { status: 'completed'; summary: SweepSummary } | { status: 'already-running' };

/** A repository the sweep did not probe, and why. */
function notProbed(repository: string, status: Exclude<RepositorySweep['status'], 'probed'>, detail?: string): RepositorySweep {
  return { repository, status, endpoints: 0, refused: 0, findings: 0, ...(detail === undefined ? {} : { detail }) };
}

/** Runs sweeps one at a time: a sweep asked for while one runs is skipped, not queued. */
export class Sweeper {
  private running: Promise<SweepSummary> | undefined;

  constructor(
    private readonly app: SweepApp,
    private readonly deps: SweepDependencies,
  ) {}

  auth(installationId: number): Promise<ProbotOctokit> {
    return this.app.auth(installationId);
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** `jitter`: spread installations over the window (scheduled runs); a manual run starts at once. */
  async run(options: { jitter: boolean }): Promise<SweepOutcome> {
    if (this.running) {
      this.app.log.info({}, 'sweep skipped: one is already running');
      return { status: 'already-running' };
    }
    this.running = this.sweepAll(options.jitter);
    try {
      return { status: 'completed', summary: await this.running };
    } finally {
      this.running = undefined;
    }
  }

  private async sweepAll(jitter: boolean): Promise<SweepSummary> {
    const started = this.deps.clock.now();
    const installations = await this.installations(jitter);
    const repositories: RepositorySweep[] = [];
    for (const installation of installations) {
      await this.waitUntil(started.getTime() + installation.delay);
      repositories.push(...(await this.sweepInstallation(installation.id, started)));
    }
    return this.summarize(started, installations.length, repositories);
  }

  /** Every installation, with the delay after the sweep's start at which it begins (its jitter slot), in that order. */
  async installations(jitter: boolean): Promise<{ id: number; delay: number }[]> {
    const appOctokit = await this.app.auth();
    const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
    return installations
      .map((installation) => ({ id: installation.id, delay: jitter ? jitterOf(installation.id, this.deps.jitterMs) : 0 }))
      .sort((a, b) => a.delay - b.delay || a.id - b.id);
  }

  summarize(started: Date, installations: number, repositories: RepositorySweep[]): SweepSummary {
    const summary = { startedAt: started.toISOString(), finishedAt: this.deps.clock.now().toISOString(), installations, repositories };
    this.app.log.info({ installations, repositories: repositories.length }, 'sweep finished');
    return summary;
  }

  private waitUntil(time: number): Promise<void> {
    const wait = time - this.deps.clock.now().getTime();
    if (wait <= 0) return Promise.resolve();
    return new Promise((resolve) => this.deps.clock.setTimeout(resolve, wait));
  }

  private async sweepInstallation(installationId: number, started: Date): Promise<RepositorySweep[]> {
    const listed = await this.repositoriesOf(installationId);
    if ('failed' in listed) return [listed.failed];
    const results: RepositorySweep[] = [];
    for (const repository of listed.repositories) results.push(await this.sweepOne(listed.octokit, repository, started));
    return results;
  }

  /** The installation's repositories worth sweeping (not archived or disabled), or why they could not be listed. */
  async repositoriesOf(installationId: number): Promise<{ octokit: ProbotOctokit; repositories: SweptRepository[] } | { failed: RepositorySweep }> {
    try {
      const octokit = await this.app.auth(installationId);
      const listed = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
      const repositories = listed
        .filter((repo) => !repo.archived && !repo.disabled)
        .map((repo) => ({ owner: repo.owner.login, repo: repo.name, ref: repo.default_branch ?? 'HEAD' }));
      return { octokit, repositories };
    } catch (error) {
      this.app.log.warn({ installationId, err: safeErrorMessage(error) }, 'sweep: could not list repositories');
      return { failed: notProbed(`installation ${installationId}`, 'failed', safeErrorMessage(error)) };
    }
  }

  /** Sweeps one repository of a sweep that started at `started`; a failure is its status, never a throw. */
  async sweepOne(octokit: ProbotOctokit, repository: SweptRepository, started: Date): Promise<RepositorySweep> {
    const label = `${repository.owner}/${repository.repo}`;
    if (this.deps.clock.now().getTime() - started.getTime() >= this.deps.budgetMs) {
      return notProbed(label, 'over-budget', 'the sweep ran out of probe time before this repository');
    }
    try {
      return await this.sweepRepository(octokit, { owner: repository.owner, repo: repository.repo }, repository.ref, started);
    } catch (error) {
      this.app.log.warn({ repository: label, err: safeErrorMessage(error) }, 'sweep: repository failed');
      return notProbed(label, 'failed', safeErrorMessage(error));
    }
  }

  private async sweepRepository(octokit: ProbotOctokit, repository: RepositoryName, ref: string, started: Date): Promise<RepositorySweep> {
    const label = `${repository.owner}/${repository.repo}`;
    let config: Config | undefined;
    try {
      config = await loadRepoConfig(octokit, repository);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // The owner must see it: a problem issue naming the file and line, closed once it loads again.
      await this.deps.publish(octokit, repository, configProblemReport(error, this.deps.clock.now()), {}, started);
      return notProbed(label, 'config-error', error.message);
    }
    if (!config) return notProbed(label, 'no-config');
    if (config.endpoints.length === 0) return notProbed(label, 'no-endpoints');

    const now = this.deps.clock.now();
    const capped = config.endpoints.slice(0, this.deps.maxEndpointsPerRepo);
    const overCap = config.endpoints.slice(this.deps.maxEndpointsPerRepo).map((endpoint): ErroredOutcome => ({
      category: 'config',
      target: endpoint.url,
      message: `not probed: ${label} lists ${config.endpoints.length} endpoints and this app probes at most ${this.deps.maxEndpointsPerRepo} per repository`,
      location: { kind: 'endpoint', url: endpoint.url },
    }));
    const guarded = await guardEndpoints(capped, { resolve: this.deps.resolve, allow: this.deps.allowNetworks });
    const remainingMs = this.deps.budgetMs - (now.getTime() - started.getTime());
    const probeConfig: Config = {
      ...config,
      endpoints: guarded.endpoints,
      probe: { ...config.probe, timeout: Math.max(100, Math.min(config.probe.timeout, remainingMs)) },
    };
    const probed =
      guarded.endpoints.length > 0 ? await this.deps.probe({ octokit, repository, ref, config: probeConfig, now }) : emptyReport(TOOL, now.toISOString());
    const report = withErrors(probed, [...guarded.refused, ...overCap]);
    await this.deps.publish(octokit, repository, report, { issueOn: config['issue-on'] ?? config['fail-on'], loadedConfig: DEFAULT_CONFIG_PATH }, started);
    this.app.log.info(
      { repository: label, endpoints: guarded.endpoints.length, refused: guarded.refused.length, findings: report.findings.length },
      'sweep: repository probed',
    );
    return {
      repository: label,
      status: 'probed',
      endpoints: guarded.endpoints.length,
      refused: guarded.refused.length + overCap.length,
      findings: report.findings.length,
    };
  }
}

/** A config that would not load, as errored outcomes on its file and lines (one per problem). */
function configProblemReport(error: ConfigError, now: Date): Report {
  return {
    ...emptyReport(TOOL, now.toISOString()),
    errors: error.problems.map((problem) => ({
      category: 'config',
      target: error.file,
      message: `${error.file}:${problem.line}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}; the nightly sweep probes nothing of this repository until it loads`,
      location: { kind: 'file', path: error.file, startLine: problem.line, endLine: problem.line },
    })),
  };
}

function withErrors(report: Report, errors: ErroredOutcome[]): Report {
  if (errors.length === 0) return report;
  return mergeReports(report, { ...emptyReport(report.tool, report.startedAt), finishedAt: report.finishedAt, errors });
}

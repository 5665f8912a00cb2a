/**
 * Sweeps shared by every replica of the App through one BullMQ deployment on Redis
 * (`REDIS_URL`). Without it the App sweeps in process (app/index.ts), as it always did.
 *
 * One queue, three kinds of job, a flow of parents waiting for their children:
 * - `sweep`: lists the installations and adds one `installation` job each (delayed by the
 *   installation's jitter slot on scheduled sweeps), waits for them, and completes with the
 *   summary. Scheduled sweeps come from one job scheduler for the whole deployment; a manual
 *   sweep is de-duplicated, so a second request while one runs is "already running".
 * - `installation`: lists the repositories and adds one `repository` job each, then waits.
 * - `repository`: sweeps one repository (config, address guard, probe, issues).
 * Any replica takes any job, `concurrency` at a time. A replica that dies holding a job loses
 * its lock; BullMQ's stalled-job check hands the job to another replica. A repository that
 * keeps failing is retried with backoff, then ends in the failed set with its reason, and the
 * sweep goes on without it (and lists it as failed).
 */
import { randomUUID } from 'node:crypto';
import { DelayedError, Queue, QueueEvents, WaitingChildrenError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { ProbotOctokit } from 'probot';
import type { IssueBudget } from '../checks/github/endpoint-issues.js';
import { safeErrorMessage } from '../checks/github/http-error.js';
import type { RepositorySweep, SweepOutcome, SweepSummary, SweptRepository } from './sweep.js';

export const QUEUE_NAME = 'hipaa-guard-sweeps';
/** The de-duplication id of manual sweeps: one at a time across the deployment. */
const MANUAL_SWEEP = 'manual-sweep';
/** How long a sweep's issue counter outlives its last use. */
const ISSUE_COUNTER_TTL_MS = 2 * 24 * 3_600_000;
/** Deletes a hold only for the token that took it (a hold that expired may be someone else's now). */
const RELEASE_IF_HELD = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
/** The job scheduler of the nightly sweep: one for the deployment, whichever replica wrote it last. */
const NIGHTLY = 'nightly-sweep';

/** The steps of a sweep (app/sweep.ts `Sweeper`). */
export interface SweepSteps {
  installations(jitter: boolean): Promise<{ id: number; delay: number }[]>;
  repositoriesOf(installationId: number): Promise<{ octokit: ProbotOctokit; repositories: SweptRepository[] } | { failed: RepositorySweep }>;
  sweepOne(octokit: ProbotOctokit, repository: SweptRepository, started: Date): Promise<RepositorySweep>;
  summarize(started: Date, installations: number, repositories: RepositorySweep[]): SweepSummary;
  auth(installationId: number): Promise<ProbotOctokit>;
}

export interface SharedSweepsOptions {
  /** `redis://host:port` (or `rediss://`). */
  redisUrl: string;
  steps: SweepSteps;
  now: () => Date;
  /** Jobs one replica runs at once. */
  concurrency: number;
  /** Repositories swept per installation per hour, at most: keeps each installation under GitHub's API limit. */
  repositoriesPerHour: number;
  /** A cron expression (UTC) for the nightly sweep; absent: no schedule (and a stale one is removed). */
  schedule?: string;
  /** Attempts of a repository job before it ends in the failed set. */
  attempts?: number;
  /** The first retry's delay; each next one doubles it. */
  retryDelayMs?: number;
  /** How long a replica's hold on a job lasts without renewal (a dead replica's jobs move after it). */
  lockDurationMs?: number;
  log: { info(fields: object, message: string): void; warn(fields: object, message: string): void; error(fields: object, message: string): void };
}

type SweepJob = { kind: 'sweep'; jitter: boolean; startedAt?: string; installations?: number };
type InstallationJob = { kind: 'installation'; installationId: number; startedAt: string; listed?: boolean };
type RepositoryJob = { kind: 'repository'; installationId: number; repository: SweptRepository; startedAt: string };
type JobData = SweepJob | InstallationJob | RepositoryJob;
type JobResult = SweepSummary | RepositorySweep[] | RepositorySweep;

export interface QueueHealth {
  queue: 'redis';
  connected: boolean;
}

export class SharedSweeps {
  private readonly queue: Queue<JobData, JobResult>;
  private readonly events: QueueEvents;
  /** Per-installation hourly counters. */
  private readonly counters: Redis;
  private worker: Worker<JobData, JobResult> | undefined;
  private connected = false;

  constructor(private readonly options: SharedSweepsOptions) {
    const connection = { url: options.redisUrl, maxRetriesPerRequest: null };
    this.queue = new Queue(QUEUE_NAME, { connection, defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 } });
    this.events = new QueueEvents(QUEUE_NAME, { connection });
    this.counters = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.queue.on('error', (error) => this.lost(error));
    this.events.on('error', (error) => this.lost(error));
    this.counters.on('error', (error) => this.lost(error));
    this.counters.on('ready', () => this.reconnected());
  }

  /** Connects, writes (or removes) the deployment's schedule and starts this replica's worker. */
  async start(): Promise<void> {
    await this.queue.waitUntilReady();
    this.connected = true;
    if (this.options.schedule) {
      await this.writeSchedule(this.options.schedule);
    } else {
      await this.queue.removeJobScheduler(NIGHTLY);
    }
    const lockDuration = this.options.lockDurationMs ?? 30_000;
    this.worker = new Worker<JobData, JobResult>(QUEUE_NAME, (job, token) => this.process(job, token), {
      connection: { url: this.options.redisUrl, maxRetriesPerRequest: null },
      concurrency: this.options.concurrency,
      lockDuration,
      stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
      maxStalledCount: 2,
    });
    this.worker.on('error', (error) => this.lost(error));
    this.worker.on('failed', (job, error) => {
      this.options.log.warn({ jobId: job?.id, job: job?.name, attempts: job?.attemptsMade, err: safeErrorMessage(error) }, 'sweep job failed');
    });
    await this.events.waitUntilReady();
    this.options.log.info({ queue: QUEUE_NAME, concurrency: this.options.concurrency, schedule: this.options.schedule ?? null }, 'sweeps shared through Redis');
  }

  /**
   * Every replica writes the same schedule at start; when two do it at once BullMQ refuses the
   * second ("job ID already exists"), which is fine when the schedule it finds is this one.
   */
  private async writeSchedule(pattern: string): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(NIGHTLY, { pattern, tz: 'UTC' }, { name: 'sweep', data: { kind: 'sweep', jitter: true } });
    } catch (error) {
      const written = await this.queue.getJobScheduler(NIGHTLY);
      if (written?.pattern !== pattern) throw error;
    }
  }

  health(): QueueHealth {
    return { queue: 'redis', connected: this.connected };
  }

  /** Whether a manual sweep is waiting or running anywhere in the deployment. */
  async isRunning(): Promise<boolean> {
    return (await this.queue.getDeduplicationJobId(MANUAL_SWEEP)) !== null;
  }

  /** Enqueues a manual sweep (one at a time across the deployment) and resolves with its summary. */
  async sweep(): Promise<SweepOutcome> {
    await this.events.waitUntilReady();
    if (await this.isRunning()) return { status: 'already-running' };
    const job = await this.queue.add('sweep', { kind: 'sweep', jitter: false }, { deduplication: { id: MANUAL_SWEEP } });
    this.options.log.info({ jobId: job.id }, 'sweep enqueued');
    const summary = (await job.waitUntilFinished(this.events)) as SweepSummary;
    return { status: 'completed', summary };
  }

  /**
   * The cap on issues one sweep creates, over every replica: one Redis counter per sweep (named
   * by its start), counted up by what is asked and back down by what the cap refuses, so no
   * two replicas are ever granted the same issue. It expires two days after the sweep's last take.
   */
  issueBudget(sweepStarted: Date, limit: number): IssueBudget {
    const key = `${QUEUE_NAME}:issues:${sweepStarted.toISOString()}`;
    return {
      take: async (wanted) => {
        if (wanted <= 0) return 0;
        const [[, used]] = (await this.counters.multi().incrby(key, wanted).pexpire(key, ISSUE_COUNTER_TTL_MS).exec()) as [[Error | null, number]];
        const refused = Math.min(wanted, Math.max(0, used - limit));
        if (refused > 0) await this.counters.decrby(key, refused);
        return wanted - refused;
      },
    };
  }

  /**
   * Holds `key` for this replica (SET NX PX with a token of its own) and returns its release,
   * or undefined when another replica holds it. A replica that dies holding it loses it after `ttlMs`;
   * the release deletes the key only while it still holds this replica's token.
   */
  async hold(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const name = `${QUEUE_NAME}:hold:${key}`;
    const token = randomUUID();
    if ((await this.counters.set(name, token, 'PX', ttlMs, 'NX')) !== 'OK') return undefined;
    return async () => {
      await this.counters.eval(RELEASE_IF_HELD, 1, name, token);
    };
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.events.close();
    await this.queue.close();
    this.counters.disconnect();
  }

  private reconnected(): void {
    if (!this.connected && this.worker) this.options.log.info({ queue: QUEUE_NAME }, 'connected to Redis again');
    this.connected = true;
  }

  private lost(error: Error): void {
    if (this.connected)
      this.options.log.error({ queue: QUEUE_NAME, err: error.message }, 'lost the connection to Redis; webhooks are still handled, sweeps wait for it');
    this.connected = false;
  }

  private async process(job: Job<JobData, JobResult>, token: string | undefined): Promise<JobResult> {
    const data = job.data;
    switch (data.kind) {
      case 'sweep':
        return this.processSweep(job as Job<SweepJob, JobResult>, data, token);
      case 'installation':
        return this.processInstallation(job as Job<InstallationJob, JobResult>, data, token);
      case 'repository':
        return this.processRepository(job, data, token);
    }
  }

  /** Fans out one job per installation, then (run again once they are all done) sums them up. */
  private async processSweep(job: Job<SweepJob, JobResult>, data: SweepJob, token: string | undefined): Promise<SweepSummary> {
    if (data.startedAt === undefined) {
      const startedAt = this.options.now().toISOString();
      const installations = await this.options.steps.installations(data.jitter);
      for (const installation of installations) {
        await this.queue.add(
          'installation',
          { kind: 'installation', installationId: installation.id, startedAt },
          {
            jobId: `${job.id}-installation|installation ${installation.id}`,
            delay: installation.delay,
            parent: parentOf(job),
            ignoreDependencyOnFailure: true,
          },
        );
      }
      await job.updateData({ ...data, startedAt, installations: installations.length });
      this.options.log.info({ jobId: job.id, installations: installations.length }, 'sweep fanned out');
      await waitForChildren(job, token);
      return this.processSweep(job, { ...data, startedAt, installations: installations.length }, token);
    }
    const repositories = (await childResults<RepositorySweep[]>(job)).flat();
    return this.options.steps.summarize(new Date(data.startedAt), data.installations ?? 0, [...repositories, ...(await failedChildren(job))]);
  }

  private async processInstallation(job: Job<InstallationJob, JobResult>, data: InstallationJob, token: string | undefined): Promise<RepositorySweep[]> {
    if (!data.listed) {
      const listed = await this.options.steps.repositoriesOf(data.installationId);
      if ('failed' in listed) return [listed.failed];
      for (const repository of listed.repositories) {
        await this.queue.add(
          'repository',
          { kind: 'repository', installationId: data.installationId, repository, startedAt: data.startedAt },
          {
            jobId: `${job.id}-repository|${repository.owner}/${repository.repo}`,
            parent: parentOf(job),
            ignoreDependencyOnFailure: true,
            attempts: this.options.attempts ?? 3,
            backoff: { type: 'exponential', delay: this.options.retryDelayMs ?? 5_000 },
          },
        );
      }
      await job.updateData({ ...data, listed: true });
      await waitForChildren(job, token);
    }
    return [...(await childResults<RepositorySweep>(job)), ...(await failedChildren(job))];
  }

  /** One repository; a `failed` outcome is thrown so BullMQ retries it with backoff, the last attempt's kept. */
  private async processRepository(job: Job<JobData, JobResult>, data: RepositoryJob, token: string | undefined): Promise<RepositorySweep> {
    if (!(await this.withinRate(data.installationId))) {
      await job.moveToDelayed(nextHour(this.options.now()), token);
      throw new DelayedError();
    }
    const octokit = await this.options.steps.auth(data.installationId);
    const result = await this.options.steps.sweepOne(octokit, data.repository, new Date(data.startedAt));
    this.options.log.info({ jobId: job.id, repository: result.repository, status: result.status }, 'sweep: repository done');
    if (result.status === 'failed' && job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw new Error(result.detail ?? 'failed');
    return result;
  }

  /** Counts this repository against its installation's hourly allowance (one Redis counter per installation and hour). */
  private async withinRate(installationId: number): Promise<boolean> {
    const hour = Math.floor(this.options.now().getTime() / 3_600_000);
    const key = `${QUEUE_NAME}:rate:${installationId}:${hour}`;
    const [[, count]] = (await this.counters.multi().incr(key).expire(key, 7_200).exec()) as [[Error | null, number]];
    return count <= this.options.repositoriesPerHour;
  }
}

function parentOf(job: Job<JobData, JobResult>): { id: string; queue: string } {
  return { id: job.id ?? '', queue: job.queueQualifiedName };
}

/** Parks the job until its children are done; returns when there is nothing to wait for. */
async function waitForChildren(job: Job<JobData, JobResult>, token: string | undefined): Promise<void> {
  if (token !== undefined && (await job.moveToWaitingChildren(token))) throw new WaitingChildrenError();
}

async function childResults<T>(job: Job<JobData, JobResult>): Promise<T[]> {
  return Object.values(await job.getChildrenValues<T>());
}

/** Repositories (and installations) whose jobs ended in the failed set, with the reason. */
async function failedChildren(job: Job<JobData, JobResult>): Promise<RepositorySweep[]> {
  const failures = await job.getIgnoredChildrenFailures();
  return Object.entries(failures).map(([key, reason]) => ({
    repository: key.slice(key.lastIndexOf('|') + 1),
    status: 'failed' as const,
    endpoints: 0,
    refused: 0,
    findings: 0,
    detail: reason,
  }));
}

function nextHour(now: Date): number {
  return (Math.floor(now.getTime() / 3_600_000) + 1) * 3_600_000;
}

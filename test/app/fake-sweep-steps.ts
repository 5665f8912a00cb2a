/**
 * Sweep steps without GitHub, for the shared-queue tests: `installations` × `repositories` fake
 * repositories; sweeping one waits `holdMs` (a probe) and records which replica swept it in Redis,
 * so tests in other processes see who did what.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { ProbotOctokit } from 'probot';
import type { SweepSteps } from '../../app/shared-sweeps.js';
import type { RepositorySweep, SweepSummary } from '../../app/sweep.js';

export interface FakeStepsOptions {
  replica: string;
  redisUrl: string;
  installations: number;
  repositories: number;
  holdMs: number;
  /** Repositories (`owner/repo`) whose sweep always fails. */
  failing?: readonly string[];
}

/** What the fake steps record, read back by the tests. */
export const SWEPT_KEY = 'test:swept';
export const FANOUT_KEY = 'test:fanouts';
export const ATTEMPTS_KEY = 'test:attempts';
/** `replica owner/repo` of the repositories being swept right now (added before the hold, removed after). */
export const HOLDING_KEY = 'test:holding';

export function fakeSweepSteps(options: FakeStepsOptions): SweepSteps & { close(): void } {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  // A test that stops Redis on purpose: reconnecting is ioredis's job, nothing to report.
  redis.on('error', () => undefined);
  const octokit = {} as ProbotOctokit;
  return {
    installations: async () => {
      await redis.rpush(FANOUT_KEY, `${options.replica} ${Date.now()}`);
      return Array.from({ length: options.installations }, (_, index) => ({ id: index + 1, delay: 0 }));
    },
    repositoriesOf: (installationId) =>
      Promise.resolve({
        octokit,
        repositories: Array.from({ length: options.repositories }, (_, index) => ({ owner: `org${installationId}`, repo: `repo${index + 1}`, ref: 'main' })),
      }),
    auth: () => Promise.resolve(octokit),
    sweepOne: async (_octokit, repository): Promise<RepositorySweep> => {
      const label = `${repository.owner}/${repository.repo}`;
      await redis.rpush(ATTEMPTS_KEY, label);
      await redis.sadd(HOLDING_KEY, `${options.replica} ${label}`);
      await sleep(options.holdMs);
      await redis.srem(HOLDING_KEY, `${options.replica} ${label}`);
      if (options.failing?.includes(label))
        return { repository: label, status: 'failed', endpoints: 0, refused: 0, findings: 0, detail: 'GitHub answered 502' };
      await redis.rpush(SWEPT_KEY, `${options.replica} ${label}`);
      return { repository: label, status: 'probed', endpoints: 1, refused: 0, findings: 0 };
    },
    summarize: (started, installations, repositories): SweepSummary => ({
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      installations,
      repositories,
    }),
    close: () => redis.disconnect(),
  };
}

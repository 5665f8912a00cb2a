import { createHash } from 'node:crypto';
import type { CronSchedule } from './cron.js';

/** The clock and timers, injected so tests drive time by hand. */
export interface Clock {
  now(): Date;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Node's timers overflow past 2^31-1 ms (about 24.8 days); longer waits re-arm. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export interface ScheduledJob {
  stop(): void;
}

/**
 * Calls `run` at every firing of `schedule`, in process. A run that throws is reported to
 * `onError` and the schedule goes on; the next firing is computed after each run, so a run
 * longer than the interval skips the firings it overlapped.
 */
export function scheduleJob(schedule: CronSchedule, run: () => Promise<unknown>, clock: Clock, onError: (error: unknown) => void): ScheduledJob {
  let handle: unknown;
  let stopped = false;
  const arm = (due: Date) => {
    const wait = Math.min(Math.max(due.getTime() - clock.now().getTime(), 0), LONGEST_TIMER_MS);
    handle = clock.setTimeout(() => void fire(due), wait);
  };
  const fire = async (due: Date) => {
    if (stopped) return;
    if (clock.now() < due) return arm(due);
    try {
      await run();
    } catch (error) {
      onError(error);
    }
    if (!stopped) arm(schedule.next(clock.now()));
  };
  arm(schedule.next(clock.now()));
  return {
    stop() {
      stopped = true;
      clock.clearTimeout(handle);
    },
  };
}

/**
 * A stable delay in [0, windowMs) for one installation, so a fleet of installations does not
 * hit GitHub (and the probed hosts) in the same second, and each keeps its slot across restarts.
 */
export function jitterOf(installationId: number, windowMs: number): number {
  if (windowMs <= 0) return 0;
  const digest = createHash('sha256').update(String(installationId)).digest();
  return digest.readUInt32BE(0) % windowMs;
}

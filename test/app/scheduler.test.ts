import { describe, expect, it } from 'vitest';
import { parseCron } from '../../app/cron.js';
import { jitterOf, scheduleJob } from '../../app/scheduler.js';
import { FakeClock } from './fake-clock.js';

describe('scheduleJob', () => {
  it('Given a nightly schedule, when two nights pass, then the job ran at each firing', async () => {
    const clock = new FakeClock('2026-11-23T20:00:00Z');
    const runs: string[] = [];
    const job = scheduleJob(
      parseCron('0 3 * * *'),
      () => Promise.resolve(runs.push(clock.now().toISOString())),
      clock,
      () => undefined,
    );

    await clock.advanceTo('2026-11-25T12:00:00Z');

    expect(runs).toEqual(['2026-11-24T03:00:00.000Z', '2026-11-25T03:00:00.000Z']);
    job.stop();
    expect(clock.pending()).toEqual([]);
  });

  it('Given a run that throws, when it fires, then the error is reported and the next firing is still armed', async () => {
    const clock = new FakeClock('2026-11-23T20:00:00Z');
    const errors: unknown[] = [];
    scheduleJob(
      parseCron('0 3 * * *'),
      () => Promise.reject(new Error('GitHub is down')),
      clock,
      (error) => errors.push(error),
    );

    await clock.advanceTo('2026-11-24T04:00:00Z');

    expect(errors).toEqual([new Error('GitHub is down')]);
    expect(clock.pending()).toEqual(['2026-11-25T03:00:00.000Z']);
  });

  it('Given a monthly schedule further away than a Node timer can wait, when armed, then it waits in steps and fires on time', async () => {
    const clock = new FakeClock('2026-01-01T00:00:00Z');
    const runs: string[] = [];
    scheduleJob(
      parseCron('0 0 1 3 *'),
      () => Promise.resolve(runs.push(clock.now().toISOString())),
      clock,
      () => undefined,
    );

    expect(clock.pending()).toEqual([new Date(Date.parse('2026-01-01T00:00:00Z') + 2 ** 31 - 1).toISOString()]);
    await clock.advanceTo('2026-03-02T00:00:00Z');

    expect(runs).toEqual(['2026-03-01T00:00:00.000Z']);
  });
});

describe('jitterOf', () => {
  it('Given installation ids, when jittered, then each gets the same slot inside the window on every run and version', () => {
    // Pinned: an installation keeps its slot across restarts and upgrades (a change here moves every installation's sweep).
    const slots = [1, 2, 3, 42, 1_000_000].map((id) => jitterOf(id, 30 * 60_000));
    expect(slots).toEqual([389_619, 330_554, 498_117, 856_628, 253_785]);
    expect(jitterOf(11, 30 * 60_000)).toBe(1_118_310);
    expect(jitterOf(42, 60_000)).toBe(856_628 % 60_000);
  });

  it('Given no window, when jittered, then there is no delay', () => {
    expect(jitterOf(7, 0)).toBe(0);
  });
});

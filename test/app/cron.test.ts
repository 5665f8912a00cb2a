import { describe, expect, it } from 'vitest';
import { CronError, parseCron } from '../../app/cron.js';

/** The next `count` firings after `start`, as ISO strings. */
function firings(expression: string, start: string, count: number): string[] {
  const schedule = parseCron(expression);
  const result: string[] = [];
  let at = new Date(start);
  for (let i = 0; i < count; i++) {
    at = schedule.next(at);
    result.push(at.toISOString());
  }
  return result;
}

describe('parseCron', () => {
  it('Given a nightly expression, when asked for firings, then it fires once a day at that time in UTC', () => {
    expect(firings('0 3 * * *', '2026-11-23T20:00:00Z', 2)).toEqual(['2026-11-24T03:00:00.000Z', '2026-11-25T03:00:00.000Z']);
  });

  it('Given a time exactly on a firing, when asked for the next, then it is strictly later', () => {
    expect(firings('30 3 * * *', '2026-11-24T03:30:00Z', 1)).toEqual(['2026-11-25T03:30:00.000Z']);
  });

  it('Given steps, ranges and lists, when asked for firings, then each field expands as cron does', () => {
    expect(firings('*/20 9-10 * * *', '2026-11-24T09:05:00Z', 4)).toEqual([
      '2026-11-24T09:20:00.000Z',
      '2026-11-24T09:40:00.000Z',
      '2026-11-24T10:00:00.000Z',
      '2026-11-24T10:20:00.000Z',
    ]);
    expect(firings('0 0 1,15 * *', '2026-11-02T00:00:00Z', 2)).toEqual(['2026-11-15T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
  });

  it('Given weekday names and 7 for Sunday, when asked for firings, then they match the right days', () => {
    // 2026-11-23 is a Monday.
    expect(firings('0 12 * * mon-fri/2', '2026-11-23T13:00:00Z', 3)).toEqual([
      '2026-11-25T12:00:00.000Z',
      '2026-11-27T12:00:00.000Z',
      '2026-11-30T12:00:00.000Z',
    ]);
    expect(firings('0 0 * * 7', '2026-11-23T00:00:00Z', 1)).toEqual(['2026-11-29T00:00:00.000Z']);
  });

  it('Given both day fields restricted, when asked for firings, then a day matching either fires', () => {
    expect(firings('0 0 1 * sat', '2026-11-23T00:00:00Z', 3)).toEqual(['2026-11-28T00:00:00.000Z', '2026-12-01T00:00:00.000Z', '2026-12-05T00:00:00.000Z']);
  });

  it('Given month names and a year boundary, when asked for firings, then it rolls into the next year', () => {
    expect(firings('15 6 29 feb *', '2026-03-01T00:00:00Z', 1)).toEqual(['2028-02-29T06:15:00.000Z']);
  });

  it('Given an alias, when parsed, then it means its 5-field form', () => {
    expect(firings('@daily', '2026-11-23T20:00:00Z', 1)).toEqual(['2026-11-24T00:00:00.000Z']);
  });

  it.each([
    ['0 3 * *', 'expected 5 fields'],
    ['61 * * * *', 'minute "61" is outside 0-59'],
    ['0 5-2 * * *', 'hour range 5-2 runs backwards'],
    ['*/0 * * * *', 'minute step must be at least 1'],
    ['0 0 * * funday', 'day of week "funday" is outside 0-7'],
    ['0 0 ? * *', 'day of month "?" is not a value'],
    ['0 0 30 2 *', 'it never fires'],
  ])('Given "%s", when parsed and evaluated, then the error says %s', (expression, message) => {
    expect(() => parseCron(expression).next(new Date('2026-11-23T00:00:00Z'))).toThrow(CronError);
    expect(() => parseCron(expression).next(new Date('2026-11-23T00:00:00Z'))).toThrow(message);
  });
});

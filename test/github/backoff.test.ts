import { describe, expect, it } from 'vitest';
import { rateLimitWaitMs, safeErrorMessage, withBackoff } from '../../checks/github/backoff.js';
import { NOW, publishOptions } from './builders.js';

const httpError = (status: number, message: string, headers: Record<string, string> = {}) => Object.assign(new Error(message), { status, response: { headers } });

describe('rateLimitWaitMs', () => {
  it.each([
    ['retry-after seconds', httpError(403, 'secondary rate limit', { 'retry-after': '7' }), 7_000],
    ['the primary limit reset time', httpError(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW.getTime() / 1000 + 20) }), 20_000],
    ['a minute for a bare secondary limit', httpError(403, 'You have exceeded a secondary rate limit'), 60_000],
    ['429 with retry-after', httpError(429, 'Too Many Requests', { 'retry-after': '1' }), 1_000],
  ])('waits %s', (_, error, wait) => {
    expect(rateLimitWaitMs(error, NOW)).toBe(wait);
  });

  it.each([
    ['a permission 403', httpError(403, 'Resource not accessible by integration')],
    ['a 404', httpError(404, 'Not Found', { 'retry-after': '1' })],
    ['a plain error', new Error('socket hang up')],
  ])('does not wait on %s', (_, error) => {
    expect(rateLimitWaitMs(error, NOW)).toBeUndefined();
  });
});

describe('withBackoff', () => {
  it('retries after waiting and returns the eventual answer', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const answer = await withBackoff(() => (++calls < 3 ? Promise.reject(httpError(429, 'slow down', { 'retry-after': '2' })) : Promise.resolve('ok')), publishOptions(sleeps));
    expect([answer, calls, sleeps]).toEqual(['ok', 3, [2_000, 2_000]]);
  });

  it('gives up after the retries, and at once when asked to wait too long', async () => {
    const limited = httpError(403, 'secondary rate limit', { 'retry-after': '1' });
    const sleeps: number[] = [];
    await expect(withBackoff(() => Promise.reject(limited), { ...publishOptions(sleeps), retries: 2 })).rejects.toBe(limited);
    expect(sleeps).toEqual([1_000, 1_000]);
    const tooLong = httpError(403, 'secondary rate limit', { 'retry-after': '3600' });
    await expect(withBackoff(() => Promise.reject(tooLong), publishOptions())).rejects.toBe(tooLong);
  });
});

describe('safeErrorMessage', () => {
  it("keeps GitHub's status and short message, never the response body", () => {
    const body = '<html><body>upstream error: token ghs_secret123 in trace</body></html>';
    const htmlError = Object.assign(new Error(body), { status: 502, response: { headers: {}, data: body } });
    expect(safeErrorMessage(htmlError)).toBe('GitHub answered HTTP 502');
    const jsonError = Object.assign(new Error('Resource not accessible by integration - https://docs.github.com/...'), {
      status: 403,
      response: { headers: {}, data: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } },
    });
    expect(safeErrorMessage(jsonError)).toBe('GitHub answered HTTP 403: Resource not accessible by integration');
  });

  it('gives other errors on one bounded line', () => {
    expect(safeErrorMessage(new Error('line one\n  line two'))).toBe('line one line two');
    expect(safeErrorMessage('x'.repeat(1000))).toHaveLength(300);
  });
});

/**
 * Secondary rate limits: GitHub answers 403 or 429 and says how long to wait (`retry-after`
 * seconds, or `x-ratelimit-remaining: 0` with `x-ratelimit-reset` epoch seconds); without
 * either, its docs say to wait at least a minute. We wait (through an injected sleep, so
 * tests don't) and retry a bounded number of times.
 */
export interface BackoffOptions {
  sleep: (milliseconds: number) => Promise<void>;
  now: () => Date;
  /** Retries after the first attempt; default 3. */
  retries?: number;
  /** Longest single wait; a longer demand fails the call instead. Default 15 minutes. */
  maxWaitMs?: number;
}

interface HttpError {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export function isHttpError(error: unknown): error is HttpError {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number';
}

const MESSAGE_LIMIT = 300;

/**
 * One line for a log: for a GitHub error its HTTP status and GitHub's own short `message`, never
 * the response body (Octokit puts a body that is not JSON into `error.message` whole).
 */
export function safeErrorMessage(error: unknown): string {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, MESSAGE_LIMIT);
  if (isHttpError(error)) {
    const data = error.response?.data;
    const message = typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string' ? data.message : '';
    return `GitHub answered HTTP ${error.status}${message ? `: ${oneLine(message)}` : ''}`;
  }
  return oneLine(error instanceof Error ? error.message : String(error));
}

export function httpStatus(error: unknown): number | undefined {
  return isHttpError(error) ? error.status : undefined;
}

/** How long GitHub asks us to wait, or `undefined` when the error is not a rate limit. */
export function rateLimitWaitMs(error: unknown, now: Date): number | undefined {
  if (!isHttpError(error) || (error.status !== 403 && error.status !== 429)) return undefined;
  const headers = error.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter >= 0 && headers['retry-after'] !== undefined) return retryAfter * 1000;
  if (String(headers['x-ratelimit-remaining']) === '0' && headers['x-ratelimit-reset'] !== undefined) {
    return Math.max(0, Number(headers['x-ratelimit-reset']) * 1000 - now.getTime());
  }
  if (/secondary rate limit/i.test(error.message)) return 60_000;
  return undefined;
}

/** Runs `call`, waiting and retrying while GitHub reports a rate limit. */
export async function withBackoff<T>(call: () => Promise<T>, options: BackoffOptions): Promise<T> {
  const retries = options.retries ?? 3;
  const maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const wait = rateLimitWaitMs(error, options.now());
      if (wait === undefined || attempt >= retries || wait > maxWaitMs) throw error;
      await options.sleep(wait);
    }
  }
}

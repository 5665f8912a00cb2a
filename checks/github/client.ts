/**
 * The Action's GitHub client, paced and throttled the way Probot's is in the App:
 * @octokit/plugin-throttling queues writes (one a second, as GitHub asks of integrations) and
 * waits out primary and secondary rate limits for the time GitHub says; @octokit/plugin-retry
 * retries 5xx answers and dropped connections. Each wait is one log line.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

const PacedOctokit = Octokit.plugin(throttling, retry);
export type PacedClient = InstanceType<typeof PacedOctokit>;

export interface ClientSettings {
  auth: string;
  baseUrl: string;
  userAgent: string;
  /** One line for the run's log: a wait for a rate limit, or giving up on one. */
  log: (line: string) => void;
  /** Retries after a rate limit before the request fails; default 3. */
  maxRetries?: number;
  /** A rate limit asking for a longer wait, in seconds, fails the request instead; default 15 minutes. */
  maxWaitSeconds?: number;
  /** Milliseconds per second GitHub asks to wait; 1000 but in tests. */
  retryAfterBaseValue?: number;
}

type LimitHandler = (retryAfter: number, options: { method: string; url: string }, octokit: unknown, retryCount: number) => boolean;

function limitHandler(kind: string, settings: ClientSettings): LimitHandler {
  const maxRetries = settings.maxRetries ?? 3;
  const maxWait = settings.maxWaitSeconds ?? 15 * 60;
  return (retryAfter, options, _octokit, retryCount) => {
    const request = `${options.method} ${options.url}`;
    if (retryCount >= maxRetries || retryAfter > maxWait) {
      settings.log(`GitHub ${kind} on ${request}: not waiting ${retryAfter}s more after ${retryCount} retries; the request fails`);
      return false;
    }
    settings.log(`GitHub ${kind} on ${request}: waiting ${retryAfter}s (retry ${retryCount + 1} of ${maxRetries})`);
    return true;
  };
}

const quiet = () => undefined;

export function createGitHubClient(settings: ClientSettings): PacedClient {
  const base = settings.retryAfterBaseValue === undefined ? {} : { retryAfterBaseValue: settings.retryAfterBaseValue };
  return new PacedOctokit({
    auth: settings.auth,
    baseUrl: settings.baseUrl,
    userAgent: settings.userAgent,
    // Octokit's own request logs would print response details; the handlers above say what matters.
    log: { debug: quiet, info: quiet, warn: (line: string) => settings.log(line), error: quiet },
    throttle: { ...base, onRateLimit: limitHandler('rate limit', settings), onSecondaryRateLimit: limitHandler('secondary rate limit', settings) },
    retry: base,
  });
}

/**
 * The App's own HTTP routes beside Probot's webhook path: `GET /health` and `POST /sweep`.
 * Handlers follow Probot's `addHandler` contract: return true when the request was answered.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TOOL } from '../checks/version.js';
import type { SweepOutcome } from './sweep.js';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;

function pathOf(request: IncomingMessage): string {
  return (request.url ?? '').split('?')[0] ?? '';
}

function sendJson(response: ServerResponse, status: number, body: object): true {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  return true;
}

/** `GET /health`; with a shared queue, whether this replica reaches it (503 when not: it still answers webhooks). */
export function healthRoute(queue?: () => { connected: boolean }): RouteHandler {
  return (request, response) => {
    if (pathOf(request) !== '/health' || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const health = queue?.();
    return sendJson(response, health && !health.connected ? 503 : 200, {
      status: health && !health.connected ? 'degraded' : 'ok',
      version: TOOL.version,
      ...(health ? { queue: health } : {}),
    });
  };
}

/** Compares digests, so neither the length nor the content of the secret leaks through timing. */
function secretMatches(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export interface SweepRouteOptions {
  /** Unset: the route does not exist (404), so no one can trigger sweeps. */
  secret: string | undefined;
  /** Starts a sweep; resolves when it is done or was skipped. */
  sweep(): Promise<SweepOutcome>;
  /** Whether a sweep is running now (a new request is then refused with 409). */
  isRunning(): boolean | Promise<boolean>;
  onError(error: unknown): void;
}

/**
 * `POST /sweep` with `Authorization: Bearer <SWEEP_SECRET>`. Answers 202 and sweeps in the
 * background; `?wait=true` answers 200 with the summary when the sweep is done (for schedulers
 * that keep a serverless function alive only while the request is open).
 */
export function sweepRoute(options: SweepRouteOptions): RouteHandler {
  return async (request, response) => {
    if (options.secret === undefined || pathOf(request) !== '/sweep') return false;
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end();
      return true;
    }
    const authorization = request.headers.authorization ?? '';
    const token = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : '';
    if (!secretMatches(token, options.secret)) return sendJson(response, 401, { error: 'send Authorization: Bearer <SWEEP_SECRET>' });
    if (await options.isRunning()) return sendJson(response, 409, { status: 'already-running' });
    const wait = new URL(request.url ?? '/', 'http://localhost').searchParams.get('wait') === 'true';
    const sweep = options.sweep();
    if (!wait) {
      sweep.catch((error: unknown) => options.onError(error));
      return sendJson(response, 202, { status: 'started' });
    }
    try {
      const outcome = await sweep;
      return sendJson(response, outcome.status === 'completed' ? 200 : 409, outcome);
    } catch (error) {
      options.onError(error);
      return sendJson(response, 500, { status: 'failed' });
    }
  };
}

/**
 * The interface every TLS backend implements (the native prober, tls-scan, testssl.sh).
 * A backend collects: it turns targets into observations and never judges them.
 */
import type { EndpointObservation, BackendName } from './model.js';
import type { HostResolver } from './probe/resolve-host.js';

/** One endpoint, resolved from config into everything a backend needs to connect. */
export interface ProbeTarget {
  /** The URL as configured, e.g. `https://api.example.org/health`; observations carry it back. */
  url: string;
  /** Host name sent as SNI and Host, and matched against the certificate. */
  host: string;
  /** TLS port (443 unless the URL says otherwise). */
  port: number;
  /** Path and query of the HTTPS request, e.g. `/health`. */
  path: string;
  /** Plain-HTTP URL whose redirect chain is followed, e.g. `http://api.example.org/`. */
  httpUrl: string;
  /** Connect to this IP instead of resolving `host` (like `curl --resolve`). */
  address?: string;
  /** Extra trust anchors, PEM text (each entry may hold several certificates). */
  caPem: string[];
}

export interface ProbeTimeouts {
  /** Longest wait for a TCP connection. */
  connectMs: number;
  /** Longest wait for one TLS handshake or one HTTP response after connecting. */
  handshakeMs: number;
  /** Longest time for the whole probe of one endpoint; steps not done by then are `error`. */
  totalMs: number;
}

export interface BackendOptions {
  timeouts: ProbeTimeouts;
  /** Endpoints probed at once. */
  concurrency: number;
  /** Clock for `observedAt` and durations. */
  now: () => Date;
  /** Called when one endpoint's observation is complete (for a progress line). */
  onObservation?: (observation: EndpointObservation) => void;
  /** Resolves host names within the endpoint's budget (native backend); default: a cancellable DNS resolver. */
  resolve?: HostResolver;
}

/**
 * One target's outcome: its observation, or why the backend could not make one (a bug in the
 * prober, a tool that crashed on this endpoint). Rejected for this target alone, never for all.
 */
export type ProbeResult = PromiseSettledResult<EndpointObservation>;

export interface Backend {
  name: BackendName;
  /**
   * One result per target, in the order of `targets`. Rejects only when the backend as a whole
   * cannot run (binary missing, wrong version); a failure at one endpoint is that result's alone.
   */
  probe(targets: readonly ProbeTarget[], options: BackendOptions): Promise<ProbeResult[]>;
}

/** Derives the timeouts of each step from the per-endpoint budget of the config (`probe.timeout`). */
export function timeoutsFor(totalMs: number): ProbeTimeouts {
  return {
    totalMs,
    connectMs: Math.max(100, Math.min(5000, Math.floor(totalMs / 2))),
    handshakeMs: Math.max(100, Math.min(5000, Math.floor(totalMs / 2))),
  };
}

/** Slack past an endpoint's budget before its probe is abandoned (timer drift, closing sockets). */
const BUDGET_GRACE_MS = 2000;

/** An endpoint's probe outlived its budget plus the grace: abandoned, reported as a timeout. */
export class BudgetExceeded extends Error {
  constructor(url: string, budgetMs: number) {
    super(`the probe of ${url} did not finish within its budget of ${budgetMs} ms (plus ${BUDGET_GRACE_MS} ms grace)`);
    this.name = 'BudgetExceeded';
  }
}

/** `work`, or a BudgetExceeded rejection once `budgetMs` plus the grace has passed: no endpoint holds the run longer. */
export async function withinBudget<T>(work: Promise<T>, url: string, budgetMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BudgetExceeded(url, budgetMs)), budgetMs + BUDGET_GRACE_MS);
  });
  try {
    return await Promise.race([work, expiry]);
  } finally {
    clearTimeout(timer);
  }
}

/** `mapBounded`, each task settled on its own: one that throws is a rejected result, the others go on. */
export function mapSettled<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  return mapBounded(items, limit, (item, index) =>
    task(item, index).then(
      (value): PromiseSettledResult<R> => ({ status: 'fulfilled', value }),
      (reason: unknown): PromiseSettledResult<R> => ({ status: 'rejected', reason }),
    ),
  );
}

/** Runs `task` over `items` with at most `limit` running at once; results keep the input order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

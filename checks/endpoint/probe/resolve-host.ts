/**
 * Name resolution bounded by the endpoint's budget. `dns.lookup` runs getaddrinfo on libuv's
 * 4-thread pool: it cannot be cancelled, lookups queue behind each other, and one resolver that
 * never answers keeps the process alive long after the budget. A c-ares `Resolver` with a
 * timeout can be cancelled, so a silent resolver costs the endpoint what is left of its budget
 * and nothing after it. It asks DNS only: `localhost` names (RFC 6761) answer loopback, and a name
 * that exists only in /etc/hosts needs the endpoint's `address` (or `--resolve`).
 */
import { Resolver } from 'node:dns/promises';

/** Every address of `host` within `timeoutMs`; rejects with the resolver's code (`ENOTFOUND`, `ETIMEOUT`). */
export type HostResolver = (host: string, timeoutMs: number) => Promise<string[]>;

const LOCALHOST = /(^|\.)localhost\.?$/i;

function codeOf(reason: unknown): string {
  return typeof reason === 'object' && reason && 'code' in reason ? String(reason.code) : '';
}

/** A cancellable resolver over the system's DNS servers, or over `servers` (`127.0.0.1:5353`). */
export function cancellableResolver(servers?: readonly string[]): HostResolver {
  return async (host, timeoutMs) => {
    if (LOCALHOST.test(host)) return ['127.0.0.1', '::1'];
    const budget = Math.max(1, Math.floor(timeoutMs));
    const resolver = new Resolver({ timeout: budget, tries: 1 });
    if (servers) resolver.setServers([...servers]);
    const timer = setTimeout(() => resolver.cancel(), budget);
    try {
      const answers = await Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]);
      const addresses = answers.flatMap((answer) => (answer.status === 'fulfilled' ? answer.value : []));
      if (addresses.length > 0) return addresses;
      const reasons = answers.flatMap((answer) => (answer.status === 'rejected' ? [answer.reason as unknown] : []));
      // "No such name" says more than "no AAAA record"; a cancel is our own deadline.
      const reason = reasons.find((candidate) => codeOf(candidate) === 'ENOTFOUND') ?? reasons[0];
      if (codeOf(reason) === 'ECANCELLED' || codeOf(reason) === 'ETIMEOUT') {
        throw Object.assign(new Error(`no answer from the resolver for ${host} within ${budget} ms`), { code: 'ETIMEOUT' });
      }
      throw reason instanceof Error ? reason : Object.assign(new Error(`${host} has no addresses`), { code: 'ENOTFOUND' });
    } finally {
      clearTimeout(timer);
      resolver.cancel();
    }
  };
}

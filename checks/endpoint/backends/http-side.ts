/**
 * What the embedded prober measures whatever backend judged the TLS side: ALPN, the plaintext
 * redirect chain and HSTS on the HTTPS response (neither tls-scan nor testssl.sh follows
 * port 80 to https, and testssl.sh 3.0's ALPN line is unreliable).
 */
import { mapBounded, type Backend, type ProbeTimeouts, type ProbeTarget } from '../backend.js';
import type { EndpointObservation } from '../model.js';
import { Deadline } from '../probe/failure.js';
import { followHttpChain } from '../probe/http-chain.js';
import { observeHsts } from '../probe/https-response.js';
import { CERTIFICATE_OFFER, handshake } from '../probe/tls-handshake.js';

export type HttpSide = Pick<EndpointObservation, 'alpn' | 'http' | 'hsts'>;

async function observeHttpSide(target: ProbeTarget, timeouts: ProbeTimeouts): Promise<HttpSide> {
  const deadline = new Deadline(timeouts.totalMs);
  const limits = () => ({ connectMs: deadline.limit(timeouts.connectMs), handshakeMs: deadline.limit(timeouts.handshakeMs) });
  const [alpn, http, hsts] = await Promise.all([
    handshake(target, { ...CERTIFICATE_OFFER, alpn: ['h2', 'http/1.1'] }, limits()),
    followHttpChain(target, timeouts, deadline),
    observeHsts(target, limits()),
  ]);
  return {
    alpn: alpn.ok ? { status: 'measured', value: alpn.alpn ? [alpn.alpn] : [] } : { status: 'error', reason: alpn.failure.detail },
    http,
    hsts,
  };
}

/** Wraps an external backend so its observations carry the embedded prober's HTTP side. */
export function withNativeHttpSide(engine: Backend): Backend {
  return {
    name: engine.name,
    async probe(targets, options) {
      const [observations, sides] = await Promise.all([
        engine.probe(targets, options),
        mapBounded(targets, options.concurrency, (target) => observeHttpSide(target, options.timeouts)),
      ]);
      return observations.map((result, index) => {
        const side = sides[index];
        return result.status === 'fulfilled' && result.value.reachability.reachable && side
          ? { status: 'fulfilled', value: { ...result.value, ...side } }
          : result;
      });
    },
  };
}

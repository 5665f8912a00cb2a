/**
 * The HTTPS response's `Strict-Transport-Security` headers: one bounded GET of the endpoint's
 * path over HTTP/1.1, every header line kept (duplicates matter), the body discarded.
 */
import { request } from 'node:https';
import type { ProbeTarget } from '../backend.js';
import type { HstsObservation, Measurement } from '../model.js';
import { failureOf, timeoutFailure } from './failure.js';
import { headerValues } from './http-chain.js';
import { CERTIFICATE_OFFER, isIpLiteral, whereOf, type HandshakeLimits, type TlsOffer } from './tls-handshake.js';

/** `offer`: what the server accepts (the main handshake's, or the second one's for a server that refused it). */
export function observeHsts(target: ProbeTarget, limits: HandshakeLimits, offer: TlsOffer = CERTIFICATE_OFFER): Promise<Measurement<HstsObservation>> {
  const where = whereOf(target);
  return new Promise((resolve) => {
    const req = request({
      host: target.address ?? target.host,
      port: target.port,
      path: target.path,
      method: 'GET',
      headers: { Host: target.port === 443 ? target.host : `${target.host}:${target.port}`, 'User-Agent': 'hipaa-guard', Connection: 'close' },
      agent: false,
      ...(isIpLiteral(target.host) ? {} : { servername: target.host }),
      rejectUnauthorized: false,
      ...offer,
    });
    const finish = (result: Measurement<HstsObservation>): void => {
      clearTimeout(timer);
      req.destroy();
      resolve(result);
    };
    const budget = limits.connectMs + limits.handshakeMs;
    const timer = setTimeout(() => finish({ status: 'error', reason: timeoutFailure('the HTTPS request', budget, where).detail }), budget);
    req.once('response', (response) => {
      response.resume();
      finish({ status: 'measured', value: { headers: headerValues(response.rawHeaders, 'strict-transport-security') } });
    });
    req.once('error', (error) => finish({ status: 'error', reason: failureOf(error, where).detail }));
    req.end();
  });
}

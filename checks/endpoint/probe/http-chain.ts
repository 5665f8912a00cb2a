/**
 * The redirect chain from the plain-HTTP side: GET the http:// URL and every redirect after it,
 * one hop at a time, without following automatically, through https:// hops too (an HTTPS
 * page that sends the client back to http:// is a downgrade, wherever in the chain). Hops stay
 * on the endpoint's host (and its address override): a redirect elsewhere is recorded, never
 * requested. The chain stops at a non-redirect answer, a repeated URL, or the hop limit.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ProbeTarget } from '../backend.js';
import type { HttpHop, HttpObservation, Measurement } from '../model.js';
import { failureOf, timeoutFailure, type Deadline, type ProbeFailure } from './failure.js';
import { CERTIFICATE_OFFER, isIpLiteral, type HandshakeLimits, type TlsOffer } from './tls-handshake.js';

export const HOP_LIMIT = 10;

interface HttpAnswer {
  status: number;
  headers: string[];
}

/** `Name: value` pairs of the raw headers named `name` (case-insensitive), in order. */
export function headerValues(rawHeaders: readonly string[], name: string): string[] {
  const values: string[] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    if (rawHeaders[index]?.toLowerCase() === name) values.push(rawHeaders[index + 1] ?? '');
  }
  return values;
}

/** `[::1]` → `::1`: what a socket takes. */
function socketHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** Starts a GET of `url` over http or https (certificate recorded elsewhere, never enforced here). */
function send(url: URL, target: ProbeTarget, offer: TlsOffer): ClientRequest {
  const host = socketHost(url.hostname);
  const options: RequestOptions = {
    host: target.address ?? host,
    port: url.port || (url.protocol === 'https:' ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    headers: { Host: url.host, 'User-Agent': 'hipaa-guard', Connection: 'close' },
    agent: false,
  };
  if (url.protocol === 'http:') return httpRequest(options);
  return httpsRequest({ ...options, ...(isIpLiteral(host) ? {} : { servername: host }), rejectUnauthorized: false, ...offer });
}

/** One bounded GET; the body is discarded unread. */
function get(
  url: URL,
  target: ProbeTarget,
  limits: HandshakeLimits,
  offer: TlsOffer,
): Promise<{ ok: true; answer: HttpAnswer } | { ok: false; failure: ProbeFailure }> {
  const where = `${target.address ?? socketHost(url.hostname)}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
  return new Promise((resolve) => {
    const req = send(url, target, offer);
    const finish = (result: { ok: true; answer: HttpAnswer } | { ok: false; failure: ProbeFailure }): void => {
      clearTimeout(timer);
      req.destroy();
      resolve(result);
    };
    let timer = setTimeout(() => finish({ ok: false, failure: timeoutFailure('TCP connect', limits.connectMs, where) }), limits.connectMs);
    req.once('socket', (socket) => {
      socket.once('connect', () => {
        clearTimeout(timer);
        timer = setTimeout(() => finish({ ok: false, failure: timeoutFailure('the HTTP request', limits.handshakeMs, where) }), limits.handshakeMs);
      });
    });
    req.once('response', (response: IncomingMessage) => {
      response.resume();
      finish({ ok: true, answer: { status: response.statusCode ?? 0, headers: response.rawHeaders } });
    });
    req.once('error', (error) => finish({ ok: false, failure: failureOf(error, where) }));
    req.end();
  });
}

function sameHost(a: URL, b: URL): boolean {
  return a.hostname.toLowerCase() === b.hostname.toLowerCase();
}

/** `offer`: what https:// hops offer (the main handshake's, or what a server that refused it accepts). */
export async function followHttpChain(
  target: ProbeTarget,
  limits: HandshakeLimits,
  deadline: Deadline,
  offer: TlsOffer = CERTIFICATE_OFFER,
): Promise<Measurement<HttpObservation>> {
  const start = new URL(target.httpUrl);
  const observation: HttpObservation = { start: start.href, portOpen: true, hops: [] };
  const visited = new Set<string>();
  let url = start;
  while (true) {
    if (observation.hops.length >= HOP_LIMIT) return { status: 'measured', value: { ...observation, stoppedBecause: `hop limit of ${HOP_LIMIT} reached` } };
    visited.add(url.href);
    const result = await get(url, target, { connectMs: deadline.limit(limits.connectMs), handshakeMs: deadline.limit(limits.handshakeMs) }, offer);
    if (!result.ok) {
      if (observation.hops.length === 0) {
        if (result.failure.kind === 'refused') return { status: 'measured', value: { ...observation, portOpen: false } };
        return { status: 'error', reason: result.failure.detail };
      }
      return { status: 'measured', value: { ...observation, stoppedBecause: result.failure.detail } };
    }
    const hop: HttpHop = { url: url.href, status: result.answer.status };
    const [location] = headerValues(result.answer.headers, 'location');
    if (location !== undefined) hop.location = location;
    const hsts = headerValues(result.answer.headers, 'strict-transport-security');
    if (hsts.length) hop.hsts = hsts;
    observation.hops.push(hop);
    if (location === undefined || result.answer.status < 300 || result.answer.status > 399) return { status: 'measured', value: observation };
    const next = URL.canParse(location, url) ? new URL(location, url) : undefined;
    if (!next) return { status: 'measured', value: { ...observation, stoppedBecause: `unreadable Location header` } };
    if (!sameHost(next, start) || (next.protocol !== 'http:' && next.protocol !== 'https:'))
      return { status: 'measured', value: { ...observation, stoppedBecause: `redirect leaves ${start.hostname}; not followed` } };
    if (visited.has(next.href)) return { status: 'measured', value: { ...observation, stoppedBecause: `redirect loop: ${next.href} was already requested` } };
    url = next;
  }
}

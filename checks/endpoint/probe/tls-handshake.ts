/**
 * One bounded TLS handshake with Node's own client, configured to offer whatever is asked
 * (TLS 1.0, SHA-1 suites, small DH: `@SECLEVEL=0`, `minDHSize: 1`), never resuming a session,
 * never rejecting the certificate (trust is recorded, not enforced).
 */
import { isIP } from 'node:net';
import { connect, type DetailedPeerCertificate, type SecureVersion, type TLSSocket } from 'node:tls';
import type { ProbeTarget } from '../backend.js';
import type { TlsVersion } from '../model.js';
import { closedFailure, failureOf, timeoutFailure, type ProbeFailure } from './failure.js';

/** What our client offers: a version range and an OpenSSL cipher string. */
export interface TlsOffer {
  minVersion: SecureVersion;
  maxVersion: SecureVersion;
  /** OpenSSL cipher string; TLS 1.3 suite names (`TLS_AES_128_GCM_SHA256`) set the TLS 1.3 list. */
  ciphers: string;
}

export interface HandshakeRequest extends TlsOffer {
  /**
   * Verify against these anchors (PEM) alone instead of Node's root store. Building a store of
   * roots plus anchors parses ~140 certificates (60-100 ms); two handshakes cost about 2 ms.
   */
  anchors?: readonly string[];
  alpn?: string[];
  requestOcsp?: boolean;
}

export interface HandshakeLimits {
  connectMs: number;
  handshakeMs: number;
}

export interface HandshakeSuccess {
  ok: true;
  version: TlsVersion;
  /** IANA name. */
  cipher: string;
  /** The ephemeral key exchange; absent for static RSA key exchange. */
  ephemeral?: { type: string; group?: string; bits: number };
  /** Leaf with `issuerCertificate` links; empty for anonymous suites. */
  peer: DetailedPeerCertificate | undefined;
  authorized: boolean;
  authorizationError?: string;
  alpn?: string;
  ocspResponse?: Buffer;
}

export type HandshakeOutcome = HandshakeSuccess | { ok: false; failure: ProbeFailure };

/** All suites OpenSSL knows, NULL and anonymous ones included. */
export const EVERY_CIPHER = 'ALL:COMPLEMENTOFALL:@SECLEVEL=0';
/** Suites that authenticate with a certificate. */
const CERTIFICATE_CIPHERS = 'ALL:!aNULL:!eNULL:@SECLEVEL=0';
/**
 * The main handshake's offer, which the HTTPS requests reuse: every version, every suite that
 * authenticates with a certificate. A server that refuses it gets a second offer of what it accepts.
 */
export const CERTIFICATE_OFFER: TlsOffer = { minVersion: 'TLSv1', maxVersion: 'TLSv1.3', ciphers: CERTIFICATE_CIPHERS };

const TLS_VERSION_NAMES: Record<string, TlsVersion> = { SSLv3: 'SSLv3', TLSv1: 'TLSv1', 'TLSv1.1': 'TLSv1.1', 'TLSv1.2': 'TLSv1.2', 'TLSv1.3': 'TLSv1.3' };

export function whereOf(target: ProbeTarget): string {
  return `${target.address ?? target.host}:${target.port}`;
}

export function handshake(target: ProbeTarget, request: HandshakeRequest, limits: HandshakeLimits): Promise<HandshakeOutcome> {
  const where = whereOf(target);
  return new Promise((resolve) => {
    let ocspResponse: Buffer | undefined;
    let socket: TLSSocket;
    try {
      socket = connect({
        host: target.address ?? target.host,
        port: target.port,
        ...(isIpLiteral(target.host) ? {} : { servername: target.host }),
        rejectUnauthorized: false,
        // Trust is recorded, the host name checked on its own (checkServerIdentity in certificate.ts).
        checkServerIdentity: () => undefined,
        ...(request.anchors ? { ca: [...request.anchors] } : {}),
        minVersion: request.minVersion,
        maxVersion: request.maxVersion,
        ciphers: request.ciphers,
        minDHSize: 1,
        ...(request.alpn ? { ALPNProtocols: request.alpn } : {}),
        ...(request.requestOcsp ? { requestOCSP: true } : {}),
      });
    } catch (error) {
      // A cipher string that names nothing OpenSSL can offer throws before any connection: our refusal.
      resolve({ ok: false, failure: failureOf(error, where) });
      return;
    }
    const finish = (outcome: HandshakeOutcome): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    let timer = setTimeout(() => finish({ ok: false, failure: timeoutFailure('TCP connect', limits.connectMs, where) }), limits.connectMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ ok: false, failure: timeoutFailure('the TLS handshake', limits.handshakeMs, where) }), limits.handshakeMs);
    });
    socket.on('OCSPResponse', (response: Buffer) => {
      ocspResponse = response;
    });
    socket.once('secureConnect', () => {
      // Typed as always present, but a socket something else intercepted (nock) has none.
      const cipher = socket.getCipher() as ReturnType<typeof socket.getCipher> | undefined;
      const version = TLS_VERSION_NAMES[socket.getProtocol() ?? ''];
      if (!version || !cipher) {
        finish({
          ok: false,
          failure: { kind: 'protocol', detail: `unknown protocol ${socket.getProtocol() ?? 'none'} (${where})`, local: false, serverRefused: false },
        });
        return;
      }
      const peer = socket.getPeerCertificate(true);
      const outcome: HandshakeSuccess = {
        ok: true,
        version,
        cipher: cipher.standardName,
        peer: peer.raw ? peer : undefined,
        authorized: socket.authorized,
      };
      const ephemeral = socket.getEphemeralKeyInfo() as { type?: string; name?: string; size?: number } | null;
      if (ephemeral?.type) outcome.ephemeral = { type: ephemeral.type, bits: ephemeral.size ?? 0, ...(ephemeral.name ? { group: ephemeral.name } : {}) };
      if (socket.authorizationError) outcome.authorizationError = String(socket.authorizationError);
      if (typeof socket.alpnProtocol === 'string') outcome.alpn = socket.alpnProtocol;
      if (ocspResponse?.length) outcome.ocspResponse = ocspResponse;
      finish(outcome);
    });
    socket.once('error', (error) => finish({ ok: false, failure: failureOf(error, where) }));
    socket.once('close', () => finish({ ok: false, failure: closedFailure('during the TLS handshake', where) }));
  });
}

export function isIpLiteral(host: string): boolean {
  return isIP(host) !== 0;
}

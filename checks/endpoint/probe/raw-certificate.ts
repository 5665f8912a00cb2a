/**
 * The certificate chain read from the raw handshake, for servers our Node client cannot complete
 * a handshake with (SSLv3 only, legacy suites only, a chain over OpenSSL's message limit): in
 * TLS ≤ 1.2 the server's Certificate message travels in clear right after its ServerHello. One
 * ClientHello offering what the server accepted, then ServerHello, Certificate and the message
 * after it (a CertificateStatus is a stapled OCSP response), and we hang up: no key exchange.
 */
import { X509Certificate } from 'node:crypto';
import type { ProbeTarget } from '../backend.js';
import type { EndpointObservation } from '../model.js';
import { observeChain } from './certificate.js';
import { closedFailure, type ProbeFailure } from './failure.js';
import { HANDSHAKE_TYPES, HandshakeReader, parseCertificateMessage, parseServerHello } from './handshake-reader.js';
import { clientHello, converse, WIRE_VERSIONS, type LegacyVersion } from './raw-hello.js';
import { whereOf, type HandshakeLimits } from './tls-handshake.js';
import { certificatesInPem, verifyChain } from './verify-chain.js';

export interface RawCertificates {
  ok: true;
  /** DER, as the server sent them (leaf first). */
  certificates: Buffer[];
  ocspStapled: boolean;
  /** The ALPN protocol the ServerHello chose (none at SSLv3, which has no extensions). */
  alpn?: string;
}

export type RawCertificateOutcome = RawCertificates | { ok: false; failure: ProbeFailure };

/** The host, and the address when it is another: what an error names. */
function placeOf(target: ProbeTarget): string {
  return target.address && target.address !== target.host ? `${target.host} at ${whereOf(target)}` : whereOf(target);
}

/**
 * Offers `suites` at `version` (ALPN h2 and http/1.1 and an OCSP staple asked for, above SSLv3)
 * and reads the server's chain, bounded by the limits and by the message caps.
 */
export function readServerCertificates(
  target: ProbeTarget,
  version: LegacyVersion,
  suites: readonly number[],
  limits: HandshakeLimits,
): Promise<RawCertificateOutcome> {
  const place = placeOf(target);
  const fail = (detail: string, kind: ProbeFailure['kind'] = 'protocol'): RawCertificateOutcome => ({
    ok: false,
    failure: { kind, detail: `${detail} (${place})`, local: false, serverRefused: kind === 'tls-alert' },
  });
  const reader = new HandshakeReader();
  let hello: { alpn?: string } | undefined;
  let certificates: Buffer[] | undefined;
  const found = (ocspStapled: boolean): RawCertificates => ({
    ok: true,
    certificates: certificates ?? [],
    ocspStapled,
    ...(hello?.alpn ? { alpn: hello.alpn } : {}),
  });
  return converse<RawCertificateOutcome>(target, clientHello(version, suites, target.host, { alpn: ['h2', 'http/1.1'], requestOcsp: true }), limits, {
    read: (chunk) => {
      const read = reader.push(chunk);
      for (const message of read.messages) {
        if (!hello) {
          if (message.type !== HANDSHAKE_TYPES.serverHello) return fail(`handshake message ${message.type} instead of ServerHello`);
          const parsed = parseServerHello(message.body);
          if (typeof parsed === 'string') return fail(parsed);
          if (parsed.version !== WIRE_VERSIONS[version] || !suites.includes(parsed.cipherSuite))
            return fail(`the server answered ${version} at version 0x${parsed.version.toString(16)} with suite 0x${parsed.cipherSuite.toString(16)}`);
          hello = parsed;
        } else if (!certificates) {
          if (message.type !== HANDSHAKE_TYPES.certificate)
            return fail(`the server sent no Certificate message (handshake message ${message.type} after ServerHello)`);
          const parsed = parseCertificateMessage(message.body);
          if (typeof parsed === 'string') return fail(`could not read the Certificate message: ${parsed}`);
          if (parsed.length === 0) return fail('the server sent an empty Certificate message');
          certificates = parsed;
        } else {
          return found(message.type === HANDSHAKE_TYPES.certificateStatus);
        }
      }
      if (read.end?.kind === 'alert') return fail(`the server answered ${version} with alert ${read.end.description}`, 'tls-alert');
      if (read.end) return certificates ? found(false) : fail(read.end.reason);
      return undefined;
    },
    // The chain is read; only whether a CertificateStatus follows it was left to see.
    closed: () => (certificates ? found(false) : { ok: false, failure: closedFailure('before its Certificate message', place) }),
    failed: (failure) => (certificates && failure.kind === 'timeout' ? found(false) : { ok: false, failure }),
  });
}

/**
 * The certificate facts of a chain read off the wire, trust decided by `verifyChain` against the
 * endpoint's anchors and Node's roots, judged at `now`; an error names why it could not be read.
 */
export function observeRawCertificate(target: ProbeTarget, raw: RawCertificateOutcome, now: Date): EndpointObservation['certificate'] {
  const reason = (why: string): EndpointObservation['certificate'] => ({
    status: 'error',
    reason: `could not read the certificate from the raw handshake: ${why}`,
  });
  if (!raw.ok) return reason(raw.failure.detail);
  try {
    const served = raw.certificates.map((der) => new X509Certificate(der));
    const { path: chain, ...verdict } = verifyChain(served, target.caPem.flatMap(certificatesInPem), now);
    return { status: 'measured', value: observeChain({ chain, host: target.host, ocspStapled: raw.ocspStapled, ...verdict }) };
  } catch (error) {
    return reason(`${error instanceof Error ? error.message : String(error)} (${placeOf(target)})`);
  }
}

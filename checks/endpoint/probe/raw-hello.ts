/**
 * A hand-written ClientHello over `net`, for what OpenSSL 3 can no longer offer: SSLv3 and the
 * legacy suites (RC4, DES, 3DES, EXPORT, NULL, anonymous). We read only the server's first
 * answer, a ServerHello or an alert, and hang up: no key exchange is ever completed.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import type { ProbeTarget } from '../backend.js';
import type { TlsVersion } from '../model.js';
import { closedFailure, failureOf, timeoutFailure, type Deadline, type ProbeFailure } from './failure.js';
import { HANDSHAKE_TYPES, HandshakeReader, MAX_RECORD, parseServerHello } from './handshake-reader.js';
import { isIpLiteral, whereOf, type HandshakeLimits } from './tls-handshake.js';

export const WIRE_VERSIONS: Readonly<Record<Exclude<TlsVersion, 'TLSv1.3'>, number>> = { SSLv3: 0x0300, TLSv1: 0x0301, 'TLSv1.1': 0x0302, 'TLSv1.2': 0x0303 };
export type LegacyVersion = keyof typeof WIRE_VERSIONS;

export type ServerAnswer =
  { kind: 'server-hello'; version: number; cipherSuite: number } | { kind: 'alert'; description: number } | { kind: 'failure'; failure: ProbeFailure };

/** X25519, P-256, P-384, P-521, X448, ffdhe2048, ffdhe3072. */
const GROUPS = [0x001d, 0x0017, 0x0018, 0x0019, 0x001e, 0x0100, 0x0101];
/** RSA PKCS#1, ECDSA, RSA-PSS, EdDSA with SHA-256/384/512, then the SHA-1 and DSA ones. */
const SIGNATURE_SCHEMES = [0x0401, 0x0501, 0x0601, 0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0807, 0x0808, 0x0201, 0x0203, 0x0202, 0x0402];

const u16 = (value: number): Buffer => Buffer.from([value >> 8, value & 0xff]);
const u16List = (values: readonly number[]): Buffer => Buffer.concat(values.map(u16));
const withU16Length = (body: Buffer): Buffer => Buffer.concat([u16(body.length), body]);
const extension = (type: number, body: Buffer): Buffer => Buffer.concat([u16(type), withU16Length(body)]);

/** What a ClientHello asks for besides the suites: ALPN protocols, an OCSP staple (status_request). */
export interface HelloExtras {
  alpn?: readonly string[];
  requestOcsp?: boolean;
}

function extensionsFor(host: string, extras: HelloExtras): Buffer {
  const sni = isIpLiteral(host) ? [] : [extension(0x0000, withU16Length(Buffer.concat([Buffer.from([0]), withU16Length(Buffer.from(host, 'ascii'))])))];
  const alpn = extras.alpn?.length
    ? [extension(0x0010, withU16Length(Buffer.concat(extras.alpn.map((name) => Buffer.concat([Buffer.from([name.length]), Buffer.from(name, 'ascii')])))))]
    : [];
  // status_request: OCSP, no responder ids, no request extensions.
  const ocsp = extras.requestOcsp ? [extension(0x0005, Buffer.from([1, 0, 0, 0, 0]))] : [];
  return withU16Length(
    Buffer.concat([
      ...sni,
      extension(0x000a, withU16Length(u16List(GROUPS))),
      extension(0x000b, Buffer.from([1, 0])),
      extension(0x000d, withU16Length(u16List(SIGNATURE_SCHEMES))),
      extension(0xff01, Buffer.from([0])),
      ...alpn,
      ...ocsp,
    ]),
  );
}

/** A ClientHello record offering `suites` at `version`; SSLv3 hellos carry no extensions. */
export function clientHello(version: LegacyVersion, suites: readonly number[], host: string, extras: HelloExtras = {}): Buffer {
  const wire = WIRE_VERSIONS[version];
  const body = Buffer.concat([
    u16(wire),
    randomBytes(32),
    Buffer.from([0]),
    withU16Length(u16List(suites)),
    Buffer.from([1, 0]),
    ...(version === 'SSLv3' ? [] : [extensionsFor(host, extras)]),
  ]);
  const handshake = Buffer.concat([Buffer.from([0x01, 0, body.length >> 8, body.length & 0xff]), body]);
  return Buffer.concat([Buffer.from([0x16]), u16(version === 'SSLv3' ? 0x0300 : 0x0301), withU16Length(handshake)]);
}

/** A ServerHello fits in a few hundred bytes; a server that streams more is not answering. */
const MAX_ANSWER = 4 * MAX_RECORD;

/** Reads the server's first answer from the bytes so far; `undefined` while more bytes are needed. */
export function readServerAnswer(bytes: Buffer, where: string): ServerAnswer | undefined {
  const garbage = (why: string): ServerAnswer => ({
    kind: 'failure',
    failure: { kind: 'protocol', detail: `not a TLS answer: ${why} (${where})`, local: false, serverRefused: false },
  });
  const {
    messages: [first],
    end,
  } = new HandshakeReader().push(bytes);
  if (!first) return end === undefined ? undefined : end.kind === 'alert' ? end : garbage(end.reason);
  if (first.type !== HANDSHAKE_TYPES.serverHello) return garbage(`handshake message ${first.type} instead of ServerHello`);
  const hello = parseServerHello(first.body);
  return typeof hello === 'string' ? garbage(hello) : { kind: 'server-hello', version: hello.version, cipherSuite: hello.cipherSuite };
}

/** What to make of the server's bytes, its hang-up, a timeout, a socket error: `read` returns `undefined` while it needs more. */
export interface Conversation<T> {
  read(chunk: Buffer): T | undefined;
  closed(): T;
  failed(failure: ProbeFailure): T;
}

/** Sends one ClientHello over a plain TCP socket and reads the answer within the limits; the socket is always destroyed. */
export function converse<T>(target: ProbeTarget, hello: Buffer, limits: HandshakeLimits, conversation: Conversation<T>): Promise<T> {
  const where = whereOf(target);
  return new Promise((resolve) => {
    const socket = connect({ host: target.address ?? target.host, port: target.port });
    const finish = (answer: T): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    let timer = setTimeout(() => finish(conversation.failed(timeoutFailure('TCP connect', limits.connectMs, where))), limits.connectMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(conversation.failed(timeoutFailure('the ClientHello', limits.handshakeMs, where))), limits.handshakeMs);
      socket.write(hello);
    });
    socket.on('data', (chunk: Buffer) => {
      const answer = conversation.read(chunk);
      if (answer !== undefined) finish(answer);
    });
    socket.once('error', (error) => finish(conversation.failed(failureOf(error, where))));
    socket.once('close', () => finish(conversation.closed()));
  });
}

/** Sends one ClientHello and waits, within the limits, for the ServerHello or alert. */
export function exchangeHello(target: ProbeTarget, hello: Buffer, limits: HandshakeLimits): Promise<ServerAnswer> {
  const where = whereOf(target);
  let received = Buffer.alloc(0);
  return converse<ServerAnswer>(target, hello, limits, {
    read: (chunk) => {
      received = Buffer.concat([received, chunk]);
      return received.length > MAX_ANSWER
        ? {
            kind: 'failure',
            failure: { kind: 'protocol', detail: `no ServerHello in the first ${MAX_ANSWER} bytes (${where})`, local: false, serverRefused: false },
          }
        : readServerAnswer(received, where);
    },
    closed: () => ({ kind: 'failure', failure: closedFailure('before a ServerHello', where) }),
    failed: (failure) => ({ kind: 'failure', failure }),
  });
}

export interface RawEnumeration {
  /** Code points the server chose, in the order it chose them (its preference). */
  accepted: number[];
  /** Why enumeration stopped before the server refused the rest (timeout, garbage). */
  failure?: ProbeFailure;
}

/**
 * Offers every candidate at `version`, removes the one the server chose, and repeats until the
 * server refuses (alert, closed connection) or answers at another version: one handshake per
 * accepted suite plus one.
 */
export async function enumerateLegacySuites(
  target: ProbeTarget,
  version: LegacyVersion,
  candidates: readonly number[],
  limits: HandshakeLimits,
  deadline: Deadline,
): Promise<RawEnumeration> {
  const accepted: number[] = [];
  let offered = [...candidates];
  while (offered.length > 0) {
    if (deadline.expired) return { accepted, failure: timeoutFailure(`${version} suite enumeration`, 0, whereOf(target)) };
    const hello = clientHello(version, offered, target.host);
    const attempt = (): Promise<ServerAnswer> =>
      exchangeHello(target, hello, { connectMs: deadline.limit(limits.connectMs), handshakeMs: deadline.limit(limits.handshakeMs) });
    let answer = await attempt();
    // One retry for a transient failure (a timeout under load), never for a refusal.
    if (answer.kind === 'failure' && !answer.failure.serverRefused && !deadline.expired) answer = await attempt();
    if (answer.kind === 'alert' || (answer.kind === 'failure' && answer.failure.serverRefused)) return { accepted };
    if (answer.kind === 'failure') return { accepted, failure: answer.failure };
    const chosen = answer.cipherSuite;
    if (answer.version !== WIRE_VERSIONS[version] || !offered.includes(chosen)) return { accepted };
    accepted.push(chosen);
    offered = offered.filter((suite) => suite !== chosen);
  }
  return { accepted };
}

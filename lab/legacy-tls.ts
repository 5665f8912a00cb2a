/**
 * Just enough of the TLS record layer to play an ancient server that OpenSSL 3 can no longer be:
 * read a ClientHello, answer with a bare ServerHello (SSLv3, RC4) or an alert.
 */
import { randomBytes } from 'node:crypto';

export interface ClientHelloSummary {
  clientVersion: number;
  cipherSuites: number[];
}

/** Reads the version and suites of a ClientHello in one record; undefined for anything else. */
export function readClientHello(bytes: Buffer): ClientHelloSummary | undefined {
  if (bytes.length < 44 || bytes[0] !== 0x16 || bytes[5] !== 0x01) return undefined;
  const clientVersion = bytes.readUInt16BE(9);
  const sessionIdLength = bytes[43] ?? 0;
  const suitesAt = 44 + sessionIdLength;
  if (bytes.length < suitesAt + 2) return undefined;
  const suitesLength = bytes.readUInt16BE(suitesAt);
  const cipherSuites: number[] = [];
  for (let at = suitesAt + 2; at + 1 < suitesAt + 2 + suitesLength && at + 1 < bytes.length; at += 2) cipherSuites.push(bytes.readUInt16BE(at));
  return { clientVersion, cipherSuites };
}

function record(contentType: number, version: number, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt8(contentType, 0);
  header.writeUInt16BE(version, 1);
  header.writeUInt16BE(body.length, 3);
  return Buffer.concat([header, body]);
}

export function serverHello(version: number, cipherSuite: number): Buffer {
  const body = Buffer.concat([
    Buffer.from([version >> 8, version & 0xff]),
    randomBytes(32),
    Buffer.from([0, cipherSuite >> 8, cipherSuite & 0xff, 0]),
  ]);
  const handshake = Buffer.concat([Buffer.from([0x02, 0, body.length >> 8, body.length & 0xff]), body]);
  return record(0x16, version, handshake);
}

/** A fatal alert (40 handshake_failure, 70 protocol_version...). */
export function alert(version: number, description: number): Buffer {
  return record(0x15, version, Buffer.from([2, description]));
}

export interface LegacyServerOptions {
  /** Wire versions, e.g. 0x0300 (SSLv3) to 0x0303 (TLS 1.2). */
  minVersion: number;
  maxVersion: number;
  /** Suites in the server's order of preference. */
  suites: readonly number[];
}

/**
 * A server of the SSLv3 era: it answers at the client's version capped to its own maximum (as
 * such servers did), picks its first suite the client offers, and fails otherwise.
 */
export function legacyServer(options: LegacyServerOptions): (hello: Buffer) => Buffer {
  return (bytes) => {
    const hello = readClientHello(bytes);
    if (!hello) return alert(0x0300, 10);
    const version = Math.min(hello.clientVersion, options.maxVersion);
    if (version < options.minVersion) return alert(options.minVersion, 70);
    const chosen = options.suites.find((suite) => hello.cipherSuites.includes(suite));
    return chosen === undefined ? alert(version, 40) : serverHello(version, chosen);
  };
}

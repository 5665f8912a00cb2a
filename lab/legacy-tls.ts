/**
 * Just enough of the TLS record layer to play an ancient server that OpenSSL 3 can no longer be:
 * read a ClientHello, answer with a ServerHello (SSLv3, RC4), its Certificate and ServerHelloDone,
 * or an alert. No key exchange ever follows: the prober hangs up after the certificate.
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

const u24 = (value: number): Buffer => Buffer.from([value >> 16, (value >> 8) & 0xff, value & 0xff]);

/** One handshake message: type, 24-bit length, body. */
export function handshakeMessage(type: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([type]), u24(body.length), body]);
}

/** Handshake bytes cut into records of at most 2^14 bytes, as TLS requires. */
export function handshakeRecords(version: number, messages: Buffer): Buffer {
  const records: Buffer[] = [];
  for (let at = 0; at < messages.length; at += 16384) records.push(record(0x16, version, messages.subarray(at, at + 16384)));
  return Buffer.concat(records);
}

function serverHelloMessage(version: number, cipherSuite: number): Buffer {
  return handshakeMessage(
    0x02,
    Buffer.concat([Buffer.from([version >> 8, version & 0xff]), randomBytes(32), Buffer.from([0, cipherSuite >> 8, cipherSuite & 0xff, 0])]),
  );
}

/** A Certificate message: the DER certificates, each with its 24-bit length, leaf first. */
export function certificateMessage(certificates: readonly Buffer[]): Buffer {
  const list = Buffer.concat(certificates.flatMap((der) => [u24(der.length), der]));
  return handshakeMessage(0x0b, Buffer.concat([u24(list.length), list]));
}

export function serverHello(version: number, cipherSuite: number): Buffer {
  return record(0x16, version, serverHelloMessage(version, cipherSuite));
}

/** ServerHello, Certificate and ServerHelloDone, packed into records as a server would. */
export function serverFlight(version: number, cipherSuite: number, certificates: readonly Buffer[]): Buffer {
  return handshakeRecords(
    version,
    Buffer.concat([serverHelloMessage(version, cipherSuite), certificateMessage(certificates), handshakeMessage(0x0e, Buffer.alloc(0))]),
  );
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
  /** DER certificates (leaf first) sent after the ServerHello; none: a bare ServerHello. */
  certificates?: readonly Buffer[];
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
    if (chosen === undefined) return alert(version, 40);
    return options.certificates?.length ? serverFlight(version, chosen, options.certificates) : serverHello(version, chosen);
  };
}

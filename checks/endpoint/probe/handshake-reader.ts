/**
 * Reads the server's first flight of a TLS ≤ 1.2 handshake from the raw bytes, where it travels
 * in clear: TLS records are split into handshake messages (a message may span many records, a
 * record may hold several messages), each bounded by a size cap before a byte of it is stored.
 * Pure: bytes in, messages out, so every malformed input is a test case.
 */

/** TLS record payloads are at most 2^14 bytes, plus 2048 for a compressed or encrypted record. */
export const MAX_RECORD = 16384 + 2048;
/**
 * A Certificate message (a chain of thousands of SANs runs to megabytes; OpenSSL's client stops
 * near 1 MB) is read up to this: eight times what our TLS client takes, half of what TLS's 24-bit
 * length allows, and bounded memory when many endpoints are probed at once.
 */
export const MAX_CERTIFICATE_MESSAGE = 8 * 1024 * 1024;
/** Any other message of the first flight (ServerHello, CertificateStatus...) fits in this. */
const MAX_OTHER_MESSAGE = 256 * 1024;
/** Certificates in one chain; a server that sends more is not sending a chain. */
export const MAX_CHAIN_LENGTH = 64;

export const HANDSHAKE_TYPES = {
  serverHello: 2,
  certificate: 11,
  serverKeyExchange: 12,
  certificateRequest: 13,
  serverHelloDone: 14,
  certificateStatus: 22,
} as const;

export interface HandshakeMessage {
  type: number;
  body: Buffer;
}

/** Why reading stopped: a fatal alert, or why the bytes are not a TLS answer. */
export type ReadEnd = { kind: 'alert'; description: number } | { kind: 'malformed'; reason: string };

/** What a chunk of bytes gave: the messages it completed, then the end when reading stopped there. */
export interface ReadResult {
  messages: HandshakeMessage[];
  end?: ReadEnd;
}

const sizeOf = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${bytes} bytes`);

/**
 * Feeds on the bytes as they arrive. Only a record's header and a message's 4-byte header are
 * ever buffered across chunks; a message body is stored once, in a buffer of its announced size.
 */
export class HandshakeReader {
  #pending: Buffer = Buffer.alloc(0);
  #header: number[] = [];
  #message: { type: number; body: Buffer; filled: number } | undefined;

  push(chunk: Buffer): ReadResult {
    let bytes = this.#pending.length ? Buffer.concat([this.#pending, chunk]) : chunk;
    const messages: HandshakeMessage[] = [];
    const malformed = (reason: string): ReadResult => ({ messages, end: { kind: 'malformed', reason } });
    while (bytes.length >= 5) {
      const type = bytes[0] ?? 0;
      const length = bytes.readUInt16BE(3);
      if ((type !== 0x15 && type !== 0x16) || bytes[1] !== 0x03)
        return malformed(`not a TLS handshake record: first bytes ${bytes.subarray(0, 5).toString('hex')}`);
      if (length > MAX_RECORD) return malformed(`a record of ${length} bytes, over TLS's ${MAX_RECORD}`);
      if (bytes.length < 5 + length) break;
      const payload = bytes.subarray(5, 5 + length);
      bytes = bytes.subarray(5 + length);
      if (type === 0x15) return payload.length >= 2 ? { messages, end: { kind: 'alert', description: payload[1] ?? 0 } } : malformed('a short alert');
      const problem = this.#feed(payload, messages);
      if (problem) return malformed(problem);
    }
    this.#pending = Buffer.from(bytes);
    return { messages };
  }

  #feed(payload: Buffer, out: HandshakeMessage[]): string | undefined {
    let at = 0;
    while (at < payload.length) {
      if (!this.#message) {
        while (this.#header.length < 4 && at < payload.length) this.#header.push(payload[at++] ?? 0);
        if (this.#header.length < 4) return undefined;
        const [type = 0, a = 0, b = 0, c = 0] = this.#header;
        this.#header = [];
        const length = (a << 16) | (b << 8) | c;
        const cap = type === HANDSHAKE_TYPES.certificate ? MAX_CERTIFICATE_MESSAGE : MAX_OTHER_MESSAGE;
        if (length > cap) return `a handshake message (type ${type}) of ${sizeOf(length)}, over the cap of ${sizeOf(cap)}`;
        this.#message = { type, body: Buffer.allocUnsafe(length), filled: 0 };
      }
      const message = this.#message;
      const taken = payload.copy(message.body, message.filled, at, Math.min(payload.length, at + message.body.length - message.filled));
      message.filled += taken;
      at += taken;
      if (message.filled === message.body.length) {
        out.push({ type: message.type, body: message.body });
        this.#message = undefined;
      }
    }
    return undefined;
  }
}

export interface ServerHelloFacts {
  version: number;
  cipherSuite: number;
  /** The protocol the server chose through ALPN, when it sent the extension. */
  alpn?: string;
}

/** Version, suite and ALPN choice of a ServerHello body; a string says why it cannot be read. */
export function parseServerHello(body: Buffer): ServerHelloFacts | string {
  if (body.length < 38) return 'a short ServerHello';
  const sessionIdLength = body[34] ?? 0;
  const suiteAt = 35 + sessionIdLength;
  if (body.length < suiteAt + 3) return 'a short ServerHello';
  const facts: ServerHelloFacts = { version: body.readUInt16BE(0), cipherSuite: body.readUInt16BE(suiteAt) };
  let at = suiteAt + 3;
  if (body.length < at + 2) return facts;
  const end = Math.min(body.length, at + 2 + body.readUInt16BE(at));
  at += 2;
  while (at + 4 <= end) {
    const type = body.readUInt16BE(at);
    const length = body.readUInt16BE(at + 2);
    if (at + 4 + length > end) return 'a ServerHello extension past its end';
    // ALPN: a list (u16 length) of one protocol name (u8 length).
    if (type === 0x0010 && length >= 3) facts.alpn = body.toString('latin1', at + 7, at + 7 + (body[at + 6] ?? 0));
    at += 4 + length;
  }
  return facts;
}

/** The DER certificates of a Certificate message (24-bit lengths throughout), leaf first. */
export function parseCertificateMessage(body: Buffer): Buffer[] | string {
  if (body.length < 3) return 'a short Certificate message';
  const total = body.readUIntBE(0, 3);
  if (total !== body.length - 3) return `a Certificate message announcing ${total} bytes of certificates in ${body.length - 3}`;
  const certificates: Buffer[] = [];
  for (let at = 3; at < body.length;) {
    if (at + 3 > body.length) return 'a truncated certificate length';
    const length = body.readUIntBE(at, 3);
    if (length === 0 || at + 3 + length > body.length) return `a certificate of ${length} bytes past the message's end`;
    if (certificates.length === MAX_CHAIN_LENGTH) return `more than ${MAX_CHAIN_LENGTH} certificates`;
    certificates.push(body.subarray(at + 3, at + 3 + length));
    at += 3 + length;
  }
  return certificates;
}

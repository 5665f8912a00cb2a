import { describe, expect, it } from 'vitest';
import {
  HandshakeReader,
  MAX_CERTIFICATE_MESSAGE,
  MAX_CHAIN_LENGTH,
  parseCertificateMessage,
  parseServerHello,
  type HandshakeMessage,
  type ReadResult,
} from '../../../checks/endpoint/probe/handshake-reader.js';
import { alert, certificateMessage, handshakeMessage, handshakeRecords, serverFlight } from '../../../lab/legacy-tls.js';

const TLS12 = 0x0303;

/** Feeds `bytes` in chunks of `size` and collects the messages up to where reading ended, and why it ended. */
function readAll(bytes: Buffer, size: number): ReadResult {
  const reader = new HandshakeReader();
  const messages: HandshakeMessage[] = [];
  for (let at = 0; at < bytes.length; at += size) {
    const { messages: more, end } = reader.push(bytes.subarray(at, at + size));
    messages.push(...more);
    if (end) return { messages, end };
  }
  return { messages };
}

const certificates = [Buffer.alloc(40_000, 0xaa), Buffer.alloc(1200, 0xbb)];

describe('HandshakeReader', () => {
  it.each([1, 7, 1000, 65_536])(
    'Given a ServerHello, a 40 KB Certificate and ServerHelloDone in chunks of %i bytes, then it gives the three messages whole',
    (size) => {
      const { messages, end } = readAll(serverFlight(TLS12, 0x002f, certificates), size);
      expect(end).toBeUndefined();
      expect(messages.map((message) => message.type)).toEqual([2, 11, 14]);
      // The Certificate message spans three records and comes out as one body
      expect(parseCertificateMessage(messages[1]?.body ?? Buffer.alloc(0))).toEqual(certificates);
    },
  );

  it('Given several messages in one record, then it splits them', () => {
    const flight = Buffer.concat([handshakeMessage(2, Buffer.alloc(38)), handshakeMessage(14, Buffer.alloc(0)), handshakeMessage(14, Buffer.alloc(0))]);
    expect(readAll(handshakeRecords(TLS12, flight), 4096).messages.map((message) => message.type)).toEqual([2, 14, 14]);
  });

  it('Given a fatal alert, then it reports the alert', () => {
    expect(new HandshakeReader().push(alert(TLS12, 40))).toEqual({ messages: [], end: { kind: 'alert', description: 40 } });
  });

  it('Given bytes that are not TLS records, then it says so with the first bytes', () => {
    expect(new HandshakeReader().push(Buffer.from('HTTP/1.1 400 Bad Request\r\n'))).toEqual({
      messages: [],
      end: { kind: 'malformed', reason: expect.stringContaining('485454502f') },
    });
  });

  it('Given a record longer than TLS allows, then it refuses it before reading it', () => {
    expect(new HandshakeReader().push(Buffer.from([0x16, 0x03, 0x03, 0xff, 0xff]))).toEqual({
      messages: [],
      end: { kind: 'malformed', reason: "a record of 65535 bytes, over TLS's 18432" },
    });
  });

  it('Given a Certificate message announced over the cap, then it names the size and the cap before storing a byte of it', () => {
    // 9 MiB announced, against the 8 MiB cap
    const header = Buffer.from([0x0b, 0x90, 0x00, 0x00]);
    expect(MAX_CERTIFICATE_MESSAGE).toBe(8 * 1024 * 1024);
    // The ServerHello before it still comes out: a reader of the first message needs no more
    const bytes = Buffer.concat([handshakeRecords(TLS12, handshakeMessage(2, Buffer.alloc(38))), handshakeRecords(TLS12, header)]);
    expect(new HandshakeReader().push(bytes)).toEqual({
      messages: [{ type: 2, body: Buffer.alloc(38) }],
      end: { kind: 'malformed', reason: 'a handshake message (type 11) of 9.0 MiB, over the cap of 8.0 MiB' },
    });
  });

  it('Given another message over its own cap, then it refuses it too', () => {
    expect(new HandshakeReader().push(handshakeRecords(TLS12, Buffer.from([0x02, 0x10, 0x00, 0x00])))).toMatchObject({
      end: { kind: 'malformed', reason: expect.stringContaining('type 2') },
    });
  });
});

describe('parseServerHello', () => {
  const hello = (extensions: Buffer): Buffer => Buffer.concat([Buffer.from([0x03, 0x03]), Buffer.alloc(32), Buffer.from([0, 0xc0, 0x2f, 0]), extensions]);

  it('reads the version, the suite and the ALPN protocol chosen', () => {
    const alpn = Buffer.from([0x00, 0x10, 0x00, 0x05, 0x00, 0x03, 0x02, 0x68, 0x32]);
    expect(parseServerHello(hello(Buffer.concat([Buffer.from([0x00, alpn.length]), alpn])))).toEqual({ version: 0x0303, cipherSuite: 0xc02f, alpn: 'h2' });
  });

  it('reads a ServerHello without extensions (SSLv3)', () => {
    expect(parseServerHello(hello(Buffer.alloc(0)))).toEqual({ version: 0x0303, cipherSuite: 0xc02f });
  });

  it('says why it cannot read a short one or an extension past its end', () => {
    expect(parseServerHello(Buffer.alloc(10))).toBe('a short ServerHello');
    expect(parseServerHello(hello(Buffer.from([0x00, 0x06, 0x00, 0x10, 0x00, 0x09, 0x00, 0x00])))).toBe('a ServerHello extension past its end');
  });
});

describe('parseCertificateMessage', () => {
  const bodyOf = (message: Buffer): Buffer => message.subarray(4);

  it('reads each certificate with its 24-bit length, leaf first', () => {
    expect(parseCertificateMessage(bodyOf(certificateMessage(certificates)))).toEqual(certificates);
  });

  it.each([
    ['a short message', Buffer.from([0x00]), 'a short Certificate message'],
    ['a list length that disagrees', Buffer.from([0x00, 0x00, 0x09, 0x00]), 'a Certificate message announcing 9 bytes of certificates in 1'],
    ['a certificate past the end', Buffer.from([0x00, 0x00, 0x04, 0x00, 0x00, 0x09, 0xaa]), "a certificate of 9 bytes past the message's end"],
    ['a zero-length certificate', Buffer.from([0x00, 0x00, 0x03, 0x00, 0x00, 0x00]), "a certificate of 0 bytes past the message's end"],
  ])('Given %s, then it says so', (_name, body, reason) => {
    expect(parseCertificateMessage(body)).toBe(reason);
  });

  it('refuses more certificates than any chain has', () => {
    const many = Array.from({ length: MAX_CHAIN_LENGTH + 1 }, () => Buffer.from([0x30]));
    expect(parseCertificateMessage(bodyOf(certificateMessage(many)))).toBe(`more than ${MAX_CHAIN_LENGTH} certificates`);
  });
});

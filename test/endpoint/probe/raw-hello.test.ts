import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Deadline } from '../../../checks/endpoint/probe/failure.js';
import { clientHello, enumerateLegacySuites, exchangeHello, readServerAnswer } from '../../../checks/endpoint/probe/raw-hello.js';
import { alert, legacyServer, readClientHello, serverHello } from '../../../lab/legacy-tls.js';

const WHERE = '127.0.0.1:4433';
const LIMITS = { connectMs: 1000, handshakeMs: 500 };

describe('clientHello', () => {
  it('offers the version and suites asked for, readable by a server', () => {
    // Given a TLS 1.0 hello offering RC4-SHA and 3DES
    const hello = clientHello('TLSv1', [0x0005, 0x000a], 'api.lab.test');
    // Then a server reads exactly that offer, and the host name travels as SNI
    expect(readClientHello(hello)).toEqual({ clientVersion: 0x0301, cipherSuites: [0x0005, 0x000a] });
    expect(hello.includes(Buffer.from('api.lab.test'))).toBe(true);
  });

  it('sends SSLv3 hellos in an SSLv3 record without extensions', () => {
    const hello = clientHello('SSLv3', [0x0004], 'api.lab.test');
    expect(hello.subarray(0, 3)).toEqual(Buffer.from([0x16, 0x03, 0x00]));
    expect(hello.includes(Buffer.from('api.lab.test'))).toBe(false);
  });

  it('sends no SNI for an IP address', () => {
    expect(clientHello('TLSv1.2', [0x002f], '127.0.0.1').includes(Buffer.from('127.0.0.1'))).toBe(false);
  });
});

describe('readServerAnswer', () => {
  it('reads the version and suite of a ServerHello', () => {
    expect(readServerAnswer(serverHello(0x0303, 0xc02f), WHERE)).toEqual({ kind: 'server-hello', version: 0x0303, cipherSuite: 0xc02f });
  });

  it('waits for more bytes while the ServerHello is incomplete', () => {
    const whole = serverHello(0x0301, 0x0005);
    expect(readServerAnswer(whole.subarray(0, 20), WHERE)).toBeUndefined();
  });

  it('reads an alert', () => {
    expect(readServerAnswer(alert(0x0303, 40), WHERE)).toEqual({ kind: 'alert', description: 40 });
  });

  it('calls bytes that are not TLS a protocol failure naming the address', () => {
    const answer = readServerAnswer(Buffer.from('HTTP/1.1 400 Bad Request\r\n'), WHERE);
    expect(answer).toMatchObject({ kind: 'failure', failure: { kind: 'protocol', serverRefused: false, detail: expect.stringContaining(WHERE) } });
  });
});

describe('enumerateLegacySuites against a raw server', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
    server = undefined;
  });

  async function serve(reply: (hello: Buffer) => Buffer): Promise<number> {
    const listening = createServer((socket) => {
      // The client hangs up as soon as it has its answer: a reset here is expected, not an error.
      socket.on('error', () => socket.destroy());
      socket.once('data', (data: Buffer) => socket.end(reply(data)));
    });
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const address = listening.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  const target = (port: number) => ({
    url: `https://legacy.lab.test:${port}/`,
    host: 'legacy.lab.test',
    port,
    path: '/',
    httpUrl: 'http://legacy.lab.test/',
    address: '127.0.0.1',
    caPem: [],
  });

  it('finds every suite the server accepts, in its order, with one handshake more than it accepts', async () => {
    // Given a TLS 1.0 server accepting DES and RC4
    const port = await serve(legacyServer({ minVersion: 0x0301, maxVersion: 0x0301, suites: [0x0009, 0x0005] }));
    // When we enumerate among four suites
    const result = await enumerateLegacySuites(target(port), 'TLSv1', [0x0005, 0x0009, 0x000a, 0x002f], LIMITS, new Deadline(5000));
    // Then both are found in the server's order
    expect(result).toEqual({ accepted: [0x0009, 0x0005] });
  });

  it('accepts nothing when the server answers at an older version than offered', async () => {
    const port = await serve(legacyServer({ minVersion: 0x0300, maxVersion: 0x0300, suites: [0x0005] }));
    expect(await enumerateLegacySuites(target(port), 'TLSv1.2', [0x0005], LIMITS, new Deadline(5000))).toEqual({ accepted: [] });
  });

  it('keeps what it found and says why when the server stops answering mid-way (after one retry)', async () => {
    // Given a server that answers the first ClientHello and then goes silent
    let connections = 0;
    const listening = createServer((socket) => {
      socket.on('error', () => socket.destroy());
      connections += 1;
      if (connections === 1) socket.once('data', () => socket.end(serverHello(0x0303, 0x002f)));
    });
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const address = listening.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    // When we enumerate
    const result = await enumerateLegacySuites(target(port), 'TLSv1.2', [0x002f, 0x0035], { connectMs: 1000, handshakeMs: 200 }, new Deadline(5000));
    // Then the first suite is kept, the gap is explained, and the silent step was tried twice
    expect(result).toMatchObject({ accepted: [0x002f], failure: { kind: 'timeout' } });
    expect(connections).toBe(3);
  });

  it('stops reading a server that streams handshake bytes without ever finishing a ServerHello', async () => {
    // Given a server announcing a 192 KB ServerHello (under the message cap) and streaming bytes for it
    const record = Buffer.concat([Buffer.from([0x16, 0x03, 0x03, 0x40, 0x00]), Buffer.alloc(0x4000)]);
    const header = Buffer.from([0x16, 0x03, 0x03, 0x00, 0x04, 0x02, 0x03, 0x00, 0x00]);
    const port = await serve(() => Buffer.concat([header, ...Array.from({ length: 8 }, () => record)]));
    // Then the exchange ends as a protocol failure instead of reading on
    const answer = await exchangeHello(target(port), clientHello('TLSv1.2', [0x002f], 'legacy.lab.test'), LIMITS);
    expect(answer).toMatchObject({ kind: 'failure', failure: { kind: 'protocol', detail: expect.stringContaining('no ServerHello in the first') } });
  });

  it('reports a server that never answers as a timeout, within the handshake limit', async () => {
    const listening = createServer((socket) => socket.on('error', () => socket.destroy()));
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const address = listening.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const started = performance.now();
    const answer = await exchangeHello(target(port), clientHello('TLSv1', [0x0005], 'legacy.lab.test'), LIMITS);
    expect(answer).toMatchObject({ kind: 'failure', failure: { kind: 'timeout', detail: expect.stringContaining(`127.0.0.1:${port}`) } });
    expect(performance.now() - started).toBeLessThan(LIMITS.handshakeMs + 2000);
    listening.close();
    server = undefined;
  });
});

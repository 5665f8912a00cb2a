import { describe, expect, it } from 'vitest';
import { handshake } from '../../../checks/endpoint/probe/tls-handshake.js';
import { Deadline, failureOf } from '../../../checks/endpoint/probe/failure.js';
import { startScenario } from '../../../lab/index.js';

const errorWith = (code: string, message: string): Error => Object.assign(new Error(message), { code });

describe('failureOf', () => {
  it.each([
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND api.example.org', 'dns', false],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1', 'refused', false],
    ['ECONNRESET', 'read ECONNRESET', 'reset', true],
    ['ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', 'C0:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:../ssl.c:1', 'tls-alert', true],
    ['ERR_SSL_UNSUPPORTED_PROTOCOL', 'C0:error:0A000102:SSL routines:ssl_choose_client_version:unsupported protocol', 'protocol', true],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'C0:error:0A00010B:SSL routines:ssl3_get_record:wrong version number', 'protocol', false],
  ] as const)('classifies %s as %s (server refused: %s)', (code, message, kind, serverRefused) => {
    const failure = failureOf(errorWith(code, message), '127.0.0.1:4433');
    expect(failure).toMatchObject({ kind, serverRefused, local: false });
    expect(failure.detail).not.toContain('C0:error');
  });

  it('marks a refusal by our own client as local, never as the server refusing', () => {
    const failure = failureOf(errorWith('ERR_SSL_NO_PROTOCOLS_AVAILABLE', 'no protocols available'), '127.0.0.1:4433');
    expect(failure).toMatchObject({ local: true, serverRefused: false, detail: expect.stringContaining('our client refused') });
  });
});

describe('handshake', () => {
  it('turns a suite our client cannot use at a version into a local failure, not a server verdict', async () => {
    // Given a server that accepts TLS 1.0
    const scenario = await startScenario('legacy-tls', 'client-refusal');
    try {
      const port = Number(new URL(scenario.endpoint.url).port);
      // When our client is asked to offer TLS 1.0 with only a TLS 1.2 suite
      const outcome = await handshake(
        {
          url: scenario.endpoint.url,
          host: 'client-refusal.lab.test',
          port,
          path: '/',
          httpUrl: 'http://client-refusal.lab.test/',
          address: '127.0.0.1',
          caPem: [],
        },
        { minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' },
        { connectMs: 1000, handshakeMs: 1000 },
      );
      // Then the failure is ours, and says nothing about the server
      expect(outcome).toMatchObject({ ok: false, failure: { local: true, serverRefused: false, detail: expect.stringContaining('our client refused') } });
    } finally {
      await scenario.stop();
    }
  });
});

describe('Deadline', () => {
  it('cuts each step to what is left of the total', () => {
    let clock = 0;
    const deadline = new Deadline(1000, () => clock);
    expect(deadline.limit(300)).toBe(300);
    clock = 900;
    expect(deadline.limit(300)).toBe(100);
    clock = 1200;
    expect(deadline.limit(300)).toBe(0);
    expect(deadline.expired).toBe(true);
  });
});

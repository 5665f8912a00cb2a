import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProbeTimeouts, ProbeTarget } from '../../../checks/endpoint/backend.js';
import { evaluateEndpoint } from '../../../checks/endpoint/evaluate.js';
import type { CertificateObservation, EndpointObservation } from '../../../checks/endpoint/model.js';
import { probeEndpoint } from '../../../checks/endpoint/probe/probe-endpoint.js';
import { observeRawCertificate, readServerCertificates } from '../../../checks/endpoint/probe/raw-certificate.js';
import { loadProfile } from '../../../checks/endpoint/profiles/index.js';
import { probeTargetOf } from '../../../checks/endpoint/index.js';
import { issueLeaf, labAuthority, type LeafOptions } from '../../../lab/certs.js';
import { startScenario } from '../../../lab/index.js';
import { handshakeRecords, legacyServer, serverHello } from '../../../lab/legacy-tls.js';
import { closedPort, startRawServer, startTlsServer, type RunningServer } from '../../../lab/servers.js';

const TIMEOUTS: ProbeTimeouts = { connectMs: 3000, handshakeMs: 3000, totalMs: 20_000 };
// The lab's certificates are made against the real clock; the probe and the rules judge at the same time.
const NOW = new Date();
const SSLV3 = 0x0300;
const RC4_SHA = 0x0005;

const running: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** Registers a server (or lab scenario) to be stopped after the test. */
function started<T extends { close(): Promise<void> } | { stop(): Promise<void> }>(server: T): T {
  running.push('close' in server ? server : { close: () => server.stop() });
  return server;
}

async function targetFor(host: string, server: RunningServer, caPem: string[] = []): Promise<ProbeTarget> {
  return {
    url: `https://${host}:${server.port}/`,
    host,
    port: server.port,
    path: '/',
    httpUrl: `http://${host}:${await closedPort()}/`,
    address: '127.0.0.1',
    caPem,
  };
}

function judged(observation: EndpointObservation): { findings: string[]; unknown: string[]; messages: string[] } {
  const evaluation = evaluateEndpoint(observation, loadProfile('hipaa'), NOW);
  return {
    findings: evaluation.findings.map((finding) => finding.ruleId),
    unknown: evaluation.unknown.map((outcome) => outcome.ruleId),
    messages: evaluation.findings.map((finding) => finding.message),
  };
}

/** A raw SSLv3-only server (RC4) sending `leaf` and the lab intermediate after its ServerHello. */
async function sslv3Server(leaf: LeafOptions): Promise<{ server: RunningServer; caPem: string }> {
  const [ca, issued] = await Promise.all([labAuthority(), issueLeaf(leaf)]);
  const server = started(
    await startRawServer({
      kind: 'reply',
      reply: legacyServer({ minVersion: SSLV3, maxVersion: SSLV3, suites: [RC4_SHA], certificates: [issued.x509.raw, ca.intermediate.x509.raw] }),
    }),
  );
  return { server, caPem: ca.root.pem };
}

describe('certificate verdicts for an SSLv3-only server, from its raw handshake', () => {
  it('Given the lab SSLv3 server and its good chain, then every certificate rule decides and none fires', async () => {
    // Given the lab's SSLv3-only scenario (raw ServerHello, Certificate, ServerHelloDone)
    const scenario = started(await startScenario('sslv3'));
    // When it is probed and judged
    const observation = await probeEndpoint(probeTargetOf(scenario.endpoint, [scenario.caPem]), { timeouts: TIMEOUTS, now: () => NOW });
    const { findings, unknown } = judged(observation);
    // Then the protocol is flagged, and no certificate rule is unknown or fires but the staple (SSLv3 cannot ask for one)
    expect(findings).toContain('TLS-PROTOCOL-LEGACY');
    expect(findings.filter((id) => id.startsWith('CERT-'))).toEqual([]);
    expect(unknown.filter((id) => id.startsWith('CERT-'))).toEqual([]);
    // ALPN is decided too (SSLv3 has no ALPN: no h2)
    expect(findings).toContain('HTTP2-NOT-SUPPORTED');
  });

  it('Given an expired, SHA-1-signed RSA-1024 leaf for another host, then each flaw is a finding', async () => {
    const { server, caPem } = await sslv3Server({ names: ['other.lab.test'], key: 'rsa-1024', digest: 'sha1', notBeforeDays: -400, notAfterDays: -5 });
    const observation = await probeEndpoint(await targetFor('old.lab.test', server, [caPem]), { timeouts: TIMEOUTS, now: () => NOW });
    expect(observation.certificate).toMatchObject({
      status: 'measured',
      value: { trusted: false, trustError: 'CERT_HAS_EXPIRED', chainComplete: true, hostnameMatches: false },
    });
    const { findings, unknown } = judged(observation);
    expect(findings).toEqual(
      expect.arrayContaining(['CERT-EXPIRED', 'CERT-WEAK-KEY', 'CERT-WEAK-SIGNATURE', 'CERT-HOSTNAME-MISMATCH', 'CERT-LIFESPAN-TOO-LONG']),
    );
    expect(unknown.filter((id) => id.startsWith('CERT-'))).toEqual([]);
  });

  it('Given a leaf sent without its intermediate and no configured anchor, then the chain is incomplete and untrusted', async () => {
    const issued = await issueLeaf({ names: ['lonely.lab.test'] });
    const server = started(
      await startRawServer({
        kind: 'reply',
        reply: legacyServer({ minVersion: SSLV3, maxVersion: SSLV3, suites: [RC4_SHA], certificates: [issued.x509.raw] }),
      }),
    );
    const observation = await probeEndpoint(await targetFor('lonely.lab.test', server), { timeouts: TIMEOUTS, now: () => NOW });
    expect(observation.certificate).toMatchObject({
      status: 'measured',
      value: { trusted: false, trustError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', chainComplete: false },
    });
    expect(judged(observation).findings).toContain('CERT-CHAIN-INCOMPLETE');
  });
});

describe('the raw reader against a real TLS 1.0-only OpenSSL server', () => {
  const TLS1_SUITES = [0xc013, 0x002f]; // ECDHE-RSA-AES128-SHA, AES128-SHA

  it.each([
    ['a good chain', { names: ['tls1.lab.test'] }, 'chain', { trusted: true, chainComplete: true }],
    [
      'an expired leaf',
      { names: ['tls1.lab.test'], notBeforeDays: -100, notAfterDays: -10 },
      'chain',
      { trusted: false, trustError: 'CERT_HAS_EXPIRED', chainComplete: true },
    ],
    [
      'a self-signed leaf',
      { names: ['tls1.lab.test'], selfSigned: true },
      'leaf',
      { trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT', chainComplete: true },
    ],
    [
      'a leaf without its intermediate',
      { names: ['tls1.lab.test'] },
      'leaf',
      { trusted: false, trustError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', chainComplete: false },
    ],
  ] satisfies [string, LeafOptions, 'chain' | 'leaf', Partial<CertificateObservation>][])(
    'Given %s, then the raw handshake gives the same certificate facts as Node’s handshake',
    async (_name, leaf, sent, expected) => {
      // Given Node's own OpenSSL serving TLS 1.0 only, stapling an OCSP response when asked
      const [ca, issued] = await Promise.all([labAuthority(), issueLeaf(leaf)]);
      const server = started(
        await startTlsServer({
          keyPem: issued.keyPem,
          certPem: sent === 'chain' ? [issued.pem, ca.intermediate.pem] : [issued.pem],
          minVersion: 'TLSv1',
          maxVersion: 'TLSv1',
          ciphers: 'ECDHE-RSA-AES128-SHA:AES128-SHA:@SECLEVEL=0',
          h2: false,
          hsts: [],
          ocspResponse: Buffer.from('lab OCSP placeholder'),
        }),
      );
      const target = await targetFor('tls1.lab.test', server, [ca.root.pem]);
      // When the certificate is read from a raw TLS 1.0 ClientHello, and measured by the normal path (Node completes TLS 1.0)
      const raw = await readServerCertificates(target, 'TLSv1', TLS1_SUITES, { connectMs: 3000, handshakeMs: 3000 });
      const viaNode = await probeEndpoint(target, { timeouts: TIMEOUTS, now: () => NOW });
      // Then both paths give the same observation: chain, trust and its error, completeness, host name, staple
      expect(raw).toMatchObject({ ok: true, ocspStapled: true });
      expect(viaNode.certificate.status).toBe('measured');
      const fromRaw = observeRawCertificate(target, raw, NOW);
      expect(fromRaw).toEqual(viaNode.certificate);
      // And the facts are the chain's: trust, its error, completeness, the host name, the staple
      expect(fromRaw).toMatchObject({ status: 'measured', value: { ...expected, hostnameMatches: true, ocspStapled: true } });
    },
  );
});

describe('bounds of the raw reader', () => {
  it('Given a Certificate message announced over the 8 MiB cap, then the certificate is an error naming the cap and the host, and the run fails', async () => {
    // Given a server that picks a suite and then announces a 9 MiB Certificate message
    const huge = handshakeRecords(0x0303, Buffer.concat([Buffer.from([0x0b, 0x90, 0x00, 0x00]), Buffer.alloc(4096)]));
    const server = started(await startRawServer({ kind: 'reply', reply: () => Buffer.concat([serverHello(0x0303, 0x002f), huge]) }));
    const observation = await probeEndpoint(await targetFor('cap.lab.test', server), { timeouts: TIMEOUTS, now: () => NOW });
    expect(observation.certificate).toEqual({
      status: 'error',
      reason: expect.stringMatching(/over the cap of 8\.0 MiB \(cap\.lab\.test at 127\.0\.0\.1:\d+\)/),
    });
    const { findings, messages } = judged(observation);
    expect(findings).toContain('ENDPOINT-MISBEHAVED');
    expect(messages.some((message) => message.includes('over the cap of 8.0 MiB'))).toBe(true);
  });

  it('Given bytes that are no certificate inside a Certificate message, then the certificate is an error, the probe goes on', async () => {
    const server = started(
      await startRawServer({
        kind: 'reply',
        reply: legacyServer({ minVersion: SSLV3, maxVersion: SSLV3, suites: [RC4_SHA], certificates: [Buffer.from('not a certificate')] }),
      }),
    );
    const observation = await probeEndpoint(await targetFor('junk.lab.test', server), { timeouts: TIMEOUTS, now: () => NOW });
    expect(observation.certificate).toEqual({
      status: 'error',
      reason: expect.stringMatching(/^could not read the certificate from the raw handshake: .*junk\.lab\.test at 127\.0\.0\.1:\d+/),
    });
    expect(observation.protocols).toMatchObject({ status: 'measured', value: { SSLv3: true } });
  });

  it('Given a server that stops after its ServerHello, then the read ends as a timeout within the handshake limit', async () => {
    const server = createServer((socket) => {
      socket.on('error', () => socket.destroy());
      socket.once('data', () => socket.write(serverHello(0x0303, 0x002f)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    running.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const startedAt = performance.now();
    const outcome = await readServerCertificates(
      { url: `https://stall.lab.test:${port}/`, host: 'stall.lab.test', port, path: '/', httpUrl: 'http://stall.lab.test:1/', address: '127.0.0.1', caPem: [] },
      'TLSv1.2',
      [0x002f],
      { connectMs: 1000, handshakeMs: 300 },
    );
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'timeout', detail: expect.stringContaining(`127.0.0.1:${port}`) } });
    expect(performance.now() - startedAt).toBeLessThan(1500);
  });
});

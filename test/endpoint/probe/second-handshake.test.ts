import { afterEach, describe, expect, it } from 'vitest';
import type { ProbeTimeouts } from '../../../checks/endpoint/backend.js';
import { evaluateEndpoint } from '../../../checks/endpoint/evaluate.js';
import type { EndpointObservation } from '../../../checks/endpoint/model.js';
import { probeEndpoint } from '../../../checks/endpoint/probe/probe-endpoint.js';
import { loadProfile } from '../../../checks/endpoint/profiles/index.js';
import { issueLeaf, labAuthority } from '../../../lab/certs.js';
import { GOOD_HSTS } from '../../../lab/index.js';
import { startHttpServer, startTlsServer, type RunningServer } from '../../../lab/servers.js';

const TIMEOUTS: ProbeTimeouts = { connectMs: 3000, handshakeMs: 3000, totalMs: 20_000 };
// The lab's certificates are made against the real clock.
const NOW = new Date();

const running: RunningServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/**
 * Given a TLS 1.2 server accepting only `ciphers` (h2, HSTS, a good chain for `host` from the lab
 * intermediate) and a plain-HTTP port that redirects to it with a 301, when probed, then judged.
 */
async function probeServer(host: string, ciphers: string): Promise<{ observation: EndpointObservation; findings: string[]; unknown: string[] }> {
  const [ca, leaf] = await Promise.all([labAuthority(), issueLeaf({ names: [host] })]);
  const tls = await startTlsServer({
    keyPem: leaf.keyPem,
    certPem: [leaf.pem, ca.intermediate.pem],
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.2',
    ciphers,
    h2: true,
    hsts: [GOOD_HSTS],
  });
  running.push(tls);
  const http = await startHttpServer((path) => ({ status: 301, location: `https://${host}:${tls.port}${path}` }));
  running.push(http);
  const target = {
    url: `https://${host}:${tls.port}/`,
    host,
    port: tls.port,
    path: '/',
    httpUrl: `http://${host}:${http.port}/`,
    address: '127.0.0.1',
    caPem: [ca.root.pem],
  };
  const observation = await probeEndpoint(target, { timeouts: TIMEOUTS, now: () => NOW });
  const evaluation = evaluateEndpoint(observation, loadProfile('hipaa'), NOW);
  return { observation, findings: evaluation.findings.map((finding) => finding.ruleId), unknown: evaluation.unknown.map((outcome) => outcome.ruleId) };
}

function measured<T>(measurement: { status: string; value?: T; reason?: string }): T {
  if (measurement.status !== 'measured' || measurement.value === undefined)
    throw new Error(`expected a measurement, got ${measurement.status}: ${measurement.reason ?? ''}`);
  return measurement.value;
}

describe('a server that accepts only NULL-encryption suites (refusing the main handshake)', () => {
  it('gets certificate, ALPN, HSTS and redirect verdicts from a second handshake offering what it accepts', async () => {
    const { observation, findings, unknown } = await probeServer('null.lab.test', 'NULL-SHA256:NULL-SHA:@SECLEVEL=0');
    // The suites are found by the raw scan
    expect(measured(observation.ciphers)).toEqual(expect.arrayContaining([{ version: 'TLSv1.2', name: 'TLS_RSA_WITH_NULL_SHA256' }]));
    // The second handshake (NULL suites, TLS 1.2) gives the certificate, trusted through the configured root
    expect(measured(observation.certificate)).toMatchObject({ trusted: true, chainComplete: true, hostnameMatches: true });
    expect(measured(observation.alpn)).toEqual(['h2']);
    expect(measured(observation.hsts).headers).toEqual([GOOD_HSTS]);
    // The redirect chain goes through the https:// hop over the same suites
    expect(measured(observation.http).hops.map((hop) => `${new URL(hop.url).protocol} ${hop.status}`)).toEqual(['http: 301', 'https: 200']);
    // Judged: the NULL suites fail, and nothing that a handshake can give is unknown
    expect(findings).toContain('TLS-CIPHER-WEAK');
    expect(findings.filter((id) => /^(CERT|HSTS|HTTP2|HTTP)-/.test(id))).toEqual([]);
    expect(unknown).toEqual([]);
  });
});

describe('a server that accepts only anonymous suites', () => {
  it('gets ALPN, HSTS and redirect verdicts from a second handshake; the certificate it never sends stays unknown, said so', async () => {
    const { observation, findings, unknown } = await probeServer('anon.lab.test', 'ADH-AES128-GCM-SHA256:ADH-AES256-GCM-SHA384:@SECLEVEL=0');
    expect(measured(observation.ciphers)).toEqual(expect.arrayContaining([{ version: 'TLSv1.2', name: 'TLS_DH_anon_WITH_AES_128_GCM_SHA256' }]));
    expect(measured(observation.alpn)).toEqual(['h2']);
    expect(measured(observation.hsts).headers).toEqual([GOOD_HSTS]);
    expect(measured(observation.http).hops.map((hop) => hop.status)).toEqual([301, 200]);
    // No certificate exists to judge: not measured, with the reason, and only the certificate rules are unknown
    expect(observation.certificate).toEqual({ status: 'not-measured', reason: 'the server sent no certificate' });
    expect(findings).toContain('TLS-CIPHER-WEAK');
    expect(findings.filter((id) => /^(HSTS|HTTP2|HTTP)-/.test(id))).toEqual([]);
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((id) => id.startsWith('CERT-'))).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapBounded, type ProbeTimeouts } from '../../../checks/endpoint/backend.js';
import type { CertificateObservation, EndpointObservation, HstsObservation, HttpObservation, Measurement, TlsVersion } from '../../../checks/endpoint/model.js';
import { probeEndpoint } from '../../../checks/endpoint/probe/probe-endpoint.js';
import { probeTargetOf } from '../../../checks/endpoint/index.js';
import { GOOD_HSTS, startLab, type Lab, type ScenarioName } from '../../../lab/index.js';
import { legacyServer } from '../../../lab/legacy-tls.js';
import { issueLeaf, labAuthority } from '../../../lab/certs.js';
import { closedPort, startRawServer, startTlsServer } from '../../../lab/servers.js';

// Generous: the lab's servers share the test's CPU; only the hanging port waits this long.
const TIMEOUTS: ProbeTimeouts = { connectMs: 3000, handshakeMs: 3000, totalMs: 20_000 };
// The lab's certificates are made against the real clock; a chain read from the raw handshake is judged at the observation's time.
const NOW = new Date();

let lab: Lab;
const observations = new Map<string, EndpointObservation>();

beforeAll(async () => {
  // Given every lab scenario running on 127.0.0.1
  lab = await startLab();
  // When the native prober probes each of them, a few at a time as a run would
  await mapBounded(lab.scenarios, 6, async (scenario) => {
    const target = probeTargetOf(scenario.endpoint, [scenario.caPem]);
    observations.set(scenario.name, await probeEndpoint(target, { timeouts: TIMEOUTS, now: () => NOW }));
  });
}, 60_000);

afterAll(async () => {
  await lab.stop();
});

function observed(name: ScenarioName): EndpointObservation {
  const observation = observations.get(name);
  if (!observation) throw new Error(`no observation for ${name}`);
  return observation;
}

function measured<T>(measurement: Measurement<T>): T {
  if (measurement.status !== 'measured') throw new Error(`expected a measurement, got ${measurement.status}: ${measurement.reason}`);
  return measurement.value;
}

const protocolsOf = (name: ScenarioName): Partial<Record<TlsVersion, boolean>> => measured(observed(name).protocols);
const certificateOf = (name: ScenarioName): CertificateObservation => measured(observed(name).certificate);
const httpOf = (name: ScenarioName): HttpObservation => measured(observed(name).http);
const hstsOf = (name: ScenarioName): HstsObservation => measured(observed(name).hsts);
const ciphersOfObservation = (observation: EndpointObservation): string[] => measured(observation.ciphers).map((cipher) => `${cipher.version} ${cipher.name}`);
const ciphersOf = (name: ScenarioName, version: TlsVersion): string[] =>
  measured(observed(name).ciphers)
    .filter((cipher) => cipher.version === version)
    .map((cipher) => cipher.name);

describe('probeEndpoint on the good scenario', () => {
  it('records where it connected and when', () => {
    const observation = observed('good');
    expect(observation).toMatchObject({
      engine: 'native',
      host: 'good.lab.test',
      address: '127.0.0.1',
      observedAt: NOW.toISOString(),
      reachability: { reachable: true },
    });
    expect(observation.durationMs).toBeGreaterThan(0);
  });

  it('sees TLS 1.2 and 1.3 accepted and nothing older', () => {
    expect(protocolsOf('good')).toEqual({ SSLv3: false, TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
  });

  it('enumerates the accepted suites per version by IANA name', () => {
    // The lab's good server offers ECDHE AES-GCM with TLS 1.2 and AES-GCM with TLS 1.3 (the ECDSA suites need an EC key)
    expect(ciphersOf('good', 'TLSv1.3').sort()).toEqual(['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384']);
    expect(ciphersOf('good', 'TLSv1.2').sort()).toEqual(['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']);
  });

  it('records the ephemeral key exchange of each version', () => {
    expect(measured(observed('good').keyExchanges)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ version: 'TLSv1.2', type: 'ECDH', group: 'X25519' }),
        expect.objectContaining({ version: 'TLSv1.3', type: 'ECDH' }),
      ]),
    );
  });

  it('describes a trusted, complete chain that matches the host', () => {
    const certificate = certificateOf('good');
    expect(certificate).toMatchObject({ trusted: true, chainComplete: true, hostnameMatches: true, ocspStapled: false });
    // As the server sent it, then the anchor that verified it (the lab root, the endpoint's `ca`), as for a system root
    expect(certificate.chain.map((entry) => entry.subject)).toEqual([
      'O=hipaa-guard lab, CN=good.lab.test',
      'O=hipaa-guard lab, CN=hipaa-guard lab intermediate CA',
      'O=hipaa-guard lab, CN=hipaa-guard lab root CA',
    ]);
    expect(certificate.chain[0]).toMatchObject({
      keyType: 'RSA',
      keyBits: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      subjectAltNames: ['DNS:good.lab.test'],
      isCA: false,
      selfSigned: false,
    });
  });

  it('sees h2 through ALPN, a 301 to https and HSTS on the HTTPS response', () => {
    expect(measured(observed('good').alpn)).toEqual(['h2']);
    const http = httpOf('good');
    expect(http.portOpen).toBe(true);
    // The chain goes on through the https:// hop, where it ends with the page
    expect(http.hops).toEqual([
      expect.objectContaining({ status: 301, location: expect.stringMatching(/^https:\/\/good\.lab\.test:\d+\/$/) }),
      expect.objectContaining({ url: expect.stringMatching(/^https:\/\/good\.lab\.test:\d+\/$/), status: 200, hsts: [GOOD_HSTS] }),
    ]);
    expect(hstsOf('good').headers).toEqual([GOOD_HSTS]);
  });
});

describe('probeEndpoint on protocol and cipher flaws', () => {
  it('offers TLS 1.0 and 1.1 itself and sees them accepted', () => {
    expect(protocolsOf('legacy-tls')).toMatchObject({ TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true });
    expect(ciphersOf('legacy-tls', 'TLSv1')).toContain('TLS_RSA_WITH_AES_128_CBC_SHA');
  });

  it('finds NULL, anonymous and static-RSA suites and the size of the anonymous DH group', () => {
    expect(ciphersOf('weak-ciphers', 'TLSv1.2')).toEqual(
      expect.arrayContaining(['TLS_RSA_WITH_NULL_SHA', 'TLS_DH_anon_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA']),
    );
    expect(measured(observed('weak-ciphers').keyExchanges)).toContainEqual(
      expect.objectContaining({ type: 'DH', cipher: 'TLS_DH_anon_WITH_AES_128_CBC_SHA', bits: expect.any(Number) }),
    );
  });

  it('finds suites OpenSSL 3 cannot offer with a raw ClientHello, at every version', () => {
    const broken = ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_RSA_WITH_DES_CBC_SHA', 'TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_EXPORT_WITH_RC4_40_MD5'];
    for (const version of ['TLSv1', 'TLSv1.1', 'TLSv1.2'] as const) expect(ciphersOf('broken-ciphers', version)).toEqual(broken);
    expect(protocolsOf('broken-ciphers')).toMatchObject({ SSLv3: false, TLSv1: true, 'TLSv1.2': true, 'TLSv1.3': false });
  });

  it('sees an SSLv3-only server, though no handshake completes with our client, and reads its certificate from the raw handshake', () => {
    const observation = observed('sslv3');
    expect(observation.reachability).toEqual({ reachable: true });
    expect(protocolsOf('sslv3')).toEqual({ SSLv3: true, TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': false });
    expect(ciphersOf('sslv3', 'SSLv3')).toEqual(['TLS_RSA_WITH_RC4_128_MD5', 'TLS_RSA_WITH_RC4_128_SHA']);
    // The lab's SSLv3 server sends a good chain for its host, linked up to the configured root
    expect(certificateOf('sslv3')).toMatchObject({ trusted: true, chainComplete: true, hostnameMatches: true, ocspStapled: false });
    expect(certificateOf('sslv3').chain.map((entry) => entry.subject)).toEqual([
      'O=hipaa-guard lab, CN=sslv3.lab.test',
      'O=hipaa-guard lab, CN=hipaa-guard lab intermediate CA',
      'O=hipaa-guard lab, CN=hipaa-guard lab root CA',
    ]);
    // SSLv3 carries no ALPN: no h2
    expect(measured(observation.alpn)).toEqual([]);
    // No HTTP exchange can be made over SSLv3 with our client: HSTS stays out of reach, said so
    expect(observation.hsts).toMatchObject({ status: 'not-measured' });
  });

  it('reads the certificate of a server that accepts only suites OpenSSL 3 cannot offer, at its highest version', () => {
    expect(certificateOf('broken-ciphers')).toMatchObject({ trusted: true, chainComplete: true, hostnameMatches: true });
    expect(certificateOf('broken-ciphers').chain[0]?.subjectAltNames).toEqual(['DNS:broken-ciphers.lab.test']);
    expect(measured(observed('broken-ciphers').alpn)).toEqual([]);
  });

  it('sees a TLS 1.3-only server', () => {
    expect(protocolsOf('tls13-only')).toEqual({ SSLv3: false, TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': true });
  });

  it('sees no h2 where the server offers only HTTP/1.1', () => {
    expect(measured(observed('no-h2').alpn)).toEqual(['http/1.1']);
  });
});

describe('probeEndpoint on certificate flaws', () => {
  it.each([
    ['expired', 'CERT_HAS_EXPIRED'],
    ['not-yet-valid', 'CERT_NOT_YET_VALID'],
    ['self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['missing-intermediate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  ] as const)('%s: untrusted with %s', (name, trustError) => {
    expect(certificateOf(name)).toMatchObject({ trusted: false, trustError });
  });

  it('trusts the lab chain only through the configured anchor', async () => {
    const good = lab.scenarios.find((scenario) => scenario.name === 'good');
    if (!good) throw new Error('good scenario missing');
    const withoutAnchor = await probeEndpoint(probeTargetOf(good.endpoint, []), { timeouts: TIMEOUTS, now: () => NOW });
    expect(measured(withoutAnchor.certificate)).toMatchObject({
      trusted: false,
      trustError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      chainComplete: true,
      hostnameMatches: true,
    });
  });

  it('reads the validity window from the certificate', () => {
    const [leaf] = certificateOf('expired').chain;
    expect(Date.parse(leaf?.notAfter ?? '')).toBeLessThan(Date.now());
    const [soon] = certificateOf('expiring-soon').chain;
    expect(Date.parse(soon?.notAfter ?? '') - Date.now()).toBeLessThan(11 * 86_400_000);
    const [long] = certificateOf('long-lifespan').chain;
    expect(Date.parse(long?.notAfter ?? '') - Date.parse(long?.notBefore ?? '')).toBe(800 * 86_400_000);
  });

  it('checks the host name even when trust fails, and separately from it', () => {
    expect(certificateOf('wrong-host')).toMatchObject({ hostnameMatches: false, trusted: true, chainComplete: true });
    expect(certificateOf('self-signed')).toMatchObject({ hostnameMatches: true, chainComplete: true });
    expect(certificateOf('self-signed').chain[0]?.selfSigned).toBe(true);
  });

  it('sees a leaf issued directly by the configured anchor as a complete, trusted chain', () => {
    // Given the lab root as the endpoint's `ca` and a leaf it signed itself, sent alone
    expect(certificateOf('anchor-issued')).toMatchObject({ trusted: true, chainComplete: true, hostnameMatches: true });
  });

  it('reads a certificate with an empty subject, its host in the SAN', () => {
    const certificate = certificateOf('empty-subject');
    expect(certificate).toMatchObject({ trusted: true, chainComplete: true, hostnameMatches: true });
    expect(certificate.chain[0]).not.toHaveProperty('subject');
  });

  it('matches no host name with a CN-only certificate (no subjectAltName), though the CN names the host', () => {
    const certificate = certificateOf('cn-only');
    expect(certificate.chain[0]).toMatchObject({ subject: 'O=hipaa-guard lab, CN=cn-only.lab.test', subjectAltNames: [] });
    expect(certificate.hostnameMatches).toBe(false);
  });

  it('reads SHA-384 and RSA-PSS signatures', () => {
    expect(certificateOf('sha384-chain').chain[0]?.signatureAlgorithm).toBe('sha384WithRSAEncryption');
    expect(certificateOf('rsa-pss-sha512').chain[0]?.signatureAlgorithm).toBe('rsassaPss-with-SHA512');
    expect(certificateOf('rsa-pss-sha512').trusted).toBe(true);
  });

  it('tells a missing intermediate from a complete chain', () => {
    expect(certificateOf('missing-intermediate')).toMatchObject({ chainComplete: false, hostnameMatches: true });
    expect(certificateOf('missing-intermediate').chain).toHaveLength(1);
  });

  it('reads the key size and the signature algorithm from the certificate itself', () => {
    expect(certificateOf('rsa-1024').chain[0]).toMatchObject({ keyType: 'RSA', keyBits: 1024 });
    expect(certificateOf('sha1-signature').chain[0]?.signatureAlgorithm).toBe('sha1WithRSAEncryption');
    // The intermediate is signed by the lab's EC root
    expect(certificateOf('good').chain[1]?.signatureAlgorithm).toBe('ecdsa-with-SHA256');
  });

  it('sees a stapled OCSP response', () => {
    expect(certificateOf('ocsp-stapled')).toMatchObject({ ocspStapled: true, trusted: true });
  });

  it('lists the OCSP responder and sees no staple', () => {
    expect(certificateOf('ocsp-not-stapled').chain[0]?.ocspUrls).toEqual(['http://ocsp.lab.test/']);
    expect(certificateOf('ocsp-not-stapled').ocspStapled).toBe(false);
  });
});

describe('probeEndpoint on the plaintext side and HSTS', () => {
  it('records a 200 without redirect', () => {
    expect(httpOf('no-redirect').hops).toEqual([{ url: expect.stringMatching(/^http:\/\/no-redirect\.lab\.test:\d+\/$/), status: 200 }]);
  });

  it('records a temporary redirect', () => {
    expect(httpOf('redirect-302').hops[0]).toMatchObject({ status: 302, location: expect.stringMatching(/^https:/) });
  });

  it('records an off-host redirect without following it', () => {
    const http = httpOf('redirect-off-host');
    expect(http.hops).toHaveLength(1);
    expect(http.hops[0]?.location).toBe('https://elsewhere.example.org/');
  });

  it('follows a redirect to another plain-HTTP page on the same host', () => {
    expect(httpOf('redirect-to-http').hops.map((hop) => hop.status)).toEqual([301, 200]);
  });

  it('follows the chain through https and records the HTTPS page that sends the client back to plain HTTP', () => {
    const hops = httpOf('https-downgrade').hops;
    expect(hops.map((hop) => `${new URL(hop.url).protocol} ${hop.status}`)).toEqual(['http: 301', 'https: 301', 'http: 200']);
    expect(hops[1]?.location).toMatch(/^http:\/\/https-downgrade\.lab\.test:\d+\/plain$/);
  });

  it('stops a redirect loop at the first repeated URL', () => {
    const http = httpOf('redirect-loop');
    expect(http.hops.map((hop) => new URL(hop.url).pathname)).toEqual(['/', '/a', '/b']);
    expect(http.stoppedBecause).toMatch(/redirect loop: .*\/a was already requested/);
  });

  it('passes a closed plaintext port as closed', () => {
    expect(httpOf('sslv3')).toMatchObject({ portOpen: false, hops: [] });
  });

  it('keeps every HSTS header line of the HTTPS response', () => {
    expect(hstsOf('no-hsts').headers).toEqual([]);
    expect(hstsOf('short-hsts').headers).toEqual(['max-age=86400']);
    expect(hstsOf('duplicate-hsts').headers).toEqual([GOOD_HSTS, 'max-age=300']);
  });

  it('keeps HSTS sent over plain HTTP apart from the HTTPS response', () => {
    expect(hstsOf('hsts-http-only').headers).toEqual([]);
    expect(httpOf('hsts-http-only').hops[0]?.hsts).toEqual([GOOD_HSTS]);
  });
});

describe('probeEndpoint on endpoints that do not speak TLS', () => {
  it('gives up on a port that accepts and never answers within the handshake timeout', () => {
    const observation = observed('hang');
    expect(observation.reachability).toMatchObject({ reachable: false, kind: 'timeout', detail: expect.stringContaining('127.0.0.1') });
    expect(observation.durationMs).toBeLessThan(TIMEOUTS.handshakeMs + 2000);
    expect(observation.certificate.status).toBe('not-measured');
  });

  it('reports a refused port as refused', () => {
    expect(observed('refused').reachability).toMatchObject({ reachable: false, kind: 'refused', detail: expect.stringContaining('ECONNREFUSED') });
  });

  it('reports garbage bytes as a protocol error, not as versions the server refused', () => {
    const observation = observed('garbage');
    expect(observation.reachability).toMatchObject({ reachable: false, kind: 'protocol' });
    expect(observation.protocols.status).toBe('error');
  });
});

describe('probeEndpoint on a DHE suite it cannot complete', () => {
  it('says the DH group size is unknown instead of leaving it out', async () => {
    // Given a raw server that picks DHE-RSA-AES128-SHA in a ServerHello and then hangs up
    const server = await startRawServer({ kind: 'reply', reply: legacyServer({ minVersion: 0x0303, maxVersion: 0x0303, suites: [0x0033] }) });
    try {
      const target = {
        url: `https://dhe.lab.test:${server.port}/`,
        host: 'dhe.lab.test',
        port: server.port,
        path: '/',
        httpUrl: 'http://dhe.lab.test:1/',
        address: '127.0.0.1',
        caPem: [],
      };
      // When it is probed
      const observation = await probeEndpoint(target, { timeouts: TIMEOUTS, now: () => NOW });
      // Then the suite is seen, and the key exchange says why its size is missing
      expect(ciphersOfObservation(observation)).toEqual(['TLSv1.2 TLS_DHE_RSA_WITH_AES_128_CBC_SHA']);
      expect(observation.keyExchanges).toMatchObject({ status: 'error', reason: expect.stringContaining('DH group size not measured (TLSv1.2: ') });
    } finally {
      await server.close();
    }
  });
});

describe('probeEndpoint bounds', () => {
  it('stops at the total timeout even when every step could wait longer', async () => {
    const hang = lab.scenarios.find((scenario) => scenario.name === 'hang');
    if (!hang) throw new Error('hang scenario missing');
    const started = performance.now();
    const observation = await probeEndpoint(probeTargetOf(hang.endpoint, []), {
      timeouts: { connectMs: 5000, handshakeMs: 5000, totalMs: 300 },
      now: () => NOW,
    });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(observation.reachability).toMatchObject({ reachable: false, kind: 'timeout' });
  });
});

describe('probeEndpoint on a certificate chain too large for our TLS client', () => {
  it('Given a leaf of about 1 MB (40,000 SANs), then the certificate is measured from the raw handshake', async () => {
    // Given a server sending a leaf with 40,000 names and its intermediate
    const ca = await labAuthority();
    const leaf = await issueLeaf({ names: ['big.lab.test', ...Array.from({ length: 40_000 }, (_, index) => `host-${index}.big.lab.test`)] });
    expect(leaf.x509.raw.length).toBeGreaterThan(900_000);
    const server = await startTlsServer({ keyPem: leaf.keyPem, certPem: [leaf.pem, ca.intermediate.pem], h2: true, hsts: [] });
    try {
      // When it is probed
      const target = {
        url: `https://big.lab.test:${server.port}/`,
        host: 'big.lab.test',
        port: server.port,
        path: '/',
        httpUrl: `http://big.lab.test:${await closedPort()}/`,
        address: '127.0.0.1',
        caPem: [ca.root.pem],
      };
      const observation = await probeEndpoint(target, { timeouts: TIMEOUTS, now: () => NOW });
      // Then the server is reachable, and its chain, read from the raw TLS 1.2 handshake, is trusted through the configured root
      expect(observation.reachability).toEqual({ reachable: true });
      const certificate = measured(observation.certificate);
      expect(certificate).toMatchObject({ trusted: true, chainComplete: true, hostnameMatches: true });
      expect(certificate.chain).toHaveLength(3);
      expect(certificate.chain[0]?.subjectAltNames).toHaveLength(40_001);
      // ALPN comes from the same ServerHello
      expect(measured(observation.alpn)).toEqual(['h2']);
      // No HTTP exchange completes with our client: HSTS is an error naming OpenSSL's reason, not a silent unknown
      expect(observation.hsts).toEqual({ status: 'error', reason: expect.stringContaining('excessive message size') });
    } finally {
      await server.close();
    }
  }, 60_000);
});

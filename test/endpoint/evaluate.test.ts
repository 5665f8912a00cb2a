import { describe, expect, it } from 'vitest';
import type { ProfileName } from '../../checks/config/schema.js';
import { evaluateEndpoint } from '../../checks/endpoint/evaluate.js';
import type { AcceptedCipher, EndpointObservation, KeyExchange } from '../../checks/endpoint/model.js';
import { loadProfile } from '../../checks/endpoint/profiles/index.js';
import { ENDPOINT_RULES } from '../../checks/endpoint/rules.js';
import {
  HOST,
  NOW,
  URL_,
  certificate,
  daysFromNow,
  goodObservation,
  httpSide,
  intermediate,
  leaf,
  measured,
  modernObservation,
  notMeasured,
  protocols,
} from '../support/observation-builder.js';

type Build = (overrides?: Partial<EndpointObservation>) => EndpointObservation;

const ALL: ProfileName[] = ['hipaa', 'nist-800-52r2', 'mozilla-intermediate', 'mozilla-modern'];

/** The passing observation of each profile: `mozilla-modern` wants TLS 1.3 only. */
function baseFor(profile: ProfileName): Build {
  return profile === 'mozilla-modern' ? modernObservation : goodObservation;
}

function evaluate(observation: EndpointObservation, profile: ProfileName = 'hipaa') {
  return evaluateEndpoint(observation, loadProfile(profile), NOW);
}

function ruleIds(observation: EndpointObservation, profile: ProfileName = 'hipaa'): string[] {
  return evaluate(observation, profile).findings.map((finding) => finding.ruleId);
}

function withCiphers(base: Build, extra: AcceptedCipher[]): EndpointObservation {
  const good = base();
  const accepted = good.ciphers.status === 'measured' ? good.ciphers.value : [];
  return base({ ciphers: measured([...accepted, ...extra]) });
}

function withKeyExchange(base: Build, exchange: KeyExchange): EndpointObservation {
  return base({ keyExchanges: measured([exchange]) });
}

describe('evaluateEndpoint: findings', () => {
  it('Given a finding, then it carries the endpoint location, citation, actual vs expected and a stable fingerprint', () => {
    const observation = goodObservation({ alpn: measured(['http/1.1']) });
    const [finding] = evaluate(observation).findings;
    expect(finding).toMatchObject({
      ruleId: 'HTTP2-NOT-SUPPORTED',
      severity: 'info',
      safeguard: 'transmission-security',
      citation: '45 CFR 164.312(e)(1)',
      location: { kind: 'endpoint', url: URL_, address: '203.0.113.7' },
      evidence: { actual: ['http/1.1'], expected: 'h2' },
    });
    expect(finding?.message).toBe('ALPN agreed to http/1.1; expected h2 to be offered.');
    expect(evaluate(observation).findings[0]?.fingerprint).toBe(finding?.fingerprint);
  });

  it('Given two weak suites, then each has its own fingerprint and one finding lists all versions of a suite', () => {
    const observation = withCiphers(goodObservation, [
      { version: 'TLSv1.2', name: 'TLS_RSA_WITH_RC4_128_SHA' },
      { version: 'TLSv1.2', name: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA' },
      { version: 'TLSv1.1', name: 'DES-CBC3-SHA' },
    ]);
    const weak = evaluate(observation).findings.filter((finding) => finding.ruleId === 'TLS-CIPHER-WEAK');
    expect(weak.map((finding) => finding.evidence.actual)).toEqual(['TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA']);
    expect(weak[1]?.evidence.versions).toEqual(['TLSv1.2', 'TLSv1.1']);
    expect(new Set(weak.map((finding) => finding.fingerprint)).size).toBe(2);
  });

  it('Given certificate rules, then they cite the authentication safeguard', () => {
    const [finding] = evaluate(goodObservation({ certificate: measured(certificate({ hostnameMatches: false })) })).findings;
    expect(finding).toMatchObject({ ruleId: 'CERT-HOSTNAME-MISMATCH', safeguard: 'authentication', citation: '45 CFR 164.312(d)' });
    expect(finding?.message).toBe(`Certificate names ${HOST}; expected it to cover ${HOST}.`);
  });
});

describe('evaluateEndpoint: severities', () => {
  it.each([
    ['SSLv3', 'TLS-PROTOCOL-LEGACY', 'critical'],
    ['TLSv1.1', 'TLS-PROTOCOL-LEGACY', 'high'],
  ] as const)('Given %s accepted, then %s is %s', (version, rule, severity) => {
    const findings = evaluate(goodObservation({ protocols: protocols([version, 'TLSv1.2', 'TLSv1.3']) })).findings;
    expect(findings).toEqual([expect.objectContaining({ ruleId: rule, severity, message: `Accepts ${version}; profile hipaa allows only TLSv1.2, TLSv1.3.` })]);
  });

  it.each([
    ['TLS_RSA_WITH_NULL_SHA256', 'critical'],
    ['TLS_DH_anon_WITH_AES_128_GCM_SHA256', 'critical'],
    ['EXP-RC4-MD5', 'critical'],
    ['TLS_ECDHE_RSA_WITH_RC4_128_SHA', 'high'],
  ])('Given %s accepted, then TLS-CIPHER-WEAK is %s', (name, severity) => {
    const findings = evaluate(withCiphers(goodObservation, [{ version: 'TLSv1.2', name }])).findings;
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'TLS-CIPHER-WEAK', severity })]);
  });

  it('Given mozilla-modern, then a missing TLS 1.3 is high (the profile raises it) and medium under hipaa', () => {
    const observation = goodObservation({ protocols: protocols(['TLSv1.2']) });
    const severityOf = (profile: ProfileName) => evaluate(observation, profile).findings.find((f) => f.ruleId === 'TLS-PROTOCOL-NO-TLS13')?.severity;
    expect(severityOf('mozilla-modern')).toBe('high');
    expect(severityOf('hipaa')).toBe('medium');
  });

  it('Given a CBC suite accepted only with TLS 1.0, then the protocol finding covers it and the suite is not judged against the TLS 1.2 list', () => {
    const observation = withCiphers(
      (overrides) => goodObservation({ protocols: protocols(['TLSv1', 'TLSv1.2', 'TLSv1.3']), ...overrides }),
      [{ version: 'TLSv1', name: 'ECDHE-ECDSA-AES128-SHA' }],
    );
    expect(ruleIds(observation)).toEqual(['TLS-PROTOCOL-LEGACY']);
  });

  it('Given a signature with no forgeable hash that is merely off the profile list, then CERT-WEAK-SIGNATURE is low', () => {
    const observation = goodObservation({
      certificate: measured(certificate({}, { keyType: 'RSA', keyBits: 2048, signatureAlgorithm: 'sha224WithRSAEncryption' })),
    });
    expect(evaluate(observation).findings).toEqual([expect.objectContaining({ ruleId: 'CERT-WEAK-SIGNATURE', severity: 'low' })]);
  });

  describe.each(ALL)('Given profile %s', (profile) => {
    const base = baseFor(profile);
    const accepts = (algorithm: string) =>
      !ruleIds(base({ certificate: measured(certificate({}, { keyType: 'RSA', keyBits: 2048, signatureAlgorithm: algorithm })) }), profile).includes(
        'CERT-WEAK-SIGNATURE',
      );
    it.each([
      [
        'sha256WithRSAEncryption',
        ['sha384WithRSAEncryption', 'sha512WithRSAEncryption', 'rsassaPss-with-SHA256', 'rsassaPss-with-SHA384', 'rsassaPss-with-SHA512'],
      ],
      ['ecdsa-with-SHA256', ['ecdsa-with-SHA384', 'ecdsa-with-SHA512']],
    ])('when it accepts %s, then it accepts the SHA-384, SHA-512 and RSA-PSS signatures of that family', (sha256, stronger) => {
      if (!accepts(sha256)) return expect(loadProfile(profile).certificateSignatureAlgorithms.includes(sha256)).toBe(false);
      expect(stronger.filter((algorithm) => !accepts(algorithm))).toEqual([]);
    });

    it('then no SHA-384 or SHA-512 signature is ever called a forgeable hash', () => {
      for (const algorithm of ['sha384WithRSAEncryption', 'sha512WithRSAEncryption', 'rsassaPss-with-SHA384', 'ecdsa-with-SHA384', 'ecdsa-with-SHA512']) {
        const findings = evaluate(base({ certificate: measured(certificate({}, { signatureAlgorithm: algorithm })) }), profile).findings;
        expect(findings.filter((finding) => finding.ruleId === 'CERT-WEAK-SIGNATURE' && finding.severity !== 'low')).toEqual([]);
      }
    });

    it('then RSA-PSS with SHA-1 (the default of RFC 4055) is weak', () => {
      const findings = evaluate(base({ certificate: measured(certificate({}, { signatureAlgorithm: 'rsassaPss-with-SHA1' })) }), profile).findings;
      expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'CERT-WEAK-SIGNATURE', severity: 'high' }));
    });
  });
});

describe('evaluateEndpoint: unreachable and unmeasured', () => {
  it('Given an unreachable endpoint, then ENDPOINT-UNREACHABLE alone reports the kind and detail', () => {
    const result = evaluate(
      goodObservation({
        reachability: { reachable: false, kind: 'timeout', detail: 'no answer within 5000 ms' },
        protocols: notMeasured(),
        hsts: notMeasured(),
      }),
    );
    expect(result.unknown).toEqual([]);
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'ENDPOINT-UNREACHABLE',
        severity: 'high',
        message: `Could not probe ${URL_}: timeout (no answer within 5000 ms); expected a TLS handshake to complete.`,
        evidence: { actual: 'timeout', expected: 'reachable', kind: 'timeout', detail: 'no answer within 5000 ms' },
      }),
    ]);
  });

  it('Given nothing measured, then every rule that needs a fact is unknown, and the failed measurement fails as ENDPOINT-MISBEHAVED', () => {
    const result = evaluate(
      goodObservation({
        protocols: notMeasured(),
        ciphers: notMeasured(),
        keyExchanges: notMeasured(),
        certificate: { status: 'error', reason: 'handshake reset' },
        alpn: notMeasured(),
        http: notMeasured(),
        hsts: notMeasured(),
      }),
    );
    // Not measured (the engine could not) is unknown alone; failed to measure (the server misbehaved) also fails
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'ENDPOINT-MISBEHAVED',
        severity: 'high',
        message: `Could not measure the certificate at ${URL_}: handshake reset; expected the server to answer a standard client within the probe budget.`,
      }),
    ]);
    const unknownIds = new Set(result.unknown.map((outcome) => outcome.ruleId));
    expect([...unknownIds].sort()).toEqual(
      ENDPOINT_RULES.map((rule) => rule.id)
        .filter((id) => id !== 'ENDPOINT-UNREACHABLE' && id !== 'ENDPOINT-MISBEHAVED')
        .sort(),
    );
    expect(result.unknown.find((outcome) => outcome.ruleId === 'CERT-EXPIRED')).toEqual({
      ruleId: 'CERT-EXPIRED',
      location: { kind: 'endpoint', url: URL_, address: '203.0.113.7' },
      message: 'native engine failed to measure the certificate: handshake reset',
    });
  });

  it('Given a required version that was not tested, then its rule is unknown', () => {
    const result = evaluate(goodObservation({ protocols: measured({ 'TLSv1.2': true }) }));
    expect(result.findings).toEqual([]);
    expect(result.unknown).toEqual([expect.objectContaining({ ruleId: 'TLS-PROTOCOL-NO-TLS13', message: 'TLSv1.3 support was not tested.' })]);
  });

  it('Given a suite name missing from the table, then the cipher rules are unknown for it', () => {
    const result = evaluate(withCiphers(goodObservation, [{ version: 'TLSv1.2', name: 'TLS_MADE_UP_SUITE' }]));
    expect(result.findings).toEqual([]);
    expect(result.unknown.map((outcome) => outcome.ruleId)).toEqual(['TLS-CIPHER-WEAK', 'TLS-CIPHER-NO-FORWARD-SECRECY', 'TLS-CIPHER-NOT-ALLOWED']);
  });

  it('Given a server that sent no certificate, then the certificate rules are unknown', () => {
    const result = evaluate(goodObservation({ certificate: measured(certificate({ chain: [] })) }));
    expect(result.findings).toEqual([]);
    expect(result.unknown).toHaveLength(10);
  });

  it('Given an unknown key type or size, then CERT-WEAK-KEY is unknown; Ed25519 passes', () => {
    expect(evaluate(goodObservation({ certificate: measured(certificate({}, { keyType: 'GOST', keyBits: 256 })) })).unknown).toEqual([
      expect.objectContaining({ ruleId: 'CERT-WEAK-KEY' }),
    ]);
    expect(evaluate(goodObservation({ certificate: measured(certificate({}, { keyType: 'Ed25519', keyBits: 256 })) }))).toEqual({ findings: [], unknown: [] });
    expect(evaluate(goodObservation({ certificate: measured(certificate({}, { keyType: 'EC', keyBits: 0 })) }))).toEqual({
      findings: [],
      unknown: [expect.objectContaining({ ruleId: 'CERT-WEAK-KEY', message: 'The size of the EC certificate key is not known.' })],
    });
  });

  it('Given a plaintext port that accepted but never answered, then the redirect rules are unknown', () => {
    const result = evaluate(goodObservation({ http: measured(httpSide([], { stoppedBecause: 'timeout after 5000 ms' })) }));
    expect(result.findings).toEqual([]);
    expect(result.unknown.map((outcome) => outcome.ruleId)).toEqual([
      'HTTP-NO-REDIRECT',
      'HTTP-REDIRECT-TEMPORARY',
      'HTTP-REDIRECT-OFF-HOST',
      'HTTP-REDIRECT-INSECURE',
    ]);
  });
});

describe('evaluateEndpoint: certificates', () => {
  const withLeaf = (overrides: Parameters<typeof leaf>[0]) => goodObservation({ certificate: measured(certificate({}, overrides)) });

  it.each([
    [30, []],
    [29.5, ['CERT-EXPIRING-SOON']],
    [0.5, ['CERT-EXPIRING-SOON']],
  ])('Given %s days left, then %j', (days, expected) => {
    expect(ruleIds(withLeaf({ notBefore: daysFromNow(-50), notAfter: daysFromNow(days) }))).toEqual(expected);
  });

  it('Given an expired certificate that is also untrusted for that reason, then only CERT-EXPIRED fires', () => {
    const observation = goodObservation({
      certificate: measured(certificate({ trusted: false, trustError: 'CERT_HAS_EXPIRED' }, { notBefore: daysFromNow(-80), notAfter: daysFromNow(-2) })),
    });
    const [finding, ...rest] = evaluate(observation).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'CERT-EXPIRED',
      severity: 'critical',
      message: `Certificate expired on ${daysFromNow(-2)} (2 days ago); expected a certificate valid now.`,
    });
  });

  it('Given a certificate of exactly 366 days, then hipaa accepts its lifespan and 367 days does not', () => {
    expect(ruleIds(withLeaf({ notBefore: daysFromNow(-306), notAfter: daysFromNow(60) }))).toEqual([]);
    expect(ruleIds(withLeaf({ notBefore: daysFromNow(-307), notAfter: daysFromNow(60) }))).toEqual(['CERT-LIFESPAN-TOO-LONG']);
  });

  it('Given a SHA-1 self-signed root in the chain, then its own signature is not judged; a SHA-1 intermediate is', () => {
    const root = intermediate({ subject: 'CN=Example Root CA', signatureAlgorithm: 'sha1WithRSAEncryption', selfSigned: true, sha256: 'cc'.repeat(32) });
    expect(ruleIds(goodObservation({ certificate: measured(certificate({ chain: [leaf(), intermediate(), root] })) }))).toEqual([]);
    const sha1Intermediate = intermediate({ signatureAlgorithm: 'sha1WithRSAEncryption' });
    const findings = evaluate(goodObservation({ certificate: measured(certificate({ chain: [leaf(), sha1Intermediate] })) })).findings;
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'CERT-WEAK-SIGNATURE', severity: 'high', evidence: expect.objectContaining({ subject: 'CN=Example Issuing CA 1' }) }),
    ]);
  });

  it('Given a certificate without an OCSP URL, then stapling is not applicable', () => {
    expect(ruleIds(goodObservation({ certificate: measured(certificate({ ocspStapled: false }, { ocspUrls: [] })) }))).toEqual([]);
  });

  it('Given X25519 (253 bits) or P-256, then the key exchange passes; secp192r1 does not', () => {
    expect(ruleIds(goodObservation())).toEqual([]);
    const weak = withKeyExchange(goodObservation, {
      version: 'TLSv1.2',
      cipher: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
      type: 'ECDH',
      group: 'prime192v1',
      bits: 192,
    });
    expect(evaluate(weak).findings).toEqual([
      expect.objectContaining({
        ruleId: 'TLS-DH-WEAK',
        message:
          'Ephemeral key exchange ECDH prime192v1 192 bits (TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256); profile hipaa requires at least 256 bits.',
      }),
    ]);
  });
});

describe('evaluateEndpoint: redirects', () => {
  const chain = (...hops: Parameters<typeof httpSide>[0] & object) => goodObservation({ http: measured(httpSide(hops)) });
  const start = `http://${HOST}/`;

  it.each([
    ['a closed port 80', goodObservation({ http: measured(httpSide([], { portOpen: false })) })],
    ['a 308 to https on the same host', chain({ url: start, status: 308, location: URL_ }, { url: URL_, status: 200 })],
    ['a host that differs only in case', chain({ url: start, status: 301, location: `https://API.EXAMPLE.ORG/` }, { url: URL_, status: 200 })],
    [
      'https that then moves to another https host',
      chain(
        { url: start, status: 301, location: URL_ },
        { url: URL_, status: 302, location: 'https://login.example.net/' },
        { url: 'https://login.example.net/', status: 200 },
      ),
    ],
  ])('Given %s, then no redirect rule fires', (_name, observation) => {
    expect(ruleIds(observation)).toEqual([]);
  });

  it.each([
    ['a 307', chain({ url: start, status: 307, location: URL_ }, { url: URL_, status: 200 }), ['HTTP-REDIRECT-TEMPORARY']],
    [
      'a first hop to http on the same host, then https',
      chain({ url: start, status: 301, location: `http://${HOST}/home` }, { url: `http://${HOST}/home`, status: 301, location: URL_ }),
      ['HTTP-REDIRECT-INSECURE'],
    ],
    [
      'https that falls back to http',
      chain(
        { url: start, status: 301, location: URL_ },
        { url: URL_, status: 301, location: `http://${HOST}/old` },
        { url: `http://${HOST}/old`, status: 200 },
      ),
      ['HTTP-REDIRECT-INSECURE'],
    ],
    [
      'a loop',
      chain({ url: start, status: 301, location: URL_ }, { url: URL_, status: 301, location: '/a' }, { url: `${URL_}a`, status: 301, location: URL_ }),
      ['HTTP-REDIRECT-INSECURE'],
    ],
    [
      'an off-host temporary redirect to http',
      chain({ url: start, status: 302, location: 'http://www.example.net/' }, { url: 'http://www.example.net/', status: 200 }),
      ['HTTP-REDIRECT-OFF-HOST', 'HTTP-REDIRECT-TEMPORARY', 'HTTP-REDIRECT-INSECURE'],
    ],
    ['a 3xx without Location', chain({ url: start, status: 301 }), ['HTTP-NO-REDIRECT']],
  ])('Given %s, then %j', (_name, observation, expected) => {
    expect(ruleIds(observation)).toEqual(expected);
  });

  it('Given a chain cut by the hop limit, then HTTP-REDIRECT-INSECURE says it never ends', () => {
    const observation = goodObservation({
      http: measured(
        httpSide(
          [
            { url: start, status: 301, location: URL_ },
            { url: URL_, status: 301, location: '/1' },
          ],
          { stoppedBecause: 'hop limit of 10 reached' },
        ),
      ),
    });
    expect(evaluate(observation).findings).toEqual([
      expect.objectContaining({ ruleId: 'HTTP-REDIRECT-INSECURE', message: `${start}: the redirect chain never ends (hop limit of 10 reached).` }),
    ]);
  });

  it('Given a hop URL the prober could not have requested, then the start URL stands in and nothing throws', () => {
    expect(ruleIds(chain({ url: 'not a url', status: 301, location: URL_ }, { url: URL_, status: 200 }))).toEqual([]);
  });

  it('Given port 80 answers 200, then the message says what was expected', () => {
    const [finding] = evaluate(chain({ url: start, status: 200 })).findings;
    expect(finding?.message).toBe(`${start} answered 200 without a redirect; expected a 301/308 redirect to https://${HOST}.`);
  });
});

describe('evaluateEndpoint: HSTS', () => {
  const withHsts = (...headers: string[]) => goodObservation({ hsts: measured({ headers }) });

  it('Given HSTS sent only over plain HTTP, then it is missing and the message says why', () => {
    const http = httpSide([
      { url: `http://${HOST}/`, status: 301, location: URL_, hsts: ['max-age=63072000'] },
      { url: URL_, status: 200 },
    ]);
    const [finding] = evaluate(goodObservation({ http: measured(http), hsts: measured({ headers: [] }) })).findings;
    expect(finding).toMatchObject({ ruleId: 'HSTS-MISSING', evidence: { sentOverHttpOnly: true } });
    expect(finding?.message).toContain('sent only over plain HTTP');
  });

  it.each([
    ['MAX-AGE="63072000"; includesubdomains', []],
    ['max-age=63072000;includeSubDomains;preload', []],
    ['includeSubDomains; max-age=0', ['HSTS-MAX-AGE-TOO-SHORT']],
    ['max-age=63072000; max-age=1; includeSubDomains', ['HSTS-MISSING']],
    ['includeSubDomains', ['HSTS-MISSING']],
  ])('Given "%s", then %j', (header, expected) => {
    expect(ruleIds(withHsts(header))).toEqual(expected);
  });

  it('Given two headers, then the first one is judged (what browsers honour)', () => {
    expect(ruleIds(withHsts('max-age=600', 'max-age=63072000; includeSubDomains'))).toEqual(['HSTS-DUPLICATE', 'HSTS-MAX-AGE-TOO-SHORT', 'HSTS-NO-SUBDOMAINS']);
  });
});

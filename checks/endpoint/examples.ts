/**
 * A bad and a good example per endpoint rule, beside the rules: recorded observations (plain,
 * JSON-able facts, as a prober would have written them) with the verdict each profile gives.
 * test/endpoint/rule-examples.test.ts runs every example through the real evaluator, and the
 * generated docs show them. An example records only the facts that differ from the passing
 * observation of the profile it is judged under (`passingObservation`).
 */
import type { ProfileName } from '../config/schema.js';
import type {
  AcceptedCipher,
  CertificateInfo,
  CertificateObservation,
  EndpointObservation,
  HttpHop,
  HttpObservation,
  KeyExchange,
  Measurement,
  TlsVersion,
} from './model.js';
import type { EndpointRuleId } from './rules.js';

export interface EndpointExample {
  /** What the observation shows, in words. */
  when: string;
  /** The recorded facts that differ from the profile's passing observation. */
  observation: Partial<EndpointObservation>;
  /** The profiles that give this example its verdict (bad: the rule fires; good: it does not). */
  profiles: readonly ProfileName[];
}

/** The clock every example is judged at: the passing observation's `observedAt`. */
export const EXAMPLE_NOW = new Date('2026-06-01T12:00:00.000Z');
export const EXAMPLE_HOST = 'api.example.org';
export const EXAMPLE_URL = `https://${EXAMPLE_HOST}/`;
const PLAIN_URL = `http://${EXAMPLE_HOST}/`;
const DAY_MS = 86_400_000;

export function daysFromNow(days: number): string {
  return new Date(EXAMPLE_NOW.getTime() + days * DAY_MS).toISOString();
}

export function measured<T>(value: T): Measurement<T> {
  return { status: 'measured', value };
}

/** An ECDSA P-256 leaf, 90 days long with 60 left, on every profile's signature list. */
export function leaf(overrides: Partial<CertificateInfo> = {}): CertificateInfo {
  return {
    subject: `CN=${EXAMPLE_HOST}`,
    issuer: 'CN=Example Issuing CA 1',
    serialNumber: '01',
    notBefore: daysFromNow(-30),
    notAfter: daysFromNow(60),
    keyType: 'EC',
    keyBits: 256,
    signatureAlgorithm: 'ecdsa-with-SHA256',
    subjectAltNames: [EXAMPLE_HOST],
    ocspUrls: ['http://ocsp.example.org'],
    isCA: false,
    selfSigned: false,
    sha256: 'aa'.repeat(32),
    ...overrides,
  };
}

export function intermediate(overrides: Partial<CertificateInfo> = {}): CertificateInfo {
  return leaf({
    subject: 'CN=Example Issuing CA 1',
    issuer: 'CN=Example Root CA',
    notBefore: daysFromNow(-1000),
    notAfter: daysFromNow(1000),
    keyBits: 384,
    signatureAlgorithm: 'ecdsa-with-SHA384',
    subjectAltNames: [],
    ocspUrls: [],
    isCA: true,
    sha256: 'bb'.repeat(32),
    ...overrides,
  });
}

export function certificate(overrides: Partial<CertificateObservation> = {}, leafOverrides: Partial<CertificateInfo> = {}): CertificateObservation {
  return {
    chain: [leaf(leafOverrides), intermediate()],
    trusted: true,
    chainComplete: true,
    hostnameMatches: true,
    ocspStapled: true,
    ...overrides,
  };
}

/** A permanent same-host redirect to https, then the page. */
export function httpSide(hops?: HttpHop[], overrides: Partial<HttpObservation> = {}): HttpObservation {
  return {
    start: PLAIN_URL,
    portOpen: true,
    hops: hops ?? [
      { url: PLAIN_URL, status: 301, location: EXAMPLE_URL },
      { url: EXAMPLE_URL, status: 200 },
    ],
    ...overrides,
  };
}

export function protocols(accepted: TlsVersion[]): Measurement<Partial<Record<TlsVersion, boolean>>> {
  const versions: TlsVersion[] = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
  return measured(Object.fromEntries(versions.map((version) => [version, accepted.includes(version)])));
}

const AEAD_SUITES: AcceptedCipher[] = [
  { version: 'TLSv1.2', name: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256' },
  { version: 'TLSv1.2', name: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384' },
  { version: 'TLSv1.3', name: 'TLS_AES_128_GCM_SHA256' },
  { version: 'TLSv1.3', name: 'TLS_AES_256_GCM_SHA384' },
];

/**
 * An endpoint that passes the `hipaa`, `nist-800-52r2` and `mozilla-intermediate` profiles:
 * TLS 1.2 + 1.3 with AEAD ECDHE suites, X25519, a valid ECDSA chain with OCSP stapled, h2,
 * a 301 to https and a two-year HSTS with includeSubDomains.
 */
const PASSING: EndpointObservation = {
  url: EXAMPLE_URL,
  host: EXAMPLE_HOST,
  port: 443,
  address: '203.0.113.7',
  engine: 'native',
  observedAt: EXAMPLE_NOW.toISOString(),
  durationMs: 120,
  reachability: { reachable: true },
  protocols: protocols(['TLSv1.2', 'TLSv1.3']),
  ciphers: measured(AEAD_SUITES),
  keyExchanges: measured([
    { version: 'TLSv1.2', cipher: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', type: 'ECDH', group: 'X25519', bits: 253 },
    { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', type: 'ECDH', group: 'prime256v1', bits: 256 },
  ]),
  certificate: measured(certificate()),
  alpn: measured(['h2', 'http/1.1']),
  http: measured(httpSide()),
  hsts: measured({ headers: ['max-age=63072000; includeSubDomains'] }),
};

/** The passing endpoint as `mozilla-modern` wants it: TLS 1.3 only. */
const PASSING_MODERN: EndpointObservation = {
  ...PASSING,
  protocols: protocols(['TLSv1.3']),
  ciphers: measured([
    { version: 'TLSv1.3', name: 'TLS_AES_128_GCM_SHA256' },
    { version: 'TLSv1.3', name: 'TLS_AES_256_GCM_SHA384' },
    { version: 'TLSv1.3', name: 'TLS_CHACHA20_POLY1305_SHA256' },
  ]),
  keyExchanges: measured([{ version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', type: 'ECDH', group: 'X25519', bits: 253 }]),
};

/** The observation on which the profile reports nothing at all. */
export function passingObservation(profile: ProfileName): EndpointObservation {
  return profile === 'mozilla-modern' ? PASSING_MODERN : PASSING;
}

/** The full observation an example stands for under `profile`. */
export function exampleObservation(example: EndpointExample, profile: ProfileName): EndpointObservation {
  return { ...passingObservation(profile), ...example.observation };
}

const ALL: readonly ProfileName[] = ['hipaa', 'nist-800-52r2', 'mozilla-intermediate', 'mozilla-modern'];
const NOT_MODERN: readonly ProfileName[] = ['hipaa', 'nist-800-52r2', 'mozilla-intermediate'];

/** A TLS 1.3 AEAD suite every profile allows, and `extra`. */
const suites = (...extra: AcceptedCipher[]) => ({ ciphers: measured([{ version: 'TLSv1.3', name: 'TLS_AES_128_GCM_SHA256' } as const, ...extra]) });
const keyExchange = (exchange: KeyExchange) => ({ keyExchanges: measured([exchange]) });
const cert = (overrides: Partial<CertificateObservation> = {}, leafOverrides: Partial<CertificateInfo> = {}) => ({
  certificate: measured(certificate(overrides, leafOverrides)),
});
const hops = (...chain: HttpHop[]) => ({ http: measured(httpSide(chain)) });
const hsts = (...headers: string[]) => ({ hsts: measured({ headers }) });

/** A bad example, and the same observation as a good example under the profiles that accept it. */
function split(when: string, observation: Partial<EndpointObservation>, firesFor: readonly ProfileName[], passesFor: readonly ProfileName[]) {
  return { bad: { when, observation, profiles: firesFor }, good: { when, observation, profiles: passesFor } };
}

const tls12 = split('TLS 1.2 is accepted next to TLS 1.3', { protocols: protocols(['TLSv1.2', 'TLSv1.3']) }, ['mozilla-modern'], NOT_MODERN);
const only12 = split('only TLS 1.2 is accepted', { protocols: protocols(['TLSv1.2']) }, ['hipaa', 'nist-800-52r2', 'mozilla-modern'], ['mozilla-intermediate']);
const only13 = split('only TLS 1.3 is accepted', { protocols: protocols(['TLSv1.3']) }, ['hipaa', 'nist-800-52r2'], ['mozilla-intermediate', 'mozilla-modern']);
const chacha12 = split(
  'ECDHE-RSA ChaCha20 is accepted with TLS 1.2',
  suites({ version: 'TLSv1.2', name: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256' }),
  ['hipaa', 'nist-800-52r2'],
  ['mozilla-intermediate'],
);
const ccm13 = split(
  'TLS_AES_128_CCM_SHA256 is accepted with TLS 1.3',
  suites({ version: 'TLSv1.3', name: 'TLS_AES_128_CCM_SHA256' }),
  ['hipaa', 'mozilla-intermediate', 'mozilla-modern'],
  ['nist-800-52r2'],
);
const curve224 = split(
  'a 224-bit curve is used',
  keyExchange({ version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', type: 'ECDH', group: 'secp224r1', bits: 224 }),
  ['hipaa', 'mozilla-intermediate', 'mozilla-modern'],
  ['nist-800-52r2'],
);
const lifespan200 = split(
  'the certificate lasts 200 days',
  cert({}, { notBefore: daysFromNow(-140), notAfter: daysFromNow(60) }),
  ['mozilla-modern'],
  NOT_MODERN,
);
const rsaSha256 = split(
  'the leaf is signed with RSA-SHA256',
  cert({}, { keyType: 'RSA', keyBits: 2048, signatureAlgorithm: 'sha256WithRSAEncryption' }),
  ['mozilla-modern'],
  NOT_MODERN,
);
const hstsOneYear = split(
  'max-age is one year',
  hsts('max-age=31536000; includeSubDomains'),
  ['mozilla-intermediate', 'mozilla-modern'],
  ['hipaa', 'nist-800-52r2'],
);

const aeadOnly: EndpointExample = { when: 'only AES-GCM suites with ECDHE are accepted', observation: { ciphers: measured(AEAD_SUITES) }, profiles: ALL };
const validChain: EndpointExample = { when: 'a trusted, complete chain for the host, valid for 60 more days', observation: cert(), profiles: ALL };
const permanentRedirect: EndpointExample = {
  when: 'port 80 answers a 301 to https on the same host',
  observation: hops({ url: PLAIN_URL, status: 301, location: EXAMPLE_URL }, { url: EXAMPLE_URL, status: 200 }),
  profiles: ALL,
};
const twoYearHsts: EndpointExample = {
  when: 'one header, `max-age=63072000; includeSubDomains`',
  observation: hsts('max-age=63072000; includeSubDomains'),
  profiles: ALL,
};

export const ENDPOINT_EXAMPLES: { readonly [Id in EndpointRuleId]: { bad: EndpointExample[]; good: EndpointExample[] } } = {
  'TLS-PROTOCOL-LEGACY': {
    bad: [{ when: 'TLS 1.0 is accepted', observation: { protocols: protocols(['TLSv1', 'TLSv1.2', 'TLSv1.3']) }, profiles: ALL }],
    good: [tls12.good, only13.good],
  },
  'TLS-PROTOCOL-NOT-ALLOWED': { bad: [tls12.bad], good: [tls12.good] },
  'TLS-PROTOCOL-NO-TLS13': { bad: [only12.bad], good: [only12.good, tls12.good] },
  'TLS-PROTOCOL-NO-TLS12': { bad: [only13.bad], good: [only13.good, tls12.good] },
  'TLS-CIPHER-WEAK': {
    bad: [{ when: '3DES is accepted', observation: suites({ version: 'TLSv1.2', name: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA' }), profiles: ALL }],
    good: [aeadOnly],
  },
  'TLS-CIPHER-NO-FORWARD-SECRECY': {
    bad: [{ when: 'static RSA key exchange is accepted', observation: suites({ version: 'TLSv1.2', name: 'AES128-GCM-SHA256' }), profiles: ALL }],
    good: [aeadOnly],
  },
  'TLS-CIPHER-NOT-ALLOWED': { bad: [chacha12.bad, ccm13.bad], good: [chacha12.good, ccm13.good] },
  'TLS-DH-WEAK': {
    bad: [
      {
        when: 'a 1024-bit DH group is used',
        observation: keyExchange({ version: 'TLSv1.2', cipher: 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', type: 'DH', bits: 1024 }),
        profiles: ALL,
      },
      curve224.bad,
    ],
    good: [
      {
        when: 'X25519 is used',
        observation: keyExchange({ version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', type: 'ECDH', group: 'X25519', bits: 253 }),
        profiles: ALL,
      },
      curve224.good,
    ],
  },
  'CERT-UNTRUSTED': {
    bad: [
      {
        when: 'the chain is self-signed',
        observation: cert({ trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT', chain: [leaf({ selfSigned: true, issuer: `CN=${EXAMPLE_HOST}` })] }),
        profiles: ALL,
      },
    ],
    good: [validChain],
  },
  'CERT-CHAIN-INCOMPLETE': {
    bad: [
      {
        when: 'the intermediate is missing',
        observation: cert({ trusted: false, trustError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', chainComplete: false, chain: [leaf()] }),
        profiles: ALL,
      },
    ],
    good: [validChain],
  },
  'CERT-HOSTNAME-MISMATCH': {
    bad: [
      { when: 'the certificate names another host', observation: cert({ hostnameMatches: false }, { subjectAltNames: ['other.example.org'] }), profiles: ALL },
    ],
    good: [validChain],
  },
  'CERT-EXPIRED': {
    bad: [
      {
        when: 'the certificate ended yesterday',
        observation: cert({ trusted: false, trustError: 'CERT_HAS_EXPIRED' }, { notBefore: daysFromNow(-80), notAfter: daysFromNow(-1) }),
        profiles: ALL,
      },
    ],
    good: [validChain],
  },
  'CERT-NOT-YET-VALID': {
    bad: [{ when: 'the certificate starts tomorrow', observation: cert({}, { notBefore: daysFromNow(1), notAfter: daysFromNow(80) }), profiles: ALL }],
    good: [validChain],
  },
  'CERT-EXPIRING-SOON': {
    bad: [{ when: 'the certificate has 10 days left', observation: cert({}, { notBefore: daysFromNow(-70), notAfter: daysFromNow(10) }), profiles: ALL }],
    good: [{ when: 'the certificate has 30 days left', observation: cert({}, { notBefore: daysFromNow(-50), notAfter: daysFromNow(30) }), profiles: ALL }],
  },
  'CERT-LIFESPAN-TOO-LONG': {
    bad: [
      { when: 'the certificate lasts 460 days', observation: cert({}, { notBefore: daysFromNow(-400), notAfter: daysFromNow(60) }), profiles: ALL },
      lifespan200.bad,
    ],
    good: [lifespan200.good, validChain],
  },
  'CERT-WEAK-KEY': {
    bad: [{ when: 'the key is RSA 1024', observation: cert({}, { keyType: 'RSA', keyBits: 1024 }), profiles: ALL }],
    good: [validChain, { when: 'the key is RSA 2048', observation: cert({}, { keyType: 'RSA', keyBits: 2048 }), profiles: ALL }],
  },
  'CERT-WEAK-SIGNATURE': {
    bad: [{ when: 'the leaf is signed with SHA-1', observation: cert({}, { signatureAlgorithm: 'sha1WithRSAEncryption' }), profiles: ALL }, rsaSha256.bad],
    good: [validChain, rsaSha256.good],
  },
  'CERT-OCSP-NOT-STAPLED': {
    bad: [{ when: 'no OCSP response is stapled', observation: cert({ ocspStapled: false }), profiles: ALL }],
    good: [validChain, { when: 'the certificate names no OCSP responder', observation: cert({ ocspStapled: false }, { ocspUrls: [] }), profiles: ALL }],
  },
  'HTTP-NO-REDIRECT': {
    bad: [{ when: 'port 80 serves the page', observation: hops({ url: PLAIN_URL, status: 200 }), profiles: ALL }],
    good: [permanentRedirect, { when: 'port 80 is closed', observation: { http: measured(httpSide([], { portOpen: false })) }, profiles: ALL }],
  },
  'HTTP-REDIRECT-TEMPORARY': {
    bad: [
      {
        when: 'the first hop is a 302',
        observation: hops({ url: PLAIN_URL, status: 302, location: EXAMPLE_URL }, { url: EXAMPLE_URL, status: 200 }),
        profiles: ALL,
      },
    ],
    good: [
      permanentRedirect,
      {
        when: 'the first hop is a 308',
        observation: hops({ url: PLAIN_URL, status: 308, location: EXAMPLE_URL }, { url: EXAMPLE_URL, status: 200 }),
        profiles: ALL,
      },
    ],
  },
  'HTTP-REDIRECT-OFF-HOST': {
    bad: [
      {
        when: 'the first hop goes to another host',
        observation: hops({ url: PLAIN_URL, status: 301, location: 'https://www.example.net/' }, { url: 'https://www.example.net/', status: 200 }),
        profiles: ALL,
      },
    ],
    good: [
      {
        when: 'the first hop goes to https on the same host, which then moves to another https host',
        observation: hops(
          { url: PLAIN_URL, status: 301, location: EXAMPLE_URL },
          { url: EXAMPLE_URL, status: 302, location: 'https://login.example.net/' },
          { url: 'https://login.example.net/', status: 200 },
        ),
        profiles: ALL,
      },
    ],
  },
  'HTTP-REDIRECT-INSECURE': {
    bad: [
      {
        when: 'the chain never reaches https',
        observation: hops({ url: PLAIN_URL, status: 301, location: '/login' }, { url: `http://${EXAMPLE_HOST}/login`, status: 200 }),
        profiles: ALL,
      },
    ],
    good: [permanentRedirect],
  },
  'HSTS-MISSING': { bad: [{ when: 'no HSTS header is sent', observation: hsts(), profiles: ALL }], good: [twoYearHsts] },
  'HSTS-MAX-AGE-TOO-SHORT': {
    bad: [{ when: 'max-age is one day', observation: hsts('max-age=86400; includeSubDomains'), profiles: ALL }, hstsOneYear.bad],
    good: [twoYearHsts, hstsOneYear.good],
  },
  'HSTS-NO-SUBDOMAINS': { bad: [{ when: 'includeSubDomains is missing', observation: hsts('max-age=63072000'), profiles: ALL }], good: [twoYearHsts] },
  'HSTS-DUPLICATE': {
    bad: [{ when: 'two HSTS headers are sent', observation: hsts('max-age=63072000; includeSubDomains', 'max-age=0'), profiles: ALL }],
    good: [twoYearHsts],
  },
  'HTTP2-NOT-SUPPORTED': {
    bad: [{ when: 'ALPN agrees only to http/1.1', observation: { alpn: measured(['http/1.1']) }, profiles: ALL }],
    good: [{ when: 'ALPN agrees to h2', observation: { alpn: measured(['h2', 'http/1.1']) }, profiles: ALL }],
  },
  'ENDPOINT-MISBEHAVED': {
    bad: [
      {
        when: 'the plain-HTTP side answers with something that is not HTTP',
        observation: { http: { status: 'error', reason: 'Parse Error: Expected HTTP/ (203.0.113.7:80)' } },
        profiles: ALL,
      },
    ],
    good: [permanentRedirect],
  },
  'ENDPOINT-UNREACHABLE': {
    bad: [
      {
        when: 'the port refuses connections',
        observation: { reachability: { reachable: false, kind: 'refused', detail: 'connect ECONNREFUSED 203.0.113.7:443' } },
        profiles: ALL,
      },
    ],
    good: [{ when: 'the handshake completes', observation: { reachability: { reachable: true } }, profiles: ALL }],
  },
};

import type {
  CertificateInfo,
  CertificateObservation,
  EndpointObservation,
  HttpHop,
  HttpObservation,
  Measurement,
  TlsVersion,
} from '../../checks/endpoint/model.js';

/** The clock every observation is judged at. */
export const NOW = new Date('2026-06-01T12:00:00.000Z');
export const HOST = 'api.example.org';
export const URL_ = `https://${HOST}/`;
const DAY_MS = 86_400_000;

export function daysFromNow(days: number): string {
  return new Date(NOW.getTime() + days * DAY_MS).toISOString();
}

export function measured<T>(value: T): Measurement<T> {
  return { status: 'measured', value };
}

export function notMeasured<T>(reason = 'the engine cannot make this check'): Measurement<T> {
  return { status: 'not-measured', reason };
}

/** An ECDSA P-256 leaf, 90 days long with 60 left, on every profile's signature list. */
export function leaf(overrides: Partial<CertificateInfo> = {}): CertificateInfo {
  return {
    subject: `CN=${HOST}`,
    issuer: 'CN=Example Issuing CA 1',
    serialNumber: '01',
    notBefore: daysFromNow(-30),
    notAfter: daysFromNow(60),
    keyType: 'EC',
    keyBits: 256,
    signatureAlgorithm: 'ecdsa-with-SHA256',
    subjectAltNames: [HOST],
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
    start: `http://${HOST}/`,
    portOpen: true,
    hops: hops ?? [
      { url: `http://${HOST}/`, status: 301, location: URL_ },
      { url: URL_, status: 200 },
    ],
    ...overrides,
  };
}

export function protocols(accepted: TlsVersion[]): Measurement<Partial<Record<TlsVersion, boolean>>> {
  const versions: TlsVersion[] = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
  return measured(Object.fromEntries(versions.map((version) => [version, accepted.includes(version)])));
}

/**
 * An endpoint that passes the `hipaa`, `nist-800-52r2` and `mozilla-intermediate` profiles:
 * TLS 1.2 + 1.3 with AEAD ECDHE suites, X25519, a valid ECDSA chain with OCSP stapled, h2,
 * a 301 to https and a two-year HSTS with includeSubDomains.
 */
export function goodObservation(overrides: Partial<EndpointObservation> = {}): EndpointObservation {
  return {
    url: URL_,
    host: HOST,
    port: 443,
    address: '203.0.113.7',
    engine: 'native',
    observedAt: NOW.toISOString(),
    durationMs: 120,
    reachability: { reachable: true },
    protocols: protocols(['TLSv1.2', 'TLSv1.3']),
    ciphers: measured([
      { version: 'TLSv1.2', name: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256' },
      { version: 'TLSv1.2', name: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384' },
      { version: 'TLSv1.3', name: 'TLS_AES_128_GCM_SHA256' },
      { version: 'TLSv1.3', name: 'TLS_AES_256_GCM_SHA384' },
    ]),
    keyExchanges: measured([
      { version: 'TLSv1.2', cipher: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', type: 'ECDH', group: 'X25519', bits: 253 },
      { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', type: 'ECDH', group: 'prime256v1', bits: 256 },
    ]),
    certificate: measured(certificate()),
    alpn: measured(['h2', 'http/1.1']),
    http: measured(httpSide()),
    hsts: measured({ headers: ['max-age=63072000; includeSubDomains'] }),
    ...overrides,
  };
}

/** The good endpoint as `mozilla-modern` wants it: TLS 1.3 only. */
export function modernObservation(overrides: Partial<EndpointObservation> = {}): EndpointObservation {
  return goodObservation({
    protocols: protocols(['TLSv1.3']),
    ciphers: measured([
      { version: 'TLSv1.3', name: 'TLS_AES_128_GCM_SHA256' },
      { version: 'TLSv1.3', name: 'TLS_AES_256_GCM_SHA384' },
      { version: 'TLSv1.3', name: 'TLS_CHACHA20_POLY1305_SHA256' },
    ]),
    keyExchanges: measured([{ version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', type: 'ECDH', group: 'X25519', bits: 253 }]),
    ...overrides,
  });
}

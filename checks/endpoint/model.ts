/**
 * What a backend saw at one endpoint: plain, JSON-able facts, no verdicts.
 * Every backend (native, tls-scan, testssl) produces this; the rules judge it against a profile.
 * A recorded observation is a test fixture.
 */

export const TLS_VERSIONS = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

export const BACKENDS = ['native', 'tls-scan', 'testssl'] as const;
export type BackendName = (typeof BACKENDS)[number];

/**
 * A fact that may be missing. `not-measured`: this backend cannot make the check, or an earlier
 * step failed, so no verdict may be drawn. `error`: the backend tried and failed.
 */
export type Measurement<T> = { status: 'measured'; value: T } | { status: 'not-measured'; reason: string } | { status: 'error'; reason: string };

export const UNREACHABLE_KINDS = ['dns', 'refused', 'timeout', 'reset', 'tls-alert', 'protocol', 'policy'] as const;
export type UnreachableKind = (typeof UNREACHABLE_KINDS)[number];

export type Reachability =
  | { reachable: true }
  | {
      reachable: false;
      kind: UnreachableKind;
      /** One line for humans: `connect ECONNREFUSED 127.0.0.1:8443`, `no answer within 5000 ms`. */
      detail: string;
    };

/** One cipher suite the server accepted, named by its IANA name (`TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`). */
export interface AcceptedCipher {
  version: TlsVersion;
  name: string;
}

/** The ephemeral key exchange of one handshake (Node's `getEphemeralKeyInfo()`). */
export interface KeyExchange {
  version: TlsVersion;
  cipher: string;
  /** `ECDH`, `DH`; X25519 and X448 report `ECDH` with that curve. */
  type: string;
  /** Curve or group name when known (`X25519`, `prime256v1`, `ffdhe2048`). */
  group?: string;
  bits: number;
}

/** Optional where X.509 allows a field to be empty (RFC 5280 4.1.2.6: an empty subject with a critical SAN). */
export interface CertificateInfo {
  /** One line, `O=..., CN=...`; absent for an empty subject. */
  subject?: string;
  /** Absent only in a malformed or unusual certificate. */
  issuer?: string;
  serialNumber: string;
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
  /** `RSA`, `EC`, `DSA`, `Ed25519`, `Ed448`. */
  keyType: string;
  keyBits: number;
  /** As in the certificate, OpenSSL's long name: `sha256WithRSAEncryption`, `ecdsa-with-SHA384`. */
  signatureAlgorithm: string;
  subjectAltNames: string[];
  ocspUrls: string[];
  isCA: boolean;
  selfSigned: boolean;
  sha256: string;
}

export interface CertificateObservation {
  /** Leaf first, in the order the server sent them. */
  chain: CertificateInfo[];
  /** Chain verifies against the system roots plus the configured anchors (no AIA fetching). */
  trusted: boolean;
  /** OpenSSL's code when not trusted: `UNABLE_TO_GET_ISSUER_CERT_LOCALLY`, `CERT_HAS_EXPIRED`... */
  trustError?: string;
  /**
   * False when the server left out an intermediate: the served chain does not reach a
   * certificate issued by a trust anchor, though the leaf's issuer is a known CA's subordinate.
   */
  chainComplete: boolean;
  /** The leaf's subjectAltName covers the host (never the subject CN, RFC 6125); checked even when trust fails. */
  hostnameMatches: boolean;
  ocspStapled: boolean;
}

/** One request of the redirect chain that starts on the plaintext side, in order (https:// hops included). */
export interface HttpHop {
  url: string;
  status: number;
  location?: string;
  /** `Strict-Transport-Security` values sent on this hop: on a plain-HTTP hop they do not count. */
  hsts?: string[];
}

export interface HttpObservation {
  /** The first URL requested, e.g. `http://api.example.org/`. */
  start: string;
  /** False when nothing listens on the plaintext port (a closed port 80 passes). */
  portOpen: boolean;
  hops: HttpHop[];
  /** Why the chain stopped early (hop limit, timeout, protocol error on a hop). */
  stoppedBecause?: string;
}

export interface HstsObservation {
  /** Every `Strict-Transport-Security` header value on the HTTPS response, in order. */
  headers: string[];
}

export interface EndpointObservation {
  url: string;
  host: string;
  port: number;
  /** The address actually connected to. */
  address?: string;
  engine: BackendName;
  /** ISO 8601; the clock rules measure certificate validity against. */
  observedAt: string;
  durationMs: number;
  reachability: Reachability;
  /** Each version: was a handshake at that version accepted? */
  protocols: Measurement<Partial<Record<TlsVersion, boolean>>>;
  ciphers: Measurement<AcceptedCipher[]>;
  keyExchanges: Measurement<KeyExchange[]>;
  certificate: Measurement<CertificateObservation>;
  /** ALPN protocols the server agreed to among the ones offered (`h2`, `http/1.1`). */
  alpn: Measurement<string[]>;
  http: Measurement<HttpObservation>;
  hsts: Measurement<HstsObservation>;
}

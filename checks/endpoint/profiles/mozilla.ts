import type { TlsProfile } from './types.js';

/**
 * Mozilla's Server Side TLS guidelines, version 5.7 (2023-05-15):
 * https://ssl-config.mozilla.org/guidelines/5.7.json. Values copied from its `modern` and
 * `intermediate` configurations; the TLS 1.2 list is the `iana` one (5.7 appended
 * TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256 to it). Expiry warning days and includeSubDomains
 * are not in the guidelines: ours.
 */
const SOURCE = 'Mozilla Server Side TLS guidelines 5.7, https://ssl-config.mozilla.org/guidelines/5.7.json';
const TLS13_SUITES = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
const ECDSA_SIGNATURES = ['ecdsa-with-SHA256', 'ecdsa-with-SHA384', 'ecdsa-with-SHA512'];
const HSTS = { minMaxAgeSeconds: 63072000, requireIncludeSubDomains: true };

export const MOZILLA_INTERMEDIATE: TlsProfile = {
  name: 'mozilla-intermediate',
  version: '5.7',
  source: SOURCE,
  protocols: { allowed: ['TLSv1.2', 'TLSv1.3'], required: [] },
  tls12CipherSuites: [
    'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
    'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
    'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
    'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
    'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
    'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
    'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  ],
  tls13CipherSuites: TLS13_SUITES,
  minKeyBits: { rsa: 2048, ec: 256, dh: 2048 },
  certificateSignatureAlgorithms: ['sha256WithRSAEncryption', ...ECDSA_SIGNATURES],
  maxCertificateLifespanDays: 366,
  expiryWarningDays: 30,
  requireOcspStapling: true,
  hsts: HSTS,
  severity: {},
};

export const MOZILLA_MODERN: TlsProfile = {
  name: 'mozilla-modern',
  version: '5.7',
  source: SOURCE,
  protocols: { allowed: ['TLSv1.3'], required: ['TLSv1.3'] },
  tls12CipherSuites: [],
  tls13CipherSuites: TLS13_SUITES,
  // Modern sets no RSA or DH size (ECDSA certificates and ECDHE only); we keep the intermediate floors.
  minKeyBits: { rsa: 2048, ec: 256, dh: 2048 },
  certificateSignatureAlgorithms: ECDSA_SIGNATURES,
  maxCertificateLifespanDays: 90,
  expiryWarningDays: 30,
  requireOcspStapling: true,
  hsts: HSTS,
  severity: { 'TLS-PROTOCOL-NO-TLS13': 'high' },
};

import type { TlsProfile } from './types.js';

/**
 * The default: NIST SP 800-52r2 (the standard HHS's breach safe-harbor guidance points to) with
 * Mozilla intermediate 5.7 wherever that is stricter: only suites on both lists (AEAD with
 * ECDHE/DHE: no CBC, no ChaCha20), 256-bit EC keys, Mozilla's signature list and 366-day
 * lifespan. HSTS keeps the one-year minimum of OMB M-15-13 and the preload list rather than
 * Mozilla's two years. Tests check it stays within both sources.
 */
export const HIPAA: TlsProfile = {
  name: 'hipaa',
  version: '1.0',
  source:
    'hipaa-guard: NIST SP 800-52 Rev. 2 (https://doi.org/10.6028/NIST.SP.800-52r2) plus Mozilla Server Side TLS 5.7 intermediate (https://ssl-config.mozilla.org/guidelines/5.7.json) where stricter',
  protocols: { allowed: ['TLSv1.2', 'TLSv1.3'], required: ['TLSv1.2', 'TLSv1.3'] },
  tls12CipherSuites: [
    'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
    'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
    'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
    'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  ],
  tls13CipherSuites: ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384'],
  minKeyBits: { rsa: 2048, ec: 256, dh: 2048 },
  certificateSignatureAlgorithms: ['sha256WithRSAEncryption', 'ecdsa-with-SHA256', 'ecdsa-with-SHA384', 'ecdsa-with-SHA512'],
  maxCertificateLifespanDays: 366,
  expiryWarningDays: 30,
  requireOcspStapling: true,
  hsts: { minMaxAgeSeconds: 31536000, requireIncludeSubDomains: true },
  severity: {},
};

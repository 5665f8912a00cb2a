import type { TlsProfile } from './types.js';

/** The GCM and CCM suites 3.3.1.1 lists for both ECDHE_ECDSA and DHE_RSA (ECDHE_RSA has no CCM). */
const GCM_AND_CCM = ['AES_128_GCM_SHA256', 'AES_256_GCM_SHA384', 'AES_128_CCM', 'AES_256_CCM', 'AES_128_CCM_8', 'AES_256_CCM_8'];
const ECDHE_ECDSA = [...GCM_AND_CCM, 'AES_128_CBC_SHA256', 'AES_256_CBC_SHA384', 'AES_128_CBC_SHA', 'AES_256_CBC_SHA'];
const ECDHE_RSA = ['AES_128_GCM_SHA256', 'AES_256_GCM_SHA384', 'AES_128_CBC_SHA256', 'AES_256_CBC_SHA384', 'AES_128_CBC_SHA', 'AES_256_CBC_SHA'];
const DHE_RSA = [...GCM_AND_CCM, 'AES_128_CBC_SHA256', 'AES_256_CBC_SHA256', 'AES_128_CBC_SHA', 'AES_256_CBC_SHA'];

/**
 * NIST SP 800-52 Rev. 2 (August 2019), https://doi.org/10.6028/NIST.SP.800-52r2:
 * TLS 1.2 required and TLS 1.3 required since 2024-01-01 (section 3.1), the ephemeral
 * (EC)DHE suites of section 3.3.1.1 for RSA and ECDSA certificates (the static-DH, DSA and
 * PSK suites are left out), the TLS 1.3 suites of 3.3.1.2, 2048-bit RSA/DH and 224-bit EC keys,
 * SHA-256 or better signatures, OCSP stapling (the status_request extension). NIST sets no certificate lifespan: we
 * use the CA/Browser Forum's 398 days. HSTS per OMB M-15-13 and the HSTS preload list (1 year).
 */
export const NIST_800_52R2: TlsProfile = {
  name: 'nist-800-52r2',
  version: 'SP 800-52r2 (2019-08)',
  source: 'NIST SP 800-52 Rev. 2, https://doi.org/10.6028/NIST.SP.800-52r2',
  protocols: { allowed: ['TLSv1.2', 'TLSv1.3'], required: ['TLSv1.2', 'TLSv1.3'] },
  tls12CipherSuites: [
    ...ECDHE_ECDSA.map((suite) => `TLS_ECDHE_ECDSA_WITH_${suite}`),
    ...ECDHE_RSA.map((suite) => `TLS_ECDHE_RSA_WITH_${suite}`),
    ...DHE_RSA.map((suite) => `TLS_DHE_RSA_WITH_${suite}`),
  ],
  tls13CipherSuites: ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_AES_128_CCM_SHA256', 'TLS_AES_128_CCM_8_SHA256'],
  minKeyBits: { rsa: 2048, ec: 224, dh: 2048 },
  certificateSignatureAlgorithms: [
    'sha256WithRSAEncryption',
    'sha384WithRSAEncryption',
    'sha512WithRSAEncryption',
    'rsassaPss',
    'ecdsa-with-SHA256',
    'ecdsa-with-SHA384',
    'ecdsa-with-SHA512',
  ],
  maxCertificateLifespanDays: 398,
  expiryWarningDays: 30,
  requireOcspStapling: true,
  hsts: { minMaxAgeSeconds: 31536000, requireIncludeSubDomains: true },
  severity: {},
};

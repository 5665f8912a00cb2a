import type { ProfileName } from '../../config/schema.js';
import type { Severity } from '../../model/finding.js';
import type { TlsVersion } from '../model.js';
import type { EndpointRuleId } from '../rules.js';

/** A versioned TLS policy the endpoint rules judge observations against. Pure data. */
export interface TlsProfile {
  name: ProfileName;
  /** The version of the source document (`5.7` for Mozilla) or of our own composition. */
  version: string;
  /** Where the values come from: document title and URL. */
  source: string;
  protocols: {
    /** Versions the server may accept; any other accepted version is a finding. */
    allowed: TlsVersion[];
    /** Versions the server must accept. */
    required: TlsVersion[];
  };
  /** IANA names of the suites allowed with TLS 1.2 (and below). */
  tls12CipherSuites: string[];
  /** IANA names of the TLS 1.3 suites allowed. */
  tls13CipherSuites: string[];
  minKeyBits: {
    /** RSA and DSA certificate keys. */
    rsa: number;
    /** EC certificate keys and ephemeral ECDH groups. */
    ec: number;
    /** Ephemeral finite-field DH groups. */
    dh: number;
  };
  /** Certificate signature algorithms allowed, OpenSSL long names (`sha256WithRSAEncryption`). */
  certificateSignatureAlgorithms: string[];
  maxCertificateLifespanDays: number;
  expiryWarningDays: number;
  requireOcspStapling: boolean;
  hsts: { minMaxAgeSeconds: number; requireIncludeSubDomains: boolean };
  /** Severities that differ from the rules' defaults under this profile. */
  severity: Partial<Record<EndpointRuleId, Severity>>;
}

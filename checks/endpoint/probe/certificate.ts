/**
 * Certificate facts from a handshake: the chain as Node saw it, trust (system roots plus the
 * configured anchors, no AIA fetching), completeness, hostname match even when trust fails,
 * and the signature algorithm read from the certificate's own DER.
 */
import { X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate, PeerCertificate } from 'node:tls';
import { coversHost } from '../host-name.js';
import type { CertificateInfo, CertificateObservation } from '../model.js';

/** OpenSSL long names of the signature algorithms, by OID. */
const SIGNATURE_ALGORITHMS: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsaWithSHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa_with_SHA256',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};

/** Hash algorithms by OID, for the parameters of an RSASSA-PSS signature. */
const HASHES: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'SHA1',
  '2.16.840.1.101.3.4.2.4': 'SHA224',
  '2.16.840.1.101.3.4.2.1': 'SHA256',
  '2.16.840.1.101.3.4.2.2': 'SHA384',
  '2.16.840.1.101.3.4.2.3': 'SHA512',
};
const RSASSA_PSS = '1.2.840.113549.1.1.10';

const CURVE_BITS: Readonly<Record<string, number>> = { prime256v1: 256, secp384r1: 384, secp521r1: 521, secp256k1: 256, secp224r1: 224, prime192v1: 192 };

/** Reads one DER header at `at`: where the content starts and how long it is. */
function derHeader(der: Buffer, at: number): { content: number; length: number } {
  const first = der[at + 1] ?? 0;
  if (first < 0x80) return { content: at + 2, length: first };
  const count = first & 0x7f;
  return { content: at + 2 + count, length: der.readUIntBE(at + 2, count) };
}

function decodeOid(bytes: Buffer): string {
  const arcs = [Math.floor((bytes[0] ?? 0) / 40), (bytes[0] ?? 0) % 40];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

/**
 * The hash of RSASSA-PSS parameters (RFC 4055: SEQUENCE { [0] hashAlgorithm DEFAULT sha1, ... })
 * starting at `at`, `end` the end of the AlgorithmIdentifier.
 */
function pssHashOf(der: Buffer, at: number, end: number): string {
  if (at >= end || der[at] !== 0x30) return 'SHA1';
  const parameters = derHeader(der, at);
  if (parameters.length === 0 || der[parameters.content] !== 0xa0) return 'SHA1';
  const hashAlgorithm = derHeader(der, derHeader(der, parameters.content).content);
  const oid = derHeader(der, hashAlgorithm.content);
  const dotted = decodeOid(der.subarray(oid.content, oid.content + oid.length));
  return HASHES[dotted] ?? dotted;
}

/**
 * The outer `signatureAlgorithm` of a certificate (Certificate ::= SEQUENCE { tbsCertificate,
 * signatureAlgorithm, signature }), as OpenSSL's long name, or the dotted OID when unknown.
 * RSASSA-PSS carries its hash in parameters: `rsassaPss-with-SHA384`.
 */
export function signatureAlgorithmOf(der: Buffer): string {
  const certificate = derHeader(der, 0);
  const tbs = derHeader(der, certificate.content);
  const algorithm = derHeader(der, tbs.content + tbs.length);
  const oid = derHeader(der, algorithm.content);
  if (der[algorithm.content] !== 0x06) return 'unknown';
  const dotted = decodeOid(der.subarray(oid.content, oid.content + oid.length));
  if (dotted === RSASSA_PSS) return `rsassaPss-with-${pssHashOf(der, oid.content + oid.length, algorithm.content + algorithm.length)}`;
  return SIGNATURE_ALGORITHMS[dotted] ?? dotted;
}

/** A key type OpenSSL cannot load (GOST, an unknown OID) is `unknown` with 0 bits: the rules say unknown. */
function keyFacts(x509: X509Certificate): { keyType: string; keyBits: number } {
  let key: X509Certificate['publicKey'];
  try {
    key = x509.publicKey;
  } catch {
    return { keyType: 'unknown', keyBits: 0 };
  }
  const type = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  if (type === 'rsa' || type === 'rsa-pss' || type === 'dsa') return { keyType: type === 'dsa' ? 'DSA' : 'RSA', keyBits: details.modulusLength ?? 0 };
  if (type === 'ec') return { keyType: 'EC', keyBits: CURVE_BITS[details.namedCurve ?? ''] ?? 0 };
  if (type === 'ed25519') return { keyType: 'Ed25519', keyBits: 256 };
  if (type === 'ed448') return { keyType: 'Ed448', keyBits: 456 };
  return { keyType: type, keyBits: 0 };
}

function listOf(text: string | undefined, prefix: string): string[] {
  return (text ?? '')
    .split(/,\s*|\n/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.startsWith(prefix))
    .map((entry) => entry.slice(prefix.length));
}

/** Issued by itself: same name, and its own key verifies its signature (key usage aside). */
export function isSelfSigned(x509: X509Certificate): boolean {
  try {
    return x509.subject === x509.issuer && x509.verify(x509.publicKey);
  } catch {
    return false; // A key OpenSSL cannot load cannot be checked.
  }
}

/** A distinguished name on one line; `undefined` for the empty name X.509 allows (Node gives `undefined` or ''). */
function nameOf(name: string | undefined): string | undefined {
  const line = (name ?? '').replace(/\n/g, ', ');
  return line === '' ? undefined : line;
}

/** Every field X.509 lets a certificate leave out is optional here: an odd certificate is data, never a crash. */
export function describeCertificate(x509: X509Certificate): CertificateInfo {
  const subject = nameOf(x509.subject);
  const issuer = nameOf(x509.issuer);
  return {
    ...(subject === undefined ? {} : { subject }),
    ...(issuer === undefined ? {} : { issuer }),
    serialNumber: x509.serialNumber,
    notBefore: new Date(x509.validFrom).toISOString(),
    notAfter: new Date(x509.validTo).toISOString(),
    ...keyFacts(x509),
    signatureAlgorithm: signatureAlgorithmOf(x509.raw),
    subjectAltNames: (x509.subjectAltName ?? '').split(/,\s*/).filter((entry) => entry.length > 0),
    ocspUrls: listOf(x509.infoAccess, 'OCSP - URI:'),
    isCA: x509.ca,
    selfSigned: isSelfSigned(x509),
    sha256: x509.fingerprint256.replace(/:/g, '').toLowerCase(),
  };
}

/** Leaf first, following `issuerCertificate` links until they repeat (a self-signed root links to itself). */
export function chainOf(peer: DetailedPeerCertificate): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let current: DetailedPeerCertificate | PeerCertificate | undefined = peer;
  while (current?.raw && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(new X509Certificate(current.raw));
    current = 'issuerCertificate' in current ? current.issuerCertificate : undefined;
  }
  return chain;
}

const HOSTNAME_ERROR = 'ERR_TLS_CERT_ALTNAME_INVALID';

export interface CertificateInput {
  peer: DetailedPeerCertificate;
  host: string;
  authorized: boolean;
  authorizationError?: string;
  ocspStapled: boolean;
}

/** The same facts as `CertificateInput`, with the chain already built (leaf first, up to the anchor when one verified it). */
export interface ChainInput extends Omit<CertificateInput, 'peer'> {
  chain: readonly X509Certificate[];
}

/** From a Node handshake: the chain Node linked up from the peer certificate. */
export function observeCertificate({ peer, ...input }: CertificateInput): CertificateObservation {
  return observeChain({ ...input, chain: chainOf(peer) });
}

/**
 * Node appends the anchor it verified against, and so does `verifyChain` for a raw chain, so a
 * complete chain ends in a self-signed certificate. It is incomplete when it ends in a
 * certificate that is no CA (the server sent the leaf alone and no anchor issued it): an
 * intermediate is missing.
 */
export function observeChain(input: ChainInput): CertificateObservation {
  const { chain } = input;
  const last = chain.at(-1);
  // Node folds its host-name check into `authorized` once the chain verified: the name is
  // `hostnameMatches`' business, trust is the chain's alone.
  const trusted = input.authorized || input.authorizationError === HOSTNAME_ERROR;
  const described = chain.map(describeCertificate);
  const observation: CertificateObservation = {
    chain: described,
    trusted,
    chainComplete: last === undefined || last.ca || isSelfSigned(last),
    hostnameMatches: coversHost(described[0]?.subjectAltNames ?? [], input.host),
    ocspStapled: input.ocspStapled,
  };
  if (!trusted && input.authorizationError) observation.trustError = input.authorizationError;
  return observation;
}

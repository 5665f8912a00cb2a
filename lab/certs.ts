/**
 * Certificates for the loopback lab, made at run time in pure JS: keys from node:crypto, the
 * X.509 structure from our DER encoder, signatures from crypto.sign. One CA per process.
 */
import { constants, generateKeyPair, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { promisify } from 'node:util';
import { canonicalAddress } from '../checks/endpoint/host-name.js';
import {
  bitString,
  booleanValue,
  explicit,
  implicitPrimitive,
  integer,
  nullValue,
  objectIdentifier,
  octetString,
  sequence,
  set,
  time,
  utf8String,
} from './der.js';

const generate = promisify(generateKeyPair);

export type KeySpec = 'rsa-1024' | 'rsa-2048' | 'ec-p256' | 'ec-p384' | 'ed25519';
export type Digest = 'sha1' | 'sha256' | 'sha384' | 'sha512';
/** How an RSA issuer signs: PKCS#1 v1.5 (`sha256WithRSAEncryption`) or RSASSA-PSS. */
export type RsaPadding = 'pkcs1' | 'pss';

export interface KeyPair {
  spec: KeySpec;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface IssuedCertificate {
  pem: string;
  keyPem: string;
  x509: X509Certificate;
  key: KeyPair;
}

export interface CertificateAuthority {
  root: IssuedCertificate;
  intermediate: IssuedCertificate;
}

export interface LeafOptions {
  /** Names for the SAN extension (none: no SAN extension at all); the first is also the subject CN. */
  names: string[];
  /** The subject CN instead of the first name; `null`: an empty subject (the SAN is then critical). */
  commonName?: string | null;
  /** Who signs: the lab intermediate (default) or the lab root directly. */
  issuer?: 'intermediate' | 'root';
  /** The serial number (may be negative, as some CAs wrote them); default: the next in sequence. */
  serial?: bigint;
  /** RSA issuers only. Default `pkcs1`. */
  padding?: RsaPadding;
  /** A SubjectPublicKeyInfo written as is instead of the key's (a key type OpenSSL cannot load). */
  spki?: Buffer;
  key?: KeySpec;
  digest?: Digest;
  /** Days from `now`; negative is in the past. Default -1. */
  notBeforeDays?: number;
  /** Days from `now`. Default 89 (a 90-day certificate). */
  notAfterDays?: number;
  ocspUrl?: string;
  /** Sign the leaf with its own key instead of the intermediate's. */
  selfSigned?: boolean;
  now?: Date;
}

const DAY_MS = 86_400_000;
const ROOT_NAME = 'hipaa-guard lab root CA';
const INTERMEDIATE_NAME = 'hipaa-guard lab intermediate CA';
const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocsp: '1.3.6.1.5.5.7.48.1',
  serverAuth: '1.3.6.1.5.5.7.3.1',
} as const;

const SIGNATURE_OIDS: Record<'rsa' | 'ec', Record<Digest, string>> = {
  rsa: { sha1: '1.2.840.113549.1.1.5', sha256: '1.2.840.113549.1.1.11', sha384: '1.2.840.113549.1.1.12', sha512: '1.2.840.113549.1.1.13' },
  ec: { sha1: '1.2.840.10045.4.1', sha256: '1.2.840.10045.4.3.2', sha384: '1.2.840.10045.4.3.3', sha512: '1.2.840.10045.4.3.4' },
};
const HASH_OIDS: Record<Digest, string> = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};
const HASH_BYTES: Record<Digest, number> = { sha1: 20, sha256: 32, sha384: 48, sha512: 64 };
const RSASSA_PSS = '1.2.840.113549.1.1.10';
const MGF1 = '1.2.840.113549.1.1.8';
const ED25519 = '1.3.101.112';

const keyCache = new Map<KeySpec, Promise<KeyPair>>();

/** One key per spec per process: the lab needs many certificates, not many keys. */
function keyPairOf(spec: KeySpec): Promise<KeyPair> {
  let pair = keyCache.get(spec);
  if (!pair) {
    const made =
      spec === 'rsa-1024' || spec === 'rsa-2048'
        ? generate('rsa', { modulusLength: spec === 'rsa-1024' ? 1024 : 2048 })
        : spec === 'ed25519'
          ? generate('ed25519')
          : generate('ec', { namedCurve: spec === 'ec-p256' ? 'prime256v1' : 'secp384r1' });
    pair = made.then(({ privateKey, publicKey }) => ({ spec, privateKey, publicKey }));
    keyCache.set(spec, pair);
  }
  return pair;
}

/** `O=hipaa-guard lab, CN=...`; `null` is the empty name (an empty SEQUENCE). */
function name(commonName: string | null): Buffer {
  if (commonName === null) return sequence();
  return sequence(
    set(sequence(objectIdentifier(OID.organization), utf8String('hipaa-guard lab'))),
    set(sequence(objectIdentifier(OID.commonName), utf8String(commonName))),
  );
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return sequence(objectIdentifier(oid), ...(critical ? [booleanValue(true)] : []), octetString(value));
}

/** An iPAddress entry's bytes: 4 for IPv4, 16 for IPv6. */
function addressBytes(address: string): Buffer {
  if (isIP(address) === 4) return Buffer.from(address.split('.').map(Number));
  return Buffer.from(canonicalAddress(address).replace(/:/g, ''), 'hex');
}

function subjectAltName(names: string[], critical: boolean): Buffer {
  const entries = names.map((entry) => (isIP(entry) ? implicitPrimitive(7, addressBytes(entry)) : implicitPrimitive(2, Buffer.from(entry, 'ascii'))));
  return extension(OID.subjectAltName, critical, sequence(...entries));
}

let nextSerial = BigInt(Date.now()) * 1000n;

interface TbsInput {
  subject: string | null;
  issuer: string;
  serial?: bigint;
  publicKey: KeyObject;
  spki?: Buffer;
  notBefore: Date;
  notAfter: Date;
  extensions: Buffer[];
}

const hashAlgorithm = (digest: Digest): Buffer => sequence(objectIdentifier(HASH_OIDS[digest]), nullValue());

/** The signatureAlgorithm field for this signer, digest and padding (RFC 4055 parameters for PSS). */
function signatureAlgorithm(signer: KeyPair, digest: Digest, padding: RsaPadding): Buffer {
  if (signer.spec === 'ed25519') return sequence(objectIdentifier(ED25519));
  if (!signer.spec.startsWith('rsa')) return sequence(objectIdentifier(SIGNATURE_OIDS.ec[digest]));
  if (padding === 'pkcs1') return sequence(objectIdentifier(SIGNATURE_OIDS.rsa[digest]), nullValue());
  const parameters = sequence(
    explicit(0, hashAlgorithm(digest)),
    explicit(1, sequence(objectIdentifier(MGF1), hashAlgorithm(digest))),
    explicit(2, integer(BigInt(HASH_BYTES[digest]))),
  );
  return sequence(objectIdentifier(RSASSA_PSS), parameters);
}

function signatureOf(tbs: Buffer, signer: KeyPair, digest: Digest, padding: RsaPadding): Buffer {
  if (signer.spec === 'ed25519') return sign(null, tbs, signer.privateKey);
  if (padding === 'pss' && signer.spec.startsWith('rsa')) {
    return sign(digest, tbs, { key: signer.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: HASH_BYTES[digest] });
  }
  return sign(digest, tbs, signer.privateKey);
}

function signCertificate(tbsInput: TbsInput, signer: KeyPair, digest: Digest, padding: RsaPadding = 'pkcs1'): IssuedCertificate['x509'] {
  const algorithm = signatureAlgorithm(signer, digest, padding);
  nextSerial += 1n;
  const tbs = sequence(
    explicit(0, integer(2n)),
    integer(tbsInput.serial ?? nextSerial),
    algorithm,
    name(tbsInput.issuer),
    sequence(time(tbsInput.notBefore), time(tbsInput.notAfter)),
    name(tbsInput.subject),
    tbsInput.spki ?? tbsInput.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(...tbsInput.extensions)),
  );
  return new X509Certificate(sequence(tbs, algorithm, bitString(signatureOf(tbs, signer, digest, padding))));
}

function issued(x509: X509Certificate, key: KeyPair): IssuedCertificate {
  return { pem: x509.toString(), keyPem: key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), x509, key };
}

function caExtensions(): Buffer[] {
  // keyCertSign + cRLSign.
  return [extension(OID.basicConstraints, true, sequence(booleanValue(true))), extension(OID.keyUsage, true, bitString(Buffer.from([0x06])))];
}

async function makeAuthority(): Promise<CertificateAuthority> {
  const [rootKey, intermediateKey] = await Promise.all([keyPairOf('ec-p384'), keyPairOf('rsa-2048')]);
  const now = Date.now();
  const window = { notBefore: new Date(now - 2 * DAY_MS), notAfter: new Date(now + 3650 * DAY_MS) };
  const root = signCertificate(
    { subject: ROOT_NAME, issuer: ROOT_NAME, publicKey: rootKey.publicKey, ...window, extensions: caExtensions() },
    rootKey,
    'sha256',
  );
  const intermediate = signCertificate(
    { subject: INTERMEDIATE_NAME, issuer: ROOT_NAME, publicKey: intermediateKey.publicKey, ...window, extensions: caExtensions() },
    rootKey,
    'sha256',
  );
  return { root: issued(root, rootKey), intermediate: issued(intermediate, intermediateKey) };
}

let authority: Promise<CertificateAuthority> | undefined;

/** The lab's root and intermediate CA, made once per process. */
export function labAuthority(): Promise<CertificateAuthority> {
  authority ??= makeAuthority();
  return authority;
}

/** Issues a server certificate from the lab intermediate (or the root, or self-signed) with the given flaws. */
export async function issueLeaf(options: LeafOptions): Promise<IssuedCertificate> {
  const [ca, key] = await Promise.all([labAuthority(), keyPairOf(options.key ?? 'rsa-2048')]);
  const now = (options.now ?? new Date()).getTime();
  const subject = options.commonName === undefined ? (options.names[0] ?? 'localhost') : options.commonName;
  const extensions = [
    extension(OID.basicConstraints, true, sequence()),
    // digitalSignature + keyEncipherment.
    extension(OID.keyUsage, true, bitString(Buffer.from([0xa0]))),
    extension(OID.extKeyUsage, false, sequence(objectIdentifier(OID.serverAuth))),
    // RFC 5280 4.2.1.6: with an empty subject the SAN extension is critical.
    ...(options.names.length ? [subjectAltName(options.names, subject === null)] : []),
  ];
  if (options.ocspUrl) {
    const access = sequence(objectIdentifier(OID.ocsp), implicitPrimitive(6, Buffer.from(options.ocspUrl, 'ascii')));
    extensions.push(extension(OID.authorityInfoAccess, false, sequence(access)));
  }
  const issuer = options.issuer === 'root' ? { name: ROOT_NAME, key: ca.root.key } : { name: INTERMEDIATE_NAME, key: ca.intermediate.key };
  const x509 = signCertificate(
    {
      subject,
      issuer: options.selfSigned ? (subject ?? 'localhost') : issuer.name,
      ...(options.serial === undefined ? {} : { serial: options.serial }),
      ...(options.spki ? { spki: options.spki } : {}),
      publicKey: key.publicKey,
      notBefore: new Date(now + (options.notBeforeDays ?? -1) * DAY_MS),
      notAfter: new Date(now + (options.notAfterDays ?? 89) * DAY_MS),
      extensions,
    },
    options.selfSigned ? key : issuer.key,
    options.digest ?? 'sha256',
    options.padding,
  );
  return issued(x509, key);
}

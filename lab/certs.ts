/**
 * Certificates for the loopback lab, made at run time in pure JS: keys from node:crypto, the
 * X.509 structure from our DER encoder, signatures from crypto.sign. One CA per process.
 */
import { generateKeyPair, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
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

export type KeySpec = 'rsa-1024' | 'rsa-2048' | 'ec-p256' | 'ec-p384';
export type Digest = 'sha1' | 'sha256';

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
  /** Names for the SAN extension; the first is also the subject CN. */
  names: string[];
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
  rsa: { sha1: '1.2.840.113549.1.1.5', sha256: '1.2.840.113549.1.1.11' },
  ec: { sha1: '1.2.840.10045.4.1', sha256: '1.2.840.10045.4.3.2' },
};

const keyCache = new Map<KeySpec, Promise<KeyPair>>();

/** One key per spec per process: the lab needs many certificates, not many keys. */
export function keyPairOf(spec: KeySpec): Promise<KeyPair> {
  let pair = keyCache.get(spec);
  if (!pair) {
    const made =
      spec === 'rsa-1024' || spec === 'rsa-2048'
        ? generate('rsa', { modulusLength: spec === 'rsa-1024' ? 1024 : 2048 })
        : generate('ec', { namedCurve: spec === 'ec-p256' ? 'prime256v1' : 'secp384r1' });
    pair = made.then(({ privateKey, publicKey }) => ({ spec, privateKey, publicKey }));
    keyCache.set(spec, pair);
  }
  return pair;
}

function name(commonName: string): Buffer {
  return sequence(
    set(sequence(objectIdentifier(OID.organization), utf8String('hipaa-guard lab'))),
    set(sequence(objectIdentifier(OID.commonName), utf8String(commonName))),
  );
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return sequence(objectIdentifier(oid), ...(critical ? [booleanValue(true)] : []), octetString(value));
}

function subjectAltName(names: string[]): Buffer {
  const entries = names.map((entry) =>
    /^[\d.]+$/.test(entry)
      ? implicitPrimitive(7, Buffer.from(entry.split('.').map(Number)))
      : implicitPrimitive(2, Buffer.from(entry, 'ascii')),
  );
  return extension(OID.subjectAltName, false, sequence(...entries));
}

let nextSerial = BigInt(Date.now()) * 1000n;

interface TbsInput {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  extensions: Buffer[];
}

function signCertificate(tbsInput: TbsInput, signer: KeyPair, digest: Digest): IssuedCertificate['x509'] {
  const family = signer.spec.startsWith('rsa') ? 'rsa' : 'ec';
  const algorithm = sequence(objectIdentifier(SIGNATURE_OIDS[family][digest]), ...(family === 'rsa' ? [nullValue()] : []));
  nextSerial += 1n;
  const tbs = sequence(
    explicit(0, integer(2n)),
    integer(nextSerial),
    algorithm,
    name(tbsInput.issuer),
    sequence(time(tbsInput.notBefore), time(tbsInput.notAfter)),
    name(tbsInput.subject),
    tbsInput.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(...tbsInput.extensions)),
  );
  const signature = sign(digest, tbs, signer.privateKey);
  return new X509Certificate(sequence(tbs, algorithm, bitString(signature)));
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
  const root = signCertificate({ subject: ROOT_NAME, issuer: ROOT_NAME, publicKey: rootKey.publicKey, ...window, extensions: caExtensions() }, rootKey, 'sha256');
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

/** Issues a server certificate from the lab intermediate (or self-signed) with the given flaws. */
export async function issueLeaf(options: LeafOptions): Promise<IssuedCertificate> {
  const [ca, key] = await Promise.all([labAuthority(), keyPairOf(options.key ?? 'rsa-2048')]);
  const now = (options.now ?? new Date()).getTime();
  const subject = options.names[0] ?? 'localhost';
  const extensions = [
    extension(OID.basicConstraints, true, sequence()),
    // digitalSignature + keyEncipherment.
    extension(OID.keyUsage, true, bitString(Buffer.from([0xa0]))),
    extension(OID.extKeyUsage, false, sequence(objectIdentifier(OID.serverAuth))),
    subjectAltName(options.names),
  ];
  if (options.ocspUrl) {
    const access = sequence(objectIdentifier(OID.ocsp), implicitPrimitive(6, Buffer.from(options.ocspUrl, 'ascii')));
    extensions.push(extension(OID.authorityInfoAccess, false, sequence(access)));
  }
  const signer = options.selfSigned ? key : ca.intermediate.key;
  const x509 = signCertificate(
    {
      subject,
      issuer: options.selfSigned ? subject : INTERMEDIATE_NAME,
      publicKey: key.publicKey,
      notBefore: new Date(now + (options.notBeforeDays ?? -1) * DAY_MS),
      notAfter: new Date(now + (options.notAfterDays ?? 89) * DAY_MS),
      extensions,
    },
    signer,
    options.digest ?? 'sha256',
  );
  return issued(x509, key);
}

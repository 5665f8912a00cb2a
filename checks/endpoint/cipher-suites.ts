import { CIPHER_SUITE_ROWS, type CipherSuiteRow } from './cipher-suite-data.js';
import type { TlsVersion } from './model.js';

/** Why a suite is weak whatever the profile says (the TLS-CIPHER-WEAK classes). */
export const WEAK_CLASSES = ['NULL', 'anon', 'EXPORT', 'DES', '3DES', 'RC4', 'RC2', 'IDEA'] as const;
export type WeakClass = (typeof WEAK_CLASSES)[number];

/** One TLS cipher suite of the IANA registry (data: cipher-suite-data.ts, scripts/gen-cipher-suites.ts). */
export interface CipherSuite {
  /** IANA code point, e.g. 0xC02F. */
  code: number;
  /** The code point as written on the wire and in the registry: `0xC0,0x2F`. */
  hex: string;
  /** IANA name: `TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`. */
  iana: string;
  /** OpenSSL's name (`ECDHE-RSA-AES128-GCM-SHA256`), or undefined when OpenSSL never had one. */
  openssl?: string;
  /** The oldest protocol the suite can be used with. */
  minVersion: TlsVersion;
  /** `ECDHE`, `DHE`, `RSA`, `DH`, `ECDH`, `PSK`, `SRP`, `KRB5`, `NULL`; `any` for TLS 1.3 suites. */
  keyExchange: string;
  /** `RSA`, `ECDSA`, `DSS`, `PSK`, `anon`...; `any` for TLS 1.3 suites. */
  authentication: string;
  /** Bulk cipher as the IANA name spells it: `AES_128_GCM`, `3DES_EDE_CBC`, `NULL`. */
  encryption: string;
  encryptionBits: number;
  /** `SHA`, `SHA256`, `SHA384`, `MD5`, `NULL`, or `AEAD`. */
  mac: string;
  forwardSecrecy: boolean;
  aead: boolean;
  tls13: boolean;
  weak: WeakClass[];
}

function weakClassesOf(iana: string, authentication: string, encryption: string): WeakClass[] {
  const classes: WeakClass[] = [];
  if (encryption === 'NULL') classes.push('NULL');
  if (authentication === 'anon') classes.push('anon');
  if (iana.includes('_EXPORT')) classes.push('EXPORT');
  if (/^DES(40)?_CBC/.test(encryption)) classes.push('DES');
  if (encryption.startsWith('3DES')) classes.push('3DES');
  if (encryption.startsWith('RC4')) classes.push('RC4');
  if (encryption.startsWith('RC2')) classes.push('RC2');
  if (encryption.startsWith('IDEA')) classes.push('IDEA');
  return classes;
}

function toCipherSuite([code, iana, openssl, minVersion, keyExchange, authentication, encryption, encryptionBits, mac]: CipherSuiteRow): CipherSuite {
  const tls13 = minVersion === 'TLSv1.3';
  const suite: CipherSuite = {
    code,
    hex: `0x${(code >> 8).toString(16).toUpperCase().padStart(2, '0')},0x${(code & 0xff).toString(16).toUpperCase().padStart(2, '0')}`,
    iana,
    minVersion: minVersion as TlsVersion,
    keyExchange,
    authentication,
    encryption,
    encryptionBits,
    mac,
    // Ephemeral (EC)DHE keys, or TLS 1.3 where every key exchange is ephemeral.
    forwardSecrecy: tls13 || keyExchange === 'ECDHE' || keyExchange === 'DHE',
    aead: mac === 'AEAD',
    tls13,
    weak: weakClassesOf(iana, authentication, encryption),
  };
  if (openssl) suite.openssl = openssl;
  return suite;
}

export const CIPHER_SUITES: readonly CipherSuite[] = CIPHER_SUITE_ROWS.map(toCipherSuite);

const byCode = new Map(CIPHER_SUITES.map((suite) => [suite.code, suite]));
const byName = new Map<string, CipherSuite>();
for (const suite of CIPHER_SUITES) {
  byName.set(suite.iana.toUpperCase(), suite);
  // IANA names win where an OpenSSL name collides with one (the TLS 1.3 suites share theirs).
  if (suite.openssl && !byName.has(suite.openssl.toUpperCase())) byName.set(suite.openssl.toUpperCase(), suite);
}

export function cipherSuiteByCode(code: number): CipherSuite | undefined {
  return byCode.get(code);
}

/** Looks a suite up by IANA name or OpenSSL name, case-insensitively; an `SSL_` prefix reads as `TLS_`. */
export function cipherSuiteByName(name: string): CipherSuite | undefined {
  const upper = name.trim().toUpperCase();
  return byName.get(upper) ?? byName.get(upper.replace(/^SSL_/, 'TLS_'));
}

import { describe, expect, it } from 'vitest';
import { CIPHER_SUITES, cipherSuiteByCode, cipherSuiteByName } from '../../checks/endpoint/cipher-suites.js';

describe('CIPHER_SUITES', () => {
  it('has one row per code point and per IANA name', () => {
    expect(new Set(CIPHER_SUITES.map((suite) => suite.code)).size).toBe(CIPHER_SUITES.length);
    expect(new Set(CIPHER_SUITES.map((suite) => suite.iana)).size).toBe(CIPHER_SUITES.length);
    expect(CIPHER_SUITES.every((suite) => /^TLS_[A-Z0-9_]+$/i.test(suite.iana))).toBe(true);
  });

  it('covers the legacy suites OpenSSL 3 can no longer offer, for the raw ClientHello', () => {
    for (const weakness of ['NULL', 'anon', 'EXPORT', 'DES', '3DES', 'RC4', 'RC2', 'IDEA'] as const) {
      expect(CIPHER_SUITES.some((suite) => suite.weak.includes(weakness))).toBe(true);
    }
  });

  it.each([
    [
      0xc02f,
      {
        hex: '0xC0,0x2F',
        iana: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
        openssl: 'ECDHE-RSA-AES128-GCM-SHA256',
        minVersion: 'TLSv1.2',
        keyExchange: 'ECDHE',
        authentication: 'RSA',
        encryption: 'AES_128_GCM',
        encryptionBits: 128,
        mac: 'AEAD',
        forwardSecrecy: true,
        aead: true,
        tls13: false,
        weak: [],
      },
    ],
    [
      0x000a,
      { iana: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', openssl: 'DES-CBC3-SHA', keyExchange: 'RSA', mac: 'SHA', forwardSecrecy: false, aead: false, weak: ['3DES'] },
    ],
    [0x0003, { iana: 'TLS_RSA_EXPORT_WITH_RC4_40_MD5', openssl: 'EXP-RC4-MD5', encryptionBits: 40, mac: 'MD5', weak: ['EXPORT', 'RC4'] }],
    [0x0019, { iana: 'TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA', keyExchange: 'DH', authentication: 'anon', weak: ['anon', 'EXPORT', 'DES'] }],
    [0x0000, { iana: 'TLS_NULL_WITH_NULL_NULL', keyExchange: 'NULL', encryption: 'NULL', weak: ['NULL'] }],
    [0x0007, { iana: 'TLS_RSA_WITH_IDEA_CBC_SHA', weak: ['IDEA'] }],
    [
      0x1301,
      { iana: 'TLS_AES_128_GCM_SHA256', keyExchange: 'any', authentication: 'any', tls13: true, forwardSecrecy: true, aead: true, minVersion: 'TLSv1.3' },
    ],
    [0x1305, { iana: 'TLS_AES_128_CCM_8_SHA256', tls13: true, aead: true }],
    [0xc0aa, { iana: 'TLS_PSK_DHE_WITH_AES_128_CCM_8', keyExchange: 'DHE', authentication: 'PSK', forwardSecrecy: true }],
    [0xc00e, { iana: 'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA', keyExchange: 'ECDH', authentication: 'RSA', forwardSecrecy: false, weak: [] }],
  ])('Given code %i, then the row reads %j', (code, expected) => {
    expect(cipherSuiteByCode(code)).toMatchObject(expected);
  });

  it('returns undefined for an unassigned code point', () => {
    expect(cipherSuiteByCode(0x5600)).toBeUndefined();
  });
});

describe('cipherSuiteByName', () => {
  it.each([
    ['TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', 0xcca9],
    ['ECDHE-ECDSA-CHACHA20-POLY1305', 0xcca9],
    ['ecdhe-rsa-aes256-gcm-sha384', 0xc030],
    [' DES-CBC3-SHA ', 0x000a],
    ['SSL_RSA_WITH_RC4_128_MD5', 0x0004],
    ['TLS_AES_256_GCM_SHA384', 0x1302],
  ])('Given "%s", then it finds code %i', (name, code) => {
    expect(cipherSuiteByName(name)?.code).toBe(code);
  });

  it('returns undefined for an unknown name', () => {
    expect(cipherSuiteByName('TLS_MADE_UP')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { legacyProtocolsIn, noLegacyProtocols, noWeakCiphers, weakCiphersIn } from '../../../checks/infra/nginx/tls-settings.js';

describe('legacyProtocolsIn', () => {
  it.each([
    [['TLSv1.2', 'TLSv1.3'], []],
    [
      ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
      ['TLSv1', 'TLSv1.1'],
    ],
    ['SSLv3 TLSv1.2', ['SSLv3']],
    ['tlsv1.2, TLSv1.1', ['TLSv1.1']],
    ['TLSv1.2 TLSv2', []],
  ])('Given %j, then the legacy protocols are %j', (list, legacy) => {
    expect(legacyProtocolsIn(list)).toEqual(legacy);
  });
});

describe('noLegacyProtocols', () => {
  it('Given lists, then only TLS 1.2+ passes, an empty list fails, and strength follows the oldest protocol', () => {
    expect(noLegacyProtocols.test('TLSv1.2 TLSv1.3')).toBe(true);
    expect(noLegacyProtocols.test(['TLSv1.3'])).toBe(true);
    expect(noLegacyProtocols.test('TLSv1.1 TLSv1.2')).toBe(false);
    expect(noLegacyProtocols.test('')).toBe(false);
    expect(noLegacyProtocols.strength?.('TLSv1 TLSv1.2')).toBeLessThan(noLegacyProtocols.strength?.('TLSv1.1 TLSv1.2') ?? 0);
    expect(noLegacyProtocols.strength?.('TLSv1.3')).toBeGreaterThan(noLegacyProtocols.strength?.('TLSv1.2 TLSv1.3') ?? 0);
    expect(noLegacyProtocols.strength?.('bogus')).toBeUndefined();
  });
});

describe('weakCiphersIn', () => {
  it.each([
    ['HIGH:!aNULL:!MD5', []],
    ['ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384', []],
    ['ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA', ['DES-CBC3-SHA (3DES)']],
    ['RC4-MD5', ['RC4-MD5 (RC4, MD5)']],
    ['TLS_RSA_WITH_NULL_SHA256', ['TLS_RSA_WITH_NULL_SHA256 (NULL)']],
    ['ALL:!aNULL', ['ALL (RC4, DES, 3DES)']],
    ['ALL:!aNULL:!eNULL:!RC4:!DES:!3DES', []],
    ['ECDHE+RC4:ECDHE+AESGCM', ['ECDHE+RC4 (RC4)']],
    ['EXP:LOW', ['EXP (EXPORT)', 'LOW (DES)']],
    ['aNULL:@STRENGTH', ['aNULL (anon)']],
    ['RC4:-RC4:HIGH', []],
    ['-RC4:RC4', ['RC4 (RC4)']],
    ['RC4-SHA:!RC4-SHA', []],
    ['HIGH MEDIUM', ['MEDIUM (3DES, RC4)']],
  ])('Given "%s", then the weak selections are %j', (cipherString, weak) => {
    expect(weakCiphersIn(cipherString)).toEqual(weak);
  });

  it('Given a ban (!) before the weak element, then the element stays banned, as in OpenSSL', () => {
    expect(weakCiphersIn('!3DES:DES-CBC3-SHA')).toEqual([]);
  });
});

describe('noWeakCiphers', () => {
  it('Given cipher strings, then more weak selections are weaker', () => {
    expect(noWeakCiphers.test('HIGH:!aNULL:!MD5')).toBe(true);
    expect(noWeakCiphers.test('RC4-SHA')).toBe(false);
    expect(noWeakCiphers.strength?.('RC4-SHA:DES-CBC3-SHA')).toBeLessThan(noWeakCiphers.strength?.('RC4-SHA') ?? 0);
  });
});

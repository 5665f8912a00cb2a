import { describe, expect, it } from 'vitest';
import { PROFILE_NAMES } from '../../checks/config/schema.js';
import { cipherSuiteByName } from '../../checks/endpoint/cipher-suites.js';
import { loadProfile } from '../../checks/endpoint/profiles/index.js';
import { ENDPOINT_RULE } from '../../checks/endpoint/rules.js';

const subsetOf = (items: readonly string[], of: readonly string[]) => items.filter((item) => !of.includes(item));

describe('loadProfile', () => {
  it.each(PROFILE_NAMES)('Given %s, then it names itself, its version and its source', (name) => {
    const profile = loadProfile(name);
    expect(profile.name).toBe(name);
    expect(profile.version).not.toBe('');
    expect(profile.source).toMatch(/https:\/\//);
  });

  it('Given a caller that changes its copy, then the next caller gets the original', () => {
    loadProfile('hipaa').tls12CipherSuites.push('TLS_RSA_WITH_RC4_128_SHA');
    expect(loadProfile('hipaa').tls12CipherSuites).not.toContain('TLS_RSA_WITH_RC4_128_SHA');
  });

  it.each(PROFILE_NAMES)('Given %s, then its data is consistent with the cipher table and the rules', (name) => {
    const profile = loadProfile(name);
    const tls12 = profile.tls12CipherSuites.map((suite) => cipherSuiteByName(suite));
    const tls13 = profile.tls13CipherSuites.map((suite) => cipherSuiteByName(suite));
    expect([...tls12, ...tls13].every((suite) => suite && suite.weak.length === 0 && suite.forwardSecrecy)).toBe(true);
    expect(tls12.map((suite) => suite?.iana)).toEqual(profile.tls12CipherSuites);
    expect(tls12.some((suite) => suite?.tls13)).toBe(false);
    expect(tls13.every((suite) => suite?.tls13)).toBe(true);
    expect(subsetOf(profile.protocols.required, profile.protocols.allowed)).toEqual([]);
    expect(profile.protocols.allowed).not.toContain('TLSv1.1');
    expect(Object.keys(profile.severity).filter((id) => !(id in ENDPOINT_RULE))).toEqual([]);
  });
});

describe('profile data', () => {
  const hipaa = loadProfile('hipaa');
  const nist = loadProfile('nist-800-52r2');
  const intermediate = loadProfile('mozilla-intermediate');
  const modern = loadProfile('mozilla-modern');

  it('Given hipaa, then every list stays within both NIST SP 800-52r2 and Mozilla intermediate', () => {
    for (const source of [nist, intermediate]) {
      expect(subsetOf(hipaa.tls12CipherSuites, source.tls12CipherSuites)).toEqual([]);
      expect(subsetOf(hipaa.tls13CipherSuites, source.tls13CipherSuites)).toEqual([]);
      expect(subsetOf(hipaa.protocols.allowed, source.protocols.allowed)).toEqual([]);
      expect(subsetOf(hipaa.certificateSignatureAlgorithms, source.certificateSignatureAlgorithms)).toEqual([]);
      expect(subsetOf(source.protocols.required, hipaa.protocols.required)).toEqual([]);
      expect(hipaa.minKeyBits.rsa).toBeGreaterThanOrEqual(source.minKeyBits.rsa);
      expect(hipaa.minKeyBits.ec).toBeGreaterThanOrEqual(source.minKeyBits.ec);
      expect(hipaa.minKeyBits.dh).toBeGreaterThanOrEqual(source.minKeyBits.dh);
      expect(hipaa.maxCertificateLifespanDays).toBeLessThanOrEqual(source.maxCertificateLifespanDays);
    }
  });

  it("Given hipaa, then HSTS keeps the one-year minimum of issue 2 rather than Mozilla's two years", () => {
    expect(hipaa.hsts).toEqual({ minMaxAgeSeconds: 31536000, requireIncludeSubDomains: true });
    expect(intermediate.hsts.minMaxAgeSeconds).toBe(63072000);
  });

  it('Given Mozilla 5.7, then intermediate has the nine TLS 1.2 suites including DHE-RSA ChaCha20 and modern none', () => {
    expect(intermediate.tls12CipherSuites).toHaveLength(9);
    expect(intermediate.tls12CipherSuites.at(-1)).toBe('TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256');
    expect(modern.tls12CipherSuites).toEqual([]);
    expect(modern.protocols).toEqual({ allowed: ['TLSv1.3'], required: ['TLSv1.3'] });
    expect(modern.maxCertificateLifespanDays).toBe(90);
  });

  it('Given NIST SP 800-52r2, then it leaves ChaCha20 out and includes the CCM suites', () => {
    expect(nist.tls13CipherSuites).toEqual(['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_AES_128_CCM_SHA256', 'TLS_AES_128_CCM_8_SHA256']);
    expect(nist.tls12CipherSuites.filter((suite) => suite.includes('CHACHA20'))).toEqual([]);
    expect(nist.tls12CipherSuites).toContain('TLS_DHE_RSA_WITH_AES_256_CCM_8');
  });
});

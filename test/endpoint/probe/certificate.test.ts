import { describe, expect, it } from 'vitest';
import { coversHost } from '../../../checks/endpoint/host-name.js';
import type { CertificateInfo } from '../../../checks/endpoint/model.js';
import { describeCertificate, signatureAlgorithmOf } from '../../../checks/endpoint/probe/certificate.js';
import { issueLeaf, labAuthority, type LeafOptions } from '../../../lab/certs.js';
import { bitString, objectIdentifier, sequence } from '../../../lab/der.js';

describe('signatureAlgorithmOf', () => {
  it.each([
    ['rsa-2048', 'sha256', 'sha256WithRSAEncryption'],
    ['ec-p256', 'sha1', 'sha1WithRSAEncryption'],
  ] as const)('reads the signature the issuer made, not the subject key: %s leaf, %s digest → %s', async (key, digest, expected) => {
    // Given a leaf signed by the RSA intermediate, whatever its own key
    const leaf = await issueLeaf({ names: ['sig.lab.test'], key, digest });
    // Then the algorithm comes from the certificate's own signatureAlgorithm field
    expect(signatureAlgorithmOf(leaf.x509.raw)).toBe(expected);
  });

  it('reads ECDSA signatures (the lab root signs with P-384)', async () => {
    const { root } = await labAuthority();
    expect(signatureAlgorithmOf(root.x509.raw)).toBe('ecdsa-with-SHA256');
  });

  it('names a self-signed EC certificate by its ECDSA algorithm', async () => {
    const leaf = await issueLeaf({ names: ['ec.lab.test'], key: 'ec-p256', selfSigned: true, digest: 'sha1' });
    expect(signatureAlgorithmOf(leaf.x509.raw)).toBe('ecdsa-with-SHA1');
  });
});

describe('describeCertificate', () => {
  it('records key, names, responder, validity and fingerprint', async () => {
    const leaf = await issueLeaf({
      names: ['facts.lab.test', 'www.facts.lab.test'],
      key: 'ec-p256',
      ocspUrl: 'http://ocsp.lab.test/',
      notBeforeDays: -1,
      notAfterDays: 89,
    });
    const info = describeCertificate(leaf.x509);
    expect(info).toMatchObject({
      subject: 'O=hipaa-guard lab, CN=facts.lab.test',
      issuer: 'O=hipaa-guard lab, CN=hipaa-guard lab intermediate CA',
      keyType: 'EC',
      keyBits: 256,
      subjectAltNames: ['DNS:facts.lab.test', 'DNS:www.facts.lab.test'],
      ocspUrls: ['http://ocsp.lab.test/'],
      isCA: false,
      selfSigned: false,
    });
    expect(Date.parse(info.notAfter) - Date.parse(info.notBefore)).toBe(90 * 86_400_000);
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sees the lab CA certificates as CAs, the root as self-signed', async () => {
    const { root, intermediate } = await labAuthority();
    expect(describeCertificate(root.x509)).toMatchObject({ isCA: true, selfSigned: true, keyType: 'EC', keyBits: 384 });
    expect(describeCertificate(intermediate.x509)).toMatchObject({ isCA: true, selfSigned: false, keyType: 'RSA', keyBits: 2048 });
  });
});

describe('describeCertificate on odd but valid certificates', () => {
  // GOST R 34.10-2001: a key algorithm OpenSSL parses but cannot load without its engine.
  const gostKey = sequence(sequence(objectIdentifier('1.2.643.2.2.19')), bitString(Buffer.alloc(66, 7)));
  const manyNames = Array.from({ length: 3000 }, (_, index) => `host-${index}.many.lab.test`);
  const cases: [string, LeafOptions, Partial<CertificateInfo>][] = [
    ['an empty subject', { names: ['empty.lab.test'], commonName: null }, { subjectAltNames: ['DNS:empty.lab.test'] }],
    ['no subjectAltName', { names: [], commonName: 'cn.lab.test' }, { subject: 'O=hipaa-guard lab, CN=cn.lab.test', subjectAltNames: [] }],
    ['neither subject nor SAN', { names: [], commonName: null }, { subjectAltNames: [] }],
    ['3000 SANs', { names: manyNames }, { subjectAltNames: manyNames.map((name) => `DNS:${name}`) }],
    ['an Ed25519 key', { names: ['ed.lab.test'], key: 'ed25519' }, { keyType: 'Ed25519', keyBits: 256 }],
    ['a P-384 key', { names: ['p384.lab.test'], key: 'ec-p384' }, { keyType: 'EC', keyBits: 384 }],
    ['a key type OpenSSL cannot load', { names: ['gost.lab.test'], spki: gostKey }, { keyType: 'unknown', keyBits: 0 }],
    [
      'a 100-year validity',
      { names: ['long.lab.test'], notAfterDays: 36_500, now: new Date('2026-01-01T00:00:00Z') },
      { notAfter: '2125-12-08T00:00:00.000Z' },
    ],
    ['a negative serial number', { names: ['negative.lab.test'], serial: -1n }, { serialNumber: '-01' }],
    ['an RSA-PSS signature', { names: ['pss.lab.test'], padding: 'pss', digest: 'sha384' }, { signatureAlgorithm: 'rsassaPss-with-SHA384' }],
  ];

  it.each(cases)('Given a certificate with %s, then every fact is read and none is invented', async (_label, options, expected) => {
    // Given the odd certificate, made now
    const { x509 } = await issueLeaf(options);
    // When it is described
    const info = describeCertificate(x509);
    // Then the facts are those of the certificate
    expect(info).toMatchObject(expected);
    if (options.commonName === null) expect(info).not.toHaveProperty('subject');
    expect(info.issuer).toBe('O=hipaa-guard lab, CN=hipaa-guard lab intermediate CA');
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('host-name match of a served certificate', () => {
  it.each([
    ['a CN-only certificate', { names: [], commonName: 'cn.lab.test' }, 'cn.lab.test', false],
    ['an empty subject with the name in its SAN', { names: ['empty.lab.test'], commonName: null }, 'empty.lab.test', true],
    ['an IPv6 SAN', { names: ['::1'] }, '::1', true],
  ] as const)('Given %s, then it covers %s: %s', async (_label, options, host, covers) => {
    const { x509 } = await issueLeaf({ ...options, names: [...options.names] });
    expect(coversHost(describeCertificate(x509).subjectAltNames, host)).toBe(covers);
  });
});

import { describe, expect, it } from 'vitest';
import { describeCertificate, signatureAlgorithmOf } from '../../../checks/endpoint/probe/certificate.js';
import { issueLeaf, labAuthority } from '../../../lab/certs.js';

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
    const leaf = await issueLeaf({ names: ['facts.lab.test', 'www.facts.lab.test'], key: 'ec-p256', ocspUrl: 'http://ocsp.lab.test/', notBeforeDays: -1, notAfterDays: 89 });
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

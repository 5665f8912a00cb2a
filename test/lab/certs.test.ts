import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureAlgorithmOf } from '../../checks/endpoint/probe/certificate.js';
import { issueLeaf, labAuthority } from '../../lab/certs.js';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-06-01T00:00:00Z');
/** DER of an extension's start: extnID subjectAltName (2.5.29.17), then critical BOOLEAN TRUE. */
const CRITICAL_SAN = Buffer.from('0603551d110101ff', 'hex');

describe('labAuthority', () => {
  it('makes one root and one intermediate per process, the intermediate issued by the root', async () => {
    const first = await labAuthority();
    const again = await labAuthority();
    expect(again).toBe(first);
    expect(first.intermediate.x509.checkIssued(first.root.x509)).toBe(true);
    expect(first.intermediate.x509.verify(first.root.x509.publicKey)).toBe(true);
    expect(first.root.x509.ca).toBe(true);
  });
});

describe('issueLeaf', () => {
  it('issues a 90-day server certificate from the intermediate by default', async () => {
    const { intermediate } = await labAuthority();
    const leaf = await issueLeaf({ names: ['api.lab.test'], now: NOW });
    expect(leaf.x509.checkIssued(intermediate.x509)).toBe(true);
    expect(leaf.x509.verify(intermediate.x509.publicKey)).toBe(true);
    expect(leaf.x509.subjectAltName).toBe('DNS:api.lab.test');
    expect(leaf.x509.ca).toBe(false);
    expect(new Date(leaf.x509.validFrom).getTime()).toBe(NOW.getTime() - DAY_MS);
    expect(new Date(leaf.x509.validTo).getTime()).toBe(NOW.getTime() + 89 * DAY_MS);
    expect(leaf.x509.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it.each([
    ['expired', -100, -10],
    ['not yet valid', 10, 100],
    ['valid past 2049 (GeneralizedTime)', -1, 9000],
  ] as const)('writes a %s validity window', async (_label, notBeforeDays, notAfterDays) => {
    const leaf = await issueLeaf({ names: ['window.lab.test'], notBeforeDays, notAfterDays, now: NOW });
    expect(new Date(leaf.x509.validFrom).getTime()).toBe(NOW.getTime() + notBeforeDays * DAY_MS);
    expect(new Date(leaf.x509.validTo).getTime()).toBe(NOW.getTime() + notAfterDays * DAY_MS);
  });

  it('makes weak keys and SHA-1 signatures on request', async () => {
    const leaf = await issueLeaf({ names: ['weak.lab.test'], key: 'rsa-1024', digest: 'sha1' });
    expect(leaf.x509.publicKey.asymmetricKeyDetails?.modulusLength).toBe(1024);
    expect(signatureAlgorithmOf(leaf.x509.raw)).toBe('sha1WithRSAEncryption');
    expect(new X509Certificate(leaf.pem).fingerprint256).toBe(leaf.x509.fingerprint256);
  });

  it('writes IP SANs and the OCSP responder', async () => {
    const leaf = await issueLeaf({ names: ['ocsp.lab.test', '127.0.0.1'], ocspUrl: 'http://ocsp.lab.test/' });
    expect(leaf.x509.subjectAltName).toBe('DNS:ocsp.lab.test, IP Address:127.0.0.1');
    expect(leaf.x509.infoAccess).toContain('OCSP - URI:http://ocsp.lab.test/');
  });

  it('self-signs when asked', async () => {
    const leaf = await issueLeaf({ names: ['self.lab.test'], key: 'ec-p256', selfSigned: true });
    expect(leaf.x509.issuer).toBe(leaf.x509.subject);
    expect(leaf.x509.verify(leaf.x509.publicKey)).toBe(true);
  });

  it('issues from the root directly when asked', async () => {
    const { root } = await labAuthority();
    const leaf = await issueLeaf({ names: ['anchor.lab.test'], issuer: 'root' });
    expect(leaf.x509.checkIssued(root.x509)).toBe(true);
    expect(leaf.x509.verify(root.x509.publicKey)).toBe(true);
  });

  it('writes an empty subject with a critical subjectAltName, or a CN without any SAN', async () => {
    const empty = await issueLeaf({ names: ['empty.lab.test'], commonName: null });
    expect(empty.x509.subject ?? '').toBe('');
    expect(empty.x509.subjectAltName).toBe('DNS:empty.lab.test');
    expect(empty.x509.raw.includes(CRITICAL_SAN)).toBe(true);
    // (a leaf with a subject has its SAN non-critical, so the byte check tells the two apart)
    expect((await issueLeaf({ names: ['named.lab.test'] })).x509.raw.includes(CRITICAL_SAN)).toBe(false);
    const cnOnly = await issueLeaf({ names: [], commonName: 'cn.lab.test' });
    expect(cnOnly.x509.subject).toBe('O=hipaa-guard lab\nCN=cn.lab.test');
    expect(cnOnly.x509.subjectAltName).toBeUndefined();
  });

  it.each([
    ['sha384', 'pkcs1', 'sha384WithRSAEncryption'],
    ['sha512', 'pkcs1', 'sha512WithRSAEncryption'],
    ['sha256', 'pss', 'rsassaPss-with-SHA256'],
    ['sha512', 'pss', 'rsassaPss-with-SHA512'],
  ] as const)('signs with %s (%s) verifiably: %s', async (digest, padding, expected) => {
    const { intermediate } = await labAuthority();
    const leaf = await issueLeaf({ names: ['digest.lab.test'], digest, padding });
    expect(signatureAlgorithmOf(leaf.x509.raw)).toBe(expected);
    expect(leaf.x509.verify(intermediate.x509.publicKey)).toBe(true);
  });

  it("writes negative serial numbers in two's complement and IPv6 SANs in 16 bytes", async () => {
    const leaf = await issueLeaf({ names: ['::1'], serial: -129n });
    expect(leaf.x509.serialNumber).toBe('-81'); // -129 as OpenSSL prints it
    expect(leaf.x509.checkIP('::1')).toBe('::1');
  });

  it('makes Ed25519 leaves', async () => {
    const leaf = await issueLeaf({ names: ['ed.lab.test'], key: 'ed25519' });
    expect(leaf.x509.publicKey.asymmetricKeyType).toBe('ed25519');
  });
});

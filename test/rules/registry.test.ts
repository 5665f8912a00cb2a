import { describe, expect, it } from 'vitest';
import { ENDPOINT_RULES } from '../../checks/endpoint/rules.js';
import { SEVERITIES } from '../../checks/model/finding.js';
import { SAFEGUARD_IDS } from '../../checks/model/safeguards.js';
import { ALL_RULES, ruleById, ruleLookup } from '../../checks/rules/registry.js';

/** Issue 2 names these ids; they are public interface. */
const ISSUE_2_ENDPOINT_IDS = [
  'TLS-PROTOCOL-LEGACY',
  'TLS-PROTOCOL-NO-TLS13',
  'TLS-PROTOCOL-NO-TLS12',
  'TLS-CIPHER-WEAK',
  'TLS-CIPHER-NO-FORWARD-SECRECY',
  'TLS-CIPHER-NOT-ALLOWED',
  'TLS-DH-WEAK',
  'CERT-UNTRUSTED',
  'CERT-CHAIN-INCOMPLETE',
  'CERT-HOSTNAME-MISMATCH',
  'CERT-EXPIRED',
  'CERT-NOT-YET-VALID',
  'CERT-EXPIRING-SOON',
  'CERT-LIFESPAN-TOO-LONG',
  'CERT-WEAK-KEY',
  'CERT-WEAK-SIGNATURE',
  'CERT-OCSP-NOT-STAPLED',
  'HTTP-NO-REDIRECT',
  'HTTP-REDIRECT-TEMPORARY',
  'HTTP-REDIRECT-OFF-HOST',
  'HTTP-REDIRECT-INSECURE',
  'HSTS-MISSING',
  'HSTS-MAX-AGE-TOO-SHORT',
  'HSTS-NO-SUBDOMAINS',
  'HSTS-DUPLICATE',
  'HTTP2-NOT-SUPPORTED',
  'ENDPOINT-UNREACHABLE',
];

describe('rule registry', () => {
  it('Given every family, then ids and aliases are unique across the registry', () => {
    const names = ALL_RULES.flatMap((rule) => [rule.id, ...(rule.aliases ?? [])]);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it.each(ALL_RULES.map((rule) => [rule.id, rule] as const))('Given %s, then its metadata is complete and well-formed', (_id, rule) => {
    expect(rule.id).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/);
    expect(SEVERITIES).toContain(rule.severity);
    expect(SAFEGUARD_IDS).toContain(rule.safeguard);
    expect(rule.citation ?? '').toMatch(/^(45 CFR 164\.312\([a-e]\)(\(\d\))?(\([ivx]+\))?)?$/);
    expect(rule.title.length).toBeGreaterThan(5);
    expect(rule.description.length).toBeGreaterThan(40);
    expect(rule.remediation.length).toBeGreaterThan(40);
  });

  it.each(ALL_RULES.filter((rule) => rule.family !== 'general').map((rule) => [rule.id, rule] as const))(
    'Given %s, then it carries a bad and a good example',
    (_id, rule) => {
      // Each family's rule-examples test runs them through its real engine
      expect(rule.examples?.bad.length).toBeGreaterThan(0);
      expect(rule.examples?.good.length).toBeGreaterThan(0);
    },
  );

  it('Given issue 2, then every endpoint id it names is registered in the endpoint family', () => {
    expect(ISSUE_2_ENDPOINT_IDS.filter((id) => ruleById(id)?.family !== 'endpoint')).toEqual([]);
    expect(ENDPOINT_RULES.every((rule) => ALL_RULES.includes(rule))).toBe(true);
  });

  it('Given a renamed rule, then the lookup resolves its old id to it; an unknown id resolves to nothing', () => {
    const renamed = { ...ENDPOINT_RULES[0]!, id: 'TLS-NEW-NAME', aliases: ['TLS-OLD-NAME'] };
    const lookup = ruleLookup([renamed]);
    expect(lookup('TLS-OLD-NAME')).toBe(renamed);
    expect(lookup('TLS-NEW-NAME')).toBe(renamed);
    expect(ruleById('TLS-PROTOCOL-LEGACY')?.title).toBe('Legacy TLS/SSL protocol accepted');
    expect(ruleById('NO-SUCH-RULE')).toBeUndefined();
  });
});

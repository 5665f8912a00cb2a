import { describe, expect, it } from 'vitest';
import { compareFindings, fingerprintOf, locationLabel, makeFinding, meetsThreshold, type Finding } from '../../checks/model/finding.js';
import { blockingFindings, emptyReport, isBlocking, mergeReports } from '../../checks/model/report.js';
import { API_ADDRESS, API_URL, endpointFinding, fileFinding, HSTS_MISSING_RULE, LEGACY_TLS_RULE, S3_ENCRYPTION_RULE } from '../support/report-builder.js';

/** A finding without a change (as an endpoint's), on the shared test rule of high severity. */
function finding(overrides: Partial<Finding> = {}): Finding {
  return { ...endpointFinding(LEGACY_TLS_RULE), ...overrides };
}

describe('makeFinding', () => {
  it('fills the rule metadata, the safeguard citation and a fingerprint', () => {
    // Given a rule without a citation of its own
    expect(HSTS_MISSING_RULE.citation).toBeUndefined();
    expect(endpointFinding(HSTS_MISSING_RULE, { message: 'found X, expected Y', evidence: {} })).toEqual({
      ruleId: 'TEST-HSTS-MISSING',
      title: 'No Strict-Transport-Security header',
      severity: 'medium',
      safeguard: 'transmission-security',
      citation: '45 CFR 164.312(e)(1)',
      message: 'found X, expected Y',
      remediation: 'Send `Strict-Transport-Security: max-age=31536000; includeSubDomains`.',
      location: { kind: 'endpoint', url: API_URL, address: API_ADDRESS },
      evidence: {},
      fingerprint: fingerprintOf('TEST-HSTS-MISSING', API_URL),
    });
  });

  it('prefers the rule citation and the given severity', () => {
    const made = makeFinding(
      { ...HSTS_MISSING_RULE, citation: '45 CFR 164.312(e)(2)(ii)' },
      { message: 'm', location: { kind: 'endpoint', url: 'https://a.example.org' }, subject: 's', severity: 'low', change: 'weakened' },
    );
    expect(made).toMatchObject({ citation: '45 CFR 164.312(e)(2)(ii)', severity: 'low', change: 'weakened' });
  });

  it('keeps fingerprints stable across line moves and distinct across subjects and rules', () => {
    // Issues and SARIF baselines store fingerprints: the value itself must not drift between versions
    expect(fingerprintOf('A', 'x')).toBe('99c77f654c8e612954cce02c790a1aff');
    // and moving the finding to other lines keeps it
    const at = (startLine: number) => fileFinding(S3_ENCRYPTION_RULE, { location: { kind: 'file', path: 'main.tf', startLine, endLine: startLine + 2 } });
    expect(at(40).fingerprint).toBe(at(3).fingerprint);
    expect(fingerprintOf('A', 'x')).not.toBe(fingerprintOf('A', 'y'));
    expect(fingerprintOf('A', 'x')).not.toBe(fingerprintOf('B', 'x'));
    expect(fingerprintOf('A', 'x')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('thresholds', () => {
  it.each([
    ['critical', 'high', true],
    ['high', 'high', true],
    ['medium', 'high', false],
    ['low', 'low', true],
    ['info', 'low', false],
    ['critical', 'never', false],
  ] as const)('%s meets fail-on %s: %s', (severity, failOn, expected) => {
    expect(meetsThreshold(severity, failOn)).toBe(expected);
  });

  it('does not block on an unchanged, pre-existing violation unless asked to', () => {
    expect(isBlocking(finding({ change: 'existing' }), 'high')).toBe(false);
    expect(isBlocking(finding({ change: 'existing' }), 'high', true)).toBe(true);
    expect(isBlocking(finding({ change: 'weakened' }), 'high')).toBe(true);
    expect(isBlocking(finding(), 'high')).toBe(true);
  });
});

describe('reports', () => {
  it('merges families into one report, findings sorted by severity then place', () => {
    const low = finding({ severity: 'low', location: { kind: 'file', path: 'a.tf', startLine: 1, endLine: 1 } });
    const high = finding({ location: { kind: 'file', path: 'b.tf', startLine: 1, endLine: 1 } });
    const tool = { name: 'hipaa-guard', version: '0.0.0' } as const;
    const merged = mergeReports(
      { ...emptyReport(tool, '2026-01-01T00:00:02Z'), findings: [low], notes: ['one'] },
      { ...emptyReport(tool, '2026-01-01T00:00:01Z'), findings: [high], finishedAt: '2026-01-01T00:00:09Z', notes: ['two'] },
    );
    expect(merged.findings).toEqual([high, low]);
    expect(merged).toMatchObject({ startedAt: '2026-01-01T00:00:01Z', finishedAt: '2026-01-01T00:00:09Z', notes: ['one', 'two'] });
    expect(blockingFindings(merged, 'high')).toEqual([high]);
    expect([low, high].sort(compareFindings)).toEqual([high, low]);
  });

  it('labels locations for text output', () => {
    expect(locationLabel({ kind: 'file', path: 'x.tf', startLine: 2, endLine: 2 })).toBe('x.tf:2');
    expect(locationLabel({ kind: 'file', path: 'x.tf', startLine: 2, endLine: 4 })).toBe('x.tf:2-4');
    expect(locationLabel({ kind: 'endpoint', url: 'https://a.example.org', address: '203.0.113.7' })).toBe('https://a.example.org (203.0.113.7)');
  });
});

import { describe, expect, it } from 'vitest';
import { compareFindings, fingerprintOf, locationLabel, makeFinding, meetsThreshold, type Finding } from '../../checks/model/finding.js';
import type { Rule } from '../../checks/model/rule.js';
import { blockingFindings, emptyReport, isBlocking, mergeReports } from '../../checks/model/report.js';

const rule: Rule = {
  id: 'TEST-RULE',
  title: 'A test rule',
  family: 'general',
  severity: 'high',
  safeguard: 'transmission-security',
  description: 'Checks a thing.',
  remediation: 'Fix the thing.',
};

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ...makeFinding(rule, {
      message: 'found X, expected Y',
      location: { kind: 'file', path: 'main.tf', startLine: 3, endLine: 5 },
      subject: 'aws_lb_listener.front',
    }),
    ...overrides,
  };
}

describe('makeFinding', () => {
  it('fills the rule metadata, the safeguard citation and a fingerprint', () => {
    expect(finding()).toEqual({
      ruleId: 'TEST-RULE',
      title: 'A test rule',
      severity: 'high',
      safeguard: 'transmission-security',
      citation: '45 CFR 164.312(e)(1)',
      message: 'found X, expected Y',
      remediation: 'Fix the thing.',
      location: { kind: 'file', path: 'main.tf', startLine: 3, endLine: 5 },
      evidence: {},
      fingerprint: fingerprintOf('TEST-RULE', 'aws_lb_listener.front'),
    });
  });

  it('prefers the rule citation and the given severity', () => {
    const made = makeFinding(
      { ...rule, citation: '45 CFR 164.312(e)(2)(ii)' },
      { message: 'm', location: { kind: 'endpoint', url: 'https://a.example.org' }, subject: 's', severity: 'low', change: 'weakened' },
    );
    expect(made).toMatchObject({ citation: '45 CFR 164.312(e)(2)(ii)', severity: 'low', change: 'weakened' });
  });

  it('keeps fingerprints stable across line moves and distinct across subjects and rules', () => {
    // Issues and SARIF baselines store fingerprints: the value itself must not drift between versions
    expect(fingerprintOf('A', 'x')).toBe('99c77f654c8e612954cce02c790a1aff');
    // and moving the finding to other lines keeps it
    const moved = makeFinding(rule, { message: 'found X, expected Y', location: { kind: 'file', path: 'main.tf', startLine: 40, endLine: 42 }, subject: 'aws_lb_listener.front' });
    expect(moved.fingerprint).toBe(finding().fingerprint);
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
    expect(locationLabel({ kind: 'endpoint', url: 'https://a.example.org', address: '203.0.113.7' })).toBe(
      'https://a.example.org (203.0.113.7)',
    );
  });
});

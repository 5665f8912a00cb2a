import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_VERSION, renderJson, type JsonReport } from '../../checks/report/json.js';
import { API_ADDRESS, API_URL, FINISHED_AT, STARTED_AT, fullReport } from '../support/report-builder.js';

function parse(text: string): JsonReport {
  return JSON.parse(text) as JsonReport;
}

describe('renderJson', () => {
  it('writes a versioned audit record: tool, when, profile, targets and counts', () => {
    // Given a report of an endpoint probe and a repository scan
    const json = parse(renderJson(fullReport()));

    // Then the audit metadata is all there
    expect(json.schemaVersion).toBe(JSON_SCHEMA_VERSION);
    expect(json.tool).toEqual({ name: 'hipaa-guard', version: '0.1.0' });
    expect([json.startedAt, json.finishedAt]).toEqual([STARTED_AT, FINISHED_AT]);
    expect(json.profile).toEqual({ name: 'hipaa', version: '2026.1', source: 'NIST SP 800-52r2 + Mozilla intermediate 5.7' });
    expect(json.targets).toEqual([
      { kind: 'endpoint', url: API_URL, address: API_ADDRESS, engine: 'native' },
      { kind: 'repository', root: '.', base: 'a1b2c3d', head: 'e4f5a6b', files: 3 },
    ]);
    expect(json.summary).toEqual({
      findings: 4,
      bySeverity: { critical: 1, high: 1, medium: 1, low: 1, info: 0 },
      suppressed: 1,
      unknown: 1,
      errors: 1,
      strengthened: 1,
    });
  });

  it('gives every finding the same fields, null where a field does not apply', () => {
    // Given an endpoint finding (no change) among the findings
    const json = parse(renderJson(fullReport()));
    const endpoint = json.findings.find((finding) => finding.ruleId === 'TEST-TLS-LEGACY');

    // Then it carries the location actually probed, the citation, remediation, evidence and fingerprint
    expect(endpoint).toEqual({
      ruleId: 'TEST-TLS-LEGACY',
      title: 'Legacy TLS/SSL protocol accepted',
      severity: 'high',
      safeguard: 'transmission-security',
      citation: '45 CFR 164.312(e)(2)(ii)',
      message: 'The server accepts TLSv1 and TLSv1.1; the profile allows TLSv1.2, TLSv1.3.',
      remediation: 'Accept only TLS 1.2 and 1.3: nginx `ssl_protocols TLSv1.2 TLSv1.3;`.',
      location: { kind: 'endpoint', url: API_URL, address: API_ADDRESS },
      related: [],
      change: null,
      evidence: { actual: ['TLSv1', 'TLSv1.1'], expected: ['TLSv1.2', 'TLSv1.3'] },
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    // And a file finding has its lines and change
    expect(json.findings[0]).toMatchObject({
      location: { kind: 'file', path: 'infra/prod/s3.tf', startLine: 12, endLine: 18 },
      change: 'removed',
      evidence: { before: 'aws:kms', after: null },
    });
  });

  it('keeps suppressed findings with their reason, expiry and where the suppression was written', () => {
    const json = parse(renderJson(fullReport()));

    expect(json.suppressed).toHaveLength(1);
    expect(json.suppressed[0]).toMatchObject({
      ruleId: 'TEST-HSTS-MISSING',
      location: { kind: 'endpoint', url: 'https://legacy.example.org' },
      suppression: {
        reason: 'legacy partner integration, ticket SEC-42',
        until: '2026-06-30',
        source: { kind: 'file', path: '.github/hipaa-guard.yml', startLine: 9, endLine: 9 },
      },
    });
    expect(json.unknown[0]?.ruleId).toBe('TEST-S3-ENCRYPTION-REMOVED');
    expect(json.errors[0]).toEqual({ category: 'timeout', target: 'https://slow.example.org', message: 'no TLS handshake within 5000 ms' });
    expect(json.strengthened[0]?.message).toBe('aws_cloudtrail.audit: multi-region turned on.');
    expect(json.notes).toEqual(['Environments inferred from the directory layout: prod, staging.']);
  });

  it('writes null for a profile when no endpoint was probed', () => {
    const { profile: _profile, ...withoutProfile } = fullReport();

    expect(parse(renderJson(withoutProfile)).profile).toBeNull();
  });
});

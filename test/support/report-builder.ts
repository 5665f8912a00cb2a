/**
 * Deterministic reports for reporter and front-end tests: fixed clock, fixed rules, no randomness.
 * Every outcome kind is available so one report can exercise every section of every format.
 * The rules are test rules (`TEST-*` ids): reporters are tested on metadata of every shape,
 * and no snapshot here freezes a real rule's id, severity or safeguard.
 */
import { makeFinding, type Finding, type FindingInput } from '../../checks/model/finding.js';
import { emptyReport, type Report, type SuppressedFinding } from '../../checks/model/report.js';
import type { Rule } from '../../checks/model/rule.js';
import { CITATIONS } from '../../checks/model/safeguards.js';

export const STARTED_AT = '2026-03-01T09:00:00.000Z';
export const FINISHED_AT = '2026-03-01T09:00:02.500Z';

export const LEGACY_TLS_RULE: Rule = {
  id: 'TEST-TLS-LEGACY',
  title: 'Legacy TLS/SSL protocol accepted',
  family: 'endpoint',
  severity: 'high',
  safeguard: 'transmission-security',
  citation: CITATIONS.transmissionEncryption,
  description: 'The server completes a handshake with SSLv3, TLS 1.0 or TLS 1.1.',
  remediation: 'Accept only TLS 1.2 and 1.3: nginx `ssl_protocols TLSv1.2 TLSv1.3;`.',
};

export const HSTS_MISSING_RULE: Rule = {
  id: 'TEST-HSTS-MISSING',
  title: 'No Strict-Transport-Security header',
  family: 'endpoint',
  severity: 'medium',
  safeguard: 'transmission-security',
  description: 'The HTTPS response carries no HSTS header.',
  remediation: 'Send `Strict-Transport-Security: max-age=31536000; includeSubDomains`.',
};

export const S3_ENCRYPTION_RULE: Rule = {
  id: 'TEST-S3-ENCRYPTION-REMOVED',
  title: 'S3 bucket encryption removed',
  family: 'terraform',
  severity: 'critical',
  safeguard: 'access-control',
  citation: CITATIONS.encryptionAtRest,
  description: 'A bucket that held PHI lost its server-side encryption configuration.',
  remediation: 'Restore `aws_s3_bucket_server_side_encryption_configuration` for the bucket.',
  aliases: ['TEST-S3-SSE-REMOVED'],
};

const CLOUDTRAIL_RULE: Rule = {
  id: 'TEST-CLOUDTRAIL-LOG-VALIDATION',
  title: 'CloudTrail log file validation off',
  family: 'terraform',
  severity: 'low',
  safeguard: 'audit-controls',
  description: 'CloudTrail log files can be altered without detection.',
  remediation: 'Set `enable_log_file_validation = true`.',
};

export const TEST_RULES: readonly Rule[] = [LEGACY_TLS_RULE, HSTS_MISSING_RULE, S3_ENCRYPTION_RULE, CLOUDTRAIL_RULE];

export const API_URL = 'https://api.example.org';
export const API_ADDRESS = '203.0.113.7';

export function endpointFinding(rule: Rule = LEGACY_TLS_RULE, overrides: Partial<FindingInput> = {}): Finding {
  return makeFinding(rule, {
    message: 'The server accepts TLSv1 and TLSv1.1; the profile allows TLSv1.2, TLSv1.3.',
    location: { kind: 'endpoint', url: API_URL, address: API_ADDRESS },
    subject: API_URL,
    evidence: { actual: ['TLSv1', 'TLSv1.1'], expected: ['TLSv1.2', 'TLSv1.3'] },
    ...overrides,
  });
}

export function fileFinding(rule: Rule = S3_ENCRYPTION_RULE, overrides: Partial<FindingInput> = {}): Finding {
  return makeFinding(rule, {
    message: 'aws_s3_bucket.phi lost its server-side encryption (was aws:kms, now none).',
    location: { kind: 'file', path: 'infra/prod/s3.tf', startLine: 12, endLine: 18 },
    subject: 'aws_s3_bucket.phi',
    change: 'removed',
    evidence: { before: 'aws:kms', after: null },
    ...overrides,
  });
}

export function suppressed(finding: Finding, overrides: Partial<SuppressedFinding> = {}): SuppressedFinding {
  return { finding, reason: 'legacy partner integration, ticket SEC-42', until: '2026-06-30', ...overrides };
}

/** A report with nothing in it: one endpoint probed, clean. */
export function cleanReport(overrides: Partial<Report> = {}): Report {
  return {
    ...emptyReport({ name: 'hipaa-guard', version: '0.1.0' }, STARTED_AT),
    finishedAt: FINISHED_AT,
    profile: { name: 'hipaa', version: '2026.1', source: 'NIST SP 800-52r2 + Mozilla intermediate 5.7' },
    targets: [{ kind: 'endpoint', url: API_URL, address: API_ADDRESS, engine: 'native' }],
    ...overrides,
  };
}

/** Every outcome kind once: endpoint and file findings, suppressed, unknown, errored, strengthened, a note. */
export function fullReport(overrides: Partial<Report> = {}): Report {
  return cleanReport({
    targets: [
      { kind: 'endpoint', url: API_URL, address: API_ADDRESS, engine: 'native' },
      { kind: 'repository', root: '.', base: 'a1b2c3d', head: 'e4f5a6b', files: 3 },
    ],
    findings: [
      fileFinding(),
      endpointFinding(),
      endpointFinding(HSTS_MISSING_RULE, { message: 'No Strict-Transport-Security header on the HTTPS response.', evidence: {} }),
      fileFinding(CLOUDTRAIL_RULE, {
        message: 'aws_cloudtrail.main: enable_log_file_validation is false (expected true).',
        location: { kind: 'file', path: 'infra/prod/trail.tf', startLine: 4, endLine: 4 },
        subject: 'aws_cloudtrail.main.enable_log_file_validation',
        change: 'existing',
        evidence: { actual: false, expected: true },
      }),
    ],
    suppressed: [
      suppressed(
        endpointFinding(HSTS_MISSING_RULE, {
          message: 'No Strict-Transport-Security header on the HTTPS response.',
          location: { kind: 'endpoint', url: 'https://legacy.example.org', address: '203.0.113.9' },
          subject: 'https://legacy.example.org',
        }),
        { source: { kind: 'file', path: '.github/hipaa-guard.yml', startLine: 9, endLine: 9 } },
      ),
    ],
    unknown: [
      {
        ruleId: 'TEST-S3-ENCRYPTION-REMOVED',
        location: { kind: 'file', path: 'infra/prod/s3.tf', startLine: 30, endLine: 34 },
        message: 'sse_algorithm is var.algo, which has no default.',
      },
    ],
    errors: [{ category: 'timeout', target: 'https://slow.example.org', message: 'no TLS handshake within 5000 ms' }],
    strengthened: [
      {
        ruleId: 'TEST-CLOUDTRAIL-LOG-VALIDATION',
        location: { kind: 'file', path: 'infra/prod/trail.tf', startLine: 20, endLine: 20 },
        message: 'aws_cloudtrail.audit: multi-region turned on.',
      },
    ],
    notes: ['Environments inferred from the directory layout: prod, staging.'],
    ...overrides,
  });
}

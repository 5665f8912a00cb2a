/** Deterministic Reports for the publisher tests. */
import { Octokit } from '@octokit/rest';
import type { Change, Finding, Severity } from '../../checks/model/finding.js';
import { emptyReport, type Report } from '../../checks/model/report.js';
import { TOOL } from '../../checks/version.js';
import type { Rule } from '../../checks/model/rule.js';
import type { Safeguard } from '../../checks/model/safeguards.js';
import { endpointFinding as anEndpointFinding, fileFinding as aFileFinding } from '../support/report-builder.js';

export const NOW = new Date('2026-11-23T03:00:00Z');
export const HEAD_SHA = 'c0ffee0000000000000000000000000000000001';
export const REPO = { owner: 'acme', repo: 'infra' };

const quiet = () => undefined;

/** A client without retries, throttling or request logs; api.github.com (for nock) unless told. */
export function testOctokit(baseUrl = 'https://api.github.com'): Octokit {
  return new Octokit({ auth: 'test-token', baseUrl, request: { retries: 0 }, log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
}

/** Publisher options whose clock is fixed. */
export function publishOptions() {
  return { now: () => NOW };
}

export function rule(id: string, severity: Severity = 'high', safeguard: Safeguard = 'transmission-security'): Rule {
  return {
    id,
    title: `Rule ${id}`,
    family: 'terraform',
    severity,
    safeguard,
    description: `Checks ${id}.`,
    remediation: `Fix ${id}.`,
  };
}

/** The shared file finding (test/support/report-builder.ts), numbered: many distinct ones for the publisher's limits. */
export function fileFinding(index: number, options: { severity?: Severity; change?: Change; path?: string } = {}): Finding {
  return aFileFinding(rule(`tf-rule-${index % 3}`, options.severity ?? 'high', 'integrity'), {
    message: `resource ${index} weakened: expected true, found false`,
    location: { kind: 'file', path: options.path ?? 'infra/main.tf', startLine: index + 1, endLine: index + 2 },
    subject: `aws_s3_bucket.b${index}`,
    change: options.change ?? 'weakened',
    evidence: {},
  });
}

/** The shared endpoint finding, for the given endpoint and rule id. */
export function endpointFinding(url: string, ruleId: string, severity: Severity = 'high'): Finding {
  return anEndpointFinding(rule(ruleId, severity), {
    message: `${ruleId} at ${url}: expected TLS 1.2 or later, found TLS 1.0`,
    location: { kind: 'endpoint', url, address: '203.0.113.7' },
    subject: url,
    evidence: {},
  });
}

export function reportWith(parts: Partial<Report>): Report {
  return { ...emptyReport(TOOL, NOW.toISOString()), ...parts };
}

/** A nightly probe report over `urls`, with the given findings. */
export function probeReport(urls: string[], findings: Finding[], errors: Report['errors'] = []): Report {
  return reportWith({ targets: urls.map((url) => ({ kind: 'endpoint' as const, url, engine: 'native' })), findings, errors });
}

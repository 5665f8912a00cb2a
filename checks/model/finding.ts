import { createHash } from 'node:crypto';
import type { Rule } from './rule.js';
import { citationOf, type Safeguard } from './safeguards.js';

/** Ordered from most to least severe. `info` never blocks. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The `--fail-on` / `fail-on` threshold: a severity, or `never`. */
export const FAIL_ON = ['critical', 'high', 'medium', 'low', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** How an infrastructure finding relates to the change under review. */
export const CHANGES = ['weakened', 'removed', 'introduced', 'existing'] as const;
export type Change = (typeof CHANGES)[number];

/** Where a finding is: a deployed endpoint, or lines of a file (1-based, inclusive). */
export type Location = EndpointLocation | FileLocation;

export interface EndpointLocation {
  kind: 'endpoint';
  /** The URL as configured, e.g. `https://api.example.org/health`. */
  url: string;
  /** The address actually connected to (after DNS or an override), when known. */
  address?: string;
  /** The line of the endpoint's `url:` in the config file, when it was declared in one. */
  configLine?: number;
}

export interface FileLocation {
  kind: 'file';
  /** Repository-relative path with forward slashes. */
  path: string;
  startLine: number;
  endLine: number;
  /**
   * The full resource address when the finding comes from a Terraform plan
   * (`module.edge.aws_lb_listener.https["a"]`): a plan names resources, not lines.
   */
  address?: string;
}

/** What was seen and what was expected; `before`/`after` for a change between two versions. */
export interface Evidence {
  actual?: unknown;
  expected?: unknown;
  before?: unknown;
  after?: unknown;
  [detail: string]: unknown;
}

/** One violated safeguard at one place. Every reporter reads only this. */
export interface Finding {
  ruleId: string;
  title: string;
  severity: Severity;
  safeguard: Safeguard;
  /** The 45 CFR 164.312 paragraph the rule protects, e.g. `45 CFR 164.312(e)(1)`. */
  citation: string;
  /** Says what was found and what was expected. */
  message: string;
  remediation: string;
  location: Location;
  /** Other places that matter (the prod resource a staging file references, ...). */
  related?: Location[];
  /** Infrastructure findings only. */
  change?: Change;
  evidence: Evidence;
  /** Stable across runs and line moves: rule id plus the logical subject, hashed. */
  fingerprint: string;
}

export interface FindingInput {
  message: string;
  location: Location;
  /**
   * The logical thing the finding is about, independent of line numbers
   * (an endpoint URL, a resource address plus attribute). Feeds the fingerprint.
   */
  subject: string;
  evidence?: Evidence;
  change?: Change;
  related?: Location[];
  /** Overrides the rule's default severity (a profile may grade differently). */
  severity?: Severity;
}

/** Builds a finding from a rule's metadata, so every family fills the same fields the same way. */
export function makeFinding(rule: Rule, input: FindingInput): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    title: rule.title,
    severity: input.severity ?? rule.severity,
    safeguard: rule.safeguard,
    citation: rule.citation ?? citationOf(rule.safeguard),
    message: input.message,
    remediation: rule.remediation,
    location: input.location,
    evidence: input.evidence ?? {},
    fingerprint: fingerprintOf(rule.id, input.subject),
  };
  if (input.change) finding.change = input.change;
  if (input.related?.length) finding.related = input.related;
  return finding;
}

export function fingerprintOf(ruleId: string, subject: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${subject}`).digest('hex').slice(0, 32);
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `severity` is at or above the `failOn` threshold. */
export function meetsThreshold(severity: Severity, failOn: FailOn): boolean {
  if (failOn === 'never' || severity === 'info') return false;
  return severityRank(severity) <= severityRank(failOn);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    locationLabel(a.location).localeCompare(locationLabel(b.location)) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** `path:12-14`, `path:12-14 (module.edge.aws_lb.front)` or `https://host (203.0.113.7)`: how a location reads in text. */
export function locationLabel(location: Location): string {
  if (location.kind === 'endpoint') {
    return location.address ? `${location.url} (${location.address})` : location.url;
  }
  const lines = location.startLine === location.endLine ? `${location.startLine}` : `${location.startLine}-${location.endLine}`;
  return `${location.path}:${lines}${location.address ? ` (${location.address})` : ''}`;
}

import type { Finding } from '../../checks/model/finding.js';

/** `path:line` of a file location; `''` for an endpoint. */
export function placeOf(location: Finding['location']): string {
  return location.kind === 'file' ? `${location.path}:${location.startLine}` : '';
}

/** What a test about where a finding points compares: rule, change, the place and the resources it names. */
export function findingPlaces(findings: readonly Finding[]) {
  return findings.map((finding) => ({
    ruleId: finding.ruleId,
    change: finding.change,
    at: placeOf(finding.location),
    related: finding.related?.map(placeOf),
  }));
}

/** What a test about a rule's verdict on one file compares: the change, the line and the before/after evidence. */
export function findingChange(finding: Finding) {
  return {
    change: finding.change,
    line: finding.location.kind === 'file' ? finding.location.startLine : 0,
    before: finding.evidence.before,
    after: finding.evidence.after,
  };
}

/**
 * A run with both a plan and a git diff reports each problem once: where the plan judged a rule
 * at a place (file and line) the diff also reports, the plan's outcome stands (its values are
 * resolved, its address names the instance) and the diff's is dropped. Everything else of both,
 * environment findings included, is kept.
 */
import type { Location } from '../../model/finding.js';
import { mergeReports, type Report } from '../../model/report.js';

function placeKey(ruleId: string, location: Location): string | undefined {
  return location.kind === 'file' ? `${ruleId}\u0000${location.path}\u0000${location.startLine}` : undefined;
}

export function mergePlanWithDiff(plan: Report, diff: Report): Report {
  const judged = new Set(
    [...plan.findings, ...plan.suppressed.map((entry) => entry.finding), ...plan.unknown, ...plan.strengthened]
      .map((outcome) => placeKey(outcome.ruleId, outcome.location))
      .filter((key) => key !== undefined),
  );
  const fresh = <T extends { ruleId: string; location: Location }>(outcome: T) => !judged.has(placeKey(outcome.ruleId, outcome.location) ?? '');
  return mergeReports(
    {
      ...diff,
      findings: diff.findings.filter(fresh),
      suppressed: diff.suppressed.filter((entry) => fresh(entry.finding)),
      unknown: diff.unknown.filter(fresh),
      strengthened: diff.strengthened.filter(fresh),
    },
    plan,
  );
}

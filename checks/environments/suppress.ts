/**
 * `# hipaa-guard:ignore ENV-... reason="..." [until=YYYY-MM-DD]` for environment findings, read
 * with the infra family's comment syntax: on the line before the referencing line, or before the
 * block that holds it. A suppression without a reason, with a bad date or past its date hides
 * nothing and is reported as SUPPRESSION-INVALID.
 */
import { SUPPRESSION_INVALID_RULE } from '../infra/engine-rules.js';
import { suppressionProblem, type Suppression } from '../infra/suppressions.js';
import { makeFinding, type Finding } from '../model/finding.js';
import type { SuppressedFinding } from '../model/report.js';
import type { LineRange } from '../yaml/positions.js';
import type { FileFacts } from './facts.js';

export interface SuppressionOutcome {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

export function applyEnvironmentSuppressions(findings: readonly Finding[], facts: ReadonlyMap<string, FileFacts>, now: Date): SuppressionOutcome {
  const today = now.toISOString().slice(0, 10);
  const outcome: SuppressionOutcome = { findings: [], suppressed: [] };
  const valid = new Map<string, Suppression[]>();
  for (const file of facts.values()) {
    for (const suppression of file.suppressions) {
      const problem = suppressionProblem(suppression, today);
      if (!problem) {
        valid.set(file.path, [...(valid.get(file.path) ?? []), suppression]);
        continue;
      }
      outcome.findings.push(
        makeFinding(SUPPRESSION_INVALID_RULE, {
          message: problem,
          location: { kind: 'file', path: file.path, startLine: suppression.line, endLine: suppression.line },
          // The subject the infra family gives the same comment, so one comment is one finding.
          subject: `${file.path}#${suppression.ruleId}#${suppression.target}`,
        }),
      );
    }
  }
  for (const finding of findings) {
    const path = finding.location.kind === 'file' ? finding.location.path : '';
    const covering = valid.get(path)?.find((suppression) => covers(suppression, finding, facts.get(path)?.blocks ?? []));
    if (!covering?.reason) {
      outcome.findings.push(finding);
      continue;
    }
    outcome.suppressed.push({
      finding,
      reason: covering.reason,
      ...(covering.until ? { until: covering.until } : {}),
      source: { kind: 'file', path, startLine: covering.line, endLine: covering.line },
    });
  }
  return outcome;
}

/** On the line before the finding's line, or before the block that holds it. */
function covers(suppression: Suppression, finding: Finding, blocks: readonly LineRange[]): boolean {
  if (finding.location.kind !== 'file' || suppression.ruleId !== finding.ruleId) return false;
  const line = finding.location.startLine;
  return suppression.target === line || blocks.some((block) => block.startLine === suppression.target && block.startLine <= line && line <= block.endLine);
}

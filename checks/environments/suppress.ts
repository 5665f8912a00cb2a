/**
 * `# hipaa-guard:ignore ENV-... reason="..." [until=YYYY-MM-DD]` for environment findings, with
 * the infra family's comment syntax and matching: on the line before the referencing line, or
 * before the block that holds it. A suppression without a reason, with a bad date or past its
 * date hides nothing and is reported as SUPPRESSION-INVALID.
 */
import { applySuppressionList, type SuppressionResult } from '../infra/suppressions.js';
import type { Finding } from '../model/finding.js';
import type { FileFacts } from './model.js';

export function applyEnvironmentSuppressions(findings: readonly Finding[], facts: ReadonlyMap<string, FileFacts>, now: Date): SuppressionResult {
  const byPath = new Map<string, Finding[]>();
  for (const finding of findings) {
    const path = finding.location.kind === 'file' ? finding.location.path : '';
    byPath.set(path, [...(byPath.get(path) ?? []), finding]);
  }
  const outcome: SuppressionResult = { findings: [...(byPath.get('') ?? [])], suppressed: [] };
  byPath.delete('');
  for (const file of facts.values()) {
    const result = applySuppressionList(file.path, file.suppressions, byPath.get(file.path) ?? [], file.blocks, now);
    byPath.delete(file.path);
    outcome.findings.push(...result.findings);
    outcome.suppressed.push(...result.suppressed);
  }
  // Findings in a file we hold no facts for (none today) are kept, never dropped.
  for (const rest of byPath.values()) outcome.findings.push(...rest);
  return outcome;
}

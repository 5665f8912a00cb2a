/**
 * Every Terraform and CloudFormation rule's bad examples: the finding starts on the line that sets
 * or opens the attribute or block the rule's failing verdict names (for an absent attribute, the
 * deepest block that is there), by the peer bench's "exact line" criterion, read off the source
 * text. (Kubernetes and nginx rules are held to their own lines by their examples' `line`.)
 */
import { describe, expect, it } from 'vitest';
import { onDecidingLine } from '../../../bench/deciding-line.js';
import { analyzeInfra } from '../../../checks/infra/evaluate.js';
import { parseInfraFile } from '../../../checks/infra/formats.js';
import { INFRA_RULES } from '../../../checks/infra/rules/index.js';

const NOW = new Date('2026-01-15T00:00:00Z');

const cases = INFRA_RULES.filter((rule) => rule.formats.every((format) => format === 'terraform' || format === 'cloudformation')).flatMap((rule) =>
  rule.examples.bad
    .filter((example) => example.before === undefined)
    .map((example, index) => [`${rule.id} bad #${index + 1} (${example.path})`, rule, example] as const),
);

describe('the line of a finding', () => {
  it('covers the Terraform and CloudFormation rules', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  it.each(cases)('%s is the attribute or block that decides', async (_name, rule, example) => {
    // Given the bad example parsed, and the engine's findings on it
    const parsed = await parseInfraFile(example.path, example.text);
    expect(parsed?.ok, 'the example parses').toBe(true);
    const resources = parsed?.ok ? parsed.resources : [];
    const result = await analyzeInfra({ base: [], head: [{ path: example.path, text: example.text }], rules: [rule], now: NOW });
    const findings = result.findings.filter((finding) => finding.ruleId === rule.id);
    expect(findings.length).toBeGreaterThan(0);
    // Then each finding's line, read off the text, sets or opens what a failing verdict names
    for (const finding of findings) {
      const line = finding.location.kind === 'file' ? finding.location.startLine : 0;
      const resource = resources.find((candidate) => line >= candidate.range.startLine && line <= candidate.range.endLine);
      expect(resource, `line ${line} lies in a resource`).toBeDefined();
      expect(onDecidingLine(rule, resource!, resources, example.text, line), `line ${line}: ${example.text.split('\n')[line - 1]}`).toBe(true);
    }
  });
});

/**
 * Every infra rule's examples, run through the real parsers and engine: bad examples fire on
 * their line and an ignore comment above that line suppresses them; good examples stay quiet.
 * Rules registered later (Kubernetes, nginx, ...) are covered without touching this file.
 */
import { describe, expect, it } from 'vitest';
import { analyzeInfra } from '../../checks/infra/evaluate.js';
import type { InfraExample, InfraRule } from '../../checks/infra/rule.js';
import { INFRA_RULES } from '../../checks/infra/rules/index.js';

const NOW = new Date('2026-01-15T00:00:00Z');

async function run(rule: InfraRule, example: InfraExample, text = example.text) {
  return analyzeInfra({
    base: example.before === undefined ? [] : [{ path: example.path, text: example.before }],
    head: [{ path: example.path, text }],
    rules: [rule],
    now: NOW,
  });
}

/** The example with `# hipaa-guard:ignore` inserted above `line`, indented like it. */
function withIgnoreAbove(text: string, line: number, ruleId: string): string {
  const lines = text.split('\n');
  const indent = /^\s*/.exec(lines[line - 1] ?? '')?.[0] ?? '';
  lines.splice(line - 1, 0, `${indent}# hipaa-guard:ignore ${ruleId} reason="accepted for the example"`);
  return lines.join('\n');
}

describe('the infra rule registry', () => {
  it('has unique, well-formed, permanent-looking ids', () => {
    const ids = INFRA_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(IAC|K8S|NGINX)-[A-Z0-9]+(-[A-Z0-9]+)*$/);
  });
});

const badExamples = INFRA_RULES.flatMap((rule) =>
  rule.examples.bad.map((example, index) => [`${rule.id} bad #${index + 1} (${example.path})`, rule, example] as const),
);
const goodExamples = INFRA_RULES.flatMap((rule) =>
  rule.examples.good.map((example, index) => [`${rule.id} good #${index + 1} (${example.path})`, rule, example] as const),
);

describe('bad examples', () => {
  it.each(badExamples)('%s fires on its line, and an ignore comment suppresses it', async (_name, rule, example) => {
    // Given the example file at head (and its base version, for change-only rules)
    // When the engine runs
    const result = await run(rule, example);
    // Then the rule fires, on the line the example names
    const fired = result.findings.filter((finding) => finding.ruleId === rule.id);
    expect(fired.length, JSON.stringify(result, null, 1)).toBeGreaterThan(0);
    const line = fired[0]!.location.kind === 'file' ? fired[0]!.location.startLine : 0;
    expect(example.line, 'a bad example names the line its finding starts on').toBeDefined();
    expect(line).toBe(example.line);
    if (example.path.endsWith('.json')) return;

    // Given an ignore comment on the line above the finding
    const ignored = await run(rule, example, withIgnoreAbove(example.text, line, rule.id));
    // Then the finding is suppressed, not dropped
    expect(ignored.findings.filter((finding) => finding.ruleId === rule.id)).toEqual([]);
    expect(ignored.suppressed.map((entry) => entry.finding.ruleId)).toContain(rule.id);
    expect(ignored.suppressed[0]?.reason).toBe('accepted for the example');
  });
});

describe('good examples', () => {
  it.each(goodExamples)('%s does not fire', async (_name, rule, example) => {
    const result = await run(rule, example);
    expect(result.findings.filter((finding) => finding.ruleId === rule.id)).toEqual([]);
    expect(result.findings.filter((finding) => finding.ruleId === 'PARSE-ERROR')).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INFRA_RULES } from '../../checks/infra/rules/index.js';
import { ALL_RULES } from '../../checks/rules/registry.js';
import { renderRulesDoc, RULES_DOC_PATH } from '../../scripts/gen-rules-doc.js';

describe('docs/rules.md', () => {
  it('Given the registry, then the committed docs are what the generator writes (run `npx tsx scripts/gen-rules-doc.ts`)', () => {
    expect(readFileSync(RULES_DOC_PATH, 'utf8')).toBe(renderRulesDoc());
  });

  it('Given every rule, then the docs list it and give its remediation; infra rules show their examples', () => {
    const docs = renderRulesDoc();
    for (const rule of ALL_RULES) {
      expect(docs).toContain(`### \`${rule.id}\`: ${rule.title}`);
      expect(docs).toContain(`**Remediation.** ${rule.remediation}`);
    }
    for (const rule of INFRA_RULES) {
      for (const example of [...rule.examples.bad, ...rule.examples.good]) expect(docs).toContain(example.text.trimEnd());
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_RULES } from '../../checks/environments/rules.js';
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

  it('Given every environment rule, then the docs show its example repositories', () => {
    const docs = renderRulesDoc();
    for (const rule of ENV_RULES) {
      for (const example of [...rule.examples.bad, ...rule.examples.good]) {
        if (example.config) expect(docs).toContain(example.config.trimEnd());
        for (const text of Object.values(example.files)) expect(docs).toContain(text.trimEnd());
      }
      for (const example of rule.examples.bad) expect(docs).toContain(`finding at \`${example.at}\``);
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENDPOINT_RULES } from '../../checks/endpoint/rules.js';
import { citationOf, safeguardTitle } from '../../checks/model/safeguards.js';
import { ENDPOINT_DOCS_PATH, renderEndpointDocs } from '../../scripts/gen-endpoint-docs.js';

describe('docs/endpoint-rules.md', () => {
  it('Given the registry and the profiles, then the committed docs are what the generator writes', () => {
    expect(readFileSync(ENDPOINT_DOCS_PATH, 'utf8')).toBe(renderEndpointDocs());
  });

  it('Given every endpoint rule, then the docs give its severity, citation and remediation', () => {
    const docs = renderEndpointDocs();
    for (const rule of ENDPOINT_RULES) {
      // The rule's own section: from its heading to the next heading, so a later rule's lines cannot stand in for it.
      const start = docs.indexOf(`### \`${rule.id}\``);
      expect(start, rule.id).toBeGreaterThanOrEqual(0);
      const end = docs.indexOf('\n#', start + 1);
      const section = docs.slice(start, end === -1 ? undefined : end);
      expect(section).toMatch(new RegExp(`^### \`${rule.id}\`: ${rule.title.replace(/[/()]/g, '\\$&')}\n\n- Severity: ${rule.severity}`));
      expect(section).toContain(`- Safeguard: ${safeguardTitle(rule.safeguard)}, ${rule.citation ?? citationOf(rule.safeguard)}`);
      expect(section).toMatch(/45 CFR 164\.312\([a-e]\)/);
      expect(section).toContain(`**Remediation.** ${rule.remediation}`);
      // and its recorded examples, each with the facts that make it bad or good
      for (const example of [...rule.examples.bad, ...rule.examples.good]) {
        expect(section).toContain(`: ${example.when} (`);
        expect(section).toContain(JSON.stringify(example.observation, null, 2));
      }
    }
    expect(docs).toContain('- Severity: medium (high under `mozilla-modern`)');
    expect(docs).toContain('- Safeguard: Person or entity authentication, 45 CFR 164.312(d)');
  });
});

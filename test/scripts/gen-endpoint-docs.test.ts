import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENDPOINT_RULES } from '../../checks/endpoint/rules.js';
import { ENDPOINT_DOCS_PATH, renderEndpointDocs } from '../../scripts/gen-endpoint-docs.js';

describe('docs/endpoint-rules.md', () => {
  it('Given the registry and the profiles, then the committed docs are what the generator writes', () => {
    expect(readFileSync(ENDPOINT_DOCS_PATH, 'utf8')).toBe(renderEndpointDocs());
  });

  it('Given every endpoint rule, then the docs give its severity, citation and remediation', () => {
    const docs = renderEndpointDocs();
    for (const rule of ENDPOINT_RULES) {
      const section = docs.slice(docs.indexOf(`### \`${rule.id}\``));
      expect(section).toMatch(new RegExp(`^### \`${rule.id}\`: ${rule.title.replace(/[/()]/g, '\\$&')}\n\n- Severity: ${rule.severity}`));
      expect(section).toContain(`**Remediation.** ${rule.remediation}`);
    }
    expect(docs).toContain('- Severity: medium (high under `mozilla-modern`)');
    expect(docs).toContain('- Safeguard: Person or entity authentication, 45 CFR 164.312(d)');
  });
});

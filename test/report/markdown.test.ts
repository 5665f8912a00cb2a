import { describe, expect, it } from 'vitest';
import { capEntries, escapeMarkdown, findingsTable, inlineCode, renderMarkdown, safeguardCountsTable } from '../../checks/report/markdown.js';
import { cleanReport, endpointFinding, fileFinding, fullReport } from '../support/report-builder.js';

describe('renderMarkdown', () => {
  it('records when, what, with which profile and tool version', () => {
    const markdown = renderMarkdown(fullReport());

    expect(markdown).toContain('| Started | 2026-03-01T09:00:00.000Z |');
    expect(markdown).toContain('| Finished | 2026-03-01T09:00:02.500Z |');
    expect(markdown).toContain('| Tool | hipaa-guard 0.1.0 |');
    expect(markdown).toContain('| Profile | hipaa 2026.1 (NIST SP 800-52r2 + Mozilla intermediate 5.7) |');
    expect(markdown).toContain('| Targets | `https://api.example.org (203.0.113.7, native)`<br>`repository . a1b2c3d..e4f5a6b (3 files)` |');
  });

  it('gives every finding its 164.312 citation, remediation, evidence and fingerprint', () => {
    const report = fullReport();
    const markdown = renderMarkdown(report);

    expect(markdown).toContain(
      [
        '### HIGH `TEST-TLS-LEGACY` Legacy TLS/SSL protocol accepted',
        '',
        '- **Where:** `https://api.example.org (203.0.113.7)`',
        '- **Safeguard:** Transmission security, 45 CFR 164.312(e)(2)(ii)',
        '- **Found:** The server accepts TLSv1 and TLSv1.1; the profile allows TLSv1.2, TLSv1.3.',
        '- **Remediation:** Accept only TLS 1.2 and 1.3: nginx `ssl_protocols TLSv1.2 TLSv1.3;`.',
        `- **Fingerprint:** \`${report.findings[1]?.fingerprint}\``,
        '',
        '```json',
      ].join('\n'),
    );
    for (const finding of report.findings) expect(markdown).toContain(finding.citation);
  });

  it('lists errors, unknown, suppressed (with reason and expiry), strengthened and notes', () => {
    const markdown = renderMarkdown(fullReport());

    expect(markdown).toContain('## Not evaluated (errors)\n\n- **timeout** `https://slow.example.org`: no TLS handshake within 5000 ms');
    expect(markdown).toContain('## Unknown (could not decide)\n\n- `TEST-S3-ENCRYPTION-REMOVED` at `infra/prod/s3.tf:30-34`');
    expect(markdown).toContain('| `TEST-HSTS-MISSING` | `https://legacy.example.org (203.0.113.9)` | legacy partner integration, ticket SEC-42 | 2026-06-30 |');
    expect(markdown).toContain('| `TEST-CLOUDTRAIL-LOG-VALIDATION` | `infra/prod/trail.tf:20` | aws\\_cloudtrail.audit: multi-region turned on. |');
    expect(markdown).toContain('## Notes\n\n- Environments inferred from the directory layout: prod, staging.');
  });

  it('cuts a long report under the limit with an "…and N more" line', () => {
    // Given 500 findings, far more than 5,000 characters of Markdown
    const findings = Array.from({ length: 500 }, (_, index) =>
      fileFinding(undefined, { subject: `bucket-${index}`, location: { kind: 'file', path: `infra/b${index}.tf`, startLine: 1, endLine: 2 } }),
    );
    const report = cleanReport({ findings });

    // When rendered with a 5,000-character limit
    const markdown = renderMarkdown(report, { maxLength: 5_000 });

    // Then it fits, keeps the audit header and says how much was left out
    expect(markdown.length).toBeLessThanOrEqual(5_000);
    expect(markdown).toContain('| Tool | hipaa-guard 0.1.0 |');
    expect(markdown).toMatch(/…and \d+ more entries \(the Markdown was cut to 5000 characters; the JSON report has everything\)$/);
    // and the count is right: the findings shown and the ones said to be left out make all 500
    const shown = markdown.match(/^### CRITICAL `TEST-S3-ENCRYPTION-REMOVED`/gm)?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(markdown).toContain(`…and ${500 - shown} more entries`);
    expect(renderMarkdown(report).length).toBeGreaterThan(5_000);
  });
});

describe('Markdown pieces for check runs and issues', () => {
  it('counts findings per safeguard (all five) and per change', () => {
    const table = safeguardCountsTable(fullReport().findings);

    expect(table).toMatchInlineSnapshot(`
      "| Safeguard | Citation | Findings | Weakened | Removed | Introduced | Existing | Observed |
      |---|---|---:|---:|---:|---:|---:|---:|
      | Access control | 45 CFR 164.312(a)(1) | 1 | 0 | 1 | 0 | 0 | 0 |
      | Audit controls | 45 CFR 164.312(b) | 1 | 0 | 0 | 0 | 1 | 0 |
      | Integrity | 45 CFR 164.312(c)(1) | 0 | 0 | 0 | 0 | 0 | 0 |
      | Person or entity authentication | 45 CFR 164.312(d) | 0 | 0 | 0 | 0 | 0 | 0 |
      | Transmission security | 45 CFR 164.312(e)(1) | 2 | 0 | 0 | 0 | 0 | 2 |"
    `);
  });

  it('renders a findings table and caps it with "…and N more findings"', () => {
    const findings = [endpointFinding(), fileFinding()];

    expect(findingsTable(findings)).toMatchInlineSnapshot(`
      "| Severity | Rule | Location | Change | Finding |
      |---|---|---|---|---|
      | high | \`TEST-TLS-LEGACY\` | \`https://api.example.org (203.0.113.7)\` | observed | The server accepts TLSv1 and TLSv1.1; the profile allows TLSv1.2, TLSv1.3. |
      | critical | \`TEST-S3-ENCRYPTION-REMOVED\` | \`infra/prod/s3.tf:12-18\` | removed | aws\\_s3\\_bucket.phi lost its server-side encryption (was aws:kms, now none). |"
    `);
    const capped = findingsTable(findings, { maxLength: 300 });
    expect(capped.length).toBeLessThanOrEqual(300);
    expect(capped).toContain('`TEST-TLS-LEGACY`');
    expect(capped).not.toContain('TEST-S3-ENCRYPTION-REMOVED');
    expect(capped.endsWith('\n\n…and 1 more finding')).toBe(true);
  });

  it('keeps text from servers from breaking out of a table cell or a code span', () => {
    expect(escapeMarkdown('a | b\n<img src=x onerror=alert(1)> [link](http://evil)')).toBe('a \\| b \\<img src=x onerror=alert(1)\\> \\[link\\](http://evil)');
    expect(inlineCode('x`y')).toBe('`` x`y ``');
    expect(inlineCode('a|b')).toBe('`a\\|b`');
  });

  it('caps entries, counting only the non-blank ones left out', () => {
    const entries = ['one', '', 'two', '', 'three'];

    expect(capEntries(entries, 100, (n) => `…and ${n} more`)).toBe('one\n\ntwo\n\nthree');
    expect(capEntries(entries, 10, (n) => `+${n}`)).toBe('one\n\n+2');
  });
});

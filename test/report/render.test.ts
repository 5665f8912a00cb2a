/**
 * The format dispatcher: each format gets the report and the options it reads. Asserted on the
 * output itself (what each format is and does), not by calling the renderers again.
 */
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS, renderReport } from '../../checks/report/render.js';
import { fullReport, TEST_RULES } from '../support/report-builder.js';

describe('renderReport', () => {
  const report = fullReport();
  const options = { rules: TEST_RULES, color: true, maxLength: 600 };

  it('text reads `color`: ANSI colours when asked, none otherwise', () => {
    expect(renderReport(report, 'text', options)).toContain('\u001b[');
    expect(renderReport(report, 'text', { ...options, color: false })).not.toContain('\u001b[');
  });

  it('json is the versioned JSON report with every finding', () => {
    const json = JSON.parse(renderReport(report, 'json', options)) as { schemaVersion: number; findings: { ruleId: string }[] };
    expect(json.schemaVersion).toBe(1);
    expect(json.findings.map((finding) => finding.ruleId).sort()).toEqual(report.findings.map((finding) => finding.ruleId).sort());
  });

  it('markdown reads `maxLength`: the report is cut to it with an "…and N more" line', () => {
    const markdown = renderReport(report, 'markdown', options);
    expect(markdown.length).toBeLessThanOrEqual(600);
    expect(markdown).toMatch(/…and \d+ more/);
    expect(renderReport(report, 'markdown', { ...options, maxLength: 100_000 }).length).toBeGreaterThan(600);
  });

  it('sarif reads `rules`: the driver describes exactly the rules the findings use', () => {
    const sarif = JSON.parse(renderReport(report, 'sarif', options)) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } } }[] };
    expect(sarif.version).toBe('2.1.0');
    const used = new Set([...report.findings, ...report.suppressed.map((entry) => entry.finding)].map((finding) => finding.ruleId));
    expect(sarif.runs[0]!.tool.driver.rules.map((rule) => rule.id).sort()).toEqual([...used].sort());
  });

  it('every declared format renders', () => {
    for (const format of REPORT_FORMATS) expect(renderReport(report, format, options).length).toBeGreaterThan(0);
  });
});

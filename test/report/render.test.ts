import { describe, expect, it } from 'vitest';
import { renderJson } from '../../checks/report/json.js';
import { renderMarkdown } from '../../checks/report/markdown.js';
import { REPORT_FORMATS, renderReport } from '../../checks/report/render.js';
import { renderSarif } from '../../checks/report/sarif.js';
import { renderText } from '../../checks/report/text.js';
import { fullReport, TEST_RULES } from '../support/report-builder.js';

describe('renderReport', () => {
  it('renders each format with its own module and the options it reads', () => {
    const report = fullReport();
    const options = { rules: TEST_RULES, color: true, maxLength: 2_000 };

    const rendered = Object.fromEntries(REPORT_FORMATS.map((format) => [format, renderReport(report, format, options)]));

    expect(rendered).toEqual({
      text: renderText(report, { color: true }),
      json: renderJson(report),
      markdown: renderMarkdown(report, { maxLength: 2_000 }),
      sarif: renderSarif(report, { rules: TEST_RULES }),
    });
  });
});

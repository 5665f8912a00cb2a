import { describe, expect, it } from 'vitest';
import { annotationsOf, checkRunTitle, conclusionOf, renderCheckRunSummary } from '../../checks/github/check-run-summary.js';
import { GITHUB_LIMITS } from '../../checks/github/limits.js';
import { endpointFinding, fileFinding, reportWith } from './builders.js';

describe('check-run verdict', () => {
  it('fails on a blocking finding or on anything that could not be evaluated, succeeds otherwise', () => {
    expect(conclusionOf(reportWith({ findings: [fileFinding(1, { severity: 'high' })] }), { failOn: 'high' })).toBe('failure');
    expect(conclusionOf(reportWith({ findings: [fileFinding(1, { severity: 'medium' })] }), { failOn: 'high' })).toBe('success');
    expect(conclusionOf(reportWith({ findings: [fileFinding(1, { change: 'existing' })] }), { failOn: 'high' })).toBe('success');
    expect(conclusionOf(reportWith({ findings: [fileFinding(1, { change: 'existing' })] }), { failOn: 'high', blockExisting: true })).toBe('failure');
    // Nothing that could not be measured passes quietly (a neutral conclusion passes branch protection)
    expect(conclusionOf(reportWith({ errors: [{ category: 'parse', target: 'main.tf', message: 'bad' }] }), { failOn: 'high' })).toBe('failure');
    expect(conclusionOf(reportWith({ errors: [{ category: 'parse', target: 'main.tf', message: 'bad' }] }), { failOn: 'never' })).toBe('success');
  });

  it('titles the run by what blocks', () => {
    expect(checkRunTitle(reportWith({ findings: [fileFinding(1), fileFinding(2)] }), { failOn: 'high' })).toBe('2 blocking findings');
    expect(checkRunTitle(reportWith({ findings: [fileFinding(1, { severity: 'low' })] }), { failOn: 'high' })).toBe(
      'No blocking findings (1 below the threshold)',
    );
  });
});

describe('annotationsOf', () => {
  it('annotates file findings line by line, levelled by severity, and leaves endpoint findings to the summary', () => {
    const report = reportWith({
      findings: [fileFinding(4, { severity: 'medium' }), fileFinding(0, { severity: 'info' }), endpointFinding('https://api.example.org', 'tls-version')],
    });
    expect(annotationsOf(report).map((annotation) => [annotation.start_line, annotation.end_line, annotation.annotation_level])).toEqual([
      [1, 2, 'notice'],
      [5, 6, 'warning'],
    ]);
  });

  it("leaves a removed block to the summary: its lines are the base version's", () => {
    const report = reportWith({ findings: [fileFinding(2, { change: 'removed' }), fileFinding(7, { change: 'weakened' })] });
    expect(annotationsOf(report).map((annotation) => annotation.start_line)).toEqual([8]);
    expect(renderCheckRunSummary(report, { failOn: 'high' })).toContain('2 blocking findings');
  });
});

describe('renderCheckRunSummary', () => {
  it('stays within 65,535 characters and says how many findings it left out', () => {
    // Given 3,000 findings whose details alone far exceed the limit
    const findings = Array.from({ length: 3000 }, (_, index) => fileFinding(index));
    // When the summary is rendered
    const summary = renderCheckRunSummary(reportWith({ findings }), { failOn: 'high' });
    // Then it fits and ends with an "…and N more" line
    expect(summary.length).toBeLessThanOrEqual(GITHUB_LIMITS.checkRunSummary.max);
    const shown = summary.match(/^### HIGH /gm)?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(summary).toContain(`…and ${3000 - shown} more entries`);
    expect(summary.startsWith('**3000 blocking findings** (fail-on: high)\n\n')).toBe(true);
    expect(summary).toContain('| Integrity | 45 CFR 164.312(c)(1) | 3000 | 3000 |');
  });
});

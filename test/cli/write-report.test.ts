import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../cli/write-report.js';
import { cleanReport, endpointFinding, fileFinding, fullReport, HSTS_MISSING_RULE } from '../support/report-builder.js';

describe('exitCodeFor', () => {
  it('exits 1 only for findings at or above the threshold', () => {
    const medium = cleanReport({ findings: [endpointFinding(HSTS_MISSING_RULE)] });

    expect(exitCodeFor(medium, 'high')).toBe(0);
    expect(exitCodeFor(medium, 'medium')).toBe(1);
    expect(exitCodeFor(medium, 'never')).toBe(0);
    expect(exitCodeFor(cleanReport(), 'low')).toBe(0);
  });

  it('does not block on pre-existing violations unless asked', () => {
    const existing = cleanReport({ findings: [fileFinding(undefined, { change: 'existing' })] });

    expect(exitCodeFor(existing, 'high')).toBe(0);
    expect(exitCodeFor(existing, 'high', true)).toBe(1);
  });

  it('exits 1 when something could not be evaluated, unless fail-on is never', () => {
    const errored = fullReport({ findings: [] });

    expect(exitCodeFor(errored, 'critical')).toBe(1);
    expect(exitCodeFor(errored, 'never')).toBe(0);
  });
});

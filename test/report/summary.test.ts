import { describe, expect, it } from 'vitest';
import { errorPlace, oneLine, summaryLine, targetLabel } from '../../checks/report/summary.js';
import { cleanReport, endpointFinding, fullReport } from '../support/report-builder.js';

describe('summaryLine', () => {
  it('counts findings by severity and every other outcome', () => {
    expect(summaryLine(fullReport())).toBe('4 findings (1 critical, 1 high, 1 medium, 1 low) · 1 suppressed · 1 unknown · 1 error · 1 strengthened');
  });

  it('uses the singular for one finding and leaves out empty outcomes', () => {
    expect(summaryLine(cleanReport({ findings: [endpointFinding()] }))).toBe('1 finding (1 high)');
    expect(summaryLine(cleanReport())).toBe('0 findings');
  });
});

describe('targetLabel', () => {
  it('names the address and engine of an endpoint and the range of a repository', () => {
    expect(targetLabel({ kind: 'endpoint', url: 'https://a.example.org', engine: 'native' })).toBe('https://a.example.org (native)');
    expect(targetLabel({ kind: 'repository', root: '/src/app', head: 'abc1234', files: 1 })).toBe('repository /src/app working tree..abc1234 (1 file)');
  });
});

describe('oneLine', () => {
  it('joins lines and neutralises control characters', () => {
    expect(oneLine('a\r\n  b\u001b[31mc\u0000')).toBe('a b\uFFFD[31mc\uFFFD');
  });
});

describe('errorPlace', () => {
  it('names the location only when it says more than the target', () => {
    const file = { kind: 'file', path: 'infra/main.tf', startLine: 3, endLine: 3 } as const;

    expect(errorPlace({ category: 'parse', target: 'infra/main.tf', message: 'x', location: file })).toBe('infra/main.tf:3');
    expect(
      errorPlace({ category: 'config', target: 'https://a.example.org', message: 'x', location: { kind: 'endpoint', url: 'https://a.example.org' } }),
    ).toBeUndefined();
    expect(errorPlace({ category: 'bug', target: 'git', message: 'x' })).toBeUndefined();
  });
});

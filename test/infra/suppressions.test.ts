import { describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/model/finding.js';
import { applySuppressions, readSuppressions } from '../../checks/infra/suppressions.js';
import { rdsEncryption } from '../../checks/infra/rules/aws-data.js';
import { fileFinding } from '../support/report-builder.js';

const NOW = new Date('2026-03-01T12:00:00Z');

function findingAt(line: number): Finding {
  return fileFinding(rdsEncryption, { location: { kind: 'file', path: 'db.tf', startLine: line, endLine: line }, subject: `db.tf#${line}` });
}

const TEXT = (comment: string) => `resource "aws_db_instance" "phi" {\n  ${comment}\n  storage_encrypted = false\n}\n`;

describe('suppression comments', () => {
  it('reads rule, reason and expiry from # and // comments, targeting the next non-comment line', () => {
    const text = '# hipaa-guard:ignore IAC-A reason="legacy" until=2026-12-31\n\n// hipaa-guard:ignore IAC-B reason="x"\nresource "a" "b" {}\n';
    expect(readSuppressions(text)).toEqual([
      { ruleId: 'IAC-A', reason: 'legacy', until: '2026-12-31', line: 1, target: 4 },
      { ruleId: 'IAC-B', reason: 'x', line: 3, target: 4 },
    ]);
  });

  it('suppresses the finding on the next line and keeps it in the report, marked', () => {
    const result = applySuppressions(
      'db.tf',
      TEXT('# hipaa-guard:ignore IAC-RDS-ENCRYPTION reason="restored from snapshot next sprint" until=2026-04-01'),
      [findingAt(3)],
      [],
      NOW,
    );
    expect(result.findings).toEqual([]);
    expect(result.suppressed).toEqual([
      {
        finding: findingAt(3),
        reason: 'restored from snapshot next sprint',
        until: '2026-04-01',
        source: { kind: 'file', path: 'db.tf', startLine: 2, endLine: 2 },
      },
    ]);
  });

  it('above a block, covers findings anywhere inside it', () => {
    const text =
      '// hipaa-guard:ignore IAC-RDS-ENCRYPTION reason="dev database"\nresource "aws_db_instance" "phi" {\n  engine = "postgres"\n  storage_encrypted = false\n}\n';
    const result = applySuppressions('db.tf', text, [findingAt(4)], [{ startLine: 2, endLine: 5 }], NOW);
    expect(result.suppressed).toHaveLength(1);
  });

  it('does not cover another rule', () => {
    const result = applySuppressions('db.tf', TEXT('# hipaa-guard:ignore IAC-EBS-ENCRYPTION reason="x"'), [findingAt(3)], [], NOW);
    expect(result.findings).toEqual([findingAt(3)]);
  });

  it.each([
    ['no reason', '# hipaa-guard:ignore IAC-RDS-ENCRYPTION', /has no reason/],
    ['an expired date', '# hipaa-guard:ignore IAC-RDS-ENCRYPTION reason="x" until=2026-02-28', /expired on 2026-02-28/],
    ['a malformed date', '# hipaa-guard:ignore IAC-RDS-ENCRYPTION reason="x" until=next-week', /expected a date as YYYY-MM-DD/],
    ['a day that does not exist', '# hipaa-guard:ignore IAC-RDS-ENCRYPTION reason="x" until=2026-02-30', /until=2026-02-30; expected a date as YYYY-MM-DD/],
  ])('with %s suppresses nothing and is itself reported', (_case, comment, problem) => {
    const result = applySuppressions('db.tf', TEXT(comment), [findingAt(3)], [], NOW);
    expect(result.suppressed).toEqual([]);
    const invalid = result.findings.find((finding) => finding.ruleId === 'SUPPRESSION-INVALID');
    expect(invalid?.message).toMatch(problem);
    expect(invalid?.location).toEqual({ kind: 'file', path: 'db.tf', startLine: 2, endLine: 2 });
    expect(result.findings.map((finding) => finding.ruleId)).toContain('IAC-RDS-ENCRYPTION');
  });

  it('is still valid on its last day', () => {
    const result = applySuppressions('db.tf', TEXT('# hipaa-guard:ignore IAC-RDS-ENCRYPTION reason="x" until=2026-03-01'), [findingAt(3)], [], NOW);
    expect(result.suppressed).toHaveLength(1);
  });
});

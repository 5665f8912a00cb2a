import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../../checks/infra/plan/analyze-plan.js';
import { REPORT_FORMATS, renderReport } from '../../../checks/report/render.js';
import type { Report } from '../../../checks/model/report.js';
import { ALL_RULES } from '../../../checks/rules/registry.js';
import { dbInstance, listener, planJson, type PlanSpec } from './plan-builders.js';

const NOW = new Date('2026-02-01T09:00:00Z');
const PASSWORD = 'hunter2-Cl3ar-Pa55';
// Not the policy the rule's own texts recommend, so any appearance in a report is a leak.
const STRONG = 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06';
const WEAK = 'ELBSecurityPolicy-TLS-1-1-2017-01';

const judge = (spec: PlanSpec): Promise<Report> => analyzePlan({ text: planJson(spec), source: 'plan.json', now: NOW });
const everyFormat = (report: Report) => REPORT_FORMATS.map((format) => renderReport(report, format, { rules: ALL_RULES }));

describe('analyzePlan: secrets never reach a report', () => {
  it('a 0.12-era plan (format 0.1, no sensitivity marks) with a password in clear in after and variables: no format shows it', async () => {
    // Given Terraform 0.12 output: the password sits in clear in the resource and in `variables`
    const report = await judge({
      format: '0.1',
      variables: { db_password: PASSWORD, environment: 'prod' },
      changes: [
        {
          address: 'aws_db_instance.claims',
          type: 'aws_db_instance',
          actions: ['create'],
          after: dbInstance({ identifier: 'claims', storage_encrypted: false, password: PASSWORD }),
          afterUnknown: { arn: true, id: true },
        },
        {
          address: 'aws_db_instance.ledger',
          type: 'aws_db_instance',
          actions: ['update'],
          before: dbInstance({ identifier: 'ledger', storage_encrypted: true, password: PASSWORD }),
          after: dbInstance({ identifier: 'ledger', storage_encrypted: false, password: PASSWORD }),
        },
      ],
    });
    // Then the findings are there, with only the judged attribute as evidence
    expect(report.findings.map((finding) => [finding.ruleId, finding.change])).toEqual([
      ['IAC-RDS-ENCRYPTION', 'introduced'],
      ['IAC-RDS-ENCRYPTION', 'weakened'],
    ]);
    expect(report.findings[1]!.evidence).toEqual({ resource: 'aws_db_instance.ledger', actual: false, expected: 'true', before: true, after: false });
    expect(report.notes.join('\n')).toContain('format 0.1 (Terraform 0.12-0.14) marks no value as sensitive');
    // And no output format carries the password
    for (const output of everyFormat(report)) expect(output).not.toContain(PASSWORD);
  });

  it('a value marked in after_sensitive / before_sensitive is "(sensitive)" in every format, in messages, evidence and strengthenings', async () => {
    // Given the TLS policies come from a sensitive variable (so the plan marks them), one weakened and one strengthened
    const marks = { ssl_policy: true };
    const report = await judge({
      changes: [
        {
          address: 'aws_lb_listener.weaker',
          type: 'aws_lb_listener',
          actions: ['update'],
          before: listener({ protocol: 'HTTPS', ssl_policy: STRONG }),
          after: listener({ protocol: 'HTTPS', ssl_policy: WEAK }),
          beforeSensitive: marks,
          afterSensitive: marks,
        },
        {
          address: 'aws_lb_listener.stronger',
          type: 'aws_lb_listener',
          actions: ['update'],
          before: listener({ protocol: 'HTTPS', ssl_policy: WEAK }),
          after: listener({ protocol: 'HTTPS', ssl_policy: STRONG }),
          beforeSensitive: marks,
          afterSensitive: marks,
        },
      ],
    });
    // Then the weakening is still found and classified, but shows no policy name
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      ruleId: 'IAC-LB-TLS-POLICY',
      change: 'weakened',
      evidence: { actual: '(sensitive)', before: '(sensitive)', after: '(sensitive)' },
    });
    expect(report.findings[0]!.message).toContain('ssl_policy is (sensitive)');
    expect(report.strengthened.map((entry) => entry.message)).toEqual(['aws_lb_listener.stronger: ssl_policy changed: (sensitive)']);
    for (const output of everyFormat(report)) {
      expect(output).not.toContain(WEAK);
      expect(output).not.toContain(STRONG);
    }
  });

  it('a whole object marked sensitive (after_sensitive: true) keeps its strings out of every format', async () => {
    const report = await judge({
      changes: [
        {
          address: 'aws_db_instance.claims',
          type: 'aws_db_instance',
          actions: ['create'],
          after: dbInstance({ identifier: 'claims-7f3a9c', storage_encrypted: false, password: PASSWORD }),
          afterSensitive: true,
        },
      ],
    });
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(['IAC-RDS-ENCRYPTION']);
    expect(report.findings[0]!.evidence.actual).toBe('(sensitive)');
    for (const output of everyFormat(report)) {
      expect(output).not.toContain(PASSWORD);
      expect(output).not.toContain('claims-7f3a9c');
    }
  });
});

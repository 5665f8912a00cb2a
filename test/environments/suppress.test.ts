import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../checks/config/load-config.js';
import { checkEnvironments } from '../../checks/environments/index.js';
import { locationLabel } from '../../checks/model/finding.js';
import { memoryChangeSet } from '../support/memory-source.js';
import { DECLARED_CONFIG } from './fixtures.js';

const PEERING = (comment: string, blockComment = '') => `${blockComment}resource "aws_vpc_peering_connection" "to_prod" {
${comment}  peer_vpc_id = "vpc-0prod1234"
}
`;

async function scan(peering: string) {
  const files = { '.github/hipaa-guard.yml': DECLARED_CONFIG, 'infra/staging/peering.tf': peering };
  const report = await checkEnvironments({
    changeSet: memoryChangeSet(files, files),
    config: parseConfig(DECLARED_CONFIG),
    now: new Date('2026-11-23T12:00:00Z'),
  });
  return {
    findings: report.findings.map((f) => [f.ruleId, locationLabel(f.location), f.message]),
    suppressed: report.suppressed.map((s) => ({
      rule: s.finding.ruleId,
      at: locationLabel(s.finding.location),
      reason: s.reason,
      until: s.until,
      source: s.source && locationLabel(s.source),
    })),
  };
}

describe('suppressing environment findings', () => {
  it('Given a reasoned comment on the line before, then the finding is kept as suppressed, not reported', async () => {
    const result = await scan(PEERING('  # hipaa-guard:ignore ENV-NETWORK-PATH reason="break-glass migration link" until=2026-12-31\n'));
    expect(result.findings).toEqual([]);
    expect(result.suppressed).toEqual([
      {
        rule: 'ENV-NETWORK-PATH',
        at: 'infra/staging/peering.tf:3',
        reason: 'break-glass migration link',
        until: '2026-12-31',
        source: 'infra/staging/peering.tf:2',
      },
    ]);
  });

  it('Given a comment before the block, then it covers the findings inside the block', async () => {
    const result = await scan(PEERING('', '# hipaa-guard:ignore ENV-NETWORK-PATH reason="approved in SEC-12"\n'));
    expect(result.suppressed.map((s) => s.at)).toEqual(['infra/staging/peering.tf:3']);
    expect(result.findings).toEqual([]);
  });

  it('Given an expired or reason-less suppression, then the finding stays and the comment is reported', async () => {
    const expired = await scan(PEERING('  # hipaa-guard:ignore ENV-NETWORK-PATH reason="temporary" until=2026-01-31\n'));
    expect(expired.suppressed).toEqual([]);
    expect(expired.findings).toEqual([
      ['ENV-NETWORK-PATH', 'infra/staging/peering.tf:3', expect.any(String)],
      ['SUPPRESSION-INVALID', 'infra/staging/peering.tf:2', 'suppression of ENV-NETWORK-PATH expired on 2026-01-31'],
    ]);
    const reasonless = await scan(PEERING('  # hipaa-guard:ignore ENV-NETWORK-PATH\n'));
    expect(reasonless.findings.map(([rule]) => rule)).toEqual(['ENV-NETWORK-PATH', 'SUPPRESSION-INVALID']);
  });

  it('Given a suppression of another rule, then nothing is hidden and other families’ comments are left to them', async () => {
    const result = await scan(PEERING('  # hipaa-guard:ignore ENV-CROSS-REFERENCE reason="wrong rule"\n  # hipaa-guard:ignore IAC-SG-OPEN\n'));
    expect(result.findings.map(([rule, at]) => [rule, at])).toEqual([['ENV-NETWORK-PATH', 'infra/staging/peering.tf:4']]);
    expect(result.suppressed).toEqual([]);
  });
});

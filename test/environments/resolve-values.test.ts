import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../checks/config/load-config.js';
import { checkEnvironments } from '../../checks/environments/index.js';
import { locationLabel } from '../../checks/model/finding.js';
import { memoryChangeSet, type FileMap } from '../support/memory-source.js';
import { DECLARED_CONFIG } from './fixtures.js';

const PEERING = `resource "aws_vpc_peering_connection" "to_peer" {
  vpc_id        = aws_vpc.main.id
  peer_vpc_id   = var.peer_vpc_id
  peer_owner_id = local.peer_account
}
`;
const variables = (vpc: string, account: string) => `variable "peer_vpc_id" {
  default = "${vpc}"
}
locals {
  peer_account = "${account}"
}
`;

async function scan(base: FileMap, head: FileMap) {
  const withConfig = (files: FileMap) => ({ '.github/hipaa-guard.yml': DECLARED_CONFIG, ...files });
  const report = await checkEnvironments({
    changeSet: memoryChangeSet(withConfig(base), withConfig(head)),
    config: parseConfig(DECLARED_CONFIG),
    now: new Date('2026-11-23T12:00:00Z'),
  });
  expect(report.errors).toEqual([]);
  return report.findings.map((f) => [f.ruleId, f.change, locationLabel(f.location), f.evidence.expression]);
}

describe('network blocks that take their values from variables and locals', () => {
  it('Given a peering whose peer comes from a variable default, then the attribute line is a network path through that variable', async () => {
    const files = { 'infra/staging/peering.tf': PEERING, 'infra/staging/variables.tf': variables('vpc-0prod1234', '111111111111') };
    expect(await scan({}, files)).toEqual([
      ['ENV-NETWORK-PATH', 'introduced', 'infra/staging/peering.tf:3', 'var.peer_vpc_id'],
      ['ENV-NETWORK-PATH', 'introduced', 'infra/staging/peering.tf:4', 'local.peer_account'],
      ['ENV-CROSS-REFERENCE', 'introduced', 'infra/staging/variables.tf:2', undefined],
      ['ENV-CROSS-REFERENCE', 'introduced', 'infra/staging/variables.tf:5', undefined],
    ]);
  });

  it('Given a change to the variable only, then the untouched peering becomes an introduced network path', async () => {
    const base = { 'infra/staging/peering.tf': PEERING, 'infra/staging/variables.tf': variables('vpc-0stag5678', '222222222222') };
    const head = { ...base, 'infra/staging/variables.tf': variables('vpc-0prod1234', '222222222222') };
    expect(await scan(base, head)).toEqual([
      ['ENV-NETWORK-PATH', 'introduced', 'infra/staging/peering.tf:3', 'var.peer_vpc_id'],
      ['ENV-CROSS-REFERENCE', 'introduced', 'infra/staging/variables.tf:2', undefined],
    ]);
  });

  it('Given a module that does not parse, then the text-level findings still stand', async () => {
    const files = { 'infra/staging/peering.tf': `${PEERING}resource "broken" {\n`, 'infra/staging/variables.tf': variables('vpc-0prod1234', '222222222222') };
    expect(await scan(files, files)).toEqual([['ENV-CROSS-REFERENCE', 'existing', 'infra/staging/variables.tf:2', undefined]]);
  });
});

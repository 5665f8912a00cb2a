import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../checks/config/load-config.js';
import { checkEnvironments } from '../../checks/environments/index.js';
import { locationLabel, type Finding } from '../../checks/model/finding.js';
import type { Report } from '../../checks/model/report.js';
import { gitChangeSet } from '../../checks/source/git-source.js';
import { createTempRepo, type TempRepo } from '../support/temp-repo.js';
import { baseRepository, DECLARED_CONFIG, headRepository } from './fixtures.js';

const brief = (finding: Finding) => ({
  rule: finding.ruleId,
  change: finding.change,
  severity: finding.severity,
  at: locationLabel(finding.location),
  related: finding.related?.map(locationLabel),
  between: [
    finding.evidence.fromEnvironment ?? (finding.evidence.environments as string[])[0],
    finding.evidence.toEnvironment ?? (finding.evidence.environments as string[])[1],
  ],
});

describe('environment separation on a git repository with prod, staging and dev', () => {
  let repo: TempRepo;
  let report: Report;

  beforeAll(async () => {
    // Given a repository whose first commit already has dev sharing a bucket with staging and admitting staging's namespace,
    repo = createTempRepo('hipaa-guard-env-');
    const base = repo.commit('prod, staging and dev', baseRepository());
    // and a second commit that points staging at production's database and peers staging with production's VPC,
    const head = repo.commit('staging reads the prod database over a peering', headRepository());
    // when the environments are checked between the two commits,
    report = await checkEnvironments({
      changeSet: await gitChangeSet(repo.dir, base, head),
      config: parseConfig(DECLARED_CONFIG),
      now: new Date('2026-11-23T12:00:00Z'),
    });
  });

  afterAll(() => repo.remove());

  it('reports the database reference and the peering as introduced, on their exact lines', () => {
    expect(report.findings.filter((f) => f.change === 'introduced').map(brief)).toEqual([
      {
        rule: 'ENV-CROSS-REFERENCE',
        change: 'introduced',
        severity: 'high',
        at: 'infra/staging.tfvars:2',
        related: ['infra/prod/main.tf:13', '.github/hipaa-guard.yml:10'],
        between: ['staging', 'production'],
      },
      {
        rule: 'ENV-NETWORK-PATH',
        change: 'introduced',
        severity: 'high',
        at: 'infra/staging/peering.tf:3',
        related: ['.github/hipaa-guard.yml:6'],
        between: ['staging', 'production'],
      },
      {
        rule: 'ENV-NETWORK-PATH',
        change: 'introduced',
        severity: 'high',
        at: 'infra/staging/peering.tf:4',
        related: ['.github/hipaa-guard.yml:5'],
        between: ['staging', 'production'],
      },
    ]);
  });

  it('reports what the first commit already had as existing', () => {
    expect(report.findings.filter((f) => f.change === 'existing').map(brief)).toEqual([
      {
        rule: 'ENV-SHARED-RESOURCE',
        change: 'existing',
        severity: 'medium',
        at: 'infra/dev/main.tf:13',
        related: ['infra/staging/main.tf:13'],
        between: ['dev', 'staging'],
      },
      {
        rule: 'ENV-NETWORK-PATH',
        change: 'existing',
        severity: 'medium',
        at: 'k8s/overlays/dev/networkpolicy.yaml:12',
        related: ['.github/hipaa-guard.yml:13', 'k8s/overlays/staging/kustomization.yaml:1'],
        between: ['dev', 'staging'],
      },
    ]);
  });

  it('reports nothing else and no errors', () => {
    expect(report.findings).toHaveLength(5);
    expect(report.errors).toEqual([]);
    expect(report.notes).toEqual(['environments: checked 10 files of production, staging, dev at head (1 re-read at base)']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../checks/config/load-config.js';
import { defaultConfig } from '../../checks/config/schema.js';
import { checkEnvironments, MAX_FILE_BYTES } from '../../checks/environments/index.js';
import { locationLabel, type Finding } from '../../checks/model/finding.js';
import type { ChangeSet, FileSource } from '../../checks/model/source.js';
import { memoryChangeSet, memorySource, type FileMap } from '../support/memory-source.js';
import { baseRepository, DECLARED_CONFIG, headRepository, STAGING_PEERING } from './fixtures.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const config = parseConfig(DECLARED_CONFIG);

function summary(findings: Finding[]) {
  return findings.map((f) => [f.ruleId, f.change, locationLabel(f.location)]);
}

/** A source that records which paths were read. */
function recordingSource(files: FileMap, reads: string[]): FileSource {
  const inner = memorySource(files);
  return { list: () => inner.list(), read: (path) => (reads.push(path), inner.read(path)) };
}

describe('checkEnvironments in a pull request', () => {
  it('calls what the change creates introduced and what the base had existing', async () => {
    const report = await checkEnvironments({ changeSet: memoryChangeSet(baseRepository(), headRepository()), config, now: NOW });
    expect(summary(report.findings)).toEqual([
      ['ENV-CROSS-REFERENCE', 'introduced', 'infra/staging.tfvars:2'],
      ['ENV-NETWORK-PATH', 'introduced', 'infra/staging/peering.tf:3'],
      ['ENV-NETWORK-PATH', 'introduced', 'infra/staging/peering.tf:4'],
      ['ENV-SHARED-RESOURCE', 'existing', 'infra/dev/main.tf:13'],
      ['ENV-NETWORK-PATH', 'existing', 'k8s/overlays/dev/networkpolicy.yaml:12'],
    ]);
    expect(report.errors).toEqual([]);
    expect(report.startedAt).toBe('2026-11-23T12:00:00.000Z');
  });

  it('keeps a moved line existing: fingerprints do not depend on line numbers', async () => {
    const base = { ...baseRepository(), 'infra/staging/peering.tf': STAGING_PEERING };
    const head = { ...base, 'infra/staging/peering.tf': `# moved down by a comment\n\n${STAGING_PEERING}` };
    const report = await checkEnvironments({ changeSet: memoryChangeSet(base, head), config, now: NOW });
    expect(
      summary(report.findings)
        .filter(([rule]) => rule === 'ENV-NETWORK-PATH')
        .slice(0, 2),
    ).toEqual([
      ['ENV-NETWORK-PATH', 'existing', 'infra/staging/peering.tf:5'],
      ['ENV-NETWORK-PATH', 'existing', 'infra/staging/peering.tf:6'],
    ]);
  });

  it('re-reads at base only the files the change touched', async () => {
    const baseReads: string[] = [];
    const headReads: string[] = [];
    const changeSet: ChangeSet = {
      ...memoryChangeSet(baseRepository(), headRepository()),
      base: recordingSource(baseRepository(), baseReads),
      head: recordingSource(headRepository(), headReads),
    };
    const report = await checkEnvironments({ changeSet, config, now: NOW });
    expect(baseReads.sort()).toEqual(['.github/hipaa-guard.yml', 'infra/staging.tfvars']);
    expect(headReads).not.toContain('k8s/base/deployment.yaml');
    expect(report.notes).toContain('environments: checked 10 files of production, staging, dev at head (1 re-read at base)');
  });

  it('sees a problem the change removes no more, and a file renamed into another environment as new', async () => {
    const base = { ...baseRepository(), 'infra/staging/peering.tf': STAGING_PEERING };
    const head = { ...baseRepository(), 'infra/dev/peering.tf': STAGING_PEERING };
    const changeSet: ChangeSet = {
      ...memoryChangeSet(base, head),
      changed: [{ path: 'infra/dev/peering.tf', previousPath: 'infra/staging/peering.tf', status: 'renamed' }],
    };
    const report = await checkEnvironments({ changeSet, config, now: NOW });
    expect(summary(report.findings).filter(([, , where]) => String(where).includes('peering'))).toEqual([
      ['ENV-NETWORK-PATH', 'introduced', 'infra/dev/peering.tf:3'],
      ['ENV-NETWORK-PATH', 'introduced', 'infra/dev/peering.tf:4'],
    ]);
  });
});

describe('checkEnvironments on bad input', () => {
  it('reports an unreadable file as errored and still reports the rest', async () => {
    const head = memorySource(headRepository());
    const broken: FileSource = {
      list: () => head.list(),
      read: (path) => (path === 'infra/staging/peering.tf' ? Promise.reject(new Error('EACCES: permission denied')) : head.read(path)),
    };
    const report = await checkEnvironments({ changeSet: { ...memoryChangeSet(baseRepository(), headRepository()), head: broken }, config, now: NOW });
    expect(report.errors).toEqual([
      { category: 'read', target: 'infra/staging/peering.tf', message: 'could not read the file for the environment checks: EACCES: permission denied' },
    ]);
    expect(summary(report.findings)[0]).toEqual(['ENV-CROSS-REFERENCE', 'introduced', 'infra/staging.tfvars:2']);
  });

  it('reports a file over the size limit instead of reading it', async () => {
    const head = { ...baseRepository(), 'infra/staging/huge.tf': `# ${'x'.repeat(MAX_FILE_BYTES)}\n` };
    const report = await checkEnvironments({ changeSet: memoryChangeSet(baseRepository(), head), config, now: NOW });
    expect(report.errors).toEqual([
      { category: 'parse', target: 'infra/staging/huge.tf', message: `larger than ${MAX_FILE_BYTES} bytes; not checked for environment separation` },
    ]);
  });

  it('reports a failed listing as errored, with no findings and no crash', async () => {
    const failing: FileSource = { list: () => Promise.reject(new Error('not a git repository')), read: () => Promise.resolve(undefined) };
    const report = await checkEnvironments({ changeSet: { base: failing, head: failing, changed: [] }, config, now: NOW });
    expect(report.errors).toEqual([{ category: 'read', target: 'environments', message: 'could not list the files at head: not a git repository' }]);
    expect(report.findings).toEqual([]);
  });

  it('points declared identifiers at the config file itself when its lines cannot be read', async () => {
    const head = { ...headRepository(), '.github/hipaa-guard.yml': 'environments: [broken' };
    const report = await checkEnvironments({ changeSet: memoryChangeSet(head, head), config, now: NOW });
    const peering = report.findings.find((f) => f.location.kind === 'file' && f.location.path === 'infra/staging/peering.tf');
    expect(peering?.related).toBeUndefined();
    expect(peering?.message).toContain('declared in the config');
  });
});

describe('checkEnvironments with inferred environments', () => {
  const repository: FileMap = {
    'terraform/envs/prod/main.tf':
      'resource "aws_vpc" "main" {\n  cidr_block = "10.1.0.0/16"\n}\nresource "aws_db_instance" "db" {\n  identifier = "phi-records"\n}\n',
    'terraform/envs/staging/main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.2.0.0/16"\n}\n',
    'terraform/envs/staging/sg.tf': 'resource "aws_security_group_rule" "db" {\n  cidr_blocks = ["10.1.0.0/16"]\n}\n',
    'k8s/overlays/production/kustomization.yaml': 'namespace: prod\n',
    'k8s/overlays/staging/kustomization.yaml': 'namespace: staging\n',
    'k8s/overlays/staging/job.yaml': 'kind: Job\nmetadata:\n  name: copy\n  namespace: prod\n',
    'vars/staging.tfvars': 'db_identifier = "phi-records"\n',
  };

  it('finds the environments, says so in the notes, and checks them with what their files define', async () => {
    const report = await checkEnvironments({ changeSet: memoryChangeSet(repository, repository), config: defaultConfig(), now: NOW });
    expect(report.notes[0]).toBe(
      'environments: none declared in the config; inferred from the layout: production (production) = k8s/overlays/production/**, terraform/envs/prod/**; namespaces prod, production; staging = k8s/overlays/staging/**, terraform/envs/staging/**, vars/staging.tfvars; namespaces staging',
    );
    expect(summary(report.findings)).toEqual([
      ['ENV-CROSS-REFERENCE', 'existing', 'k8s/overlays/staging/job.yaml:4'],
      ['ENV-NETWORK-PATH', 'existing', 'terraform/envs/staging/sg.tf:2'],
      ['ENV-SHARED-RESOURCE', 'existing', 'vars/staging.tfvars:1'],
    ]);
    expect(report.findings[1]?.related).toEqual([{ kind: 'file', path: 'terraform/envs/prod/main.tf', startLine: 2, endLine: 2 }]);
  });

  it('places plain Kubernetes manifests by their namespace when no folder names the environment', async () => {
    const manifests: FileMap = {
      'k8s/api-prod.yaml': 'kind: Deployment\nmetadata:\n  name: api\n  namespace: prod\n',
      'k8s/api-staging.yaml': [
        'kind: NetworkPolicy',
        'metadata:',
        '  name: from-prod',
        '  namespace: staging',
        'spec:',
        '  ingress:',
        '    - from:',
        '        - namespaceSelector:',
        '            matchLabels:',
        '              kubernetes.io/metadata.name: prod',
        '',
      ].join('\n'),
      'k8s/values.yaml': 'replicas: 2\n',
    };
    const report = await checkEnvironments({ changeSet: memoryChangeSet(manifests, manifests), config: defaultConfig(), now: NOW });
    expect(report.notes[0]).toContain('production (production) = k8s/api-prod.yaml; namespaces prod; staging = k8s/api-staging.yaml; namespaces staging');
    expect(summary(report.findings)).toEqual([['ENV-NETWORK-PATH', 'existing', 'k8s/api-staging.yaml:10']]);
  });

  it('says there is nothing to separate when only one environment is found', async () => {
    const single = { 'envs/prod/main.tf': 'locals {}\n' };
    const report = await checkEnvironments({ changeSet: memoryChangeSet(single, single), config: defaultConfig(), now: NOW });
    expect(report.findings).toEqual([]);
    expect(report.notes.at(1)).toBe('environments: only production is known; nothing to keep separate');
  });
});

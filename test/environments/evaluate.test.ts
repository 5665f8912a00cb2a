import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../checks/config/load-config.js';
import { checkEnvironments } from '../../checks/environments/index.js';
import { locationLabel, type Finding } from '../../checks/model/finding.js';
import { memoryChangeSet, type FileMap } from '../support/memory-source.js';
import { DECLARED_CONFIG, PROD_DATABASE, terraformModule } from './fixtures.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const CONFIG_PATH = '.github/hipaa-guard.yml';

/** Scans one version (base = head, so everything is `existing`) under the declared three environments. */
async function findingsOf(files: FileMap, configText = DECLARED_CONFIG): Promise<Finding[]> {
  const repository = { [CONFIG_PATH]: configText, ...files };
  const report = await checkEnvironments({ changeSet: memoryChangeSet(repository, repository), config: parseConfig(configText), now: NOW });
  expect(report.errors).toEqual([]);
  return report.findings;
}

const file = (path: string, startLine: number, endLine = startLine) => ({ kind: 'file', path, startLine, endLine });

describe('ENV-CROSS-REFERENCE', () => {
  it('reports a staging file naming a production database, with both places and both environments', async () => {
    const findings = await findingsOf({
      'infra/prod/main.tf': PROD_DATABASE,
      'infra/staging/app.tf': 'resource "aws_ssm_parameter" "db" {\n  value = "prod-phi-db.c1.us-east-1.rds.amazonaws.com"\n}\n',
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'ENV-CROSS-REFERENCE',
      severity: 'high',
      safeguard: 'access-control',
      citation: '45 CFR 164.312(a)(1)',
      location: file('infra/staging/app.tf', 2),
      related: [file('infra/prod/main.tf', 3), file(CONFIG_PATH, 10)],
      evidence: { fromEnvironment: 'staging', toEnvironment: 'production', column: 12 },
    });
    expect(findings[0]?.message).toBe(
      'staging references production\'s database "prod-phi-db" (in "prod-phi-db.c1.us-east-1.rds.amazonaws.com"), defined in infra/prod/main.tf:3. Expected staging files to name only staging resources.',
    );
  });

  it('reports production depending on staging as high too, once per line however many identifiers it holds', async () => {
    const findings = await findingsOf({
      'infra/prod/iam.tf': 'resource "aws_iam_role" "ci" {\n  assume_role_policy = "arn:aws:iam::222222222222:role/deployer"\n}\n',
    });
    expect(findings.map((f) => [f.ruleId, f.severity, f.location])).toEqual([['ENV-CROSS-REFERENCE', 'high', file('infra/prod/iam.tf', 2)]]);
    expect(findings[0]?.message).toContain(
      'production references staging\'s cloud account "222222222222" (in "arn:aws:iam::222222222222:role/deployer"), declared in .github/hipaa-guard.yml:13',
    );
  });

  it('grades a reference between two non-production environments medium', async () => {
    const findings = await findingsOf({ 'infra/dev/main.tf': 'locals {\n  peer_account = "222222222222"\n}\n' });
    expect(findings.map((f) => [f.ruleId, f.severity, f.evidence.toEnvironment])).toEqual([['ENV-CROSS-REFERENCE', 'medium', 'staging']]);
  });

  it('matches declared domain and name patterns, and a namespace only where a namespace is meant', async () => {
    const findings = await findingsOf({
      'k8s/overlays/staging/config.yaml': [
        'kind: ConfigMap',
        'metadata:',
        '  name: settings',
        '  namespace: staging',
        'data:',
        '  API: https://api.prod.example.org/v1',
        '  ENVIRONMENT_LIKE: prod',
        '  QUEUE: http://worker.prod.svc.cluster.local:8080',
        '  ARCHIVE: s3://prod-archive/2026',
        '',
      ].join('\n'),
    });
    expect(findings.map((f) => [f.location.kind === 'file' && f.location.startLine, f.evidence.identifiers])).toEqual([
      [6, [{ kind: 'domain', value: 'api.prod.example.org', declaredAs: '*.prod.example.org' }]],
      [8, [{ kind: 'namespace', value: 'prod', declaredAs: 'prod' }]],
      [9, [{ kind: 'name', value: 'prod-archive', declaredAs: 'prod-*' }]],
    ]);
  });

  it('takes a namespace a kustomization defines as the environment’s only when it is named for the environment', async () => {
    const findings = await findingsOf({
      'k8s/overlays/staging/kustomization.yaml': 'namespace: staging-apps\n',
      'k8s/overlays/dev/kustomization.yaml': 'namespace: podinfo\n',
      'k8s/overlays/prod/app.yaml':
        'kind: Deployment\nmetadata:\n  name: a\n  namespace: podinfo\n---\nkind: Deployment\nmetadata:\n  name: b\n  namespace: staging-apps\n',
    });
    expect(findings.map((f) => [f.ruleId, locationLabel(f.location), f.evidence.toEnvironment])).toEqual([
      ['ENV-CROSS-REFERENCE', 'k8s/overlays/prod/app.yaml:9', 'staging'],
    ]);
  });

  it('ignores an environment naming its own resources, comments, and files of no environment', async () => {
    const findings = await findingsOf({
      'infra/prod/main.tf': `${PROD_DATABASE}# staging used to call 222222222222\n`,
      'infra/prod/app.tfvars': 'db = "prod-phi-db.c1.us-east-1.rds.amazonaws.com"\n',
      'tools/scripts.yaml': 'account: "111111111111"\nother: "222222222222"\n',
    });
    expect(findings).toEqual([]);
  });

  it('ignores a CIDR inside the environment’s own range and catch-all ranges', async () => {
    const findings = await findingsOf({
      'infra/staging/sg.tf': 'resource "aws_security_group_rule" "in" {\n  cidr_blocks = ["10.20.1.0/24", "0.0.0.0/0", "::/0"]\n}\n',
    });
    expect(findings).toEqual([]);
  });
});

describe('fingerprints', () => {
  it('tells apart the same reference written twice in one place', async () => {
    const findings = await findingsOf({ 'infra/staging/hosts.yaml': 'peers:\n  - 10.10.0.5\n  - 10.10.0.5\n' });
    expect(findings.map((f) => locationLabel(f.location))).toEqual(['infra/staging/hosts.yaml:2', 'infra/staging/hosts.yaml:3']);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(2);
  });
});

describe('ENV-NETWORK-PATH', () => {
  it('reports a security-group rule admitting production’s CIDR', async () => {
    const findings = await findingsOf({
      'infra/staging/sg.tf': 'resource "aws_security_group_rule" "from_prod" {\n  type        = "ingress"\n  cidr_blocks = ["10.10.5.0/24"]\n}\n',
    });
    expect(findings).toMatchObject([
      { ruleId: 'ENV-NETWORK-PATH', severity: 'high', location: file('infra/staging/sg.tf', 3), related: [file(CONFIG_PATH, 7)] },
    ]);
    expect(findings[0]?.message).toContain(
      'aws_security_group_rule.from_prod admits or reaches production\'s network range "10.10.0.0/16" (in "10.10.5.0/24")',
    );
  });

  it('reports a transit gateway attachment to a production VPC and a CloudFormation peering', async () => {
    const findings = await findingsOf({
      'infra/dev/tgw.tf': 'resource "aws_ec2_transit_gateway_vpc_attachment" "prod" {\n  vpc_id = "vpc-0prod1234"\n}\n',
      'infra/staging/peering.yaml':
        'Resources:\n  Peering:\n    Type: AWS::EC2::VPCPeeringConnection\n    Properties:\n      PeerVpcId: vpc-0prod1234\n      PeerOwnerId: "111111111111"\n',
    });
    expect(findings.map((f) => [f.ruleId, f.location])).toEqual([
      ['ENV-NETWORK-PATH', file('infra/dev/tgw.tf', 2)],
      ['ENV-NETWORK-PATH', file('infra/staging/peering.yaml', 5)],
      ['ENV-NETWORK-PATH', file('infra/staging/peering.yaml', 6)],
    ]);
  });

  it('reports a NetworkPolicy admitting another environment’s namespace', async () => {
    const findings = await findingsOf({
      'k8s/overlays/staging/np.yaml':
        'kind: NetworkPolicy\nmetadata:\n  name: from-prod\n  namespace: staging\nspec:\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: prod\n',
    });
    expect(findings).toMatchObject([
      { ruleId: 'ENV-NETWORK-PATH', location: file('k8s/overlays/staging/np.yaml', 10), evidence: { toEnvironment: 'production' } },
    ]);
  });

  it('calls a non-network identifier inside a network resource a cross-reference', async () => {
    const findings = await findingsOf({
      'infra/staging/sg.tf': 'resource "aws_security_group" "app" {\n  description = "for prod-phi-db"\n}\n',
    });
    expect(findings.map((f) => f.ruleId)).toEqual(['ENV-CROSS-REFERENCE']);
  });
});

describe('ENV-SHARED-RESOURCE', () => {
  it('reports two environments declaring one bucket, at the non-production side', async () => {
    const bucket = 'resource "aws_s3_bucket" "exports" {\n  bucket = "acme-phi-exports"\n}\n';
    const findings = await findingsOf({ 'infra/prod/s3.tf': bucket, 'infra/staging/s3.tf': `\n${bucket}` });
    expect(findings).toMatchObject([
      {
        ruleId: 'ENV-SHARED-RESOURCE',
        severity: 'high',
        location: file('infra/staging/s3.tf', 3),
        related: [file('infra/prod/s3.tf', 2)],
        evidence: { environments: ['staging', 'production'] },
      },
    ]);
    expect(findings[0]?.message).toBe(
      'staging and production share the bucket "acme-phi-exports" (defined in infra/prod/s3.tf:2). Expected each environment to have its own.',
    );
  });

  it('reports a shared data store host, KMS key, secret and cluster, and an account declared for two environments', async () => {
    const config =
      'environments:\n  prod:\n    paths: ["prod/**"]\n    identifiers: { accounts: ["111111111111"] }\n  dev:\n    paths: ["dev/**"]\n    identifiers: { accounts: ["111111111111"] }\n';
    const values = 'db_host = "db.internal.example.org"\nkms_key_id = "alias/phi"\nsecret_name = "app/db"\ncluster_name = "main-eks"\n';
    const findings = await findingsOf({ 'prod/terraform.tfvars': values, 'dev/terraform.tfvars': values }, config);
    expect(findings.map((f) => [f.ruleId, f.location.kind === 'file' && `${f.location.path}:${f.location.startLine}`, f.evidence.actual])).toEqual([
      ['ENV-SHARED-RESOURCE', '.github/hipaa-guard.yml:7', '111111111111'],
      ['ENV-SHARED-RESOURCE', 'dev/terraform.tfvars:1', 'db.internal.example.org'],
      ['ENV-SHARED-RESOURCE', 'dev/terraform.tfvars:2', 'alias/phi'],
      ['ENV-SHARED-RESOURCE', 'dev/terraform.tfvars:3', 'app/db'],
      ['ENV-SHARED-RESOURCE', 'dev/terraform.tfvars:4', 'main-eks'],
    ]);
  });
});

describe('ENV-SHARED-STATE', () => {
  it('reports two environments on the same backend bucket and key', async () => {
    const findings = await findingsOf({
      'infra/prod/main.tf': terraformModule('shared', '10.10.0.0/16'),
      'infra/staging/main.tf': terraformModule('shared', '10.20.0.0/16'),
      'infra/dev/main.tf': terraformModule('dev', '10.30.0.0/16'),
    });
    expect(findings).toMatchObject([
      {
        ruleId: 'ENV-SHARED-STATE',
        location: file('infra/staging/main.tf', 3),
        related: [file('infra/prod/main.tf', 3)],
        evidence: { actual: { bucket: 'acme-tfstate', key: 'shared/terraform.tfstate' } },
      },
    ]);
  });

  it('does not call a backend completed at init (no key) shared', async () => {
    const partial = 'terraform {\n  backend "s3" {\n    bucket = "acme-tfstate"\n  }\n}\n';
    expect(await findingsOf({ 'infra/prod/main.tf': partial, 'infra/staging/main.tf': partial })).toEqual([]);
  });

  it('reports a staging remote-state read of production’s state as a cross-reference', async () => {
    const findings = await findingsOf({
      'infra/prod/main.tf': terraformModule('prod', '10.10.0.0/16'),
      'infra/staging/data.tf': 'data "terraform_remote_state" "prod" {\n  backend = "s3"\n  config = {\n    key = "prod/terraform.tfstate"\n  }\n}\n',
    });
    expect(findings.map((f) => [f.ruleId, f.location, f.related])).toEqual([
      ['ENV-CROSS-REFERENCE', file('infra/staging/data.tf', 4), [file('infra/prod/main.tf', 4)]],
    ]);
  });
});

describe('ENV-CIDR-OVERLAP', () => {
  it('reports a range overlapping another environment’s, once however many subnets sit inside it', async () => {
    const findings = await findingsOf({
      'infra/staging/vpc.tf':
        'resource "aws_vpc" "main" {\n  cidr_block = "10.10.128.0/17"\n}\nresource "aws_subnet" "a" {\n  cidr_block = "10.10.130.0/24"\n}\n',
    });
    expect(findings).toMatchObject([
      {
        ruleId: 'ENV-CIDR-OVERLAP',
        severity: 'medium',
        location: file('infra/staging/vpc.tf', 2),
        related: [file(CONFIG_PATH, 7)],
        evidence: { actual: ['10.10.128.0/17', '10.10.0.0/16'] },
      },
    ]);
  });

  it('reports overlapping declared ranges at their config lines', async () => {
    const config =
      'environments:\n  prod:\n    paths: ["prod/**"]\n    identifiers: { cidrs: ["10.0.0.0/16"] }\n  dev:\n    paths: ["dev/**"]\n    identifiers:\n      cidrs:\n        - 10.0.4.0/24\n';
    const findings = await findingsOf({}, config);
    expect(findings).toMatchObject([{ ruleId: 'ENV-CIDR-OVERLAP', location: file(CONFIG_PATH, 9), related: [file(CONFIG_PATH, 4)] }]);
  });
});

describe('ENV-AMBIGUOUS-PATH', () => {
  it('reports a file claimed by two environments once, and checks it no further', async () => {
    const config = `${DECLARED_CONFIG}  qa:\n    paths: ["infra/staging/**"]\n`;
    const findings = await findingsOf({ 'infra/staging/main.tf': 'locals {\n  a = "111111111111"\n}\n' }, config);
    expect(findings).toMatchObject([{ ruleId: 'ENV-AMBIGUOUS-PATH', location: file('infra/staging/main.tf', 1), evidence: { actual: ['staging', 'qa'] } }]);
    expect(findings[0]?.message).toContain('belongs to staging and qa');
  });
});

describe('ENV-CROSS-REFERENCE: identifiers embedded in strings', () => {
  it('finds an account id inside an ECR image URL', async () => {
    const findings = await findingsOf({
      'k8s/overlays/staging/deployment.yaml':
        'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: 111111111111.dkr.ecr.us-east-1.amazonaws.com/portal:1.4\n',
    });
    expect(findings.map((f) => [f.ruleId, f.location, f.evidence.toEnvironment])).toEqual([
      ['ENV-CROSS-REFERENCE', file('k8s/overlays/staging/deployment.yaml', 6), 'production'],
    ]);
  });

  it('finds an ARN inside jsonencode(...) of a policy', async () => {
    const findings = await findingsOf({
      'infra/staging/iam.tf':
        'resource "aws_iam_policy" "read" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::reports/*", Principal = { AWS = "arn:aws:iam::111111111111:root" } }] })\n}\n',
    });
    expect(findings.map((f) => [f.ruleId, f.location, f.evidence.toEnvironment])).toEqual([
      ['ENV-CROSS-REFERENCE', file('infra/staging/iam.tf', 2), 'production'],
    ]);
  });

  it('finds a production host name inside a connection string', async () => {
    const findings = await findingsOf({
      'infra/prod/main.tf': PROD_DATABASE,
      'k8s/overlays/staging/config.yaml':
        'kind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  DATABASE_URL: "postgresql://app:secret@prod-phi-db.c1.us-east-1.rds.amazonaws.com:5432/phi?sslmode=require"\n  DOTNET: "Server=api.prod.example.org;Database=phi;Encrypt=true"\n',
    });
    expect(findings.map((f) => [f.ruleId, f.location])).toEqual([
      ['ENV-CROSS-REFERENCE', file('k8s/overlays/staging/config.yaml', 5)],
      ['ENV-CROSS-REFERENCE', file('k8s/overlays/staging/config.yaml', 6)],
    ]);
  });
});

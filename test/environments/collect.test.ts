import { describe, expect, it } from 'vitest';
import { collectFileFacts, hostOf } from '../../checks/environments/collect.js';

describe('collectFileFacts: definitions', () => {
  it('reads what a Terraform file creates, with line and column of the value', () => {
    const facts = collectFileFacts(
      'infra/prod/main.tf',
      `resource "aws_vpc" "main" {
  cidr_block = "10.10.0.0/16"
}
resource "aws_db_instance" "phi" {
  identifier = "prod-phi-db"
  kms_key_id = "arn:aws:kms:us-east-1:111111111111:key/1234abcd"
}
resource "aws_secretsmanager_secret" "db" {
  name = "prod/db-password"
}
`,
    );
    expect(facts.definitions.map(({ kind, value, label, place }) => ({ kind, value, label, line: place.line, column: place.column }))).toEqual([
      { kind: 'cidr', value: '10.10.0.0/16', label: 'network range', line: 2, column: 17 },
      { kind: 'name', value: 'prod-phi-db', label: 'database', line: 5, column: 17 },
      { kind: 'name', value: 'arn:aws:kms:us-east-1:111111111111:key/1234abcd', label: 'KMS key', line: 6, column: 17 },
      { kind: 'name', value: 'prod/db-password', label: 'secret', line: 9, column: 11 },
    ]);
    expect(facts.definitions[1]?.block).toBe('aws_db_instance.phi');
  });

  it('takes no generic names (`main`, `app`) as identities, and no block labels as literals', () => {
    const facts = collectFileFacts(
      'infra/prod/eks.tf',
      'resource "aws_eks_cluster" "main" {\n  name = "main"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "phirecords"\n}\n',
    );
    expect(facts.definitions.map((d) => d.value)).toEqual(['phirecords']);
    expect(facts.tokens.filter((token) => token.place.line === 1)).toEqual([]);
  });

  it('takes only literal values: no expressions, no interpolation, no comments', () => {
    const facts = collectFileFacts(
      'infra/staging/main.tf',
      `resource "aws_s3_bucket" "a" {
  bucket = var.bucket_name
}
resource "aws_s3_bucket" "b" {
  bucket = "\${local.prefix}-logs"
  # bucket = "old-name"
}
`,
    );
    expect(facts.definitions).toEqual([]);
  });

  it('reads tfvars and YAML values, bare scalars and block lists', () => {
    const tfvars = collectFileFacts(
      'envs/prod.tfvars',
      'db_host = "postgres://app@db.prod.internal:5432/app"\nvpc_id = "vpc-0prod1234"\nallowed_account_ids = ["111111111111", "x"]\n',
    );
    expect(tfvars.definitions.map((d) => [d.kind, d.value, d.label])).toEqual([
      ['domain', 'db.prod.internal', 'data store host'],
      ['vpc', 'vpc-0prod1234', 'VPC'],
      ['account', '111111111111', 'cloud account'],
    ]);
    const yaml = collectFileFacts('k8s/overlays/prod/kustomization.yaml', 'namespace: prod\nvpcCidr:\n  - 10.10.0.0/16 # main\n  - 10.11.0.0/16\n');
    expect(yaml.definitions.map((d) => [d.kind, d.value, d.place.line])).toEqual([
      ['namespace', 'prod', 1],
      ['cidr', '10.10.0.0/16', 3],
      ['cidr', '10.11.0.0/16', 4],
    ]);
  });

  it('does not take the namespace of an ordinary manifest as a definition (it is a reference)', () => {
    const facts = collectFileFacts('k8s/overlays/staging/deploy.yaml', 'kind: Deployment\nmetadata:\n  name: api\n  namespace: prod\n');
    expect(facts.definitions).toEqual([]);
    expect(facts.tokens.find((token) => token.text === 'prod')).toMatchObject({ namespaceContext: true, key: 'namespace', place: { line: 4, column: 14 } });
  });

  it('does not take referencing keys (security-group cidr_blocks, route destinations) as definitions', () => {
    const facts = collectFileFacts(
      'infra/staging/sg.tf',
      'resource "aws_route" "r" {\n  destination_cidr_block = "10.10.0.0/16"\n}\nresource "aws_security_group_rule" "in" {\n  cidr_blocks = ["10.10.0.0/16"]\n}\n',
    );
    expect(facts.definitions).toEqual([]);
    expect(facts.tokens.filter((token) => token.text === '10.10.0.0/16').map((token) => token.block?.type)).toEqual(['aws_route', 'aws_security_group_rule']);
  });
});

describe('collectFileFacts: backends', () => {
  it('reads a backend block into one state location', () => {
    const facts = collectFileFacts(
      'infra/prod/main.tf',
      'terraform {\n  backend "s3" {\n    bucket = "acme-tfstate"\n    key    = "prod.tfstate"\n    region = "us-east-1"\n  }\n}\n',
    );
    expect(facts.backends).toEqual([
      { type: 's3', fields: { bucket: 'acme-tfstate', key: 'prod.tfstate' }, place: { path: 'infra/prod/main.tf', line: 3, column: 5 } },
    ]);
    expect(facts.definitions.map((d) => [d.kind, d.label, d.value])).toEqual([
      ['name', 'state bucket', 'acme-tfstate'],
      ['state', 'state file', 'prod.tfstate'],
    ]);
  });

  it('reads a .tfbackend file as a backend', () => {
    expect(collectFileFacts('envs/prod/backend.tfbackend', 'bucket = "s"\nkey = "k"\n').backends).toEqual([
      { type: 'file', fields: { bucket: 's', key: 'k' }, place: { path: 'envs/prod/backend.tfbackend', line: 1, column: 1 } },
    ]);
  });
});

describe('hostOf', () => {
  it.each([
    ['postgres://u:p@db.prod.internal:5432/app', 'db.prod.internal'],
    ['DB.Example.org', 'db.example.org'],
    ['10.0.0.1', undefined],
    ['localhost', undefined],
  ])('%s → %s', (value, host) => {
    expect(hostOf(value)).toBe(host);
  });
});

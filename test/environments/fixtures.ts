import type { FileMap } from '../support/memory-source.js';

/** A declared three-environment repository: production, staging and dev. */
export const DECLARED_CONFIG = `environments:
  production:
    paths: ["infra/prod/**", "k8s/overlays/prod/**", "infra/prod.tfvars"]
    identifiers:
      accounts: ["111111111111"]
      vpcs: ["vpc-0prod1234"]
      cidrs: ["10.10.0.0/16"]
      domains: ["*.prod.example.org"]
      namespaces: ["prod"]
      names: ["prod-*"]
  staging:
    paths: ["infra/staging/**", "k8s/overlays/staging/**", "infra/staging.tfvars"]
    identifiers: { accounts: ["222222222222"], cidrs: ["10.20.0.0/16"], namespaces: ["staging"] }
  dev:
    paths: ["infra/dev/**", "k8s/overlays/dev/**"]
    identifiers: { cidrs: ["10.30.0.0/16"], namespaces: ["dev"] }
`;

export function terraformModule(env: string, cidr: string, extra = ''): string {
  return `terraform {
  backend "s3" {
    bucket = "acme-tfstate"
    key    = "${env}/terraform.tfstate"
  }
}

resource "aws_vpc" "main" {
  cidr_block = "${cidr}"
}
${extra}`;
}

export const PROD_DATABASE = `
resource "aws_db_instance" "phi" {
  identifier        = "prod-phi-db"
  engine            = "postgres"
  storage_encrypted = true
}
`;

const ARTIFACT_BUCKET = `
resource "aws_s3_bucket" "artifacts" {
  bucket = "acme-artifacts"
}
`;

const DEV_NETWORK_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-staging
  namespace: dev
spec:
  podSelector: {}
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: staging
`;

export const STAGING_PEERING = `resource "aws_vpc_peering_connection" "to_prod" {
  vpc_id        = aws_vpc.main.id
  peer_vpc_id   = "vpc-0prod1234"
  peer_owner_id = "111111111111"
}
`;

/** The repository before the pull request: dev and staging already share a bucket, dev admits staging's namespace. */
export function baseRepository(): FileMap {
  return {
    '.github/hipaa-guard.yml': DECLARED_CONFIG,
    'infra/prod/main.tf': terraformModule('prod', '10.10.0.0/16', PROD_DATABASE),
    'infra/staging/main.tf': terraformModule('staging', '10.20.0.0/16', ARTIFACT_BUCKET),
    'infra/dev/main.tf': terraformModule('dev', '10.30.0.0/16', ARTIFACT_BUCKET),
    'infra/prod.tfvars': 'instance_class = "db.r6g.large"\n',
    'infra/staging.tfvars': 'instance_class = "db.t4g.medium"\n',
    'k8s/overlays/prod/kustomization.yaml': 'namespace: prod\nresources:\n  - ../../base\n',
    'k8s/overlays/staging/kustomization.yaml': 'namespace: staging\nresources:\n  - ../../base\n',
    'k8s/overlays/dev/kustomization.yaml': 'namespace: dev\nresources:\n  - ../../base\n  - networkpolicy.yaml\n',
    'k8s/overlays/dev/networkpolicy.yaml': DEV_NETWORK_POLICY,
    'k8s/base/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n',
  };
}

/** The pull request: staging points at production's database and peers with production's VPC. */
export function headRepository(): FileMap {
  const base = baseRepository();
  return {
    ...base,
    'infra/staging.tfvars': `${base['infra/staging.tfvars']}db_host = "prod-phi-db.c1a2b3.us-east-1.rds.amazonaws.com"\n`,
    'infra/staging/peering.tf': STAGING_PEERING,
  };
}

import type { EnvRuleId } from './rules.js';

/**
 * A bad and a good example per environment rule, beside the rules: the test runs each through
 * the real engine, and the docs show them. Each example is a small repository: the config and
 * the files; a bad example names the line its finding must point at.
 */
export interface EnvironmentExample {
  /** `.github/hipaa-guard.yml`; empty to infer the environments from the layout. */
  config: string;
  files: Record<string, string>;
  /** Bad examples: where the finding is, `path:line`. */
  at?: string;
}

const TWO_ENVIRONMENTS = `environments:
  production:
    paths: ["infra/prod/**"]
    identifiers: { accounts: ["111111111111"], vpcs: ["vpc-0prod1234"], cidrs: ["10.10.0.0/16"], names: ["prod-*"] }
  staging:
    paths: ["infra/staging/**"]
    identifiers: { accounts: ["222222222222"], cidrs: ["10.20.0.0/16"] }
`;

const bucket = (name: string) => `resource "aws_s3_bucket" "exports" {\n  bucket = "${name}"\n}\n`;
const backend = (key: string) => `terraform {\n  backend "s3" {\n    bucket = "acme-tfstate"\n    key    = "${key}"\n  }\n}\n`;
const ingress = (cidr: string) =>
  `resource "aws_security_group_rule" "db_in" {\n  type        = "ingress"\n  from_port   = 5432\n  to_port     = 5432\n  cidr_blocks = ["${cidr}"]\n}\n`;
const vpc = (cidr: string) => `resource "aws_vpc" "main" {\n  cidr_block = "${cidr}"\n}\n`;

export const ENV_RULE_EXAMPLES: { readonly [Id in EnvRuleId]: { bad: EnvironmentExample[]; good: EnvironmentExample[] } } = {
  'ENV-CROSS-REFERENCE': {
    bad: [
      {
        config: TWO_ENVIRONMENTS,
        files: { 'infra/staging/app.tfvars': 'reports_bucket = "arn:aws:s3:::prod-phi-reports"\n' },
        at: 'infra/staging/app.tfvars:1',
      },
    ],
    good: [{ config: TWO_ENVIRONMENTS, files: { 'infra/staging/app.tfvars': 'reports_bucket = "arn:aws:s3:::staging-reports"\n' } }],
  },
  'ENV-SHARED-RESOURCE': {
    bad: [
      {
        config: TWO_ENVIRONMENTS,
        files: { 'infra/prod/s3.tf': bucket('acme-phi-exports'), 'infra/staging/s3.tf': bucket('acme-phi-exports') },
        at: 'infra/staging/s3.tf:2',
      },
    ],
    good: [{ config: TWO_ENVIRONMENTS, files: { 'infra/prod/s3.tf': bucket('acme-phi-exports'), 'infra/staging/s3.tf': bucket('acme-staging-exports') } }],
  },
  'ENV-SHARED-STATE': {
    bad: [
      {
        config: '',
        files: { 'envs/prod/main.tf': backend('app.tfstate'), 'envs/staging/main.tf': backend('app.tfstate') },
        at: 'envs/staging/main.tf:3',
      },
    ],
    good: [{ config: '', files: { 'envs/prod/main.tf': backend('prod/app.tfstate'), 'envs/staging/main.tf': backend('staging/app.tfstate') } }],
  },
  'ENV-NETWORK-PATH': {
    bad: [{ config: TWO_ENVIRONMENTS, files: { 'infra/staging/sg.tf': ingress('10.10.0.0/16') }, at: 'infra/staging/sg.tf:5' }],
    good: [{ config: TWO_ENVIRONMENTS, files: { 'infra/staging/sg.tf': ingress('10.20.0.0/16') } }],
  },
  'ENV-CIDR-OVERLAP': {
    bad: [{ config: TWO_ENVIRONMENTS, files: { 'infra/staging/vpc.tf': vpc('10.10.0.0/20') }, at: 'infra/staging/vpc.tf:2' }],
    good: [{ config: TWO_ENVIRONMENTS, files: { 'infra/staging/vpc.tf': vpc('10.20.0.0/16') } }],
  },
  'ENV-AMBIGUOUS-PATH': {
    bad: [
      {
        config: 'environments:\n  production: { paths: ["infra/**"] }\n  staging: { paths: ["infra/staging/**"] }\n',
        files: { 'infra/staging/main.tf': vpc('10.20.0.0/16') },
        at: 'infra/staging/main.tf:1',
      },
    ],
    good: [
      {
        config: 'environments:\n  production: { paths: ["infra/prod/**"] }\n  staging: { paths: ["infra/staging/**"] }\n',
        files: { 'infra/staging/main.tf': vpc('10.20.0.0/16') },
      },
    ],
  },
};

import type { Rule, RuleExamples } from '../model/rule.js';
import { citationOf } from '../model/safeguards.js';
import { ENV_RULE_EXAMPLES, type EnvironmentExample } from './examples.js';

const ACCESS_CONTROL = { family: 'environment', safeguard: 'access-control', citation: citationOf('access-control') } as const;

export const ENV_CROSS_REFERENCE = {
  id: 'ENV-CROSS-REFERENCE',
  title: 'A file of one environment names another environment’s resource',
  severity: 'high',
  ...ACCESS_CONTROL,
  description:
    'A file that belongs to one environment references an identifier of another: an account id or ARN, a VPC id, a CIDR, a host name, a namespace, a bucket, database, secret, cluster or state file. Non-production code that reaches production data bypasses production’s access controls; production that depends on staging inherits staging’s weaker ones. Graded high when production is one side, medium between two non-production environments.',
  remediation:
    'Point the file at its own environment’s resource (a variable per environment, a per-environment tfvars or overlay). If the dependency is deliberate, document it and suppress this finding with a reason.',
} as const satisfies Rule;

export const ENV_SHARED_RESOURCE = {
  id: 'ENV-SHARED-RESOURCE',
  title: 'Two environments share one resource',
  severity: 'high',
  ...ACCESS_CONTROL,
  description:
    'Two environments declare the same bucket, data store host, database, KMS key, secret, cluster, VPC or cloud account. Whoever can act in the weaker environment then acts on the stronger one’s resource.',
  remediation: 'Give each environment its own resource (and, for production, its own account) and copy only de-identified data across.',
} as const satisfies Rule;

export const ENV_SHARED_STATE = {
  id: 'ENV-SHARED-STATE',
  title: 'Two environments share one Terraform state',
  severity: 'high',
  ...ACCESS_CONTROL,
  description:
    'Two environments configure the same Terraform backend location (bucket and key, prefix or path). A plan run for one environment then reads and rewrites the other’s state, and whoever can apply in one can destroy the other.',
  remediation: 'Give each environment its own state key, and production its own state bucket with its own access policy.',
} as const satisfies Rule;

export const ENV_NETWORK_PATH = {
  id: 'ENV-NETWORK-PATH',
  title: 'A network path connects two environments',
  severity: 'high',
  ...ACCESS_CONTROL,
  description:
    'A VPC peering connection, transit gateway attachment, security-group or firewall rule, network ACL, route or Kubernetes NetworkPolicy in one environment admits or reaches another environment’s VPC, CIDR, account or namespace. Environments that can reach each other are one environment for an attacker.',
  remediation: 'Remove the peering, attachment or rule. Move data between environments through a reviewed, one-way export instead of a network path.',
} as const satisfies Rule;

export const ENV_CIDR_OVERLAP = {
  id: 'ENV-CIDR-OVERLAP',
  title: 'Two environments use overlapping address ranges',
  severity: 'medium',
  ...ACCESS_CONTROL,
  description:
    'Network ranges of two environments overlap. Rules written as “admit this environment’s CIDR” then admit the other environment too, and the ranges cannot be told apart in logs or firewalls.',
  remediation: 'Give every environment a disjoint address range and renumber the one that overlaps.',
} as const satisfies Rule;

export const ENV_AMBIGUOUS_PATH = {
  id: 'ENV-AMBIGUOUS-PATH',
  title: 'A file belongs to two environments',
  severity: 'medium',
  ...ACCESS_CONTROL,
  description:
    'The `paths` globs of two or more environments match the same file, so hipaa-guard cannot tell which environment it configures, and does not check it for separation until exactly one does.',
  remediation: 'Narrow the `paths` globs in `.github/hipaa-guard.yml` (or move the file) so that exactly one environment claims it.',
} as const satisfies Rule;

const RULES = [ENV_CROSS_REFERENCE, ENV_SHARED_RESOURCE, ENV_SHARED_STATE, ENV_NETWORK_PATH, ENV_CIDR_OVERLAP, ENV_AMBIGUOUS_PATH] as const;

export type EnvRuleId = (typeof RULES)[number]['id'];

/** An environment rule: its metadata and its bad and good example repositories (./examples.ts). */
export type EnvironmentRule = Rule<EnvironmentExample> & { id: EnvRuleId; examples: RuleExamples<EnvironmentExample> };

export const ENV_RULES: readonly EnvironmentRule[] = RULES.map((rule) => ({ ...rule, examples: ENV_RULE_EXAMPLES[rule.id] }));

/** Every infrastructure rule. A rule family registers with one line here. */
import { KUBERNETES_RULES } from '../kubernetes/rules.js';
import { NGINX_RULES } from '../nginx/rules.js';
import type { InfraRule } from '../rule.js';
import { ACCESS_RULES, S3_ACCESS_RULES } from './aws-access.js';
import { AUDIT_RULES } from './aws-audit.js';
import { DATA_RULES } from './aws-data.js';
import { LOAD_BALANCING_RULES } from './aws-load-balancing.js';
import { GCP_AZURE_RULES } from './gcp-azure.js';

export const INFRA_RULES: readonly InfraRule[] = [
  ...LOAD_BALANCING_RULES,
  ...DATA_RULES,
  ...AUDIT_RULES,
  ...ACCESS_RULES,
  ...S3_ACCESS_RULES,
  ...GCP_AZURE_RULES,
  ...KUBERNETES_RULES,
  ...NGINX_RULES,
];

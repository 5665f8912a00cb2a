/** Every Kubernetes rule, in docs order. */
import type { InfraRule } from '../rule.js';
import { AWS_LOAD_BALANCER_RULES } from './aws-load-balancer-rules.js';
import { INGRESS_RULES } from './ingress-rules.js';
import { NETWORK_POLICY_RULES } from './network-policy-rules.js';

export const KUBERNETES_RULES: readonly InfraRule[] = [...INGRESS_RULES, ...AWS_LOAD_BALANCER_RULES, ...NETWORK_POLICY_RULES];

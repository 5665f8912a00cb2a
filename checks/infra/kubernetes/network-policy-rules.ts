/** Kubernetes NetworkPolicy: the namespace's default deny, and ingress opened to every address. */
import type { InfraResource } from '../model.js';
import { valueAt, type InfraRule, type Verdict } from '../rule.js';
import { isAnywhere } from '../rules/support.js';
import { DEFAULT_DENY } from './example-manifests.js';

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `podSelector: {}` (or absent): every pod of the namespace. */
function isEmptySelector(selector: unknown): boolean {
  const labels = valueAt(selector, ['matchLabels']);
  const hasLabels = labels !== null && typeof labels === 'object' && Object.keys(labels).length > 0;
  return !hasLabels && list(valueAt(selector, ['matchExpressions'])).length === 0;
}

/** `policyTypes`, or the API's default: Ingress, plus Egress when egress rules are present. */
function policyTypes(resource: InfraResource): string[] {
  const declared = valueAt(resource.values, ['spec', 'policyTypes']);
  if (Array.isArray(declared)) return declared.map(String);
  return valueAt(resource.values, ['spec', 'egress']) === undefined ? ['Ingress'] : ['Ingress', 'Egress'];
}

/**
 * A namespace-wide (`podSelector: {}`) Ingress policy passes while every ingress rule names its
 * sources; a rule without `from` admits every source and undoes the default deny.
 */
function checkDefaultDeny(resource: InfraResource): Verdict | undefined {
  if (!isEmptySelector(valueAt(resource.values, ['spec', 'podSelector'])) || !policyTypes(resource).includes('Ingress')) return undefined;
  const rules = list(valueAt(resource.values, ['spec', 'ingress']));
  const open = rules.findIndex((rule) => list(valueAt(rule, ['from'])).length === 0);
  if (open < 0) return { verdict: 'pass', path: ['spec', 'podSelector'], actual: rules.length ? 'deny unless a rule names the source' : 'deny all ingress' };
  return {
    verdict: 'fail',
    path: ['spec', 'ingress', open],
    actual: 'allow from every source',
    expected: 'every ingress rule lists its sources (from)',
    message: `ingress rule ${open + 1} has no "from", so every pod of the namespace accepts traffic from any source; expected a default deny (no ingress rules) or rules that name their sources`,
  };
}

const defaultDenyRemoved: InfraRule = {
  id: 'K8S-NETPOL-DEFAULT-DENY-REMOVED',
  title: 'Namespace default-deny NetworkPolicy removed or opened',
  family: 'kubernetes',
  severity: 'high',
  safeguard: 'access-control',
  description:
    "A NetworkPolicy that selects every pod of its namespace (`podSelector: {}`) with `policyTypes: [Ingress]` and no ingress rules is the namespace's default deny: only traffic another policy allows gets in. Deleting it (`removed`), or adding an ingress rule without `from`, lets any pod or address reach every workload, including those holding PHI.",
  remediation:
    'Keep a default-deny policy in each namespace (`podSelector: {}`, `policyTypes: [Ingress]`, no `ingress`) and allow traffic with narrower policies that name their sources.',
  formats: ['kubernetes'],
  resourceTypes: ['NetworkPolicy'],
  check: checkDefaultDeny,
  safeguardTypes: [{ type: 'NetworkPolicy' }],
  examples: {
    // Deleting the policy is reported too (`safeguardTypes`), at its lines in the base version, where no ignore comment at head can reach.
    bad: [{ path: 'k8s/network-policies.yaml', line: 10, text: `${DEFAULT_DENY}  ingress:\n    - {}\n` }],
    good: [{ path: 'k8s/network-policies.yaml', text: DEFAULT_DENY }],
  },
};

/** A policy admitting one partner range, as the examples write it; `from` peers can be appended. */
const ALLOW_PARTNERS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-partners
  namespace: phi
spec:
  podSelector:
    matchLabels: {app: api}
  policyTypes: [Ingress]
  ingress:
    - from:
        - ipBlock:
            cidr: 203.0.113.0/24
`;

function checkOpenToWorld(resource: InfraResource): Verdict | undefined {
  const rules = list(valueAt(resource.values, ['spec', 'ingress']));
  if (!rules.length) return undefined;
  for (const [ruleIndex, rule] of rules.entries()) {
    for (const [peerIndex, peer] of list(valueAt(rule, ['from'])).entries()) {
      const cidr = valueAt(peer, ['ipBlock', 'cidr']);
      if (typeof cidr === 'string' && isAnywhere(cidr)) {
        return {
          verdict: 'fail',
          path: ['spec', 'ingress', ruleIndex, 'from', peerIndex, 'ipBlock', 'cidr'],
          actual: cidr,
          expected: 'source ranges narrower than 0.0.0.0/0 and ::/0',
          message: `ingress rule ${ruleIndex + 1} admits ipBlock ${cidr}, every address; expected the networks that need access`,
        };
      }
    }
  }
  return { verdict: 'pass', path: ['spec', 'ingress'], actual: 'named sources' };
}

const networkPolicyOpenToWorld: InfraRule = {
  id: 'K8S-NETPOL-OPEN-TO-WORLD',
  title: 'NetworkPolicy opened to every address',
  family: 'kubernetes',
  severity: 'high',
  safeguard: 'access-control',
  description:
    "An ingress rule of a NetworkPolicy now admits `ipBlock` `0.0.0.0/0` or `::/0`: the selected pods accept connections from any address the cluster network routes to them. Reported only as a change (`weakened`): a policy written open from the start (an ingress controller's, say) is a design decision.",
  remediation: 'List the CIDRs that need access in `ipBlock.cidr`, or select peers with `podSelector` / `namespaceSelector`.',
  formats: ['kubernetes'],
  resourceTypes: ['NetworkPolicy'],
  check: checkOpenToWorld,
  strength: (value) => (isAnywhere(value) ? 0 : 1),
  onlyChanges: ['weakened', 'removed'],
  examples: {
    bad: [{ path: 'k8s/allow-partners.yaml', line: 15, before: ALLOW_PARTNERS, text: `${ALLOW_PARTNERS}        - ipBlock:\n            cidr: 0.0.0.0/0\n` }],
    good: [{ path: 'k8s/allow-partners.yaml', text: ALLOW_PARTNERS }],
  },
};

export const NETWORK_POLICY_RULES: readonly InfraRule[] = [defaultDenyRemoved, networkPolicyOpenToWorld];

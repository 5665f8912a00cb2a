/**
 * Builders for the rules' example manifests. Each places the lines it is given at a fixed,
 * documented line, so an example's `line` reads off the builder.
 */

function indent(lines: readonly string[], spaces: number): string {
  return lines.map((line) => `${' '.repeat(spaces)}${line}\n`).join('');
}

/** `metadata` named `name`, on lines 3-4, and its annotations from line 5 (the n-th on line 5 + n). */
function metadata(name: string, annotations: readonly string[]): string {
  const block = annotations.length ? `  annotations:\n${indent(annotations, 4)}` : '';
  return `metadata:\n  name: ${name}\n${block}`;
}

/** An ALB Ingress `portal`: the n-th annotation stands on line 5 + n (the first on line 6). */
export function albIngress(annotations: readonly string[]): string {
  return `apiVersion: networking.k8s.io/v1\nkind: Ingress\n${metadata('portal', annotations)}spec:\n  ingressClassName: alb\n`;
}

/** A `type: LoadBalancer` Service `api` on `port`: the n-th annotation on line 5 + n; without annotations `type` is on line 6 and `port` on line 8. */
export function loadBalancerService(annotations: readonly string[], port: number): string {
  return `apiVersion: v1\nkind: Service\n${metadata('api', annotations)}spec:\n  type: LoadBalancer\n  ports:\n    - port: ${port}\n      targetPort: 8080\n`;
}

/** The ingress-nginx controller ConfigMap: the n-th data entry stands on line 6 + n (the first on line 7). */
export function controllerConfigMap(data: readonly string[]): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ingress-nginx-controller\n  namespace: ingress-nginx\ndata:\n${indent(data, 2)}`;
}

/**
 * An ingress-nginx Ingress `portal` with TLS for portal.example.org: the n-th annotation on
 * line 5 + n; its last line is the `portal.example.org` rule (line 11 without annotations), so
 * more rules can be appended.
 */
export function nginxIngress(annotations: readonly string[]): string {
  return `apiVersion: networking.k8s.io/v1\nkind: Ingress\n${metadata('portal', annotations)}spec:\n  ingressClassName: nginx\n  tls:\n    - hosts: [portal.example.org]\n      secretName: portal-tls\n  rules:\n    - host: portal.example.org\n`;
}

/** The `phi` namespace's default-deny NetworkPolicy (8 lines): ingress rules can be appended. */
export const DEFAULT_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: phi
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

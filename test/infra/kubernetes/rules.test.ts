import { describe, expect, it } from 'vitest';
import { analyzeInfra } from '../../../checks/infra/evaluate.js';
import { albIngress, controllerConfigMap, DEFAULT_DENY, loadBalancerService, nginxIngress } from '../../../checks/infra/kubernetes/example-manifests.js';
import { KUBERNETES_RULES } from '../../../checks/infra/kubernetes/rules.js';
import { findingChange } from '../../support/infra-findings.js';

const NOW = new Date('2026-01-15T00:00:00Z');
const PATH = 'k8s/app.yaml';

/** Runs one Kubernetes rule on one file at base (optional) and head. */
function scan(ruleId: string, head: string, base?: string) {
  const rules = KUBERNETES_RULES.filter((rule) => rule.id === ruleId);
  if (rules.length !== 1) throw new Error(`no rule ${ruleId}`);
  return analyzeInfra({
    base: base === undefined ? [] : [{ path: PATH, text: base }],
    head: [{ path: PATH, text: head }],
    rules,
    now: NOW,
  });
}

async function findings(ruleId: string, head: string, base?: string) {
  return (await scan(ruleId, head, base)).findings.map(findingChange);
}

describe('Ingress TLS (K8S-INGRESS-NO-TLS)', () => {
  it('Given a wildcard TLS entry, then it covers one label below it but not two', async () => {
    const text = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: portal
spec:
  tls:
    - hosts: ["*.example.org"]
  rules:
    - host: api.example.org
    - host: deep.api.example.org
`;

    expect(await findings('K8S-INGRESS-NO-TLS', text)).toEqual([{ change: 'introduced', line: 10, before: undefined, after: undefined }]);
  });

  it('Given a catch-all rule without host and no TLS, then the rule itself is reported', async () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: any\nspec:\n  rules:\n    - http:\n        paths: []\n';
    const result = await scan('K8S-INGRESS-NO-TLS', text);

    expect(result.findings.map((finding) => [finding.location.kind === 'file' && finding.location.startLine, finding.message])).toEqual([
      [7, expect.stringContaining('rule host (any host) has no spec.tls entry')],
    ]);
  });

  it('Given a GKE Ingress with managed certificates by annotation, then its hosts count as covered', async () => {
    const text =
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    networking.gke.io/managed-certificates: web-cert\nspec:\n  rules:\n    - host: web.example.org\n';

    expect(await findings('K8S-INGRESS-NO-TLS', text)).toEqual([]);
  });

  it('Given an ALB Ingress whose listen-ports is not JSON, then the verdict is unknown, not a pass or a fail', async () => {
    const result = await scan('K8S-INGRESS-NO-TLS', albIngress(["alb.ingress.kubernetes.io/listen-ports: '[HTTPS: 443'"]));

    expect(result.findings).toEqual([]);
    expect(result.unknown.map((outcome) => outcome.message)).toEqual([expect.stringContaining('listen-ports [HTTPS: 443 (not a JSON list')]);
  });

  it('Given an ALB Ingress with a certificate and no listen-ports, then the controller default (HTTPS) passes', async () => {
    expect(
      await findings('K8S-INGRESS-NO-TLS', albIngress(['alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/x'])),
    ).toEqual([]);
  });
});

describe('ingress-nginx settings', () => {
  it('Given ssl-redirect "false" but force-ssl-redirect "true", then plain HTTP is still redirected', async () => {
    const text = nginxIngress(['nginx.ingress.kubernetes.io/ssl-redirect: "false"', 'nginx.ingress.kubernetes.io/force-ssl-redirect: "true"']);

    expect(await findings('K8S-INGRESS-SSL-REDIRECT-OFF', text)).toEqual([]);
  });

  it('Given ssl-redirect turned off on an Ingress that had it, then it is weakened from ssl-redirect to off', async () => {
    const result = await findings(
      'K8S-INGRESS-SSL-REDIRECT-OFF',
      nginxIngress(['nginx.ingress.kubernetes.io/ssl-redirect: "false"']),
      nginxIngress(['nginx.ingress.kubernetes.io/ssl-redirect: "true"']),
    );

    expect(result).toEqual([{ change: 'weakened', line: 6, before: 'ssl-redirect', after: 'off' }]);
  });

  it('Given force-ssl-redirect deleted from an Ingress with ssl-redirect "false", then it is weakened (the default, no forced redirect, applies), not removed', async () => {
    const base = nginxIngress(['nginx.ingress.kubernetes.io/ssl-redirect: "false"', 'nginx.ingress.kubernetes.io/force-ssl-redirect: "true"']);
    const head = nginxIngress(['nginx.ingress.kubernetes.io/ssl-redirect: "false"']);

    expect(await findings('K8S-INGRESS-SSL-REDIRECT-OFF', head, base)).toEqual([{ change: 'weakened', line: 6, before: 'force-ssl-redirect', after: 'off' }]);
  });

  it('Given an HSTS max-age shortened between two failing values, then it is weakened; lengthened, it is existing', async () => {
    const month = controllerConfigMap(['hsts-max-age: "2592000"']);
    const day = controllerConfigMap(['hsts-max-age: "86400"']);

    expect(await findings('K8S-INGRESS-NGINX-HSTS-WEAK', day, month)).toEqual([{ change: 'weakened', line: 7, before: '2592000', after: '86400' }]);
    expect(await findings('K8S-INGRESS-NGINX-HSTS-WEAK', month, day)).toEqual([{ change: 'existing', line: 7, before: undefined, after: undefined }]);
  });

  it("Given a ConfigMap that is not the ingress-nginx controller's, then its keys are not judged", async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-settings\ndata:\n  mode: fast\n';

    expect(await findings('K8S-INGRESS-NGINX-LEGACY-PROTOCOLS', text)).toEqual([]);
  });

  it('Given weak ssl-ciphers removed again, then the change is a strengthening', async () => {
    const result = await scan(
      'K8S-INGRESS-NGINX-WEAK-CIPHERS',
      controllerConfigMap(['ssl-ciphers: "HIGH:!aNULL"']),
      controllerConfigMap(['ssl-ciphers: "HIGH:RC4"']),
    );

    expect(result.findings).toEqual([]);
    expect(result.strengthened.map((entry) => entry.ruleId)).toEqual(['K8S-INGRESS-NGINX-WEAK-CIPHERS']);
  });

  it('Given an Ingress without client certificates, then the mTLS rule does not apply', async () => {
    expect(await findings('K8S-INGRESS-MTLS-WEAKENED', nginxIngress(['nginx.ingress.kubernetes.io/ssl-redirect: "true"']))).toEqual([]);
  });
});

describe('AWS load balancers', () => {
  it('Given a Service of the AWS Load Balancer Controller without a scheme, then it is internal by default', async () => {
    const base = loadBalancerService(['service.beta.kubernetes.io/aws-load-balancer-type: external'], 443);
    const head = loadBalancerService(
      ['service.beta.kubernetes.io/aws-load-balancer-type: external', 'service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing'],
      443,
    );

    expect(await findings('K8S-AWS-LB-INTERNET-FACING', base, base)).toEqual([]);
    expect(await findings('K8S-AWS-LB-INTERNET-FACING', head, base)).toEqual([{ change: 'weakened', line: 7, before: 'internal', after: 'internet-facing' }]);
  });

  it('Given a new internet-facing ALB, then nothing is reported: only a change to internet-facing is', async () => {
    expect(await findings('K8S-AWS-LB-INTERNET-FACING', albIngress(['alb.ingress.kubernetes.io/scheme: internet-facing']))).toEqual([]);
  });

  it('Given the TLS policy changed to a weaker one, then it is weakened with both policy names', async () => {
    const https = [`alb.ingress.kubernetes.io/listen-ports: '[{"HTTPS": 443}]'`];
    const result = await findings(
      'K8S-AWS-LB-TLS-POLICY',
      albIngress([...https, 'alb.ingress.kubernetes.io/ssl-policy: ELBSecurityPolicy-TLS-1-0-2015-04']),
      albIngress([...https, 'alb.ingress.kubernetes.io/ssl-policy: ELBSecurityPolicy-TLS13-1-2-2021-06']),
    );

    expect(result).toEqual([{ change: 'weakened', line: 7, before: 'ELBSecurityPolicy-TLS13-1-2-2021-06', after: 'ELBSecurityPolicy-TLS-1-0-2015-04' }]);
  });

  it('Given an ALB with HTTP only, then the TLS policy rule does not apply (K8S-INGRESS-NO-TLS does)', async () => {
    expect(await findings('K8S-AWS-LB-TLS-POLICY', albIngress([`alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 80}]'`]))).toEqual([]);
  });

  it('Given access logs turned off in load-balancer-attributes, then K8S-ALB-ACCESS-LOGS-OFF reports it weakened', async () => {
    const result = await findings(
      'K8S-ALB-ACCESS-LOGS-OFF',
      albIngress(['alb.ingress.kubernetes.io/load-balancer-attributes: access_logs.s3.enabled=false']),
      albIngress(['alb.ingress.kubernetes.io/load-balancer-attributes: access_logs.s3.enabled=true,access_logs.s3.bucket=logs']),
    );

    expect(result).toEqual([{ change: 'weakened', line: 6, before: 'true', after: 'false' }]);
  });

  it('Given an internal ALB without inbound-cidrs, then it is not opened to the world (the VPC is the default)', async () => {
    expect(
      await findings(
        'K8S-ALB-INBOUND-CIDRS-OPEN',
        albIngress(['alb.ingress.kubernetes.io/scheme: internal']),
        albIngress(['alb.ingress.kubernetes.io/scheme: internal']),
      ),
    ).toEqual([]);
  });

  it('Given a certificate limited to port 443 by ssl-ports, then port 80 is reported as plain', async () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: api
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-ssl-cert: arn:aws:acm:us-east-1:111122223333:certificate/api
    service.beta.kubernetes.io/aws-load-balancer-ssl-ports: "443"
spec:
  type: LoadBalancer
  ports:
    - port: 443
    - port: 80
`;

    expect(await findings('K8S-SERVICE-LB-NO-TLS', text)).toEqual([{ change: 'introduced', line: 12, before: undefined, after: undefined }]);
  });

  it('Given a ClusterIP Service, then the load balancer rules do not apply', async () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports:\n    - port: 80\n';

    expect(await findings('K8S-SERVICE-LB-NO-TLS', text)).toEqual([]);
    expect(await findings('K8S-AWS-LB-INTERNET-FACING', text)).toEqual([]);
  });
});

describe('NetworkPolicy', () => {
  it('Given the default-deny policy deleted, then K8S-NETPOL-DEFAULT-DENY-REMOVED reports it removed at its base lines', async () => {
    const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: phi\n';
    const result = await scan('K8S-NETPOL-DEFAULT-DENY-REMOVED', namespace, `${namespace}---\n${DEFAULT_DENY}`);

    expect(result.findings.map((finding) => [finding.change, finding.location, finding.message])).toEqual([
      ['removed', { kind: 'file', path: PATH, startLine: 6, endLine: 13 }, 'NetworkPolicy/phi/default-deny was removed; it provided this safeguard'],
    ]);
  });

  it('Given a namespace-wide policy whose rules name their sources, then it still denies by default', async () => {
    const text = `${DEFAULT_DENY}  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels: {name: ingress}\n`;

    expect(await findings('K8S-NETPOL-DEFAULT-DENY-REMOVED', text, DEFAULT_DENY)).toEqual([]);
  });

  it('Given a policy that selects some pods only, or only Egress, then the default-deny rule does not apply', async () => {
    const selective = DEFAULT_DENY.replace('podSelector: {}', 'podSelector:\n    matchLabels: {app: api}').concat('  ingress:\n    - {}\n');
    const egressOnly = DEFAULT_DENY.replace('policyTypes: [Ingress]', 'policyTypes: [Egress]');

    expect(await findings('K8S-NETPOL-DEFAULT-DENY-REMOVED', selective)).toEqual([]);
    expect(await findings('K8S-NETPOL-DEFAULT-DENY-REMOVED', egressOnly)).toEqual([]);
  });

  it('Given a new policy admitting ::/0, then it is a design decision; the same added to an existing policy is weakened', async () => {
    const closed = `${DEFAULT_DENY}  ingress:\n    - from:\n        - ipBlock:\n            cidr: 10.0.0.0/8\n`;
    const open = closed.replace('10.0.0.0/8', '::/0');

    expect(await findings('K8S-NETPOL-OPEN-TO-WORLD', open)).toEqual([]);
    expect(await findings('K8S-NETPOL-OPEN-TO-WORLD', open, closed)).toEqual([{ change: 'weakened', line: 12, before: 'named sources', after: '::/0' }]);
  });

  it('Given "anywhere" spelled out in full, IPv6 or IPv4, then it is open to the world like ::/0', async () => {
    const closed = `${DEFAULT_DENY}  ingress:\n    - from:\n        - ipBlock:\n            cidr: 10.0.0.0/8\n`;
    for (const anywhere of ['0:0:0:0:0:0:0:0/0', '0000:0000:0000:0000:0000:0000:0000:0000/0', '0.0.0.0/00']) {
      expect(await findings('K8S-NETPOL-OPEN-TO-WORLD', closed.replace('10.0.0.0/8', anywhere), closed)).toEqual([
        { change: 'weakened', line: 12, before: 'named sources', after: anywhere },
      ]);
    }
  });
});

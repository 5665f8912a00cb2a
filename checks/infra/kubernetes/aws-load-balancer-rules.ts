/** AWS load balancers made from Kubernetes objects: the Load Balancer Controller's Ingress annotations and `type: LoadBalancer` Services. */
import { CITATIONS } from '../../model/safeguards.js';
import type { InfraResource } from '../model.js';
import { attributeRule, judgeValue, mustBeSet, mustBeTrue, valueAt, type AttributePath, type Expectation, type InfraRule, type Verdict } from '../rule.js';
import { elbPolicyStrength, isAnywhere, TLS12_OR_LATER } from '../rules/support.js';
import {
  ALB,
  albAttributes,
  albListenProtocols,
  albScheme,
  albServesHttps,
  annotation,
  annotationPath,
  AWS_SERVICE,
  isAlbIngress,
  isLoadBalancerService,
  scalarText,
  serviceScheme,
  serviceTerminatesTls,
} from './annotations.js';
import { albIngress, loadBalancerService } from './example-manifests.js';

const family = 'kubernetes';

// Annotations the examples share.
const HTTPS_ONLY = `alb.ingress.kubernetes.io/listen-ports: '[{"HTTPS": 443}]'`;
const HTTP_AND_HTTPS = `alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 80}, {"HTTPS": 443}]'`;
const CERTIFICATE = 'alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/portal';
const REDIRECT = "alb.ingress.kubernetes.io/ssl-redirect: '443'";
const INTERNAL = 'alb.ingress.kubernetes.io/scheme: internal';
const INTERNET_FACING = 'alb.ingress.kubernetes.io/scheme: internet-facing';
const SERVICE_CERTIFICATE = 'service.beta.kubernetes.io/aws-load-balancer-ssl-cert: arn:aws:acm:us-east-1:111122223333:certificate/api';
const encryption = { family, safeguard: 'transmission-security', citation: CITATIONS.transmissionEncryption } as const;

/** What the controller and the in-tree provider apply when no policy is named. */
const DEFAULT_ELB_POLICY = 'ELBSecurityPolicy-2016-08';

const elbTls12: Expectation = {
  expected: `an ELBSecurityPolicy with ${TLS12_OR_LATER} (e.g. "ELBSecurityPolicy-TLS13-1-2-2021-06")`,
  test: (value) => (elbPolicyStrength(value) ?? 0) >= 12,
  strength: elbPolicyStrength,
};

const awsLbTlsPolicy = attributeRule({
  ...encryption,
  id: 'K8S-AWS-LB-TLS-POLICY',
  title: 'AWS load balancer from Kubernetes allows TLS older than 1.2',
  severity: 'high',
  description: `The TLS security policy of an ALB Ingress (\`alb.ingress.kubernetes.io/ssl-policy\`) or of a load balancer Service with a certificate (\`service.beta.kubernetes.io/aws-load-balancer-ssl-negotiation-policy\`) accepts TLS 1.0 or 1.1. Without the annotation AWS applies \`${DEFAULT_ELB_POLICY}\`, which does. A change to a weaker policy is reported as \`weakened\`.`,
  remediation:
    'Annotate the Ingress with `alb.ingress.kubernetes.io/ssl-policy: ELBSecurityPolicy-TLS13-1-2-2021-06` (the Service with `service.beta.kubernetes.io/aws-load-balancer-ssl-negotiation-policy`).',
  targets: [
    {
      type: 'Ingress',
      format: 'kubernetes',
      path: annotationPath(`${ALB}ssl-policy`),
      absent: DEFAULT_ELB_POLICY,
      when: (resource) => isAlbIngress(resource) && albServesHttps(resource),
    },
    {
      type: 'Service',
      format: 'kubernetes',
      path: annotationPath(`${AWS_SERVICE}aws-load-balancer-ssl-negotiation-policy`),
      absent: DEFAULT_ELB_POLICY,
      when: serviceTerminatesTls,
    },
  ],
  expect: elbTls12,
  examples: {
    bad: [
      { path: 'k8s/alb.yaml', line: 8, text: albIngress([HTTPS_ONLY, CERTIFICATE, 'alb.ingress.kubernetes.io/ssl-policy: ELBSecurityPolicy-TLS-1-1-2017-01']) },
      { path: 'k8s/service.yaml', line: 5, text: loadBalancerService([SERVICE_CERTIFICATE], 443) },
    ],
    good: [{ path: 'k8s/alb.yaml', text: albIngress([HTTPS_ONLY, CERTIFICATE, 'alb.ingress.kubernetes.io/ssl-policy: ELBSecurityPolicy-TLS13-1-2-2021-06']) }],
  },
});

const albSslRedirectMissing = attributeRule({
  ...encryption,
  id: 'K8S-ALB-SSL-REDIRECT-MISSING',
  title: 'ALB Ingress serves HTTP next to HTTPS without redirecting',
  severity: 'high',
  description:
    'An ALB Ingress listens on HTTP and HTTPS but has no `alb.ingress.kubernetes.io/ssl-redirect`, so requests that arrive on port 80 are served in clear text instead of being redirected to HTTPS.',
  remediation: "Add `alb.ingress.kubernetes.io/ssl-redirect: '443'`, or listen on HTTPS only.",
  targets: [
    {
      type: 'Ingress',
      format: 'kubernetes',
      path: annotationPath(`${ALB}ssl-redirect`),
      when: (resource) => {
        const protocols = albListenProtocols(resource);
        return isAlbIngress(resource) && protocols instanceof Set && protocols.has('HTTP') && protocols.has('HTTPS');
      },
    },
  ],
  expect: mustBeSet,
  examples: {
    bad: [{ path: 'k8s/alb.yaml', line: 5, before: albIngress([HTTP_AND_HTTPS, REDIRECT]), text: albIngress([HTTP_AND_HTTPS]) }],
    good: [{ path: 'k8s/alb.yaml', text: albIngress([HTTP_AND_HTTPS, REDIRECT]) }],
  },
});

const internal: Expectation = {
  expected: 'internal',
  test: (value) => value === 'internal',
  strength: (value) => (value === 'internal' ? 1 : value === 'internet-facing' ? 0 : undefined),
};

/** Where an ALB Ingress or load balancer Service faces. */
function checkScheme(resource: InfraResource): Verdict | undefined {
  if (isAlbIngress(resource)) return judgeValue(annotationPath(`${ALB}scheme`), albScheme(resource), internal, 'scheme');
  if (!isLoadBalancerService(resource)) return undefined;
  const { path, value } = serviceScheme(resource);
  return judgeValue(path, value, internal, 'load balancer scheme');
}

const awsLbInternetFacing: InfraRule = {
  id: 'K8S-AWS-LB-INTERNET-FACING',
  title: 'Internal load balancer from Kubernetes made internet-facing',
  family,
  severity: 'high',
  safeguard: 'access-control',
  description:
    'An ALB Ingress (`alb.ingress.kubernetes.io/scheme`) or a load balancer Service (`service.beta.kubernetes.io/aws-load-balancer-scheme`, `aws-load-balancer-internal`) that was internal now faces the internet, exposing what was reachable only inside the VPC. Reported only as a change (`weakened`, `removed`): a new internet-facing load balancer is a design decision.',
  remediation:
    'Keep `scheme: internal` (Service: `aws-load-balancer-scheme: internal`) unless exposing the service was reviewed; restrict it with `inbound-cidrs` if it must face the internet.',
  formats: ['kubernetes'],
  resourceTypes: ['Ingress', 'Service'],
  check: checkScheme,
  strength: internal.strength,
  onlyChanges: ['weakened', 'removed'],
  examples: {
    bad: [
      { path: 'k8s/alb.yaml', line: 6, before: albIngress([INTERNAL]), text: albIngress([INTERNET_FACING]) },
      {
        path: 'k8s/service.yaml',
        line: 6,
        before: loadBalancerService([`${AWS_SERVICE}aws-load-balancer-internal: "true"`], 443),
        text: loadBalancerService([], 443),
      },
    ],
    good: [{ path: 'k8s/alb.yaml', text: albIngress([INTERNAL]) }],
  },
};

function cidrsOf(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [];
}

const albInboundCidrsOpen = attributeRule({
  id: 'K8S-ALB-INBOUND-CIDRS-OPEN',
  title: 'ALB Ingress opened to the whole internet',
  family,
  severity: 'high',
  safeguard: 'access-control',
  description:
    'An internet-facing ALB Ingress whose `alb.ingress.kubernetes.io/inbound-cidrs` was restricted now admits `0.0.0.0/0` or `::/0`, explicitly or by removing the annotation (the controller then opens the listeners to everyone). Reported only as a change.',
  remediation: 'Keep `alb.ingress.kubernetes.io/inbound-cidrs` to the networks that need the service (partners, VPN, office ranges).',
  targets: [
    {
      type: 'Ingress',
      format: 'kubernetes',
      path: annotationPath(`${ALB}inbound-cidrs`),
      absent: '0.0.0.0/0, ::/0',
      when: (resource) => isAlbIngress(resource) && albScheme(resource) === 'internet-facing',
    },
  ],
  expect: {
    expected: 'only the networks that need access (no 0.0.0.0/0 or ::/0)',
    test: (value) => cidrsOf(value).length > 0 && !cidrsOf(value).some((cidr) => isAnywhere(cidr)),
    strength: (value) => (cidrsOf(value).some((cidr) => isAnywhere(cidr)) ? 0 : 1),
  },
  onlyChanges: ['weakened', 'removed'],
  examples: {
    bad: [
      {
        path: 'k8s/alb.yaml',
        line: 7,
        before: albIngress([INTERNET_FACING, 'alb.ingress.kubernetes.io/inbound-cidrs: 203.0.113.0/24']),
        text: albIngress([INTERNET_FACING, 'alb.ingress.kubernetes.io/inbound-cidrs: 203.0.113.0/24, 0.0.0.0/0']),
      },
      {
        path: 'k8s/alb.yaml',
        line: 5,
        before: albIngress([INTERNET_FACING, 'alb.ingress.kubernetes.io/inbound-cidrs: 203.0.113.0/24']),
        text: albIngress([INTERNET_FACING]),
      },
    ],
    good: [{ path: 'k8s/alb.yaml', text: albIngress([INTERNET_FACING, 'alb.ingress.kubernetes.io/inbound-cidrs: 203.0.113.0/24']) }],
  },
});

/** A rule that one `load-balancer-attributes` entry of an ALB Ingress is `true` (absent: AWS's default, false). */
function albAttributeCheck(key: string) {
  const path: AttributePath = annotationPath(`${ALB}load-balancer-attributes`);
  return (resource: InfraResource): Verdict | undefined =>
    isAlbIngress(resource) ? judgeValue(path, albAttributes(resource).get(key) ?? 'false', mustBeTrue, `load-balancer-attributes ${key}`) : undefined;
}

const albAccessLogsOff: InfraRule = {
  id: 'K8S-ALB-ACCESS-LOGS-OFF',
  title: 'ALB Ingress without access logs',
  family,
  severity: 'medium',
  safeguard: 'audit-controls',
  description:
    "The ALB of an Ingress does not write access logs (`access_logs.s3.enabled=true` in `alb.ingress.kubernetes.io/load-balancer-attributes`; AWS's default is off), so requests to systems holding PHI leave no record to examine.",
  remediation: 'Add `access_logs.s3.enabled=true,access_logs.s3.bucket=<log bucket>` to `alb.ingress.kubernetes.io/load-balancer-attributes`.',
  formats: ['kubernetes'],
  resourceTypes: ['Ingress'],
  check: albAttributeCheck('access_logs.s3.enabled'),
  strength: mustBeTrue.strength,
  examples: {
    bad: [
      {
        path: 'k8s/alb.yaml',
        line: 6,
        text: albIngress(['alb.ingress.kubernetes.io/load-balancer-attributes: access_logs.s3.enabled=false,idle_timeout.timeout_seconds=60']),
      },
    ],
    good: [
      {
        path: 'k8s/alb.yaml',
        text: albIngress(['alb.ingress.kubernetes.io/load-balancer-attributes: access_logs.s3.enabled=true,access_logs.s3.bucket=alb-logs']),
      },
    ],
  },
};

const albDropInvalidHeadersOff: InfraRule = {
  id: 'K8S-ALB-DROP-INVALID-HEADERS-OFF',
  title: 'ALB Ingress passes invalid HTTP headers',
  family,
  severity: 'medium',
  safeguard: 'integrity',
  citation: CITATIONS.transmissionIntegrity,
  description:
    'The ALB of an Ingress forwards header fields with invalid names (`routing.http.drop_invalid_header_fields.enabled` is not `true` in `alb.ingress.kubernetes.io/load-balancer-attributes`), which enables HTTP desync and request smuggling against the services behind it.',
  remediation: 'Add `routing.http.drop_invalid_header_fields.enabled=true` to `alb.ingress.kubernetes.io/load-balancer-attributes`.',
  formats: ['kubernetes'],
  resourceTypes: ['Ingress'],
  check: albAttributeCheck('routing.http.drop_invalid_header_fields.enabled'),
  strength: mustBeTrue.strength,
  examples: {
    bad: [{ path: 'k8s/alb.yaml', line: 3, text: albIngress([]) }],
    good: [
      { path: 'k8s/alb.yaml', text: albIngress(['alb.ingress.kubernetes.io/load-balancer-attributes: routing.http.drop_invalid_header_fields.enabled=true']) },
    ],
  },
};

/** TLS ports of a load balancer Service: every port is plain unless a certificate is attached (`ssl-ports` narrows which). */
function checkServiceTls(resource: InfraResource): Verdict | undefined {
  if (!isLoadBalancerService(resource)) return undefined;
  const ports = valueAt(resource.values, ['spec', 'ports']);
  const list = Array.isArray(ports) ? ports : [];
  const certificate = annotation(resource, `${AWS_SERVICE}aws-load-balancer-ssl-cert`);
  const sslPorts = (scalarText(annotation(resource, `${AWS_SERVICE}aws-load-balancer-ssl-ports`)) ?? '*').split(/[\s,]+/);
  const listed = (port: unknown) => [valueAt(port, ['port']), valueAt(port, ['name'])].some((key) => sslPorts.includes(scalarText(key) ?? ''));
  const isTls = (port: unknown) => Boolean(certificate) && (sslPorts.includes('*') || listed(port));
  // Port 443 without a certificate at the load balancer is TLS passed through to the pod.
  const plain = list.findIndex((port) => !isTls(port) && valueAt(port, ['port']) !== 443);
  if (plain < 0) return { verdict: 'pass', path: annotationPath(`${AWS_SERVICE}aws-load-balancer-ssl-cert`), actual: certificate ?? 'TLS passthrough' };
  return {
    verdict: 'fail',
    path: ['spec', 'ports', plain, 'port'],
    actual: valueAt(list[plain], ['port']) ?? null,
    expected: 'a TLS listener (aws-load-balancer-ssl-cert) or TLS passthrough on 443',
    message: `port ${scalarText(valueAt(list[plain], ['port'])) ?? '?'} of the load balancer carries plain TCP/HTTP; expected TLS at the load balancer (service.beta.kubernetes.io/aws-load-balancer-ssl-cert) or TLS passed through on port 443`,
  };
}

const serviceLoadBalancerWithoutTls: InfraRule = {
  ...encryption,
  id: 'K8S-SERVICE-LB-NO-TLS',
  title: 'Load balancer Service exposes a port without TLS',
  severity: 'high',
  description:
    'A `type: LoadBalancer` Service exposes a port that neither terminates TLS at the load balancer (`service.beta.kubernetes.io/aws-load-balancer-ssl-cert`, limited by `aws-load-balancer-ssl-ports`) nor is 443 (taken as TLS passed through to the pod), so traffic on it may cross the network in clear text.',
  remediation:
    'Attach a certificate with `service.beta.kubernetes.io/aws-load-balancer-ssl-cert` (and `aws-load-balancer-ssl-ports`), or expose only a port on which the pod itself speaks TLS.',
  formats: ['kubernetes'],
  resourceTypes: ['Service'],
  check: checkServiceTls,
  examples: {
    bad: [{ path: 'k8s/service.yaml', line: 8, text: loadBalancerService([], 80) }],
    good: [
      {
        path: 'k8s/service.yaml',
        text: loadBalancerService([SERVICE_CERTIFICATE, `${AWS_SERVICE}aws-load-balancer-ssl-negotiation-policy: ELBSecurityPolicy-TLS13-1-2-2021-06`], 443),
      },
    ],
  },
};

export const AWS_LOAD_BALANCER_RULES: readonly InfraRule[] = [
  awsLbTlsPolicy,
  albSslRedirectMissing,
  awsLbInternetFacing,
  albInboundCidrsOpen,
  albAccessLogsOff,
  albDropInvalidHeadersOff,
  serviceLoadBalancerWithoutTls,
];

/** AWS load balancers and CloudFront: TLS policies, HTTPS redirects, access logs, header hygiene, WAF, exposure. */
import { CITATIONS } from '../../model/safeguards.js';
import { isUnresolved, type InfraResource } from '../model.js';
import {
  attributeRule,
  decide,
  decideValue,
  describeValue,
  isTrue,
  isUndecided,
  judgeValue,
  mustBeTrue,
  oneOf,
  undecidedVerdict,
  valueAt,
  type Applies,
  type AttributePath,
  type Expectation,
  type InfraRule,
  type InfraRuleContext,
  type Verdict,
} from '../rule.js';
import { allOf, CLOUDFRONT_PROTOCOLS, cfn, elbPolicyStrength, itemsAt, referencedBy, refersTo, tf, tlsAtLeast, TLS12_OR_LATER } from './support.js';

const LISTENERS = ['aws_lb_listener', 'aws_alb_listener'];
const CFN_LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const CFN_LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';

const LOAD_BALANCERS = ['aws_lb', 'aws_alb'];

/**
 * A listener's protocol: as written, or, absent, what AWS applies: HTTP on an Application Load
 * Balancer (TCP when the listener's load balancer in this module is a Network Load Balancer).
 */
function listenerProtocol(resource: InfraResource, context?: InfraRuleContext): unknown {
  const key = resource.format === 'terraform' ? 'protocol' : 'Protocol';
  const written = valueAt(resource.values, [key]);
  if (written !== undefined) return written;
  const arn = valueAt(resource.values, [resource.format === 'terraform' ? 'load_balancer_arn' : 'LoadBalancerArn']);
  const balancer = context?.resources.find((candidate) => (LOAD_BALANCERS.includes(candidate.type) || candidate.type === CFN_LOAD_BALANCER) && refersTo(arn, candidate));
  const type = balancer ? valueAt(balancer.values, [balancer.format === 'terraform' ? 'load_balancer_type' : 'Type']) : undefined;
  return type === 'network' ? 'TCP' : type === 'gateway' ? 'GENEVE' : 'HTTP';
}

/** The listener's protocol is one of `protocols`; an unresolved protocol is undecided, not "does not apply". */
const protocolIs =
  (protocols: readonly string[]) =>
  (resource: InfraResource, context?: InfraRuleContext): Applies =>
    decideValue(listenerProtocol(resource, context), [resource.format === 'terraform' ? 'protocol' : 'Protocol'], (protocol) => typeof protocol === 'string' && protocols.includes(protocol.toUpperCase()));

const elbTls12: Expectation = {
  expected: `an ELBSecurityPolicy with ${TLS12_OR_LATER} (e.g. "ELBSecurityPolicy-TLS13-1-2-2021-06")`,
  test: (value) => (elbPolicyStrength(value) ?? 0) >= 12,
  strength: elbPolicyStrength,
};

export const lbListenerTlsPolicy = attributeRule({
  id: 'IAC-LB-TLS-POLICY',
  title: 'Load balancer listener allows TLS older than 1.2',
  family: 'terraform',
  severity: 'high',
  safeguard: 'transmission-security',
  citation: CITATIONS.transmissionEncryption,
  description:
    'An HTTPS or TLS listener of an Application or Network Load Balancer negotiates with the protocols of its security policy. Without `ssl_policy` AWS applies `ELBSecurityPolicy-2016-08`, which still accepts TLS 1.0 and 1.1. A change to a weaker policy is reported as `weakened` with the old and new policy.',
  remediation: 'Set `ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"` (or another TLS 1.2+ policy) on the listener.',
  targets: [
    ...LISTENERS.map((type) => tf(type, ['ssl_policy'], { absent: 'ELBSecurityPolicy-2016-08', when: protocolIs(['HTTPS', 'TLS']) })),
    cfn(CFN_LISTENER, ['SslPolicy'], { absent: 'ELBSecurityPolicy-2016-08', when: protocolIs(['HTTPS', 'TLS']) }),
  ],
  expect: elbTls12,
  examples: {
    bad: [
      {
        path: 'lb.tf',
        line: 4,
        text: `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.front.arn
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS-1-1-2017-01"
  certificate_arn   = var.certificate_arn
}
`,
      },
      {
        path: 'lb.yaml',
        line: 4,
        text: `Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      LoadBalancerArn: !Ref Front
`,
      },
    ],
    good: [
      {
        path: 'lb.tf',
        text: `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.front.arn
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn
}
`,
      },
    ],
  },
});

const redirectsToHttps: Expectation = { expected: 'a redirect to HTTPS', test: (protocol) => typeof protocol === 'string' && protocol.toUpperCase() === 'HTTPS' };

/** An HTTP listener's first default action must redirect to HTTPS (an absent protocol is HTTP on an ALB). */
function checkHttpRedirect(resource: InfraResource, context: InfraRuleContext): Verdict | undefined {
  const terraform = resource.format === 'terraform';
  const http = protocolIs(['HTTP'])(resource, context);
  if (isUndecided(http)) return undecidedVerdict(http);
  if (!http) return undefined;
  const actionPath = terraform ? ['default_action', 0] : ['DefaultActions', 0];
  const typePath = [...actionPath, terraform ? 'type' : 'Type'];
  const redirect = decide(resource, typePath, (type) => type === 'redirect');
  if (isUndecided(redirect)) return undecidedVerdict(redirect);
  const protocolPath = terraform ? [...actionPath, 'redirect', 0, 'protocol'] : [...actionPath, 'RedirectConfig', 'Protocol'];
  const protocol = valueAt(resource.values, protocolPath);
  if (redirect && (protocol !== undefined || isUnresolved(protocol))) return judgeValue(protocolPath, protocol, redirectsToHttps, 'redirect protocol');
  const type = valueAt(resource.values, typePath);
  return {
    verdict: 'fail',
    path: actionPath,
    actual: type ?? null,
    expected: 'a redirect to HTTPS',
    message: `HTTP listener's default action is ${describeValue(type)}, not a redirect to HTTPS; expected a redirect with protocol "HTTPS"`,
  };
}

export const lbHttpRedirect: InfraRule = {
  id: 'IAC-LB-HTTP-NO-REDIRECT',
  title: 'HTTP listener does not redirect to HTTPS',
  family: 'terraform',
  severity: 'high',
  safeguard: 'transmission-security',
  citation: CITATIONS.transmissionEncryption,
  description: 'A plain-HTTP listener that forwards traffic instead of redirecting it to HTTPS lets clients send PHI unencrypted.',
  remediation: 'Make the HTTP listener\'s default action `redirect` with `protocol = "HTTPS"`, `port = "443"`, `status_code = "HTTP_301"`.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: [...LISTENERS, CFN_LISTENER],
  check: checkHttpRedirect,
  examples: {
    bad: [
      {
        path: 'lb.tf',
        line: 4,
        text: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.front.arn
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
`,
      },
    ],
    good: [
      {
        path: 'lb.tf',
        text: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.front.arn
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}
`,
      },
      {
        path: 'lb.yaml',
        text: `Resources:
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig:
            Protocol: HTTPS
            StatusCode: HTTP_301
`,
      },
    ],
  },
};

/** The load balancer's type is one of `types` (absent: `application`); unresolved is undecided. */
const typeIs =
  (types: readonly string[]) =>
  (resource: InfraResource): Applies => {
    const key = resource.format === 'terraform' ? 'load_balancer_type' : 'Type';
    return decideValue(valueAt(resource.values, [key]) ?? 'application', [key], (type) => typeof type === 'string' && types.includes(type));
  };

/** A CFN `LoadBalancerAttributes` entry by key: the path of its Value; the list itself when it is unresolved or lacks the key. */
function cfnAttribute(resource: InfraResource, key: string): { path: (string | number)[]; value: unknown } {
  const attributes = valueAt(resource.values, ['LoadBalancerAttributes']);
  if (isUnresolved(attributes)) return { path: ['LoadBalancerAttributes'], value: attributes };
  const index = Array.isArray(attributes) ? attributes.findIndex((item) => valueAt(item, ['Key']) === key) : -1;
  const unresolvedItem = Array.isArray(attributes) ? attributes.findIndex((item) => isUnresolved(item) || isUnresolved(valueAt(item, ['Key']))) : -1;
  if (index < 0 && unresolvedItem >= 0) return { path: ['LoadBalancerAttributes', unresolvedItem], value: valueAt(attributes, [unresolvedItem]) };
  return index < 0 ? { path: ['LoadBalancerAttributes'], value: undefined } : { path: ['LoadBalancerAttributes', index, 'Value'], value: valueAt(attributes, [index, 'Value']) };
}

function lbAttributeRule(spec: {
  id: string;
  title: string;
  key: string;
  terraformPath: (string | number)[];
  /** Load balancer types that have the attribute. */
  types: readonly string[];
  description: string;
  remediation: string;
  severity: InfraRule['severity'];
  safeguard: InfraRule['safeguard'];
  examples: InfraRule['examples'];
}): InfraRule {
  const terraformRule = attributeRule({
    ...spec,
    family: 'terraform',
    targets: LOAD_BALANCERS.map((type) => tf(type, spec.terraformPath, { absent: false, when: typeIs(spec.types) })),
    expect: mustBeTrue,
  });
  return {
    ...terraformRule,
    formats: ['terraform', 'cloudformation'],
    resourceTypes: [...terraformRule.resourceTypes, CFN_LOAD_BALANCER],
    check: (resource, context) => {
      if (resource.format === 'terraform') return terraformRule.check(resource, context);
      const applies = typeIs(spec.types)(resource);
      if (isUndecided(applies)) return undecidedVerdict(applies);
      if (!applies) return undefined;
      const { path, value } = cfnAttribute(resource, spec.key);
      return judgeValue(path, value ?? false, mustBeTrue, spec.key);
    },
  };
}

export const lbAccessLogs = lbAttributeRule({
  id: 'IAC-LB-ACCESS-LOGS',
  title: 'Load balancer access logs are off',
  key: 'access_logs.s3.enabled',
  terraformPath: ['access_logs', 0, 'enabled'],
  types: ['application', 'network'],
  severity: 'medium',
  safeguard: 'audit-controls',
  description: 'Access logs record every request an Application Load Balancer handled (every TLS connection of a Network Load Balancer): who reached which system holding PHI, and when.',
  remediation: 'Add `access_logs { bucket = "...", enabled = true }` to the load balancer.',
  examples: {
    bad: [{ path: 'lb.tf', line: 1, text: `resource "aws_lb" "front" {\n  name                       = "front"\n  drop_invalid_header_fields = true\n}\n` }],
    good: [
      {
        path: 'lb.tf',
        text: `resource "aws_lb" "front" {\n  name = "front"\n  access_logs {\n    bucket  = "lb-logs"\n    enabled = true\n  }\n}\n`,
      },
      {
        path: 'lb.yaml',
        text: `Resources:\n  Front:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      LoadBalancerAttributes:\n        - Key: access_logs.s3.enabled\n          Value: "true"\n`,
      },
    ],
  },
});

export const lbDropInvalidHeaders = lbAttributeRule({
  id: 'IAC-LB-DROP-INVALID-HEADERS',
  title: 'Load balancer passes invalid HTTP headers through',
  key: 'routing.http.drop_invalid_header_fields.enabled',
  terraformPath: ['drop_invalid_header_fields'],
  types: ['application'],
  severity: 'low',
  safeguard: 'integrity',
  description: 'An Application Load Balancer that forwards malformed header fields exposes the application to request smuggling and header injection.',
  remediation: 'Set `drop_invalid_header_fields = true` on the load balancer.',
  examples: {
    bad: [{ path: 'lb.tf', line: 1, text: `resource "aws_lb" "front" {\n  name = "front"\n}\n` }],
    good: [{ path: 'lb.tf', text: `resource "aws_lb" "front" {\n  name                       = "front"\n  drop_invalid_header_fields = true\n}\n` }],
  },
});

const isInternetFacing = (resource: InfraResource): Applies =>
  resource.format === 'terraform' ? decide(resource, ['internal'], (internal) => !isTrue(internal)) : decide(resource, ['Scheme'], (scheme) => scheme !== 'internal');

/** WAFv2 and WAF Classic (regional) associations both put a web ACL in front of the resource. */
const wafAssociation = referencedBy(
  {
    terraform: [
      { type: 'aws_wafv2_web_acl_association', path: 'resource_arn' },
      { type: 'aws_wafregional_web_acl_association', path: 'resource_arn' },
    ],
    cloudformation: [
      { type: 'AWS::WAFv2::WebACLAssociation', path: 'ResourceArn' },
      { type: 'AWS::WAFRegional::WebACLAssociation', path: 'ResourceArn' },
    ],
  },
  'WAF web ACL association',
);

export const lbWafAssociation: InfraRule = {
  id: 'IAC-LB-WAF',
  title: 'Internet-facing Application Load Balancer has no WAF',
  family: 'terraform',
  severity: 'medium',
  safeguard: 'access-control',
  description:
    'An internet-facing Application Load Balancer without a web ACL association (WAFv2, or WAF Classic `aws_wafregional_web_acl_association`) takes every request straight to the application. The association is looked up among the resources of the same Terraform module or template; deleting it is `removed`.',
  remediation: 'Add an `aws_wafv2_web_acl_association` (CloudFormation `AWS::WAFv2::WebACLAssociation`) whose `resource_arn` is the load balancer\'s ARN.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: [...LOAD_BALANCERS, CFN_LOAD_BALANCER],
  check: (resource, context) => {
    for (const guard of [isInternetFacing, typeIs(['application'])]) {
      const applies = guard(resource);
      if (isUndecided(applies)) return undecidedVerdict(applies);
      if (!applies) return undefined;
    }
    return wafAssociation(resource, context);
  },
  examples: {
    bad: [{ path: 'lb.tf', line: 1, text: `resource "aws_lb" "front" {\n  name     = "front"\n  internal = false\n}\n` }],
    good: [
      {
        path: 'lb.tf',
        text: `resource "aws_lb" "front" {\n  name     = "front"\n  internal = false\n}\n\nresource "aws_wafv2_web_acl_association" "front" {\n  resource_arn = aws_lb.front.arn\n  web_acl_arn  = aws_wafv2_web_acl.main.arn\n}\n`,
      },
    ],
  },
};

export const lbInternetFacing = attributeRule({
  id: 'IAC-LB-INTERNET-FACING',
  title: 'Internal load balancer made internet-facing',
  family: 'terraform',
  severity: 'high',
  safeguard: 'access-control',
  description: 'A load balancer that was internal now faces the internet: systems that were reachable only inside the network are exposed. Reported only as a change (`weakened`); new internet-facing load balancers are a design decision.',
  remediation: 'Keep `internal = true` (CloudFormation `Scheme: internal`) unless exposing this service was reviewed.',
  targets: [...LOAD_BALANCERS.map((type) => tf(type, ['internal'], { absent: false })), cfn(CFN_LOAD_BALANCER, ['Scheme'], { absent: 'internet-facing' })],
  expect: { expected: 'internal', test: (value) => isTrue(value) || value === 'internal', strength: (value) => (isTrue(value) || value === 'internal' ? 1 : 0) },
  onlyChanges: ['weakened', 'removed'],
  examples: {
    bad: [{ path: 'lb.tf', line: 3, before: `resource "aws_lb" "admin" {\n  name     = "admin"\n  internal = true\n}\n`, text: `resource "aws_lb" "admin" {\n  name     = "admin"\n  internal = false\n}\n` }],
    good: [{ path: 'lb.tf', text: `resource "aws_lb" "admin" {\n  name     = "admin"\n  internal = true\n}\n` }],
  },
});

export const cloudFrontMinimumProtocol = attributeRule({
  id: 'IAC-CLOUDFRONT-TLS',
  title: 'CloudFront distribution accepts TLS older than 1.2',
  family: 'terraform',
  severity: 'high',
  safeguard: 'transmission-security',
  citation: CITATIONS.transmissionEncryption,
  description: 'The viewer certificate\'s `minimum_protocol_version` sets the oldest TLS version viewers may use; CloudFront\'s default certificate allows TLSv1.',
  remediation: 'Use your own certificate with `minimum_protocol_version = "TLSv1.2_2021"`.',
  targets: [
    tf('aws_cloudfront_distribution', ['viewer_certificate', 0, 'minimum_protocol_version'], { absent: 'TLSv1' }),
    cfn('AWS::CloudFront::Distribution', ['DistributionConfig', 'ViewerCertificate', 'MinimumProtocolVersion'], { absent: 'TLSv1' }),
  ],
  expect: tlsAtLeast(CLOUDFRONT_PROTOCOLS, CLOUDFRONT_PROTOCOLS.indexOf('TLSv1.2_2018')),
  examples: {
    bad: [
      {
        path: 'cdn.tf',
        line: 4,
        text: `resource "aws_cloudfront_distribution" "site" {\n  viewer_certificate {\n    acm_certificate_arn      = var.certificate_arn\n    minimum_protocol_version = "TLSv1.1_2016"\n  }\n}\n`,
      },
    ],
    good: [
      {
        path: 'cdn.tf',
        text: `resource "aws_cloudfront_distribution" "site" {\n  viewer_certificate {\n    acm_certificate_arn      = var.certificate_arn\n    minimum_protocol_version = "TLSv1.2_2021"\n  }\n}\n`,
      },
    ],
  },
});

const viewerProtocol = oneOf(['redirect-to-https', 'https-only'], '"redirect-to-https" or "https-only"', ['allow-all', 'redirect-to-https', 'https-only']);

/** The viewer protocol policy of the default behavior and of every ordered one. */
function viewerProtocolPaths(resource: InfraResource): AttributePath[] {
  if (resource.format === 'terraform') {
    return [['default_cache_behavior', 0, 'viewer_protocol_policy'], ...itemsAt(resource, ['ordered_cache_behavior']).map(({ path }) => [...path, 'viewer_protocol_policy'])];
  }
  const config = ['DistributionConfig'];
  return [[...config, 'DefaultCacheBehavior', 'ViewerProtocolPolicy'], ...itemsAt(resource, [...config, 'CacheBehaviors']).map(({ path }) => [...path, 'ViewerProtocolPolicy'])];
}

export const cloudFrontViewerProtocol: InfraRule = {
  id: 'IAC-CLOUDFRONT-HTTP',
  title: 'CloudFront cache behavior allows plain HTTP',
  family: 'terraform',
  severity: 'high',
  safeguard: 'transmission-security',
  citation: CITATIONS.transmissionEncryption,
  description: '`viewer_protocol_policy = "allow-all"` on the default or any ordered cache behavior serves that content over plain HTTP.',
  remediation: 'Set `viewer_protocol_policy = "redirect-to-https"` or `"https-only"` on every cache behavior.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: ['aws_cloudfront_distribution', 'AWS::CloudFront::Distribution'],
  strength: viewerProtocol.strength,
  check: (resource) => allOf(resource, viewerProtocolPaths(resource).map((path) => ({ path, expect: viewerProtocol }))),
  examples: {
    bad: [
      { path: 'cdn.tf', line: 3, text: `resource "aws_cloudfront_distribution" "site" {\n  default_cache_behavior {\n    viewer_protocol_policy = "allow-all"\n  }\n}\n` },
      {
        path: 'cdn.tf.json',
        line: 6,
        text: `{\n  "resource": {\n    "aws_cloudfront_distribution": {\n      "site": {\n        "default_cache_behavior": {\n          "viewer_protocol_policy": "allow-all"\n        }\n      }\n    }\n  }\n}\n`,
      },
      {
        path: 'cdn.tf',
        line: 7,
        text: `resource "aws_cloudfront_distribution" "site" {\n  default_cache_behavior {\n    viewer_protocol_policy = "https-only"\n  }\n  ordered_cache_behavior {\n    path_pattern           = "/legacy/*"\n    viewer_protocol_policy = "allow-all"\n  }\n}\n`,
      },
    ],
    good: [{ path: 'cdn.tf', text: `resource "aws_cloudfront_distribution" "site" {\n  default_cache_behavior {\n    viewer_protocol_policy = "redirect-to-https"\n  }\n}\n` }],
  },
};

export const LOAD_BALANCING_RULES: readonly InfraRule[] = [
  lbListenerTlsPolicy,
  lbHttpRedirect,
  lbAccessLogs,
  lbDropInvalidHeaders,
  lbWafAssociation,
  lbInternetFacing,
  cloudFrontMinimumProtocol,
  cloudFrontViewerProtocol,
];

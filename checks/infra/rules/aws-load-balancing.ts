/** AWS load balancers and CloudFront: TLS policies, HTTPS redirects, access logs, header hygiene, WAF, exposure. */
import { isUnresolved, type InfraResource } from '../model.js';
import {
  attributeName,
  attributeRule,
  decide,
  decideValue,
  describeValue,
  isTrue,
  isUndecided,
  judgeValue,
  mustBeFalse,
  mustBeSet,
  mustBeTrue,
  oneOf,
  refersTo,
  undecidedVerdict,
  valueAt,
  verdictList,
  type Applies,
  type AttributePath,
  type Expectation,
  type InfraRule,
  type InfraRuleContext,
  type Verdict,
} from '../rule.js';
import {
  allOf,
  CLOUDFRONT_PROTOCOLS,
  cfn,
  elbPolicyStrength,
  itemsAt,
  referencedBy,
  referencing,
  tf,
  tlsAtLeast,
  TLS12_OR_LATER,
  IN_TRANSIT,
} from './support.js';

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
  const balancer = context?.resources.find(
    (candidate) => (LOAD_BALANCERS.includes(candidate.type) || candidate.type === CFN_LOAD_BALANCER) && refersTo(arn, candidate),
  );
  const type = balancer ? valueAt(balancer.values, [balancer.format === 'terraform' ? 'load_balancer_type' : 'Type']) : undefined;
  return type === 'network' ? 'TCP' : type === 'gateway' ? 'GENEVE' : 'HTTP';
}

/** The listener's protocol is one of `protocols`; an unresolved protocol is undecided, not "does not apply". */
const protocolIs =
  (protocols: readonly string[]) =>
  (resource: InfraResource, context?: InfraRuleContext): Applies =>
    decideValue(
      listenerProtocol(resource, context),
      [resource.format === 'terraform' ? 'protocol' : 'Protocol'],
      (protocol) => typeof protocol === 'string' && protocols.includes(protocol.toUpperCase()),
    );

const elbTls12: Expectation = {
  expected: `an ELBSecurityPolicy with ${TLS12_OR_LATER} (e.g. "ELBSecurityPolicy-TLS13-1-2-2021-06")`,
  test: (value) => (elbPolicyStrength(value) ?? 0) >= 12,
  strength: elbPolicyStrength,
};

export const lbListenerTlsPolicy = attributeRule({
  id: 'IAC-LB-TLS-POLICY',
  title: 'Load balancer listener allows TLS older than 1.2',
  ...IN_TRANSIT,
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

const redirectsToHttps: Expectation = {
  expected: 'a redirect to HTTPS',
  test: (protocol) => typeof protocol === 'string' && protocol.toUpperCase() === 'HTTPS',
};

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
  ...IN_TRANSIT,
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
  return index < 0
    ? { path: ['LoadBalancerAttributes'], value: undefined }
    : { path: ['LoadBalancerAttributes', index, 'Value'], value: valueAt(attributes, [index, 'Value']) };
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
  description:
    'Access logs record every request an Application Load Balancer handled (every TLS connection of a Network Load Balancer): who reached which system holding PHI, and when.',
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

const lbDropInvalidHeaders = lbAttributeRule({
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
  resource.format === 'terraform'
    ? decide(resource, ['internal'], (internal) => !isTrue(internal))
    : decide(resource, ['Scheme'], (scheme) => scheme !== 'internal');

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
  remediation: "Add an `aws_wafv2_web_acl_association` (CloudFormation `AWS::WAFv2::WebACLAssociation`) whose `resource_arn` is the load balancer's ARN.",
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

const lbInternetFacing = attributeRule({
  id: 'IAC-LB-INTERNET-FACING',
  title: 'Internal load balancer made internet-facing',
  family: 'terraform',
  severity: 'high',
  safeguard: 'access-control',
  description:
    'A load balancer that was internal now faces the internet: systems that were reachable only inside the network are exposed. Reported only as a change (`weakened`); new internet-facing load balancers are a design decision.',
  remediation: 'Keep `internal = true` (CloudFormation `Scheme: internal`) unless exposing this service was reviewed.',
  targets: [...LOAD_BALANCERS.map((type) => tf(type, ['internal'], { absent: false })), cfn(CFN_LOAD_BALANCER, ['Scheme'], { absent: 'internet-facing' })],
  expect: {
    expected: 'internal',
    test: (value) => isTrue(value) || value === 'internal',
    strength: (value) => (isTrue(value) || value === 'internal' ? 1 : 0),
  },
  onlyChanges: ['weakened', 'removed'],
  examples: {
    bad: [
      {
        path: 'lb.tf',
        line: 3,
        before: `resource "aws_lb" "admin" {\n  name     = "admin"\n  internal = true\n}\n`,
        text: `resource "aws_lb" "admin" {\n  name     = "admin"\n  internal = false\n}\n`,
      },
    ],
    good: [{ path: 'lb.tf', text: `resource "aws_lb" "admin" {\n  name     = "admin"\n  internal = true\n}\n` }],
  },
});

const cloudFrontProtocolRow = attributeRule({
  id: 'IAC-CLOUDFRONT-TLS',
  title: 'CloudFront distribution accepts TLS older than 1.2',
  ...IN_TRANSIT,
  description:
    "The viewer certificate's `minimum_protocol_version` sets the oldest TLS version viewers may use. With `cloudfront_default_certificate = true` (CloudFormation `CloudFrontDefaultCertificate: true`) CloudFront fixes the security policy at TLSv1 and ignores `minimum_protocol_version`, so such a distribution is reported on that line. (Trivy counts a default-certificate distribution as passing because nothing can be changed on it; we report it, because viewers can still reach it with TLS 1.0, and the fix is a certificate of your own.)",
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
      {
        path: 'cdn.tf',
        line: 3,
        text: `resource "aws_cloudfront_distribution" "site" {\n  viewer_certificate {\n    cloudfront_default_certificate = true\n    minimum_protocol_version       = "TLSv1.2_2021"\n  }\n}\n`,
      },
      {
        path: 'cdn.yaml',
        line: 8,
        text: `Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        ViewerCertificate:\n          CloudFrontDefaultCertificate: true\n`,
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

const DEFAULT_CERTIFICATE: Record<string, AttributePath> = {
  terraform: ['viewer_certificate', 0, 'cloudfront_default_certificate'],
  cloudformation: ['DistributionConfig', 'ViewerCertificate', 'CloudFrontDefaultCertificate'],
};

const cloudFrontMinimumProtocol: InfraRule = {
  ...cloudFrontProtocolRow,
  check: (resource, context) => {
    const path = DEFAULT_CERTIFICATE[resource.format];
    const defaultCertificate = path ? decide(resource, path, isTrue) : false;
    if (isUndecided(defaultCertificate)) return undecidedVerdict(defaultCertificate);
    if (!defaultCertificate || !path) return cloudFrontProtocolRow.check(resource, context);
    return {
      verdict: 'fail',
      path,
      actual: true,
      expected: 'a certificate of your own with TLSv1.2_2021 or later',
      message: `${attributeName(path)} is true: the default certificate fixes the security policy at TLSv1, whatever minimum_protocol_version says; expected a certificate of your own with "TLSv1.2_2021" or later (${TLS12_OR_LATER})`,
    };
  },
};

const viewerProtocol = oneOf(['redirect-to-https', 'https-only'], '"redirect-to-https" or "https-only"', ['allow-all', 'redirect-to-https', 'https-only']);

/** The viewer protocol policy of the default behavior and of every ordered one. */
function viewerProtocolPaths(resource: InfraResource): AttributePath[] {
  if (resource.format === 'terraform') {
    return [
      ['default_cache_behavior', 0, 'viewer_protocol_policy'],
      ...itemsAt(resource, ['ordered_cache_behavior']).map(({ path }) => [...path, 'viewer_protocol_policy']),
    ];
  }
  const config = ['DistributionConfig'];
  return [
    [...config, 'DefaultCacheBehavior', 'ViewerProtocolPolicy'],
    ...itemsAt(resource, [...config, 'CacheBehaviors']).map(({ path }) => [...path, 'ViewerProtocolPolicy']),
  ];
}

export const cloudFrontViewerProtocol: InfraRule = {
  id: 'IAC-CLOUDFRONT-HTTP',
  title: 'CloudFront cache behavior allows plain HTTP',
  ...IN_TRANSIT,
  description: '`viewer_protocol_policy = "allow-all"` on the default or any ordered cache behavior serves that content over plain HTTP.',
  remediation: 'Set `viewer_protocol_policy = "redirect-to-https"` or `"https-only"` on every cache behavior.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: ['aws_cloudfront_distribution', 'AWS::CloudFront::Distribution'],
  strength: viewerProtocol.strength,
  check: (resource) =>
    allOf(
      resource,
      viewerProtocolPaths(resource).map((path) => ({ path, expect: viewerProtocol })),
    ),
  examples: {
    bad: [
      {
        path: 'cdn.tf',
        line: 3,
        text: `resource "aws_cloudfront_distribution" "site" {\n  default_cache_behavior {\n    viewer_protocol_policy = "allow-all"\n  }\n}\n`,
      },
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
    good: [
      {
        path: 'cdn.tf',
        text: `resource "aws_cloudfront_distribution" "site" {\n  default_cache_behavior {\n    viewer_protocol_policy = "redirect-to-https"\n  }\n}\n`,
      },
    ],
  },
};

// ---------- Classic Load Balancers ----------

const CLASSIC = 'aws_elb';
const CFN_CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';
const LISTENER_PROTOCOLS = ['HTTP', 'TCP', 'SSL', 'HTTPS'];
const upper = (value: unknown) => (typeof value === 'string' ? value.toUpperCase() : '');
const SECURE_LISTENER: Expectation = {
  expected: '"HTTPS" or "SSL"',
  test: (value) => ['HTTPS', 'SSL'].includes(upper(value)),
  strength: (value) => (LISTENER_PROTOCOLS.includes(upper(value)) ? LISTENER_PROTOCOLS.indexOf(upper(value)) : undefined),
};

/** Every listener of a Classic Load Balancer that takes plain HTTP or TCP is its own verdict. */
function checkClassicListeners(resource: InfraResource): Verdict[] {
  const terraform = resource.format === 'terraform';
  const listeners = itemsAt(resource, [terraform ? 'listener' : 'Listeners']);
  const key = terraform ? 'lb_protocol' : 'Protocol';
  return allOf(
    resource,
    listeners.map(({ path }) => ({ path: [...path, key], expect: SECURE_LISTENER })),
  );
}

const classicElbListener: InfraRule = {
  id: 'IAC-ELB-CLASSIC-PLAIN-LISTENER',
  title: 'Classic Load Balancer listener without TLS',
  ...IN_TRANSIT,
  description:
    'A Classic Load Balancer (`aws_elb`, `AWS::ElasticLoadBalancing::LoadBalancer`) listener whose `lb_protocol` is `http` or `tcp` takes client traffic, PHI included, in clear text. Every such listener is its own finding.',
  remediation: 'Make every listener `lb_protocol = "https"` (or `"ssl"`) with an `ssl_certificate_id`; better, move to an Application Load Balancer.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: [CLASSIC, CFN_CLASSIC],
  strength: SECURE_LISTENER.strength,
  check: checkClassicListeners,
  examples: {
    bad: [
      {
        path: 'elb.tf',
        line: 6,
        text: `resource "aws_elb" "legacy" {\n  name = "legacy"\n  listener {\n    instance_port     = 8080\n    instance_protocol = "http"\n    lb_protocol       = "http"\n    lb_port           = 80\n  }\n}\n`,
      },
      {
        path: 'elb.yaml',
        line: 9,
        text: `Resources:\n  Legacy:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Listeners:\n        - LoadBalancerPort: "80"\n          InstancePort: "8080"\n          InstanceProtocol: HTTP\n          Protocol: HTTP\n`,
      },
    ],
    good: [
      {
        path: 'elb.tf',
        text: `resource "aws_elb" "legacy" {\n  name = "legacy"\n  listener {\n    instance_port      = 8443\n    instance_protocol  = "https"\n    lb_protocol        = "https"\n    lb_port            = 443\n    ssl_certificate_id = var.certificate_arn\n  }\n}\n`,
      },
    ],
  },
};

const classicElbAccessLogs: InfraRule = attributeRule({
  id: 'IAC-ELB-CLASSIC-ACCESS-LOGS',
  title: 'Classic Load Balancer access logs are off',
  family: 'terraform',
  severity: 'medium',
  safeguard: 'audit-controls',
  description:
    'Access logs of a Classic Load Balancer record every request it handled: who reached which system holding PHI, and when. Without an `access_logs` block (CloudFormation `AccessLoggingPolicy`) nothing is recorded; in the block, `enabled` defaults to true.',
  remediation: 'Add `access_logs { bucket = "...", enabled = true }` (CloudFormation `AccessLoggingPolicy: {Enabled: true, S3BucketName: ...}`).',
  targets: [
    tf(CLASSIC, ['access_logs', 0, 'enabled'], { absent: true, when: (resource) => valueAt(resource.values, ['access_logs']) !== undefined }),
    tf(CLASSIC, ['access_logs'], { absent: false }),
    cfn(CFN_CLASSIC, ['AccessLoggingPolicy', 'Enabled'], { absent: false }),
  ],
  expect: mustBeTrue,
  examples: {
    bad: [
      { path: 'elb.tf', line: 1, text: `resource "aws_elb" "legacy" {\n  name = "legacy"\n}\n` },
      {
        path: 'elb.yaml',
        line: 6,
        text: `Resources:\n  Legacy:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AccessLoggingPolicy:\n        Enabled: false\n        S3BucketName: elb-logs\n`,
      },
    ],
    good: [{ path: 'elb.tf', text: `resource "aws_elb" "legacy" {\n  name = "legacy"\n  access_logs {\n    bucket = "elb-logs"\n  }\n}\n` }],
  },
});

// ---------- Classic Load Balancer TLS negotiation ----------

const POLICY = 'aws_load_balancer_policy';
const LISTENER_POLICY = 'aws_load_balancer_listener_policy';
const SSL_NEGOTIATION = 'SSLNegotiationPolicyType';
/** What a Classic Load Balancer HTTPS/SSL listener negotiates with when no policy is attached to it. */
const CLASSIC_DEFAULT_POLICY = 'ELBSecurityPolicy-2016-08';
const LEGACY_PROTOCOLS = ['Protocol-SSLv2', 'Protocol-SSLv3', 'Protocol-TLSv1', 'Protocol-TLSv1.1'];

/** Each attribute of an SSL negotiation policy that allows less than TLS 1.2 is its own verdict. */
function negotiationVerdicts(resource: InfraResource, path: AttributePath, key: { name: string; value: string }): Verdict[] {
  const verdicts = itemsAt(resource, path).flatMap(({ path: itemPath, value: item }): Verdict[] => {
    const name = valueAt(item, [key.name]);
    const valuePath = [...itemPath, key.value];
    if (isUnresolved(name)) return [{ verdict: 'unknown', path: itemPath, expression: name.expression }];
    if (name === 'Reference-Security-Policy') return [judgeValue(valuePath, valueAt(item, [key.value]), elbTls12, 'Reference-Security-Policy')];
    if (typeof name === 'string' && LEGACY_PROTOCOLS.includes(name))
      return [judgeValue(valuePath, valueAt(item, [key.value]), { ...mustBeFalse, expected: `false (${TLS12_OR_LATER})` }, name)];
    return [];
  });
  const failing = verdicts.filter((verdict) => verdict.verdict !== 'pass');
  return failing.length ? failing : [verdicts.at(-1) ?? { verdict: 'pass', path, actual: 'no protocol older than TLS 1.2 enabled' }];
}

function defaultPolicyVerdict(path: AttributePath, port: unknown): Verdict {
  return {
    verdict: 'fail',
    path,
    actual: CLASSIC_DEFAULT_POLICY,
    expected: elbTls12.expected,
    message: `the ${describeValue(port)} listener has no SSL negotiation policy, so the load balancer's default ${CLASSIC_DEFAULT_POLICY} applies (TLS 1.0 and 1.1 allowed); expected ${elbTls12.expected}`,
  };
}

/** Terraform: every HTTPS/SSL listener needs an `aws_load_balancer_listener_policy` on its port, else the default policy applies. */
function terraformClassicListeners(resource: InfraResource, context: InfraRuleContext): Verdict[] {
  const attached = referencing(resource, context, [LISTENER_POLICY], ['load_balancer_name']);
  return itemsAt(resource, ['listener']).flatMap(({ path, value }): Verdict[] => {
    const protocol = valueAt(value, ['lb_protocol']);
    if (isUnresolved(protocol)) return [{ verdict: 'unknown', path: [...path, 'lb_protocol'], expression: protocol.expression }];
    if (!SECURE_LISTENER.test(protocol)) return [];
    const port = valueAt(value, ['lb_port']);
    const policy = attached.find((candidate) => {
      const policyPort = candidate.values.load_balancer_port;
      return isUnresolved(policyPort) || isUnresolved(port) || String(policyPort) === String(port);
    });
    return [policy ? { verdict: 'pass', path, actual: policy.address, providedBy: policy.address } : defaultPolicyVerdict(path, port)];
  });
}

/** CloudFormation: the load balancer's own `Policies`, and every HTTPS/SSL listener naming an SSL negotiation policy among them. */
function cloudFormationClassic(resource: InfraResource): Verdict[] {
  const verdicts: Verdict[] = [];
  const negotiation = new Set<string>();
  for (const { path, value } of itemsAt(resource, ['Policies'])) {
    const type = valueAt(value, ['PolicyType']);
    if (isUnresolved(type)) verdicts.push({ verdict: 'unknown', path: [...path, 'PolicyType'], expression: type.expression });
    if (type !== SSL_NEGOTIATION) continue;
    negotiation.add(String(valueAt(value, ['PolicyName'])));
    verdicts.push(...negotiationVerdicts(resource, [...path, 'Attributes'], { name: 'Name', value: 'Value' }));
  }
  for (const { path, value } of itemsAt(resource, ['Listeners'])) {
    const protocol = valueAt(value, ['Protocol']);
    if (isUnresolved(protocol)) verdicts.push({ verdict: 'unknown', path: [...path, 'Protocol'], expression: protocol.expression });
    if (!SECURE_LISTENER.test(protocol)) continue;
    const names = valueAt(value, ['PolicyNames']);
    if (isUnresolved(names)) verdicts.push({ verdict: 'unknown', path: [...path, 'PolicyNames'], expression: names.expression });
    else if (!(Array.isArray(names) ? names : []).some((name) => isUnresolved(name) || negotiation.has(String(name))))
      verdicts.push(defaultPolicyVerdict(path, valueAt(value, ['LoadBalancerPort'])));
  }
  const failing = verdicts.filter((verdict) => verdict.verdict !== 'pass');
  return failing.length ? failing : verdicts.slice(-1);
}

export const classicElbTlsPolicy: InfraRule = {
  id: 'IAC-ELB-CLASSIC-TLS-POLICY',
  title: 'Classic Load Balancer negotiates TLS older than 1.2',
  ...IN_TRANSIT,
  description: `A Classic Load Balancer's HTTPS and SSL listeners negotiate with an SSL negotiation policy (\`aws_load_balancer_policy\` with \`policy_type_name = "${SSL_NEGOTIATION}"\` attached by \`aws_load_balancer_listener_policy\`; CloudFormation \`Policies\` with \`PolicyType: ${SSL_NEGOTIATION}\` named in the listener's \`PolicyNames\`). A \`Reference-Security-Policy\` older than TLS 1.2, or \`Protocol-TLSv1\` / \`Protocol-TLSv1.1\` / \`Protocol-SSLv3\` set to true, lets clients negotiate broken protocols. A listener with no policy gets the load balancer's default, ${CLASSIC_DEFAULT_POLICY}, which allows TLS 1.0 and 1.1: it is reported on its listener block. A \`Reference-Security-Policy\` that is not a predefined \`ELBSecurityPolicy-…\` name is reported too: nothing shows what it allows.`,
  remediation:
    'Attach an SSL negotiation policy to every HTTPS/SSL listener with `Reference-Security-Policy = "ELBSecurityPolicy-TLS-1-2-2017-01"` (and no `Protocol-TLSv1`/`Protocol-TLSv1.1` set to true); better, move to an Application Load Balancer with a TLS 1.2 policy.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: [POLICY, CLASSIC, CFN_CLASSIC],
  strength: elbTls12.strength,
  check: (resource, context) => {
    if (resource.type === CFN_CLASSIC) return cloudFormationClassic(resource);
    if (resource.type === CLASSIC) return terraformClassicListeners(resource, context);
    const type = decide(resource, ['policy_type_name'], (value) => value === SSL_NEGOTIATION);
    if (isUndecided(type)) return undecidedVerdict(type);
    return type ? negotiationVerdicts(resource, ['policy_attribute'], { name: 'name', value: 'value' }) : undefined;
  },
  examples: {
    bad: [
      {
        path: 'elb.tf',
        line: 7,
        text: `resource "aws_load_balancer_policy" "tls" {\n  load_balancer_name = aws_elb.legacy.name\n  policy_name        = "legacy-tls"\n  policy_type_name   = "SSLNegotiationPolicyType"\n  policy_attribute {\n    name  = "Reference-Security-Policy"\n    value = "ELBSecurityPolicy-2016-08"\n  }\n}\n`,
      },
      {
        path: 'elb.tf',
        line: 3,
        text: `resource "aws_elb" "legacy" {\n  name = "legacy"\n  listener {\n    instance_port      = 8443\n    instance_protocol  = "https"\n    lb_port            = 443\n    lb_protocol        = "https"\n    ssl_certificate_id = var.certificate_arn\n  }\n}\n`,
      },
      {
        path: 'elb.yaml',
        line: 12,
        text: `Resources:\n  Legacy:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Policies:\n        - PolicyName: legacy-tls\n          PolicyType: SSLNegotiationPolicyType\n          Attributes:\n            - Name: Reference-Security-Policy\n              Value: ELBSecurityPolicy-TLS-1-2-2017-01\n            - Name: Protocol-TLSv1\n              Value: "true"\n      Listeners:\n        - LoadBalancerPort: "443"\n          InstancePort: "8443"\n          Protocol: HTTPS\n          SSLCertificateId: !Ref Certificate\n          PolicyNames: [legacy-tls]\n`,
      },
      {
        path: 'elb.yaml',
        line: 6,
        text: `Resources:\n  Legacy:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Listeners:\n        - LoadBalancerPort: "443"\n          InstancePort: "8443"\n          Protocol: HTTPS\n          SSLCertificateId: !Ref Certificate\n`,
      },
    ],
    good: [
      {
        path: 'elb.tf',
        text: `resource "aws_elb" "legacy" {\n  name = "legacy"\n  listener {\n    instance_port      = 8443\n    instance_protocol  = "https"\n    lb_port            = 443\n    lb_protocol        = "https"\n    ssl_certificate_id = var.certificate_arn\n  }\n}\n\nresource "aws_load_balancer_policy" "tls" {\n  load_balancer_name = aws_elb.legacy.name\n  policy_name        = "tls12"\n  policy_type_name   = "SSLNegotiationPolicyType"\n  policy_attribute {\n    name  = "Reference-Security-Policy"\n    value = "ELBSecurityPolicy-TLS-1-2-2017-01"\n  }\n}\n\nresource "aws_load_balancer_listener_policy" "tls" {\n  load_balancer_name = aws_elb.legacy.name\n  load_balancer_port = 443\n  policy_names       = [aws_load_balancer_policy.tls.policy_name]\n}\n`,
      },
      {
        path: 'elb.yaml',
        text: `Resources:\n  Legacy:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Policies:\n        - PolicyName: tls12\n          PolicyType: SSLNegotiationPolicyType\n          Attributes:\n            - Name: Reference-Security-Policy\n              Value: ELBSecurityPolicy-TLS-1-2-2017-01\n      Listeners:\n        - LoadBalancerPort: "443"\n          InstancePort: "8443"\n          Protocol: HTTPS\n          SSLCertificateId: !Ref Certificate\n          PolicyNames: [tls12]\n`,
      },
    ],
  },
};

// ---------- CloudFront origins, logging, WAF ----------

const DISTRIBUTION = 'aws_cloudfront_distribution';
const CFN_DISTRIBUTION = 'AWS::CloudFront::Distribution';
const originProtocol = oneOf(['https-only'], '"https-only"', ['http-only', 'match-viewer', 'https-only']);
const originSslProtocols: Expectation = {
  expected: 'TLSv1.2 only (no SSLv3, TLSv1, TLSv1.1)',
  test: (value) => Array.isArray(value) && value.length > 0 && value.every((protocol) => protocol === 'TLSv1.2'),
};

/** Each custom origin: `https-only` to the origin, and only TLS 1.2. */
function checkOrigins(resource: InfraResource): Verdict[] | undefined {
  const terraform = resource.format === 'terraform';
  const origins = itemsAt(resource, terraform ? ['origin'] : ['DistributionConfig', 'Origins']);
  const rows = origins.flatMap(({ path, value }) => {
    const configPath = terraform ? [...path, 'custom_origin_config', 0] : [...path, 'CustomOriginConfig'];
    if (valueAt(value, terraform ? ['custom_origin_config'] : ['CustomOriginConfig']) === undefined) return [];
    return [
      { path: [...configPath, terraform ? 'origin_protocol_policy' : 'OriginProtocolPolicy'], expect: originProtocol },
      {
        path: [...configPath, terraform ? 'origin_ssl_protocols' : 'OriginSSLProtocols'],
        absent: terraform ? undefined : ['TLSv1', 'SSLv3'],
        expect: originSslProtocols,
      },
    ];
  });
  return rows.length ? allOf(resource, rows) : undefined;
}

const cloudFrontOriginTls: InfraRule = {
  id: 'IAC-CLOUDFRONT-ORIGIN-TLS',
  title: 'CloudFront reaches a custom origin without TLS 1.2',
  ...IN_TRANSIT,
  description:
    'Between CloudFront and a custom origin, `origin_protocol_policy` other than `https-only` sends requests (PHI included) in clear text, and `origin_ssl_protocols` with SSLv3, TLSv1 or TLSv1.1 lets that leg negotiate a broken protocol. Every origin is judged; each failing attribute is its own finding.',
  remediation: 'Set `origin_protocol_policy = "https-only"` and `origin_ssl_protocols = ["TLSv1.2"]` in every `custom_origin_config`.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: [DISTRIBUTION, CFN_DISTRIBUTION],
  strength: originProtocol.strength,
  check: checkOrigins,
  examples: {
    bad: [
      {
        path: 'cdn.tf',
        line: 6,
        text: `resource "aws_cloudfront_distribution" "site" {\n  origin {\n    domain_name = "api.example.org"\n    origin_id   = "api"\n    custom_origin_config {\n      origin_protocol_policy = "http-only"\n      origin_ssl_protocols   = ["TLSv1.2"]\n      http_port              = 80\n      https_port             = 443\n    }\n  }\n}\n`,
      },
      {
        path: 'cdn.yaml',
        line: 11,
        text: `Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Origins:\n          - DomainName: api.example.org\n            Id: api\n            CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n              OriginSSLProtocols: [TLSv1, TLSv1.2]\n`,
      },
    ],
    good: [
      {
        path: 'cdn.tf',
        text: `resource "aws_cloudfront_distribution" "site" {\n  origin {\n    domain_name = "api.example.org"\n    origin_id   = "api"\n    custom_origin_config {\n      origin_protocol_policy = "https-only"\n      origin_ssl_protocols   = ["TLSv1.2"]\n      http_port              = 80\n      https_port             = 443\n    }\n  }\n}\n`,
      },
    ],
  },
};

const loggingConfig = attributeRule({
  id: 'IAC-CLOUDFRONT-LOGGING',
  title: 'CloudFront access logging is off',
  family: 'terraform',
  severity: 'medium',
  safeguard: 'audit-controls',
  description:
    'Access logs of a CloudFront distribution record every viewer request: who fetched which content, and when. Without `logging_config` (CloudFormation `DistributionConfig.Logging`) or a CloudWatch log delivery source for the distribution that a delivery sends somewhere (`aws_cloudwatch_log_delivery_source` + `aws_cloudwatch_log_delivery`, CloudFormation `AWS::Logs::DeliverySource` + `AWS::Logs::Delivery`: standard logging v2) in the same module or template, nothing is recorded.',
  remediation:
    'Add `logging_config { bucket = "cdn-logs.s3.amazonaws.com" }` to the distribution, or an `aws_cloudwatch_log_delivery_source` with `log_type = "ACCESS_LOGS"` for it and an `aws_cloudwatch_log_delivery` to a destination.',
  targets: [tf(DISTRIBUTION, ['logging_config', 0, 'bucket']), cfn(CFN_DISTRIBUTION, ['DistributionConfig', 'Logging', 'Bucket'])],
  expect: mustBeSet,
  examples: {
    bad: [{ path: 'cdn.tf', line: 1, text: `resource "aws_cloudfront_distribution" "site" {\n  enabled = true\n}\n` }],
    good: [
      {
        path: 'cdn.tf',
        text: `resource "aws_cloudfront_distribution" "site" {\n  enabled = true\n  logging_config {\n    bucket = "cdn-logs.s3.amazonaws.com"\n  }\n}\n`,
      },
      {
        path: 'cdn-v2.tf',
        text: `resource "aws_cloudfront_distribution" "site" {\n  enabled = true\n}\n\nresource "aws_cloudwatch_log_delivery_source" "site" {\n  name         = "site"\n  log_type     = "ACCESS_LOGS"\n  resource_arn = aws_cloudfront_distribution.site.arn\n}\n\nresource "aws_cloudwatch_log_delivery" "site" {\n  delivery_source_name     = aws_cloudwatch_log_delivery_source.site.name\n  delivery_destination_arn = aws_cloudwatch_log_delivery_destination.s3.arn\n}\n`,
      },
    ],
  },
});

const DELIVERY: Record<string, { source: string; sourceArn: string; delivery: string; sourceName: string; name: string }> = {
  terraform: {
    source: 'aws_cloudwatch_log_delivery_source',
    sourceArn: 'resource_arn',
    delivery: 'aws_cloudwatch_log_delivery',
    sourceName: 'delivery_source_name',
    name: 'name',
  },
  cloudformation: {
    source: 'AWS::Logs::DeliverySource',
    sourceArn: 'ResourceArn',
    delivery: 'AWS::Logs::Delivery',
    sourceName: 'DeliverySourceName',
    name: 'Name',
  },
};

/** Standard logging v2: a delivery source for the distribution that a delivery sends somewhere; its address. */
function logDelivery(resource: InfraResource, context: InfraRuleContext): string | undefined {
  const shape = DELIVERY[resource.format];
  if (!shape) return undefined;
  for (const source of referencing(resource, context, [shape.source], [shape.sourceArn])) {
    const name = valueAt(source.values, [shape.name]);
    const delivered = context.resources.some(
      (delivery) =>
        delivery.type === shape.delivery &&
        (refersTo(valueAt(delivery.values, [shape.sourceName]), source) || (name !== undefined && valueAt(delivery.values, [shape.sourceName]) === name)),
    );
    if (delivered) return source.address;
  }
  return undefined;
}

const cloudFrontLogging: InfraRule = {
  ...loggingConfig,
  check: (resource, context) => {
    const legacy = loggingConfig.check(resource, context);
    if (verdictList(legacy).some((verdict) => verdict.verdict !== 'fail')) return legacy;
    const source = logDelivery(resource, context);
    return source === undefined ? legacy : { verdict: 'pass', path: [], actual: source, providedBy: source };
  },
};

const cloudFrontWaf = attributeRule({
  id: 'IAC-CLOUDFRONT-WAF',
  title: 'CloudFront distribution has no WAF',
  family: 'terraform',
  severity: 'medium',
  safeguard: 'access-control',
  description: 'A CloudFront distribution without `web_acl_id` (CloudFormation `DistributionConfig.WebACLId`) passes every request to its origins unfiltered.',
  remediation: 'Set `web_acl_id` to a WAFv2 web ACL (scope `CLOUDFRONT`) ARN.',
  targets: [tf(DISTRIBUTION, ['web_acl_id']), cfn(CFN_DISTRIBUTION, ['DistributionConfig', 'WebACLId'])],
  expect: mustBeSet,
  examples: {
    bad: [{ path: 'cdn.tf', line: 1, text: `resource "aws_cloudfront_distribution" "site" {\n  enabled = true\n}\n` }],
    good: [{ path: 'cdn.tf', text: `resource "aws_cloudfront_distribution" "site" {\n  enabled    = true\n  web_acl_id = aws_wafv2_web_acl.edge.arn\n}\n` }],
  },
});

export const LOAD_BALANCING_RULES: readonly InfraRule[] = [
  lbListenerTlsPolicy,
  lbHttpRedirect,
  lbAccessLogs,
  lbDropInvalidHeaders,
  lbWafAssociation,
  lbInternetFacing,
  cloudFrontMinimumProtocol,
  cloudFrontViewerProtocol,
  classicElbListener,
  classicElbAccessLogs,
  classicElbTlsPolicy,
  cloudFrontOriginTls,
  cloudFrontLogging,
  cloudFrontWaf,
];

/** AWS access control: open security groups, public databases, S3 public access blocks, IAM `*:*`. */
import { containsUnknown, firstUnknown, isUnresolved, type InfraResource } from '../model.js';
import {
  attributeRule,
  decidePresent,
  decideValue,
  describeValue,
  isUndecided,
  judgeAttribute,
  mustBeFalse,
  mustBeTrue,
  undecidedVerdict,
  valueAt,
  type AttributePath,
  type InfraRule,
  type InfraRuleContext,
  type Verdict,
} from '../rule.js';
import { allOf, cfn, companionOf, isAnywhere, itemsAt, referencing, tf, IN_TRANSIT } from './support.js';

const WEB_PORTS = [80, 443];

interface IngressRule {
  path: AttributePath;
  /** `aws_security_group_rule` says whether it is ingress in `type`. */
  direction?: unknown;
  cidrs: unknown[];
  from: unknown;
  to: unknown;
  protocol: unknown;
}

/** Every ingress rule a resource declares, in one shape across Terraform and CloudFormation. */
function ingressRules(resource: InfraResource): IngressRule[] {
  const values = resource.values;
  const list = (value: unknown) => (Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value]);
  switch (resource.type) {
    case 'aws_security_group':
      return itemsAt(resource, ['ingress']).map(({ path, value }) => ({
        path,
        cidrs: [...list(valueAt(value, ['cidr_blocks'])), ...list(valueAt(value, ['ipv6_cidr_blocks']))],
        from: valueAt(value, ['from_port']),
        to: valueAt(value, ['to_port']),
        protocol: valueAt(value, ['protocol']),
      }));
    case 'aws_security_group_rule':
      return [
        {
          path: [],
          direction: values.type,
          cidrs: [...list(values.cidr_blocks), ...list(values.ipv6_cidr_blocks)],
          from: values.from_port,
          to: values.to_port,
          protocol: values.protocol,
        },
      ];
    case 'aws_vpc_security_group_ingress_rule':
      return [
        { path: [], cidrs: [...list(values.cidr_ipv4), ...list(values.cidr_ipv6)], from: values.from_port, to: values.to_port, protocol: values.ip_protocol },
      ];
    case 'AWS::EC2::SecurityGroup':
      return itemsAt(resource, ['SecurityGroupIngress']).map(({ path, value }) => cfnIngress(path, value));
    case 'AWS::EC2::SecurityGroupIngress':
      return [cfnIngress([], values)];
    default:
      return [];
  }
}

function cfnIngress(path: AttributePath, value: unknown): IngressRule {
  return {
    path,
    cidrs: [valueAt(value, ['CidrIp']), valueAt(value, ['CidrIpv6'])].filter((cidr) => cidr !== undefined),
    from: valueAt(value, ['FromPort']),
    to: valueAt(value, ['ToPort']),
    protocol: valueAt(value, ['IpProtocol']),
  };
}

/** Ports a rule opens beyond 80 and 443, as text; `undefined` when it opens only web ports. */
function nonWebPorts(rule: IngressRule): string | undefined {
  if (rule.protocol === '-1' || rule.protocol === -1 || rule.protocol === 'all') return 'all ports';
  const from = Number(rule.from);
  const to = Number(rule.to ?? rule.from);
  if (Number.isNaN(from) || Number.isNaN(to)) return `ports ${String(rule.from)}-${String(rule.to)}`;
  const open = [];
  for (let port = from; port <= to && open.length <= WEB_PORTS.length; port++) if (!WEB_PORTS.includes(port)) open.push(port);
  if (!open.length) return undefined;
  return from === to ? `port ${from}` : `ports ${from}-${to}`;
}

/** One ingress rule: a fail when it opens a non-web port to anywhere, unknown when a deciding value is unresolved. */
function judgeIngress(rule: IngressRule): Verdict | undefined {
  if (rule.direction !== undefined) {
    const ingress = decideValue(rule.direction, [...rule.path, 'type'], (direction) => direction === 'ingress');
    if (isUndecided(ingress)) return undecidedVerdict(ingress);
    if (!ingress) return undefined;
  }
  const open: string[] = [];
  let pending: Verdict | undefined;
  for (const cidr of rule.cidrs) {
    const anywhere = decideValue(cidr, rule.path, isAnywhere);
    if (isUndecided(anywhere)) pending ??= undecidedVerdict(anywhere);
    else if (anywhere) open.push(typeof cidr === 'string' ? cidr : (cidr as { expression: string }).expression);
  }
  if (!open.length) return pending;
  // Ports or protocol given by a reference (var.port may be 443 or 22): unknown, never a fail.
  const unresolvedPort = [rule.protocol, rule.from, rule.to].find(isUnresolved);
  if (unresolvedPort && isUnresolved(unresolvedPort)) return { verdict: 'unknown', path: rule.path, expression: unresolvedPort.expression };
  const ports = nonWebPorts(rule);
  if (!ports) return pending;
  return {
    verdict: 'fail',
    path: rule.path,
    actual: `${ports} from ${open.join(', ')}`,
    expected: 'only ports 80 and 443 open to the internet',
    message: `ingress opens ${ports} to ${open.join(' and ')}; expected only 80/443 from anywhere, other ports from known ranges`,
  };
}

/** Every ingress rule that opens a non-web port to anywhere is its own verdict. */
function checkOpenIngress(resource: InfraResource): Verdict[] | undefined {
  const rules = ingressRules(resource);
  if (!rules.length) return undefined;
  const verdicts = rules.map(judgeIngress).filter((verdict) => verdict !== undefined);
  if (!verdicts.length && rules.every((rule) => rule.direction !== undefined && rule.direction !== 'ingress' && !isUnresolved(rule.direction)))
    return undefined;
  return verdicts.length ? verdicts : [{ verdict: 'pass', path: [], actual: 'no non-web port open to the internet' }];
}

export const securityGroupOpen: InfraRule = {
  id: 'IAC-SG-OPEN-INGRESS',
  title: 'Security group opens a non-web port to the internet',
  family: 'terraform',
  severity: 'high',
  safeguard: 'access-control',
  description:
    'An ingress rule admitting every address (`0.0.0.0/0`, `::/0` or any other spelling with prefix length 0) on any port other than 80/443 (SSH, RDP, database ports…) exposes systems holding PHI to the whole internet. Every such rule of a security group is its own finding.',
  remediation: 'Restrict the source to known CIDRs or security groups, or reach the host through a bastion, SSM Session Manager or a VPN.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: [
    'aws_security_group',
    'aws_security_group_rule',
    'aws_vpc_security_group_ingress_rule',
    'AWS::EC2::SecurityGroup',
    'AWS::EC2::SecurityGroupIngress',
  ],
  check: checkOpenIngress,
  examples: {
    bad: [
      {
        path: 'network.tf',
        line: 3,
        text: `resource "aws_security_group" "db" {\n  name = "db"\n  ingress {\n    from_port   = 5432\n    to_port     = 5432\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`,
      },
      {
        path: 'network.yaml',
        line: 6,
        text: `Resources:\n  Db:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIpv6: ::/0\n`,
      },
    ],
    good: [
      {
        path: 'network.tf',
        text: `resource "aws_security_group" "web" {\n  name = "web"\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n  ingress {\n    from_port   = 5432\n    to_port     = 5432\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/16"]\n  }\n}\n`,
      },
    ],
  },
};

const publicDatabase = attributeRule({
  id: 'IAC-DB-PUBLIC',
  title: 'Database is publicly accessible',
  family: 'terraform',
  severity: 'critical',
  safeguard: 'access-control',
  description: '`publicly_accessible = true` gives the database a public address: its login prompt is one security-group rule away from the internet.',
  remediation: 'Set `publicly_accessible = false` and reach the database from inside the VPC.',
  targets: [
    tf('aws_db_instance', ['publicly_accessible'], { absent: false }),
    // Instances of an Aurora cluster: IAC-RDS-CLUSTER-INSTANCE-PUBLIC.
    cfn('AWS::RDS::DBInstance', ['PubliclyAccessible'], { absent: false, when: (resource) => invert(decidePresent(resource, ['DBClusterIdentifier'])) }),
  ],
  expect: mustBeFalse,
  examples: {
    bad: [{ path: 'db.tf', line: 3, text: `resource "aws_db_instance" "phi" {\n  engine              = "postgres"\n  publicly_accessible = true\n}\n` }],
    good: [{ path: 'db.tf', text: `resource "aws_db_instance" "phi" {\n  engine              = "postgres"\n  publicly_accessible = false\n}\n` }],
  },
});

function invert(applies: ReturnType<typeof decidePresent>): ReturnType<typeof decidePresent> {
  return isUndecided(applies) ? applies : !applies;
}

const BLOCK_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
const CFN_BLOCK_FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

export const s3PublicAccessBlock: InfraRule = {
  id: 'IAC-S3-PUBLIC-ACCESS-BLOCK',
  title: 'S3 public access block removed or relaxed',
  family: 'terraform',
  severity: 'high',
  safeguard: 'access-control',
  description:
    "The public access block is what keeps a stray ACL or bucket policy from publishing PHI. Removing `aws_s3_bucket_public_access_block` is `removed`; turning a flag off is `weakened`; each flag off is its own finding. In a CloudFormation `PublicAccessBlockConfiguration` an omitted flag is false, as in Terraform. A bucket without a block is reported too (Terraform: an `aws_s3_bucket` that no `aws_s3_bucket_public_access_block` of its module instance names, by reference or by bucket name, and no `aws_s3_account_public_access_block` there covers; unknown when a block's `bucket` cannot be resolved; CloudFormation: an `AWS::S3::Bucket` without `PublicAccessBlockConfiguration`): S3 blocks public access by default only on buckets created since April 2023, an account can turn that default off, and with the property absent CloudFormation neither sets the flags on an existing bucket nor notices when they are switched off, so the code does not show the safeguard a HIPAA reviewer asks for. Deleting a block while its bucket stays is `removed`; deleting the bucket is no finding (nothing is left to protect).",
  remediation:
    'Give every bucket an `aws_s3_bucket_public_access_block` (CloudFormation: `PublicAccessBlockConfiguration`) in the same module and keep all four flags (`block_public_acls`, `block_public_policy`, `ignore_public_acls`, `restrict_public_buckets`) true.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block', 'aws_s3_bucket', 'AWS::S3::Bucket'],
  // Deleting a block is `removed`; deleting the bucket leaves nothing to block.
  safeguardTypes: [{ type: 'aws_s3_bucket_public_access_block', protects: ['bucket'] }, { type: 'aws_s3_account_public_access_block' }],
  check: (resource, context) => {
    if (resource.type === 'aws_s3_bucket') return bucketHasBlock(resource, context);
    const terraform = resource.format === 'terraform';
    const prefix = terraform ? [] : ['PublicAccessBlockConfiguration'];
    // The April 2023 default covers new buckets only and an account may turn it off: absent is not a safeguard.
    if (!terraform && valueAt(resource.values, prefix) === undefined) {
      return {
        verdict: 'fail',
        path: [],
        actual: null,
        expected: 'all four flags true',
        message: `PublicAccessBlockConfiguration is not set, which leaves ${CFN_BLOCK_FLAGS.join(', ')} to S3's default for new buckets and to the account; expected all four true`,
      };
    }
    return allOf(
      resource,
      (terraform ? BLOCK_FLAGS : CFN_BLOCK_FLAGS).map((flag) => ({ path: [...prefix, flag], absent: false, expect: mustBeTrue })),
    );
  },
  examples: {
    bad: [
      {
        path: 'storage.tf',
        line: 4,
        text: `resource "aws_s3_bucket_public_access_block" "phi" {\n  bucket                  = aws_s3_bucket.phi.id\n  block_public_acls       = true\n  block_public_policy     = false\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n`,
      },
      { path: 'storage.yaml', line: 2, text: `Resources:\n  Records:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: phi-records\n` },
      { path: 'bucket.tf', line: 1, text: `resource "aws_s3_bucket" "phi" {\n  bucket = "phi-records"\n}\n` },
    ],
    good: [
      {
        path: 'bucket.tf',
        text: `resource "aws_s3_bucket" "phi" {\n  bucket = "phi-records"\n}\n\nresource "aws_s3_bucket_public_access_block" "phi" {\n  bucket                  = aws_s3_bucket.phi.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n`,
      },
      {
        path: 'storage.tf',
        text: `resource "aws_s3_bucket_public_access_block" "phi" {\n  bucket                  = aws_s3_bucket.phi.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n`,
      },
      {
        path: 'storage.yaml',
        text: `Resources:\n  Records:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n`,
      },
    ],
  },
};

/**
 * A Terraform bucket is judged through its companion: an `aws_s3_bucket_public_access_block` of
 * the same module instance naming it (its flags are judged on the companion), or an
 * `aws_s3_account_public_access_block` there. None is a finding; a block whose `bucket` could not
 * be resolved may be this bucket's, so that is unknown.
 */
function bucketHasBlock(bucket: InfraResource, context: InfraRuleContext): Verdict {
  const companion = companionOf(bucket, context, ['aws_s3_bucket_public_access_block'], ['bucket'], ['bucket']);
  const account = context.resources.find((resource) => resource.format === 'terraform' && resource.type === 'aws_s3_account_public_access_block');
  const provider = companion && 'found' in companion ? companion.found : account;
  if (provider) return { verdict: 'pass', path: [], actual: provider.address, providedBy: provider.address };
  if (companion && 'unknown' in companion)
    return { verdict: 'unknown', path: [], expression: companion.expression, reason: `the bucket of ${companion.unknown.address}` };
  return {
    verdict: 'fail',
    path: [],
    actual: null,
    expected: 'an aws_s3_bucket_public_access_block with all four flags true',
    message: `no aws_s3_bucket_public_access_block in this module refers to the bucket, which leaves ${BLOCK_FLAGS.join(', ')} to S3's default for new buckets and to the account; expected one with all four true`,
  };
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** The statements of an IAM policy document given as an object or a JSON string. */
function statements(document: unknown): unknown[] | undefined {
  let parsed = document;
  if (typeof document === 'string') {
    try {
      parsed = JSON.parse(document);
    } catch {
      return undefined;
    }
  }
  const statement = valueAt(parsed, ['Statement']);
  return statement === undefined ? undefined : asList(statement);
}

function isAdminStatement(statement: unknown): boolean {
  return (
    valueAt(statement, ['Effect']) === 'Allow' &&
    asList(valueAt(statement, ['Action'])).some((action) => action === '*' || action === '*:*') &&
    asList(valueAt(statement, ['Resource'])).includes('*')
  );
}

/** An Allow of `*` on `*` unless an unresolved Effect, Action or Resource says otherwise: its expression. */
function unresolvedAdminPart(statement: unknown): string | undefined {
  const effect = valueAt(statement, ['Effect']);
  const actions = asList(valueAt(statement, ['Action']));
  const resources = asList(valueAt(statement, ['Resource']));
  const parts = [effect, ...actions, ...resources];
  const pending = parts.find(isUnresolved);
  if (!pending || !isUnresolved(pending)) return undefined;
  const couldAllow = effect === 'Allow' || isUnresolved(effect);
  const couldBeAll = actions.some((action) => action === '*' || action === '*:*' || isUnresolved(action));
  const couldBeAnywhere = resources.some((resource) => resource === '*' || isUnresolved(resource));
  return couldAllow && couldBeAll && couldBeAnywhere ? pending.expression : undefined;
}

const POLICY_PATHS: Record<string, AttributePath[]> = {
  aws_iam_policy: [['policy']],
  aws_iam_role_policy: [['policy']],
  aws_iam_user_policy: [['policy']],
  aws_iam_group_policy: [['policy']],
  'AWS::IAM::Policy': [['PolicyDocument']],
  'AWS::IAM::ManagedPolicy': [['PolicyDocument']],
};

function checkAdminPolicy(resource: InfraResource): Verdict | undefined {
  const paths = POLICY_PATHS[resource.type] ?? itemsAt(resource, ['Policies']).map(({ path }) => [...path, 'PolicyDocument']);
  let verdict: Verdict | undefined;
  for (const path of paths) {
    const document = valueAt(resource.values, path);
    if (isUnresolved(document)) return { verdict: 'unknown', path, expression: document.expression };
    const list = statements(document);
    const index = list?.findIndex(isAdminStatement) ?? -1;
    if (index >= 0) {
      return {
        verdict: 'fail',
        path,
        actual: 'Allow * on *',
        expected: 'least-privilege actions and resources',
        message: 'policy allows every action on every resource ("*:*"); expected named actions on named resources',
      };
    }
    // A statement whose Action or Resource is a reference may grant `*:*`: unknown, never a pass.
    const expression = list?.map(unresolvedAdminPart).find((part) => part !== undefined);
    if (expression !== undefined) return { verdict: 'unknown', path, expression };
    verdict = { verdict: 'pass', path, actual: 'no Allow * on *' };
  }
  return verdict;
}

export const iamAdminPolicy: InfraRule = {
  id: 'IAC-IAM-ADMIN',
  title: 'IAM policy grants `*:*`',
  family: 'terraform',
  severity: 'high',
  safeguard: 'access-control',
  description:
    'A statement allowing every action on every resource gives its holder full control of the account and all PHI in it, defeating least privilege and unique user identification.',
  remediation: 'List the actions and resources the principal needs; use AWS managed job-function policies as a starting point.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: [...Object.keys(POLICY_PATHS), 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  check: checkAdminPolicy,
  examples: {
    bad: [
      {
        path: 'iam.tf',
        line: 3,
        text: `resource "aws_iam_policy" "ops" {\n  name = "ops"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]\n  })\n}\n`,
      },
    ],
    good: [
      {
        path: 'iam.tf',
        text: `resource "aws_iam_policy" "ops" {\n  name = "ops"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::phi-records/*" }]\n  })\n}\n`,
      },
    ],
  },
};

export const ACCESS_RULES: readonly InfraRule[] = [securityGroupOpen, publicDatabase, s3PublicAccessBlock, iamAdminPolicy];

// ---------- S3 bucket policies and ACLs ----------

const BUCKET_POLICIES: Record<string, { referrer: string; bucketPath: string; documentPath: string }> = {
  terraform: { referrer: 'aws_s3_bucket_policy', bucketPath: 'bucket', documentPath: 'policy' },
  cloudformation: { referrer: 'AWS::S3::BucketPolicy', bucketPath: 'Bucket', documentPath: 'PolicyDocument' },
};

/** The policies of the module or template that apply to `bucket`, with their documents. */
function bucketPolicies(bucket: InfraResource, context: InfraRuleContext): { policy: InfraResource; document: unknown }[] {
  const shape = BUCKET_POLICIES[bucket.format];
  if (!shape) return [];
  const inline =
    bucket.format === 'terraform' && valueAt(bucket.values, ['policy']) !== undefined ? [{ policy: bucket, document: valueAt(bucket.values, ['policy']) }] : [];
  return [
    ...inline,
    ...referencing(bucket, context, [shape.referrer], [shape.bucketPath]).map((policy) => ({ policy, document: valueAt(policy.values, [shape.documentPath]) })),
  ];
}

/** A Deny of requests made without TLS: `aws:SecureTransport` false, or `s3:TlsVersion` below 1.2. */
function deniesPlainHttp(statement: unknown): boolean {
  if (valueAt(statement, ['Effect']) !== 'Deny') return false;
  const secure = asList(valueAt(statement, ['Condition', 'Bool', 'aws:SecureTransport']));
  const version = asList(valueAt(statement, ['Condition', 'NumericLessThan', 's3:TlsVersion']));
  return secure.some((value) => value === false || value === 'false') || version.some((value) => Number(value) >= 1.2);
}

function checkTlsOnlyPolicy(resource: InfraResource, context: InfraRuleContext): Verdict {
  const policies = bucketPolicies(resource, context);
  for (const { policy, document } of policies) {
    if (isUnresolved(document)) return { verdict: 'unknown', path: [], expression: `${policy.address}: ${document.expression}` };
    if (statements(document)?.some(deniesPlainHttp)) return { verdict: 'pass', path: [], actual: policy.address, providedBy: policy.address };
  }
  // A statement with unknown parts that is not a known Allow might be the Deny: unknown, never a fail.
  for (const { policy, document } of policies) {
    const pending = statements(document)?.find((statement) => containsUnknown(statement) && valueAt(statement, ['Effect']) !== 'Allow');
    if (pending) return { verdict: 'unknown', path: [], expression: `${policy.address}: ${firstUnknown(pending)!.expression}` };
  }
  const what = policies.length ? `the bucket policy (${policies.map(({ policy }) => policy.address).join(', ')}) does not deny` : 'no bucket policy denies';
  return {
    verdict: 'fail',
    path: [],
    actual: null,
    expected: 'a Deny of requests where aws:SecureTransport is false',
    message: `${what} requests made without TLS; expected a statement denying s3:* when "aws:SecureTransport" is "false"`,
  };
}

const TLS_POLICY = `{
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyPlainHttp"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.phi.arn, "\${aws_s3_bucket.phi.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  }`;

const s3TlsOnlyPolicy: InfraRule = {
  id: 'IAC-S3-TLS-ONLY-POLICY',
  title: 'S3 bucket accepts requests without TLS',
  ...IN_TRANSIT,
  description:
    'S3 answers plain-HTTP requests unless the bucket policy denies them: only a statement that denies requests where `aws:SecureTransport` is `false` (or `s3:TlsVersion` is below 1.2) keeps PHI from crossing the network unencrypted. The policy is looked up among the `aws_s3_bucket_policy` (CloudFormation `AWS::S3::BucketPolicy`) resources of the same module or template; deleting it is `removed`.',
  remediation:
    'Add a bucket policy statement `{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = [bucket ARN, "bucket ARN/*"], Condition = { Bool = { "aws:SecureTransport" = "false" } } }`.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: ['aws_s3_bucket', 'AWS::S3::Bucket'],
  check: checkTlsOnlyPolicy,
  examples: {
    bad: [
      { path: 'storage.tf', line: 1, text: `resource "aws_s3_bucket" "phi" {\n  bucket = "phi-records"\n}\n` },
      { path: 'storage.yaml', line: 2, text: `Resources:\n  Records:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: phi-records\n` },
    ],
    good: [
      {
        path: 'storage.tf',
        text: `resource "aws_s3_bucket" "phi" {\n  bucket = "phi-records"\n}\n\nresource "aws_s3_bucket_policy" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  policy = jsonencode(${TLS_POLICY})\n}\n`,
      },
      {
        path: 'storage.yaml',
        text: `Resources:\n  Records:\n    Type: AWS::S3::Bucket\n  RecordsPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Records\n      PolicyDocument:\n        Statement:\n          - Effect: Deny\n            Principal: "*"\n            Action: "s3:*"\n            Resource: !Sub "arn:aws:s3:::\${Records}/*"\n            Condition:\n              Bool:\n                aws:SecureTransport: false\n`,
      },
    ],
  },
};

const PUBLIC_ACLS = ['public-read', 'public-read-write', 'authenticated-read', 'PublicRead', 'PublicReadWrite', 'AuthenticatedRead'];

/** A condition value that matches every principal or account: `*`, or an ARN whose account and later fields are only wildcards (`arn:aws:iam::*`). */
function matchesAnything(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const fields = value.split(':');
  return fields[0] === 'arn'
    ? fields.length > 4 && fields.slice(4).every((field) => /^\*?$/.test(field)) && fields.slice(4).some((field) => field === '*')
    : value === '*';
}

/** A condition narrows a statement unless every value of every key matches anything. */
function conditionNarrows(condition: unknown): boolean {
  if (condition === null || typeof condition !== 'object' || isUnresolved(condition)) return true;
  const values = Object.values(condition).flatMap((keys: unknown) =>
    keys !== null && typeof keys === 'object' && !isUnresolved(keys) ? Object.values(keys).flatMap(asList) : [keys],
  );
  return !values.length || !values.every(matchesAnything);
}

/** An Allow to everyone (`*`, `{AWS: "*"}`) with no condition narrowing it. */
function allowsEveryone(statement: unknown): boolean {
  const principal = valueAt(statement, ['Principal']);
  const everyone = principal === '*' || asList(valueAt(principal, ['AWS'])).includes('*');
  const condition = valueAt(statement, ['Condition']);
  return valueAt(statement, ['Effect']) === 'Allow' && everyone && (condition === undefined || !conditionNarrows(condition));
}

/** A statement whose unknown parts (effect, principal, condition, or the whole) could make it an Allow to everyone. */
function mayAllowEveryone(statement: unknown): boolean {
  if (isUnresolved(statement)) return true;
  if (!containsUnknown(statement)) return false;
  const effect = valueAt(statement, ['Effect']);
  const principal = valueAt(statement, ['Principal']);
  const couldBeEveryone = principal === '*' || containsUnknown(principal) || asList(valueAt(principal, ['AWS'])).includes('*');
  const condition = valueAt(statement, ['Condition']);
  const couldBeUnnarrowed = condition === undefined || containsUnknown(condition) || !conditionNarrows(condition);
  return (effect === 'Allow' || isUnresolved(effect)) && couldBeEveryone && couldBeUnnarrowed;
}

const ACL_PATHS: Record<string, AttributePath> = { aws_s3_bucket: ['acl'], aws_s3_bucket_acl: ['acl'], 'AWS::S3::Bucket': ['AccessControl'] };
const POLICY_DOCUMENTS: Record<string, AttributePath> = {
  aws_s3_bucket_policy: ['policy'],
  'AWS::S3::BucketPolicy': ['PolicyDocument'],
  aws_s3_bucket: ['policy'],
};

/** Grantee groups that mean everyone (`AllUsers`) or every AWS account (`AuthenticatedUsers`). */
const PUBLIC_GRANTEES = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)$/;

/** Each grant of an explicit `access_control_policy` to a public group is its own verdict. */
function publicGrants(resource: InfraResource): Verdict[] {
  return itemsAt(resource, ['access_control_policy', 0, 'grant']).flatMap(({ path, value }): Verdict[] => {
    const uriPath = [...path, 'grantee', 0, 'uri'];
    const uri = valueAt(value, ['grantee', 0, 'uri']);
    if (isUnresolved(uri)) return [{ verdict: 'unknown', path: uriPath, expression: uri.expression }];
    if (typeof uri !== 'string' || !PUBLIC_GRANTEES.test(uri)) return [];
    return [
      {
        verdict: 'fail',
        path: uriPath,
        actual: uri,
        expected: 'grants to named accounts only',
        message: `the ACL grants ${describeValue(valueAt(value, ['permission']))} to ${uri}; expected grants to named accounts only`,
      },
    ];
  });
}

function checkPublicBucket(resource: InfraResource): Verdict[] | undefined {
  const verdicts: Verdict[] = resource.type === 'aws_s3_bucket_acl' ? publicGrants(resource) : [];
  const aclPath = ACL_PATHS[resource.type];
  if (aclPath) {
    verdicts.push(
      judgeAttribute(resource, aclPath, 'private', {
        expected: 'a private ACL',
        test: (acl) => !PUBLIC_ACLS.includes(String(acl)),
        strength: (acl) => (PUBLIC_ACLS.includes(String(acl)) ? 0 : 1),
      }),
    );
  }
  const documentPath = POLICY_DOCUMENTS[resource.type];
  const document = documentPath ? valueAt(resource.values, documentPath) : undefined;
  if (documentPath && document !== undefined) {
    if (isUnresolved(document)) verdicts.push({ verdict: 'unknown', path: documentPath, expression: document.expression });
    else if (statements(document)?.some(allowsEveryone)) {
      verdicts.push({
        verdict: 'fail',
        path: documentPath,
        actual: 'Allow to Principal "*"',
        expected: 'no unconditional Allow to everyone',
        message: 'the bucket policy allows every principal ("*") without a condition that narrows it; expected named principals',
      });
    } else if (statements(document)?.some(mayAllowEveryone)) {
      const pending = statements(document)!.find(mayAllowEveryone);
      const cause =
        (['Effect', 'Principal', 'Condition'] as const).map((key) => firstUnknown(valueAt(pending, [key]))).find((found) => found !== undefined) ??
        firstUnknown(pending)!;
      verdicts.push({ verdict: 'unknown', path: documentPath, expression: cause.expression });
    } else verdicts.push({ verdict: 'pass', path: documentPath, actual: 'no Allow to everyone' });
  }
  if (!verdicts.length) return undefined;
  const failing = verdicts.filter((verdict) => verdict.verdict !== 'pass');
  return failing.length ? failing : verdicts.slice(-1);
}

const s3PublicBucket: InfraRule = {
  id: 'IAC-S3-PUBLIC',
  title: 'S3 bucket made public by ACL or policy',
  family: 'terraform',
  severity: 'critical',
  safeguard: 'access-control',
  description:
    'A canned ACL `public-read`, `public-read-write` or `authenticated-read` (CloudFormation `PublicRead`, `PublicReadWrite`, `AuthenticatedRead`), a grant to the `AllUsers` or `AuthenticatedUsers` group (any permission, `READ` included: it lists the bucket to anyone), or a bucket policy that allows every principal (`"*"`) without a condition that narrows it (a condition whose values are only wildcards, such as `aws:PrincipalArn` = `arn:aws:iam::*`, narrows nothing), lets anyone on the internet (or any AWS account) read or write objects that may be PHI.',
  remediation:
    'Use `acl = "private"` (or no ACL with object ownership `BucketOwnerEnforced`), name the principals in bucket policies, and keep the public access block on.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_acl', 'aws_s3_bucket_policy', 'AWS::S3::Bucket', 'AWS::S3::BucketPolicy'],
  check: checkPublicBucket,
  examples: {
    bad: [
      { path: 'storage.tf', line: 3, text: `resource "aws_s3_bucket_acl" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  acl    = "public-read"\n}\n` },
      { path: 'storage.yaml', line: 5, text: `Resources:\n  Records:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n` },
      {
        path: 'policy.tf',
        line: 3,
        text: `resource "aws_s3_bucket_policy" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "\${aws_s3_bucket.phi.arn}/*" }]\n  })\n}\n`,
      },
      {
        path: 'policy.tf',
        line: 3,
        text: `resource "aws_s3_bucket_policy" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "s3:GetObject", Resource = "\${aws_s3_bucket.phi.arn}/*", Condition = { ArnLike = { "aws:PrincipalArn" = "arn:aws:iam::*" } } }]\n  })\n}\n`,
      },
    ],
    good: [
      { path: 'storage.tf', text: `resource "aws_s3_bucket_acl" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  acl    = "private"\n}\n` },
      { path: 'storage.yaml', text: `Resources:\n  Records:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: Private\n` },
      {
        path: 'policy.tf',
        text: `resource "aws_s3_bucket_policy" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "s3:GetObject", Resource = "\${aws_s3_bucket.phi.arn}/*", Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } } }]\n  })\n}\n`,
      },
    ],
  },
};

const rdsClusterInstancePublic = attributeRule({
  id: 'IAC-RDS-CLUSTER-INSTANCE-PUBLIC',
  title: 'Aurora cluster instance is publicly accessible',
  family: 'terraform',
  severity: 'critical',
  safeguard: 'access-control',
  description:
    "An instance of an Aurora cluster (`aws_rds_cluster_instance`, or a CloudFormation `AWS::RDS::DBInstance` with `DBClusterIdentifier`) with `publicly_accessible = true` gets a public address: the cluster's data is one security-group rule away from the internet.",
  remediation: 'Set `publicly_accessible = false` (CloudFormation `PubliclyAccessible: false`) and reach the cluster from inside the VPC.',
  targets: [
    tf('aws_rds_cluster_instance', ['publicly_accessible'], { absent: false }),
    cfn('AWS::RDS::DBInstance', ['PubliclyAccessible'], { absent: false, when: (resource) => decidePresent(resource, ['DBClusterIdentifier']) }),
  ],
  expect: mustBeFalse,
  examples: {
    bad: [
      {
        path: 'db.tf',
        line: 4,
        text: `resource "aws_rds_cluster_instance" "phi" {\n  cluster_identifier  = aws_rds_cluster.phi.id\n  instance_class      = "db.r6g.large"\n  publicly_accessible = true\n}\n`,
      },
      {
        path: 'db.yaml',
        line: 7,
        text: `Resources:\n  Writer:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBClusterIdentifier: !Ref Cluster\n      DBInstanceClass: db.r6g.large\n      PubliclyAccessible: true\n`,
      },
    ],
    good: [
      {
        path: 'db.tf',
        text: `resource "aws_rds_cluster_instance" "phi" {\n  cluster_identifier  = aws_rds_cluster.phi.id\n  instance_class      = "db.r6g.large"\n  publicly_accessible = false\n}\n`,
      },
    ],
  },
});

export const S3_ACCESS_RULES: readonly InfraRule[] = [s3TlsOnlyPolicy, s3PublicBucket, rdsClusterInstancePublic];

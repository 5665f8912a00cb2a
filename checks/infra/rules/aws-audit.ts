/** AWS audit controls: CloudTrail, VPC flow logs, S3 access logging, CloudWatch log retention. */
import { isUnresolved, type InfraResource } from '../model.js';
import { CITATIONS } from '../../model/safeguards.js';
import { attributeRule, mustBeSet, mustBeTrue, valueAt, type Expectation, type InfraRule, type InfraRuleContext } from '../rule.js';
import { cfn, referencedBy, referencing, tf } from './support.js';

const TRAIL = 'aws_cloudtrail';
const CFN_TRAIL = 'AWS::CloudTrail::Trail';

const trailExample = (body: string, line?: number) => ({
  path: 'audit.tf',
  text: `resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "audit-logs"\n${body}}\n`,
  ...(line ? { line } : {}),
});

export const cloudTrailLogging = attributeRule({
  id: 'IAC-CLOUDTRAIL-LOGGING',
  title: 'CloudTrail trail removed or logging stopped',
  family: 'terraform',
  severity: 'critical',
  safeguard: 'audit-controls',
  description:
    'CloudTrail records who did what to the AWS account. Deleting a trail (`removed`) or setting `enable_logging = false` (`weakened`) erases the record of activity in systems holding PHI.',
  remediation: 'Keep the trail and `enable_logging = true`.',
  targets: [tf(TRAIL, ['enable_logging'], { absent: true }), cfn(CFN_TRAIL, ['IsLogging'])],
  expect: mustBeTrue,
  safeguardTypes: [{ type: TRAIL }, { type: CFN_TRAIL }],
  examples: { bad: [trailExample('  enable_logging = false\n', 4)], good: [trailExample('  enable_logging = true\n')] },
});

const cloudTrailLogValidation = attributeRule({
  id: 'IAC-CLOUDTRAIL-LOG-VALIDATION',
  title: 'CloudTrail log file validation is off',
  family: 'terraform',
  severity: 'medium',
  safeguard: 'integrity',
  description: 'Log file validation signs a digest of every delivered log file, so tampering with the audit trail can be detected.',
  remediation: 'Set `enable_log_file_validation = true` and check digests with `aws cloudtrail validate-logs`.',
  targets: [tf(TRAIL, ['enable_log_file_validation'], { absent: false }), cfn(CFN_TRAIL, ['EnableLogFileValidation'], { absent: false })],
  expect: mustBeTrue,
  examples: { bad: [trailExample('  enable_log_file_validation = false\n', 4)], good: [trailExample('  enable_log_file_validation = true\n')] },
});

const cloudTrailMultiRegion = attributeRule({
  id: 'IAC-CLOUDTRAIL-MULTI-REGION',
  title: 'CloudTrail trail covers one region only',
  family: 'terraform',
  severity: 'medium',
  safeguard: 'audit-controls',
  description: 'A single-region trail misses activity in every other region, where resources holding PHI can be created unnoticed.',
  remediation: 'Set `is_multi_region_trail = true` (or use an organization trail covering every region).',
  targets: [tf(TRAIL, ['is_multi_region_trail'], { absent: false }), cfn(CFN_TRAIL, ['IsMultiRegionTrail'], { absent: false })],
  expect: mustBeTrue,
  examples: { bad: [trailExample('  is_multi_region_trail = false\n', 4)], good: [trailExample('  is_multi_region_trail = true\n')] },
});

const vpcFlowLogCheck = referencedBy(
  { terraform: [{ type: 'aws_flow_log', path: 'vpc_id' }], cloudformation: [{ type: 'AWS::EC2::FlowLog', path: 'ResourceId' }] },
  'VPC flow log',
);

const vpcFlowLogs: InfraRule = {
  id: 'IAC-VPC-FLOW-LOGS',
  title: 'VPC has no flow log',
  family: 'terraform',
  severity: 'medium',
  safeguard: 'audit-controls',
  description:
    'Flow logs record the network connections into and out of a VPC. Removing the `aws_flow_log` of a VPC that stays is reported on the VPC as `removed`; deleting the VPC with it is no finding.',
  remediation: 'Add an `aws_flow_log` with `vpc_id` set to the VPC and `traffic_type = "ALL"`.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: ['aws_vpc', 'AWS::EC2::VPC'],
  check: vpcFlowLogCheck,
  examples: {
    bad: [{ path: 'network.tf', line: 1, text: `resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n` }],
    good: [
      {
        path: 'network.tf',
        text: `resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_flow_log" "main" {\n  vpc_id          = aws_vpc.main.id\n  traffic_type    = "ALL"\n  log_destination = aws_s3_bucket.flow_logs.arn\n}\n`,
      },
    ],
  },
};

/**
 * A bucket that receives other buckets' access logs: logging its own access would log every log
 * delivery into itself. Named as a log target (by reference or by name), or granted to the log
 * delivery group (`log-delivery-write`).
 */
function isLogTarget(resource: InfraResource, context: InfraRuleContext): boolean {
  if (resource.format === 'cloudformation') {
    return (
      valueAt(resource.values, ['AccessControl']) === 'LogDeliveryWrite' ||
      referencing(resource, context, ['AWS::S3::Bucket'], ['LoggingConfiguration', 'DestinationBucketName']).some((other) => other !== resource)
    );
  }
  const name = valueAt(resource.values, ['bucket']);
  const namedTarget = (other: InfraResource, path: (string | number)[]) => typeof name === 'string' && valueAt(other.values, path) === name;
  return (
    valueAt(resource.values, ['acl']) === 'log-delivery-write' ||
    referencing(resource, context, ['aws_s3_bucket_acl'], ['bucket']).some((acl) => valueAt(acl.values, ['acl']) === 'log-delivery-write') ||
    referencing(resource, context, ['aws_s3_bucket_logging'], ['target_bucket']).length > 0 ||
    referencing(resource, context, ['aws_s3_bucket'], ['logging', 0, 'target_bucket']).some((other) => other !== resource) ||
    context.resources.some(
      (other) =>
        (other.type === 'aws_s3_bucket_logging' && namedTarget(other, ['target_bucket'])) ||
        (other.type === 'aws_s3_bucket' && other !== resource && namedTarget(other, ['logging', 0, 'target_bucket'])),
    )
  );
}

const s3LoggingResource = referencedBy({ terraform: [{ type: 'aws_s3_bucket_logging', path: 'bucket' }] }, 'aws_s3_bucket_logging');

export const s3AccessLogging: InfraRule = {
  id: 'IAC-S3-ACCESS-LOGGING',
  title: 'S3 bucket access logging is off',
  family: 'terraform',
  severity: 'low',
  safeguard: 'audit-controls',
  description:
    'Server access logs record every request made to a bucket that may hold PHI. Terraform configures them with `aws_s3_bucket_logging` (or the older inline `logging` block); CloudFormation with `LoggingConfiguration`. A bucket that receives access logs (a logging target, or granted `log-delivery-write`) is not judged.',
  remediation: 'Add an `aws_s3_bucket_logging` for the bucket with a `target_bucket` for the logs.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: ['aws_s3_bucket', 'AWS::S3::Bucket'],
  check: (resource, context) => {
    const path = [resource.format === 'terraform' ? 'logging' : 'LoggingConfiguration'];
    const inline = valueAt(resource.values, path);
    if (isUnresolved(inline)) {
      // An inline block that hangs on something unknown (a `dynamic` block, a value a plan knows
      // only after apply): a logging resource for the bucket still decides; otherwise unknown.
      const separate = resource.format === 'terraform' ? s3LoggingResource(resource, context) : undefined;
      if (separate?.verdict === 'pass') return separate;
      if (isLogTarget(resource, context)) return undefined;
      return { verdict: 'unknown', path, expression: inline.expression };
    }
    if (inline !== undefined && inline !== null && !(Array.isArray(inline) && inline.length === 0)) return { verdict: 'pass', path, actual: true };
    if (isLogTarget(resource, context)) return undefined;
    if (resource.format === 'cloudformation') {
      return {
        verdict: 'fail',
        path: [],
        actual: null,
        expected: 'LoggingConfiguration',
        message: 'LoggingConfiguration is not set; expected access logs to a log bucket',
      };
    }
    return s3LoggingResource(resource, context);
  },
  examples: {
    bad: [{ path: 'storage.tf', line: 1, text: `resource "aws_s3_bucket" "phi" {\n  bucket = "phi-records"\n}\n` }],
    good: [
      {
        path: 'storage.tf',
        text: `resource "aws_s3_bucket" "phi" {\n  bucket = "phi-records"\n}\n\nresource "aws_s3_bucket_logging" "phi" {\n  bucket        = aws_s3_bucket.phi.id\n  target_bucket = "access-logs"\n  target_prefix = "phi/"\n}\n`,
      },
    ],
  },
};

/** `0` keeps logs forever: the strongest value. Otherwise more days is stronger. */
const retention: Expectation = {
  expected: 'at least 365 days, or 0 (never expire)',
  test: (value) => value === 0 || (typeof value === 'number' && value >= 365),
  strength: (value) => (value === 0 ? Number.POSITIVE_INFINITY : typeof value === 'number' ? value : undefined),
};

const logRetentionLowered = attributeRule({
  id: 'IAC-LOG-RETENTION-LOWERED',
  title: 'CloudWatch log retention lowered',
  family: 'terraform',
  severity: 'medium',
  safeguard: 'audit-controls',
  description:
    "A log group's retention decides how long audit evidence survives. Reported only when a change lowers it below a year (absent `retention_in_days` keeps logs forever).",
  remediation: 'Keep `retention_in_days` at 365 or more (HIPAA documentation is kept six years: 2192), or archive the logs elsewhere first.',
  targets: [tf('aws_cloudwatch_log_group', ['retention_in_days'], { absent: 0 }), cfn('AWS::Logs::LogGroup', ['RetentionInDays'], { absent: 0 })],
  expect: retention,
  onlyChanges: ['weakened', 'removed'],
  examples: {
    bad: [
      {
        path: 'logs.tf',
        line: 3,
        before: `resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app/phi"\n  retention_in_days = 2192\n}\n`,
        text: `resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app/phi"\n  retention_in_days = 30\n}\n`,
      },
    ],
    good: [{ path: 'logs.tf', text: `resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app/phi"\n  retention_in_days = 2192\n}\n` }],
  },
});

const cloudTrailKms = attributeRule({
  id: 'IAC-CLOUDTRAIL-KMS',
  title: 'CloudTrail logs are not encrypted with a KMS key',
  family: 'terraform',
  severity: 'medium',
  safeguard: 'audit-controls',
  citation: CITATIONS.encryptionAtRest,
  description:
    'Without `kms_key_id` (CloudFormation `KMSKeyId`) CloudTrail writes its log files with S3-managed keys: anyone who can read the log bucket reads the record of every action on systems holding PHI, and key use leaves no audit trail of its own. The CloudFormation property is spelled `KMSKeyId`; a template that writes `KmsKeyId` sets no key (CloudFormation rejects the unknown property), so it is reported.',
  remediation: 'Set `kms_key_id` to a customer-managed KMS key whose policy lets CloudTrail encrypt and only auditors decrypt.',
  targets: [tf(TRAIL, ['kms_key_id']), cfn(CFN_TRAIL, ['KMSKeyId'])],
  expect: mustBeSet,
  examples: {
    bad: [
      trailExample('', 1),
      {
        path: 'trail.yaml',
        line: 4,
        text: `Resources:\n  Audit:\n    Type: ${CFN_TRAIL}\n    Properties:\n      IsLogging: true\n      S3BucketName: audit-logs\n`,
      },
    ],
    good: [
      trailExample('  kms_key_id = aws_kms_key.audit.arn\n'),
      {
        path: 'trail.yaml',
        text: `Resources:\n  Audit:\n    Type: ${CFN_TRAIL}\n    Properties:\n      IsLogging: true\n      KMSKeyId: !GetAtt AuditKey.Arn\n      S3BucketName: audit-logs\n`,
      },
    ],
  },
});

const logGroupKms = attributeRule({
  id: 'IAC-LOG-GROUP-KMS',
  title: 'CloudWatch log group is not encrypted with a KMS key',
  family: 'terraform',
  severity: 'low',
  safeguard: 'audit-controls',
  citation: CITATIONS.encryptionAtRest,
  description:
    'Application logs often carry PHI. A log group without `kms_key_id` (CloudFormation `KmsKeyId`) is encrypted only with a service key, so access is governed by IAM alone and decryption is not audited.',
  remediation: 'Set `kms_key_id` to a customer-managed KMS key that allows `logs.<region>.amazonaws.com` to use it.',
  targets: [tf('aws_cloudwatch_log_group', ['kms_key_id']), cfn('AWS::Logs::LogGroup', ['KmsKeyId'])],
  expect: mustBeSet,
  examples: {
    bad: [
      { path: 'logs.tf', line: 1, text: `resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app/phi"\n  retention_in_days = 2192\n}\n` },
      { path: 'logs.yaml', line: 4, text: `Resources:\n  AppLogs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 2192\n` },
    ],
    good: [{ path: 'logs.tf', text: `resource "aws_cloudwatch_log_group" "app" {\n  name       = "/app/phi"\n  kms_key_id = aws_kms_key.logs.arn\n}\n` }],
  },
});

export const AUDIT_RULES: readonly InfraRule[] = [
  cloudTrailLogging,
  cloudTrailLogValidation,
  cloudTrailMultiRegion,
  vpcFlowLogs,
  s3AccessLogging,
  logRetentionLowered,
  cloudTrailKms,
  logGroupKms,
];

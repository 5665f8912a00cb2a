/** AWS data stores: encryption at rest and in transit, backups, versioning, deletion protection. */
import { CITATIONS } from '../../model/safeguards.js';
import type { Safeguard } from '../../model/safeguards.js';
import { isUnresolved, type InfraResource } from '../model.js';
import {
  atLeast,
  attributeRule,
  decide,
  decidePresent,
  isUndecided,
  judgeValue,
  mustBeFalse,
  mustBeSet,
  mustBeTrue,
  oneOf,
  valueAt,
  type Applies,
  type AttributePath,
  type AttributeTarget,
  type Expectation,
  type InfraExample,
  type InfraRule,
  type Verdict,
} from '../rule.js';
import { cfn, referencing, tf, IN_TRANSIT } from './support.js';

interface Row {
  id: string;
  title: string;
  what: string;
  targets: AttributeTarget[];
  expect?: Expectation;
  safeguard?: Safeguard;
  citation?: string;
  severity?: InfraRule['severity'];
  remediation: string;
  safeguardTypes?: InfraRule['safeguardTypes'];
  bad: InfraExample | readonly InfraExample[];
  good: InfraExample;
}

/** Encryption-at-rest rows read alike: "<what> must be encrypted". */
function encryptionRule(row: Row): InfraRule {
  return attributeRule({
    id: row.id,
    title: row.title,
    family: 'terraform',
    severity: row.severity ?? 'high',
    safeguard: row.safeguard ?? 'access-control',
    citation: row.citation ?? CITATIONS.encryptionAtRest,
    description: `${row.what} PHI written to it must be encrypted at rest so that a lost disk, snapshot or backup does not disclose it.`,
    remediation: row.remediation,
    targets: row.targets,
    expect: row.expect ?? mustBeTrue,
    ...(row.safeguardTypes ? { safeguardTypes: row.safeguardTypes } : {}),
    examples: { bad: [row.bad].flat(), good: [row.good] },
  });
}

/** A one-resource Terraform example: `resource "<type>" "<name>" {` + body lines. */
function tfExample(type: string, body: string, line?: number): InfraExample {
  return { path: 'main.tf', text: `resource "${type}" "this" {\n${body}}\n`, ...(line ? { line } : {}) };
}

const encryptedFlag = (type: string, cfnType: string, tfAttribute: string, cfnAttribute: string, when?: AttributeTarget['when']) => [
  tf(type, [tfAttribute], { absent: false, ...(when ? { when } : {}) }),
  cfn(cfnType, [cfnAttribute], { absent: false, ...(when ? { when } : {}) }),
];

/** Holds when none of `paths` (per format) is set; an unresolved one that may be set is undecided. */
const noneSet =
  (paths: { terraform: readonly string[]; cloudformation: readonly string[] }) =>
  (resource: InfraResource): Applies => {
    for (const key of resource.format === 'terraform' ? paths.terraform : paths.cloudformation) {
      const present = decidePresent(resource, [key]);
      if (present !== false) return isUndecided(present) ? present : false;
    }
    return true;
  };

/**
 * A database that takes its storage, encryption or backups from elsewhere: a read replica or a
 * snapshot restore inherits encryption from its source; a CloudFormation instance in an Aurora
 * cluster (`DBClusterIdentifier`) takes both from the cluster.
 */
const ownsStorage = noneSet({
  terraform: ['replicate_source_db', 'snapshot_identifier'],
  cloudformation: ['SourceDBInstanceIdentifier', 'DBSnapshotIdentifier', 'DBClusterIdentifier', 'SourceDBClusterIdentifier'],
});
const ownsClusterStorage = (resource: InfraResource): Applies => {
  const restored = noneSet({
    terraform: ['snapshot_identifier', 'replication_source_identifier'],
    cloudformation: ['SnapshotIdentifier', 'SourceDBClusterIdentifier'],
  })(resource);
  if (restored !== true) return restored;
  // Aurora Serverless v1 is always encrypted.
  return decide(resource, [resource.format === 'terraform' ? 'engine_mode' : 'EngineMode'], (mode) => mode !== 'serverless');
};
const ownsBackups = noneSet({ terraform: [], cloudformation: ['DBClusterIdentifier'] });

export const rdsEncryption = encryptionRule({
  id: 'IAC-RDS-ENCRYPTION',
  title: 'RDS instance storage is not encrypted',
  what: 'An RDS database instance stores PHI on its volumes, snapshots and automated backups. (A read replica, a snapshot restore and a member of an Aurora cluster inherit encryption from their source and are judged there.)',
  targets: encryptedFlag('aws_db_instance', 'AWS::RDS::DBInstance', 'storage_encrypted', 'StorageEncrypted', ownsStorage),
  remediation:
    'Set `storage_encrypted = true` (and `kms_key_id` for a customer-managed key); an existing instance is encrypted by restoring an encrypted snapshot copy.',
  bad: tfExample('aws_db_instance', '  engine            = "postgres"\n  storage_encrypted = false\n', 3),
  good: tfExample('aws_db_instance', '  engine            = "postgres"\n  storage_encrypted = true\n'),
});

export const auroraEncryption = encryptionRule({
  id: 'IAC-AURORA-ENCRYPTION',
  title: 'Aurora cluster storage is not encrypted',
  what: "An Aurora cluster (and an `aws_rds_global_cluster` not made from an existing cluster) stores PHI in its shared cluster volume and snapshots. (Aurora Serverless v1 is always encrypted; a restored or replicated cluster inherits encryption from its source.) `storage_encrypted = true` without `kms_key_id` passes: the AWS-managed key meets the encryption-at-rest specification; Trivy's check also asks for a customer-managed key, a key-management choice this rule does not make for you.",
  targets: [
    ...encryptedFlag('aws_rds_cluster', 'AWS::RDS::DBCluster', 'storage_encrypted', 'StorageEncrypted', ownsClusterStorage),
    // A global cluster made from an existing cluster takes that cluster's encryption.
    tf('aws_rds_global_cluster', ['storage_encrypted'], { absent: false, when: noneSet({ terraform: ['source_db_cluster_identifier'], cloudformation: [] }) }),
  ],
  remediation: 'Set `storage_encrypted = true` on the cluster.',
  bad: [
    tfExample('aws_rds_cluster', '  engine = "aurora-postgresql"\n', 1),
    tfExample('aws_rds_global_cluster', '  global_cluster_identifier = "records"\n  storage_encrypted         = false\n', 3),
  ],
  good: tfExample('aws_rds_cluster', '  engine            = "aurora-postgresql"\n  storage_encrypted = true\n'),
});

const SSE_ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse'];

const s3Encryption = encryptionRule({
  id: 'IAC-S3-ENCRYPTION',
  title: 'S3 bucket encryption configuration removed or invalid',
  what: 'An S3 bucket holds objects that may be PHI.',
  targets: [
    tf('aws_s3_bucket_server_side_encryption_configuration', ['rule', 0, 'apply_server_side_encryption_by_default', 0, 'sse_algorithm']),
    cfn('AWS::S3::Bucket', ['BucketEncryption', 'ServerSideEncryptionConfiguration', 0, 'ServerSideEncryptionByDefault', 'SSEAlgorithm'], { absent: 'AES256' }),
  ],
  expect: oneOf(SSE_ALGORITHMS, '"aws:kms", "aws:kms:dsse" or "AES256"', SSE_ALGORITHMS),
  // Deleting the configuration is `removed`; deleting the bucket leaves nothing to encrypt.
  safeguardTypes: [{ type: 'aws_s3_bucket_server_side_encryption_configuration', protects: ['bucket'] }],
  remediation: 'Keep an `aws_s3_bucket_server_side_encryption_configuration` with `sse_algorithm = "aws:kms"` for each bucket.',
  bad: tfExample(
    'aws_s3_bucket_server_side_encryption_configuration',
    '  bucket = aws_s3_bucket.phi.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "none"\n    }\n  }\n',
    5,
  ),
  good: tfExample(
    'aws_s3_bucket_server_side_encryption_configuration',
    '  bucket = aws_s3_bucket.phi.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n',
  ),
});

const ebsEncryption = encryptionRule({
  id: 'IAC-EBS-ENCRYPTION',
  title: 'EBS volume is not encrypted',
  what: 'An EBS volume holds whatever the instance writes, PHI included, and its snapshots.',
  targets: encryptedFlag('aws_ebs_volume', 'AWS::EC2::Volume', 'encrypted', 'Encrypted'),
  remediation: 'Set `encrypted = true` on the volume (or turn on EBS encryption by default for the account).',
  bad: tfExample('aws_ebs_volume', '  availability_zone = "us-east-1a"\n  size              = 100\n', 1),
  good: tfExample('aws_ebs_volume', '  availability_zone = "us-east-1a"\n  size              = 100\n  encrypted         = true\n'),
});

const efsEncryption = encryptionRule({
  id: 'IAC-EFS-ENCRYPTION',
  title: 'EFS file system is not encrypted',
  what: 'An EFS file system is shared storage for PHI.',
  targets: encryptedFlag('aws_efs_file_system', 'AWS::EFS::FileSystem', 'encrypted', 'Encrypted'),
  remediation: 'Set `encrypted = true`; an existing file system must be recreated and its data copied.',
  bad: tfExample('aws_efs_file_system', '  encrypted = false\n', 2),
  good: tfExample('aws_efs_file_system', '  encrypted = true\n'),
});

const dynamoDbEncryption = encryptionRule({
  id: 'IAC-DYNAMODB-ENCRYPTION',
  title: 'DynamoDB table does not use a KMS key',
  what: 'A DynamoDB table is always encrypted with an AWS-owned key; only a KMS key gives you control and an audit trail of its use.',
  severity: 'low',
  targets: [
    tf('aws_dynamodb_table', ['server_side_encryption', 0, 'enabled'], { absent: false }),
    cfn('AWS::DynamoDB::Table', ['SSESpecification', 'SSEEnabled'], { absent: false }),
  ],
  remediation: 'Add `server_side_encryption { enabled = true }` (optionally with `kms_key_arn`).',
  bad: tfExample('aws_dynamodb_table', '  name     = "visits"\n  hash_key = "id"\n', 1),
  good: tfExample('aws_dynamodb_table', '  name     = "visits"\n  hash_key = "id"\n  server_side_encryption {\n    enabled = true\n  }\n'),
});

const noKmsKey = (attribute: string) => noneSet({ terraform: [attribute], cloudformation: [attribute] });

export const sqsEncryption = encryptionRule({
  id: 'IAC-SQS-ENCRYPTION',
  title: 'SQS queue is not encrypted',
  what: 'An SQS queue holds messages, PHI included, until they are consumed. The safeguard must be written down: AWS turns SSE-SQS on only for queues created since October 2022, a queue created earlier or imported keeps what it had, and with the attribute absent neither Terraform nor CloudFormation notices when it is switched off outside the code. So a queue with neither `sqs_managed_sse_enabled = true` nor `kms_master_key_id` is reported, as Checkov and Trivy do.',
  targets: [
    tf('aws_sqs_queue', ['sqs_managed_sse_enabled'], { when: noKmsKey('kms_master_key_id') }),
    cfn('AWS::SQS::Queue', ['SqsManagedSseEnabled'], { when: noKmsKey('KmsMasterKeyId') }),
  ],
  remediation: 'Set `sqs_managed_sse_enabled = true` (CloudFormation `SqsManagedSseEnabled: true`) or `kms_master_key_id` (`KmsMasterKeyId`).',
  bad: [
    tfExample('aws_sqs_queue', '  name                    = "claims"\n  sqs_managed_sse_enabled = false\n', 3),
    { path: 'queue.yaml', line: 4, text: 'Resources:\n  Claims:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: claims\n' },
  ],
  good: tfExample('aws_sqs_queue', '  name              = "claims"\n  kms_master_key_id = "alias/aws/sqs"\n'),
});

export const snsEncryption = encryptionRule({
  id: 'IAC-SNS-ENCRYPTION',
  title: 'SNS topic is not encrypted',
  what: 'An SNS topic stores messages, PHI included, until they are delivered.',
  severity: 'medium',
  targets: [tf('aws_sns_topic', ['kms_master_key_id']), cfn('AWS::SNS::Topic', ['KmsMasterKeyId'])],
  expect: mustBeSet,
  remediation: 'Set `kms_master_key_id` (e.g. `"alias/aws/sns"`).',
  bad: tfExample('aws_sns_topic', '  name = "alerts"\n', 1),
  good: tfExample('aws_sns_topic', '  name              = "alerts"\n  kms_master_key_id = "alias/aws/sns"\n'),
});

const elastiCacheEncryption = encryptionRule({
  id: 'IAC-ELASTICACHE-ENCRYPTION',
  title: 'ElastiCache replication group is not encrypted at rest',
  what: 'An ElastiCache replication group keeps cached PHI in memory, on swap and in backups.',
  targets: encryptedFlag('aws_elasticache_replication_group', 'AWS::ElastiCache::ReplicationGroup', 'at_rest_encryption_enabled', 'AtRestEncryptionEnabled'),
  remediation: 'Set `at_rest_encryption_enabled = true` (a new replication group is needed; migrate with a backup restore).',
  bad: tfExample('aws_elasticache_replication_group', '  replication_group_id = "sessions"\n  description          = "sessions"\n', 1),
  good: tfExample(
    'aws_elasticache_replication_group',
    '  replication_group_id       = "sessions"\n  description                = "sessions"\n  at_rest_encryption_enabled = true\n',
  ),
});

const redshiftEncryption = encryptionRule({
  id: 'IAC-REDSHIFT-ENCRYPTION',
  title: 'Redshift cluster is not encrypted',
  what: 'A Redshift cluster stores analytics data, often PHI, and its snapshots.',
  targets: encryptedFlag('aws_redshift_cluster', 'AWS::Redshift::Cluster', 'encrypted', 'Encrypted'),
  remediation: 'Set `encrypted = true` (with `kms_key_id` for a customer-managed key).',
  bad: tfExample('aws_redshift_cluster', '  cluster_identifier = "warehouse"\n  encrypted          = false\n', 3),
  good: tfExample('aws_redshift_cluster', '  cluster_identifier = "warehouse"\n  encrypted          = true\n'),
});

const elastiCacheTransit = encryptionRule({
  id: 'IAC-ELASTICACHE-TRANSIT',
  title: 'ElastiCache replication group does not encrypt in transit',
  what: 'Clients of an ElastiCache replication group exchange cached PHI with it over the network.',
  safeguard: 'transmission-security',
  citation: CITATIONS.transmissionEncryption,
  targets: encryptedFlag('aws_elasticache_replication_group', 'AWS::ElastiCache::ReplicationGroup', 'transit_encryption_enabled', 'TransitEncryptionEnabled'),
  remediation: 'Set `transit_encryption_enabled = true` and have clients connect with TLS.',
  bad: tfExample(
    'aws_elasticache_replication_group',
    '  replication_group_id       = "sessions"\n  description                = "sessions"\n  transit_encryption_enabled = false\n',
    4,
  ),
  good: tfExample(
    'aws_elasticache_replication_group',
    '  replication_group_id       = "sessions"\n  description                = "sessions"\n  transit_encryption_enabled = true\n',
  ),
});

/**
 * The parameter that forces TLS for a parameter-group family, its safe value, and what RDS
 * assumes when the group does not set it (PostgreSQL 15 and later default `rds.force_ssl` to 1).
 */
function forcedTlsParameter(family: unknown): { name: string; value: string; absent?: string } | undefined {
  if (typeof family !== 'string') return undefined;
  const postgres = /postgres(?:ql)?(\d+)/.exec(family);
  if (postgres) return { name: 'rds.force_ssl', value: '1', ...(Number(postgres[1]) >= 15 ? { absent: '1' } : {}) };
  if (family.includes('mysql') || family.includes('mariadb')) return { name: 'require_secure_transport', value: '1' };
  return undefined;
}

function checkForcedTls(resource: InfraResource): Verdict | undefined {
  const terraform = resource.format === 'terraform';
  const familyPath = [terraform ? 'family' : 'Family'];
  const family = valueAt(resource.values, familyPath);
  if (isUnresolved(family)) return { verdict: 'unknown', path: familyPath, expression: family.expression };
  const parameter = forcedTlsParameter(family);
  if (!parameter) return undefined;
  let path: AttributePath = [terraform ? 'parameter' : 'Parameters'];
  const parameters = valueAt(resource.values, path);
  if (isUnresolved(parameters)) return { verdict: 'unknown', path, expression: parameters.expression };
  if (terraform) {
    const list = Array.isArray(parameters) ? parameters : [];
    const index = list.findIndex((item) => valueAt(item, ['name']) === parameter.name);
    const pending = list.findIndex((item) => isUnresolved(item) || isUnresolved(valueAt(item, ['name'])));
    if (index < 0 && pending >= 0) return { verdict: 'unknown', path: ['parameter', pending], expression: 'a parameter whose name could not be resolved' };
    if (index >= 0) path = ['parameter', index, 'value'];
  } else if (valueAt(resource.values, ['Parameters', parameter.name]) !== undefined) {
    path = ['Parameters', parameter.name];
  }
  const written = path.length > 1 ? valueAt(resource.values, path) : undefined;
  const expect: Expectation = {
    expected: `"${parameter.value}" so clients must use TLS`,
    test: (value) => (typeof value === 'string' || typeof value === 'number') && [parameter.value, 'ON'].includes(String(value).toUpperCase()),
  };
  const verdict = judgeValue(path, written ?? parameter.absent, expect, parameter.name);
  return verdict;
}

const rdsForceSsl: InfraRule = {
  id: 'IAC-RDS-FORCE-SSL',
  title: 'RDS parameter group does not require TLS',
  ...IN_TRANSIT,
  description:
    'Without `rds.force_ssl = 1` (PostgreSQL; the default from version 15) or `require_secure_transport = 1` (MySQL, MariaDB) the database accepts unencrypted client connections.',
  remediation: 'Add `parameter { name = "rds.force_ssl", value = "1" }` (or `require_secure_transport`) to the parameter group.',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: ['aws_db_parameter_group', 'aws_rds_cluster_parameter_group', 'AWS::RDS::DBParameterGroup', 'AWS::RDS::DBClusterParameterGroup'],
  check: checkForcedTls,
  examples: {
    bad: [
      {
        path: 'db.tf',
        line: 6,
        text: `resource "aws_db_parameter_group" "phi" {\n  name   = "phi"\n  family = "postgres14"\n  parameter {\n    name  = "rds.force_ssl"\n    value = "0"\n  }\n}\n`,
      },
    ],
    good: [
      {
        path: 'db.tf',
        text: `resource "aws_db_parameter_group" "phi" {\n  name   = "phi"\n  family = "postgres14"\n  parameter {\n    name  = "rds.force_ssl"\n    value = "1"\n  }\n}\n`,
      },
      {
        path: 'db.yaml',
        text: `Resources:\n  Params:\n    Type: AWS::RDS::DBParameterGroup\n    Properties:\n      Family: mysql8.0\n      Parameters:\n        require_secure_transport: "1"\n`,
      },
      { path: 'db16.tf', text: `resource "aws_db_parameter_group" "phi" {\n  name   = "phi"\n  family = "postgres16"\n}\n` },
    ],
  },
};

export const rdsBackupRetention = attributeRule({
  id: 'IAC-RDS-BACKUP-RETENTION',
  title: 'RDS backups kept for less than 7 days',
  family: 'terraform',
  severity: 'medium',
  safeguard: 'integrity',
  citation: CITATIONS.integrityMechanism,
  description:
    'Automated backups are how PHI altered or destroyed by mistake or attack is recovered. AWS keeps one day by default; a shortened retention is reported as `weakened`. Members of an Aurora cluster take their backups from the cluster, which is judged instead.',
  remediation: 'Set `backup_retention_period` to 7 days or more (35 at most).',
  targets: [
    tf('aws_db_instance', ['backup_retention_period'], { absent: 1 }),
    tf('aws_rds_cluster', ['backup_retention_period'], { absent: 1 }),
    cfn('AWS::RDS::DBInstance', ['BackupRetentionPeriod'], { absent: 1, when: ownsBackups }),
    cfn('AWS::RDS::DBCluster', ['BackupRetentionPeriod'], { absent: 1 }),
  ],
  expect: atLeast(7, 'days'),
  examples: {
    bad: [tfExample('aws_db_instance', '  engine                  = "postgres"\n  backup_retention_period = 0\n', 3)],
    good: [tfExample('aws_db_instance', '  engine                  = "postgres"\n  backup_retention_period = 14\n')],
  },
});

const rdsDeletionProtection = attributeRule({
  id: 'IAC-RDS-DELETION-PROTECTION',
  title: 'RDS deletion protection is off',
  family: 'terraform',
  severity: 'medium',
  safeguard: 'integrity',
  citation: CITATIONS.integrityMechanism,
  description: 'Deletion protection keeps a database holding PHI from being destroyed by one mistaken apply or API call.',
  remediation: 'Set `deletion_protection = true` on the instance or cluster; turn it off only in the change that deletes it.',
  targets: [
    tf('aws_db_instance', ['deletion_protection'], { absent: false }),
    tf('aws_rds_cluster', ['deletion_protection'], { absent: false }),
    cfn('AWS::RDS::DBInstance', ['DeletionProtection'], { absent: false, when: ownsBackups }),
    cfn('AWS::RDS::DBCluster', ['DeletionProtection'], { absent: false }),
  ],
  expect: mustBeTrue,
  examples: {
    bad: [tfExample('aws_rds_cluster', '  engine              = "aurora-postgresql"\n  deletion_protection = false\n', 3)],
    good: [tfExample('aws_rds_cluster', '  engine              = "aurora-postgresql"\n  deletion_protection = true\n')],
  },
});

const versioningEnabled = oneOf(['Enabled', true], '"Enabled"', ['Suspended', 'Disabled', false, 'Enabled', true]);
const versioningStatus = attributeRule({
  id: 'IAC-S3-VERSIONING',
  title: 'S3 bucket versioning is off or suspended',
  family: 'terraform',
  severity: 'medium',
  safeguard: 'integrity',
  citation: CITATIONS.integrityMechanism,
  description:
    'Versioning keeps every earlier version of an object, so PHI overwritten or deleted by mistake or attack can be recovered. A bucket with no versioning at all (no `aws_s3_bucket_versioning` for it in the module, no inline `versioning`, no CloudFormation `VersioningConfiguration`) is reported too; deleting the versioning resource is `removed`.',
  remediation: 'Keep an `aws_s3_bucket_versioning` with `status = "Enabled"` for the bucket (CloudFormation: `VersioningConfiguration: {Status: Enabled}`).',
  targets: [
    tf('aws_s3_bucket_versioning', ['versioning_configuration', 0, 'status']),
    tf('aws_s3_bucket', ['versioning', 0, 'enabled'], { absent: false }),
    cfn('AWS::S3::Bucket', ['VersioningConfiguration', 'Status']),
  ],
  expect: versioningEnabled,
  examples: {
    bad: [
      tfExample('aws_s3_bucket_versioning', '  bucket = aws_s3_bucket.phi.id\n  versioning_configuration {\n    status = "Suspended"\n  }\n', 4),
      tfExample('aws_s3_bucket', '  bucket = "phi-records"\n', 1),
      { path: 'storage.yaml', line: 4, text: 'Resources:\n  Records:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: phi-records\n' },
    ],
    good: [
      tfExample('aws_s3_bucket_versioning', '  bucket = aws_s3_bucket.phi.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n'),
      {
        path: 'main.tf',
        text: 'resource "aws_s3_bucket" "phi" {\n  bucket = "phi-records"\n}\n\nresource "aws_s3_bucket_versioning" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
      },
      {
        path: 'storage.yaml',
        text: 'Resources:\n  Records:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n',
      },
    ],
  },
});

export const s3Versioning: InfraRule = {
  ...versioningStatus,
  check: (resource, context) => {
    if (resource.type === 'aws_s3_bucket' && valueAt(resource.values, ['versioning']) === undefined) {
      // Versioning configured by its own resource: the bucket is judged through it.
      const companion = referencing(resource, context, ['aws_s3_bucket_versioning'], ['bucket'])[0];
      if (companion) return { verdict: 'pass', path: [], actual: companion.address, providedBy: companion.address };
      return {
        verdict: 'fail',
        path: [],
        actual: null,
        expected: '"Enabled"',
        message: 'the bucket has no versioning (no aws_s3_bucket_versioning refers to it); expected versioning "Enabled"',
      };
    }
    return versioningStatus.check(resource, context);
  },
};

/** Redshift's `require_ssl` parameter, in a Terraform parameter group or a CloudFormation one. */
function checkRedshiftSsl(resource: InfraResource): Verdict {
  const terraform = resource.format === 'terraform';
  const listPath: AttributePath = [terraform ? 'parameter' : 'Parameters'];
  const list = valueAt(resource.values, listPath);
  if (isUnresolved(list)) return { verdict: 'unknown', path: listPath, expression: list.expression };
  const items = Array.isArray(list) ? list : [];
  const [nameKey, valueKey] = terraform ? ['name', 'value'] : ['ParameterName', 'ParameterValue'];
  const index = items.findIndex((item) => valueAt(item, [nameKey]) === 'require_ssl');
  const pending = items.findIndex((item) => isUnresolved(item) || isUnresolved(valueAt(item, [nameKey])));
  if (index < 0 && pending >= 0) return { verdict: 'unknown', path: [...listPath, pending], expression: 'a parameter whose name could not be resolved' };
  const path = index < 0 ? listPath : [...listPath, index, valueKey];
  return judgeValue(path, index < 0 ? false : valueAt(resource.values, path), mustBeTrue, 'require_ssl');
}

const redshiftRequireSsl: InfraRule = {
  id: 'IAC-REDSHIFT-REQUIRE-SSL',
  title: 'Redshift parameter group does not require TLS',
  ...IN_TRANSIT,
  description: 'A Redshift cluster accepts unencrypted client connections unless its parameter group sets `require_ssl` to `true` (the default is `false`).',
  remediation:
    'Add `parameter { name = "require_ssl", value = "true" }` to the `aws_redshift_parameter_group` (CloudFormation `Parameters: [{ParameterName: require_ssl, ParameterValue: "true"}]`).',
  formats: ['terraform', 'cloudformation'],
  resourceTypes: ['aws_redshift_parameter_group', 'AWS::Redshift::ClusterParameterGroup'],
  strength: mustBeTrue.strength,
  check: checkRedshiftSsl,
  examples: {
    bad: [
      {
        path: 'warehouse.tf',
        line: 6,
        text: `resource "aws_redshift_parameter_group" "phi" {\n  name   = "phi"\n  family = "redshift-1.0"\n  parameter {\n    name  = "require_ssl"\n    value = "false"\n  }\n}\n`,
      },
      {
        path: 'warehouse.yaml',
        line: 6,
        text: `Resources:\n  Params:\n    Type: AWS::Redshift::ClusterParameterGroup\n    Properties:\n      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: enable_user_activity_logging\n          ParameterValue: "true"\n`,
      },
    ],
    good: [
      {
        path: 'warehouse.tf',
        text: `resource "aws_redshift_parameter_group" "phi" {\n  name   = "phi"\n  family = "redshift-1.0"\n  parameter {\n    name  = "require_ssl"\n    value = "true"\n  }\n}\n`,
      },
      {
        path: 'warehouse.yaml',
        text: `Resources:\n  Params:\n    Type: AWS::Redshift::ClusterParameterGroup\n    Properties:\n      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: require_ssl\n          ParameterValue: "true"\n`,
      },
    ],
  },
};

const redshiftPublic = attributeRule({
  id: 'IAC-REDSHIFT-PUBLIC',
  title: 'Redshift cluster is publicly accessible',
  family: 'terraform',
  severity: 'critical',
  safeguard: 'access-control',
  description:
    '`publicly_accessible = true` (CloudFormation `PubliclyAccessible: true`) gives the warehouse a public address: its data, often PHI, is one security-group rule away from the internet. In Terraform an absent `publicly_accessible` is judged as true: AWS provider versions before 5.0 made that the default, and a cluster created then keeps it.',
  remediation: 'Set `publicly_accessible = false` and reach the cluster from inside the VPC.',
  targets: [tf('aws_redshift_cluster', ['publicly_accessible'], { absent: true }), cfn('AWS::Redshift::Cluster', ['PubliclyAccessible'], { absent: false })],
  expect: mustBeFalse,
  examples: {
    bad: [
      tfExample('aws_redshift_cluster', '  cluster_identifier  = "warehouse"\n  publicly_accessible = true\n', 3),
      tfExample('aws_redshift_cluster', '  cluster_identifier = "warehouse"\n', 1),
    ],
    good: [tfExample('aws_redshift_cluster', '  cluster_identifier  = "warehouse"\n  publicly_accessible = false\n')],
  },
});

export const DATA_RULES: readonly InfraRule[] = [
  rdsEncryption,
  auroraEncryption,
  s3Encryption,
  ebsEncryption,
  efsEncryption,
  dynamoDbEncryption,
  sqsEncryption,
  snsEncryption,
  elastiCacheEncryption,
  redshiftEncryption,
  elastiCacheTransit,
  rdsForceSsl,
  rdsBackupRetention,
  rdsDeletionProtection,
  s3Versioning,
  redshiftRequireSsl,
  redshiftPublic,
];

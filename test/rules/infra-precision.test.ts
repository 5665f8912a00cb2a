/**
 * What the infra rules judge, through the real parsers and engine: values inherited from
 * elsewhere, provider defaults, every spelling of "anywhere", companion resources, and the
 * guards that decide whether a rule applies (undecided is unknown, never "does not apply").
 */
import { describe, expect, it } from 'vitest';
import { analyzeInfra } from '../../checks/infra/evaluate.js';
import type { InfraRule } from '../../checks/infra/rule.js';
import { s3PublicAccessBlock, securityGroupOpen } from '../../checks/infra/rules/aws-access.js';
import { s3AccessLogging } from '../../checks/infra/rules/aws-audit.js';
import { auroraEncryption, rdsBackupRetention, rdsEncryption, s3Versioning, sqsEncryption } from '../../checks/infra/rules/aws-data.js';
import { lbAccessLogs, lbWafAssociation } from '../../checks/infra/rules/aws-load-balancing.js';
import { azureMinTls } from '../../checks/infra/rules/gcp-azure.js';

const NOW = new Date('2026-01-15T00:00:00Z');

async function judge(rule: InfraRule, path: string, text: string) {
  const result = await analyzeInfra({ base: [], head: [{ path, text }], rules: [rule], now: NOW });
  return {
    findings: result.findings.map((finding) => [finding.evidence.resource, finding.location.kind === 'file' ? finding.location.startLine : 0]),
    unknown: result.unknown.map((entry) => entry.message),
  };
}

describe('values inherited from elsewhere', () => {
  it('a read replica and a snapshot restore inherit encryption; a plain instance does not', async () => {
    // Given an unencrypted primary, its replica and a restore, none setting storage_encrypted
    const text = `resource "aws_db_instance" "primary" {\n  engine = "postgres"\n}\nresource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.primary.identifier\n}\nresource "aws_db_instance" "restored" {\n  snapshot_identifier = "phi-2026-01-01"\n}\n`;
    // Then only the primary is reported
    expect((await judge(rdsEncryption, 'main.tf', text)).findings).toEqual([['aws_db_instance.primary', 1]]);
  });

  it('a replica whose source is a variable without value is unknown', async () => {
    const text = `variable "source_db" {}\nresource "aws_db_instance" "maybe" {\n  replicate_source_db = var.source_db\n}\n`;
    const result = await judge(rdsEncryption, 'main.tf', text);
    expect(result.findings).toEqual([]);
    expect(result.unknown).toEqual([expect.stringContaining('var.source_db')]);
  });

  it('Aurora Serverless v1 is always encrypted; a provisioned cluster is judged', async () => {
    const text = `resource "aws_rds_cluster" "serverless" {\n  engine_mode = "serverless"\n}\nresource "aws_rds_cluster" "provisioned" {\n  engine = "aurora-postgresql"\n}\n`;
    expect((await judge(auroraEncryption, 'main.tf', text)).findings).toEqual([['aws_rds_cluster.provisioned', 4]]);
  });

  it('a CloudFormation instance in an Aurora cluster takes its backups and encryption from the cluster', async () => {
    const template = `Resources:\n  Writer:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBClusterIdentifier: !Ref Cluster\n      DBInstanceClass: db.r6g.large\n`;
    expect((await judge(rdsBackupRetention, 'db.yaml', template)).findings).toEqual([]);
    expect((await judge(rdsEncryption, 'db.yaml', template)).findings).toEqual([]);
  });
});

describe('defaults and spellings', () => {
  it.each(['::/0', '0:0:0:0:0:0:0:0/0', '0000:0000:0000:0000:0000:0000:0000:0000/0', '0.0.0.0/0', '0.0.0.0/00'])('%s is anywhere', async (cidr) => {
    const text = `resource "aws_security_group_rule" "ssh" {\n  type             = "ingress"\n  from_port        = 22\n  to_port          = 22\n  protocol         = "tcp"\n  ipv6_cidr_blocks = ["${cidr}"]\n}\n`;
    expect((await judge(securityGroupOpen, 'main.tf', text)).findings).toEqual([['aws_security_group_rule.ssh', 1]]);
  });

  it('each open ingress rule of a security group is its own finding; an unresolved rule type is unknown', async () => {
    const text = `resource "aws_security_group" "db" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n  ingress {\n    from_port   = 5432\n    to_port     = 5432\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`;
    expect((await judge(securityGroupOpen, 'main.tf', text)).findings).toEqual([
      ['aws_security_group.db', 2],
      ['aws_security_group.db', 8],
    ]);
    const typed = `variable "direction" {}\nresource "aws_security_group_rule" "r" {\n  type        = var.direction\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n`;
    expect((await judge(securityGroupOpen, 'main.tf', typed)).unknown).toEqual([expect.stringContaining('var.direction')]);
  });

  it('a CloudFormation PublicAccessBlockConfiguration with omitted flags has them false; a bucket with no configuration is reported on its block', async () => {
    const bucket = (properties: string) => `Resources:\n  Records:\n    Type: AWS::S3::Bucket\n    Properties:\n${properties}`;
    const partial = await judge(
      s3PublicAccessBlock,
      'storage.yaml',
      bucket('      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        IgnorePublicAcls: true\n'),
    );
    expect(partial.findings).toEqual([
      ['Records', 5],
      ['Records', 5],
    ]);
    expect((await judge(s3PublicAccessBlock, 'storage.yaml', bucket('      BucketName: records\n'))).findings).toEqual([['Records', 2]]);
  });

  it('azurerm_app_service is judged on site_config.min_tls_version, the attribute it has', async () => {
    const text = `resource "azurerm_app_service" "portal" {\n  name = "portal"\n  site_config {\n    min_tls_version = "1.0"\n  }\n}\n`;
    expect((await judge(azureMinTls, 'main.tf', text)).findings).toEqual([['azurerm_app_service.portal', 4]]);
  });

  it('a Terraform bucket with no versioning at all is reported; one with an aws_s3_bucket_versioning is not', async () => {
    const bucket = `resource "aws_s3_bucket" "phi" {\n  bucket = "phi-records"\n}\n`;
    const versioning = `resource "aws_s3_bucket_versioning" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`;
    expect((await judge(s3Versioning, 'main.tf', bucket)).findings).toEqual([['aws_s3_bucket.phi', 1]]);
    expect((await judge(s3Versioning, 'main.tf', `${bucket}${versioning}`)).findings).toEqual([]);
  });

  it('a queue with a KMS key given by reference is encrypted, not unknown', async () => {
    const text = `resource "aws_sqs_queue" "claims" {\n  kms_master_key_id = aws_kms_key.queues.arn\n}\n`;
    expect(await judge(sqsEncryption, 'main.tf', text)).toEqual({ findings: [], unknown: [] });
  });
});

describe('load balancers', () => {
  it('a Network Load Balancer without access logs is reported; a gateway one is not judged', async () => {
    const text = `resource "aws_lb" "nlb" {\n  load_balancer_type = "network"\n}\nresource "aws_lb" "gwlb" {\n  load_balancer_type = "gateway"\n}\n`;
    expect((await judge(lbAccessLogs, 'main.tf', text)).findings).toEqual([['aws_lb.nlb', 1]]);
  });

  it('a WAF Classic association counts as a WAF', async () => {
    const text = `resource "aws_lb" "front" {\n  internal = false\n}\nresource "aws_wafregional_web_acl_association" "front" {\n  resource_arn = aws_lb.front.arn\n  web_acl_id   = aws_wafregional_web_acl.main.id\n}\n`;
    expect((await judge(lbWafAssociation, 'main.tf', text)).findings).toEqual([]);
  });

  it('a load balancer whose scheme is a variable without value is unknown for the WAF rule', async () => {
    const text = `variable "internal" {}\nresource "aws_lb" "front" {\n  internal = var.internal\n}\n`;
    expect((await judge(lbWafAssociation, 'main.tf', text)).unknown).toEqual([expect.stringContaining('var.internal')]);
  });
});

describe('S3 access logging', () => {
  it('the bucket that receives access logs is not asked to log its own access', async () => {
    const text = `resource "aws_s3_bucket" "phi" {\n  bucket = "phi-records"\n}\nresource "aws_s3_bucket" "logs" {\n  bucket = "access-logs"\n}\nresource "aws_s3_bucket_logging" "phi" {\n  bucket        = aws_s3_bucket.phi.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "phi/"\n}\n`;
    expect(await judge(s3AccessLogging, 'main.tf', text)).toEqual({ findings: [], unknown: [] });
  });
});

/**
 * IAC-S3-PUBLIC-ACCESS-BLOCK on a Terraform bucket: judged through an
 * aws_s3_bucket_public_access_block of its module instance, like a CloudFormation bucket through
 * its PublicAccessBlockConfiguration; unknown when a block's bucket cannot be resolved.
 */
import { describe, expect, it } from 'vitest';
import { analyzeInfra } from '../../../checks/infra/evaluate.js';
import { s3PublicAccessBlock } from '../../../checks/infra/rules/aws-access.js';

const NOW = new Date('2026-01-15T00:00:00Z');
const bucket = (name: string) => `resource "aws_s3_bucket" "phi" {\n  bucket = ${name}\n}\n`;
const block = (reference: string) =>
  `resource "aws_s3_bucket_public_access_block" "phi" {\n  bucket                  = ${reference}\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n`;

function judge(files: Record<string, string>) {
  return analyzeInfra({ base: [], head: Object.entries(files).map(([path, text]) => ({ path, text })), rules: [s3PublicAccessBlock], now: NOW });
}

describe('a Terraform bucket and its public access block', () => {
  it('a bucket with no block in its module is a finding on the bucket block', async () => {
    const result = await judge({ 'main.tf': bucket('"phi-records"') });
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'IAC-S3-PUBLIC-ACCESS-BLOCK',
        change: 'introduced',
        location: { kind: 'file', path: 'main.tf', startLine: 1, endLine: 3 },
      }),
    ]);
    expect(result.findings[0]!.message).toMatch(/aws_s3_bucket\.phi: no aws_s3_bucket_public_access_block in this module refers to the bucket/);
  });

  it('a block naming the bucket by reference or by its literal name covers it', async () => {
    for (const reference of ['aws_s3_bucket.phi.id', '"phi-records"']) {
      const result = await judge({ 'main.tf': `${bucket('"phi-records"')}\n${block(reference)}` });
      expect(result.findings, reference).toEqual([]);
      expect(result.unknown, reference).toEqual([]);
    }
  });

  it('a block for another bucket does not cover this one', async () => {
    const result = await judge({ 'main.tf': `${bucket('"phi-records"')}\n${block('aws_s3_bucket.logs.id')}` });
    expect(result.findings.map((finding) => finding.evidence?.resource)).toEqual(['aws_s3_bucket.phi']);
  });

  it('a block in another module does not cover the bucket: the companion must sit in its module instance', async () => {
    const result = await judge({ 'modules/storage/main.tf': bucket('"phi-records"'), 'live/main.tf': block('"phi-records"') });
    expect(result.findings.map((finding) => `${finding.location.kind === 'file' ? finding.location.path : ''} ${String(finding.evidence?.resource)}`)).toEqual([
      'modules/storage/main.tf aws_s3_bucket.phi',
    ]);
  });

  it('an account-wide public access block in the module covers the bucket', async () => {
    const account = `resource "aws_s3_account_public_access_block" "this" {\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n`;
    const result = await judge({ 'main.tf': `${bucket('"phi-records"')}\n${account}` });
    expect(result.findings).toEqual([]);
  });

  it('a block whose bucket is a variable, or a bucket whose name is, is unknown: never a pass or a fail', async () => {
    for (const [name, reference, expression] of [
      ['"phi-records"', 'var.bucket_id', 'var.bucket_id'],
      ['var.bucket_name', '"phi-records"', 'var.bucket_name'],
    ] as const) {
      const result = await judge({ 'main.tf': `${bucket(name)}\n${block(reference)}` });
      expect(result.findings, reference).toEqual([]);
      expect(result.unknown, reference).toEqual([
        expect.objectContaining({ ruleId: 'IAC-S3-PUBLIC-ACCESS-BLOCK', location: expect.objectContaining({ path: 'main.tf', startLine: 1 }) }),
      ]);
      expect(result.unknown[0]!.message).toContain(expression);
      expect(result.unknown[0]!.message).toContain('aws_s3_bucket_public_access_block.phi');
    }
  });
});

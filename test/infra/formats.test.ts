import { describe, expect, it } from 'vitest';
import { detectFormat, infraPathFilter, parseInfraFile } from '../../checks/infra/formats.js';

describe('infra format detection', () => {
  it.each([
    ['main.tf', 'resource "aws_s3_bucket" "a" {}\n', 'terraform'],
    ['stack.yaml', 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n', 'cloudformation'],
    ['stack.json', '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}', 'cloudformation'],
  ])('%s is %s', (path, text, format) => {
    expect(detectFormat(path, text)?.format).toBe(format);
  });

  it('a YAML file that is none of the formats is not infra', () => {
    expect(detectFormat('docker-compose.yml', 'services:\n  web:\n    image: nginx\n')).toBeUndefined();
  });

  it('reads known extensions, adds infra.include and honours infra.exclude', () => {
    const isInfra = infraPathFilter({ include: ['deploy/*.hcl'], exclude: ['vendor/**'] });
    expect(isInfra('infra/main.tf')).toBe(true);
    expect(isInfra('deploy/app.hcl')).toBe(true);
    expect(isInfra('vendor/module/main.tf')).toBe(false);
    expect(isInfra('README.md')).toBe(false);
  });

  it('an included file with an unknown extension is recognised by content', async () => {
    const parsed = await parseInfraFile('deploy/app.hcl', 'resource "aws_ebs_volume" "data" {\n  encrypted = true\n}\n');
    expect(parsed?.ok && parsed.resources.map((resource) => resource.address)).toEqual(['aws_ebs_volume.data']);
  });
});

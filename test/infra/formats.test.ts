import { describe, expect, it } from 'vitest';
import { detectFormat, infraPathFilter, parseInfraFile } from '../../checks/infra/formats.js';
import { terraformParser } from '../../checks/infra/terraform/format.js';

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

  it('a README.yaml or JSON document that shows a Terraform example is not Terraform (it would fail to parse beside the module)', () => {
    const readme = 'name: terraform-aws-alb\nusage: |-\n  module "alb" {\n    source = "cloudposse/alb/aws"\n    vpc_id = `${var.vpc}`\n  }\n';
    expect(detectFormat('README.yaml', readme)).toBeUndefined();
    expect(detectFormat('docs/example.json', '{"usage": "x"}\nmodule "alb" {\n}\n')).toBeUndefined();
    expect(detectFormat('deploy/edge.hcl', 'module "alb" {\n  source = "./alb"\n}\n')?.format).toBe('terraform');
  });

  it('reads known extensions, adds infra.include and honours infra.exclude', () => {
    const isInfra = infraPathFilter({ include: ['deploy/*.hcl'], exclude: ['vendor/**'] });
    expect(isInfra('infra/main.tf')).toBe(true);
    expect(isInfra('deploy/app.hcl')).toBe(true);
    expect(isInfra('vendor/module/main.tf')).toBe(false);
    expect(isInfra('README.md')).toBe(false);
  });

  it.each([
    ['live/prod/terraform.tfvars', 'terraform'],
    ['live/prod/prod.auto.tfvars.json', 'terraform'],
    ['live/prod/.terraform/modules/modules.json', 'terraform'],
  ])('%s is read as %s (it is part of a configuration)', (path, format) => {
    expect(infraPathFilter({ include: [], exclude: [] })(path)).toBe(true);
    expect(detectFormat(path, '{}')?.format).toBe(format);
  });

  it('a Terraform file depends on its module, the local modules it calls and, for registry modules, modules.json', () => {
    const text = `module "edge" {\n  source = "../../modules/edge"\n}\n\nmodule "vpc" {\n  version = "5.0"\n  source  = "terraform-aws-modules/vpc/aws"\n}\n\nmodule "outside" {\n  source = "../../../elsewhere"\n}\n`;
    expect(terraformParser.dependenciesOf!('live/prod/main.tf', text)).toEqual([
      'live/prod/*.tf',
      'live/prod/*.tf.json',
      'live/prod/*.tfvars',
      'live/prod/*.tfvars.json',
      'modules/edge/*.tf',
      'modules/edge/*.tf.json',
      'live/prod/.terraform/modules/modules.json',
    ]);
    const manifest = JSON.stringify({
      Modules: [
        { Key: 'vpc', Dir: '.terraform/modules/vpc' },
        { Key: 'x', Dir: '../escape' },
      ],
    });
    expect(terraformParser.dependenciesOf!('live/prod/.terraform/modules/modules.json', manifest)).toEqual([
      'live/prod/.terraform/modules/vpc/*.tf',
      'live/prod/.terraform/modules/vpc/*.tf.json',
    ]);
  });

  it('an included file with an unknown extension is recognised by content', async () => {
    const parsed = await parseInfraFile('deploy/app.hcl', 'resource "aws_ebs_volume" "data" {\n  encrypted = true\n}\n');
    expect(parsed?.ok && parsed.resources.map((resource) => resource.address)).toEqual(['aws_ebs_volume.data']);
  });
});

import { describe, expect, it } from 'vitest';
import { isUnresolved, type InfraResource, type ParsedInfraFile } from '../../../checks/infra/model.js';
import { describeHclError, parseTerraformModule } from '../../../checks/infra/terraform/parse-terraform.js';

function resources(results: ParsedInfraFile[]): InfraResource[] {
  return results.flatMap((result) => (result.ok ? result.resources : []));
}

const MAIN = `# A listener with a nested block, a map and a heredoc
resource "aws_lb_listener" "front" {
  protocol   = "HTTPS"
  ssl_policy = var.policy

  default_action {
    type = "redirect"
    redirect {
      protocol = "HTTPS" # "}" in a comment
    }
  }
  tags = {
    Name = "front-\${local.env}"
  }
  description = <<EOT
  { not a block }
EOT
  certificate_arn = var.certificate_arn
}

resource "aws_s3_bucket" "logs" { bucket = "logs" }
`;

const VARIABLES = `variable "policy" {
  default = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "certificate_arn" {}

locals {
  env = "prod"
}
`;

describe('parseTerraformModule', () => {
  it('gives exact line ranges for blocks, nested blocks and attributes', async () => {
    // Given a module file with comments, a map and a heredoc
    const [listener, bucket] = resources(await parseTerraformModule([{ path: 'infra/main.tf', text: MAIN }]));
    // Then every block and attribute knows its lines
    expect(listener!.address).toBe('aws_lb_listener.front');
    expect(listener!.range).toEqual({ startLine: 2, endLine: 19 });
    expect(listener!.locate(['ssl_policy'])).toEqual({ startLine: 4, endLine: 4 });
    expect(listener!.locate(['default_action'])).toEqual({ startLine: 6, endLine: 11 });
    expect(listener!.locate(['default_action', 0, 'redirect', 0, 'protocol'])).toEqual({ startLine: 9, endLine: 9 });
    expect(listener!.locate(['tags'])).toEqual({ startLine: 12, endLine: 14 });
    expect(listener!.locate(['description'])).toEqual({ startLine: 15, endLine: 17 });
    expect(listener!.locate(['certificate_arn'])).toEqual({ startLine: 18, endLine: 18 });
    // An absent attribute points at its resource
    expect(listener!.locate(['missing'])).toEqual({ startLine: 2, endLine: 19 });
    // A one-line block
    expect(bucket!.range).toEqual({ startLine: 21, endLine: 21 });
    expect(bucket!.locate(['bucket'])).toEqual({ startLine: 21, endLine: 21 });
  });

  it('resolves variable defaults and locals from the other files of the module, and leaves the rest unresolved', async () => {
    const [listener] = resources(
      await parseTerraformModule([
        { path: 'infra/main.tf', text: MAIN },
        { path: 'infra/variables.tf', text: VARIABLES },
      ]),
    );
    expect(listener!.values.ssl_policy).toBe('ELBSecurityPolicy-TLS13-1-2-2021-06');
    expect(listener!.values.tags).toEqual({ Name: 'front-prod' });
    const certificate = listener!.values.certificate_arn;
    expect(certificate).toEqual(
      expect.objectContaining({
        expression: '${var.certificate_arn}',
        reason: 'var.certificate_arn has no default and no value in terraform.tfvars, *.auto.tfvars or infra.terraform.var-files',
      }),
    );
  });

  it('without the variables file, a variable is unresolved, never guessed', async () => {
    const [listener] = resources(await parseTerraformModule([{ path: 'infra/main.tf', text: MAIN }]));
    expect(isUnresolved(listener!.values.ssl_policy)).toBe(true);
  });

  it('follows moved blocks, chains included', async () => {
    const text = `resource "aws_cloudtrail" "audit" {\n  name = "audit"\n}\n\nmoved {\n  from = aws_cloudtrail.main\n  to   = aws_cloudtrail.audit\n}\n\nmoved {\n  from = aws_cloudtrail.old\n  to   = aws_cloudtrail.main\n}\n`;
    const [trail] = resources(await parseTerraformModule([{ path: 'audit.tf', text }]));
    expect(trail!.movedFrom?.sort()).toEqual(['aws_cloudtrail.main', 'aws_cloudtrail.old']);
  });

  it('marks a dynamic block as unresolved and expands jsonencode()', async () => {
    const text = `resource "aws_security_group" "db" {\n  dynamic "ingress" {\n    for_each = var.ports\n    content {\n      from_port = ingress.value\n    }\n  }\n}\n\nresource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject" }] })\n}\n`;
    const [group, policy] = resources(await parseTerraformModule([{ path: 'main.tf', text }]));
    expect(isUnresolved(group!.values.ingress)).toBe(true);
    expect(policy!.values.policy).toEqual({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }] });
  });

  it('reports a syntax error with its line and keeps parsing the other files', async () => {
    const [broken, fine] = await parseTerraformModule([
      { path: 'broken.tf', text: 'resource "aws_s3_bucket" "a" {\n  bucket = \n}\n' },
      { path: 'fine.tf', text: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n' },
    ]);
    expect(broken).toMatchObject({ ok: false, path: 'broken.tf', format: 'terraform', line: 2 });
    expect(broken!.ok === false && broken!.message).toMatch(/Invalid expression/);
    expect(fine!.ok && fine!.resources.map((resource) => resource.address)).toEqual(['aws_s3_bucket.b']);
  });

  it('reads the line out of hcl2json error messages', () => {
    expect(describeHclError('parse config: [a.tf:7,3-9: Unclosed configuration block; There is no closing brace.]')).toEqual({
      line: 7,
      message: 'Unclosed configuration block; There is no closing brace.',
    });
    expect(describeHclError('something else')).toEqual({ line: 1, message: 'something else' });
  });

  it('reads .tf.json in the same shape, with line ranges and variable defaults', async () => {
    const text = JSON.stringify(
      {
        variable: { min_tls: { default: 'TLSv1.2_2021' } },
        resource: {
          aws_cloudfront_distribution: {
            site: { viewer_certificate: { minimum_protocol_version: '${var.min_tls}' }, default_cache_behavior: [{ viewer_protocol_policy: 'allow-all' }] },
          },
        },
      },
      null,
      2,
    );
    const [distribution] = resources(await parseTerraformModule([{ path: 'cdn.tf.json', text }]));
    expect(distribution!.address).toBe('aws_cloudfront_distribution.site');
    expect(distribution!.values.viewer_certificate).toEqual([{ minimum_protocol_version: 'TLSv1.2_2021' }]);
    expect(distribution!.locate(['viewer_certificate', 0, 'minimum_protocol_version'])).toEqual({ startLine: 11, endLine: 11 });
    expect(distribution!.locate(['default_cache_behavior', 0, 'viewer_protocol_policy'])).toEqual({ startLine: 15, endLine: 15 });
    expect(distribution!.range).toEqual({ startLine: 9, endLine: 18 });
  });

  it('reports malformed .tf.json with its line', async () => {
    const [broken] = await parseTerraformModule([{ path: 'main.tf.json', text: '{\n  "resource": {\n    "aws_s3_bucket": ]\n}\n' }]);
    expect(broken).toMatchObject({ ok: false, path: 'main.tf.json', format: 'terraform', line: 3 });
  });

  it('refuses a file nested too deeply for the parser, and the parser keeps working afterwards', async () => {
    // Given hostile files whose nesting would overflow the WASM parser's stack, next to an ordinary one
    const depth = 50_000;
    const brackets = { path: 'deep.tf', text: `locals {\n  a = 1\n  b = ${'['.repeat(depth)}${']'.repeat(depth)}\n}\n` };
    const negations = { path: 'not.tf', text: `locals {\n  c = ${'!'.repeat(depth)}true\n}\n` };
    // the same spread over lines: a newline between operators still nests
    const acrossLines = { path: 'lines.tf', text: `locals {\n  d = (\n${'!\n'.repeat(100_000)}true)\n}\n` };
    const conditionals = { path: 'cond.tf', text: `locals {\n  e = ${'var.a ?\n 1 :\n '.repeat(600)}0\n}\n` };
    const ordinary = { path: 'main.tf', text: 'resource "aws_s3_bucket" "logs" { bucket = "logs" }\n' };

    // When the module is parsed, and another module after it
    // (before the fix the overflow corrupted the runtime and the next parse never settled)
    const [deep, not, lines, cond, main] = await parseTerraformModule([brackets, negations, acrossLines, conditionals, ordinary]);
    const [later] = await parseTerraformModule([{ path: 'later.tf', text: 'resource "aws_s3_bucket" "more" { bucket = "more" }\n' }]);

    // Then the hostile files are parse errors with the line, and the others are parsed as usual
    expect(deep).toMatchObject({ ok: false, path: 'deep.tf', format: 'terraform', line: 3, message: expect.stringContaining('nest deeper') });
    expect(not).toMatchObject({ ok: false, path: 'not.tf', line: 2 });
    expect(lines).toMatchObject({ ok: false, path: 'lines.tf', line: 503, message: expect.stringContaining('nest deeper') });
    expect(cond).toMatchObject({ ok: false, path: 'cond.tf', message: expect.stringContaining('nest deeper') });
    expect(resources([main!, later!]).map((resource) => resource.address)).toEqual(['aws_s3_bucket.logs', 'aws_s3_bucket.more']);
  }, 20_000);

  it('does not mistake many ordinary lines for nesting', async () => {
    // Given a long file of ordinary conditionals and negative numbers, one per line
    const text = `locals {\n${Array.from({ length: 800 }, (_, index) => `  v${index} = var.on ? -1 : !var.off\n`).join('')}}\n`;
    // Then it parses
    const [result] = await parseTerraformModule([{ path: 'many.tf', text }]);
    expect(result).toMatchObject({ ok: true, path: 'many.tf' });
  });
});

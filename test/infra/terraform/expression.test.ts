/**
 * HCL expressions as hcl2json leaves them (`${…}` template strings), parsed and evaluated like
 * Terraform: what is known is computed; what is not is unresolved with the reason.
 */
import { describe, expect, it } from 'vitest';
import { isUnresolved } from '../../../checks/infra/model.js';
import { evaluateSafely, unknownBecause, type EvalScope } from '../../../checks/infra/terraform/evaluate.js';
import { ExpressionSyntaxError, parseExpression, parseTemplateBody } from '../../../checks/infra/terraform/expression.js';

const VARIABLES: Record<string, unknown> = {
  env: 'prod',
  enabled: true,
  ports: [443, 8443],
  listeners: { https: { port: 443, protocol: 'HTTPS' }, http: { port: 80, protocol: 'HTTP' } },
  tags: { Team: 'phi' },
  count: '3',
};

/** var.* from VARIABLES; `var.unset` and resource attributes are unknown, as in a real module. */
const scope: EvalScope = {
  reference: (root, name, node) => {
    if (root === 'var' && Object.hasOwn(VARIABLES, name)) return VARIABLES[name];
    if (root === 'var') return unknownBecause(`\${${node.text}}`, `var.${name} has no value`);
    return unknownBecause(`\${${node.text}}`, 'an attribute of another resource, known only after apply');
  },
  symbol: (name, node) => unknownBecause(`\${${node.text}}`, `${name} is not defined here`),
};

const run = (template: string) => evaluateSafely(parseTemplateBody(template), scope, template);

describe('evaluating expressions', () => {
  it.each([
    ['${var.env}', 'prod'],
    ['name-${var.env}-${1 + 2}', 'name-prod-3'],
    ['${var.enabled ? "on" : "off"}', 'on'],
    ['${!var.enabled || var.env == "prod"}', true],
    ['${var.count * 2 >= 6 && var.env != "dev"}', true],
    ['${-var.count + 10 % 4}', -1],
    ['${[for port in var.ports : port + 1 if port > 500]}', [8444]],
    ['${{ for name, listener in var.listeners : name => listener.port }}', { http: 80, https: 443 }],
    ['${{ for listener in values(var.listeners) : listener.protocol => listener.port... }}', { HTTP: [80], HTTPS: [443] }],
    ['${values(var.listeners)[*].protocol}', ['HTTP', 'HTTPS']],
    ['${values(var.listeners).*.port}', [80, 443]],
    ['${var.listeners["https"].port}', 443],
    ['${var.ports.1}', 8443],
    ['${merge(var.tags, { Env = var.env })}', { Team: 'phi', Env: 'prod' }],
    ['${lookup(var.tags, "Owner", "nobody")}', 'nobody'],
    ['${try(var.listeners.grpc.port, 50051)}', 50051],
    ['${can(var.listeners.grpc)}', false],
    ['${coalesce("", null, "first")}', 'first'],
    // decided by a known argument before the unknown one, as Terraform does
    ['${coalesce(null, "ELBSecurityPolicy-TLS13-1-3-2021-06", aws_lb.this.arn)}', 'ELBSecurityPolicy-TLS13-1-3-2021-06'],
    ['${concat(var.ports, [80])}', [443, 8443, 80]],
    ['${flatten([[1, [2]], 3])}', [1, 2, 3]],
    ['${contains(var.ports, 443)}', true],
    ['${length(var.listeners)}', 2],
    ['${element(var.ports, 3)}', 8443],
    ['${keys(var.listeners)}', ['http', 'https']],
    ['${tostring(42)}', '42'],
    ['${tonumber("8")}', 8],
    ['${tobool("true")}', true],
    ['${format("%s-%03d", var.env, 7)}', 'prod-007'],
    ['${join(",", split("-", "a-b-c"))}', 'a,b,c'],
    ['${upper(replace(var.env, "/o(d)/", "0$1"))}', 'PR0D'],
    ['${lower("TLS")}', 'tls'],
    ['${basename("examples/complete-alb")}', 'complete-alb'],
    ['${jsondecode("{\\"a\\": [1, true]}")}', { a: [1, true] }],
    ['${cidrsubnet("10.1.0.0/16", 8, 3)}', '10.1.3.0/24'],
    ['${cidrnetmask("172.16.0.0/12")}', '255.240.0.0'],
    ['${cidrhost("10.12.112.0/20", -2)}', '10.12.127.254'],
    ['${cidrhost("fd00:fd12:3456:7890::/56", 16)}', 'fd00:fd12:3456:7800::10'],
    // cloudposse/terraform-aws-alb keeps the IPv4 ranges of a mixed list this way
    ['${[for cidr in ["0.0.0.0/0", "::/0"] : cidr if can(cidrnetmask(cidr))]}', ['0.0.0.0/0']],
    ['${[for cidr in ["0.0.0.0/0", "::/0"] : cidr if !can(cidrnetmask(cidr)) && can(cidrhost(cidr, 0))]}', ['::/0']],
    ['${min(var.ports...)}', 443],
    ['${toset(["a", "b", "a"])}', ['a', 'b']],
    ['%{ if var.enabled }enabled%{ else }disabled%{ endif }', 'enabled'],
    ['%{ for port in var.ports }${port};%{ endfor }', '443;8443;'],
    ['literal $${not.interpolated}', 'literal ${not.interpolated}'],
    ['${"quoted \\"${var.env}\\""}', 'quoted "prod"'],
    ['${{\n  a = 1\n  b = [\n    2,\n  ]\n}}', { a: 1, b: [2] }],
  ])('%s', (template, expected) => {
    expect(run(template)).toEqual(expected);
  });

  it('a conditional on an unknown value keeps both arms as branches', () => {
    const value = run('${var.unset ? "ELBSecurityPolicy-2016-08" : "ELBSecurityPolicy-TLS13-1-2-2021-06"}');
    expect(isUnresolved(value) && value.branches).toEqual(['ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-TLS13-1-2-2021-06']);
    expect(isUnresolved(value) && value.reason).toBe('var.unset has no value');
  });

  it('anything built on an unknown value is unknown, named after the whole expression, with the first reason', () => {
    const value = run('arn:${aws_s3_bucket.logs.arn}/*');
    expect(isUnresolved(value) && value.expression).toBe('arn:${aws_s3_bucket.logs.arn}/*');
    expect(isUnresolved(value) && value.reason).toBe('an attribute of another resource, known only after apply');
    // while known parts of a structure stay known
    const list = run('${[var.env, aws_s3_bucket.logs.arn]}') as unknown[];
    expect(list[0]).toBe('prod');
    expect(isUnresolved(list[1])).toBe(true);
    expect(run('${length([var.env, aws_s3_bucket.logs.arn])}')).toBe(2);
    // an object with an unknown attribute is known not to be null
    expect(run('${{ id = aws_s3_bucket.logs.id } != null}')).toBe(true);
    expect(isUnresolved(run('${{ id = aws_s3_bucket.logs.id } == { id = "x" }}'))).toBe(true);
  });

  it('replace() on a JSON document kept as a structure (jsonencode, a policy document) works string by string', () => {
    // terraform-aws-s3-bucket puts the bucket ARN into its policy documents this way
    const document = run(
      '${replace(jsonencode({ Statement = [{ Effect = "Deny", Resource = ["_ARN_", "_ARN_/*"], Condition = { NumericLessThan = { "s3:TlsVersion" = 1.2 } } }] }), "_ARN_", aws_s3_bucket.logs.arn)}',
    ) as { Statement: Record<string, unknown>[] };
    const [statement] = document.Statement;
    expect(statement!.Effect).toBe('Deny');
    expect(statement!.Condition).toEqual({ NumericLessThan: { 's3:TlsVersion': 1.2 } });
    const resources = statement!.Resource as unknown[];
    expect(resources.every((resource) => isUnresolved(resource) && resource.reason === 'an attribute of another resource, known only after apply')).toBe(true);
    expect(run('${replace(jsonencode({ Resource = "_ARN_/*" }), "_ARN_", "arn:aws:s3:::phi")}')).toEqual({ Resource: 'arn:aws:s3:::phi/*' });
    // text that could match JSON punctuation, a pattern, or a replacement JSON would escape: unknown, with the reason
    expect(isUnresolved(run('${replace(jsonencode({ a = "b" }), "\\"", "x")}'))).toBe(true);
    expect(isUnresolved(run('${replace(jsonencode({ a = "b" }), "/b/", "x")}'))).toBe(true);
    const quoted = run('${replace(jsonencode({ a = "_X_" }), "_X_", "\\"")}');
    expect(isUnresolved(quoted) && quoted.reason).toBe('replace() would put characters JSON escapes into the document');
  });

  it('jsondecode() of a list or map is an error, so try(jsondecode(x), x) gives x even when parts of x are unknown', () => {
    const grants = run(
      '${try(jsondecode([{ id = aws_s3_bucket.logs.id, permission = "FULL_CONTROL" }]), [{ id = aws_s3_bucket.logs.id, permission = "FULL_CONTROL" }])}',
    ) as Record<string, unknown>[];
    expect(grants).toHaveLength(1);
    expect(grants[0]!.permission).toBe('FULL_CONTROL');
  });

  it('flatten() keeps objects whose attributes are unknown, and is unknown only when an element could be a list', () => {
    // terraform-aws-s3-bucket: `flatten([var.server_side_encryption_configuration["rule"]])` with a KMS key ARN made by the caller
    const rules = run('${flatten([{ sse_algorithm = "aws:kms", kms_master_key_id = aws_kms_key.objects.arn }])}') as Record<string, unknown>[];
    expect(rules).toHaveLength(1);
    expect(rules[0]!.sse_algorithm).toBe('aws:kms');
    expect(isUnresolved(rules[0]!.kms_master_key_id)).toBe(true);
    const unknown = run('${flatten([var.ports, aws_s3_bucket.logs.tags_all])}');
    expect(isUnresolved(unknown) && unknown.reason).toBe('an attribute of another resource, known only after apply');
  });

  it('coalesce() is unknown when an unknown argument comes before the first known one', () => {
    const value = run('${coalesce(var.unset, "ELBSecurityPolicy-TLS13-1-3-2021-06")}');
    expect(isUnresolved(value) && value.reason).toBe('var.unset has no value');
    // an object with an unknown attribute is not null: it is the answer
    const object = run('${coalesce({ arn = aws_lb.this.arn }, null)}') as Record<string, unknown>;
    expect(isUnresolved(object.arn)).toBe(true);
  });

  it('an expression Terraform would reject is unknown with its error, not a value', () => {
    const value = run('${var.listeners.grpc.port}');
    expect(isUnresolved(value) && value.reason).toBe('var.listeners.grpc: this object has no attribute "grpc"');
    const file = run('${file("policy.json")}');
    expect(isUnresolved(file) && file.reason).toBe('file() reads a file at plan time');
  });

  it('refuses malformed and absurdly deep expressions with a syntax error', () => {
    expect(() => parseExpression('1 +')).toThrow(ExpressionSyntaxError);
    expect(() => parseTemplateBody('${provider::aws::arn_parse("x")}')).toThrow(/provider-defined functions/);
    expect(() => parseExpression(`${'('.repeat(600)}1${')'.repeat(600)}`)).toThrow(/deeper than 500/);
  });
});

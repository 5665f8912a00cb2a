/**
 * Terraform configurations judged as Terraform would plan them: a weakening made only in a
 * caller's input or a tfvars is caught and points at that line; a module called twice is
 * judged twice; what the checkout does not hold is unknown with the reason, never silence.
 */
import { describe, expect, it } from 'vitest';
import { analyzeInfra } from '../../../checks/infra/evaluate.js';
import type { InfraResource } from '../../../checks/infra/model.js';
import { parseTerraformModule } from '../../../checks/infra/terraform/parse-terraform.js';
import type { Finding } from '../../../checks/model/finding.js';
import { EDGE_MODULE, ROOT, TFVARS, type Tree } from './fixtures.js';

const NOW = new Date('2026-02-01T09:00:00Z');
const STRONG = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
const WEAK = 'ELBSecurityPolicy-2016-08';

const files = (tree: Tree) => Object.entries(tree).map(([path, text]) => ({ path, text }));

async function resourcesOf(tree: Tree, varFiles?: string[]): Promise<InfraResource[]> {
  const results = await parseTerraformModule(files(tree), varFiles ? { varFiles } : {});
  return results.flatMap((result) => (result.ok ? result.resources : []));
}

async function notesOf(tree: Tree): Promise<string[]> {
  return (await parseTerraformModule(files(tree))).flatMap((result) => (result.ok ? (result.notes ?? []) : []));
}

function where(finding: Finding): string {
  return finding.location.kind === 'file' ? `${finding.location.path}:${finding.location.startLine}` : '';
}

describe('a root module calling local modules two levels deep, with terraform.tfvars', () => {
  it('evaluates tfvars, caller inputs, optional() defaults, locals with functions, for_each and dynamic blocks', async () => {
    // Given live/prod calling ../../modules/edge (which calls ./certs), with listeners in terraform.tfvars
    const resources = await resourcesOf({ ...EDGE_MODULE, ...ROOT(TFVARS(STRONG)) });
    const byAddress = new Map(resources.map((resource) => [resource.address, resource]));

    // Then every instance is there, addressed as Terraform addresses it, scoped to its root
    expect([...byAddress.keys()].sort()).toEqual([
      'module.edge.aws_lb.this',
      'module.edge.aws_lb_listener.this["http"]',
      'module.edge.aws_lb_listener.this["https"]',
      'module.edge.aws_security_group.lb',
      'module.edge.module.certs.aws_acm_certificate.this',
    ]);
    expect(new Set(resources.map((resource) => resource.scope))).toEqual(new Set(['terraform:live/prod']));

    // each.value from the tfvars map, with the optional() defaults filled in
    const https = byAddress.get('module.edge.aws_lb_listener.this["https"]')!;
    expect(https.values).toMatchObject({ port: 443, protocol: 'HTTPS', ssl_policy: STRONG });
    const http = byAddress.get('module.edge.aws_lb_listener.this["http"]')!;
    expect(http.values).toMatchObject({ port: 80, protocol: 'HTTP', ssl_policy: null });

    // A template over a caller input, two levels down
    expect(byAddress.get('module.edge.module.certs.aws_acm_certificate.this')!.values.domain_name).toBe('phi-prod.example.org');
    expect(byAddress.get('module.edge.aws_lb.this')!.values).toMatchObject({ name: 'phi-prod', access_logs: [{ bucket: 'phi-prod-lb-logs', enabled: true }] });

    // dynamic "ingress": one block per listener port, cidr_blocks from the caller's local (for + range + cidrsubnet)
    expect(byAddress.get('module.edge.aws_security_group.lb')!.values.ingress).toEqual([
      { from_port: 80, to_port: 80, protocol: 'tcp', cidr_blocks: ['10.20.0.0/24', '10.20.1.0/24'] },
      { from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.20.0.0/24', '10.20.1.0/24'] },
    ]);

    // A resource attribute is unknown, with the reason
    const certificate = https.values.certificate_arn;
    expect(certificate).toEqual(
      expect.objectContaining({ expression: '${module.certs.arn}', reason: 'an attribute of another resource, known only after apply' }),
    );
  });

  it('catches a weakening made only in terraform.tfvars, and points at the tfvars with the module resource related', async () => {
    // Given a pull request that changes only the TLS policy in live/prod/terraform.tfvars
    const base = files({ ...EDGE_MODULE, ...ROOT(TFVARS(STRONG)) });
    const head = files({ ...EDGE_MODULE, ...ROOT(TFVARS(WEAK)) });

    // When the versions are compared
    const result = await analyzeInfra({ base, head, now: NOW });

    // Then the listener in modules/edge is weakened, reported where the value was set
    const finding = result.findings.find((candidate) => candidate.ruleId === 'IAC-LB-TLS-POLICY');
    expect(finding).toMatchObject({ change: 'weakened', evidence: { resource: 'module.edge.aws_lb_listener.this["https"]', before: STRONG, after: WEAK } });
    // at the nested key's line (listeners.https.ssl_policy), not the whole `listeners` map
    expect(finding!.location).toEqual({ kind: 'file', path: 'live/prod/terraform.tfvars', startLine: 6, endLine: 6 });
    expect(finding!.related).toEqual([{ kind: 'file', path: 'modules/edge/main.tf', startLine: 12, endLine: 25 }]);
    // and nothing else changed
    expect(result.findings.filter((candidate) => candidate.change !== 'existing').map((candidate) => candidate.ruleId)).toEqual(['IAC-LB-TLS-POLICY']);
  });

  it("catches a weakening made only in the caller's input, pointing at the caller's line", async () => {
    // Given the root turns the module's access logging off through its input
    const base = files({ ...EDGE_MODULE, ...ROOT(TFVARS(STRONG)) });
    const head = files({ ...EDGE_MODULE, ...ROOT(TFVARS(STRONG), '\n  logging       = false') });

    const result = await analyzeInfra({ base, head, now: NOW });

    const finding = result.findings.find((candidate) => candidate.ruleId === 'IAC-LB-ACCESS-LOGS');
    expect(finding).toMatchObject({ change: 'weakened', evidence: { resource: 'module.edge.aws_lb.this', before: true, after: false } });
    expect(where(finding!)).toBe('live/prod/main.tf:11');
    expect(finding!.related).toEqual([{ kind: 'file', path: 'modules/edge/main.tf', startLine: 1, endLine: 10 }]);
  });

  it('a caller that opens the dynamic ingress to the internet is caught through the local it passes', async () => {
    // Given an admin listener on 8443, and a pull request that changes only the caller's local
    const tfvars = TFVARS(STRONG).replace('  http = {', '  admin = {\n    port = 8443\n  }\n  http = {');
    const open = ROOT(tfvars);
    open['live/prod/main.tf'] = open['live/prod/main.tf']!.replace('cidrsubnet("10.20.0.0/16", 8, index)', '"0.0.0.0/0"');
    const result = await analyzeInfra({ base: files({ ...EDGE_MODULE, ...ROOT(tfvars) }), head: files({ ...EDGE_MODULE, ...open }), now: NOW });
    const finding = result.findings.find((candidate) => candidate.ruleId === 'IAC-SG-OPEN-INGRESS');
    expect(finding).toMatchObject({ change: 'weakened', evidence: { resource: 'module.edge.aws_security_group.lb' } });
    // ingress_cidrs = local.office_cidrs: the caller's line sets it
    expect(where(finding!)).toBe('live/prod/main.tf:10');
  });
});

describe('a module called twice with different inputs', () => {
  const tree = (internalPolicy: string): Tree => ({
    ...EDGE_MODULE,
    'main.tf': `module "public" {
  source    = "./modules/edge"
  name      = "public"
  listeners = { https = { port = 443 } }
}

module "internal" {
  source    = "./modules/edge"
  name      = "internal"
  listeners = { https = { port = 8443, ssl_policy = "${internalPolicy}" } }
}
`,
  });

  it('is judged once per call, each instance with its own inputs', async () => {
    const listeners = (await resourcesOf(tree(STRONG))).filter((resource) => resource.type === 'aws_lb_listener');
    expect(listeners.map((resource) => [resource.address, resource.values.port, resource.values.ssl_policy])).toEqual([
      ['module.internal.aws_lb_listener.this["https"]', 8443, STRONG],
      ['module.public.aws_lb_listener.this["https"]', 443, STRONG],
    ]);
  });

  it('a weakening in one call is reported for that instance only, at that call', async () => {
    const result = await analyzeInfra({ base: files(tree(STRONG)), head: files(tree(WEAK)), now: NOW });
    expect(
      result.findings.filter((finding) => finding.change !== 'existing').map((finding) => [finding.ruleId, finding.evidence.resource, where(finding)]),
    ).toEqual([['IAC-LB-TLS-POLICY', 'module.internal.aws_lb_listener.this["https"]', 'main.tf:10']]);
  });
});

describe('what the checkout does not hold', () => {
  const registry: Tree = {
    'main.tf': `module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
  name    = "phi"
}

resource "aws_flow_log" "vpc" {
  vpc_id       = module.vpc.vpc_id
  traffic_type = "ALL"
}

resource "aws_lb_listener" "front" {
  protocol   = "HTTPS"
  ssl_policy = var.tls_policy
}

variable "tls_policy" {
  type = string
}
`,
  };

  it('a registry module without modules.json: a note names it, and values from it are unknown with the reason', async () => {
    const resources = await resourcesOf(registry);
    const flowLog = resources.find((resource) => resource.address === 'aws_flow_log.vpc')!;
    expect(flowLog.values.vpc_id).toEqual(expect.objectContaining({ expression: '${module.vpc.vpc_id}', reason: 'module source not available locally' }));
    expect(await notesOf(registry)).toEqual([
      'infra: module.vpc (source "terraform-aws-modules/vpc/aws") is not available locally (no .terraform/modules/modules.json records it); its resources are not checked and values from it are unknown',
    ]);
  });

  it('an unset root variable without default is unknown, with the reason, never pass or fail', async () => {
    const result = await analyzeInfra({ base: [], head: files(registry), now: NOW });
    expect(result.findings.filter((finding) => finding.ruleId === 'IAC-LB-TLS-POLICY')).toEqual([]);
    expect(result.unknown).toContainEqual(
      expect.objectContaining({
        ruleId: 'IAC-LB-TLS-POLICY',
        message: expect.stringContaining(
          '${var.tls_policy}, which could not be resolved (var.tls_policy has no default and no value in terraform.tfvars, *.auto.tfvars or infra.terraform.var-files)',
        ),
      }),
    );
  });

  it('with the modules.json terraform init leaves, a registry module is read from .terraform/modules', async () => {
    const installed: Tree = {
      ...registry,
      '.terraform/modules/modules.json': JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          { Key: 'vpc', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Version: '5.8.1', Dir: '.terraform/modules/vpc' },
        ],
      }),
      '.terraform/modules/vpc/main.tf': `variable "name" {}\n\nresource "aws_vpc" "this" {\n  cidr_block = "10.0.0.0/16"\n  tags       = { Name = var.name }\n}\n\noutput "vpc_id" {\n  value = aws_vpc.this.id\n}\n`,
    };
    const resources = await resourcesOf(installed);
    expect(resources.find((resource) => resource.address === 'module.vpc.aws_vpc.this')?.values.tags).toEqual({ Name: 'phi' });
    expect(await notesOf(installed)).toEqual([]);
  });
});

describe('var files', () => {
  const tree: Tree = {
    'examples/complete/main.tf': `module "edge" {\n  source    = "../../modules/edge"\n  name      = var.name\n  listeners = { https = { port = 443, ssl_policy = var.policy } }\n}\n\nvariable "name" {}\nvariable "policy" {\n  default = "${STRONG}"\n}\n`,
    'examples/complete/fixtures.us-east-2.tfvars': `name   = "fixture"\npolicy = "${WEAK}"\n`,
    ...EDGE_MODULE,
  };

  it('a var file named in infra.terraform.var-files applies to the root in its directory; one not named is noted, not applied', async () => {
    const listener = async (varFiles?: string[]) => (await resourcesOf(tree, varFiles)).find((resource) => resource.type === 'aws_lb_listener')!;
    expect((await listener(['examples/*/fixtures.*.tfvars'])).values.ssl_policy).toBe(WEAK);
    expect((await listener()).values.ssl_policy).toBe(STRONG);
    expect(await notesOf(tree)).toContain(
      'infra: examples/complete/fixtures.us-east-2.tfvars was not applied to any module (only terraform.tfvars, *.auto.tfvars and the files named in infra.terraform.var-files are, to the root module in their directory)',
    );
  });
});

describe('relations between resources stay inside one module instance', () => {
  it('a flow log in another root does not cover this VPC', async () => {
    const vpc = `resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n`;
    const flowLog = `resource "aws_flow_log" "main" {\n  vpc_id       = aws_vpc.main.id\n  traffic_type = "ALL"\n}\n`;
    const result = await analyzeInfra({ base: [], head: files({ 'prod/vpc.tf': vpc, 'prod/flow.tf': flowLog, 'staging/vpc.tf': vpc }), now: NOW });
    expect(result.findings.filter((finding) => finding.ruleId === 'IAC-VPC-FLOW-LOGS').map(where)).toEqual(['staging/vpc.tf:1']);
  });

  it('inside a module, a flow log that names aws_vpc.this[0] covers the counted VPC of the same instance', async () => {
    const module = `variable "create" {\n  default = true\n}\n\nresource "aws_vpc" "this" {\n  count      = var.create ? 1 : 0\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_flow_log" "this" {\n  count        = var.create ? 1 : 0\n  vpc_id       = aws_vpc.this[0].id\n  traffic_type = "ALL"\n}\n`;
    const root = `module "a" {\n  source = "./vpc"\n}\n\nmodule "b" {\n  source = "./vpc"\n  create = false\n}\n`;
    const result = await analyzeInfra({ base: [], head: files({ 'main.tf': root, 'vpc/main.tf': module }), now: NOW });
    const resources = await resourcesOf({ 'main.tf': root, 'vpc/main.tf': module });
    expect(resources.map((resource) => resource.address)).toEqual(['module.a.aws_vpc.this[0]', 'module.a.aws_flow_log.this[0]']);
    expect(result.findings.filter((finding) => finding.ruleId === 'IAC-VPC-FLOW-LOGS')).toEqual([]);
  });
});

describe('configurations that would not end', () => {
  it('locals that need each other, a module that calls itself and a huge count are bounded and said, not hung', async () => {
    const tree: Tree = {
      'main.tf': `locals {\n  a = local.b\n  b = local.a\n}\n\nresource "aws_ebs_volume" "loop" {\n  encrypted = local.a\n}\n\nresource "aws_ebs_volume" "many" {\n  count     = 1000000000\n  encrypted = true\n}\n\nmodule "self" {\n  source = "./"\n}\n`,
    };
    const resources = await resourcesOf(tree);
    const loop = resources.find((resource) => resource.address === 'aws_ebs_volume.loop')!;
    expect(loop.values.encrypted).toEqual(expect.objectContaining({ expression: '${local.a}', reason: 'local.a depends on itself' }));
    // the huge count is one instance with count.index unknown
    expect(resources.filter((resource) => resource.address === 'aws_ebs_volume.many')).toHaveLength(1);
    // the self-call stops at the depth limit, with a note
    expect(resources.length).toBeLessThanOrEqual(2 * 17);
    expect((await notesOf(tree)).join('\n')).toMatch(/nests modules deeper than 16 levels/);
  });
});

describe('messages', () => {
  it('an unknown over a long multi-line expression is named by its first line, shortened', async () => {
    const text = `variable "suffix" {}\n\nresource "aws_lb_listener" "front" {\n  protocol   = "HTTPS"\n  ssl_policy = <<EOT\nELBSecurityPolicy-\${var.suffix}\n${'x'.repeat(500)}\nEOT\n}\n`;
    const result = await analyzeInfra({ base: [], head: files({ 'main.tf': text }), now: NOW });
    const [unknown] = result.unknown;
    expect(unknown?.message).toBe(
      'aws_lb_listener.front: ssl_policy depends on ELBSecurityPolicy-${var.suffix}…, which could not be resolved (var.suffix has no default and no value in terraform.tfvars, *.auto.tfvars or infra.terraform.var-files)',
    );
  });
});

describe('variable types', () => {
  it('a weaker optional() default points at the default inside the type when the tfvars leaves the key out', async () => {
    // Given listeners in terraform.tfvars without ssl_policy, so the module's optional() default applies
    const tfvars = TFVARS(STRONG).replace(`    ssl_policy = "${STRONG}"\n`, '');
    const weakDefault = {
      ...EDGE_MODULE,
      'modules/edge/variables.tf': EDGE_MODULE['modules/edge/variables.tf']!.replace(`optional(string, "${STRONG}")`, `optional(string, "${WEAK}")`),
    };
    const result = await analyzeInfra({ base: files({ ...EDGE_MODULE, ...ROOT(tfvars) }), head: files({ ...weakDefault, ...ROOT(tfvars) }), now: NOW });
    const finding = result.findings.find((candidate) => candidate.ruleId === 'IAC-LB-TLS-POLICY');
    expect(finding).toMatchObject({ change: 'weakened', evidence: { resource: 'module.edge.aws_lb_listener.this["https"]', before: STRONG, after: WEAK } });
    expect(finding!.location).toEqual({ kind: 'file', path: 'modules/edge/variables.tf', startLine: 10, endLine: 10 });
  });

  it('optional(type) without a default is null when left out, so a module reading it is not an error (terraform-aws-alb style)', async () => {
    const tree: Tree = {
      'main.tf': `variable "listeners" {\n  type = map(object({\n    protocol   = optional(string)\n    ssl_policy = optional(string)\n  }))\n  default = { web = { protocol = "HTTPS" } }\n}\n\nresource "aws_lb_listener" "this" {\n  for_each   = { for key, listener in var.listeners : key => listener if listener != null }\n  protocol   = each.value.protocol\n  ssl_policy = contains(["HTTPS", "TLS"], each.value.protocol) ? coalesce(each.value.ssl_policy, "ELBSecurityPolicy-TLS13-1-2-2021-06") : each.value.ssl_policy\n}\n`,
    };
    const [listener] = await resourcesOf(tree);
    expect(listener).toMatchObject({
      address: 'aws_lb_listener.this["web"]',
      values: { protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' },
    });
  });
});

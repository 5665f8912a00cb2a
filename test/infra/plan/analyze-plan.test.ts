import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../../checks/infra/plan/analyze-plan.js';
import { PlanFormatError } from '../../../checks/infra/plan/plan-json.js';
import type { Report } from '../../../checks/model/report.js';
import { memorySource } from '../../support/memory-source.js';
import { dbInstance, listener, listenerPolicyUpdate, planJson, trail, type Actions, type FormatVersion, type PlanSpec } from './plan-builders.js';

const NOW = new Date('2026-02-01T09:00:00Z');
const STRONG = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
const WEAK = 'ELBSecurityPolicy-TLS-1-1-2017-01';

async function judge(spec: PlanSpec, options: { files?: Record<string, string>; rootDir?: string } = {}): Promise<Report> {
  return analyzePlan({
    text: planJson(spec),
    source: 'plan.json',
    now: NOW,
    ...(options.files ? { files: memorySource(options.files) } : {}),
    ...(options.rootDir !== undefined ? { rootDir: options.rootDir } : {}),
  });
}

const ruleIds = (report: Report) => report.findings.map((finding) => finding.ruleId).sort();

describe('analyzePlan: the change a plan makes, classified by the diff engine', () => {
  it.each<FormatVersion>(['0.1', '0.2', '1.0', '1.2'])('format %s: an update that lowers the TLS policy is weakened, with before and after', async (format) => {
    // Given an update of an HTTPS listener from a TLS 1.2+ policy to one that accepts TLS 1.1
    const report = await judge({
      format,
      changes: [listenerPolicyUpdate('aws_lb_listener.https', STRONG, WEAK)],
    });
    // Then it is one weakening that names the address
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      ruleId: 'IAC-LB-TLS-POLICY',
      change: 'weakened',
      location: { kind: 'file', address: 'aws_lb_listener.https' },
      evidence: { before: STRONG, after: WEAK },
    });
    expect(report.findings[0]!.message).toMatch(/^aws_lb_listener\.https: ssl_policy is "ELBSecurityPolicy-TLS-1-1-2017-01"/);
    // And the report says what it judged (audit evidence): the plan file and its changes
    expect(report.targets).toEqual([{ kind: 'plan', source: 'plan.json', changes: 1 }]);
  });

  it.each<[string, Actions]>([
    ['delete-then-create', ['delete', 'create']],
    ['create_before_destroy', ['create', 'delete']],
  ])('a replacement (%s) that weakens is weakened', async (_name, actions) => {
    const report = await judge({
      changes: [
        {
          address: 'aws_lb_listener.https',
          type: 'aws_lb_listener',
          actions,
          before: listener({ protocol: 'HTTPS', ssl_policy: STRONG }),
          after: listener({ protocol: 'HTTPS', ssl_policy: WEAK, port: 8443 }),
        },
      ],
    });
    expect(report.findings.map((finding) => [finding.ruleId, finding.change])).toEqual([['IAC-LB-TLS-POLICY', 'weakened']]);
  });

  it('a create that violates a rule is introduced; a no-op that violates one is existing; a stronger update is a strengthening', async () => {
    const report = await judge({
      changes: [
        { address: 'aws_db_instance.new', type: 'aws_db_instance', actions: ['create'], after: dbInstance({ identifier: 'new', storage_encrypted: false }) },
        {
          address: 'aws_db_instance.old',
          type: 'aws_db_instance',
          actions: ['no-op'],
          before: dbInstance({ identifier: 'old', storage_encrypted: false }),
          after: dbInstance({ identifier: 'old', storage_encrypted: false }),
        },
        {
          address: 'aws_lb_listener.https',
          type: 'aws_lb_listener',
          actions: ['update'],
          before: listener({ protocol: 'HTTPS', ssl_policy: WEAK }),
          after: listener({ protocol: 'HTTPS', ssl_policy: STRONG }),
        },
      ],
    });
    expect(report.findings.map((finding) => [finding.location.kind === 'file' && finding.location.address, finding.ruleId, finding.change])).toEqual([
      ['aws_db_instance.new', 'IAC-RDS-ENCRYPTION', 'introduced'],
      ['aws_db_instance.old', 'IAC-RDS-ENCRYPTION', 'existing'],
    ]);
    expect(report.strengthened).toEqual([
      expect.objectContaining({ ruleId: 'IAC-LB-TLS-POLICY', message: expect.stringContaining(`changed from "${WEAK}" to "${STRONG}"`) as string }),
    ]);
  });

  it('deleting a resource that provided a safeguard (and not replacing it) is removed', async () => {
    const report = await judge({
      changes: [{ address: 'aws_cloudtrail.org', type: 'aws_cloudtrail', actions: ['delete'], before: trail({ name: 'org', enable_logging: true }) }],
    });
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: 'IAC-CLOUDTRAIL-LOGGING',
        change: 'removed',
        location: expect.objectContaining({ address: 'aws_cloudtrail.org' }) as unknown,
      }),
    ]);
  });

  it('deleting a bucket with its public access block is no finding; deleting only the block is removed', async () => {
    const bucket = { id: 'phi-records', arn: 'arn:aws:s3:::phi-records', bucket: 'phi-records' };
    const flags = { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true };
    const block = {
      address: 'aws_s3_bucket_public_access_block.phi',
      type: 'aws_s3_bucket_public_access_block',
      before: { id: 'phi-records', bucket: 'phi-records', ...flags },
    };
    const both = await judge({
      changes: [
        { address: 'aws_s3_bucket.phi', type: 'aws_s3_bucket', actions: ['delete'], before: bucket },
        { ...block, actions: ['delete'] },
      ],
    });
    expect(both.findings.filter((finding) => finding.ruleId === 'IAC-S3-PUBLIC-ACCESS-BLOCK')).toEqual([]);
    const blockOnly = await judge({
      changes: [
        { address: 'aws_s3_bucket.phi', type: 'aws_s3_bucket', actions: ['no-op'], before: bucket, after: bucket },
        { ...block, actions: ['delete'] },
      ],
    });
    expect(
      blockOnly.findings.filter((finding) => finding.ruleId === 'IAC-S3-PUBLIC-ACCESS-BLOCK').map((finding) => [finding.evidence?.resource, finding.change]),
    ).toEqual([['aws_s3_bucket.phi', 'removed']]);
  });

  it('a value in after_unknown is unknown, never a pass or a fail; a known null is "not set" and takes the provider default', async () => {
    // Given a new HTTPS listener whose ssl_policy is computed (unknown until apply) and an HTTPS listener updated to no ssl_policy
    const created = listener({ protocol: 'HTTPS' });
    delete created.ssl_policy;
    const report = await judge({
      changes: [
        {
          address: 'aws_lb_listener.created',
          type: 'aws_lb_listener',
          actions: ['create'],
          after: created,
          afterUnknown: { arn: true, id: true, ssl_policy: true, default_action: [{ redirect: [], forward: [] }] },
        },
        {
          address: 'aws_lb_listener.cleared',
          type: 'aws_lb_listener',
          actions: ['update'],
          before: listener({ protocol: 'HTTPS', ssl_policy: STRONG }),
          after: listener({ protocol: 'HTTPS', ssl_policy: null }),
        },
      ],
    });
    expect(report.unknown).toEqual([
      expect.objectContaining({
        ruleId: 'IAC-LB-TLS-POLICY',
        message: 'aws_lb_listener.created: ssl_policy depends on (known after apply), which could not be resolved',
      }),
    ]);
    expect(report.findings.map((finding) => [finding.location.kind === 'file' && finding.location.address, finding.change, finding.evidence.after])).toEqual([
      ['aws_lb_listener.cleared', 'weakened', 'ELBSecurityPolicy-2016-08'],
    ]);
  });

  it('an attribute missing from both after and after_unknown (a provider version without it) takes the service default; computed on create, it is unknown', async () => {
    // Given Event Hubs namespaces without a minimum TLS version: one from a provider that predates the attribute, one created where it is computed
    const report = await judge({
      changes: [
        {
          address: 'azurerm_eventhub_namespace.old_provider',
          type: 'azurerm_eventhub_namespace',
          actions: ['no-op'],
          before: { name: 'claims', sku: 'Standard' },
          after: { name: 'claims', sku: 'Standard' },
        },
        {
          address: 'azurerm_eventhub_namespace.created',
          type: 'azurerm_eventhub_namespace',
          actions: ['create'],
          after: { name: 'intake', sku: 'Standard' },
          afterUnknown: { id: true, minimum_tls_version: true },
        },
      ],
    });
    // Then the first passes on the service default (TLS 1.2) and the second is unknown, never a pass or a fail
    expect(report.findings).toEqual([]);
    expect(report.unknown.map((outcome) => [outcome.ruleId, outcome.message])).toEqual([
      ['IAC-AZURE-MIN-TLS', 'azurerm_eventhub_namespace.created: minimum_tls_version depends on (known after apply), which could not be resolved'],
    ]);
  });

  it('a moved resource (previous_address) is compared with what it was', async () => {
    const report = await judge({
      format: '1.0',
      changes: [
        {
          address: 'aws_lb_listener.front',
          previousAddress: 'aws_lb_listener.https',
          type: 'aws_lb_listener',
          actions: ['update'],
          before: listener({ protocol: 'HTTPS', ssl_policy: STRONG }),
          after: listener({ protocol: 'HTTPS', ssl_policy: WEAK }),
        },
      ],
    });
    expect(report.findings.map((finding) => [finding.change, finding.location.kind === 'file' && finding.location.address])).toEqual([
      ['weakened', 'aws_lb_listener.front'],
    ]);
  });

  it('data sources, deposed objects and resource_drift are not the change under review; types without rules are read without error', async () => {
    const report = await judge({
      changes: [
        { address: 'data.aws_caller_identity.current', type: 'aws_caller_identity', mode: 'data', actions: ['read'], after: { account_id: '111111111111' } },
        {
          address: 'aws_lb_listener.https',
          deposed: '00000001',
          type: 'aws_lb_listener',
          actions: ['delete'],
          before: listener({ protocol: 'HTTPS', ssl_policy: WEAK }),
        },
        {
          address: 'random_pet.name',
          type: 'random_pet',
          providerName: 'registry.terraform.io/hashicorp/random',
          actions: ['create'],
          after: { length: 2, prefix: null, separator: '-' },
          afterUnknown: { id: true },
        },
        {
          address: 'kubernetes_namespace.app',
          type: 'kubernetes_namespace',
          providerName: 'registry.terraform.io/hashicorp/kubernetes',
          actions: ['update'],
          before: { metadata: [{ name: 'app' }] },
          after: { metadata: [{ name: 'app' }] },
        },
      ],
      drift: [
        {
          address: 'aws_lb_listener.drifted',
          type: 'aws_lb_listener',
          actions: ['update'],
          before: listener({ protocol: 'HTTPS', ssl_policy: STRONG }),
          after: listener({ protocol: 'HTTPS', ssl_policy: WEAK }),
        },
      ],
    });
    expect(report.findings).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.notes.join('\n')).toContain('2 resource changes judged; 2 resource types have no rule (kubernetes_namespace, random_pet)');
    expect(report.notes.join('\n')).toContain('1 data source reads, 1 deposed objects');
    expect(report.notes.join('\n')).toContain('resource_drift');
  });

  it('IAM policies arrive as JSON strings and are judged as documents', async () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const report = await judge({
      changes: [
        {
          address: 'aws_iam_policy.ops',
          type: 'aws_iam_policy',
          actions: ['create'],
          after: { name: 'ops', path: '/', policy, tags: null },
          afterUnknown: { arn: true, id: true, policy_id: true },
        },
      ],
    });
    expect(ruleIds(report)).toEqual(['IAC-IAM-ADMIN']);
  });

  it('a bucket whose inline logging is known only after apply is unknown for access logging, unless a logging resource for it is in the plan', async () => {
    // Given a bucket created with its `logging` computed (after_unknown), as AWS provider 4+ plans it
    const bucket = {
      address: 'aws_s3_bucket.phi',
      type: 'aws_s3_bucket',
      actions: ['create'] as Actions,
      after: { bucket: 'phi-records', force_destroy: false, tags: null },
      afterUnknown: { id: true, arn: true, logging: true },
    };
    const alone = await judge({ changes: [bucket] });
    // Then access logging is neither passed nor failed
    expect(alone.findings.map((finding) => finding.ruleId)).not.toContain('IAC-S3-ACCESS-LOGGING');
    expect(alone.unknown.map((outcome) => outcome.ruleId)).toContain('IAC-S3-ACCESS-LOGGING');
    // And with an aws_s3_bucket_logging that the configuration points at the bucket, it passes
    const logging = {
      address: 'aws_s3_bucket_logging.phi',
      type: 'aws_s3_bucket_logging',
      actions: ['create'] as Actions,
      after: { target_bucket: 'access-logs', target_prefix: 'phi/' },
      afterUnknown: { id: true, bucket: true },
    };
    const rootModule = {
      resources: [
        {
          address: 'aws_s3_bucket.phi',
          mode: 'managed',
          type: 'aws_s3_bucket',
          name: 'phi',
          provider_config_key: 'aws',
          expressions: { bucket: { constant_value: 'phi-records' } },
          schema_version: 0,
        },
        {
          address: 'aws_s3_bucket_logging.phi',
          mode: 'managed',
          type: 'aws_s3_bucket_logging',
          name: 'phi',
          provider_config_key: 'aws',
          expressions: { bucket: { references: ['aws_s3_bucket.phi.id', 'aws_s3_bucket.phi'] }, target_bucket: { constant_value: 'access-logs' } },
          schema_version: 0,
        },
      ],
    };
    const logged = await judge({ changes: [bucket, logging], rootModule });
    expect([...logged.findings, ...logged.unknown].map((outcome) => outcome.ruleId)).not.toContain('IAC-S3-ACCESS-LOGGING');
  });

  it('relates resources created in the same plan through the configuration references (a flow log for this VPC)', async () => {
    const vpc = {
      address: 'module.net.aws_vpc.main',
      type: 'aws_vpc',
      actions: ['create'] as Actions,
      after: { cidr_block: '10.0.0.0/16', tags: null },
      afterUnknown: { arn: true, id: true },
    };
    const flowLog = {
      address: 'module.net.aws_flow_log.main',
      type: 'aws_flow_log',
      actions: ['create'] as Actions,
      after: { traffic_type: 'ALL', vpc_id: null },
      afterUnknown: { id: true, vpc_id: true },
    };
    const rootModule = {
      module_calls: {
        net: {
          source: './modules/net',
          module: {
            resources: [
              {
                address: 'aws_vpc.main',
                mode: 'managed',
                type: 'aws_vpc',
                name: 'main',
                provider_config_key: 'net:aws',
                expressions: { cidr_block: { constant_value: '10.0.0.0/16' } },
                schema_version: 1,
              },
              {
                address: 'aws_flow_log.main',
                mode: 'managed',
                type: 'aws_flow_log',
                name: 'main',
                provider_config_key: 'net:aws',
                expressions: { traffic_type: { constant_value: 'ALL' }, vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } },
                schema_version: 0,
              },
            ],
          },
        },
      },
    };
    expect(ruleIds(await judge({ changes: [vpc, flowLog], rootModule }))).toEqual([]);
    expect(ruleIds(await judge({ changes: [vpc], rootModule }))).toEqual(['IAC-VPC-FLOW-LOGS']);
  });

  it("follows references through module outputs and inputs (a flow log in the root for a module's VPC, and the other way round)", async () => {
    const created = (address: string, type: string, after: Record<string, unknown>, afterUnknown: Record<string, unknown>) => ({
      address,
      type,
      actions: ['create'] as Actions,
      after,
      afterUnknown,
    });
    const flowLogConfig = (vpcId: string[]) => ({
      address: 'aws_flow_log.all',
      mode: 'managed',
      type: 'aws_flow_log',
      name: 'all',
      expressions: { traffic_type: { constant_value: 'ALL' }, vpc_id: { references: vpcId } },
    });
    // Given the root's flow log takes module.net["eu"].vpc_id, an output of the module that creates the VPC
    const outward = await judge({
      changes: [
        created('module.net["eu"].aws_vpc.main', 'aws_vpc', { cidr_block: '10.0.0.0/16' }, { id: true }),
        created('aws_flow_log.all', 'aws_flow_log', { traffic_type: 'ALL' }, { id: true, vpc_id: true }),
      ],
      rootModule: {
        resources: [flowLogConfig(['module.net["eu"].vpc_id', 'module.net["eu"]', 'module.net'])],
        module_calls: { net: { source: './net', module: { outputs: { vpc_id: { expression: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } } } } } },
      },
    });
    expect(ruleIds(outward)).toEqual([]);
    // Given a module's flow log takes var.vpc_id, which the root passes from its own VPC
    const inward = await judge({
      changes: [
        created('aws_vpc.main', 'aws_vpc', { cidr_block: '10.0.0.0/16' }, { id: true }),
        created('module.logs.aws_flow_log.all', 'aws_flow_log', { traffic_type: 'ALL' }, { id: true, vpc_id: true }),
      ],
      rootModule: {
        module_calls: {
          logs: {
            source: './logs',
            expressions: { vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } },
            module: { resources: [flowLogConfig(['var.vpc_id'])] },
          },
        },
      },
    });
    expect(ruleIds(inward)).toEqual([]);
  });

  it('relates an existing resource by its id (a WAF association for this ALB)', async () => {
    const alb = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/front/50dc6c495c0c9188';
    const lb = {
      name: 'front',
      arn: alb,
      id: alb,
      internal: false,
      load_balancer_type: 'application',
      drop_invalid_header_fields: true,
      access_logs: [{ bucket: 'logs', enabled: true, prefix: '' }],
    };
    const association = {
      address: 'aws_wafv2_web_acl_association.front',
      type: 'aws_wafv2_web_acl_association',
      actions: ['no-op'] as Actions,
      before: { id: 'x', resource_arn: alb, web_acl_arn: 'arn:aws:wafv2:acl' },
      after: { id: 'x', resource_arn: alb, web_acl_arn: 'arn:aws:wafv2:acl' },
    };
    const withWaf = await judge({ changes: [{ address: 'aws_lb.front', type: 'aws_lb', actions: ['no-op'], before: lb, after: lb }, association] });
    expect(ruleIds(withWaf)).toEqual([]);
    const removed = await judge({
      changes: [
        { address: 'aws_lb.front', type: 'aws_lb', actions: ['no-op'], before: lb, after: lb },
        { ...association, actions: ['delete'], after: null },
      ],
    });
    expect(removed.findings.map((finding) => [finding.ruleId, finding.change])).toEqual([['IAC-LB-WAF', 'removed']]);
  });
});

describe('analyzePlan: addresses to files and lines', () => {
  const EDGE_MAIN = `resource "aws_lb_listener" "https" {
  load_balancer_arn = var.lb_arn
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
}
`;
  const ROOT = `module "edge" {
  source   = "./modules/edge"
  for_each = toset(["a", "b"])
}

module "vendor" {
  source  = "terraform-aws-modules/alb/aws"
  version = "9.11.0"
}
`;
  const rootModule = {
    module_calls: {
      edge: {
        source: './modules/edge',
        for_each_expression: { constant_value: ['a', 'b'] },
        module: {
          resources: [
            {
              address: 'aws_lb_listener.https',
              mode: 'managed',
              type: 'aws_lb_listener',
              name: 'https',
              expressions: { protocol: { constant_value: 'HTTPS' }, ssl_policy: { references: ['var.ssl_policy'] } },
            },
          ],
        },
      },
      vendor: {
        source: 'terraform-aws-modules/alb/aws',
        version_constraint: '9.11.0',
        module: { resources: [{ address: 'aws_lb_listener.this', mode: 'managed', type: 'aws_lb_listener', name: 'this' }] },
      },
    },
  };
  const changes = [
    {
      address: 'module.edge["a"].aws_lb_listener.https',
      type: 'aws_lb_listener',
      actions: ['update'] as Actions,
      before: listener({ protocol: 'HTTPS', ssl_policy: STRONG }),
      after: listener({ protocol: 'HTTPS', ssl_policy: WEAK }),
    },
    {
      address: 'module.vendor.aws_lb_listener.this["https"]',
      type: 'aws_lb_listener',
      actions: ['create'] as Actions,
      after: listener({ protocol: 'HTTPS', ssl_policy: WEAK }),
    },
  ];

  it("inside the checkout: a module instance's resource lands on its attribute's lines; a registry module names its source", async () => {
    const report = await judge(
      { changes, rootModule },
      { files: { 'infra/prod/main.tf': ROOT, 'infra/prod/modules/edge/main.tf': EDGE_MAIN, 'README.md': '# x\n' } },
    );
    expect(report.findings.map((finding) => finding.location)).toEqual([
      { kind: 'file', path: 'infra/prod/modules/edge/main.tf', startLine: 4, endLine: 4, address: 'module.edge["a"].aws_lb_listener.https' },
      { kind: 'file', path: 'terraform-aws-modules/alb/aws', startLine: 1, endLine: 1, address: 'module.vendor.aws_lb_listener.this["https"]' },
    ]);
  });

  it('honours an ignore comment on the block it maps to', async () => {
    const ignored = `# hipaa-guard:ignore IAC-LB-TLS-POLICY reason="legacy clients until the cut-over"\n${EDGE_MAIN}`;
    const report = await judge({ changes: [changes[0]!], rootModule }, { files: { 'main.tf': ROOT, 'modules/edge/main.tf': ignored } });
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((entry) => [entry.finding.ruleId, entry.reason])).toEqual([['IAC-LB-TLS-POLICY', 'legacy clients until the cut-over']]);
  });

  it('outside the checkout: the module folder', async () => {
    const report = await judge({ changes: [changes[0]!], rootModule });
    expect(report.findings[0]!.location).toEqual({
      kind: 'file',
      path: 'modules/edge',
      startLine: 1,
      endLine: 1,
      address: 'module.edge["a"].aws_lb_listener.https',
    });
  });
});

describe('analyzePlan: input that is not a plan', () => {
  it.each([
    [
      '{"format_version":"1.0","terraform_version":"1.9.5","values":{"root_module":{}}}',
      /terraform show -json` of a state .* not of a plan; expected the JSON of a saved plan/,
    ],
    [
      '{"version":4,"terraform_version":"1.9.5","serial":3,"lineage":"5d1c","outputs":{},"resources":[]}',
      /Terraform state file \(terraform\.tfstate\), not a plan/,
    ],
    ['{"Resources":{}}', /not Terraform plan JSON/],
    ['{"format_version":"2.0","planned_values":{}}', /format_version "2\.0" is newer/],
    ['{"format_version":"1.2","resource_changes":[{"address":"a.b"}]}', /resource_changes\[0\]\.type is not a string/],
    ['terraform plan output, not JSON', /plan\.json: not JSON/],
  ])('%s gets an error saying what was expected', async (text, message) => {
    const run = analyzePlan({ text, source: 'plan.json', now: NOW });
    await expect(run).rejects.toThrow(PlanFormatError);
    await expect(analyzePlan({ text, source: 'plan.json', now: NOW })).rejects.toThrow(message);
  });

  it('a plan with no changes (no resource_changes key) is read and reports nothing', async () => {
    const report = await analyzePlan({
      text: '{"format_version":"1.2","terraform_version":"1.9.5","planned_values":{"root_module":{}},"configuration":{"root_module":{}},"applyable":false,"complete":true,"errored":false}',
      source: 'plan.json',
      now: NOW,
    });
    expect(report.findings).toEqual([]);
    expect(report.notes[0]).toContain('0 resource changes judged');
  });
});

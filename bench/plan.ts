/**
 * Plan benchmark: a generated `terraform show -json` plan with 5,000 resource changes (listeners
 * updated, databases created with values unknown until apply, VPCs with flow logs related through
 * the configuration's references, IAM policies as JSON strings, types without rules) in 50 module
 * instances, judged by `analyzePlan` in a fresh process so its peak memory is its own. Reports the
 * in-process time (JSON.parse to report) and the whole process's wall time, Node's start included.
 *
 *   npx tsx bench/plan.ts            (or through `npm run bench`)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzePlan } from '../checks/infra/plan/analyze-plan.js';

export interface PlanMeasurement {
  resourceChanges: number;
  planMb: number;
  findings: number;
  unknown: number;
  milliseconds: number;
  cpuMilliseconds: number;
  processMilliseconds: number;
  peakRssMb: number;
}

const MODULES = 50;
const AWS = 'registry.terraform.io/hashicorp/aws';

/** One resource change of the generated plan; every fifth kind repeats. */
function change(index: number): Record<string, unknown> {
  // A flow log lives in the module instance of the VPC before it.
  const home = index % 5 === 3 ? index - 1 : index;
  const module = `module.m${home % MODULES}["k${home}"]`;
  const name = `r${index}`;
  const common = { address: `${module}.TYPE.${name}`, module_address: module, mode: 'managed', name, provider_name: AWS };
  const typed = (type: string, actions: string[], before: unknown, after: unknown, afterUnknown: unknown = {}) => ({
    ...common,
    address: `${module}.${type}.${name}`,
    type,
    change: {
      actions,
      before,
      after,
      after_unknown: afterUnknown,
      before_sensitive: before === null ? false : {},
      after_sensitive: after === null ? false : {},
    },
  });
  const arn = `arn:aws:elasticloadbalancing:us-east-1:111111111111:listener/app/front/${index}`;
  const listener = (policy: string) => ({
    arn,
    id: arn,
    port: 443,
    protocol: 'HTTPS',
    ssl_policy: policy,
    certificate_arn: 'arn:aws:acm:us-east-1:111111111111:certificate/x',
    default_action: [{ type: 'forward', order: 1, redirect: [], forward: [], target_group_arn: 'arn:tg' }],
    tags: null,
    tags_all: {},
  });
  switch (index % 5) {
    case 0:
      return typed(
        'aws_lb_listener',
        ['update'],
        listener('ELBSecurityPolicy-TLS13-1-2-2021-06'),
        listener(index % 10 === 0 ? 'ELBSecurityPolicy-2016-08' : 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06'),
      );
    case 1:
      return typed(
        'aws_db_instance',
        ['create'],
        null,
        {
          engine: 'postgres',
          identifier: name,
          storage_encrypted: index % 3 !== 0,
          publicly_accessible: false,
          deletion_protection: true,
          backup_retention_period: 7,
          kms_key_id: null,
          password: null,
          tags: null,
        },
        { arn: true, id: true, endpoint: true, kms_key_id: true, password: true },
      );
    case 2:
      return typed('aws_vpc', ['create'], null, { cidr_block: '10.0.0.0/16', tags: null }, { arn: true, id: true });
    case 3:
      return {
        ...typed('aws_flow_log', ['create'], null, { traffic_type: 'ALL', vpc_id: null }, { id: true, vpc_id: true }),
        name: `r${index - 1}f`,
        address: `${module}.aws_flow_log.r${index - 1}f`,
      };
    default:
      return typed(
        'aws_iam_policy',
        ['create'],
        null,
        {
          name,
          path: '/',
          policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: index % 4 === 0 ? '*' : 's3:GetObject', Resource: '*' }] }),
          tags: null,
        },
        { arn: true, id: true, policy_id: true },
      );
  }
}

/** The plan JSON text with `count` resource changes and the configuration that relates flow logs to VPCs. */
export function generatePlan(count: number): string {
  const changes = Array.from({ length: count }, (_, index) => change(index));
  const moduleCalls = Object.fromEntries(
    Array.from({ length: MODULES }, (_, module) => [
      `m${module}`,
      {
        source: `./modules/m${module}`,
        module: {
          resources: changes
            .filter((_, index) => (index - 1) % MODULES === module && index % 5 === 3)
            .map((entry) => ({
              address: `aws_flow_log.${String(entry.name)}`,
              mode: 'managed',
              type: 'aws_flow_log',
              name: entry.name,
              expressions: { vpc_id: { references: [`aws_vpc.${String(entry.name).slice(0, -1)}.id`, `aws_vpc.${String(entry.name).slice(0, -1)}`] } },
            })),
        },
      },
    ]),
  );
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: { root_module: {} },
    resource_changes: changes,
    configuration: { root_module: { module_calls: moduleCalls } },
    applyable: true,
    complete: true,
    errored: false,
  });
}

/** Runs in the child: read and judge the plan; its time and this process's peak RSS. */
async function measure(path: string): Promise<Omit<PlanMeasurement, 'processMilliseconds' | 'planMb'>> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await analyzePlan({ text: readFileSync(path, 'utf8'), source: path, now: new Date() });
  const used = process.cpuUsage(cpu);
  return {
    resourceChanges: Number(/(\d+) resource changes judged/.exec(report.notes[0] ?? '')?.[1] ?? 0),
    findings: report.findings.length,
    unknown: report.unknown.length,
    milliseconds: Math.round(performance.now() - started),
    cpuMilliseconds: Math.round((used.user + used.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

export function benchPlan(count = 5000): PlanMeasurement {
  const dir = mkdtempSync(join(tmpdir(), 'hipaa-guard-bench-plan-'));
  try {
    const path = join(dir, 'plan.json');
    const text = generatePlan(count);
    writeFileSync(path, text);
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--measure', path], { encoding: 'utf8' });
    const processMilliseconds = Math.round(performance.now() - started);
    if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr.split('\n')[0] ?? ''}`);
    return {
      ...(JSON.parse(child.stdout) as Omit<PlanMeasurement, 'processMilliseconds' | 'planMb'>),
      planMb: Math.round(Buffer.byteLength(text) / 1e5) / 10,
      processMilliseconds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatPlanBench(result: PlanMeasurement): string {
  return [
    '| resource changes | plan JSON MB | findings | unknown | judge wall ms | judge CPU ms | whole process wall ms | peak RSS MB |',
    '|---|---|---|---|---|---|---|---|',
    `| ${result.resourceChanges} | ${result.planMb} | ${result.findings} | ${result.unknown} | ${result.milliseconds} | ${result.cpuMilliseconds} | ${result.processMilliseconds} | ${result.peakRssMb} |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [flag, path] = process.argv.slice(2);
  if (flag === '--measure' && path) process.stdout.write(JSON.stringify(await measure(path)));
  else process.stdout.write(`plan benchmark (Node ${process.version})\n${formatPlanBench(benchPlan())}\n`);
}

/**
 * Precision and recall of the infra rules on fixtures that other scanners label:
 * `npx tsx bench/peer-fixtures.ts <dir...>`, each dir a local export of such fixtures (nothing is
 * downloaded, and no fixture is part of this repository). Two layouts are read:
 *
 * - metadata example sets: a check's `<name>.yaml` with `terraform:` / `cloudformation:` lists of
 *   `good:` and `bad:` example files; the key is the path under `cloud/` without `.yaml`
 *   (`aws/elb/use_secure_tls_policy`). Each example is one unit, labelled by its list.
 * - labelled test modules: `test_<Check>.py` naming `passing_resources` / `failing_resources`
 *   beside an `example_<Check>/` directory of Terraform files (one unit per named resource), or
 *   holding CloudFormation files named `<...>-PASSED<...>.yaml` / `<...>-FAILED<...>.yaml` (one
 *   unit per file); the key is `terraform:<Check>` or `cloudformation:<Check>`.
 *
 * - inline test cases: in a `test_<Check>.py` without an example directory, each test function
 *   that parses one Terraform string (`hcl2.loads` of a triple-quoted string), picks one resource
 *   of it and asserts `CheckResult.PASSED` or `CheckResult.FAILED` is one unit. The Python is read
 *   as text, never run; functions of another shape are counted and not read.
 *
 * A failing unit counts as found when a mapped rule's finding lands inside the labelled resource's
 * block (its own file and lines) or, for file-labelled units, inside the file; it is found on the
 * exact line when that line, read off the source text, sets or opens the attribute or block the
 * rule's failing verdict names (for an absent attribute, the deepest block that is there; for a
 * YAML list item, its `- ` line; for the resource itself, its first line). A passing unit is a false alarm when a mapped rule reports
 * anything on it. Unknown verdicts are counted apart: they are neither found nor false alarms.
 * Units where we answer otherwise than the peer on purpose (`DISAGREEMENTS`, each with the reason
 * the rule's description gives) are listed apart, and the totals are given both as the peers label
 * them and without those units.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import yaml from 'js-yaml';
import { analyzeInfra } from '../checks/infra/evaluate.js';
import { parseInfraFile, type InfraFileText } from '../checks/infra/formats.js';
import type { InfraResource } from '../checks/infra/model.js';
import type { InfraRule } from '../checks/infra/rule.js';
import { onDecidingLine } from './deciding-line.js';
import { INFRA_RULES } from '../checks/infra/rules/index.js';

/**
 * Their check → the rule(s) of ours that mean the same. Ours; their content is never copied here.
 * `RULE@attr|Attr` counts only that rule's findings about the named attribute (our rule judges
 * all four public-access-block flags, each its own finding; their check one flag).
 */
export const PEER_MAPPING: Record<string, readonly string[]> = {
  // metadata example sets
  'aws/elb/use_secure_tls_policy': ['IAC-LB-TLS-POLICY'],
  'aws/elb/http_not_used': ['IAC-LB-HTTP-NO-REDIRECT'],
  'aws/elb/drop_invalid_headers': ['IAC-LB-DROP-INVALID-HEADERS'],
  'aws/cloudfront/use_secure_tls_policy': ['IAC-CLOUDFRONT-TLS'],
  'aws/cloudfront/enforce_https': ['IAC-CLOUDFRONT-HTTP'],
  'aws/cloudtrail/enable_all_regions': ['IAC-CLOUDTRAIL-MULTI-REGION'],
  'aws/cloudtrail/enable_log_validation': ['IAC-CLOUDTRAIL-LOG-VALIDATION'],
  'aws/ec2/enable_volume_encryption': ['IAC-EBS-ENCRYPTION'],
  'aws/efs/enable_at_rest_encryption': ['IAC-EFS-ENCRYPTION'],
  'aws/elasticache/enable_at_rest_encryption': ['IAC-ELASTICACHE-ENCRYPTION'],
  'aws/elasticache/enable_in_transit_encryption': ['IAC-ELASTICACHE-TRANSIT'],
  'aws/rds/encrypt_cluster_storage_data': ['IAC-AURORA-ENCRYPTION'],
  'aws/rds/encrypt_instance_storage_data': ['IAC-RDS-ENCRYPTION'],
  'aws/rds/disable_public_access': ['IAC-DB-PUBLIC'],
  'aws/s3/block_public_acls': ['IAC-S3-PUBLIC-ACCESS-BLOCK@block_public_acls|BlockPublicAcls'],
  'aws/s3/block_public_policy': ['IAC-S3-PUBLIC-ACCESS-BLOCK@block_public_policy|BlockPublicPolicy'],
  'aws/s3/ignore_public_acls': ['IAC-S3-PUBLIC-ACCESS-BLOCK@ignore_public_acls|IgnorePublicAcls'],
  'aws/s3/no_public_buckets': ['IAC-S3-PUBLIC-ACCESS-BLOCK@restrict_public_buckets|RestrictPublicBuckets'],
  // A bucket with no block at all (their check does not judge the flags: our flag findings do not count here).
  'aws/s3/specify_public_access_block': ['IAC-S3-PUBLIC-ACCESS-BLOCK@no aws_s3_bucket_public_access_block|PublicAccessBlockConfiguration is not set'],
  'aws/s3/enable_versioning': ['IAC-S3-VERSIONING'],
  'aws/s3/enable_logging': ['IAC-S3-ACCESS-LOGGING'],
  'aws/sns/enable_topic_encryption': ['IAC-SNS-ENCRYPTION'],
  'aws/sqs/enable_queue_encryption': ['IAC-SQS-ENCRYPTION'],
  'aws/ec2/no_public_ingress_sgr': ['IAC-SG-OPEN-INGRESS'],
  'aws/ec2/require_vpc_flow_logs_for_all_vpcs': ['IAC-VPC-FLOW-LOGS'],
  'azure/appservice/use_secure_tls_policy': ['IAC-AZURE-MIN-TLS'],
  'azure/appservice/enforce_https': ['IAC-AZURE-HTTPS-ONLY'],
  'azure/storage/enforce_https': ['IAC-AZURE-HTTPS-ONLY'],
  'azure/storage/use_secure_tls_policy': ['IAC-AZURE-MIN-TLS'],
  'google/compute/use_secure_tls_policy': ['IAC-GCP-SSL-POLICY'],
  // labelled test modules
  'terraform:ALBDropHttpHeaders': ['IAC-LB-DROP-INVALID-HEADERS'],
  'terraform:ALBListenerHTTPS': ['IAC-LB-HTTP-NO-REDIRECT'],
  'terraform:ELBv2AccessLogs': ['IAC-LB-ACCESS-LOGS'],
  'terraform:CloudFrontTLS12': ['IAC-CLOUDFRONT-TLS'],
  'terraform:CloudtrailEnableLogging': ['IAC-CLOUDTRAIL-LOGGING'],
  'terraform:CloudtrailLogValidation': ['IAC-CLOUDTRAIL-LOG-VALIDATION'],
  'terraform:CloudtrailMultiRegion': ['IAC-CLOUDTRAIL-MULTI-REGION'],
  'terraform:EBSEncryption': ['IAC-EBS-ENCRYPTION'],
  'terraform:EFSEncryptionEnabled': ['IAC-EFS-ENCRYPTION'],
  'terraform:ElasticacheReplicationGroupEncryptionAtRest': ['IAC-ELASTICACHE-ENCRYPTION'],
  'terraform:ElasticacheReplicationGroupEncryptionAtTransit': ['IAC-ELASTICACHE-TRANSIT'],
  'terraform:RDSEncryption': ['IAC-RDS-ENCRYPTION'],
  'terraform:AuroraEncryption': ['IAC-AURORA-ENCRYPTION'],
  'terraform:RDSClusterEncrypted': ['IAC-AURORA-ENCRYPTION'],
  'terraform:RDSDeletionProtection': ['IAC-RDS-DELETION-PROTECTION'],
  'terraform:RDSInstanceDeletionProtection': ['IAC-RDS-DELETION-PROTECTION'],
  'terraform:RDSPubliclyAccessible': ['IAC-DB-PUBLIC', 'IAC-RDS-CLUSTER-INSTANCE-PUBLIC'],
  'terraform:RedshiftClusterEncryption': ['IAC-REDSHIFT-ENCRYPTION'],
  'terraform:S3BlockPublicACLs': ['IAC-S3-PUBLIC-ACCESS-BLOCK@block_public_acls'],
  'terraform:S3BlockPublicPolicy': ['IAC-S3-PUBLIC-ACCESS-BLOCK@block_public_policy'],
  'terraform:S3IgnorePublicACLs': ['IAC-S3-PUBLIC-ACCESS-BLOCK@ignore_public_acls'],
  'terraform:S3RestrictPublicBuckets': ['IAC-S3-PUBLIC-ACCESS-BLOCK@restrict_public_buckets'],
  'terraform:SNSTopicEncryption': ['IAC-SNS-ENCRYPTION'],
  'terraform:SQSQueueEncryption': ['IAC-SQS-ENCRYPTION'],
  'terraform:GoogleComputeSSLPolicy': ['IAC-GCP-SSL-POLICY', 'IAC-GCP-SSL-POLICY-CIPHERS'],
  'terraform:AppServiceMinTLSVersion': ['IAC-AZURE-MIN-TLS'],
  'terraform:AppServiceHTTPSOnly': ['IAC-AZURE-HTTPS-ONLY'],
  'terraform:AppServiceSlotMinTLSVersion': ['IAC-AZURE-MIN-TLS'],
  'terraform:AppServiceSlotHTTPSOnly': ['IAC-AZURE-HTTPS-ONLY'],
  'terraform:FunctionAppMinTLSVersion': ['IAC-AZURE-MIN-TLS'],
  'terraform:FunctionAppsAccessibleOverHttps': ['IAC-AZURE-HTTPS-ONLY'],
  'terraform:StorageAccountMinimumTlsVersion': ['IAC-AZURE-MIN-TLS'],
  'terraform:StorageAccountsTransportEncryption': ['IAC-AZURE-HTTPS-ONLY'],
  'terraform:MSSQLServerMinTLSVersion': ['IAC-AZURE-MIN-TLS'],
  'terraform:RedisCacheMinTLSVersion': ['IAC-AZURE-MIN-TLS'],
  'cloudformation:ALBListenerHTTPS': ['IAC-LB-HTTP-NO-REDIRECT'],
  'cloudformation:ALBListenerTLS12': ['IAC-LB-TLS-POLICY'],
  'cloudformation:ALBDropHttpHeaders': ['IAC-LB-DROP-INVALID-HEADERS'],
  'cloudformation:ELBv2AccessLogs': ['IAC-LB-ACCESS-LOGS'],
  'cloudformation:CloudFrontTLS12': ['IAC-CLOUDFRONT-TLS'],
  'cloudformation:CloudtrailLogValidation': ['IAC-CLOUDTRAIL-LOG-VALIDATION'],
  'cloudformation:CloudtrailMultiRegion': ['IAC-CLOUDTRAIL-MULTI-REGION'],
  'cloudformation:EBSEncryption': ['IAC-EBS-ENCRYPTION'],
  'cloudformation:EFSEncryptionEnabled': ['IAC-EFS-ENCRYPTION'],
  'cloudformation:ElasticacheReplicationGroupEncryptionAtRest': ['IAC-ELASTICACHE-ENCRYPTION'],
  'cloudformation:ElasticacheReplicationGroupEncryptionAtTransit': ['IAC-ELASTICACHE-TRANSIT'],
  'cloudformation:RDSEncryption': ['IAC-RDS-ENCRYPTION'],
  'cloudformation:RDSPubliclyAccessible': ['IAC-DB-PUBLIC'],
  'cloudformation:RedshiftClusterEncryption': ['IAC-REDSHIFT-ENCRYPTION'],
  'cloudformation:S3BucketLogging': ['IAC-S3-ACCESS-LOGGING'],
  'cloudformation:S3Versioning': ['IAC-S3-VERSIONING'],
  'cloudformation:SNSTopicEncryption': ['IAC-SNS-ENCRYPTION'],
  'cloudformation:SQSQueueEncryption': ['IAC-SQS-ENCRYPTION'],
  // checks of the rules added for issue 12
  'aws/cloudfront/enable_logging': ['IAC-CLOUDFRONT-LOGGING'],
  'aws/cloudfront/enable_waf': ['IAC-CLOUDFRONT-WAF'],
  'aws/cloudtrail/encryption_customer_key': ['IAC-CLOUDTRAIL-KMS'],
  'aws/cloudwatch/log_group_customer_key': ['IAC-LOG-GROUP-KMS'],
  'aws/s3/no_public_access_with_acl': ['IAC-S3-PUBLIC'],
  'azure/database/enable_ssl_enforcement': ['IAC-AZURE-DB-SSL'],
  'azure/database/secure_tls_policy': ['IAC-AZURE-MIN-TLS'],
  'google/sql/encrypt_in_transit_data': ['IAC-GCP-SQL-REQUIRE-SSL'],
  'terraform:S3GlobalViewACL': ['IAC-S3-PUBLIC'],
  'terraform:S3AllowsAnyPrincipal': ['IAC-S3-PUBLIC'],
  'terraform:ELBAccessLogs': ['IAC-ELB-CLASSIC-ACCESS-LOGS'],
  'terraform:ELBUsesSSL': ['IAC-ELB-CLASSIC-PLAIN-LISTENER'],
  'terraform:ELBPolicyUsesSecureProtocols': ['IAC-ELB-CLASSIC-TLS-POLICY'],
  'terraform:RedShiftSSL': ['IAC-REDSHIFT-REQUIRE-SSL'],
  'terraform:RedshiftClusterPubliclyAccessible': ['IAC-REDSHIFT-PUBLIC'],
  'terraform:CloudtrailEncryptedWithCMK': ['IAC-CLOUDTRAIL-KMS'],
  'terraform:CloudWatchLogGroupKMSKey': ['IAC-LOG-GROUP-KMS'],
  'terraform:CloudfrontDistributionLogging': ['IAC-CLOUDFRONT-LOGGING'],
  'terraform:WAFEnabled': ['IAC-CLOUDFRONT-WAF'],
  'terraform:RedisCacheEnableNonSSLPort': ['IAC-AZURE-REDIS-NON-SSL-PORT'],
  'terraform:MySQLServerSSLEnforcementEnabled': ['IAC-AZURE-DB-SSL'],
  'terraform:PostgreSQLServerSSLEnforcementEnabled': ['IAC-AZURE-DB-SSL'],
  'terraform:MariaDBSSLEnforcementEnabled': ['IAC-AZURE-DB-SSL'],
  'terraform:MySQLServerMinTLSVersion': ['IAC-AZURE-MIN-TLS'],
  'terraform:PostgreSQLMinTLSVersion': ['IAC-AZURE-MIN-TLS'],
  'terraform:APIManagementMinTLS12': ['IAC-AZURE-APIM-LEGACY-TLS'],
  'terraform:AzureServicebusMinTLSVersion': ['IAC-AZURE-MIN-TLS'],
  'terraform:EventHubNamespaceMinTLS12': ['IAC-AZURE-MIN-TLS'],
  'terraform:GoogleCloudSqlDatabaseRequireSsl': ['IAC-GCP-SQL-REQUIRE-SSL'],
  'cloudformation:ELBAccessLogs': ['IAC-ELB-CLASSIC-ACCESS-LOGS'],
  'cloudformation:CloudtrailEncryption': ['IAC-CLOUDTRAIL-KMS'],
  'cloudformation:CloudWatchLogGroupKMSKey': ['IAC-LOG-GROUP-KMS'],
  'cloudformation:RedshiftClusterPubliclyAccessible': ['IAC-REDSHIFT-PUBLIC'],
  'cloudformation:WAFEnabled': ['IAC-CLOUDFRONT-WAF'],
};

type Label = 'fail' | 'pass';

/**
 * Units where our answer differs from the peer's label on purpose. `matches` names the unit: its
 * labelled address, or a pattern its first file's text holds. The rule's description (docs/rules.md)
 * gives the same reason.
 */
export const DISAGREEMENTS: readonly { key: string; label: Label; matches: string | RegExp; why: string }[] = [
  {
    key: 'aws/rds/encrypt_cluster_storage_data',
    label: 'fail',
    matches: /storage_encrypted\s*=\s*true/,
    why: 'IAC-AURORA-ENCRYPTION: encryption with the AWS-managed key meets encryption at rest; a customer-managed key is not required',
  },
  {
    key: 'aws/cloudfront/use_secure_tls_policy',
    label: 'pass',
    matches: /cloudfront_default_certificate\s*=\s*true/,
    why: 'IAC-CLOUDFRONT-TLS: the default certificate pins the security policy at TLSv1, so viewers can still use TLS 1.0',
  },
  {
    key: 'aws/cloudtrail/encryption_customer_key',
    label: 'pass',
    matches: /^\s+KmsKeyId:/m,
    why: 'IAC-CLOUDTRAIL-KMS: the CloudFormation property is KMSKeyId; KmsKeyId sets no key',
  },
  {
    key: 'terraform:ELBPolicyUsesSecureProtocols',
    label: 'pass',
    matches: 'aws_load_balancer_policy.pass3',
    why: 'IAC-ELB-CLASSIC-TLS-POLICY: "TLS-1-2-2017-01" is no predefined policy (those are named ELBSecurityPolicy-…), so nothing shows it is TLS 1.2',
  },
  {
    key: 'terraform:S3GlobalViewACL',
    label: 'pass',
    matches: 'aws_s3_bucket_acl.pass2',
    why: 'IAC-S3-PUBLIC: a READ grant to AllUsers lists the bucket to anyone (their check looks at READ_ACP and FULL_CONTROL only)',
  },
];

/** One labelled thing: a resource of a module, or a whole file. */
interface Unit {
  key: string;
  label: Label;
  files: InfraFileText[];
  /** The labelled resource (its address), or the whole first file when absent. */
  address?: string;
  origin: Origin;
}

const ORIGINS = ['example set', 'test module', 'inline test'] as const;
type Origin = (typeof ORIGINS)[number];

export interface PeerScore {
  key: string;
  failing: number;
  found: number;
  /** Found on the line of the attribute or block that decides. */
  exact: number;
  unknown: number;
  passing: number;
  falseAlarms: number;
  missed: string[];
  offLine: string[];
  alarms: string[];
  /** Units listed in DISAGREEMENTS, with whether our answer matched the peer's label after all; also in the counts above. */
  disputed: { name: string; label: Label; agreed: boolean; exact: boolean; why: string }[];
}

function walk(dir: string, visit: (path: string) => void): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, visit);
    else visit(path);
  }
}

function filesUnder(dir: string, extensions: RegExp): InfraFileText[] {
  const files: InfraFileText[] = [];
  walk(dir, (path) => {
    if (extensions.test(path)) files.push({ path: relative(dir, path), text: readFileSync(path, 'utf8') });
  });
  return files;
}

/** Example lists of a metadata file: one unit per example. */
function exampleUnits(path: string): Unit[] {
  const key = /cloud\/(.+)\.yaml$/.exec(path.replaceAll('\\', '/'))?.[1];
  if (!key || !PEER_MAPPING[key]) return [];
  const metadata = yaml.load(readFileSync(path, 'utf8')) as Record<string, { good?: string[]; bad?: string[] } | undefined> | null;
  const units: Unit[] = [];
  for (const [format, file] of [
    ['terraform', 'main.tf'],
    ['cloudformation', 'template.yaml'],
  ] as const) {
    const sets = metadata?.[format];
    for (const text of sets?.bad ?? []) units.push({ key, label: 'fail', files: [{ path: file, text }], origin: 'example set' });
    for (const text of sets?.good ?? []) units.push({ key, label: 'pass', files: [{ path: file, text }], origin: 'example set' });
  }
  return units;
}

/** The string literals of a Python set assigned to `name` (`failing_resources = {"aws_lb.a", ...}`). */
function pythonSet(source: string, name: string): string[] | undefined {
  const body = new RegExp(`${name}\\s*=\\s*(?:set\\(\\s*)?[[{]([^\\]}]*)[\\]}]`).exec(source)?.[1];
  return body === undefined ? undefined : [...body.matchAll(/["']([^"']+)["']/g)].map((match) => match[1]!);
}

/** Inline test functions read as units, and those of another shape, counted, not read. */
export const inlineTally = { read: 0, notRead: 0 };

/** A Python triple-quoted string's lines without the indentation they share. */
function dedent(text: string): string {
  const lines = text.split('\n');
  const common = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(common)).join('\n');
}

/**
 * Inline test cases: a `def test…` that parses one HCL string, picks one resource of it
 * (`['resource'][0]['<type>']['<name>']`) and asserts one of PASSED / FAILED. Read as text, never run.
 */
function inlineUnits(key: string, source: string): Unit[] {
  const units: Unit[] = [];
  for (const body of source.split(/\n\s*def test\w*\(self\):/).slice(1)) {
    const strings = [...body.matchAll(/hcl2\.loads\(\s*"""([\s\S]*?)"""\s*\)/g)];
    if (!strings.length) continue;
    const picked = /\['resource'\]\[0\]\['([\w-]+)'\]\['([\w-]+)'\]/.exec(body);
    const results = new Set([...body.matchAll(/CheckResult\.(PASSED|FAILED)/g)].map((match) => match[1]));
    if (strings.length !== 1 || !picked || results.size !== 1) {
      inlineTally.notRead++;
      continue;
    }
    inlineTally.read++;
    const label: Label = results.has('FAILED') ? 'fail' : 'pass';
    units.push({ key, label, files: [{ path: 'main.tf', text: dedent(strings[0]![1]!) }], address: `${picked[1]}.${picked[2]}`, origin: 'inline test' });
  }
  return units;
}

/** A labelled test module: resources named in the test, files named PASSED/FAILED, or inline HCL cases. */
function testModuleUnits(path: string): Unit[] {
  const check = /test_(\w+)\.py$/.exec(basename(path))?.[1];
  const format = path.replaceAll('\\', '/').includes('/cloudformation/') ? 'cloudformation' : 'terraform';
  const key = `${format}:${check}`;
  if (!check || !PEER_MAPPING[key]) return [];
  const exampleDir = join(dirname(path), `example_${check}`);
  if (!statSync(exampleDir, { throwIfNoEntry: false })?.isDirectory()) return format === 'terraform' ? inlineUnits(key, readFileSync(path, 'utf8')) : [];
  if (format === 'terraform') {
    const source = readFileSync(path, 'utf8');
    const files = filesUnder(exampleDir, /\.tf$|\.tfvars$/);
    const failing = pythonSet(source, 'failing_resources') ?? [];
    const passing = pythonSet(source, 'passing_resources') ?? [];
    // Resources inside modules are named by their module path, which our addresses do not carry.
    const direct = (address: string) => !address.startsWith('module.');
    return [
      ...failing.filter(direct).map((address): Unit => ({ key, label: 'fail', files, address, origin: 'test module' })),
      ...passing.filter(direct).map((address): Unit => ({ key, label: 'pass', files, address, origin: 'test module' })),
    ];
  }
  return filesUnder(exampleDir, /\.ya?ml$|\.json$/).flatMap((file): Unit[] => {
    const label = /FAIL/i.test(file.path) ? 'fail' : /PASS/i.test(file.path) ? 'pass' : undefined;
    return label ? [{ key, label, files: [file], origin: 'test module' }] : [];
  });
}

function collectUnits(roots: readonly string[]): Unit[] {
  const units: Unit[] = [];
  for (const root of roots) {
    walk(root, (path) => {
      if (path.endsWith('.yaml') && /\/cloud\//.test(path.replaceAll('\\', '/'))) units.push(...exampleUnits(path));
      else if (/test_\w+\.py$/.test(path)) units.push(...testModuleUnits(path));
    });
  }
  return units;
}

const rulesById = new Map(INFRA_RULES.map((rule) => [rule.id, rule]));

/** A mapping entry: the rule id, and the attribute names its findings must be about (any, when absent). */
function parseEntry(entry: string): { id: string; attributes?: string[] } {
  const [id, attributes] = entry.split('@') as [string, string | undefined];
  return attributes === undefined ? { id } : { id, attributes: attributes.split('|') };
}

function matchesEntry(entries: readonly string[], result: { ruleId: string; message: string }): boolean {
  return entries
    .map(parseEntry)
    .some(({ id, attributes }) => id === result.ruleId && (!attributes || attributes.some((name) => result.message.includes(name))));
}

/** Every resource of the files, parsed. */
async function parseResources(files: readonly InfraFileText[]): Promise<InfraResource[]> {
  const resources: InfraResource[] = [];
  for (const file of files) {
    const parsed = await parseInfraFile(file.path, file.text);
    if (parsed?.ok) resources.push(...parsed.resources);
  }
  return resources;
}

function disagreementOf(unit: Unit): (typeof DISAGREEMENTS)[number] | undefined {
  return DISAGREEMENTS.find(
    (entry) =>
      entry.key === unit.key &&
      entry.label === unit.label &&
      (typeof entry.matches === 'string' ? unit.address === entry.matches : entry.matches.test(unit.files[0]!.text)),
  );
}

async function judge(units: readonly Unit[]): Promise<PeerScore[]> {
  const scores = new Map<string, PeerScore>();
  const runs = new Map<string, Promise<{ analysis: Awaited<ReturnType<typeof analyzeInfra>>; resources: InfraResource[] }>>();
  for (const unit of units) {
    const entries = PEER_MAPPING[unit.key] ?? [];
    const ruleIds = [...new Set(entries.map((entry) => parseEntry(entry).id))];
    const rules = ruleIds.map((id) => rulesById.get(id)).filter((rule): rule is InfraRule => rule !== undefined);
    if (!rules.length) continue;
    const runKey = `${ruleIds.join(',')}\n${unit.files.map((file) => `${file.path}\n${file.text}`).join('\n')}`;
    if (!runs.has(runKey)) {
      runs.set(
        runKey,
        Promise.all([analyzeInfra({ base: [], head: unit.files, rules, now: new Date('2026-01-15T00:00:00Z') }), parseResources(unit.files)]).then(
          ([analysis, resources]) => ({ analysis, resources }),
        ),
      );
    }
    const { analysis, resources } = await runs.get(runKey)!;
    const score = scores.get(unit.key) ?? {
      key: unit.key,
      failing: 0,
      found: 0,
      exact: 0,
      unknown: 0,
      passing: 0,
      falseAlarms: 0,
      missed: [],
      offLine: [],
      alarms: [],
      disputed: [],
    };
    scores.set(unit.key, score);
    const block = unit.address === undefined ? undefined : resources.find((resource) => resource.address === unit.address);
    /** The resource a finding's first line falls in: the labelled one, or, for a file unit, any of the file's. */
    const resourceAt = (location: { kind: string; path?: string; startLine?: number }) => {
      if (location.kind !== 'file') return undefined;
      const line = location.startLine ?? 0;
      const candidates = block ? [block] : resources.filter((resource) => resource.path === unit.files[0]!.path);
      return candidates.find((resource) => location.path === resource.path && line >= resource.range.startLine && line <= resource.range.endLine);
    };
    const inUnit = (location: { kind: string; path?: string }) =>
      resourceAt(location) !== undefined || (unit.address === undefined && location.kind === 'file' && location.path === unit.files[0]!.path);
    const hits = analysis.findings.filter((finding) => matchesEntry(entries, finding) && inUnit(finding.location));
    const unknown = analysis.unknown.some((entry) => matchesEntry(entries, entry) && inUnit(entry.location));
    const name = `${unit.key} ${unit.address ?? unit.files[0]!.path}`;
    const exact = hits.some((finding) => {
      const resource = resourceAt(finding.location);
      const text = unit.files.find((file) => file.path === resource?.path)?.text;
      return (
        resource !== undefined &&
        text !== undefined &&
        finding.location.kind === 'file' &&
        onDecidingLine(rulesById.get(finding.ruleId)!, resource, resources, text, finding.location.startLine)
      );
    });
    const disputed = disagreementOf(unit);
    if (disputed)
      score.disputed.push({ name, label: unit.label, agreed: unit.label === 'fail' ? hits.length > 0 : hits.length === 0, exact, why: disputed.why });
    if (unit.label === 'fail') {
      score.failing++;
      if (hits.length) score.found++;
      else if (unknown) score.unknown++;
      else score.missed.push(name);
      if (exact) score.exact++;
      else if (hits.length) score.offLine.push(`${name}: line ${hits.map((hit) => (hit.location.kind === 'file' ? hit.location.startLine : 0)).join(', ')}`);
    } else {
      score.passing++;
      if (hits.length) {
        score.falseAlarms++;
        score.alarms.push(`${name}: ${hits[0]!.message}`);
      }
    }
  }
  return [...scores.values()].sort((a, b) => a.key.localeCompare(b.key));
}

function percent(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a';
}

export function formatScores(scores: readonly PeerScore[], verbose: boolean, origins: Readonly<Record<Origin, number>>): string {
  const sum = (pick: (score: PeerScore) => number) => scores.reduce((total, score) => total + pick(score), 0);
  const disputed = scores.flatMap((score) => score.disputed);
  const total = {
    failing: sum((s) => s.failing),
    found: sum((s) => s.found),
    exact: sum((s) => s.exact),
    unknown: sum((s) => s.unknown),
    passing: sum((s) => s.passing),
    falseAlarms: sum((s) => s.falseAlarms),
  };
  // Without the documented disagreements: a disputed failing unit we pass is not a miss, a disputed passing unit we report is not a false alarm.
  const disputedFail = disputed.filter((entry) => entry.label === 'fail');
  const disputedPass = disputed.filter((entry) => entry.label === 'pass');
  const apart = {
    failing: total.failing - disputedFail.length,
    exact: total.exact - disputedFail.filter((entry) => entry.exact).length,
    passing: total.passing - disputedPass.length,
    falseAlarms: total.falseAlarms - disputedPass.filter((entry) => !entry.agreed).length,
  };
  const lines = scores.map(
    (score) =>
      `${score.key.padEnd(56)} found ${score.found}/${score.failing} (exact line ${score.exact}, unknown ${score.unknown})  false alarms ${score.falseAlarms}/${score.passing}`,
  );
  if (verbose) {
    for (const score of scores) {
      lines.push(
        ...score.missed.map((name) => `  missed: ${name}`),
        ...score.offLine.map((name) => `  off the deciding line: ${name}`),
        ...score.alarms.map((name) => `  false alarm: ${name}`),
      );
    }
  }
  lines.push(
    '',
    'documented disagreements (also in the totals as the peer labels them):',
    ...disputed.map(
      (entry) =>
        `  ${entry.label === 'fail' ? 'labelled failing' : 'labelled passing'}: ${entry.name}${entry.agreed ? ' (our answer matches the label: stale entry)' : ''} — ${entry.why}`,
    ),
    '',
    `units read: ${ORIGINS.map((origin) => `${origins[origin]} from ${origin}s`).join(', ')}; inline test functions of another shape, not read: ${inlineTally.notRead}`,
    `checks mapped: ${scores.length}; failing units ${total.failing}, passing units ${total.passing}`,
    `as the peers label them: recall on the exact line ${percent(total.exact, total.failing)} (${total.exact}/${total.failing}; in the resource's block ${total.found}, unknown ${total.unknown}); false alarms ${percent(total.falseAlarms, total.passing)} (${total.falseAlarms}/${total.passing})`,
    `without the ${disputed.length} documented disagreements: recall on the exact line ${percent(apart.exact, apart.failing)} (${apart.exact}/${apart.failing}); false alarms ${percent(apart.falseAlarms, apart.passing)} (${apart.falseAlarms}/${apart.passing})`,
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const roots = args.filter((arg) => !arg.startsWith('--'));
  if (!roots.length) {
    process.stderr.write('usage: npx tsx bench/peer-fixtures.ts [--verbose] <dir-of-exported-fixtures...>\n');
    process.exit(2);
  }
  const units = collectUnits(roots);
  const origins = Object.fromEntries(ORIGINS.map((origin) => [origin, units.filter((unit) => unit.origin === origin).length])) as Record<Origin, number>;
  process.stdout.write(`${formatScores(await judge(units), args.includes('--verbose'), origins)}\n`);
}

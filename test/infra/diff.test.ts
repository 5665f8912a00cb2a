/**
 * How a change between base and head is classified, through the real Terraform parser:
 * weakened, removed, introduced, existing, strengthened, unknown, and resources renamed with moved {}.
 */
import { describe, expect, it } from 'vitest';
import { analyzeInfra } from '../../checks/infra/evaluate.js';
import { iamAdminPolicy, s3PublicAccessBlock, securityGroupOpen } from '../../checks/infra/rules/aws-access.js';
import { cloudTrailLogging } from '../../checks/infra/rules/aws-audit.js';
import { cloudFrontViewerProtocol, lbHttpRedirect, lbListenerTlsPolicy, lbWafAssociation } from '../../checks/infra/rules/aws-load-balancing.js';
import { INFRA_RULES } from '../../checks/infra/rules/index.js';
import { rdsEncryption, snsEncryption } from '../../checks/infra/rules/aws-data.js';

const NOW = new Date('2026-01-15T00:00:00Z');

const listener = (policy: string) => `resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = ${policy}\n}\n`;
const database = (name: string, encrypted: string) =>
  `resource "aws_db_instance" "${name}" {\n  engine            = "postgres"\n  storage_encrypted = ${encrypted}\n}\n`;
const trail = `resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "audit"\n}\n`;

async function diff(base: string | undefined, head: string | undefined, path = 'main.tf') {
  return analyzeInfra({
    base: base === undefined ? [] : [{ path, text: base }],
    head: head === undefined ? [] : [{ path, text: head }],
    rules: [lbListenerTlsPolicy, rdsEncryption, cloudTrailLogging],
    now: NOW,
  });
}

describe('diff classification', () => {
  it('a safe value made unsafe is weakened, with before and after, on the attribute line', async () => {
    const result = await diff(listener('"ELBSecurityPolicy-TLS13-1-2-2021-06"'), listener('"ELBSecurityPolicy-TLS-1-1-2017-01"'));
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      ruleId: 'IAC-LB-TLS-POLICY',
      change: 'weakened',
      severity: 'high',
      safeguard: 'transmission-security',
      location: { kind: 'file', path: 'main.tf', startLine: 3, endLine: 3 },
      evidence: { before: 'ELBSecurityPolicy-TLS13-1-2-2021-06', after: 'ELBSecurityPolicy-TLS-1-1-2017-01' },
    });
    expect(result.findings[0]!.message).toMatch(
      /aws_lb_listener\.https: ssl_policy is "ELBSecurityPolicy-TLS-1-1-2017-01"; expected .* \(was "ELBSecurityPolicy-TLS13-1-2-2021-06"\)/,
    );
  });

  it('an unsafe value made even weaker is still weakened; an unchanged one is existing', async () => {
    const weaker = await diff(listener('"ELBSecurityPolicy-TLS-1-1-2017-01"'), listener('"ELBSecurityPolicy-2016-08"'));
    expect(weaker.findings.map((finding) => finding.change)).toEqual(['weakened']);
    const same = await diff(listener('"ELBSecurityPolicy-2016-08"'), listener('"ELBSecurityPolicy-2016-08"'));
    expect(same.findings.map((finding) => finding.change)).toEqual(['existing']);
  });

  it('deleting an attribute so that a weaker default applies is weakened, naming the default, on the block that lost it', async () => {
    // Given a listener whose TLS 1.2 policy is deleted (AWS then applies ELBSecurityPolicy-2016-08)
    const result = await diff(listener('"ELBSecurityPolicy-TLS13-1-2-2021-06"'), `resource "aws_lb_listener" "https" {\n  protocol = "HTTPS"\n}\n`);
    // Then the finding is weakened, on the listener block, and says which default now applies
    expect(result.findings[0]).toMatchObject({
      change: 'weakened',
      evidence: { before: 'ELBSecurityPolicy-TLS13-1-2-2021-06', after: 'ELBSecurityPolicy-2016-08' },
      location: { startLine: 1, endLine: 3 },
    });
    expect(result.findings[0]!.message).toMatch(
      /ssl_policy is not set, which means "ELBSecurityPolicy-2016-08"; expected .* \(was "ELBSecurityPolicy-TLS13-1-2-2021-06"\)/,
    );
  });

  it('deleting an attribute that has no default to fall back on is removed', async () => {
    const topic = (key: string) => `resource "aws_sns_topic" "alerts" {\n  name = "alerts"\n${key}}\n`;
    const result = await analyzeInfra({
      base: [{ path: 'main.tf', text: topic('  kms_master_key_id = "alias/aws/sns"\n') }],
      head: [{ path: 'main.tf', text: topic('') }],
      rules: [snsEncryption],
      now: NOW,
    });
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: 'IAC-SNS-ENCRYPTION', change: 'removed', location: { kind: 'file', path: 'main.tf', startLine: 1, endLine: 3 } }),
    ]);
  });

  it('deleting the companion resource that provided a safeguard is removed, naming it', async () => {
    // Given an internet-facing ALB whose WAF association is deleted
    const alb = `resource "aws_lb" "front" {\n  name     = "front"\n  internal = false\n}\n`;
    const association = `resource "aws_wafv2_web_acl_association" "front" {\n  resource_arn = aws_lb.front.arn\n  web_acl_arn  = aws_wafv2_web_acl.main.arn\n}\n`;
    const result = await analyzeInfra({
      base: [{ path: 'main.tf', text: `${alb}\n${association}` }],
      head: [{ path: 'main.tf', text: alb }],
      rules: [lbWafAssociation],
      now: NOW,
    });
    // Then the load balancer lost its WAF: removed, not introduced or weakened
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'IAC-LB-WAF',
        change: 'removed',
        evidence: expect.objectContaining({ before: 'aws_wafv2_web_acl_association.front' }),
      }),
    ]);
    expect(result.findings[0]!.message).toMatch(/was provided by aws_wafv2_web_acl_association\.front/);
  });

  it('every failing attribute of a resource is its own finding, each on its own lines', async () => {
    // Given a distribution whose default and ordered behaviours both allow plain HTTP
    const text = `resource "aws_cloudfront_distribution" "site" {\n  default_cache_behavior {\n    viewer_protocol_policy = "allow-all"\n  }\n  ordered_cache_behavior {\n    path_pattern           = "/legacy/*"\n    viewer_protocol_policy = "allow-all"\n  }\n}\n`;
    const result = await analyzeInfra({ base: [], head: [{ path: 'main.tf', text }], rules: [cloudFrontViewerProtocol], now: NOW });
    // Then there are two findings, on lines 3 and 7, with different fingerprints
    expect(result.findings.map((finding) => [finding.change, finding.location.kind === 'file' ? finding.location.startLine : 0])).toEqual([
      ['introduced', 3],
      ['introduced', 7],
    ]);
    expect(new Set(result.findings.map((finding) => finding.fingerprint)).size).toBe(2);

    // When the ordered behaviour alone is fixed
    const fixed = await analyzeInfra({
      base: [{ path: 'main.tf', text }],
      head: [{ path: 'main.tf', text: text.replace(/"allow-all"(?=\n {2}}\n}\n$)/, '"https-only"') }],
      rules: [cloudFrontViewerProtocol],
      now: NOW,
    });
    // Then the default stays an existing finding and the ordered one is a strengthening
    expect(fixed.findings.map((finding) => finding.change)).toEqual(['existing']);
    expect(fixed.strengthened.map((entry) => entry.location.kind === 'file' && entry.location.startLine)).toEqual([7]);

    // When only the default was bad at base and the ordered behaviour is made bad too
    const onlyDefault = text.replace(/"allow-all"(?=\n {2}}\n}\n$)/, '"https-only"');
    const worse = await analyzeInfra({
      base: [{ path: 'main.tf', text: onlyDefault }],
      head: [{ path: 'main.tf', text }],
      rules: [cloudFrontViewerProtocol],
      now: NOW,
    });
    // Then the default is existing and the ordered one weakened
    expect(worse.findings.map((finding) => finding.change)).toEqual(['existing', 'weakened']);
  });

  it('a listener whose protocol is unresolved is unknown for the TLS rules, never "does not apply"', async () => {
    const text = `variable "protocol" {}\nresource "aws_lb_listener" "front" {\n  protocol = var.protocol\n  default_action {\n    type = "forward"\n  }\n}\n`;
    const result = await analyzeInfra({ base: [], head: [{ path: 'main.tf', text }], rules: [lbListenerTlsPolicy, lbHttpRedirect], now: NOW });
    expect(result.findings).toEqual([]);
    expect(result.unknown.map((entry) => [entry.ruleId, entry.location.kind === 'file' && entry.location.startLine])).toEqual([
      ['IAC-LB-TLS-POLICY', 3],
      ['IAC-LB-HTTP-NO-REDIRECT', 3],
    ]);
  });

  it('a listener without protocol is HTTP on an Application Load Balancer, TCP on a Network Load Balancer', async () => {
    const listenerOf = (type: string) =>
      `resource "aws_lb" "front" {\n  load_balancer_type = "${type}"\n}\nresource "aws_lb_listener" "front" {\n  load_balancer_arn = aws_lb.front.arn\n  default_action {\n    type = "forward"\n  }\n}\n`;
    const alb = await analyzeInfra({ base: [], head: [{ path: 'main.tf', text: listenerOf('application') }], rules: [lbHttpRedirect], now: NOW });
    const nlb = await analyzeInfra({ base: [], head: [{ path: 'main.tf', text: listenerOf('network') }], rules: [lbHttpRedirect], now: NOW });
    expect(alb.findings).toEqual([expect.objectContaining({ ruleId: 'IAC-LB-HTTP-NO-REDIRECT', location: expect.objectContaining({ startLine: 6 }) })]);
    expect(nlb.findings).toEqual([]);
    expect(nlb.unknown).toEqual([]);
  });

  it('a new resource that violates a rule is introduced', async () => {
    const result = await diff(undefined, database('phi', 'false'));
    expect(result.findings.map((finding) => [finding.ruleId, finding.change])).toEqual([['IAC-RDS-ENCRYPTION', 'introduced']]);
    expect(result.findings[0]!.evidence).toMatchObject({ actual: false, expected: 'true', resource: 'aws_db_instance.phi' });
  });

  it('an unsafe value made safe, or a safe one made stronger, is a strengthening, not a finding', async () => {
    const fixed = await diff(database('phi', 'false'), database('phi', 'true'));
    expect(fixed.findings).toEqual([]);
    expect(fixed.strengthened).toEqual([
      {
        ruleId: 'IAC-RDS-ENCRYPTION',
        location: { kind: 'file', path: 'main.tf', startLine: 3, endLine: 3 },
        message: 'aws_db_instance.phi: storage_encrypted changed from false to true',
      },
    ]);
    const stronger = await diff(listener('"ELBSecurityPolicy-TLS13-1-2-2021-06"'), listener('"ELBSecurityPolicy-TLS13-1-3-2021-06"'));
    expect(stronger.strengthened.map((entry) => entry.ruleId)).toEqual(['IAC-LB-TLS-POLICY']);
  });

  it('deleting a safeguard resource (a trail) is removed, located at base', async () => {
    const result = await diff(trail, '# the trail moved to another account\n');
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'IAC-CLOUDTRAIL-LOGGING',
        change: 'removed',
        location: { kind: 'file', path: 'main.tf', startLine: 1, endLine: 4 },
        evidence: { resource: 'aws_cloudtrail.main', before: 'aws_cloudtrail.main', after: null },
      }),
    ]);
  });

  describe('deleting the thing protected is no finding; deleting its safeguard is removed', () => {
    const bucket = `resource "aws_s3_bucket" "phi" {\n  bucket = "phi-records"\n}\n`;
    const block = `resource "aws_s3_bucket_public_access_block" "phi" {\n  bucket                  = aws_s3_bucket.phi.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n`;
    const cfnBucket = `Resources:\n  Records:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n      VersioningConfiguration:\n        Status: Enabled\n`;
    const run = (base: string, head: string, path = 'main.tf') =>
      analyzeInfra({ base: [{ path, text: base }], head: head ? [{ path, text: head }] : [], rules: INFRA_RULES, now: NOW });

    it('a fully configured CloudFormation bucket deleted with its template: no finding from any rule', async () => {
      const result = await run(cfnBucket, '', 'storage.yaml');
      expect(result.findings).toEqual([]);
    });

    it('a Terraform bucket deleted together with its public access block and encryption configuration: no finding', async () => {
      const encryption = `resource "aws_s3_bucket_server_side_encryption_configuration" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n}\n`;
      const result = await run(`${bucket}\n${block}\n${encryption}`, '# the bucket moved to the archive account\n');
      expect(result.findings.map((finding) => `${finding.ruleId} ${finding.change}`)).toEqual([]);
    });

    it('the public access block deleted while its bucket stays: one removed finding, naming the block', async () => {
      const result = await analyzeInfra({
        base: [{ path: 'main.tf', text: `${bucket}\n${block}` }],
        head: [{ path: 'main.tf', text: bucket }],
        rules: [s3PublicAccessBlock],
        now: NOW,
      });
      expect(result.findings).toEqual([
        expect.objectContaining({
          ruleId: 'IAC-S3-PUBLIC-ACCESS-BLOCK',
          change: 'removed',
          location: { kind: 'file', path: 'main.tf', startLine: 1, endLine: 3 },
          evidence: expect.objectContaining({ resource: 'aws_s3_bucket.phi', before: 'aws_s3_bucket_public_access_block.phi' }),
        }),
      ]);
      expect(result.findings[0]!.message).toMatch(/was provided by aws_s3_bucket_public_access_block\.phi/);
    });

    it('a public access block whose bucket is outside the module, deleted: removed at its base lines', async () => {
      const result = await analyzeInfra({
        base: [{ path: 'main.tf', text: block }],
        head: [{ path: 'main.tf', text: '# gone\n' }],
        rules: [s3PublicAccessBlock],
        now: NOW,
      });
      expect(result.findings).toEqual([
        expect.objectContaining({
          ruleId: 'IAC-S3-PUBLIC-ACCESS-BLOCK',
          change: 'removed',
          location: { kind: 'file', path: 'main.tf', startLine: 1, endLine: 7 },
          evidence: { resource: 'aws_s3_bucket_public_access_block.phi', before: 'aws_s3_bucket_public_access_block.phi', after: null },
        }),
      ]);
    });

    it('every rule that lists safeguard types judges them', () => {
      for (const rule of INFRA_RULES) for (const safeguard of rule.safeguardTypes ?? []) expect(rule.resourceTypes, rule.id).toContain(safeguard.type);
    });
  });

  it('a resource renamed with moved {} is matched to its old self: unchanged stays existing, not removed + introduced', async () => {
    const renamed = `${database('records', 'false')}\nmoved {\n  from = aws_db_instance.phi\n  to   = aws_db_instance.records\n}\n`;
    const result = await diff(database('phi', 'false'), renamed);
    expect(result.findings.map((finding) => finding.change)).toEqual(['existing']);
    const renamedTrail = `${trail.replace('"main" {', '"audit" {')}\nmoved {\n  from = aws_cloudtrail.main\n  to   = aws_cloudtrail.audit\n}\n`;
    expect((await diff(trail, renamedTrail)).findings).toEqual([]);
  });

  it('a renamed file keeps its resources matched', async () => {
    const result = await analyzeInfra({
      base: [{ path: 'old/db.tf', text: database('phi', 'true') }],
      head: [{ path: 'new/db.tf', text: database('phi', 'false') }],
      renames: new Map([['new/db.tf', 'old/db.tf']]),
      rules: [rdsEncryption],
      now: NOW,
    });
    expect(result.findings.map((finding) => finding.change)).toEqual(['weakened']);
  });

  it('a value that depends on an unresolved variable is unknown, never pass or fail', async () => {
    const result = await diff(undefined, listener('var.policy'));
    expect(result.findings).toEqual([]);
    expect(result.unknown).toEqual([
      {
        ruleId: 'IAC-LB-TLS-POLICY',
        location: { kind: 'file', path: 'main.tf', startLine: 3, endLine: 3 },
        message: 'aws_lb_listener.https: ssl_policy depends on ${var.policy}, which could not be resolved (var.policy is not declared in .)',
      },
    ]);
  });

  it('an IAM statement whose Action is an unresolved reference next to Resource "*" is unknown, never a pass', async () => {
    // Given a policy that grants var.actions (which may well be "*") on every resource
    const text = `variable "actions" {}\nresource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = var.actions, Resource = "*" }] })\n}\n`;
    const named = text.replace('var.actions', '"s3:GetObject"');

    // When each is analyzed
    const unresolvedAction = await analyzeInfra({ base: [], head: [{ path: 'main.tf', text }], rules: [iamAdminPolicy], now: NOW });
    const namedAction = await analyzeInfra({ base: [], head: [{ path: 'main.tf', text: named }], rules: [iamAdminPolicy], now: NOW });

    // Then the reference makes it unknown, and a named action still passes
    expect(unresolvedAction.findings).toEqual([]);
    expect(unresolvedAction.unknown).toEqual([expect.objectContaining({ ruleId: 'IAC-IAM-ADMIN' })]);
    expect(namedAction.findings).toEqual([]);
    expect(namedAction.unknown).toEqual([]);
  });

  it('an ingress open to 0.0.0.0/0 on a port given by a variable without default is unknown, never a fail', async () => {
    // Given a rule whose port is var.port (443 would pass, 22 would fail)
    const text = `variable "port" {}\nresource "aws_security_group" "w" {\n  ingress {\n    from_port   = var.port\n    to_port     = var.port\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`;

    // When it is analyzed
    const result = await analyzeInfra({ base: [], head: [{ path: 'main.tf', text }], rules: [securityGroupOpen], now: NOW });

    // Then it is unknown, naming the variable, not a finding about "ports [object Object]"
    expect(result.findings).toEqual([]);
    expect(result.unknown).toEqual([expect.objectContaining({ ruleId: 'IAC-SG-OPEN-INGRESS', message: expect.stringContaining('var.port') })]);
  });

  it('a head file that does not parse is a PARSE-ERROR finding on its line; a file over the size limit too', async () => {
    const broken = await diff(undefined, 'resource "aws_db_instance" "phi" {\n  engine = \n}\n');
    expect(broken.findings).toEqual([
      expect.objectContaining({ ruleId: 'PARSE-ERROR', location: { kind: 'file', path: 'main.tf', startLine: 2, endLine: 2 } }),
    ]);
    const large = await analyzeInfra({ base: [], head: [{ path: 'big.tf', text: database('phi', 'true') }], now: NOW, maxBytes: 10 });
    expect(large.findings).toEqual([expect.objectContaining({ ruleId: 'PARSE-ERROR', message: expect.stringMatching(/over the 10-byte limit/) })]);
  });

  it('a head file that does not parse, or is over the size limit, does not make its base resources look removed', async () => {
    // Given a trail at base, and at head the same file with a syntax error added (or grown too large)
    const broken = await diff(trail, `${trail}resource "aws_s3_bucket" "x" {\n  bucket = \n}\n`);
    const large = await analyzeInfra({
      base: [{ path: 'main.tf', text: trail }],
      head: [{ path: 'main.tf', text: trail }],
      rules: [cloudTrailLogging],
      now: NOW,
      maxBytes: 10,
    });

    // Then the only finding is the PARSE-ERROR, not a "removed" trail
    expect(broken.findings.map((finding) => finding.ruleId)).toEqual(['PARSE-ERROR']);
    expect(large.findings.map((finding) => finding.ruleId)).toEqual(['PARSE-ERROR']);
  });

  it('a base file that does not parse is noted, and its head resources compared against nothing', async () => {
    const result = await diff('resource "aws_db_instance" "phi" {\n', database('phi', 'false'));
    expect(result.notes[0]).toMatch(/main\.tf did not parse at base/);
    expect(result.findings.map((finding) => finding.change)).toEqual(['introduced']);
  });

  it('fingerprints stay the same when lines move', async () => {
    const first = await diff(undefined, database('phi', 'false'));
    const moved = await diff(undefined, `\n\n# moved down\n${database('phi', 'false')}`);
    expect(moved.findings[0]!.location).toMatchObject({ startLine: 6 });
    expect(moved.findings[0]!.fingerprint).toBe(first.findings[0]!.fingerprint);
  });
});

/**
 * scanChanges end to end: a temporary git repository with two commits, read through git,
 * parsed, diffed, suppressed, and merged with the environment family.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../checks/config/schema.js';
import { UnreadableFileError, type FileSource } from '../checks/model/source.js';
import { scanChanges } from '../checks/scan.js';
import { gitChangeSet } from '../checks/source/git-source.js';
import { memoryChangeSet } from './support/memory-source.js';
import { EDGE_MODULE, ROOT, TFVARS } from './infra/terraform/fixtures.js';
import { createTempRepo, type TempRepo } from './support/temp-repo.js';

const NOW = new Date('2026-02-01T09:00:00Z');

const VARIABLES = (policy: string) => `variable "tls_policy" {\n  default = "${policy}"\n}\n`;
const LISTENER = `resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = var.tls_policy\n}\n`;
const TRAIL = `resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = "audit"\n  enable_log_file_validation = true\n  is_multi_region_trail      = true\n}\n`;
const VOLUME = (encrypted: boolean) => `resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  encrypted         = ${encrypted}\n}\n`;

describe('scanChanges on a git repository', () => {
  let repo: TempRepo;
  let base: string;
  let head: string;

  beforeEach(() => {
    repo = createTempRepo();
    base = repo.commit('base', {
      'infra/variables.tf': VARIABLES('ELBSecurityPolicy-TLS13-1-2-2021-06'),
      'infra/lb.tf': LISTENER,
      'infra/audit.tf': TRAIL,
      'infra/storage.tf': VOLUME(false),
      'untouched/db.tf': `resource "aws_db_instance" "legacy" {\n  engine = "postgres"\n}\n`,
      'README.md': '# not infra\n',
    });
    head = repo.commit('weaken things', {
      // Only the variable changes: the listener in lb.tf (unchanged) is weakened through it.
      'infra/variables.tf': VARIABLES('ELBSecurityPolicy-2016-08'),
      'infra/audit.tf': null,
      'infra/storage.tf': VOLUME(true),
      'infra/new.tf': `resource "aws_db_instance" "phi" {\n  engine              = "postgres"\n  storage_encrypted   = true\n  deletion_protection = true\n  # hipaa-guard:ignore IAC-RDS-BACKUP-RETENTION reason="restored nightly from the warehouse" until=2026-06-30\n  backup_retention_period = 1\n  publicly_accessible     = true\n}\n`,
      'k8s/broken.yaml': 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n   bad: [\n',
    });
  });
  afterEach(() => repo.remove());

  it('classifies every change, with exact lines, and judges only the changed module', async () => {
    const changeSet = await gitChangeSet(repo.dir, base, head);
    const reads: string[] = [];
    const counted = (version: string, source: FileSource): FileSource => ({
      read: (path) => {
        reads.push(`${version}:${path}`);
        return source.read(path);
      },
      list: () => source.list(),
    });
    const report = await scanChanges({ ...changeSet, base: counted('base', changeSet.base), head: counted('head', changeSet.head) }, defaultConfig(), {
      now: NOW,
      root: repo.dir,
    });
    const summary = report.findings.map((finding) => [
      finding.ruleId,
      finding.change,
      finding.location.kind === 'file' ? `${finding.location.path}:${finding.location.startLine}` : '',
    ]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['IAC-CLOUDTRAIL-LOGGING', 'removed', 'infra/audit.tf:1'],
        ['IAC-LB-TLS-POLICY', 'weakened', 'infra/lb.tf:3'],
        ['IAC-DB-PUBLIC', 'introduced', 'infra/new.tf:7'],
        ['PARSE-ERROR', undefined, 'k8s/broken.yaml:4'],
      ]),
    );
    // and nothing else: the strengthened volume and the unchanged files are not findings
    expect(summary).toHaveLength(4);
    expect(report.findings.find((finding) => finding.ruleId === 'IAC-LB-TLS-POLICY')?.evidence).toMatchObject({
      before: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      after: 'ELBSecurityPolicy-2016-08',
    });
    // The untouched module is read once, at head, only to learn that it calls no changed module:
    // not at base, and neither parsed nor judged
    expect(reads.filter((read) => read.includes('untouched/'))).toEqual(['head:untouched/db.tf']);
    expect(report.findings.some((finding) => finding.location.kind === 'file' && finding.location.path.startsWith('untouched/'))).toBe(false);
    // while the changed module's files are read at both versions, each once
    expect(reads.filter((read) => read.endsWith(':infra/variables.tf')).sort()).toEqual(['base:infra/variables.tf', 'head:infra/variables.tf']);
    expect(report.suppressed).toEqual([
      expect.objectContaining({
        reason: 'restored nightly from the warehouse',
        until: '2026-06-30',
        finding: expect.objectContaining({ ruleId: 'IAC-RDS-BACKUP-RETENTION' }),
      }),
    ]);
    expect(report.strengthened).toEqual([
      expect.objectContaining({ ruleId: 'IAC-EBS-ENCRYPTION', location: { kind: 'file', path: 'infra/storage.tf', startLine: 3, endLine: 3 } }),
    ]);
    expect(report.targets).toContainEqual({ kind: 'repository', root: repo.dir, base, head, files: 5 });
    expect(report.errors).toEqual([]);
  });

  it('with --all also reports the unchanged violations of every infra file as existing', async () => {
    const report = await scanChanges(await gitChangeSet(repo.dir, base, head), defaultConfig(), { now: NOW, all: true });
    const legacy = report.findings.filter((finding) => finding.location.kind === 'file' && finding.location.path === 'untouched/db.tf');
    expect(legacy.length).toBeGreaterThan(0);
    expect(new Set(legacy.map((finding) => finding.change))).toEqual(new Set(['existing']));
  });

  it('honours infra.exclude', async () => {
    const config: Config = { ...defaultConfig(), infra: { ...defaultConfig().infra, exclude: ['infra/new.tf', 'k8s/**'] } };
    const report = await scanChanges(await gitChangeSet(repo.dir, base, head), config, { now: NOW });
    expect(report.findings.map((finding) => finding.location.kind === 'file' && finding.location.path)).not.toContain('infra/new.tf');
    expect(report.findings.map((finding) => finding.ruleId)).not.toContain('PARSE-ERROR');
    // while the files not excluded are still read and judged
    expect(report.findings.map((finding) => finding.location.kind === 'file' && finding.location.path)).toEqual(
      expect.arrayContaining(['infra/audit.tf', 'infra/lb.tf']),
    );
    expect(report.errors).toEqual([]);
  });
});

describe('scanChanges reads whole configurations, and only those the change touches', () => {
  let repo: TempRepo;
  let base: string;
  const STRONG = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
  const WEAK = 'ELBSecurityPolicy-2016-08';
  const staging = (tree: Record<string, string>) =>
    Object.fromEntries(Object.entries(tree).map(([path, text]) => [path.replace('live/prod/', 'live/staging/'), text]));

  beforeEach(() => {
    repo = createTempRepo();
    base = repo.commit('base', {
      ...EDGE_MODULE,
      ...ROOT(TFVARS(STRONG)),
      ...staging(ROOT(TFVARS(STRONG))),
      // An unrelated module with a violation of its own: never read for these changes
      'modules/legacy/main.tf': `resource "aws_db_instance" "legacy" {\n  engine = "postgres"\n}\n`,
    });
  });
  afterEach(() => repo.remove());

  it('a change to one tfvars reads that root and the modules it calls, and points at the tfvars line', async () => {
    // Given a pull request that edits only live/prod/terraform.tfvars
    const head = repo.commit('weaken prod', { 'live/prod/terraform.tfvars': TFVARS(WEAK) });

    // When it is scanned
    const report = await scanChanges(await gitChangeSet(repo.dir, base, head), defaultConfig(), { now: NOW, root: repo.dir });

    // Then the weakening is reported where it was made, with the module's listener related
    const changed = report.findings.filter((finding) => finding.change !== 'existing');
    expect(
      changed.map((finding) => [finding.ruleId, finding.change, finding.evidence.resource, finding.location.kind === 'file' && finding.location.path]),
    ).toEqual([['IAC-LB-TLS-POLICY', 'weakened', 'module.edge.aws_lb_listener.this["https"]', 'live/prod/terraform.tfvars']]);
    // prod's three files, the edge module's two and its certs module: not staging, not legacy
    expect(report.targets).toContainEqual(expect.objectContaining({ kind: 'repository', files: 6 }));
    expect(report.findings.some((finding) => JSON.stringify(finding).includes('legacy'))).toBe(false);
    expect(report.errors).toEqual([]);
  });

  it('a change to a shared module is judged through every root that calls it, with their inputs', async () => {
    // Given a pull request that edits only the shared module
    const main = EDGE_MODULE['modules/edge/main.tf']!.replace('drop_invalid_header_fields = true', 'drop_invalid_header_fields = false');
    const head = repo.commit('weaken the module', { 'modules/edge/main.tf': main });

    const report = await scanChanges(await gitChangeSet(repo.dir, base, head), defaultConfig(), { now: NOW });

    // Then the load balancer of both roots is weakened, each in its own configuration, with distinct fingerprints
    const weakened = report.findings.filter((finding) => finding.change === 'weakened');
    expect(
      weakened.map((finding) => [
        finding.ruleId,
        finding.evidence.resource,
        finding.location.kind === 'file' && `${finding.location.path}:${finding.location.startLine}`,
      ]),
    ).toEqual([
      ['IAC-LB-DROP-INVALID-HEADERS', 'module.edge.aws_lb.this', 'modules/edge/main.tf:4'],
      ['IAC-LB-DROP-INVALID-HEADERS', 'module.edge.aws_lb.this', 'modules/edge/main.tf:4'],
    ]);
    expect(new Set(weakened.map((finding) => finding.fingerprint)).size).toBe(2);
    expect(weakened.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^module\.edge\.aws_lb\.this \(terraform:live\/prod\): /),
      expect.stringMatching(/^module\.edge\.aws_lb\.this \(terraform:live\/staging\): /),
    ]);
    // both roots, the module and its certs module: not legacy
    expect(report.targets).toContainEqual(expect.objectContaining({ kind: 'repository', files: 9 }));
  });

  it('a file the source refuses to read is a note naming it and the reason; the rest is judged', async () => {
    const head = repo.commit('weaken prod', { 'live/prod/terraform.tfvars': TFVARS(WEAK) });
    const changeSet = await gitChangeSet(repo.dir, base, head);
    const refusing: FileSource = {
      read: (path) =>
        path === 'modules/edge/certs/main.tf'
          ? Promise.reject(new UnreadableFileError(path, 'a symbolic link out of the repository'))
          : changeSet.head.read(path),
      list: () => changeSet.head.list(),
    };
    const report = await scanChanges({ ...changeSet, head: refusing }, defaultConfig(), { now: NOW });
    expect(report.notes).toContain('infra: modules/edge/certs/main.tf was not read at head: a symbolic link out of the repository');
    expect(report.findings.map((finding) => finding.ruleId)).toContain('IAC-LB-TLS-POLICY');
    expect(report.errors).toEqual([]);
  });
});

describe('scanChanges with infra.include', () => {
  it('notes an included file that is none of the known formats instead of skipping it silently', async () => {
    const changeSet = memoryChangeSet({}, { 'deploy/app.hcl': VOLUME(false), 'deploy/notes.hcl': 'just text\n' });
    const config: Config = { ...defaultConfig(), infra: { ...defaultConfig().infra, include: ['deploy/*.hcl'] } };
    const report = await scanChanges(changeSet, config, { now: NOW });
    expect(report.findings.map((finding) => finding.ruleId)).toContain('IAC-EBS-ENCRYPTION');
    expect(report.notes).toContain(
      'infra: deploy/notes.hcl matches infra.include but is none of the formats hipaa-guard reads (Terraform, CloudFormation, Kubernetes, nginx); not checked',
    );
  });
});

describe('scanChanges across families', () => {
  it('reports a bad ignore comment once, though both families read it', async () => {
    const head = {
      'infra/prod/main.tf': `# hipaa-guard:ignore ENV-SHARED-RESOURCE\n${VOLUME(false)}`,
      'infra/staging/main.tf': VOLUME(true),
    };
    const config: Config = {
      ...defaultConfig(),
      environments: {
        production: { paths: ['infra/prod/**'], identifiers: { accounts: [], vpcs: [], cidrs: [], domains: [], namespaces: [], names: [] } },
        staging: { paths: ['infra/staging/**'], identifiers: { accounts: [], vpcs: [], cidrs: [], domains: [], namespaces: [], names: [] } },
      },
    };
    const report = await scanChanges(memoryChangeSet({}, head), config, { now: NOW });
    expect(report.findings.filter((finding) => finding.ruleId === 'SUPPRESSION-INVALID')).toHaveLength(1);
    expect(report.findings.map((finding) => finding.ruleId)).toContain('IAC-EBS-ENCRYPTION');
  });
});

describe('scanChanges when something fails', () => {
  it('a file that cannot be read is an error naming it; the other files and families still report', async () => {
    const changeSet = memoryChangeSet({}, { 'a.tf': VOLUME(false), 'b.tf': VOLUME(false).replace('"data"', '"other"') });
    const failing: FileSource = {
      read: (path) => (path === 'b.tf' ? Promise.reject(new Error('connection reset')) : changeSet.head.read(path)),
      list: () => changeSet.head.list(),
    };
    const report = await scanChanges({ ...changeSet, head: failing }, defaultConfig(), { now: NOW });
    expect(report.errors).toContainEqual({ category: 'read', target: 'b.tf', message: 'could not read b.tf at head: connection reset' });
    expect(report.findings.map((finding) => [finding.ruleId, finding.location.kind === 'file' && finding.location.path])).toContainEqual([
      'IAC-EBS-ENCRYPTION',
      'a.tf',
    ]);
  });

  it('a listing that cannot be read is a read error of the family that needed it, not a lost report', async () => {
    const changeSet = memoryChangeSet({}, { 'a.tf': VOLUME(false) });
    const broken: FileSource = { read: (path) => changeSet.head.read(path), list: () => Promise.reject(new Error('listing refused')) };
    const report = await scanChanges({ ...changeSet, head: broken }, defaultConfig(), { now: NOW });
    expect(report.errors).toContainEqual({ category: 'read', target: 'infra', message: 'could not list the files at head: listing refused' });
  });

  it('a family that crashes is a bug, and the other family still reports', async () => {
    // Given a source whose listing breaks its contract (not an array)
    const changeSet = memoryChangeSet({}, { 'a.tf': VOLUME(false) });
    const broken: FileSource = { read: (path) => changeSet.head.read(path), list: () => Promise.resolve(undefined as unknown as string[]) };

    // When the change is scanned
    const report = await scanChanges({ ...changeSet, head: broken }, defaultConfig(), { now: NOW });

    // Then the infra family is a `bug`, the environment family's own outcome is kept
    expect(report.errors.filter((error) => error.target === 'infra')).toEqual([
      { category: 'bug', target: 'infra', message: expect.stringContaining('filter') },
    ]);
    expect(report.errors.some((error) => error.target === 'environments')).toBe(true);
  });
});

describe('scanChanges follows the links the config makes', () => {
  let repo: TempRepo;
  let base: string;
  const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Encrypted:\n    Type: String\nResources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n      StorageEncrypted: !Ref Encrypted\n`;
  const PARAMETERS = (encrypted: string) => `Parameters:\n  Encrypted: "${encrypted}"\n`;
  // Out of the convention's reach (its directory, the one above and that one's subdirectories):
  // only infra.cloudformation.parameter-files ties the parameter file to its template.
  const withParameterFiles = (): Config => {
    const config = defaultConfig();
    return { ...config, infra: { ...config.infra, cloudformation: { 'parameter-files': { 'stacks/db/cluster.yaml': ['deploy/envs/prod/*.yml'] } } } };
  };

  beforeEach(() => {
    repo = createTempRepo();
    base = repo.commit('base', { 'stacks/db/cluster.yaml': TEMPLATE, 'deploy/envs/prod/cluster.yml': PARAMETERS('true') });
  });
  afterEach(() => repo.remove());

  it('a change to a parameter file named in infra.cloudformation.parameter-files reads its template and points at the parameter line', async () => {
    // Given a pull request that edits only the parameter file
    const head = repo.commit('weaken prod', { 'deploy/envs/prod/cluster.yml': PARAMETERS('false') });

    // When it is scanned with the config that names the file's template
    const report = await scanChanges(await gitChangeSet(repo.dir, base, head), withParameterFiles(), { now: NOW, root: repo.dir });

    // Then the template was read, and the weakening is reported where it was made
    expect(report.targets).toContainEqual(expect.objectContaining({ kind: 'repository', files: 2 }));
    expect(
      report.findings
        .filter((finding) => finding.change !== 'existing')
        .map((finding) => [finding.ruleId, finding.change, finding.location.kind === 'file' && `${finding.location.path}:${finding.location.startLine}`]),
    ).toEqual([['IAC-AURORA-ENCRYPTION', 'weakened', 'deploy/envs/prod/cluster.yml:2']]);
  });

  it('a change to that template reads the parameter file the config ties to it', async () => {
    // Given a pull request that drops the encryption parameter's use from the template only
    const head = repo.commit('template', {
      'stacks/db/cluster.yaml': TEMPLATE.replace('StorageEncrypted: !Ref Encrypted', 'StorageEncrypted: !Ref Encrypted\n      PubliclyAccessible: false'),
    });

    const report = await scanChanges(await gitChangeSet(repo.dir, base, head), withParameterFiles(), { now: NOW, root: repo.dir });

    // Then both files were read, and the cluster is judged with the file's value: decided, not unknown
    expect(report.targets).toContainEqual(expect.objectContaining({ kind: 'repository', files: 2 }));
    expect(report.unknown.filter((unknown) => unknown.ruleId === 'IAC-AURORA-ENCRYPTION')).toEqual([]);
  });
});

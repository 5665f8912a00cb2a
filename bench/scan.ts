/**
 * Scan benchmark: a generated git repository of Terraform modules, a commit that changes 10,
 * 100 or 1,000 files, and `scanChanges` between them, each in a fresh process so its peak
 * memory is its own. Also 100 changed files in repositories of 1,000 and 5,000 files, to show
 * the time follows the change, not the repository; and a pull request that changes one module
 * input in a repository of 200 modules called by 20 roots (the root, its modules and the
 * callers are read; the target is under 2 s).
 *
 *   npx tsx bench/scan.ts            (or through `npm run bench`)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultConfig } from '../checks/config/schema.js';
import { scanChanges } from '../checks/scan.js';
import { gitChangeSet } from '../checks/source/git-source.js';

const FILES_PER_MODULE = 5;

export interface ScanMeasurement {
  repositoryFiles: number;
  changedFiles: number;
  findings: number;
  milliseconds: number;
  /** CPU time of the scanning process (user + system), less sensitive than wall time to a busy machine. */
  cpuMilliseconds: number;
  peakRssMb: number;
}

/** One Terraform file: a database and a bucket's versioning, weakened when `weak`. */
function terraformFile(index: number, weak: boolean): string {
  return `resource "aws_db_instance" "db_${index}" {
  engine                  = "postgres"
  storage_encrypted       = ${weak ? 'false' : 'true'}
  deletion_protection     = true
  backup_retention_period = 14
  publicly_accessible     = false
}

resource "aws_s3_bucket_versioning" "bucket_${index}" {
  bucket = "bucket-${index}"
  versioning_configuration {
    status = "${weak ? 'Suspended' : 'Enabled'}"
  }
}
`;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
  }).trim();
}

function pathOf(index: number): string {
  return `modules/m${String(Math.floor(index / FILES_PER_MODULE)).padStart(4, '0')}/f${index % FILES_PER_MODULE}.tf`;
}

/** A repository of `total` files at base; head weakens the first `changed` (whole modules). */
export function generateRepository(total: number, changed: number): { dir: string; base: string; head: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hipaa-guard-bench-'));
  git(dir, 'init', '--quiet', '--initial-branch=main');
  const write = (index: number, weak: boolean) => {
    const path = join(dir, pathOf(index));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, terraformFile(index, weak));
  };
  for (let index = 0; index < total; index++) write(index, false);
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  for (let index = 0; index < changed; index++) write(index, true);
  git(dir, 'commit', '--quiet', '-am', 'weaken');
  return { dir, base, head: git(dir, 'rev-parse', 'HEAD') };
}

/** Runs in the child: one scan, its wall time and this process's peak RSS. */
async function measure(dir: string, base: string, head: string): Promise<Omit<ScanMeasurement, 'repositoryFiles'>> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const changeSet = await gitChangeSet(dir, base, head);
  const report = await scanChanges(changeSet, defaultConfig(), { now: new Date() });
  const milliseconds = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    changedFiles: changeSet.changed.length,
    findings: report.findings.length,
    milliseconds: Math.round(milliseconds),
    cpuMilliseconds: Math.round((used.user + used.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const MODULES = 200;
const MODULES_PER_ROOT = 10;

/**
 * A repository of 200 modules (variables, a database and an output each), called by 20 roots
 * (10 calls each, with inputs and a terraform.tfvars); head turns one input of one call off.
 */
export function generateModuleRepository(): { dir: string; base: string; head: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hipaa-guard-bench-'));
  git(dir, 'init', '--quiet', '--initial-branch=main');
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (let index = 0; index < MODULES; index++) {
    const name = `m${String(index).padStart(3, '0')}`;
    write(`modules/${name}/variables.tf`, `variable "name" {\n  type = string\n}\n\nvariable "encrypted" {\n  type    = bool\n  default = true\n}\n`);
    write(
      `modules/${name}/main.tf`,
      `resource "aws_db_instance" "this" {\n  identifier              = "\${var.name}-${name}"\n  engine                  = "postgres"\n  storage_encrypted       = var.encrypted\n  deletion_protection     = true\n  backup_retention_period = 14\n  publicly_accessible     = false\n}\n\noutput "arn" {\n  value = aws_db_instance.this.arn\n}\n`,
    );
  }
  const root = (rootIndex: number, weakened: boolean) =>
    Array.from({ length: MODULES_PER_ROOT }, (_, call) => {
      const module = `m${String(rootIndex * MODULES_PER_ROOT + call).padStart(3, '0')}`;
      const encrypted = weakened && call === 0 ? '\n  encrypted = false' : '';
      return `module "${module}" {\n  source = "../../modules/${module}"\n  name   = var.environment${encrypted}\n}\n`;
    }).join('\n') + `\nvariable "environment" {\n  type = string\n}\n`;
  for (let rootIndex = 0; rootIndex < MODULES / MODULES_PER_ROOT; rootIndex++) {
    write(`live/r${rootIndex}/main.tf`, root(rootIndex, false));
    write(`live/r${rootIndex}/terraform.tfvars`, `environment = "r${rootIndex}"\n`);
  }
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  write('live/r7/main.tf', root(7, true));
  git(dir, 'commit', '--quiet', '-am', 'turn encryption off through a module input');
  return { dir, base, head: git(dir, 'rev-parse', 'HEAD') };
}

export function benchScanCase(total: number, changed: number): ScanMeasurement {
  return measureInChild(generateRepository(total, changed), total);
}

/** A pull request that changes one module input in a repository of 200 modules (must stay under 2 s). */
export function benchModuleInputCase(): ScanMeasurement {
  return measureInChild(generateModuleRepository(), MODULES * 2 + (MODULES / MODULES_PER_ROOT) * 2);
}

function measureInChild(repository: { dir: string; base: string; head: string }, total: number): ScanMeasurement {
  try {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', new URL(import.meta.url).pathname, '--measure', repository.dir, repository.base, repository.head],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr.split('\n')[0] ?? ''}`);
    return { repositoryFiles: total, ...(JSON.parse(child.stdout) as Omit<ScanMeasurement, 'repositoryFiles'>) };
  } finally {
    rmSync(repository.dir, { recursive: true, force: true });
  }
}

/** The cases the docs record: 10/100/1,000 changed of 5,000, 100 changed of 1,000, one module input of 200 modules. */
export function benchScan(): ScanMeasurement[] {
  return [benchScanCase(5000, 10), benchScanCase(5000, 100), benchScanCase(5000, 1000), benchScanCase(1000, 100), benchModuleInputCase()];
}

export function formatScanBench(results: readonly ScanMeasurement[]): string {
  const rows = results.map((r) => `| ${r.repositoryFiles} | ${r.changedFiles} | ${r.findings} | ${r.milliseconds} | ${r.cpuMilliseconds} | ${r.peakRssMb} |`);
  return ['| repository files | changed files | findings | scan wall ms | scan CPU ms | peak RSS MB |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [flag, dir, base, head] = process.argv.slice(2);
  if (flag === '--measure' && dir && base && head) {
    process.stdout.write(JSON.stringify(await measure(dir, base, head)));
  } else if (flag === '--module-input') {
    process.stdout.write(`${formatScanBench([benchModuleInputCase()])}\n`);
  } else {
    process.stdout.write(`scan benchmark (Node ${process.version})\n${formatScanBench(benchScan())}\n`);
  }
}

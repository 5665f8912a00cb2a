/**
 * `hipaa-guard scan`: the infrastructure diff and environment separation between two versions
 * of a git repository, and/or the change a Terraform plan makes (`--plan`), written in the
 * chosen format, exit code by `--fail-on`.
 */
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { defaultConfig, type Config } from '../checks/config/schema.js';
import { analyzePlan } from '../checks/infra/plan/analyze-plan.js';
import { mergePlanWithDiff } from '../checks/infra/plan/merge-plan.js';
import { PlanFormatError } from '../checks/infra/plan/plan-json.js';
import type { Report } from '../checks/model/report.js';
import { scanChanges } from '../checks/scan.js';
import { gitChangeSet, WorkingTreeSource } from '../checks/source/git-source.js';
import { GitError, runGit } from '../checks/source/run-git.js';
import { UsageError, type CliIo, type Command } from './command.js';
import { loadConfigFile, resolvePath, type LoadedConfig } from './config-file.js';
import { parseCommandLine, readReportSettings, REPORT_OPTIONS, REPORT_OPTIONS_HELP } from './options.js';
import { exitCodeFor, writeReport } from './write-report.js';

const SCAN_OPTIONS = {
  ...REPORT_OPTIONS,
  repo: { type: 'string' },
  base: { type: 'string' },
  head: { type: 'string' },
  all: { type: 'boolean' },
  plan: { type: 'string' },
  'plan-dir': { type: 'string' },
} as const;

const USAGE = `Usage: hipaa-guard scan [options]

Compares two versions of the infrastructure files in a git repository (Terraform, CloudFormation,
Kubernetes, nginx) and reports every change that weakens a HIPAA technical safeguard, every new
resource that violates one, and references between environments that must stay separate.
Only the files changed between the two versions are read. With --plan it judges the change a
Terraform plan makes instead (and as well, with --base, --head or --all: each problem once).

Options:
  --repo DIR             the git repository (default: the current directory)
  --base REF             the version to compare against (default: the merge-base with the default branch)
  --head REF             the version under review (default: the working tree, uncommitted files included)
  --all                  also report the unchanged violations of every infra file at head, as "existing"
  --plan FILE            a Terraform plan as JSON (terraform show -json tfplan > plan.json); - reads standard input
  --plan-dir DIR         the plan's root module folder in --repo, to map addresses to lines
                         (default: the folder that declares the plan's root resources and module calls)
${REPORT_OPTIONS_HELP}

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (unchanged "existing"
ones only with infra.block-existing) or something could not be checked, 2 usage, git or config error.
`;

async function runScan(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, SCAN_OPTIONS);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"; scan takes only options`);
  if (values['plan-dir'] !== undefined && values.plan === undefined) throw new UsageError('--plan-dir goes with --plan FILE');
  const settings = readReportSettings(values);
  const repoDir = resolvePath(io, values.repo ?? '.');
  // --config is relative to where the command runs; the default config lives in the repository.
  const loaded = settings.configPath === undefined ? await loadConfigFile({ ...io, cwd: repoDir }, undefined) : await loadConfigFile(io, settings.configPath);
  const config = loaded?.config ?? defaultConfig();
  const diffing = values.plan === undefined || values.base !== undefined || values.head !== undefined || values.all === true;
  const plan = values.plan === undefined ? undefined : await judgePlan(values.plan, values['plan-dir'], repoDir, io);
  const diff = diffing ? await scanDiff(repoDir, values, config, loaded, io) : undefined;
  const report = plan && diff ? mergePlanWithDiff(plan, diff) : (plan ?? diff)!;
  report.finishedAt = io.now().toISOString();
  await writeReport(report, settings, io, loaded);
  return exitCodeFor(report, settings.failOn ?? config['fail-on'], config.infra['block-existing']);
}

async function scanDiff(
  repoDir: string,
  values: { repo?: string; base?: string; head?: string; all?: boolean },
  config: Config,
  loaded: LoadedConfig | undefined,
  io: CliIo,
): Promise<Report> {
  let changeSet;
  try {
    changeSet = await gitChangeSet(repoDir, values.base, values.head);
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
  return scanChanges(changeSet, config, {
    now: io.now(),
    root: values.repo ?? '.',
    ...(values.all ? { all: true } : {}),
    ...(loaded ? { configPath: loaded.path } : {}),
  });
}

/** Reads the plan (a file, or standard input for `-`) and judges it; inside a git checkout, findings land on lines. */
async function judgePlan(planArgument: string, planDir: string | undefined, repoDir: string, io: CliIo): Promise<Report> {
  const fromStdin = planArgument === '-';
  let text: string;
  try {
    text = fromStdin ? await readStdin(io) : await readFile(resolvePath(io, planArgument), 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read --plan ${planArgument} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const inCheckout = await runGit(repoDir, ['rev-parse', '--is-inside-work-tree']).then(
    () => true,
    () => false,
  );
  const planPath = fromStdin ? undefined : relative(repoDir, resolvePath(io, planArgument)).split(sep).join('/');
  try {
    return await analyzePlan({
      text,
      source: fromStdin ? 'standard input' : planArgument,
      now: io.now(),
      ...(inCheckout ? { files: new WorkingTreeSource(repoDir) } : {}),
      ...(planDir !== undefined ? { rootDir: planDir } : {}),
      ...(planPath !== undefined && !planPath.startsWith('..') ? { planPath } : {}),
    });
  } catch (error) {
    if (error instanceof PlanFormatError) throw new UsageError(error.message);
    throw error;
  }
}

async function readStdin(io: CliIo): Promise<string> {
  if (!io.stdin) throw new UsageError('--plan - reads the plan from standard input, and there is none');
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export const scanCommand: Command = {
  usage: USAGE,
  run: runScan,
};

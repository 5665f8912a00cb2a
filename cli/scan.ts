/**
 * `hipaa-guard scan`: the infrastructure diff and environment separation between two versions
 * of a git repository, written in the chosen format, exit code by `--fail-on`.
 */
import { defaultConfig } from '../checks/config/schema.js';
import { scanChanges } from '../checks/scan.js';
import { gitChangeSet } from '../checks/source/git-source.js';
import { GitError } from '../checks/source/run-git.js';
import { UsageError, type CliIo, type Command } from './command.js';
import { exitCodeFor, loadConfigFile, parseCommandLine, readReportSettings, REPORT_OPTIONS, REPORT_OPTIONS_HELP, resolvePath, writeReport } from './options.js';

const SCAN_OPTIONS = {
  ...REPORT_OPTIONS,
  repo: { type: 'string' },
  base: { type: 'string' },
  head: { type: 'string' },
  all: { type: 'boolean' },
} as const;

const USAGE = `Usage: hipaa-guard scan [options]

Compares two versions of the infrastructure files in a git repository (Terraform, CloudFormation,
Kubernetes, nginx) and reports every change that weakens a HIPAA technical safeguard, every new
resource that violates one, and references between environments that must stay separate.
Only the files changed between the two versions are read.

Options:
  --repo DIR             the git repository (default: the current directory)
  --base REF             the version to compare against (default: the merge-base with the default branch)
  --head REF             the version under review (default: the working tree, uncommitted files included)
  --all                  also report the unchanged violations of every infra file at head, as "existing"
${REPORT_OPTIONS_HELP}

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (unchanged "existing"
ones only with infra.block-existing) or something could not be checked, 2 usage, git or config error.
`;

async function runScan(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, SCAN_OPTIONS);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"; scan takes only options`);
  const settings = readReportSettings(values);
  const repoDir = resolvePath(io, values.repo ?? '.');
  // --config is relative to where the command runs; the default config lives in the repository.
  const loaded = settings.configPath === undefined ? await loadConfigFile({ ...io, cwd: repoDir }, undefined) : await loadConfigFile(io, settings.configPath);
  const config = loaded?.config ?? defaultConfig();
  let changeSet;
  try {
    changeSet = await gitChangeSet(repoDir, values.base, values.head);
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
  const report = await scanChanges(changeSet, config, {
    now: io.now(),
    root: values.repo ?? '.',
    ...(values.all ? { all: true } : {}),
    ...(loaded ? { configPath: loaded.path } : {}),
  });
  report.finishedAt = io.now().toISOString();
  await writeReport(report, settings, io, loaded);
  return exitCodeFor(report, settings.failOn ?? config['fail-on'], config.infra['block-existing']);
}

export const scanCommand: Command = {
  usage: USAGE,
  run: runScan,
};

import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  GitError,
  gitChangeSet
} from "./chunk-6I7OCKIT.js";
import {
  scanChanges
} from "./chunk-72SB2MDL.js";
import {
  REPORT_OPTIONS,
  REPORT_OPTIONS_HELP,
  exitCodeFor,
  loadConfigFile,
  parseCommandLine,
  readReportSettings,
  resolvePath,
  writeReport
} from "./chunk-45BEAUPO.js";
import "./chunk-3SJDHFYE.js";
import {
  UsageError
} from "./chunk-STUYUDEK.js";
import "./chunk-WJWRYPGZ.js";
import "./chunk-ENYIBBSX.js";
import "./chunk-UBA2LUSE.js";
import "./chunk-HMYS7HSV.js";
import {
  defaultConfig
} from "./chunk-IQ5MC3TQ.js";
import "./chunk-2AJFM67G.js";

// cli/scan.ts
var SCAN_OPTIONS = {
  ...REPORT_OPTIONS,
  repo: { type: "string" },
  base: { type: "string" },
  head: { type: "string" },
  all: { type: "boolean" }
};
var USAGE = `Usage: hipaa-guard scan [options]

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
async function runScan(argv, io) {
  const { values, positionals } = parseCommandLine(argv, SCAN_OPTIONS);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"; scan takes only options`);
  const settings = readReportSettings(values);
  const repoDir = resolvePath(io, values.repo ?? ".");
  const loaded = settings.configPath === void 0 ? await loadConfigFile({ ...io, cwd: repoDir }, void 0) : await loadConfigFile(io, settings.configPath);
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
    root: values.repo ?? ".",
    ...values.all ? { all: true } : {},
    ...loaded ? { configPath: loaded.path } : {}
  });
  report.finishedAt = io.now().toISOString();
  await writeReport(report, settings, io, loaded);
  return exitCodeFor(report, settings.failOn ?? config["fail-on"], config.infra["block-existing"]);
}
var scanCommand = {
  usage: USAGE,
  run: runScan
};
export {
  scanCommand
};

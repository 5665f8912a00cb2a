import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  GitError,
  PlanFormatError,
  WorkingTreeSource,
  analyzePlan,
  gitChangeSet,
  mergePlanWithDiff,
  runGit
} from "./chunk-OLXMKI4R.js";
import "./chunk-3IX2FFAK.js";
import {
  scanChanges
} from "./chunk-ZCJ7DCP7.js";
import "./chunk-BGBLBVKQ.js";
import {
  REPORT_OPTIONS,
  REPORT_OPTIONS_HELP,
  exitCodeFor,
  loadConfigFile,
  parseCommandLine,
  readReportSettings,
  resolvePath,
  writeReport
} from "./chunk-ZVYQVZJN.js";
import "./chunk-DBOAXV33.js";
import {
  UsageError
} from "./chunk-SZGO3UUV.js";
import "./chunk-D6RF3HYE.js";
import "./chunk-ROHD3B77.js";
import "./chunk-YWFXNLSI.js";
import "./chunk-D2S3YVWQ.js";
import {
  defaultConfig
} from "./chunk-WQ6PL2OD.js";
import "./chunk-XZV2XCCM.js";
import "./chunk-BEY6CXLO.js";

// cli/scan.ts
import { readFile } from "node:fs/promises";
import { relative, sep } from "node:path";
var SCAN_OPTIONS = {
  ...REPORT_OPTIONS,
  repo: { type: "string" },
  base: { type: "string" },
  head: { type: "string" },
  all: { type: "boolean" },
  plan: { type: "string" },
  "plan-dir": { type: "string" }
};
var USAGE = `Usage: hipaa-guard scan [options]

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
async function runScan(argv, io) {
  const { values, positionals } = parseCommandLine(argv, SCAN_OPTIONS);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"; scan takes only options`);
  if (values["plan-dir"] !== void 0 && values.plan === void 0) throw new UsageError("--plan-dir goes with --plan FILE");
  const settings = readReportSettings(values);
  const repoDir = resolvePath(io, values.repo ?? ".");
  const loaded = settings.configPath === void 0 ? await loadConfigFile({ ...io, cwd: repoDir }, void 0) : await loadConfigFile(io, settings.configPath);
  const config = loaded?.config ?? defaultConfig();
  const diffing = values.plan === void 0 || values.base !== void 0 || values.head !== void 0 || values.all === true;
  const plan = values.plan === void 0 ? void 0 : await judgePlan(values.plan, values["plan-dir"], repoDir, io);
  const diff = diffing ? await scanDiff(repoDir, values, config, loaded, io) : void 0;
  const report = plan && diff ? mergePlanWithDiff(plan, diff) : plan ?? diff;
  report.finishedAt = io.now().toISOString();
  await writeReport(report, settings, io, loaded);
  return exitCodeFor(report, settings.failOn ?? config["fail-on"], config.infra["block-existing"]);
}
async function scanDiff(repoDir, values, config, loaded, io) {
  let changeSet;
  try {
    changeSet = await gitChangeSet(repoDir, values.base, values.head);
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
  return scanChanges(changeSet, config, {
    now: io.now(),
    root: values.repo ?? ".",
    ...values.all ? { all: true } : {},
    ...loaded ? { configPath: loaded.path } : {}
  });
}
async function judgePlan(planArgument, planDir, repoDir, io) {
  const fromStdin = planArgument === "-";
  let text;
  try {
    text = fromStdin ? await readStdin(io) : await readFile(resolvePath(io, planArgument), "utf8");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read --plan ${planArgument} (${error.code ?? String(error)})`);
  }
  const inCheckout = await runGit(repoDir, ["rev-parse", "--is-inside-work-tree"]).then(
    () => true,
    () => false
  );
  const planPath = fromStdin ? void 0 : relative(repoDir, resolvePath(io, planArgument)).split(sep).join("/");
  try {
    return await analyzePlan({
      text,
      source: fromStdin ? "standard input" : planArgument,
      now: io.now(),
      ...inCheckout ? { files: new WorkingTreeSource(repoDir) } : {},
      ...planDir !== void 0 ? { rootDir: planDir } : {},
      ...planPath !== void 0 && !planPath.startsWith("..") ? { planPath } : {}
    });
  } catch (error) {
    if (error instanceof PlanFormatError) throw new UsageError(error.message);
    throw error;
  }
}
async function readStdin(io) {
  if (!io.stdin) throw new UsageError("--plan - reads the plan from standard input, and there is none");
  const chunks = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
var scanCommand = {
  usage: USAGE,
  run: runScan
};
export {
  scanCommand
};

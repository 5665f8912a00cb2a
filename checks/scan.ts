/**
 * `scan`: the infrastructure diff and environment separation over one ChangeSet, whoever
 * built it (git for the CLI and the Action, the API for the App). Only the configurations a
 * change touches are read (checks/infra/select-files.ts), so the cost follows the change, not
 * the repository. One family failing never hides the other's results.
 */
import type { Config } from './config/schema.js';
import { checkEnvironments } from './environments/check-environments.js';
import { analyzeInfra } from './infra/analyze.js';
import { SUPPRESSION_INVALID_RULE } from './infra/engine-rules.js';
import picomatch from 'picomatch';
import { detectFormat, infraPathFilter } from './infra/formats.js';
import { selectInfraFiles } from './infra/select-files.js';
import { emptyReport, mergeReports, type Report } from './model/report.js';
import type { ChangeSet } from './model/source.js';
import { TOOL } from './version.js';

export interface ScanOptions {
  /** Scan every infra file at head: unchanged violations as `existing`, the changed ones as usual. */
  all?: boolean;
  /** When the scan started; the engine never reads the clock itself. */
  now: Date;
  /** Repository root for the report (a directory or `owner/repo`). */
  root?: string;
  /** Where the config came from, for environment findings that point at it. */
  configPath?: string;
}

export async function scanChanges(changeSet: ChangeSet, config: Config, options: ScanOptions): Promise<Report> {
  const infra = await guarded('infra', options.now, () => scanInfra(changeSet, config, options));
  const environments = await guarded('environments', options.now, () =>
    checkEnvironments({ changeSet, config, now: options.now, ...(options.configPath ? { configPath: options.configPath } : {}) }),
  );
  return withoutRepeatedSuppressionProblems(mergeReports(infra, environments));
}

/** Both families read the ignore comments of a file they share; one bad comment is one finding. */
function withoutRepeatedSuppressionProblems(report: Report): Report {
  const seen = new Set<string>();
  const findings = report.findings.filter((finding) => {
    if (finding.ruleId !== SUPPRESSION_INVALID_RULE.id) return true;
    if (seen.has(finding.fingerprint)) return false;
    seen.add(finding.fingerprint);
    return true;
  });
  return { ...report, findings };
}

/** Runs one family; a throw becomes an ErroredOutcome in an otherwise empty report. */
async function guarded(family: string, now: Date, run: () => Promise<Report>): Promise<Report> {
  try {
    return await run();
  } catch (error) {
    const report = emptyReport(TOOL, now.toISOString());
    report.errors.push({ category: 'engine', target: family, message: error instanceof Error ? error.message : String(error) });
    return report;
  }
}

/** The infra family: which files to read at base and head (`selectInfraFiles`), then `analyzeInfra`. */
async function scanInfra(changeSet: ChangeSet, config: Config, options: ScanOptions): Promise<Report> {
  const report = emptyReport(TOOL, options.now.toISOString());
  const isInfra = infraPathFilter(config.infra);
  const { head, base } = await selectInfraFiles(changeSet, { isInfra, ...(options.all ? { all: true } : {}) }, report);

  const included = config.infra.include.length ? picomatch([...config.infra.include], { dot: true }) : undefined;
  for (const file of head) {
    if (included?.(file.path) && !detectFormat(file.path, file.text)) {
      report.notes.push(`infra: ${file.path} matches infra.include but is none of the formats hipaa-guard reads (Terraform, CloudFormation, Kubernetes, nginx); not checked`);
    }
  }

  const renames = new Map(changeSet.changed.filter((file) => file.previousPath !== undefined).map((file) => [file.path, file.previousPath!]));
  const analysis = await analyzeInfra({ base, head, renames, now: options.now, parseOptions: { terraformVarFiles: config.infra.terraform['var-files'] } });
  report.findings.push(...analysis.findings);
  report.suppressed.push(...analysis.suppressed);
  report.unknown.push(...analysis.unknown);
  report.strengthened.push(...analysis.strengthened);
  report.notes.push(...analysis.notes);
  report.targets.push({
    kind: 'repository',
    root: options.root ?? '.',
    ...(changeSet.baseRef ? { base: changeSet.baseRef } : {}),
    ...(changeSet.headRef ? { head: changeSet.headRef } : {}),
    files: head.length,
  });
  return report;
}

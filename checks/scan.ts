/**
 * `scan`: the infrastructure diff and environment separation over one ChangeSet, whoever
 * built it (git for the CLI and the Action, the API for the App). Only the configurations a
 * change touches are read (checks/infra/collect.ts), so the cost follows the change, not
 * the repository. One family failing never hides the other's results.
 */
import type { Config } from './config/schema.js';
import { checkEnvironments } from './environments/index.js';
import { SUPPRESSION_INVALID_RULE } from './infra/rules/general.js';
import { checkInfra, type InfraCheckOptions } from './infra/index.js';
import { emptyReport, mergeReports, type Report } from './model/report.js';
import { ListingFailedError, type ChangeSet } from './model/source.js';
import { TOOL } from './version.js';

export interface ScanOptions extends InfraCheckOptions {
  /** Where the config came from, for environment findings that point at it. */
  configPath?: string;
}

export async function scanChanges(changeSet: ChangeSet, config: Config, options: ScanOptions): Promise<Report> {
  const infra = await guarded('infra', options.now, () => checkInfra(changeSet, config, options));
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

/**
 * Runs one family; a throw becomes an ErroredOutcome in an otherwise empty report: `read` when a
 * listing failed, else `bug` (a family reports what it expects to fail as outcomes of its own).
 */
async function guarded(family: string, now: Date, run: () => Promise<Report>): Promise<Report> {
  try {
    return await run();
  } catch (error) {
    const report = emptyReport(TOOL, now.toISOString());
    report.errors.push({
      category: error instanceof ListingFailedError ? 'read' : 'bug',
      target: family,
      message: error instanceof Error ? error.message : String(error),
    });
    return report;
  }
}

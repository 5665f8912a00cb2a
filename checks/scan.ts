/**
 * `scan`: the infrastructure diff and environment separation over one ChangeSet, whoever
 * built it (git for the CLI and the Action, the API for the App). Only changed infra files
 * (and the other files of a changed Terraform module) are read, so the cost follows the
 * change, not the repository. One family failing never hides the other's results.
 */
import type { Config } from './config/schema.js';
import { checkEnvironments } from './environments/check-environments.js';
import { analyzeInfra } from './infra/analyze.js';
import { SUPPRESSION_INVALID_RULE } from './infra/engine-rules.js';
import picomatch from 'picomatch';
import { detectFormat, INFRA_PARSERS, infraPathFilter, type InfraFileText } from './infra/formats.js';
import { emptyReport, mergeReports, type Report } from './model/report.js';
import type { ChangeSet, FileSource } from './model/source.js';
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

const READ_CONCURRENCY = 32;

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

/** The infra family: which files to read at base and head, then `analyzeInfra`. */
export async function scanInfra(changeSet: ChangeSet, config: Config, options: ScanOptions): Promise<Report> {
  const report = emptyReport(TOOL, options.now.toISOString());
  const isInfra = infraPathFilter(config.infra);
  const changed = changeSet.changed.filter((file) => isInfra(file.path) || (file.previousPath !== undefined && isInfra(file.previousPath)));
  const changedPaths = new Set(changed.flatMap((file) => [file.path, ...(file.previousPath ? [file.previousPath] : [])]));

  const headPaths = new Set(changed.filter((file) => file.status !== 'removed' && isInfra(file.path)).map((file) => file.path));
  const basePaths = new Set(changed.filter((file) => file.status !== 'added').map((file) => file.previousPath ?? file.path));
  const groups = new Set([...headPaths, ...basePaths].map(groupOf).filter((group) => group !== undefined));
  if (groups.size || options.all) {
    const headList = (await changeSet.head.list()).filter(isInfra);
    for (const path of headList) if (options.all || groups.has(groupOf(path) ?? '')) headPaths.add(path);
    if (groups.size) {
      for (const path of (await changeSet.base.list()).filter(isInfra)) if (groups.has(groupOf(path) ?? '')) basePaths.add(path);
    }
  }

  const head = await readAll(changeSet.head, [...headPaths], report, 'head');
  // An unchanged file is the same at base: no second read.
  const headText = new Map(head.map((file) => [file.path, file.text]));
  const unchanged = [...headPaths].filter((path) => !changedPaths.has(path) && headText.has(path)).map((path) => ({ path, text: headText.get(path)! }));
  const base = [...unchanged, ...(await readAll(changeSet.base, [...basePaths].filter((path) => changedPaths.has(path)), report, 'base'))];

  const included = config.infra.include.length ? picomatch([...config.infra.include], { dot: true }) : undefined;
  for (const file of head) {
    if (included?.(file.path) && !detectFormat(file.path, file.text)) {
      report.notes.push(`infra: ${file.path} matches infra.include but is none of the formats hipaa-guard reads (Terraform, CloudFormation, Kubernetes, nginx); not checked`);
    }
  }

  const renames = new Map(changed.filter((file) => file.previousPath !== undefined).map((file) => [file.path, file.previousPath!]));
  const analysis = await analyzeInfra({ base, head, renames, now: options.now });
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

/** The parse group of a path whose format parses files together (a Terraform module's directory). */
function groupOf(path: string): string | undefined {
  return INFRA_PARSERS.find((parser) => parser.groupOf && parser.matchesPath(path))?.groupOf?.(path);
}

/** Reads paths with bounded concurrency; a failed read is an ErroredOutcome naming the file, not a lost scan. */
async function readAll(source: FileSource, paths: readonly string[], report: Report, side: 'base' | 'head'): Promise<InfraFileText[]> {
  const files: InfraFileText[] = [];
  const failed = (path: string, error: unknown) =>
    report.errors.push({ category: 'engine', target: path, message: `could not read ${path} at ${side}: ${error instanceof Error ? error.message : String(error)}` });
  if (source.readMany && paths.length) {
    try {
      const texts = await source.readMany(paths);
      paths.forEach((path, index) => {
        const text = texts[index];
        if (text !== undefined) files.push({ path, text });
      });
    } catch (error) {
      for (const path of paths) failed(path, error);
    }
    return files.sort((a, b) => a.path.localeCompare(b.path));
  }
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      try {
        const text = await source.read(path);
        if (text !== undefined) files.push({ path, text });
      } catch (error) {
        failed(path, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

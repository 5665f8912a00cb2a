/**
 * The infra family's entry point: which files to read at base and head (collect.ts), then
 * parse, diff and suppress them (evaluate.ts), into one Report for the repository.
 */
import picomatch from 'picomatch';
import type { Config } from '../config/schema.js';
import { emptyReport, type Report } from '../model/report.js';
import type { ChangeSet } from '../model/source.js';
import { TOOL } from '../version.js';
import { selectInfraFiles } from './collect.js';
import { analyzeInfra } from './evaluate.js';
import { detectFormat, infraPathFilter } from './formats.js';

export interface InfraCheckOptions {
  /** Scan every infra file at head: unchanged violations as `existing`, the changed ones as usual. */
  all?: boolean;
  /** When the scan started; the engine never reads the clock itself. */
  now: Date;
  /** Repository root for the report (a directory or `owner/repo`). */
  root?: string;
}

/** The infra family: which files to read at base and head (`selectInfraFiles`), then `analyzeInfra`. */
export async function checkInfra(changeSet: ChangeSet, config: Config, options: InfraCheckOptions): Promise<Report> {
  const report = emptyReport(TOOL, options.now.toISOString());
  const isInfra = infraPathFilter(config.infra);
  const links = Object.entries(config.infra.cloudformation['parameter-files']).flatMap(([template, files]) => files.map((from) => ({ from, to: template })));
  const { head, base } = await selectInfraFiles(changeSet, { isInfra, links, ...(options.all ? { all: true } : {}) }, report);

  const included = config.infra.include.length ? picomatch([...config.infra.include], { dot: true }) : undefined;
  for (const file of head) {
    if (included?.(file.path) && !detectFormat(file.path, file.text)) {
      report.notes.push(
        `infra: ${file.path} matches infra.include but is none of the formats hipaa-guard reads (Terraform, CloudFormation, Kubernetes, nginx); not checked`,
      );
    }
  }

  const renames = new Map(changeSet.changed.filter((file) => file.previousPath !== undefined).map((file) => [file.path, file.previousPath!]));
  const analysis = await analyzeInfra({
    base,
    head,
    renames,
    now: options.now,
    parseOptions: { terraformVarFiles: config.infra.terraform['var-files'], cloudFormationParameterFiles: config.infra.cloudformation['parameter-files'] },
  });
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

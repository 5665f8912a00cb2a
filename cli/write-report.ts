/** Writing a report where `--format`/`--output` say, and the exit code its verdict gives. */
import { writeFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { FailOn } from '../checks/model/finding.js';
import type { Report } from '../checks/model/report.js';
import { verdictOf } from '../checks/model/verdict.js';
import { renderReport } from '../checks/report/render.js';
import { summaryLine } from '../checks/report/summary.js';
import { ALL_RULES } from '../checks/rules/registry.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './command.js';
import { resolvePath, type LoadedConfig } from './config-file.js';
import type { ReportSettings } from './options.js';

/** A path as SARIF wants it: relative to the working directory (the repository root), forward slashes. */
function repositoryPath(io: CliIo, path: string): string {
  return relative(io.cwd, resolvePath(io, path)).split(sep).join('/');
}

/** Exit 1 when the run's verdict (checks/model/verdict.ts) fails the gate, else 0. */
export function exitCodeFor(report: Report, failOn: FailOn, blockExisting = false): number {
  return verdictOf(report, { failOn, blockExisting }).outcome === 'fail' ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * Renders the report in the chosen format to `--output` or standard output. Colour only for
 * text on a terminal without NO_COLOR. With `--output`, one summary line goes to stderr.
 */
export async function writeReport(report: Report, settings: ReportSettings, io: CliIo, config?: LoadedConfig): Promise<void> {
  const toFile = settings.output !== undefined;
  const color = !toFile && io.stdout.isTTY === true && !io.env.NO_COLOR;
  const text = renderReport(report, settings.format, {
    rules: ALL_RULES,
    color,
    ...(config ? { configPath: repositoryPath(io, config.path) } : {}),
  });
  if (settings.output === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFile(resolvePath(io, settings.output), text);
  } catch (error) {
    throw new UsageError(`cannot write --output ${settings.output} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  io.stderr.write(`${settings.format} report written to ${settings.output}: ${summaryLine(report)}\n`);
}

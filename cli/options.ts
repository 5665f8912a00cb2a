/**
 * What every report-producing command shares: argument parsing with helpful errors, the
 * `--format`/`--output`/`--fail-on`/`--config` options, writing the report, and the exit code.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, DEFAULT_CONFIG_PATH, parseConfig } from '../checks/config/load-config.js';
import type { Config } from '../checks/config/schema.js';
import { FAIL_ON, type FailOn } from '../checks/model/finding.js';
import type { Report } from '../checks/model/report.js';
import { verdictOf } from '../checks/model/verdict.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../checks/report/render.js';
import { summaryLine } from '../checks/report/summary.js';
import { ALL_RULES } from '../checks/rules/registry.js';
import { closestName, EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './command.js';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The options every report-producing command takes (spread into the command's own). */
export const REPORT_OPTIONS = {
  config: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionsConfig;

export const REPORT_OPTIONS_HELP = [
  `  --config FILE          config file (default ${DEFAULT_CONFIG_PATH} when it exists)`,
  `  --format FORMAT        ${REPORT_FORMATS.join(' | ')} (default text)`,
  '  --output FILE, -o      write the report to FILE instead of standard output',
  `  --fail-on SEVERITY     ${FAIL_ON.join(' | ')}: exit 1 at or above it (default: the config's, else high)`,
  '  --help, -h             this help',
].join('\n');

/**
 * `node:util` parseArgs, strict, with errors a user can act on:
 * "unknown option --formt; did you mean --format?".
 */
export function parseCommandLine<T extends OptionsConfig>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
    if (unknown) {
      const suggestion = closestName(unknown.replace(/^-+/, '').split('=')[0] ?? '', Object.keys(options));
      throw new UsageError(`unknown option ${unknown}${suggestion ? `; did you mean --${suggestion}?` : ''}`);
    }
    throw new UsageError(message.split('. ')[0] ?? message);
  }
}

/** A value that must be one of `allowed`; the error lists them. */
export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** A whole number within bounds, e.g. `--timeout 5000`. */
export function integerOption(option: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new UsageError(`--${option} must be a whole number from ${min} to ${max} (got "${value}")`);
  }
  return number;
}

export interface ReportSettings {
  format: ReportFormat;
  output?: string;
  /** From `--fail-on`; the command falls back to the config's, then `high`. */
  failOn?: FailOn;
  /** From `--config`. */
  configPath?: string;
}

/** Reads the shared options once into typed settings. */
export function readReportSettings(values: { format?: string; output?: string; 'fail-on'?: string; config?: string }): ReportSettings {
  const settings: ReportSettings = { format: values.format === undefined ? 'text' : oneOf('format', values.format, REPORT_FORMATS) };
  if (values.output !== undefined) settings.output = values.output;
  if (values['fail-on'] !== undefined) settings.failOn = oneOf('fail-on', values['fail-on'], FAIL_ON);
  if (values.config !== undefined) settings.configPath = values.config;
  return settings;
}

export interface LoadedConfig {
  config: Config;
  /** The path as given (relative to the working directory), for messages and SARIF. */
  path: string;
}

/**
 * Reads and validates the config file. `--config` must exist; the default path is optional
 * (returns undefined when absent). Errors are ConfigErrors naming file and line.
 */
export async function loadConfigFile(io: CliIo, configPath: string | undefined): Promise<LoadedConfig | undefined> {
  const path = configPath ?? DEFAULT_CONFIG_PATH;
  let text: string;
  try {
    text = await readFile(resolvePath(io, path), 'utf8');
  } catch (error) {
    if (configPath === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(path, [{ path: '', line: 1, message: `cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
  return { config: parseConfig(text, path), path };
}

export function resolvePath(io: CliIo, path: string): string {
  return resolve(io.cwd, path);
}

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

/**
 * The command line every report-producing command shares: argument parsing with helpful errors
 * and the `--format`/`--output`/`--fail-on`/`--config` options, read once into typed settings.
 * Loading the config is cli/config-file.ts; writing the report and the exit code, cli/write-report.ts.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_CONFIG_PATH } from '../checks/config/load-config.js';
import { FAIL_ON, type FailOn } from '../checks/model/finding.js';
import { REPORT_FORMATS, type ReportFormat } from '../checks/report/render.js';
import { closestName } from '../checks/config/closest-name.js';
import { UsageError } from './command.js';

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

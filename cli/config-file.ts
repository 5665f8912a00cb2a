/** The CLI's config file: read from the working directory, validated once (checks/config/load-config.ts). */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, DEFAULT_CONFIG_PATH, parseConfig } from '../checks/config/load-config.js';
import type { Config } from '../checks/config/schema.js';
import type { CliIo } from './command.js';

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

import { ConfigError, parseConfig, type ConfigProblem } from '../../checks/config/load-config.js';

/** The problems parseConfig reports for `text`; fails the test when the config is accepted. */
export function configProblemsOf(text: string, file = '.github/hipaa-guard.yml'): ConfigProblem[] {
  try {
    parseConfig(text, file);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

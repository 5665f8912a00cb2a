/**
 * The config policy both fronts follow, so the Action and the App behave the same:
 *
 * - Which config judges a change: the one at the change's base (the Action: the base commit; the
 *   App: the default branch, or its owner's `.github` repository). The checkout or head under
 *   review never decides how it is judged: a pull request cannot switch its own checks off.
 * - A change that edits the config is itself reported: a note that the edit applies once merged,
 *   and every problem of the edited file as an error on its line, before it lands.
 * - A config that does not load is reported with its lines: the broken YAML line, the unknown
 *   key's line, as annotations on the config file (see describeRunFailure).
 */
import type { ErroredOutcome, Report } from '../model/report.js';
import type { ChangeSet } from '../model/source.js';
import { ConfigError, parseConfig, parseConfigYaml, validateConfig } from './load-config.js';
import type { Config } from './schema.js';

/** What a change that touches the config adds to its report: a note, and the edit's problems. */
async function configEditOutcomes(changes: ChangeSet, configPath: string): Promise<Pick<Report, 'errors' | 'notes'>> {
  const edit = changes.changed.find((file) => file.path === configPath || file.previousPath === configPath);
  if (!edit) return { errors: [], notes: [] };
  if (edit.status === 'removed' || edit.path !== configPath) {
    return {
      errors: [],
      notes: [`This change removes ${configPath}: once merged, hipaa-guard uses its defaults (or the owner's .github repository's config, for the App).`],
    };
  }
  const note = `This change edits ${configPath}: this run used the version at its base; the edit applies once merged.`;
  const errors: ErroredOutcome[] = [];
  try {
    parseConfig((await changes.head.read(configPath)) ?? '', configPath);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) {
      errors.push({
        category: 'config',
        target: configPath,
        message: `the edited config would not load: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`,
        location: { kind: 'file', path: configPath, startLine: problem.line, endLine: problem.line },
      });
    }
  }
  return { errors, notes: [note] };
}

/** The report with a config edit's outcomes added. */
export async function withConfigEdit(report: Report, changes: ChangeSet, configPath: string): Promise<Report> {
  const edit = await configEditOutcomes(changes, configPath);
  return { ...report, errors: [...report.errors, ...edit.errors], notes: [...report.notes, ...edit.notes] };
}

/**
 * Validates a config another parser already read and merged (Probot's config plugin, which
 * follows `_extends`): its problems are placed on the lines of the repository's own file, whose
 * text `ownText` is; a YAML syntax error in that file is reported on its line.
 */
export function validateMergedConfig(value: unknown, file: string, ownText: string | undefined): Config {
  const positions = ownText === undefined ? undefined : parseConfigYaml(ownText, file).positions;
  return validateConfig(value, file, positions);
}

/**
 * What the dispatcher and every command share, and nothing heavier: the process seam, the
 * command contract, usage errors, exit codes and "did you mean". `hipaa-guard --version` loads
 * only this module and cli.ts; a command's own module is imported when it runs.
 */

export const EXIT_OK = 0;
/** Findings (or outcomes that could not be evaluated) at or above `--fail-on`. */
export const EXIT_FINDINGS = 1;
/** Bad command line or config file: nothing was checked. */
export const EXIT_USAGE = 2;

/** What a command needs from the process; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now(): Date;
  /** Standard input, for `--plan -`; absent where a command has none. */
  stdin?: AsyncIterable<string | Buffer>;
}

export interface Command {
  /** The command's full help text. */
  usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** A mistake on the command line; printed with the command's usage hint, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The name `given` was probably meant to be, for "did you mean"; undefined when none is close. */
export function closestName(given: string, names: readonly string[]): string | undefined {
  const ranked = names.map((name) => ({ name, distance: editDistance(given, name) })).sort((a, b) => a.distance - b.distance);
  const best = ranked[0];
  return best && best.distance <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

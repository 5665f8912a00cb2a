/**
 * What the dispatcher and every command share, and nothing heavier: the process seam, the
 * command contract, usage errors and exit codes. `hipaa-guard --version` loads
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

/**
 * The `hipaa-guard` executable: bundled into dist/cli.js, or run with `npx tsx cli/main.ts`.
 * Only wires the process to runCli; an unexpected error is printed (never a secret) and exits 3.
 */
import { runCli } from './cli.js';

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`hipaa-guard: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 3;
  },
);

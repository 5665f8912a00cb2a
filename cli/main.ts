#!/usr/bin/env node
/**
 * The `hipaa-guard` executable: bundled into dist/cli.js, or run with `npx tsx cli/main.ts`.
 * Only wires the process to runCli; an unexpected error is printed (never a secret) and exits 3.
 */
import module from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runCli } from './cli.js';

// The HCL parser is a 6.5 MB Go WASM module: V8's optimizing tier compiles it on background
// threads for longer than a run lasts. Its baseline compiler alone makes a one-file scan ~3x
// cheaper in CPU, and stays faster up to thousands of files (bench/startup.ts).
setFlagsFromString('--liftoff-only');

// Node >= 22.1 can keep the compiled code of the command chunks between runs (Node 20 cannot):
// a command's chunk is imported after this line, so its second run skips compiling it.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// Fail safe: if the work never settles (a runtime that dies under a hostile input empties the
// event loop), the process must not end as a pass.
let settled = false;
process.exitCode = 3;
process.once('beforeExit', () => {
  if (!settled) process.stderr.write('hipaa-guard: internal error: the run ended before its report was written\n');
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
}).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (error: unknown) => {
    settled = true;
    process.stderr.write(`hipaa-guard: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 3;
  },
);

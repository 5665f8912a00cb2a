/**
 * `npm run bench`: runs each benchmark in turn and prints its table. Flags are passed through
 * (`--skip-testssl` leaves out testssl.sh's default runs, a minute or more each; `--baseline REF`
 * also measures the start-up of the dist/ committed at REF).
 */
import { benchEngines } from './engines.js';
import { benchProbe } from './probe.js';
import { benchScan, formatScanBench } from './scan.js';
import { benchStartup, startupOptions } from './startup.js';

const options = startupOptions(process.argv.slice(2));
process.stdout.write(`${await benchStartup(options)}\n\n`);
process.stdout.write(`${await benchProbe({ testssl: options.testssl })}\n`);
if (options.testssl) process.stdout.write(`\n${await benchEngines()}\n`);
process.stdout.write(`\nscan (infra diff)\n${formatScanBench(benchScan())}\n`);

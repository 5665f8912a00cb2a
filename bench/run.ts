/**
 * `npm run bench`: runs each benchmark in turn and prints its table. Flags are passed through
 * (`--skip-testssl` leaves out testssl.sh's default runs, a minute or more each; `--skip-sweep` the
 * App's shared sweep of 1,000 repositories on 1, 2 and 4 replicas, several minutes; `--baseline REF`
 * also measures the start-up of the dist/ committed at REF).
 */
import { benchEngines } from './engines.js';
import { benchPlan, formatPlanBench } from './plan.js';
import { benchProbe } from './probe.js';
import { benchScan, formatScanBench } from './scan.js';
import { benchSweeps, formatSweepBench } from './sweep/index.js';
import { benchStartup, startupOptions } from './startup.js';

const options = startupOptions(process.argv.slice(2));
process.stdout.write(`${await benchStartup(options)}\n\n`);
process.stdout.write(`${await benchProbe({ testssl: options.testssl })}\n`);
if (options.testssl) process.stdout.write(`\n${await benchEngines()}\n`);
process.stdout.write(`\nscan (infra diff)\n${formatScanBench(benchScan())}\n`);
process.stdout.write(`\nplan (terraform show -json, 5,000 resource changes)\n${formatPlanBench(benchPlan())}\n`);
if (!process.argv.includes('--skip-sweep')) {
  const sweep = { repositories: 1000, endpoints: 10, replicas: [1, 2, 4] };
  process.stdout.write(`\n${formatSweepBench(await benchSweeps(sweep), sweep)}\n`);
}

/**
 * `npm run bench`: runs each benchmark in turn and prints its table. Flags are passed through
 * (`--skip-testssl` leaves out testssl.sh's two-minute default runs).
 */
import { benchEngines } from './engines.js';
import { benchPlan, formatPlanBench } from './plan.js';
import { benchProbe } from './probe.js';
import { benchScan, formatScanBench } from './scan.js';

const skipTestssl = process.argv.includes('--skip-testssl');
process.stdout.write(`${await benchProbe({ testssl: !skipTestssl })}\n`);
if (!skipTestssl) process.stdout.write(`\n${await benchEngines()}\n`);
process.stdout.write(`\nscan (infra diff)\n${formatScanBench(benchScan())}\n`);
process.stdout.write(`\nplan (terraform show -json, 5,000 resource changes)\n${formatPlanBench(benchPlan())}\n`);

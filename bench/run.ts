/**
 * `npm run bench`: runs each benchmark in turn and prints its table. Flags are passed through
 * (`--skip-testssl` leaves out testssl.sh's two-minute default runs).
 */
import { benchProbe } from './probe.js';
import { benchScan, formatScanBench } from './scan.js';

const skipTestssl = process.argv.includes('--skip-testssl');
process.stdout.write(`${await benchProbe({ testssl: !skipTestssl })}\n`);
process.stdout.write(`scan (infra diff)\n${formatScanBench(benchScan())}\n`);

/**
 * Backend benchmark, loopback only: the same lab endpoints probed and judged through the engine
 * layer (`checkEndpoints` with `allBackends`) by the native engine and by testssl.sh, one endpoint at a
 * time, with the wall time of each, the ratio, and whether the two reach the same findings.
 *
 *   npx tsx bench/engines.ts      (or through `npm run bench`)
 */
import { pathToFileURL } from 'node:url';
import { allBackends } from '../checks/endpoint/backends/index.js';
import type { BackendName } from '../checks/endpoint/model.js';
import { checkEndpoints } from '../checks/endpoint/index.js';
import { startScenario, type LabScenario, type ScenarioName } from '../lab/index.js';

const SCENARIOS: readonly ScenarioName[] = ['good', 'legacy-tls', 'weak-ciphers', 'self-signed', 'expired'];

interface BackendRun {
  ms: number;
  rules: string;
  errors: string[];
}

async function probeWith(engine: BackendName, scenario: LabScenario): Promise<BackendRun> {
  const started = performance.now();
  const report = await checkEndpoints({
    endpoints: [scenario.endpoint],
    profile: 'hipaa',
    engine,
    timeoutMs: 10_000,
    concurrency: 1,
    readFile: () => Promise.resolve(scenario.caPem),
    now: () => new Date(),
    backends: allBackends,
  });
  return {
    ms: Math.round(performance.now() - started),
    rules: [...new Set(report.findings.map((finding) => finding.ruleId))].sort().join(', ') || '(none)',
    errors: report.errors.map((error) => error.message),
  };
}

export async function benchEngines(): Promise<string> {
  const lines = [
    'engines (checkEndpoints through the engine layer, one endpoint at a time, judging included)',
    '',
    '| endpoint | native ms | testssl.sh ms | testssl.sh / native | same findings | findings |',
    '|---|---|---|---|---|---|',
  ];
  for (const name of SCENARIOS) {
    const scenario = await startScenario(name);
    try {
      const native = await probeWith('native', scenario);
      const testssl = await probeWith('testssl', scenario);
      if (testssl.errors.length) {
        lines.push(`| ${name} | ${native.ms} | error | n/a | n/a | ${testssl.errors.join('; ')} |`);
        continue;
      }
      const same = native.rules === testssl.rules ? 'yes' : `no (testssl.sh: ${testssl.rules})`;
      lines.push(`| ${name} | ${native.ms} | ${testssl.ms} | ${(testssl.ms / Math.max(1, native.ms)).toFixed(0)}x | ${same} | ${native.rules} |`);
    } finally {
      await scenario.stop();
    }
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${await benchEngines()}\n`);
}

/**
 * `hipaa-guard demo`: starts the loopback lab's scenarios on 127.0.0.1, probes them like
 * `probe` would, prints the text report and stops the servers. Always exits 0: it is a demo.
 */
import { defaultConfig, type Config } from '../checks/config/schema.js';
import { LAB_CA_FILE, SCENARIO_NAMES, startScenario, type LabScenario, type ScenarioName } from '../lab/index.js';
import { EXIT_OK, type CliIo, type Command } from './command.js';
import { parseCommandLine } from './options.js';
import { writeReport } from './write-report.js';
import { probeEndpoints } from './probe.js';

/** Short: the hanging scenario waits out the whole budget, and the demo should feel quick. */
const DEMO_TIMEOUT_MS = 3000;

const USAGE = `Usage: hipaa-guard demo

Starts the loopback lab (a good endpoint and one per flaw: legacy TLS, weak suites, SSLv3, bad
certificates, redirect and HSTS problems, a hanging port...) on 127.0.0.1, probes every scenario,
prints the report and stops the servers. Needs only Node. Exits 0.
`;

export interface StartedLab {
  scenarios: LabScenario[];
  skipped: { name: string; reason: string }[];
}

/** Starts every scenario it can; one that cannot start is skipped with its reason. */
export async function startScenarios(
  names: readonly ScenarioName[] = SCENARIO_NAMES,
  start: (name: ScenarioName) => Promise<LabScenario> = startScenario,
): Promise<StartedLab> {
  const results = await Promise.allSettled(names.map((name) => start(name)));
  const lab: StartedLab = { scenarios: [], skipped: [] };
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') lab.scenarios.push(result.value);
    else lab.skipped.push({ name: names[index] ?? String(index), reason: result.reason instanceof Error ? result.reason.message : String(result.reason) });
  });
  return lab;
}

function demoConfig(scenarios: readonly LabScenario[]): Config {
  const base = defaultConfig();
  return { ...base, endpoints: scenarios.map((scenario) => scenario.endpoint), probe: { ...base.probe, timeout: DEMO_TIMEOUT_MS } };
}

async function runDemo(argv: readonly string[], io: CliIo): Promise<number> {
  parseCommandLine(argv, {});
  const lab = await startScenarios();
  try {
    const width = Math.max(...lab.scenarios.map((scenario) => scenario.endpoint.url.length));
    io.stdout.write(
      [
        `Loopback lab: ${lab.scenarios.length} scenarios on 127.0.0.1 (host names *.lab.test, pinned with --resolve style address overrides)`,
        ...lab.scenarios.map((scenario) => `  ${scenario.endpoint.url.padEnd(width)}  ${scenario.description}`),
        ...lab.skipped.map((skip) => `  skipped ${skip.name}: ${skip.reason}`),
        '',
        '',
      ].join('\n'),
    );
    const caPem = lab.scenarios[0]?.caPem;
    const readLabFile = (path: string) =>
      path === LAB_CA_FILE && caPem !== undefined ? Promise.resolve(caPem) : Promise.reject(new Error(`${path}: not a lab file`));
    if (lab.scenarios.length) {
      const report = await probeEndpoints(demoConfig(lab.scenarios), io, readLabFile);
      await writeReport(report, { format: 'text' }, io);
    }
  } finally {
    await Promise.all(lab.scenarios.map((scenario) => scenario.stop()));
  }
  return EXIT_OK;
}

export const demoCommand: Command = {
  usage: USAGE,
  run: runDemo,
};

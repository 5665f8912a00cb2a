/**
 * The loopback lab: named TLS/HTTP scenarios on 127.0.0.1 for tests, the CLI's `demo` command
 * and the benchmark. Every scenario runs on Node alone; `readLabFile` serves the lab's CA file
 * to checkEndpoints' injected reader.
 */
import { labAuthority } from './certs.js';
import { LAB_CA_FILE, SCENARIO_NAMES, startScenario, type LabScenario, type ScenarioName } from './scenarios.js';

export { GOOD_HSTS, LAB_CA_FILE, SCENARIOS, SCENARIO_NAMES, startScenario, type LabScenario, type ScenarioName, type ScenarioOptions } from './scenarios.js';
export { labAuthority } from './certs.js';

export interface Lab {
  scenarios: LabScenario[];
  /** Reads the lab CA file named in each endpoint's `ca`; throws for any other path. */
  readFile: (path: string) => Promise<string>;
  stop: () => Promise<void>;
}

/** Starts the named scenarios (default: all), each on its own ephemeral ports. */
export async function startLab(names: readonly ScenarioName[] = SCENARIO_NAMES): Promise<Lab> {
  const started = await Promise.allSettled(names.map((name) => startScenario(name)));
  const scenarios = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  const stop = async (): Promise<void> => {
    await Promise.all(scenarios.map((scenario) => scenario.stop()));
  };
  if (failed) {
    await stop();
    throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
  }
  const caPem = (await labAuthority()).root.pem;
  return {
    scenarios,
    readFile: (path) => (path === LAB_CA_FILE ? Promise.resolve(caPem) : Promise.reject(new Error(`${path}: not a lab file`))),
    stop,
  };
}

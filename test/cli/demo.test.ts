import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli.js';
import { startScenarios } from '../../cli/demo.js';
import { SCENARIO_NAMES, startScenario, type ScenarioName } from '../../lab/index.js';
import { memoryIo } from './memory-io.js';

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** Scenarios that are configured well: the report has nothing to say about them. */
const CLEAN_SCENARIOS: readonly ScenarioName[] = ['good', 'ocsp-stapled', 'anchor-issued', 'empty-subject', 'rsa-pss-sha512', 'sha384-chain'];

describe('hipaa-guard demo', () => {
  it('probes every lab scenario, reports each flawed one, stops every server and exits 0', async () => {
    const io = memoryIo(process.cwd());

    const code = await runCli(['demo'], io);

    expect(code).toBe(0);
    const out = io.out();
    expect(out).toMatch(new RegExp(`^Loopback lab: ${SCENARIO_NAMES.length} scenarios on 127\\.0\\.0\\.1`));
    const ports = new Map([...out.matchAll(/^ {2}https:\/\/([\w-]+)\.lab\.test:(\d+)\/ /gm)].map((match) => [match[1]!, Number(match[2])]));
    expect([...ports.keys()].sort()).toEqual([...SCENARIO_NAMES].sort());
    // The report has a section per endpoint with findings, unknowns or errors: every scenario but the clean ones.
    const reported = new Set([...out.matchAll(/^https:\/\/([\w-]+)\.lab\.test:\d+\/ \(127\.0\.0\.1\)$/gm)].map((match) => match[1]!));
    expect([...reported].sort()).toEqual(SCENARIO_NAMES.filter((name) => !CLEAN_SCENARIOS.includes(name)).sort());
    expect(out).toMatch(/^https:\/\/legacy-tls\.lab\.test:\d+\/ \(127\.0\.0\.1\)\n {2}HIGH {5}TLS-PROTOCOL-LEGACY/m);
    expect(out).toMatch(/\n\d+ findings \(.*\d+ high.*\)( · .*)?\n$/);
    const stillOpen = [];
    for (const [name, port] of ports) if (!(await connectionRefused(port))) stillOpen.push(name);
    expect(stillOpen).toEqual([]);
  }, 60_000);

  it('skips a scenario that cannot start, saying why, and starts the rest', async () => {
    const lab = await startScenarios(['good', 'no-h2'], (name) => (name === 'no-h2' ? Promise.reject(new Error('port in use')) : startScenario(name)));
    try {
      expect(lab.scenarios.map((scenario) => scenario.name)).toEqual(['good']);
      expect(lab.skipped).toEqual([{ name: 'no-h2', reason: 'port in use' }]);
    } finally {
      await Promise.all(lab.scenarios.map((scenario) => scenario.stop()));
    }
  });
});

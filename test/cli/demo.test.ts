import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli.js';
import { startScenarios } from '../../cli/demo.js';
import { startScenario } from '../../lab/index.js';
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

describe('hipaa-guard demo', () => {
  it('probes every lab scenario, prints the report, stops the servers and exits 0', async () => {
    const io = memoryIo(process.cwd());

    const code = await runCli(['demo'], io);

    expect(code).toBe(0);
    const out = io.out();
    expect(out).toMatch(/^Loopback lab: \d+ scenarios on 127\.0\.0\.1/);
    expect(out).toMatch(/^https:\/\/legacy-tls\.lab\.test:\d+\/ \(127\.0\.0\.1\)\n {2}HIGH {5}TLS-PROTOCOL-LEGACY/m);
    expect(out).toMatch(/\n\d+ findings \(.*\d+ high.*\)( · .*)?\n$/);
    const goodPort = Number(/https:\/\/good\.lab\.test:(\d+)\//.exec(out)?.[1]);
    expect(goodPort).toBeGreaterThan(0);
    expect(await connectionRefused(goodPort)).toBe(true);
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

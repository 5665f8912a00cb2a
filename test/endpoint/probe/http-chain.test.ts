import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProbeTarget } from '../../../checks/endpoint/backend.js';
import { Deadline } from '../../../checks/endpoint/probe/failure.js';
import { followHttpChain, headerValues, HOP_LIMIT } from '../../../checks/endpoint/probe/http-chain.js';
import { closedPort, startHttpServer, type RunningServer } from '../../../lab/servers.js';

const LIMITS = { connectMs: 1000, handshakeMs: 500 };

function targetFor(httpPort: number): ProbeTarget {
  return {
    url: 'https://chain.lab.test/',
    host: 'chain.lab.test',
    port: 443,
    path: '/',
    httpUrl: `http://chain.lab.test:${httpPort}/`,
    address: '127.0.0.1',
    caPem: [],
  };
}

describe('headerValues', () => {
  it('keeps every line of a header, case-insensitively, in order', () => {
    expect(
      headerValues(['Strict-Transport-Security', 'max-age=1', 'Location', '/', 'strict-transport-security', 'max-age=2'], 'strict-transport-security'),
    ).toEqual(['max-age=1', 'max-age=2']);
  });
});

describe('followHttpChain', () => {
  let running: RunningServer | undefined;
  let silent: Server | undefined;
  afterEach(async () => {
    await running?.close();
    silent?.close();
    running = undefined;
    silent = undefined;
  });

  it('stops at the hop limit on an endless chain of new URLs', async () => {
    // Given a server that always redirects to a new plain-HTTP path
    running = await startHttpServer((path, port) => ({ status: 301, location: `http://chain.lab.test:${port}${path}x` }));
    // When the chain is followed
    const result = await followHttpChain(targetFor(running.port), LIMITS, new Deadline(10_000));
    // Then it stops after HOP_LIMIT hops and says why
    expect(result).toMatchObject({ status: 'measured', value: { stoppedBecause: `hop limit of ${HOP_LIMIT} reached` } });
    expect(result.status === 'measured' && result.value.hops).toHaveLength(HOP_LIMIT);
  });

  it('records a closed plain-HTTP port as closed, not as an error', async () => {
    const result = await followHttpChain(targetFor(await closedPort()), LIMITS, new Deadline(10_000));
    expect(result).toEqual({ status: 'measured', value: { start: expect.any(String), portOpen: false, hops: [] } });
  });

  it('turns a plain-HTTP port that never answers into an error naming the address', async () => {
    const listening = createServer((socket) => socket.on('error', () => socket.destroy()));
    silent = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const address = listening.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const started = performance.now();
    const result = await followHttpChain(targetFor(port), LIMITS, new Deadline(10_000));
    expect(result).toEqual({ status: 'error', reason: expect.stringContaining(`127.0.0.1:${port}`) });
    expect(performance.now() - started).toBeLessThan(LIMITS.handshakeMs + 2000);
  });

  it('resolves a relative Location against the hop it came from', async () => {
    running = await startHttpServer((path) => (path === '/' ? { status: 301, location: '/next' } : { status: 200 }));
    const result = await followHttpChain(targetFor(running.port), LIMITS, new Deadline(10_000));
    expect(result.status === 'measured' && result.value.hops.map((hop) => new URL(hop.url).pathname)).toEqual(['/', '/next']);
  });
});

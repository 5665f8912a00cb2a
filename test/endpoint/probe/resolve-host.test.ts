import { execFile } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BudgetExceeded, withinBudget } from '../../../checks/endpoint/backend.js';
import { probeEndpoint } from '../../../checks/endpoint/probe/probe-endpoint.js';
import { cancellableResolver } from '../../../checks/endpoint/probe/resolve-host.js';

const run = promisify(execFile);

/** A DNS server on loopback that reads every query and never answers. */
let silent: Socket;
let queries = 0;
let server = '';

beforeAll(async () => {
  silent = createSocket('udp4');
  silent.on('message', () => {
    queries += 1;
  });
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
  server = `127.0.0.1:${silent.address().port}`;
});

afterAll(() => {
  silent.close();
});

/** getaddrinfo requests still pending in this process: what a stuck `dns.lookup` leaves behind. */
const pendingResolution = () => process.getActiveResourcesInfo().filter((name) => /GetAddrInfo/i.test(name));

describe('cancellableResolver', () => {
  it('Given a resolver that never answers, then it gives up within the budget and leaves nothing pending', async () => {
    const resolve = cancellableResolver([server]);
    const started = performance.now();
    // When a name is resolved with 300 ms left
    await expect(resolve('silent.lab.test', 300)).rejects.toMatchObject({
      code: 'ETIMEOUT',
      message: 'no answer from the resolver for silent.lab.test within 300 ms',
    });
    // Then it took about the budget, the query did reach the server, and nothing is left to keep the process alive
    expect(performance.now() - started).toBeLessThan(1500);
    expect(queries).toBeGreaterThan(0);
    expect(pendingResolution()).toEqual([]);
  });

  it('answers localhost names with loopback without asking DNS (RFC 6761)', async () => {
    const before = queries;
    await expect(cancellableResolver([server])('api.localhost', 100)).resolves.toEqual(['127.0.0.1', '::1']);
    expect(queries).toBe(before);
  });
});

describe('probeEndpoint with a silent resolver', () => {
  it('Given many endpoints behind a resolver that never answers, then each is unreachable (dns) within its budget', async () => {
    const resolve = cancellableResolver([server]);
    const timeouts = { connectMs: 400, handshakeMs: 400, totalMs: 600 };
    const started = performance.now();
    // When eight endpoints are probed at once (more than libuv's four threads)
    const observations = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        probeEndpoint(
          {
            url: `https://silent-${index}.lab.test/`,
            host: `silent-${index}.lab.test`,
            port: 443,
            path: '/',
            httpUrl: `http://silent-${index}.lab.test/`,
            caPem: [],
          },
          { timeouts, now: () => new Date(), resolve },
        ),
      ),
    );
    // Then none waited in a queue: all are done within about one budget, each says why
    expect(performance.now() - started).toBeLessThan(timeouts.totalMs + 1000);
    for (const observation of observations) {
      expect(observation.reachability).toEqual({
        reachable: false,
        kind: 'dns',
        detail: expect.stringMatching(/^could not resolve silent-\d\.lab\.test: no answer from the resolver/),
      });
    }
    expect(pendingResolution()).toEqual([]);
  });
});

describe('a process probing behind a silent resolver', () => {
  it('exits once the budget is spent: nothing keeps it alive', async () => {
    // Given a child process that probes one endpoint with a 500 ms budget behind the silent resolver
    const script = `
      import { probeEndpoint } from './checks/endpoint/probe/probe-endpoint.ts';
      import { cancellableResolver } from './checks/endpoint/probe/resolve-host.ts';
      const started = performance.now();
      let kind = 'none';
      process.on('exit', () => process.stdout.write(kind + ' ' + Math.round(performance.now() - started)));
      const observation = await probeEndpoint({ url: 'https://silent.lab.test/', host: 'silent.lab.test', port: 443, path: '/', httpUrl: 'http://silent.lab.test/', caPem: [] },
        { timeouts: { connectMs: 500, handshakeMs: 500, totalMs: 500 }, now: () => new Date(), resolve: cancellableResolver(['${server}']) });
      kind = observation.reachability.reachable ? 'reachable' : observation.reachability.kind;
    `;
    // When it runs to its end
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd() });
    // Then it exited about when the budget ran out, not after the resolver's own retries
    const [kind, ms] = stdout.split(' ');
    expect(kind).toBe('dns');
    expect(Number(ms)).toBeGreaterThanOrEqual(450);
    expect(Number(ms)).toBeLessThan(1500);
  }, 30_000);
});

describe('withinBudget', () => {
  it('abandons work that outlives its budget plus the grace, naming the endpoint', async () => {
    vi.useFakeTimers();
    try {
      const never = new Promise<never>(() => undefined);
      const abandoned = withinBudget(never, 'https://stuck.lab.test/', 1000);
      const settled = expect(abandoned).rejects.toBeInstanceOf(BudgetExceeded);
      await vi.advanceTimersByTimeAsync(3000);
      await settled;
      await expect(abandoned).rejects.toThrow('the probe of https://stuck.lab.test/ did not finish within its budget of 1000 ms (plus 2000 ms grace)');
    } finally {
      vi.useRealTimers();
    }
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PRIVATE_KEY } from './keys.js';

const TSX = 'node_modules/.bin/tsx';
const running: ChildProcess[] = [];
const servers: Server[] = [];

afterEach(async () => {
  for (const child of running.splice(0)) child.kill('SIGTERM');
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** GitHub Enterprise Server's `GET /api/v3/app` on 127.0.0.1, answering `status`; records what was asked. */
async function fakeGhes(status: number, asked: string[] = []): Promise<string> {
  const server = createServer((request, response) => {
    asked.push(`${request.method} ${request.url}`);
    const ok = request.url === '/api/v3/app' && status === 200;
    response.writeHead(ok ? 200 : status, { 'content-type': 'application/json' }).end(JSON.stringify(ok ? { id: 123, slug: 'hipaa-guard' } : { message: 'Bad credentials' }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as { port: number }).port}`;
}

interface Started {
  child: ChildProcess;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
}

function startApp(env: Record<string, string>): Started {
  const child = spawn(TSX, ['app/main.ts'], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { child, exited: new Promise((resolve) => child.on('exit', resolve)), stdout: () => out, stderr: () => err };
}

async function listeningPort(app: Started): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const line = app.stdout().split('\n').find((text) => text.includes('hipaa-guard app listening'));
    if (line) return (JSON.parse(line) as { port: number }).port;
    if (app.child.exitCode !== null) throw new Error(`the app exited: ${app.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the app did not start');
}

describe('npm run app (app/main.ts)', () => {
  it('Given no APP_ID, when started, then it prints one line naming the variable and exits 1', async () => {
    const app = startApp({ PRIVATE_KEY: TEST_PRIVATE_KEY, WEBHOOK_SECRET: 'hook' });
    expect(await app.exited).toBe(1);
    expect(app.stderr()).toBe("hipaa-guard app: APP_ID: expected the App ID from the app's settings page (a number)\n");
  });

  it('Given a key GitHub rejects, when started, then it says so in one line without the key and exits 1', async () => {
    const host = await fakeGhes(401);
    const app = startApp({ APP_ID: '123', PRIVATE_KEY: TEST_PRIVATE_KEY, WEBHOOK_SECRET: 'hook', GHE_HOST: host, GHE_PROTOCOL: 'http', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'fatal' });
    expect(await app.exited).toBe(1);
    expect(app.stderr()).toBe(
      'hipaa-guard app: PRIVATE_KEY: GitHub rejected the credentials of app 123 (HTTP 401); check that APP_ID and the private key belong to the same app\n',
    );
    expect(app.stdout() + app.stderr()).not.toContain('PRIVATE KEY');
  });

  it('Given valid credentials on GitHub Enterprise Server, when started, then /health answers and unsigned webhooks are refused', async () => {
    const asked: string[] = [];
    const host = await fakeGhes(200, asked);
    const app = startApp({ APP_ID: '123', PRIVATE_KEY: TEST_PRIVATE_KEY, WEBHOOK_SECRET: 'hook-secret', GHE_HOST: host, GHE_PROTOCOL: 'http', PORT: '0', HOST: '127.0.0.1', HIPAA_GUARD_SWEEP_CRON: 'off' });
    const port = await listeningPort(app);

    const health = await fetch(`http://127.0.0.1:${port}/health`);
    const payload = JSON.stringify({ zen: 'Design for failure.', hook_id: 1 });
    const unsigned = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': 'd1', 'x-hub-signature-256': 'sha256=00' },
      body: payload,
    });
    const signed = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'ping',
        'x-github-delivery': 'd2',
        'x-hub-signature-256': `sha256=${createHmac('sha256', 'hook-secret').update(payload).digest('hex')}`,
      },
      body: payload,
    });

    expect([health.status, await health.json()]).toEqual([200, { status: 'ok', version: '0.1.0' }]);
    expect(unsigned.status).toBe(400);
    expect(signed.status).toBe(200);
    expect(asked).toEqual(['GET /api/v3/app']);
    expect(app.stdout()).not.toMatch(/hook-secret|PRIVATE KEY|Bearer/);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });
});

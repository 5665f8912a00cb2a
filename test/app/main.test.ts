import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createHmac } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';
import { TEST_PRIVATE_KEY } from './keys.js';
import pkg from '../../package.json' with { type: 'json' };

const TSX = resolve('node_modules/.bin/tsx');
const MAIN = resolve('app/main.ts');
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
    response
      .writeHead(ok ? 200 : status, { 'content-type': 'application/json' })
      .end(JSON.stringify(ok ? { id: 123, slug: 'hipaa-guard' } : { message: 'Bad credentials' }));
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

function startApp(env: Record<string, string>, args: string[] = [], cwd = process.cwd()): Started {
  const child = spawn(TSX, [MAIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { child, exited: new Promise((resolve) => child.on('exit', resolve)), stdout: () => out, stderr: () => err };
}

async function waitFor<T>(app: Started, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    if (app.child.exitCode !== null) throw new Error(`the app exited: ${app.stderr()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the app did not start');
}

function listeningPort(app: Started): Promise<number> {
  return waitFor(app, () => {
    const line = app
      .stdout()
      .split('\n')
      .find((text) => text.includes('hipaa-guard app listening'));
    return line ? (JSON.parse(line) as { port: number }).port : undefined;
  });
}

describe('npm run app (app/main.ts)', () => {
  it('Given no APP_ID, when started, then it prints one line naming the variable and exits 1', async () => {
    const app = startApp({ PRIVATE_KEY: TEST_PRIVATE_KEY, WEBHOOK_SECRET: 'hook' });
    expect(await app.exited).toBe(1);
    expect(app.stderr()).toBe("hipaa-guard app: APP_ID: expected the App ID from the app's settings page (a number)\n");
  });

  it('Given a key GitHub rejects, when started, then it says so in one line without the key and exits 1', async () => {
    const host = await fakeGhes(401);
    const app = startApp({
      APP_ID: '123',
      PRIVATE_KEY: TEST_PRIVATE_KEY,
      WEBHOOK_SECRET: 'hook',
      GHE_HOST: host,
      GHE_PROTOCOL: 'http',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'fatal',
    });
    expect(await app.exited).toBe(1);
    expect(app.stderr()).toBe(
      'hipaa-guard app: PRIVATE_KEY: GitHub rejected the credentials of app 123 (HTTP 401); check that APP_ID and the private key belong to the same app\n',
    );
    expect(app.stdout() + app.stderr()).not.toContain('PRIVATE KEY');
  });

  it('Given valid credentials on GitHub Enterprise Server, when started, then /health answers and unsigned webhooks are refused', async () => {
    const asked: string[] = [];
    const host = await fakeGhes(200, asked);
    const app = startApp({
      APP_ID: '123',
      PRIVATE_KEY: TEST_PRIVATE_KEY,
      WEBHOOK_SECRET: 'hook-secret',
      GHE_HOST: host,
      GHE_PROTOCOL: 'http',
      PORT: '0',
      HOST: '127.0.0.1',
      HIPAA_GUARD_SWEEP_CRON: 'off',
    });
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

    expect([health.status, await health.json()]).toEqual([200, { status: 'ok', version: pkg.version }]);
    expect(unsigned.status).toBe(400);
    expect(signed.status).toBe(200);
    expect(asked).toEqual(['GET /api/v3/app']);
    expect(app.stdout()).not.toMatch(/hook-secret|PRIVATE KEY|Bearer/);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });

  it('Given no credentials, when started with setup, then the manifest flow page offers app.yml to GitHub without contacting anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hipaa-guard-setup-'));
    try {
      copyFileSync('app.yml', join(dir, 'app.yml'));
      copyFileSync('package.json', join(dir, 'package.json'));
      const port = await freePort();
      const app = startApp({ NO_SMEE_SETUP: 'true', HOST: '127.0.0.1', PORT: String(port) }, ['setup'], dir);

      const page = await waitFor(app, async () => {
        const response = await fetch(`http://127.0.0.1:${port}/probot`).catch(() => undefined);
        return response?.ok ? response.text() : undefined;
      });

      expect(page).toContain('https://github.com/settings/apps/new');
      expect(page).toContain(
        '"default_permissions":{"checks":"write","contents":"read","issues":"write","pull_requests":"read","merge_queues":"read","metadata":"read"}',
      );
      expect(page).toContain('"default_events":["pull_request","check_suite","check_run","merge_group"]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Given an APP_ID already set, when started with setup, then it refuses to register a second app', async () => {
    const app = startApp({ APP_ID: '123' }, ['setup']);
    expect(await app.exited).toBe(1);
    expect(app.stderr()).toBe('hipaa-guard app: APP_ID: setup registers a new app; unset APP_ID, PRIVATE_KEY and PRIVATE_KEY_PATH to run it\n');
  });
});

/**
 * `npm run app -- setup`: Probot's manifest flow registers the app from app.yml and writes its
 * credentials into `.env`. `npm run app`: the App as a long-running server. Reads its settings once (a problem is one
 * line naming the variable, exit 1), checks the credentials against GitHub before listening,
 * then serves Probot's webhook path, `/health` and `/sweep`, and schedules the nightly sweeps.
 */
import { lookup } from 'node:dns/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createNodeMiddleware, Probot, run } from 'probot';
import { hipaaGuardApp } from './index.js';
import { probeRepository } from './probe.js';
import { systemClock } from './scheduler.js';
import { SharedSweeps, type SweepSteps } from './shared-sweeps.js';
import { readAppSettings, SettingsError, type AppSettings, type QueueSettings } from './settings.js';

function fail(line: string): never {
  process.stderr.write(`hipaa-guard app: ${line}\n`);
  process.exit(1);
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

/** GitHub must accept the app's JWT: a wrong key or App ID fails now, not at the first webhook. */
async function verifyCredentials(probot: Probot, settings: AppSettings): Promise<void> {
  try {
    const octokit = await probot.auth();
    await octokit.rest.apps.getAuthenticated();
  } catch (error) {
    const status = statusOf(error);
    if (status === 401 || status === 403 || status === 404) {
      fail(
        `PRIVATE_KEY: GitHub rejected the credentials of app ${settings.appId} (HTTP ${status}); check that APP_ID and the private key belong to the same app`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    fail(`GHE_HOST: cannot reach GitHub at ${settings.baseUrl} (${reason})`);
  }
}

/**
 * Probot's setup mode: a local page that posts app.yml to GitHub's "create app from manifest"
 * form, then stores APP_ID, PRIVATE_KEY and WEBHOOK_SECRET in `.env`. Only for a new app.
 */
async function setup(): Promise<void> {
  if (process.env.APP_ID || process.env.PRIVATE_KEY || process.env.PRIVATE_KEY_PATH) {
    fail('APP_ID: setup registers a new app; unset APP_ID, PRIVATE_KEY and PRIVATE_KEY_PATH to run it');
  }
  await run(() => undefined);
}

/** With REDIS_URL: every replica joins one BullMQ deployment (app/shared-sweeps.ts); `started` keeps it for shutdown. */
function sharedSweepsOf(settings: AppSettings, queue: QueueSettings, probot: Probot, started: SharedSweeps[]) {
  return (steps: SweepSteps) => {
    const shared = new SharedSweeps({
      redisUrl: queue.redisUrl,
      steps,
      now: () => new Date(),
      concurrency: queue.concurrency,
      repositoriesPerHour: queue.repositoriesPerHour,
      lockDurationMs: queue.lockDurationMs,
      ...(settings.sweepSchedule ? { schedule: settings.sweepSchedule.expression } : {}),
      log: probot.log,
    });
    started.push(shared);
    return shared;
  };
}

async function main(): Promise<void> {
  if (process.argv[2] === 'setup') return setup();
  // What the manifest flow wrote; variables already set win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let settings: AppSettings;
  try {
    settings = readAppSettings(process.env, (path) => readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof SettingsError) fail(error.message);
    throw error;
  }
  const probot = new Probot({
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    baseUrl: settings.baseUrl,
    logLevel: settings.logLevel,
    logFormat: 'json',
  });
  await verifyCredentials(probot, settings);

  const queues: SharedSweeps[] = [];
  const middleware = await createNodeMiddleware(
    hipaaGuardApp({
      // The scan engine (and its parsers) is loaded by the first pull request, not held at rest.
      scan: async (...args) => (await import('../checks/scan.js')).scanChanges(...args),
      probe: (request) => probeRepository(request, () => new Date()),
      resolve: async (host) => (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address),
      clock: systemClock,
      settings,
      appId: settings.appId,
      ...(settings.queue ? { sharedSweeps: sharedSweepsOf(settings, settings.queue, probot, queues) } : {}),
    }),
    { probot },
  );
  const server = createServer((request, response) => {
    void middleware(request, response, () => response.writeHead(404).end());
  });
  server.on('error', (error) => fail(`PORT: cannot listen on ${settings.host ?? '0.0.0.0'}:${settings.port} (${error.message})`));
  server.listen(settings.port, settings.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : settings.port;
    probot.log.info({ host: settings.host ?? '0.0.0.0', port, sweepRoute: settings.sweepSecret !== undefined }, 'hipaa-guard app listening');
  });
  // A replica that stops hands its jobs back (BullMQ waits for the active ones) instead of leaving them to the stalled check.
  const stop = () => server.close(() => void Promise.all(queues.map((shared) => shared.close())).finally(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

await main();

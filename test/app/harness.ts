/**
 * Probot for the App's tests: a real Probot instance (retry and throttling off) loading the
 * real app function against the loopback GitHub fake (test/github/fake-github.ts, every request
 * checked against GitHub's OpenAPI description), real webhook payloads from @octokit/webhooks-examples.
 */
import '../support/promise-with-resolvers.js';
import examples from '@octokit/webhooks-examples';
import { Probot, ProbotOctokit } from 'probot';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Resolver } from '../../checks/endpoint/address-guard.js';
import type { Report } from '../../checks/model/report.js';
import { hipaaGuardApp, type AppDependencies, type SweepSettings } from '../../app/index.js';
import type { ScanChanges } from '../../app/check-change.js';
import type { ProbeRequest } from '../../app/sweep.js';
import { FakeClock } from './fake-clock.js';
import { TEST_PRIVATE_KEY } from './keys.js';

export const INSTALLATION_ID = 957387;
export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';

interface Example {
  name: string;
  examples: { action?: string }[];
}

/** The first example payload of an event and action, with the installation the App needs. */
export function examplePayload(event: string, action: string): Record<string, unknown> {
  const found = (examples as unknown as Example[]).find((entry) => entry.name === event)?.examples.find((example) => example.action === action);
  if (!found) throw new Error(`no ${event}.${action} example`);
  return { ...structuredClone(found), installation: { id: INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uOTU3Mzg3' } };
}

export const SWEEP_DEFAULTS: SweepSettings = {
  sweepJitterMs: 0,
  sweepBudgetMs: 60 * 60_000,
  maxEndpointsPerRepo: 50,
  allowNetworks: [],
};

export interface TestAppOptions {
  scan?: ScanChanges;
  probe?: (request: ProbeRequest) => Promise<Report>;
  resolve?: Resolver;
  settings?: Partial<SweepSettings>;
  maxIssuesCreated?: number;
  maxIssuesPerSweep?: number;
  /** The loopback GitHub fake's URL (test/github/fake-github.ts). */
  apiUrl: string;
}

export interface TestApp {
  probot: Probot;
  clock: FakeClock;
  /** The routes the app registered, tried in order like Probot's server does. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  receive(event: string, payload: Record<string, unknown>, id?: string): Promise<void>;
  /** Serves the app's routes on 127.0.0.1 (unanswered requests get 404, as in Probot's server). */
  listen(): Promise<{ url: string; close(): Promise<void> }>;
}

const unused = (what: string) => () => Promise.reject(new Error(`${what} was not expected in this test`));

export async function createTestApp(options: TestAppOptions): Promise<TestApp> {
  const clock = new FakeClock('2026-11-24T03:00:00Z');
  const probot = new Probot({
    appId: 123,
    privateKey: TEST_PRIVATE_KEY,
    baseUrl: options.apiUrl,
    // The function form runs last, after Probot's own defaults (which would switch throttling back on).
    Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
    logLevel: 'fatal',
  });
  const handlers: ((request: IncomingMessage, response: ServerResponse) => unknown)[] = [];
  const deps: AppDependencies = {
    scan: options.scan ?? unused('a scan'),
    probe: options.probe ?? unused('a probe'),
    resolve: options.resolve ?? unused('DNS'),
    clock,
    settings: { ...SWEEP_DEFAULTS, ...options.settings },
    appId: 123,
    ...(options.maxIssuesCreated === undefined ? {} : { maxIssuesCreated: options.maxIssuesCreated }),
    ...(options.maxIssuesPerSweep === undefined ? {} : { maxIssuesPerSweep: options.maxIssuesPerSweep }),
  };
  await probot.load(hipaaGuardApp(deps), { cwd: process.cwd(), addHandler: (handler) => handlers.push(handler) });
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    for (const handler of handlers) if (await handler(request, response)) return true;
    return false;
  };
  return {
    probot,
    clock,
    handle,
    async listen() {
      const server = createServer((request, response) => {
        void handle(request, response).then((handled) => {
          if (!handled) response.writeHead(404).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as { port: number };
      return {
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      };
    },
    async receive(event, payload, id = 'delivery-1') {
      await probot.receive({ id, name: event, payload } as Parameters<Probot['receive']>[0]);
    },
  };
}

/** An example payload pointed at the test repository. */
export function inTestRepository<T extends { repository: { name: string; owner: { login: string } } }>(payload: T): T {
  payload.repository.name = REPO;
  payload.repository.owner.login = OWNER;
  return payload;
}

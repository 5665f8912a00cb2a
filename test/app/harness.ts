/**
 * Probot with nock for the App's tests: a real Probot instance (retry and throttling off)
 * loading the real app function, GitHub mocked by nock with every request checked against
 * GitHub's OpenAPI description, real webhook payloads from @octokit/webhooks-examples.
 */
import '../support/promise-with-resolvers.js';
import examples from '@octokit/webhooks-examples';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Resolver } from '../../checks/endpoint/address-guard.js';
import type { Report } from '../../checks/model/report.js';
import { hipaaGuardApp, type AppDependencies, type SweepSettings } from '../../app/index.js';
import type { ScanChanges } from '../../app/check-change.js';
import type { ProbeRequest } from '../../app/sweep.js';
import { mockGitHub, type GitHubMock } from '../support/github-openapi.js';
import { FakeClock } from './fake-clock.js';
import { TEST_PRIVATE_KEY } from './keys.js';
import { contentsFileEntry } from '../github/contents-entry.js';

export const INSTALLATION_ID = 957387;
export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
export const BASE_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
export const MERGE_BASE_SHA = '1111111111111111111111111111111111111111';
export const CONFIG_PATH = '/repos/Codertocat/Hello-World/contents/.github%2Fhipaa-guard.yml';
export const ORG_CONFIG_PATH = '/repos/Codertocat/.github/contents/.github%2Fhipaa-guard.yml';

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
  /** The loopback GitHub fake's URL (test/github/fake-github.ts); without it GitHub is nock's. */
  apiUrl?: string;
}

export interface TestApp {
  probot: Probot;
  github: GitHubMock;
  clock: FakeClock;
  /** The routes the app registered, tried in order like Probot's server does. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  receive(event: string, payload: Record<string, unknown>, id?: string): Promise<void>;
  /** Asserts every mock was used, every request was valid for GitHub, and nothing unmocked was asked. */
  done(): void;
  /** Serves the app's routes on 127.0.0.1 (unanswered requests get 404, as in Probot's server). */
  listen(): Promise<{ url: string; close(): Promise<void> }>;
}

const unused = (what: string) => () => Promise.reject(new Error(`${what} was not expected in this test`));

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  const clock = new FakeClock('2026-11-24T03:00:00Z');
  const probot = new Probot({
    appId: 123,
    privateKey: TEST_PRIVATE_KEY,
    ...(options.apiUrl === undefined ? {} : { baseUrl: options.apiUrl }),
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
  const github = mockGitHub();
  const unmatched: string[] = [];
  const onNoMatch = (request: { method?: string; url?: string; path?: string }) => {
    const url = request.url ?? request.path ?? '';
    if (!/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) unmatched.push(`${request.method ?? '?'} ${url}`);
  };
  nock.emitter.removeAllListeners('no match');
  nock.emitter.on('no match', onNoMatch);
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    for (const handler of handlers) if (await handler(request, response)) return true;
    return false;
  };
  return {
    probot,
    github,
    done() {
      github.done();
      if (unmatched.length) throw new Error(`requests nobody mocked:\n${unmatched.join('\n')}`);
    },
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

/** The installation token Probot asks for before acting on a webhook or in a sweep. */
export function mockInstallationToken(github: GitHubMock, installationId = INSTALLATION_ID): void {
  github.scope.post(`/app/installations/${installationId}/access_tokens`).reply(201, {
    token: `ghs_installation${installationId}`,
    expires_at: '2026-11-24T04:00:00Z',
    permissions: { checks: 'write', contents: 'read', issues: 'write', pull_requests: 'read', metadata: 'read' },
    repository_selection: 'all',
  });
}

/** The repository's config file (raw YAML), or a 404 for the repository and its owner's .github repo. */
export function mockConfig(github: GitHubMock, yaml: string | undefined, path = CONFIG_PATH): void {
  if (yaml === undefined) {
    github.scope.get(path).reply(404, { message: 'Not Found' });
    github.scope.get(ORG_CONFIG_PATH).reply(404, { message: 'Not Found' });
    return;
  }
  github.scope.get(path).reply(200, yaml, { 'content-type': 'application/vnd.github.v3.raw; charset=utf-8' });
}

/** No `HIPAA safeguards` run on the head commit yet; the App creates run `runId`. */
export function mockNewCheckRun(github: GitHubMock, runId: number, headSha = HEAD_SHA, captured: unknown[] = []): void {
  const created = { id: runId, head_sha: headSha, name: 'HIPAA safeguards', external_id: 'hipaa-guard', app: { id: 123 } };
  // Listed before creating (none yet), again after, and before completing (only this one: no delivery raced it).
  const list = `/repos/${OWNER}/${REPO}/commits/${headSha}/check-runs`;
  github.scope.get(list).query(true).reply(200, { total_count: 0, check_runs: [] });
  github.scope.post(`/repos/${OWNER}/${REPO}/check-runs`, (body: unknown) => captured.push(body) > 0).reply(201, created);
  github.scope.get(list).query(true).times(2).reply(200, { total_count: 1, check_runs: [created] });
}

/** The PATCHes of run `runId`, their bodies captured in order. */
export function mockCheckRunUpdates(github: GitHubMock, runId: number, times: number, captured: unknown[]): void {
  github.scope
    .patch(`/repos/${OWNER}/${REPO}/check-runs/${runId}`, (body: unknown) => captured.push(body) > 0)
    .times(times)
    .reply(200, { id: runId });
}

/** The comparison and PR file list the App reads for the pull request `pull`. */
export function mockPullRequestFiles(github: GitHubMock, files: { filename: string; status: string }[], pull = 2, base = BASE_SHA): void {
  github.scope
    .get(`/repos/${OWNER}/${REPO}/compare/${base}...${HEAD_SHA}`)
    .query({ per_page: 1 })
    .reply(200, { merge_base_commit: { sha: MERGE_BASE_SHA }, files: [] });
  github.scope.get(`/repos/${OWNER}/${REPO}/pulls/${pull}/files`).query({ per_page: 100 }).reply(200, files);
}

/** A file's text at a commit as the contents API sends it (or 404 when `text` is undefined). */
export function mockFile(github: GitHubMock, path: string, ref: string, text: string | undefined): void {
  const scope = github.scope.get(`/repos/${OWNER}/${REPO}/contents/${encodeURIComponent(path)}`).query({ ref });
  if (text === undefined) scope.reply(404, { message: 'Not Found' });
  else scope.reply(200, contentsFileEntry(`${OWNER}/${REPO}`, path, Buffer.from(text)));
}

/** A comparison of `base` with the head commit that lists `files`, for changes without a pull request. */
export function mockComparison(github: GitHubMock, base: string, files: { filename: string; status: string }[], mergeBase = base): void {
  github.scope
    .get(`/repos/${OWNER}/${REPO}/compare/${base}...${HEAD_SHA}`)
    .query({ per_page: 1 })
    .reply(200, { merge_base_commit: { sha: mergeBase }, files });
}

/** An example payload pointed at the test repository. */
export function inTestRepository<T extends { repository: { name: string; owner: { login: string } } }>(payload: T): T {
  payload.repository.name = REPO;
  payload.repository.owner.login = OWNER;
  return payload;
}

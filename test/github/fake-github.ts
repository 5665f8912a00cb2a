/**
 * The one GitHub fake of the test suite: a small stateful GitHub API on 127.0.0.1 for the
 * publisher, the App (its replicas too) and the bundled Action (a child process nock cannot
 * reach): check runs, issues, comments and labels per repository, installations with their
 * repositories and config files, installation tokens, and a repository read API answered by
 * git, kept in memory. Every request is recorded, checked against GitHub's OpenAPI description
 * and against GitHub's size limits.
 *
 * GitHub's caps are GitHub's here too: a comparison lists at most 300 files, a pull request's
 * file list at most 3,000, and a tree can be marked truncated.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect } from 'vitest';
import { validateGitHubRequest } from '../support/github-openapi.js';
import { contentsFileEntry } from './contents-entry.js';
import { githubLimitProblems } from './github-limits.js';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface FakeAnnotation {
  path: string;
  start_line: number;
  annotation_level: string;
  title?: string;
  message?: string;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  external_id: string | null;
  status: string;
  conclusion: string | null;
  output: { title?: string; summary?: string };
  annotations: FakeAnnotation[];
  app: { id: number };
  /** PATCH requests received. */
  updates: number;
}

export interface FakeIssue {
  /** `owner/repo`. */
  repository: string;
  id: number;
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  comments: string[];
}

export interface FakeGitHubOptions {
  /** Answer check-run creation with 403 "Resource not accessible by integration". */
  forbidCheckRuns?: boolean;
  /** Items per page at most, whatever per_page asks (to exercise pagination). */
  pageSize?: number;
  /** Delay every answer by this many milliseconds (lets concurrent runs interleave). */
  latencyMs?: number;
  /** A git repository that answers compare, pull-request files, contents and trees. */
  repoDir?: string;
  /** The app the clients act as: the check runs they create carry it. Default 1. */
  appId?: number;
  /** Refuse this many completions (a PATCH with a conclusion) with this status first. */
  refuseCompletions?: { status: number; times: number };
  /** Mark recursive trees truncated, as GitHub does past 100,000 entries. */
  truncateTrees?: boolean;
  /**
   * Hold the requests whose `METHOD /path` matches until `count` of them arrived (at most 5 s):
   * racing clients are then sure to have all sent one before any is answered.
   */
  barrier?: { route: RegExp; count: number };
  /** Answer the requests whose `METHOD /path` matches with this status (an outage, a missing permission). */
  failures?: { route: RegExp; status: number; message: string }[];
}

/** A repository of an installation: its `.github/hipaa-guard.yml` (null: none, nor in the owner's `.github`). */
export interface FakeRepository {
  owner: string;
  repo: string;
  config: string | null;
}

/** GitHub's caps on the files a comparison and a pull request list. */
export const COMPARE_FILES_CAP = 300;
export const PULL_FILES_CAP = 3_000;

const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

type Answer = [number, unknown, Record<string, string>?];

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly problems: string[] = [];
  readonly checkRuns: FakeCheckRun[] = [];
  /** Every repository's issues, in the order they were created. */
  readonly issues: FakeIssue[] = [];
  /** `owner/repo:name` of each label. */
  readonly labels = new Set<string>();
  readonly installations: { id: number; repositories: FakeRepository[] }[] = [];
  /** The pull request whose files `GET /pulls/{n}/files` lists. */
  pullRequest: { base: string; head: string } | undefined;
  /** Names of the branches protection covers (`GET /branches/{name}` reports `protected`). */
  readonly protectedBranches = new Set<string>();
  private server: Server | undefined;
  private nextId = 1000;

  constructor(readonly options: FakeGitHubOptions = {}) {}

  /** Starts listening on an ephemeral loopback port; returns the API base URL. */
  async start(): Promise<string> {
    const server = createServer((request, response) => void this.handle(request, response));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((error) => (error ? reject(error) : resolve())) ?? resolve());
  }

  /** Requests as `METHOD /path` lines, for readable assertions. */
  routes(): string[] {
    return this.requests.map((request) => `${request.method} ${request.path.split('?')[0]}`);
  }

  /** An installation of the App holding `repositories`: listed, authenticated as, and their config files read. */
  addInstallation(id: number, repositories: FakeRepository[]): void {
    this.installations.push({ id, repositories });
  }

  /** The issues of one repository (`owner/repo`). */
  issuesOf(repository: string): FakeIssue[] {
    return this.issues.filter((issue) => issue.repository === repository);
  }

  /** Issue writes to one repository (`POST /issues`, `PATCH /issues/1`, `POST /issues/1/comments`), in order. */
  issueWritesOf(repository: string): string[] {
    return this.routes()
      .filter((route) => /^(POST|PATCH) /.test(route) && route.includes(`/repos/${repository}/issues`))
      .map((route) => route.replace(`/repos/${repository}`, ''));
  }

  /** A completed run of the same name made by another app (another CI, the App beside the Action), or with another external id. */
  addForeignCheckRun(headSha: string, appId: number, externalId = 'hipaa-guard'): FakeCheckRun {
    const run = this.newCheckRun({ name: 'HIPAA safeguards', head_sha: headSha, external_id: externalId, status: 'completed' }, appId);
    run.conclusion = 'success';
    this.checkRuns.push(run);
    return run;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    const body: unknown = text ? JSON.parse(text) : undefined;
    const path = `${url.pathname}${url.search}`;
    this.requests.push({ method, path, body });
    this.problems.push(...validateGitHubRequest(method, path, body), ...githubLimitProblems(method, path, body));
    if (this.options.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    await this.barrier(`${method} ${url.pathname}`);
    const failure = this.options.failures?.find(({ route }) => route.test(`${method} ${url.pathname}`));
    const [status, payload, headers] = failure
      ? [failure.status, { message: failure.message }]
      : this.route(method, url, (body ?? {}) as Record<string, unknown>, request.headers);
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
  }

  private arrivals = 0;
  private readonly waiting: (() => void)[] = [];

  private async barrier(route: string): Promise<void> {
    const barrier = this.options.barrier;
    if (!barrier?.route.test(route) || this.arrivals >= barrier.count) return;
    this.arrivals++;
    if (this.arrivals === barrier.count) {
      for (const release of this.waiting.splice(0)) release();
      return;
    }
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      setTimeout(resolve, 5_000).unref();
    });
  }

  private newCheckRun(body: Record<string, unknown>, appId: number): FakeCheckRun {
    return {
      id: this.nextId++,
      name: text(body.name, ''),
      head_sha: text(body.head_sha, ''),
      external_id: typeof body.external_id === 'string' ? body.external_id : null,
      status: text(body.status, 'queued'),
      conclusion: null,
      output: {},
      annotations: [],
      app: { id: appId },
      updates: 0,
    };
  }

  private route(method: string, url: URL, body: Record<string, unknown>, headers: IncomingHttpHeaders): Answer {
    // The client asked for a file's bytes (`application/vnd.github.raw`), as Probot's config reader does.
    const raw = /\.raw\b/.test(headers.accept ?? '');
    const installationAnswer = this.routeInstallations(method, url, headers);
    if (installationAnswer) return installationAnswer;
    const repository = /^\/repos\/([^/]+\/[^/]+)/.exec(url.pathname)?.[1] ?? '';
    const path = url.pathname.replace(/^\/repos\/[^/]+\/[^/]+/, '');
    // A file at a given ref is the repository's (git), the config without one the installation's
    const configAnswer = method === 'GET' && !url.searchParams.has('ref') ? this.routeConfig(repository, path, raw) : undefined;
    if (configAnswer) return configAnswer;
    const appId = this.options.appId ?? 1;
    let match: RegExpExecArray | null;
    if (method === 'GET' && (match = /^\/commits\/([^/]+)\/check-runs$/.exec(path))) {
      const onlyApp = url.searchParams.get('app_id');
      const runs = this.checkRuns.filter(
        (run) => run.head_sha === match![1] && run.name === url.searchParams.get('check_name') && (!onlyApp || run.app.id === Number(onlyApp)),
      );
      return [200, { total_count: runs.length, check_runs: runs }];
    }
    if (method === 'POST' && path === '/check-runs') {
      if (this.options.forbidCheckRuns) return [403, { message: 'Resource not accessible by integration', status: '403' }];
      const run = this.newCheckRun(body, appId);
      this.applyCheckRun(run, body);
      this.checkRuns.push(run);
      return [201, run];
    }
    if (method === 'GET' && (match = /^\/check-runs\/(\d+)\/annotations$/.exec(path))) {
      const run = this.checkRuns.find((candidate) => candidate.id === Number(match![1]));
      return run ? [200, run.annotations] : [404, { message: 'Not Found' }];
    }
    if (method === 'PATCH' && (match = /^\/check-runs\/(\d+)$/.exec(path))) {
      const run = this.checkRuns.find((candidate) => candidate.id === Number(match![1]));
      if (!run) return [404, { message: 'Not Found' }];
      if (run.app.id !== appId) return [403, { message: 'Invalid app_id `1` - check run can only be modified by the GitHub App that created it.' }];
      const refuse = this.options.refuseCompletions;
      if (refuse && refuse.times > 0 && typeof body.conclusion === 'string') {
        refuse.times--;
        return [refuse.status, { message: refuse.status === 422 ? 'Validation Failed' : 'Server Error', errors: [] }];
      }
      run.updates++;
      this.applyCheckRun(run, body);
      return [200, run];
    }
    if (method === 'GET' && path === '/issues') return this.listIssues(repository, url);
    if (method === 'GET' && (match = /^\/branches\/([^/]+)$/.exec(path))) {
      const name = decodeURIComponent(match[1]!);
      return [200, { name, protected: this.protectedBranches.has(name) }];
    }
    if (method === 'GET' && this.options.repoDir) {
      const answer = this.routeRepository(this.options.repoDir, path, url, raw);
      if (answer) return answer;
    }
    if (method === 'POST' && path === '/issues') {
      const issue: FakeIssue = {
        repository,
        id: this.nextId++,
        number: this.issuesOf(repository).length + 1,
        title: text(body.title, ''),
        body: text(body.body, ''),
        state: 'open',
        state_reason: null,
        labels: (body.labels as string[] | undefined) ?? [],
        comments: [],
      };
      this.issues.push(issue);
      return [201, this.issueJson(issue)];
    }
    if ((match = /^\/issues\/(\d+)(\/comments)?$/.exec(path))) {
      const issue = this.issuesOf(repository).find((candidate) => candidate.number === Number(match![1]));
      if (!issue) return [404, { message: 'Not Found' }];
      if (method === 'POST' && match[2]) {
        issue.comments.push(text(body.body, ''));
        return [201, { id: this.nextId++, body: body.body }];
      }
      if (method === 'PATCH' && !match[2]) {
        if (typeof body.title === 'string') issue.title = body.title;
        if (typeof body.body === 'string') issue.body = body.body;
        if (body.state === 'open' || body.state === 'closed') {
          issue.state = body.state;
          issue.state_reason = body.state === 'closed' ? text(body.state_reason, 'completed') : 'reopened';
        }
        return [200, this.issueJson(issue)];
      }
    }
    if (method === 'GET' && (match = /^\/labels\/([^/]+)$/.exec(path))) {
      const name = decodeURIComponent(match[1]!);
      return this.labels.has(`${repository}:${name}`) ? [200, { id: 1, name }] : [404, { message: 'Not Found' }];
    }
    if (method === 'POST' && path === '/labels') {
      const name = `${repository}:${text(body.name, '')}`;
      if (this.labels.has(name)) return [422, { message: 'Validation Failed', errors: [{ code: 'already_exists' }] }];
      this.labels.add(name);
      return [201, { id: 1, name: body.name }];
    }
    return [404, { message: `fake GitHub has no route for ${method} ${url.pathname}` }];
  }

  /**
   * The App's installations: listing them, a token per installation (`ghs_installation<id>`), and
   * the repositories that token may see. Any installation id gets a token, as a fake needs.
   */
  private routeInstallations(method: string, url: URL, headers: IncomingHttpHeaders): Answer | undefined {
    const token = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(url.pathname);
    if (method === 'POST' && token) {
      return [201, { token: `ghs_installation${token[1]}`, expires_at: '2030-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' }];
    }
    if (method === 'GET' && url.pathname === '/app/installations') {
      return this.page(
        url,
        this.installations.map(({ id, repositories }) => ({ id, account: { login: repositories[0]?.owner ?? 'acme' } })),
      );
    }
    if (method === 'GET' && url.pathname === '/installation/repositories') {
      const id = Number(/ghs_installation(\d+)/.exec(headers.authorization ?? '')?.[1]);
      const repositories = this.installations.find((installation) => installation.id === id)?.repositories ?? [];
      return [
        200,
        {
          total_count: repositories.length,
          repositories: repositories.map((repository, index) => ({
            id: index + 1,
            name: repository.repo,
            owner: { login: repository.owner },
            default_branch: 'main',
          })),
        },
      ];
    }
    return undefined;
  }

  /** The config file of an installation's repository, and the owner's `.github` repository (which has none). */
  private routeConfig(repository: string, path: string, raw: boolean): Answer | undefined {
    if (path !== '/contents/.github/hipaa-guard.yml' && path !== '/contents/.github%2Fhipaa-guard.yml') return undefined;
    const installed = this.installations.flatMap((installation) => installation.repositories);
    const found = installed.find((candidate) => `${candidate.owner}/${candidate.repo}` === repository);
    if (!found) return installed.some((candidate) => `${candidate.owner}/.github` === repository) ? [404, { message: 'Not Found' }] : undefined;
    if (found.config === null) return [404, { message: 'Not Found' }];
    if (raw) return [200, found.config, { 'content-type': 'application/vnd.github.raw; charset=utf-8' }];
    return [200, contentsFileEntry(repository, '.github/hipaa-guard.yml', Buffer.from(found.config))];
  }

  /** The repository read API, answered by git. */
  private routeRepository(repoDir: string, path: string, url: URL, raw: boolean): Answer | undefined {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repoDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const changedFiles = (base: string, head: string) =>
      git('diff', '--no-renames', '--name-status', `${base}...${head}`)
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [status = 'M', filename = ''] = line.split('\t');
          return { filename, status: ({ A: 'added', D: 'removed' } as Record<string, string>)[status] ?? 'modified' };
        });
    let match: RegExpExecArray | null;
    if ((match = /^\/compare\/([^/.]+)\.\.\.([^/.]+)$/.exec(path))) {
      const [, base = '', head = ''] = match;
      return [200, { merge_base_commit: { sha: git('merge-base', base, head).trim() }, files: changedFiles(base, head).slice(0, COMPARE_FILES_CAP) }];
    }
    if ((match = /^\/pulls\/\d+\/files$/.exec(path))) {
      const pull = this.pullRequest;
      return pull ? this.page(url, changedFiles(pull.base, pull.head).slice(0, PULL_FILES_CAP)) : [404, { message: 'Not Found' }];
    }
    if ((match = /^\/contents\/(.+)$/.exec(path))) {
      const file = decodeURIComponent(match[1]!);
      try {
        const bytes = execFileSync('git', ['show', `${url.searchParams.get('ref') ?? 'HEAD'}:${file}`], { cwd: repoDir });
        if (raw) return [200, bytes.toString('utf8'), { 'content-type': 'application/vnd.github.raw; charset=utf-8' }];
        return [200, contentsFileEntry('acme/infra', file, bytes)];
      } catch {
        return [404, { message: 'Not Found' }];
      }
    }
    if ((match = /^\/git\/trees\/([^/]+)$/.exec(path))) {
      const tree = git('ls-tree', '-r', match[1]!)
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [meta = '', name = ''] = line.split('\t');
          const [mode = '', type = '', sha = ''] = meta.split(' ');
          return { path: name, mode, type, sha };
        });
      return [200, { sha: match[1], tree: this.options.truncateTrees ? tree.slice(0, 10) : tree, truncated: this.options.truncateTrees ?? false }];
    }
    return undefined;
  }

  /** One page of `items` as GitHub pages lists: `per_page` (at most 100) and a `link` to the next. */
  private page(url: URL, items: unknown[]): Answer {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), this.options.pageSize ?? 100);
    const page = Number(url.searchParams.get('page') ?? 1);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.href}>; rel="next"`;
    }
    return [200, items.slice((page - 1) * perPage, page * perPage), headers];
  }

  private applyCheckRun(run: FakeCheckRun, body: Record<string, unknown>): void {
    if (typeof body.status === 'string') run.status = body.status;
    if (typeof body.conclusion === 'string') {
      run.conclusion = body.conclusion;
      run.status = 'completed';
    }
    const output = body.output as (FakeCheckRun['output'] & { annotations?: FakeAnnotation[] }) | undefined;
    if (output) {
      run.output = { title: output.title, summary: output.summary };
      run.annotations.push(...(output.annotations ?? []));
    }
  }

  private listIssues(repository: string, url: URL): Answer {
    const label = url.searchParams.get('labels');
    const state = url.searchParams.get('state') ?? 'open';
    const matching = this.issuesOf(repository)
      .filter((issue) => (!label || issue.labels.includes(label)) && (state === 'all' || issue.state === state))
      .sort((a, b) => b.number - a.number);
    return this.page(
      url,
      matching.map((issue) => this.issueJson(issue)),
    );
  }

  private issueJson(issue: FakeIssue) {
    const { repository: _repository, ...fields } = issue;
    return { ...fields, labels: issue.labels.map((name) => ({ name })), comments: issue.comments.length };
  }
}

/**
 * A fresh fake for each test of the calling `describe`, stopped after it; every request a test
 * sent must fit GitHub's API description and its size limits. Read `fake.github` and `fake.apiUrl`.
 */
export function useFakeGitHub(options: FakeGitHubOptions = {}): { github: FakeGitHub; apiUrl: string } {
  const fake = { github: new FakeGitHub({ ...options }), apiUrl: '' };
  beforeEach(async () => {
    fake.github = new FakeGitHub({ ...options });
    fake.apiUrl = await fake.github.start();
  });
  afterEach(async () => {
    expect(fake.github.problems).toEqual([]);
    await fake.github.stop();
  });
  return fake;
}

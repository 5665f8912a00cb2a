/**
 * Stateful GitHub mocks for sweeps: installations, their repositories and config files, and
 * a repository's issues and comments kept in memory, so several nights can run against the
 * same state. Interceptors persist; every request is still checked against the OpenAPI description.
 */
import type { GitHubMock } from '../support/github-openapi.js';

// nock 15 hands reply functions the fetch Request itself.
const json = async <T>(request: Request): Promise<T> => (await request.clone().json()) as T;

export interface FakeRepository {
  owner: string;
  name: string;
  /** Raw `.github/hipaa-guard.yml`; null = none (404 here and in the owner's .github); undefined = never read. */
  config?: string | null;
}

/** One installation holding `repositories`; the app lists it, authenticates as it, and reads each config. */
export function mockFleet(github: GitHubMock, installationId: number, repositories: FakeRepository[]): void {
  mockInstallations(github, [{ id: installationId, repositories }]);
}

/** Several installations; each one's repositories are listed only with that installation's token. */
export function mockInstallations(github: GitHubMock, installations: { id: number; repositories: FakeRepository[] }[]): void {
  github.scope
    .get('/app/installations')
    .query({ per_page: 100 })
    .reply(200, installations.map(({ id, repositories }) => ({ id, account: { login: repositories[0]?.owner ?? 'acme' } })))
    .persist();
  for (const { id, repositories } of installations) {
    github.scope
      .post(`/app/installations/${id}/access_tokens`)
      .reply(201, { token: `ghs_installation${id}`, expires_at: '2030-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' })
      .persist();
    github.scope
      .get('/installation/repositories')
      .query({ per_page: 100 })
      .matchHeader('authorization', `token ghs_installation${id}`)
      .reply(200, {
        total_count: repositories.length,
        repositories: repositories.map((repository, index) => ({ id: index + 1, name: repository.name, owner: { login: repository.owner }, default_branch: 'main' })),
      })
      .persist();
    for (const repository of repositories) mockRepositoryConfig(github, repository);
  }
}

function mockRepositoryConfig(github: GitHubMock, repository: FakeRepository): void {
  const path = `/repos/${repository.owner}/${repository.name}/contents/.github%2Fhipaa-guard.yml`;
  if (repository.config === undefined) return;
  if (repository.config === null) {
    github.scope.get(path).reply(404, { message: 'Not Found' }).persist();
    github.scope.get(`/repos/${repository.owner}/.github/contents/.github%2Fhipaa-guard.yml`).reply(404, { message: 'Not Found' }).persist();
  } else {
    github.scope.get(path).reply(200, repository.config, { 'content-type': 'application/vnd.github.v3.raw; charset=utf-8' }).persist();
  }
}

export interface FakeIssue {
  id: number;
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
}

/** What a test expects the sweep to do with issues beyond listing them; only those routes are mocked. */
export type IssueWrites = 'label' | 'create' | 'update' | 'comment';

/** A repository's issues, labels and comments as GitHub would keep them. */
export class IssueStore {
  readonly issues: FakeIssue[] = [];
  readonly comments: { issue: number; body: string }[] = [];
  readonly labels = new Set<string>();
  /** Issue writes received (`PATCH #1`, `POST #1 comment`, ...), in order; label writes excluded. */
  readonly writes: string[] = [];

  constructor(github: GitHubMock, owner: string, repo: string, writes: readonly IssueWrites[] = []) {
    const base = `/repos/${owner}/${repo}`;
    github.scope
      .get(`${base}/issues`)
      .query(true)
      .reply(200, () => this.issues.map((issue) => ({ ...issue, labels: issue.labels.map((name) => ({ name })) })))
      .persist();
    if (writes.includes('label')) this.mockLabels(github, base);
    if (writes.includes('create')) this.mockCreate(github, base);
    if (writes.includes('update')) this.mockUpdate(github);
    if (writes.includes('comment')) this.mockComment(github);
  }

  private mockLabels(github: GitHubMock, base: string): void {
    github.scope
      .get(/\/repos\/[^/]+\/[^/]+\/labels\/[^/]+$/)
      .reply((request: Request) => {
        const name = decodeURIComponent(new URL(request.url).pathname.split('/').pop() ?? '');
        return this.labels.has(name) ? [200, { name }] : [404, { message: 'Not Found' }];
      })
      .persist();
    github.scope
      .post(`${base}/labels`)
      .reply(201, async (request: Request) => {
        const { name } = await json<{ name: string }>(request);
        this.labels.add(name);
        return { name };
      })
      .persist();
  }

  private mockCreate(github: GitHubMock, base: string): void {
    github.scope
      .post(`${base}/issues`)
      .reply(201, async (request: Request) => {
        const { title, body: text, labels } = await json<{ title: string; body: string; labels: string[] }>(request);
        const issue: FakeIssue = { id: 1000 + this.issues.length + 1, number: this.issues.length + 1, title, body: text, state: 'open', labels };
        this.issues.push(issue);
        this.writes.push(`POST #${issue.number}`);
        return issue;
      })
      .persist();
  }

  private mockUpdate(github: GitHubMock): void {
    github.scope
      .patch(/\/repos\/[^/]+\/[^/]+\/issues\/\d+$/)
      .reply(200, async (request: Request) => {
        const issue = this.issue(request.url);
        const { title, body: text, state } = await json<Partial<FakeIssue>>(request);
        Object.assign(issue, title === undefined ? {} : { title }, text === undefined ? {} : { body: text }, state ? { state } : {});
        this.writes.push(`PATCH #${issue.number}`);
        return issue;
      })
      .persist();
  }

  private mockComment(github: GitHubMock): void {
    github.scope
      .post(/\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/)
      .reply(201, async (request: Request) => {
        const issue = this.issue(request.url.replace(/\/comments$/, ''));
        const { body: text } = await json<{ body: string }>(request);
        this.comments.push({ issue: issue.number, body: text });
        this.writes.push(`POST #${issue.number} comment`);
        return { id: this.comments.length, body: text };
      })
      .persist();
  }

  private issue(uri: string): FakeIssue {
    const number = Number(/\/issues\/(\d+)/.exec(uri)?.[1]);
    const issue = this.issues.find((candidate) => candidate.number === number);
    if (!issue) throw new Error(`no issue #${number}`);
    return issue;
  }

  /** `#1 open: <title>` per issue, for compact assertions. */
  summary(): string[] {
    return this.issues.map((issue) => `#${issue.number} ${issue.state}: ${issue.title}`);
  }
}

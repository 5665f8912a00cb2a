/**
 * A loopback GitHub for the sweep benchmark: `installations` installations of `repositories`
 * repositories each, every repository's config listing the same endpoints, no issues yet.
 * Counts the requests each installation's token makes.
 */
import { createServer, type ServerResponse } from 'node:http';

export interface FakeGitHub {
  baseUrl: string;
  /** Requests per installation id (by the token it was given). */
  requests: Map<number, number>;
  /** Issues the sweep opened. */
  issues: { created: number };
  close(): Promise<void>;
}

export async function startFakeGitHub(options: {
  installations: number;
  repositories: number;
  config: string;
  files: Record<string, string>;
}): Promise<FakeGitHub> {
  const requests = new Map<number, number>();
  const issues = { created: 0 };
  const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  const server = createServer((request, response) => {
    request.resume();
    const url = new URL(request.url ?? '/', 'http://github.test');
    const installation = Number(/^token ghs_(\d+)$/.exec(request.headers.authorization ?? '')?.[1] ?? 0);
    if (installation) requests.set(installation, (requests.get(installation) ?? 0) + 1);
    const path = url.pathname;
    if (path === '/app/installations') {
      return json(
        response,
        200,
        Array.from({ length: options.installations }, (_, index) => ({ id: index + 1, account: { login: `org${index + 1}` } })),
      );
    }
    const token = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
    if (token) return json(response, 201, { token: `ghs_${token[1]}`, expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' });
    if (path === '/installation/repositories') {
      const page = Number(url.searchParams.get('page') ?? '1');
      const perPage = Number(url.searchParams.get('per_page') ?? '30');
      const names = Array.from({ length: options.repositories }, (_, index) => index + 1).slice((page - 1) * perPage, page * perPage);
      const last = Math.ceil(options.repositories / perPage);
      const address = `http://${request.headers.host}/installation/repositories?per_page=${perPage}`;
      const link: Record<string, string> = page < last ? { link: `<${address}&page=${page + 1}>; rel="next", <${address}&page=${last}>; rel="last"` } : {};
      return json(
        response,
        200,
        {
          total_count: options.repositories,
          repositories: names.map((n) => ({
            id: installation * 100_000 + n,
            name: `repo${n}`,
            owner: { login: `org${installation}` },
            default_branch: 'main',
          })),
        },
        link,
      );
    }
    const contents = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(path);
    if (contents) {
      const file = decodeURIComponent(contents[3]!);
      const text = contents[2] === '.github' ? undefined : file === '.github/hipaa-guard.yml' ? options.config : options.files[file];
      if (text === undefined) return json(response, 404, { message: 'Not Found' });
      // Probot's config plugin asks for the raw file; the App's file source for the JSON entry.
      if ((request.headers.accept ?? '').includes('raw'))
        return response.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' }).end(text);
      const content = Buffer.from(text);
      return json(response, 200, {
        type: 'file',
        encoding: 'base64',
        size: content.length,
        name: file.split('/').pop(),
        path: file,
        sha: '0'.repeat(40),
        content: content.toString('base64'),
      });
    }
    if (/^\/repos\/[^/]+\/[^/]+\/issues$/.test(path) && request.method === 'GET') return json(response, 200, []);
    if (/^\/repos\/[^/]+\/[^/]+\/issues$/.test(path) && request.method === 'POST') {
      issues.created++;
      return json(response, 201, {
        id: issues.created,
        number: issues.created,
        html_url: `http://github.test/issues/${issues.created}`,
        state: 'open',
        title: 'x',
        body: '',
        labels: [],
      });
    }
    if (/^\/repos\/[^/]+\/[^/]+\/labels/.test(path)) return json(response, 201, { name: 'hipaa-guard' });
    return json(response, 404, { message: `the fake has no ${request.method} ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    issues,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

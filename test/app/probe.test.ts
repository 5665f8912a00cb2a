import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probeRepository } from '../../app/probe.js';
import type { ProbeRequest, SweepSummary } from '../../app/sweep.js';
import { validateConfig } from '../../checks/config/load-config.js';
import type { Report } from '../../checks/model/report.js';
import { startScenario, type LabScenario } from '../../lab/index.js';
import { useFakeGitHub } from '../github/fake-github.js';
import { createTestApp, type TestApp } from './harness.js';

const SECRET = 'p'.repeat(40);
const noDns = () => Promise.reject(new Error('the lab endpoint carries its address; DNS must not be asked'));

// Every request the App sends must fit GitHub's API description and its size limits
const fake = useFakeGitHub();
let lab: LabScenario;
let app: TestApp | undefined;
let server: { url: string; close(): Promise<void> } | undefined;

beforeAll(async () => {
  lab = await startScenario('legacy-tls');
});
afterAll(async () => {
  await lab.stop();
});
afterEach(async () => {
  await server?.close();
  app = undefined;
  server = undefined;
});

/** The lab endpoint without its `ca`: the probe then needs nothing from GitHub while it runs. */
function labConfig(): string {
  const { url, http, address } = lab.endpoint;
  return `endpoints:\n  - url: ${url}\n    http: ${http}\n    address: ${address}\n`;
}

/** The real prober, on the lab's loopback server. */
const realProbe = (request: ProbeRequest): Promise<Report> => probeRepository(request, () => new Date());

async function sweep(url: string): Promise<SweepSummary | undefined> {
  const response = await fetch(`${url}/sweep?wait=true`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` } });
  return ((await response.json()) as { summary?: SweepSummary }).summary;
}

describe('sweeps probing a real TLS server on 127.0.0.1', () => {
  it('Given the operator allows 127.0.0.1/32, when swept, then the loopback endpoint is probed and its legacy TLS opens an issue', async () => {
    app = await createTestApp({ apiUrl: fake.apiUrl, probe: realProbe, resolve: noDns, settings: { sweepSecret: SECRET, allowNetworks: ['127.0.0.1/32'] } });
    fake.github.addInstallation(77, [{ owner: 'acme', repo: 'portal', config: labConfig() }]);
    const issues = () => fake.github.issuesOf('acme/portal');
    server = await app.listen();

    const summary = await sweep(server.url);

    expect(summary?.repositories).toEqual([{ repository: 'acme/portal', status: 'probed', endpoints: 1, refused: 0, findings: expect.any(Number) }]);
    expect(issues()).toHaveLength(1);
    expect(issues()[0]?.body).toContain('TLS-PROTOCOL-LEGACY');
    expect(issues()[0]?.body).toContain(`${lab.endpoint.url} (127.0.0.1)`);
  });

  it('Given no allowlist, when swept, then the same endpoint is refused before any connection, and its issue names the refusal and how to allow it', async () => {
    app = await createTestApp({ apiUrl: fake.apiUrl, probe: realProbe, resolve: noDns, settings: { sweepSecret: SECRET } });
    fake.github.addInstallation(77, [{ owner: 'acme', repo: 'portal', config: labConfig() }]);
    const issues = () => fake.github.issuesOf('acme/portal');
    server = await app.listen();

    const summary = await sweep(server.url);

    expect(summary?.repositories).toEqual([{ repository: 'acme/portal', status: 'probed', endpoints: 0, refused: 1, findings: 0 }]);
    expect(issues()).toHaveLength(1);
    expect(issues()[0]?.title).toMatch(/could not be checked$/);
    expect(issues()[0]?.body).toMatch(/refused to probe 127\.0\.0\.1 \(legacy-tls\.lab\.test resolves to it\)|refused to probe 127\.0\.0\.1: /);
    expect(issues()[0]?.body).toContain('an operator can allow the range with HIPAA\\_GUARD\\_ALLOW\\_NETWORKS');
  });
});

describe('probeRepository', () => {
  it('Given a ca file missing on the default branch and an external engine, when probed, then both are errored outcomes and nothing runs', async () => {
    // The fake holds no certs/ca.pem in acme/portal: GitHub answers 404
    app = await createTestApp({ apiUrl: fake.apiUrl });
    const octokit = await app.probot.auth(77);
    const config = validateConfig(
      {
        endpoints: [
          { url: 'https://api.example.org', address: '203.0.113.7', ca: 'certs/ca.pem' },
          { url: 'https://www.example.org', address: '203.0.113.8', engine: 'testssl', 'engine-path': '/bin/sh' },
        ],
      },
      '.github/hipaa-guard.yml',
    );

    const report = await probeRepository({ octokit, repository: { owner: 'acme', repo: 'portal' }, ref: 'main', config, now: new Date() }, () => new Date());

    expect(report.errors.map(({ category, target, message }) => ({ category, target, message }))).toEqual([
      {
        category: 'config',
        target: 'https://api.example.org',
        message: 'could not read the trust anchors certs/ca.pem of https://api.example.org: certs/ca.pem does not exist on acme/portal@main',
      },
      { category: 'backend', target: 'https://www.example.org', message: 'the testssl engine is not available in this run' },
    ]);
    expect(report.targets).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointConfig } from '../../checks/config/schema.js';
import type { Backend } from '../../checks/endpoint/backend.js';
import { nativeOnly, probeTargetOf, checkEndpoints, type ProbeProgress, type CheckEndpointsRequest } from '../../checks/endpoint/index.js';
import type { Report } from '../../checks/model/report.js';
import { startLab, startScenario, type Lab, type ScenarioName } from '../../lab/index.js';

// The lab's certificates are made against the real clock, so the run is judged at the real time too.
const STARTED = new Date();

let lab: Lab;

beforeAll(async () => {
  lab = await startLab([
    'good',
    'expired',
    'refused',
    'no-redirect',
    'empty-subject',
    'cn-only',
    'anchor-issued',
    'sha384-chain',
    'rsa-pss-sha512',
    'https-downgrade',
    'http-hang',
  ]);
});

afterAll(async () => {
  await lab.stop();
});

function endpointOf(name: ScenarioName): EndpointConfig {
  const scenario = lab.scenarios.find((entry) => entry.name === name);
  if (!scenario) throw new Error(`scenario ${name} not started`);
  return scenario.endpoint;
}

function findingsAt(report: Report, endpoint: EndpointConfig): string[] {
  return report.findings.filter((finding) => finding.location.kind === 'endpoint' && finding.location.url === endpoint.url).map((finding) => finding.ruleId);
}

function requestFor(endpoints: EndpointConfig[], extra: Partial<CheckEndpointsRequest> = {}): CheckEndpointsRequest {
  return { endpoints, profile: 'hipaa', timeoutMs: 4000, concurrency: 4, readFile: lab.readFile, now: () => STARTED, ...extra };
}

describe('probeTargetOf', () => {
  it('takes host, port, path and the default plain-HTTP URL from the endpoint URL', () => {
    expect(probeTargetOf({ url: 'https://api.example.org/health?deep=1' }, [])).toEqual({
      url: 'https://api.example.org/health?deep=1',
      host: 'api.example.org',
      port: 443,
      path: '/health?deep=1',
      httpUrl: 'http://api.example.org/',
      caPem: [],
    });
  });

  it('keeps the address override, the configured plain-HTTP URL and the anchors', () => {
    expect(probeTargetOf({ url: 'https://api.example.org:8443/', http: 'http://api.example.org:8080/', address: '203.0.113.7' }, ['PEM'])).toMatchObject({
      port: 8443,
      httpUrl: 'http://api.example.org:8080/',
      address: '203.0.113.7',
      caPem: ['PEM'],
    });
  });

  it('strips the brackets of an IPv6 literal', () => {
    expect(probeTargetOf({ url: 'https://[2001:db8::1]/' }, []).host).toBe('2001:db8::1');
  });
});

describe('checkEndpoints', () => {
  it('probes, judges and records the run as audit evidence', async () => {
    // Given a good and an expired endpoint, the expired one declared on line 9 of the config
    const endpoints = [endpointOf('good'), { ...endpointOf('expired'), line: 9 }];
    const progress: ProbeProgress[] = [];
    // When they are probed with the hipaa profile
    const report = await checkEndpoints(requestFor(endpoints, { onProgress: (step) => progress.push(step) }));
    // Then the report says what was probed, where, with which engine and profile
    expect(report.targets).toEqual(endpoints.map((endpoint) => ({ kind: 'endpoint', url: endpoint.url, address: '127.0.0.1', engine: 'native' })));
    expect(report.profile).toMatchObject({ name: 'hipaa', version: expect.any(String), source: expect.any(String) });
    expect(report.startedAt).toBe(STARTED.toISOString());
    expect(report.tool.name).toBe('hipaa-guard');
    // And the expired certificate is a finding at that endpoint, the good one has no certificate findings
    const expired = report.findings.filter((finding) => finding.ruleId === 'CERT-EXPIRED');
    expect(expired.map((finding) => finding.location)).toEqual([{ kind: 'endpoint', url: endpointOf('expired').url, address: '127.0.0.1', configLine: 9 }]);
    expect(
      report.findings.filter(
        (finding) => finding.location.kind === 'endpoint' && finding.location.url === endpointOf('good').url && finding.ruleId.startsWith('CERT-'),
      ),
    ).toEqual([]);
    expect(report.errors).toEqual([]);
    // And progress was reported once per endpoint
    expect(progress.map((step) => step.done)).toEqual([1, 2]);
    expect(progress.every((step) => step.total === 2)).toBe(true);
  });

  it('turns an unreachable endpoint into ENDPOINT-UNREACHABLE without hiding the others', async () => {
    const report = await checkEndpoints(requestFor([endpointOf('refused'), endpointOf('no-redirect')]));
    const unreachable = report.findings.filter((finding) => finding.ruleId === 'ENDPOINT-UNREACHABLE');
    expect(unreachable).toHaveLength(1);
    expect(unreachable[0]?.location).toMatchObject({ url: endpointOf('refused').url });
    expect(report.findings.map((finding) => finding.ruleId)).toContain('HTTP-NO-REDIRECT');
  });

  it('reports an unreadable CA file as a config error naming the file, and probes the rest', async () => {
    const broken = { ...endpointOf('good'), ca: 'certs/missing.pem', line: 5 };
    const report = await checkEndpoints(requestFor([broken, endpointOf('no-redirect')]));
    expect(report.errors).toEqual([
      expect.objectContaining({
        category: 'config',
        target: broken.url,
        message: expect.stringContaining('certs/missing.pem'),
        location: { kind: 'endpoint', url: broken.url, address: '127.0.0.1', configLine: 5 },
      }),
    ]);
    expect(report.targets.map((target) => target.kind === 'endpoint' && target.url)).toEqual([endpointOf('no-redirect').url]);
  });

  it('refuses a CA file that holds no certificate', async () => {
    const report = await checkEndpoints(requestFor([{ ...endpointOf('good'), ca: 'notes.txt' }], { readFile: () => Promise.resolve('not a certificate') }));
    expect(report.errors[0]).toMatchObject({ category: 'config', message: expect.stringContaining('holds no PEM certificate') });
  });

  it('reports a backend that is not available, and one that fails, as backend errors per endpoint', async () => {
    const missing = await checkEndpoints(requestFor([{ ...endpointOf('good'), engine: 'testssl' }], { backends: nativeOnly }));
    expect(missing.errors).toEqual([expect.objectContaining({ category: 'backend', message: 'the testssl engine is not available in this run' })]);

    const failing: Backend = { name: 'tls-scan', probe: () => Promise.reject(new Error('tls-scan: not found')) };
    const failed = await checkEndpoints(requestFor([endpointOf('good')], { engine: 'tls-scan', backends: () => failing }));
    expect(failed.errors).toEqual([expect.objectContaining({ category: 'backend', message: 'the tls-scan engine failed: tls-scan: not found' })]);
    expect(failed.findings).toEqual([]);
  });

  it('reports a backend that breaks its contract (no result for an endpoint) as a bug', async () => {
    // Given a backend that returns no result at all
    const silent: Backend = { name: 'native', probe: () => Promise.resolve([]) };
    // When it probes one endpoint
    const report = await checkEndpoints(requestFor([endpointOf('good')], { backends: () => silent }));
    // Then that endpoint is a `bug` error, not a verdict
    expect(report.errors).toEqual([
      expect.objectContaining({ category: 'bug', target: endpointOf('good').url, message: 'the native engine returned no observation' }),
    ]);
    expect(report.targets).toEqual([]);
  });

  it('isolates an endpoint whose probe throws: an errored outcome for it alone, verdicts for the rest', async () => {
    // Given an engine with a bug that shows at one endpoint only
    const endpoints = [endpointOf('good'), endpointOf('empty-subject'), endpointOf('no-redirect')];
    const buggy: Backend = {
      name: 'native',
      probe: async (targets, options) => {
        const results = await nativeOnly('native', undefined)?.probe(targets, options);
        return (results ?? []).map((result, index) =>
          index === 1 ? { status: 'rejected', reason: new TypeError("Cannot read properties of undefined (reading 'replace')") } : result,
        );
      },
    };
    // When the run probes all three
    const report = await checkEndpoints(requestFor(endpoints, { backends: () => buggy }));
    // Then the failing endpoint is a bug error naming it, and the other two have their targets and verdicts
    expect(report.errors).toEqual([
      expect.objectContaining({ category: 'bug', target: endpoints[1]?.url, message: expect.stringContaining("reading 'replace'") }),
    ]);
    expect(report.targets.map((target) => target.kind === 'endpoint' && target.url)).toEqual([endpoints[0]?.url, endpoints[2]?.url]);
    expect(report.findings.map((finding) => finding.ruleId)).toContain('HTTP-NO-REDIRECT');
  });

  it('gives an empty-subject certificate among healthy endpoints its verdicts, and the others theirs', async () => {
    const endpoints = [endpointOf('good'), endpointOf('empty-subject'), endpointOf('no-redirect')];
    const report = await checkEndpoints(requestFor(endpoints));
    expect(report.errors).toEqual([]);
    expect(report.targets).toHaveLength(3);
    expect(findingsAt(report, endpointOf('empty-subject'))).toEqual([]);
    expect(findingsAt(report, endpointOf('no-redirect'))).toEqual(['HTTP-NO-REDIRECT']);
  });

  const verdicts: [ScenarioName, string[], string][] = [
    ['anchor-issued', [], 'a leaf issued by the configured anchor is a complete, trusted chain'],
    ['sha384-chain', [], 'SHA-384 signatures are not weak'],
    ['rsa-pss-sha512', [], 'RSA-PSS with SHA-512 is not weak'],
    ['cn-only', ['CERT-HOSTNAME-MISMATCH'], 'a CN-only certificate matches no host name'],
    ['https-downgrade', ['HTTP-REDIRECT-INSECURE'], 'an HTTPS page that redirects back to plain HTTP is a downgrade'],
    ['http-hang', ['ENDPOINT-MISBEHAVED'], 'a plain-HTTP port that hangs fails, it does not pass as unknown'],
  ];
  it.each(verdicts)('judges %s under hipaa as %j: %s', async (name, expected) => {
    const report = await checkEndpoints(requestFor([endpointOf(name)]));
    expect(report.errors).toEqual([]);
    // OCSP stapling is not what these scenarios are about (the lab certificates name no responder)
    expect(findingsAt(report, endpointOf(name))).toEqual(expected);
  });

  it('probes both sides of an IPv6 literal endpoint (https://[::1]:port/)', async () => {
    // Given the good scenario served on ::1, named by its address alone
    const ipv6 = await startScenario('good', 'good-ipv6', { ipv6: true });
    try {
      expect(ipv6.endpoint.url).toMatch(/^https:\/\/\[::1\]:\d+\/$/);
      // When it is probed
      const report = await checkEndpoints(requestFor([ipv6.endpoint]));
      // Then the plain-HTTP side was measured too (the 301 to https), and nothing is wrong or unknown
      expect(report.errors).toEqual([]);
      expect(findingsAt(report, ipv6.endpoint)).toEqual([]);
      expect(report.unknown).toEqual([]);
    } finally {
      await ipv6.stop();
    }
  });

  it('judges an endpoint against its own profile and notes it', async () => {
    const report = await checkEndpoints(requestFor([{ ...endpointOf('good'), profile: 'mozilla-modern' }]));
    expect(report.notes).toEqual([expect.stringContaining(`${endpointOf('good').url} was judged against profile mozilla-modern`)]);
  });
});

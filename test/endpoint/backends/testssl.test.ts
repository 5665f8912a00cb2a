import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeoutsFor, type ProbeTarget } from '../../../checks/endpoint/backend.js';
import { allBackends } from '../../../checks/endpoint/backends/index.js';
import { createTestsslBackend, observationFromTestssl, parseTestsslJson, type TestsslEntry } from '../../../checks/endpoint/backends/testssl.js';
import { checkEndpoints } from '../../../checks/endpoint/index.js';
import type { BackendName } from '../../../checks/endpoint/model.js';
import type { Report } from '../../../checks/model/report.js';
import { startLab, type Lab } from '../../../lab/index.js';

const target: ProbeTarget = { url: 'https://good.lab.test:8443/', host: 'good.lab.test', port: 8443, path: '/', httpUrl: 'http://good.lab.test/', caPem: [] };
const at = new Date('2026-11-23T12:00:00Z');
const entry = (id: string, finding: string, severity = 'INFO'): TestsslEntry => ({ id, ip: 'good.lab.test/127.0.0.1', port: '8443', severity, finding });

describe('observationFromTestssl', () => {
  it('reads protocol verdicts, per-version suites by code point and the key exchange of each', () => {
    const observation = observationFromTestssl(
      [
        entry('SSLv3', 'not offered', 'OK'),
        entry('TLS1', 'offered (deprecated)', 'LOW'),
        entry('TLS1_1', 'not offered'),
        entry('TLS1_2', 'offered', 'OK'),
        entry('TLS1_3', 'offered with final', 'OK'),
        entry('cipher-tls1_xc013', 'TLS 1     xc013   ECDHE-RSA-AES128-SHA              ECDH 253   AES         128      TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'),
        entry('cipher-tls1_2_x9f', 'TLS 1.2   x9f     DHE-RSA-AES256-GCM-SHA384         DH 2048    AESGCM      256      TLS_DHE_RSA_WITH_AES_256_GCM_SHA384'),
        entry('cipher-tls1_2_x9c', 'TLS 1.2   x9c     AES128-GCM-SHA256                 RSA        AESGCM      128      TLS_RSA_WITH_AES_128_GCM_SHA256'),
        entry('cipher-tls1_3_x1301', 'TLS 1.3   x1301   TLS_AES_128_GCM_SHA256            ECDH 253   AESGCM      128      TLS_AES_128_GCM_SHA256'),
      ],
      target,
      at,
      1234,
    );
    expect(observation).toMatchObject({
      engine: 'testssl',
      durationMs: 1234,
      reachability: { reachable: true },
      protocols: { status: 'measured', value: { SSLv3: false, TLSv1: true, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true } },
      ciphers: {
        status: 'measured',
        value: [
          { version: 'TLSv1', name: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA' },
          { version: 'TLSv1.2', name: 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384' },
          { version: 'TLSv1.2', name: 'TLS_RSA_WITH_AES_128_GCM_SHA256' },
          { version: 'TLSv1.3', name: 'TLS_AES_128_GCM_SHA256' },
        ],
      },
      keyExchanges: {
        status: 'measured',
        value: [
          { version: 'TLSv1', type: 'ECDH', bits: 253, group: 'X25519' },
          { version: 'TLSv1.2', type: 'DH', bits: 2048 },
          { version: 'TLSv1.3', type: 'ECDH', bits: 253, group: 'X25519' },
        ],
      },
      certificate: { status: 'not-measured', reason: 'testssl.sh reported no certificate (run without -S)' },
      alpn: { status: 'not-measured' },
      http: { status: 'not-measured' },
      hsts: { status: 'not-measured' },
    });
  });

  it('turns a fatal scan problem into an unreachable endpoint', () => {
    const observation = observationFromTestssl(
      [entry('scanProblem', "Can't connect to '127.0.0.1:1' Make sure a firewall is not between you and your scanning target!", 'FATAL')],
      target,
      at,
      10,
    );
    expect(observation.reachability).toMatchObject({ reachable: false, kind: 'refused' });
    expect(observation.protocols.status).toBe('error');
  });

  it('reports a certificate PEM that does not parse as an error, not a pass', () => {
    const observation = observationFromTestssl(
      [entry('TLS1_2', 'offered'), entry('cert', '-----BEGIN CERTIFICATE----- AAAA -----END CERTIFICATE-----')],
      target,
      at,
      1,
    );
    expect(observation.certificate.status).toBe('error');
  });
});

describe('parseTestsslJson', () => {
  it('refuses anything but an array of findings', () => {
    expect(() => parseTestsslJson('{"id": "x"}')).toThrow('expected a JSON array of findings');
    expect(() => parseTestsslJson('[{"id": "x", "finding": ')).toThrow(SyntaxError);
    expect(parseTestsslJson('[{"id": "TLS1", "severity": "OK", "finding": "not offered"}, {"no": "id"}]')).toEqual([
      { id: 'TLS1', severity: 'OK', finding: 'not offered' },
    ]);
  });
});

describe('the testssl engine', () => {
  it('names the engine and the command when the binary is missing', async () => {
    await expect(
      createTestsslBackend({ binary: '/nonexistent/testssl' }).probe([target], { timeouts: timeoutsFor(1000), concurrency: 1, now: () => at }),
    ).rejects.toThrow(/^testssl: binary not found at "\/nonexistent\/testssl"; install it or set engine-path \(command: \/nonexistent\/testssl --version\)/);
  });

  it('becomes an errored outcome of the run, never a silent pass', async () => {
    const report = await checkEndpoints({
      endpoints: [{ url: 'https://good.lab.test:8443/', address: '127.0.0.1' }],
      profile: 'hipaa',
      engine: 'testssl',
      enginePath: '/nonexistent/testssl',
      timeoutMs: 1000,
      concurrency: 1,
      readFile: () => Promise.reject(new Error('no files')),
      now: () => at,
      backends: allBackends,
    });
    expect(report.findings).toEqual([]);
    expect(report.errors).toEqual([
      expect.objectContaining({ category: 'backend', target: 'https://good.lab.test:8443/', message: expect.stringContaining('binary not found') }),
    ]);
  });
});

/** Real testssl.sh (Debian's package) and the native prober against the same loopback servers. */
describe('testssl.sh and the native engine agree', () => {
  const scenarios = ['good', 'legacy-tls', 'weak-ciphers', 'self-signed', 'expired', 'wrong-host', 'no-hsts', 'refused'] as const;
  let lab: Lab;
  const reports: Partial<Record<BackendName, Report>> = {};

  beforeAll(async () => {
    lab = await startLab(scenarios);
    const probe = (engine: BackendName) =>
      checkEndpoints({
        endpoints: lab.scenarios.map((scenario) => scenario.endpoint),
        profile: 'hipaa',
        engine,
        timeoutMs: 10_000,
        concurrency: scenarios.length,
        readFile: (path) => lab.readFile(path),
        now: () => new Date(),
        backends: allBackends,
      });
    [reports.native, reports.testssl] = await Promise.all([probe('native'), probe('testssl')]);
  }, 300_000);

  afterAll(() => lab?.stop());

  const rulesAt = (report: Report | undefined, url: string) =>
    [...new Set(report?.findings.filter((f) => f.location.kind === 'endpoint' && f.location.url === url).map((f) => f.ruleId))].sort();

  it.each(scenarios)('on %s: the same rules fire', (name) => {
    const url = lab.scenarios.find((scenario) => scenario.name === name)?.endpoint.url ?? '';
    expect(reports.testssl?.errors).toEqual([]);
    expect(rulesAt(reports.testssl, url)).toEqual(rulesAt(reports.native, url));
    expect(reports.testssl?.targets.find((t) => t.kind === 'endpoint' && t.url === url)).toMatchObject({ engine: 'testssl' });
  });

  it('finds what each bad set-up breaks', () => {
    const expected: Record<string, string> = {
      'legacy-tls': 'TLS-PROTOCOL-LEGACY',
      'weak-ciphers': 'TLS-CIPHER-WEAK',
      'self-signed': 'CERT-UNTRUSTED',
      expired: 'CERT-EXPIRED',
      'wrong-host': 'CERT-HOSTNAME-MISMATCH',
      'no-hsts': 'HSTS-MISSING',
      refused: 'ENDPOINT-UNREACHABLE',
    };
    for (const [name, ruleId] of Object.entries(expected)) {
      const url = lab.scenarios.find((scenario) => scenario.name === name)?.endpoint.url ?? '';
      expect(rulesAt(reports.testssl, url), name).toContain(ruleId);
    }
    // A certificate for another name is a name problem, not a trust problem, in both engines.
    const wrongHost = lab.scenarios.find((scenario) => scenario.name === 'wrong-host')?.endpoint.url ?? '';
    expect(rulesAt(reports.native, wrongHost)).not.toContain('CERT-UNTRUSTED');
  });
});

import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../checks/config/load-config.js';
import { FINGERPRINT_KEY, SARIF_MAX_RESULTS, renderSarif, toSarif, type SarifLog } from '../../checks/report/sarif.js';
import { API_URL, cleanReport, endpointFinding, fileFinding, fullReport, S3_ENCRYPTION_RULE, TEST_RULES } from '../support/report-builder.js';

const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(schema);

function expectValid(log: unknown): void {
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

function firstRun(log: SarifLog) {
  const run = log.runs[0];
  if (!run) throw new Error('no run');
  return run;
}

describe('toSarif', () => {
  it('writes valid SARIF 2.1.0 for every kind of outcome', () => {
    // Given a report with findings, suppressed, unknown, errored and strengthened outcomes
    const text = renderSarif(fullReport(), { rules: TEST_RULES });

    // Then the log validates against the official schema
    expectValid(JSON.parse(text));
  });

  it('is checked by a validator that rejects what GitHub rejects (a line 0)', () => {
    const log = toSarif(cleanReport({ findings: [fileFinding()] }), { rules: TEST_RULES });
    const region = firstRun(log).results[0]?.locations[0]?.physicalLocation.region;
    if (region) region.startLine = 0;

    expect(validateSarif(log)).toBe(false);
  });

  it('also writes valid SARIF when nothing was found', () => {
    const log = toSarif(cleanReport(), { rules: TEST_RULES });

    expectValid(log);
    expect(firstRun(log).results).toEqual([]);
  });

  it('describes the tool and every rule used, with remediation, tags and security-severity', () => {
    const run = firstRun(toSarif(fullReport(), { rules: TEST_RULES }));

    expect(run.tool.driver).toMatchObject({ name: 'hipaa-guard', version: '0.1.0', informationUri: expect.stringMatching(/^https:\/\//) });
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual([
      'TEST-S3-ENCRYPTION-REMOVED',
      'TEST-TLS-LEGACY',
      'TEST-HSTS-MISSING',
      'TEST-CLOUDTRAIL-LOG-VALIDATION',
    ]);
    expect(run.tool.driver.rules[0]).toEqual({
      id: 'TEST-S3-ENCRYPTION-REMOVED',
      name: 'TestS3EncryptionRemoved',
      shortDescription: { text: 'S3 bucket encryption removed' },
      fullDescription: { text: 'A bucket that held PHI lost its server-side encryption configuration.' },
      help: {
        text: expect.stringContaining('Remediation: Restore `aws_s3_bucket_server_side_encryption_configuration` for the bucket.'),
        markdown: expect.stringContaining('**Safeguard:** Access control, 45 CFR 164.312(a)(2)(iv).'),
      },
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: ['security', 'hipaa', 'access-control', 'terraform'],
        'security-severity': '9.5',
        safeguard: 'access-control',
        citation: '45 CFR 164.312(a)(2)(iv)',
        severity: 'critical',
      },
    });
  });

  it('takes the informationUri from the front when it knows a better one', () => {
    const run = firstRun(toSarif(cleanReport(), { rules: TEST_RULES, informationUri: 'https://github.com/example-org/hipaa-guard' }));

    expect(run.tool.driver.informationUri).toBe('https://github.com/example-org/hipaa-guard');
  });

  it('points file findings at their lines and indexes their rule', () => {
    const run = firstRun(toSarif(fullReport(), { rules: TEST_RULES }));
    const result = run.results.find((entry) => entry.ruleId === 'TEST-S3-ENCRYPTION-REMOVED');

    expect(result).toMatchObject({
      ruleIndex: 0,
      level: 'error',
      message: { text: 'aws_s3_bucket.phi lost its server-side encryption (was aws:kms, now none). (45 CFR 164.312(a)(2)(iv))' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'infra/prod/s3.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, endLine: 18 } } }],
      properties: { change: 'removed', evidence: { before: 'aws:kms', after: null } },
    });
  });

  it('points endpoint findings at the config line declaring the endpoint, with the URL as logical location', () => {
    // Given the config that declared the endpoint on line 4
    const config = parseConfig(
      ['profile: hipaa', 'endpoints:', '  - url: https://other.example.org', `  - url: ${API_URL}`, '    address: 203.0.113.7', ''].join('\n'),
    );
    const declared = config.endpoints.find((endpoint) => endpoint.url === API_URL);
    const report = cleanReport({
      findings: [endpointFinding(undefined, { location: { kind: 'endpoint', url: API_URL, address: '203.0.113.7', configLine: declared?.line } })],
    });

    // When rendered
    const run = firstRun(toSarif(report, { rules: TEST_RULES, configPath: 'ops/hipaa-guard.yml' }));

    // Then the result sits on that line
    expect(run.results[0]?.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'ops/hipaa-guard.yml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, endLine: 4 } },
        logicalLocations: [{ fullyQualifiedName: 'https://api.example.org (203.0.113.7)', kind: 'resource' }],
        message: { text: 'Endpoint https://api.example.org (203.0.113.7), declared here.' },
      },
    ]);
  });

  it('falls back to line 1 of .github/hipaa-guard.yml for an endpoint given on the command line', () => {
    const run = firstRun(toSarif(cleanReport({ findings: [endpointFinding()] }), { rules: TEST_RULES }));

    expect(run.results[0]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: '.github/hipaa-guard.yml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, endLine: 1 },
    });
  });

  it('keeps fingerprints stable across runs and line moves', () => {
    // Given the same finding before and after its block moved down 40 lines
    const before = fileFinding();
    const after = fileFinding(undefined, { location: { kind: 'file', path: 'infra/prod/s3.tf', startLine: 52, endLine: 58 } });

    // Then both results carry the same partial fingerprint
    const fingerprintOf = (finding: typeof before) =>
      firstRun(toSarif(cleanReport({ findings: [finding] }), { rules: TEST_RULES })).results[0]?.partialFingerprints[FINGERPRINT_KEY];
    expect(fingerprintOf(after)).toBe(fingerprintOf(before));
    expect(fingerprintOf(before)).toBe(before.fingerprint);
  });

  it('marks suppressed findings with a justification instead of dropping them', () => {
    const run = firstRun(toSarif(fullReport(), { rules: TEST_RULES }));
    const suppressedResult = run.results.find((entry) => entry.suppressions);

    expect(suppressedResult?.ruleId).toBe('TEST-HSTS-MISSING');
    expect(suppressedResult?.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'legacy partner integration, ticket SEC-42', properties: { until: '2026-06-30' } },
    ]);
  });

  it('reports errors and unknown outcomes as tool notifications', () => {
    const notifications = firstRun(toSarif(fullReport(), { rules: TEST_RULES })).invocations[0]?.toolExecutionNotifications;

    expect(notifications?.map((entry) => [entry.level, entry.message.text])).toEqual([
      ['error', 'timeout: https://slow.example.org: no TLS handshake within 5000 ms'],
      ['note', 'TEST-S3-ENCRYPTION-REMOVED could not decide at infra/prod/s3.tf:30-34: sse_algorithm is var.algo, which has no default.'],
    ]);
  });

  it('describes a rule missing from the registry from the finding itself, by its alias when renamed', () => {
    // Given one finding under an old alias and one under an id no registry knows
    const renamed = { ...fileFinding(), ruleId: 'TEST-S3-SSE-REMOVED' };
    const parseError = { ...fileFinding(), ruleId: 'PARSE-ERROR', title: 'File does not parse', severity: 'high' as const };
    const log = toSarif(cleanReport({ findings: [renamed, parseError] }), { rules: [S3_ENCRYPTION_RULE] });

    // Then both have rule metadata and the log stays valid
    expectValid(log);
    const rules = firstRun(log).tool.driver.rules;
    expect(rules.map((rule) => [rule.id, rule.shortDescription.text])).toEqual([
      ['TEST-S3-SSE-REMOVED', 'S3 bucket encryption removed'],
      ['PARSE-ERROR', 'File does not parse'],
    ]);
    expect(firstRun(log).results.map((result) => result.ruleIndex)).toEqual([0, 1]);
  });

  it(`keeps at most ${SARIF_MAX_RESULTS} results and says how many it left out`, () => {
    const finding = endpointFinding();
    const findings = Array.from({ length: SARIF_MAX_RESULTS + 3 }, () => finding);

    const run = firstRun(toSarif(cleanReport({ findings }), { rules: TEST_RULES }));

    expect(run.results).toHaveLength(SARIF_MAX_RESULTS);
    expect(run.invocations[0]?.toolExecutionNotifications.at(-1)?.message.text).toBe(
      `3 more results omitted: code scanning accepts at most ${SARIF_MAX_RESULTS} per run.`,
    );
  });

  it('encodes file paths as URIs and never writes a line below 1', () => {
    const odd = fileFinding(undefined, { location: { kind: 'file', path: 'infra/my stack/#1.tf', startLine: 0, endLine: 0 } });

    const log = toSarif(cleanReport({ findings: [odd] }), { rules: TEST_RULES });

    expectValid(log);
    expect(firstRun(log).results[0]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'infra/my%20stack/%231.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, endLine: 1 },
    });
  });
});

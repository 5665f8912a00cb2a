import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackendOptions, ProbeResult, ProbeTarget } from '../../../checks/endpoint/backend.js';
import type { EndpointObservation } from '../../../checks/endpoint/model.js';
import { timeoutsFor } from '../../../checks/endpoint/backend.js';
import { BackendFailure } from '../../../checks/endpoint/backends/process.js';
import { evaluateEndpoint } from '../../../checks/endpoint/evaluate.js';
import { loadProfile } from '../../../checks/endpoint/profiles/index.js';
import { createTlsScanBackend, observationFromTlsScan, parseTlsScanOutput } from '../../../checks/endpoint/backends/tls-scan.js';
import { tempDir } from '../../support/temp-repo.js';

/** Real tls-scan output kept in the shared fixtures (see PROVENANCE.md there). */
const FIXTURES = resolve(import.meta.dirname, '../../fixtures/tls-scan');
const fixture = (name: string) => readFile(join(FIXTURES, name), 'utf8');

const target: ProbeTarget = {
  url: 'https://localhost:4443/',
  host: 'localhost',
  port: 4443,
  path: '/',
  httpUrl: 'http://localhost/',
  caPem: [],
};
const observedAt = new Date('2026-11-23T12:00:00Z');

describe('parseTlsScanOutput', () => {
  it('reads a pretty-printed record and skips the scan summary after it', async () => {
    const { records, problems } = parseTlsScanOutput(await fixture('rsa-scan.out'));
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ host: 'localhost', ip: '127.0.0.1', port: 4443, verifyCertResult: false });
  });

  it('reads one record per line (the default, unpretty output)', async () => {
    const record = JSON.stringify(JSON.parse(parseTlsScanOutput(await fixture('ecdsa-scan.out')).records.map((r) => JSON.stringify(r))[0]!));
    const { records, problems } = parseTlsScanOutput(`${record}\n${record.replace('"port":4443', '"port":4444')}\n`);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.port)).toEqual([4443, 4444]);
  });

  it('reports a truncated record instead of dropping it silently', async () => {
    const text = await fixture('dsa-scan.out');
    const { records, problems } = parseTlsScanOutput(text.slice(0, 2000));
    expect(records).toEqual([]);
    expect(problems).toEqual(['truncated record at offset 0']);
  });

  it('reports malformed JSON with where it was', () => {
    const { records, problems } = parseTlsScanOutput('{"host": "a", "port": 443,}\n{"host": "b", "port": 443}\n');
    expect(records).toEqual([{ host: 'b', port: 443 }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^malformed JSON at offset 0: /);
  });

  it('is not confused by braces inside strings', () => {
    const { records } = parseTlsScanOutput('{"host": "a}{b", "error": "x \\" }"}');
    expect(records).toEqual([{ host: 'a}{b', error: 'x " }' }]);
  });
});

describe('observationFromTlsScan', () => {
  it('maps versions, suites (by IANA name), key exchange and the certificate of the RSA sample', async () => {
    const [record] = parseTlsScanOutput(await fixture('rsa-scan.out')).records;
    const observation = observationFromTlsScan(record!, target, observedAt);
    expect(observation).toMatchObject({
      engine: 'tls-scan',
      address: '127.0.0.1',
      reachability: { reachable: true },
      protocols: { status: 'measured', value: { SSLv3: true, TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': false } },
      keyExchanges: {
        status: 'measured',
        value: [{ version: 'TLSv1.2', type: 'ECDH', group: 'prime256v1', bits: 256 }],
      },
      alpn: { status: 'not-measured' },
      http: { status: 'not-measured' },
    });
    const ciphers = observation.ciphers.status === 'measured' ? observation.ciphers.value : [];
    expect(ciphers).toContainEqual({ version: 'TLSv1.2', name: 'TLS_RSA_WITH_RC4_128_SHA' });
    expect(ciphers).toContainEqual({ version: 'TLSv1.2', name: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' });
    expect(ciphers).toContainEqual({ version: 'TLSv1.2', name: 'TLS_RSA_WITH_NULL_MD5' });
    // RC4-MD5 is listed twice by tls-scan (SSLv2 and SSLv3 forms): recorded once.
    expect(ciphers.filter((c) => c.name === 'TLS_RSA_WITH_RC4_128_MD5')).toHaveLength(1);
    expect(observation.certificate).toEqual({
      status: 'measured',
      value: {
        chain: [
          {
            subject: 'emailAddress=tls-scan@example.com; CN=localhost; OU=tls-scan; O=prbinu; ST=CA; C=US',
            issuer: 'emailAddress=tls-scan@example.com; CN=localhost; OU=tls-scan; O=prbinu; ST=CA; C=US',
            serialNumber: '5B487EE4F46F6E22E2B998D8FFBE7EDF434B7C0A',
            notBefore: '2019-12-27T17:38:26.000Z',
            notAfter: '2029-12-24T17:38:26.000Z',
            keyType: 'RSA',
            keyBits: 2048,
            signatureAlgorithm: 'sha256WithRSAEncryption',
            subjectAltNames: [],
            ocspUrls: [],
            isCA: true,
            selfSigned: true,
            sha256: '',
          },
        ],
        trusted: false,
        trustError: 'self signed certificate',
        chainComplete: true,
        // CN=localhost and no subjectAltName: it covers no host name (RFC 6125, as browsers decide).
        hostnameMatches: false,
        ocspStapled: false,
      },
    });
  });

  it.each([
    ['ecdsa-scan.out', 'EC', 256, 'ecdsa-with-SHA256'],
    ['dsa-scan.out', 'DSA', 1024, 'dsa_with_SHA256'],
  ])('reads the key and signature of %s', async (file, keyType, keyBits, signatureAlgorithm) => {
    const [record] = parseTlsScanOutput(await fixture(file)).records;
    const observation = observationFromTlsScan(record!, target, observedAt);
    expect(observation.certificate.status === 'measured' && observation.certificate.value.chain[0]).toMatchObject({
      keyType,
      keyBits,
      signatureAlgorithm,
    });
  });

  it('checks the host name itself, against the name configured', async () => {
    const [record] = parseTlsScanOutput(await fixture('rsa-scan.out')).records;
    const observation = observationFromTlsScan(record!, { ...target, host: 'api.example.org' }, observedAt);
    expect(observation.certificate).toMatchObject({ status: 'measured', value: { hostnameMatches: false } });
  });

  it('turns a record with an error into an unreachable observation, every TLS fact an error', () => {
    const observation = observationFromTlsScan({ host: 'localhost', port: 4443, error: 'connect error' }, target, observedAt);
    expect(observation.reachability).toEqual({ reachable: false, kind: 'protocol', detail: 'connect error' });
    expect(observation.certificate).toEqual({ status: 'error', reason: 'connect error' });
  });
});

/** A stand-in tls-scan: records its arguments and stdin, then behaves as the test asks. */
async function fakeTlsScan(behaviour: string): Promise<{ binary: string; calls: string }> {
  const directory = tempDir('fake-tls-scan-');
  const binary = join(directory, 'tls-scan');
  const calls = join(directory, 'calls');
  await writeFile(
    binary,
    `#!/bin/sh
if [ "$1" = "--version" ]; then echo "tls-scan version 1.4.8"; exit 0; fi
printf '%s\\n' "$@" >> "${calls}"
[ -t 0 ] || cat >> "${calls}"
${behaviour}
`,
  );
  await chmod(binary, 0o755);
  return { binary, calls };
}

const options: BackendOptions = { timeouts: timeoutsFor(2000), concurrency: 4, now: () => observedAt };

function fulfilled(results: ProbeResult[]): EndpointObservation[] {
  return results.map((result) => {
    if (result.status === 'rejected') throw new Error(`expected an observation, got ${String(result.reason)}`);
    return result.value;
  });
}

/** Why the one target failed. */
function rejection([result]: ProbeResult[]): Error {
  if (result?.status !== 'rejected' || !(result.reason instanceof Error)) throw new Error('expected the endpoint to fail with an error');
  return result.reason;
}

describe('the tls-scan engine', () => {
  it('sends the batch through stdin, arguments as an array, and maps each record to its target', async () => {
    const record = JSON.stringify(parseTlsScanOutput(await fixture('rsa-scan.out')).records[0]);
    const { binary, calls } = await fakeTlsScan(`echo '${record}'; echo '${record.replace('"host":"localhost"', '"host":"other.test"')}'`);
    const targets = [target, { ...target, url: 'https://other.test:4443/', host: 'other.test' }];
    const observations = fulfilled(await createTlsScanBackend({ binary }).probe(targets, options));
    expect(observations.map((o) => [o.url, o.reachability.reachable])).toEqual([
      ['https://localhost:4443/', true],
      ['https://other.test:4443/', true],
    ]);
    const recorded = (await readFile(calls, 'utf8')).split('\n');
    expect(recorded).toEqual(expect.arrayContaining(['--version-enum', '--cipher-enum', '--concurrency=4', 'localhost:4443', 'other.test:4443']));
    expect(recorded.find((arg) => arg.startsWith('--cacert='))).toBeDefined();
  });

  it('connects an address override alone, with the name as SNI', async () => {
    const record = JSON.stringify(parseTlsScanOutput(await fixture('rsa-scan.out')).records[0]);
    const { binary, calls } = await fakeTlsScan(`echo '${record}'`);
    await createTlsScanBackend({ binary }).probe([{ ...target, host: 'api.example.org', address: '127.0.0.1' }], options);
    expect((await readFile(calls, 'utf8')).split('\n')).toEqual(expect.arrayContaining(['--connect=127.0.0.1:4443', '--ip', '--sni=api.example.org']));
  });

  it('marks an endpoint tls-scan returned nothing for as unreachable, not as passing', async () => {
    const { binary } = await fakeTlsScan('exit 0');
    const [observation] = fulfilled(await createTlsScanBackend({ binary }).probe([target], options));
    expect(observation?.reachability).toMatchObject({ reachable: false, detail: 'tls-scan returned no record for this endpoint' });
  });

  it.each([['a missing binary', '/nonexistent/tls-scan', /^tls-scan: binary not found at "\/nonexistent\/tls-scan"/]])(
    'fails with BackendFailure on %s',
    async (_, binary, message) => {
      await expect(createTlsScanBackend({ binary }).probe([target], options)).rejects.toThrow(message);
    },
  );

  it("names the command and the first lines of stderr when tls-scan exits non-zero, as that endpoint's failure", async () => {
    const { binary } = await fakeTlsScan('echo "libevent: cannot init" >&2; echo "second line" >&2; exit 3');
    const failure = rejection(await createTlsScanBackend({ binary }).probe([target], options));
    expect(failure).toBeInstanceOf(BackendFailure);
    expect(failure.message).toMatch(/^tls-scan: exited with code 3 \(command: .*tls-scan --version-enum .*\); stderr: libevent: cannot init \| second line$/);
  });

  it('stops a hanging tls-scan at the time-out', async () => {
    const { binary } = await fakeTlsScan('sleep 30');
    const quick: BackendOptions = { ...options, timeouts: { connectMs: 100, handshakeMs: 100, totalMs: 200 } };
    const started = Date.now();
    expect(rejection(await createTlsScanBackend({ binary }).probe([target], quick)).message).toMatch(/no result within 5200 ms/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('fails when the output does not parse at all', async () => {
    const { binary } = await fakeTlsScan('echo "{ not json"');
    expect(rejection(await createTlsScanBackend({ binary }).probe([target], options)).message).toMatch(/output does not parse: truncated record/);
  });

  it('refuses a tls-scan that cannot say its version', async () => {
    const { binary } = await fakeTlsScan('');
    await writeFile(binary, '#!/bin/sh\necho "usage: something else"\n');
    await expect(createTlsScanBackend({ binary }).probe([target], options)).rejects.toThrow(/could not read a version from: usage: something else/);
  });
});

describe('tls-scan observations judged by the same rules as the native engine', () => {
  it.each([
    ['rsa-scan.out', ['TLS-PROTOCOL-LEGACY', 'TLS-PROTOCOL-NO-TLS13', 'TLS-CIPHER-WEAK', 'CERT-UNTRUSTED', 'CERT-LIFESPAN-TOO-LONG']],
    ['dsa-scan.out', ['TLS-PROTOCOL-LEGACY', 'TLS-CIPHER-WEAK', 'CERT-UNTRUSTED', 'CERT-WEAK-KEY']],
  ])('finds what is wrong with the %s server', async (file, expected) => {
    const [record] = parseTlsScanOutput(await fixture(file)).records;
    const { findings, unknown } = evaluateEndpoint(observationFromTlsScan(record!, target, observedAt), loadProfile('hipaa'), observedAt);
    for (const id of expected) expect(findings.map((f) => f.ruleId)).toContain(id);
    // What tls-scan cannot see is unknown, never passed.
    expect(unknown.map((u) => u.ruleId)).toEqual(expect.arrayContaining(['HTTP-NO-REDIRECT', 'HSTS-MISSING']));
  });
});

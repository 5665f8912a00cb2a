/**
 * testssl.sh as a backend: one run per endpoint with JSON output, only the test groups the
 * rules need (-p protocols, -S server defaults/certificate, -E ciphers per protocol), no DNS
 * lookups of its own (`--nodns none`, `--ip`), mapped into the observation model.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cipherSuiteByCode } from '../cipher-suites.js';
import { mapSettled, type Backend, type BackendOptions, type ProbeTarget } from '../backend.js';
import { coversHost } from '../host-name.js';
import { describeCertificate } from '../probe/certificate.js';
import type { AcceptedCipher, EndpointObservation, KeyExchange, Measurement, TlsVersion, UnreachableKind } from '../model.js';
import { withCaBundle } from './ca-bundle.js';
import { BackendFailure, requireBackendVersion, runBackendCommand } from './process.js';
import { unreachableTlsSide } from './unreachable.js';

/** One entry of testssl.sh's flat JSON output (`--jsonfile`). */
export interface TestsslEntry {
  id: string;
  ip?: string;
  port?: string;
  severity: string;
  finding: string;
}

const PROTOCOL_IDS: Record<string, TlsVersion> = {
  SSLv3: 'SSLv3',
  TLS1: 'TLSv1',
  TLS1_1: 'TLSv1.1',
  TLS1_2: 'TLSv1.2',
  TLS1_3: 'TLSv1.3',
};

const CIPHER_ID_VERSIONS: Record<string, TlsVersion> = {
  ssl3: 'SSLv3',
  tls1: 'TLSv1',
  tls1_1: 'TLSv1.1',
  tls1_2: 'TLSv1.2',
  tls1_3: 'TLSv1.3',
};

/** Parses testssl.sh's JSON file; throws on anything but an array of entries. */
export function parseTestsslJson(text: string): TestsslEntry[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new Error('expected a JSON array of findings');
  return value.filter(
    (entry): entry is TestsslEntry =>
      typeof entry === 'object' && entry !== null && typeof (entry as TestsslEntry).id === 'string' && typeof (entry as TestsslEntry).finding === 'string',
  );
}

const NOT_MEASURED = (what: string): Measurement<never> => ({ status: 'not-measured', reason: `testssl.sh does not report ${what}` });

/** Maps testssl.sh's findings for one endpoint to the TLS part of an observation. */
export function observationFromTestssl(entries: readonly TestsslEntry[], target: ProbeTarget, observedAt: Date, durationMs: number): EndpointObservation {
  // With several server certificates testssl suffixes ids with ` <cert#N>`: the first is the one observed.
  const byId = new Map<string, TestsslEntry>();
  for (const entry of entries) {
    const id = entry.id.replace(/ <cert#(\d+)>$/, (_, n: string) => (n === '1' ? '' : ` #${n}`));
    if (!byId.has(id)) byId.set(id, entry);
  }
  const base = {
    url: target.url,
    host: target.host,
    port: target.port,
    engine: 'testssl' as const,
    observedAt: observedAt.toISOString(),
    durationMs,
    http: NOT_MEASURED('the plaintext redirect'),
    hsts: NOT_MEASURED('HSTS on the probed path'),
    // testssl.sh 3.0's ALPN line missed h2 on servers that offer it: the native prober measures ALPN.
    alpn: NOT_MEASURED('ALPN reliably'),
    ...(target.address ? { address: target.address } : {}),
  };
  const problem = byId.get('scanProblem');
  if (problem && problem.severity === 'FATAL') {
    return { ...base, ...unreachableTlsSide(unreachableKind(problem.finding), problem.finding) };
  }
  return {
    ...base,
    reachability: { reachable: true },
    protocols: protocolsFromTestssl(byId),
    ...ciphersFromTestssl(entries),
    certificate: certificateFromTestssl(byId, target.host),
  };
}

function unreachableKind(finding: string): UnreachableKind {
  if (/can't connect|connection refused/i.test(finding)) return 'refused';
  if (/timed? ?out/i.test(finding)) return 'timeout';
  if (/resolve|DNS/i.test(finding)) return 'dns';
  return 'protocol';
}

function protocolsFromTestssl(byId: Map<string, TestsslEntry>): EndpointObservation['protocols'] {
  const value: Partial<Record<TlsVersion, boolean>> = {};
  for (const [id, version] of Object.entries(PROTOCOL_IDS)) {
    const finding = byId.get(id)?.finding;
    if (finding === undefined) continue;
    if (/^not offered/i.test(finding)) value[version] = false;
    else if (/^offered/i.test(finding)) value[version] = true;
  }
  return Object.keys(value).length ? { status: 'measured', value } : { status: 'not-measured', reason: 'testssl.sh ran without -p' };
}

/** `cipher-tls1_2_xc030`: `TLS 1.2   xc030   ECDHE-RSA-AES256-GCM-SHA384   ECDH 253   AESGCM   256   TLS_ECDHE_...` */
function ciphersFromTestssl(entries: readonly TestsslEntry[]): Pick<EndpointObservation, 'ciphers' | 'keyExchanges'> {
  const ciphers: AcceptedCipher[] = [];
  const keyExchanges: KeyExchange[] = [];
  for (const entry of entries) {
    const match = /^cipher-(ssl3|tls1(?:_[123])?)_x([0-9a-f]+)$/i.exec(entry.id);
    if (!match?.[1] || !match[2]) continue;
    const version = CIPHER_ID_VERSIONS[match[1].toLowerCase()];
    if (!version) continue;
    const columns = entry.finding.trim().split(/\s+/);
    const name = cipherSuiteByCode(parseInt(match[2], 16))?.iana ?? columns.at(-1) ?? match[2];
    ciphers.push({ version, name });
    const kx = /\s(ECDH|DH)\s+(\d+)\s/.exec(entry.finding);
    if (kx?.[1] && kx[2]) {
      const bits = Number(kx[2]);
      keyExchanges.push({ version, cipher: name, type: kx[1], bits, ...(kx[1] === 'ECDH' && bits === 253 ? { group: 'X25519' } : {}) });
    }
  }
  if (!ciphers.length) {
    const reason = 'testssl.sh listed no cipher (run without -E)';
    return { ciphers: { status: 'not-measured', reason }, keyExchanges: { status: 'not-measured', reason } };
  }
  return { ciphers: { status: 'measured', value: ciphers }, keyExchanges: { status: 'measured', value: keyExchanges } };
}

function certificateFromTestssl(byId: Map<string, TestsslEntry>, host: string): EndpointObservation['certificate'] {
  const pem = byId.get('cert')?.finding;
  if (!pem) return { status: 'not-measured', reason: 'testssl.sh reported no certificate (run without -S)' };
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pemFromTestssl(pem));
  } catch (error) {
    return { status: 'error', reason: `testssl.sh's certificate does not parse: ${(error as Error).message}` };
  }
  const chainVerdict = byId.get('cert_chain_of_trust')?.finding ?? '';
  const trusted = /^passed/i.test(chainVerdict);
  const leaf = describeCertificate(certificate);
  return {
    status: 'measured',
    value: {
      chain: [leaf],
      trusted,
      ...(trusted ? {} : { trustError: trustErrorCode(chainVerdict) }),
      chainComplete: !/chain incomplete|issuer certificate/i.test(chainVerdict),
      hostnameMatches: coversHost(leaf.subjectAltNames, host),
      ocspStapled: /^offered/i.test(byId.get('OCSP_stapling')?.finding ?? ''),
    },
  };
}

/** OpenSSL's verify codes, as the native backend reports them, for testssl.sh's wording. */
const TRUST_ERRORS: readonly [RegExp, string][] = [
  [/expired/i, 'CERT_HAS_EXPIRED'],
  [/not yet valid/i, 'CERT_NOT_YET_VALID'],
  [/self signed CA in chain/i, 'SELF_SIGNED_CERT_IN_CHAIN'],
  [/self signed/i, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
  [/chain incomplete|issuer certificate/i, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
];

function trustErrorCode(verdict: string): string {
  return TRUST_ERRORS.find(([pattern]) => pattern.test(verdict))?.[1] ?? (verdict || 'chain of trust not verified');
}

/** testssl.sh writes the PEM on one line, its newlines turned into spaces. */
function pemFromTestssl(finding: string): string {
  const body = finding.replace('-----BEGIN CERTIFICATE-----', '').replace('-----END CERTIFICATE-----', '').replace(/\s+/g, '');
  return `-----BEGIN CERTIFICATE-----\n${body.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
}

export interface TestsslBackendOptions {
  /** Path of testssl.sh (`backend-path`); Debian installs it as `testssl`. */
  binary: string;
}

/** testssl.sh tests one endpoint per run: runs go side by side up to the configured concurrency. */
export function createTestsslBackend({ binary }: TestsslBackendOptions): Backend {
  return {
    name: 'testssl',
    async probe(targets, options) {
      await requireBackendVersion(
        { engine: 'testssl', file: binary, args: ['--version'], timeoutMs: 30_000 },
        /testssl(?:\.sh)?\s+(\d+\.\d+(?:\.\d+)?)/,
        [3, 0],
      );
      return mapSettled(targets, options.concurrency, async (target) => {
        const observation = await runTestssl(binary, target, options);
        options.onObservation?.(observation);
        return observation;
      });
    },
  };
}

/** testssl.sh needs 10-20 s for the three test groups even on loopback: the endpoint budget is raised to this. */
const MIN_RUN_MS = 180_000;

async function runTestssl(binary: string, target: ProbeTarget, options: BackendOptions): Promise<EndpointObservation> {
  const directory = await mkdtemp(join(tmpdir(), 'hipaa-guard-testssl-'));
  const jsonFile = join(directory, 'result.json');
  const started = options.now();
  const seconds = String(Math.max(1, Math.ceil(options.timeouts.handshakeMs / 1000)));
  try {
    return await withCaBundle(target.caPem, async (caFile) => {
      const args = [
        '--quiet',
        '--warnings',
        'off',
        '--color',
        '0',
        '--nodns',
        'none',
        '--connect-timeout',
        seconds,
        '--openssl-timeout',
        seconds,
        '--add-ca',
        caFile,
        '--jsonfile',
        jsonFile,
        '-p',
        '-S',
        '-E',
        ...(target.address ? ['--ip', isIP(target.address) === 6 ? `[${target.address}]` : target.address] : []),
        `https://${isIP(target.host) === 6 ? `[${target.host}]` : target.host}:${target.port}`,
      ];
      // testssl.sh's exit code counts problems it found; its JSON file is the answer.
      const timeoutMs = Math.max(options.timeouts.totalMs, MIN_RUN_MS);
      await runBackendCommand({ engine: 'testssl', file: binary, args, timeoutMs, acceptExitCode: () => true });
      let entries: TestsslEntry[];
      try {
        entries = parseTestsslJson(await readFile(jsonFile, 'utf8'));
      } catch (error) {
        throw new BackendFailure('testssl', [binary, ...args].join(' '), `its JSON output does not parse: ${(error as Error).message}`);
      }
      return observationFromTestssl(entries, target, started, options.now().getTime() - started.getTime());
    });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * tls-scan (prbinu/tls-scan) as a backend: one batch through stdin, JSON records out, mapped to
 * the same observation model the native prober fills. Its output format: the project's README
 * and the real samples in test/fixtures/tls-scan/.
 */
import { isIP } from 'node:net';
import { cipherSuiteByName } from '../cipher-suites.js';
import { mapBounded, type Backend, type ProbeResult, type ProbeTarget } from '../backend.js';
import { coversHost } from '../host-name.js';
import { withCaBundle } from './ca-bundle.js';
import { BackendFailure, requireBackendVersion, runBackendCommand } from './process.js';
import { unreachableTlsSide } from './unreachable.js';
import type { AcceptedCipher, CertificateInfo, CertificateObservation, EndpointObservation, KeyExchange, Measurement, TlsVersion } from '../model.js';

/** The fields of one tls-scan record that the observation model uses. */
export interface TlsScanRecord {
  host?: string;
  ip?: string;
  port?: number;
  elapsedTime?: number;
  error?: string;
  tlsVersion?: string;
  cipher?: string;
  tempPublicKeyAlg?: string;
  tempPublicKeySize?: number;
  tlsVersions?: string[];
  cipherSuite?: { supported?: string[] };
  verifyCertResult?: boolean;
  verifyCertError?: string;
  verifyHostResult?: boolean;
  ocspStapled?: boolean;
  certificateChain?: TlsScanCertificate[];
}

export interface TlsScanCertificate {
  subject?: string;
  issuer?: string;
  subjectCN?: string;
  subjectAltName?: string;
  signatureAlg?: string;
  notBefore?: string;
  notAfter?: string;
  serialNo?: string;
  publicKeyAlg?: string;
  publicKeySize?: number;
  basicConstraints?: string;
  sha1Fingerprint?: string;
}

/** A record or the reason the output around it could not be read. */
export type TlsScanParse = { records: TlsScanRecord[]; problems: string[] };

/**
 * Reads tls-scan's output: JSON objects one per line, or pretty-printed across lines, possibly
 * followed by its scan summary. A truncated or malformed object is a problem, never dropped silently.
 */
export function parseTlsScanOutput(text: string): TlsScanParse {
  const records: TlsScanRecord[] = [];
  const problems: string[] = [];
  for (const chunk of jsonObjects(text)) {
    if (!chunk.complete) {
      problems.push(`truncated record at offset ${chunk.start}`);
      continue;
    }
    try {
      const value: unknown = JSON.parse(chunk.text);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) records.push(value);
      else problems.push(`not a record at offset ${chunk.start}`);
    } catch (error) {
      problems.push(`malformed JSON at offset ${chunk.start}: ${(error as Error).message}`);
    }
  }
  return { records, problems };
}

/** Splits text into top-level `{...}` spans, honouring strings; text between them is skipped. */
function* jsonObjects(text: string): Generator<{ start: number; text: string; complete: boolean }> {
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"' && depth > 0) inString = true;
    else if (c === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) yield { start, text: text.slice(start, i + 1), complete: true };
    }
  }
  if (depth > 0) yield { start, text: text.slice(start), complete: false };
}

const VERSION_NAMES: Record<string, TlsVersion> = {
  SSLv3: 'SSLv3',
  TLSv1: 'TLSv1',
  TLSv1_1: 'TLSv1.1',
  'TLSv1.1': 'TLSv1.1',
  TLSv1_2: 'TLSv1.2',
  'TLSv1.2': 'TLSv1.2',
  TLSv1_3: 'TLSv1.3',
  'TLSv1.3': 'TLSv1.3',
};

const NOT_MEASURED = (what: string): Measurement<never> => ({ status: 'not-measured', reason: `tls-scan does not report ${what}` });

/**
 * Maps one record to the TLS part of an observation. The plaintext side (redirects, HSTS) and
 * ALPN are not measured by tls-scan; the caller fills them from the native prober.
 */
export function observationFromTlsScan(record: TlsScanRecord, target: ProbeTarget, observedAt: Date): EndpointObservation {
  const base = {
    url: target.url,
    host: target.host,
    port: target.port,
    engine: 'tls-scan' as const,
    observedAt: observedAt.toISOString(),
    durationMs: record.elapsedTime ?? 0,
    alpn: NOT_MEASURED('ALPN'),
    http: NOT_MEASURED('the plaintext redirect'),
    hsts: NOT_MEASURED('HSTS'),
    ...(record.ip ? { address: record.ip } : target.address ? { address: target.address } : {}),
  };
  const chain = (record.certificateChain ?? []).map(certificateFromTlsScan);
  if (record.error || chain.length === 0) {
    return { ...base, ...unreachableTlsSide('protocol', record.error ?? 'no handshake completed (no certificate in the record)') };
  }
  return {
    ...base,
    reachability: { reachable: true },
    protocols: protocolsFromTlsScan(record),
    ciphers: ciphersFromTlsScan(record),
    keyExchanges: keyExchangesFromTlsScan(record),
    certificate: { status: 'measured', value: certificateObservation(record, chain, target.host) },
  };
}

function protocolsFromTlsScan(record: TlsScanRecord): EndpointObservation['protocols'] {
  if (!record.tlsVersions) return { status: 'not-measured', reason: 'tls-scan ran without --version-enum' };
  const accepted = new Set(record.tlsVersions.map((name) => VERSION_NAMES[name]).filter(Boolean));
  const value: Partial<Record<TlsVersion, boolean>> = {};
  for (const version of Object.values(VERSION_NAMES)) value[version] = accepted.has(version);
  return { status: 'measured', value };
}

/**
 * tls-scan lists accepted suites without the version each was accepted at: a TLS 1.3 suite is
 * TLS 1.3, any other is recorded at the highest earlier version the server accepted.
 */
function ciphersFromTlsScan(record: TlsScanRecord): EndpointObservation['ciphers'] {
  const supported = record.cipherSuite?.supported;
  if (!supported) return { status: 'not-measured', reason: 'tls-scan ran without --cipher-enum' };
  const versions = (record.tlsVersions ?? []).map((name) => VERSION_NAMES[name]).filter((v): v is TlsVersion => !!v);
  const legacyTop = (['TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3'] as const).find((v) => versions.includes(v)) ?? 'TLSv1.2';
  const seen = new Set<string>();
  const ciphers: AcceptedCipher[] = [];
  for (const name of supported) {
    const suite = cipherSuiteByName(name);
    const version: TlsVersion = suite?.tls13 ? 'TLSv1.3' : legacyTop;
    const iana = suite?.iana ?? name;
    if (seen.has(`${version} ${iana}`)) continue;
    seen.add(`${version} ${iana}`);
    ciphers.push({ version, name: iana });
  }
  return { status: 'measured', value: ciphers };
}

function keyExchangesFromTlsScan(record: TlsScanRecord): EndpointObservation['keyExchanges'] {
  if (!record.tempPublicKeyAlg || !record.tempPublicKeySize) {
    return { status: 'not-measured', reason: 'tls-scan reported no ephemeral key' };
  }
  const [type = '', group] = record.tempPublicKeyAlg.split(/\s+/);
  const [cipherName = '', versionName = ''] = (record.cipher ?? '').split(/\s+/);
  const exchange: KeyExchange = {
    version: VERSION_NAMES[versionName] ?? VERSION_NAMES[record.tlsVersion ?? ''] ?? 'TLSv1.2',
    cipher: cipherSuiteByName(cipherName)?.iana ?? cipherName,
    type,
    bits: record.tempPublicKeySize,
    ...(group ? { group } : {}),
  };
  return { status: 'measured', value: [exchange] };
}

function certificateObservation(record: TlsScanRecord, chain: CertificateInfo[], host: string): CertificateObservation {
  const error = record.verifyCertError ?? '';
  return {
    chain,
    trusted: record.verifyCertResult === true,
    ...(record.verifyCertResult === true ? {} : { trustError: error || 'verification failed' }),
    // tls-scan says only OpenSSL's verify error; a missing intermediate shows as an unknown issuer.
    chainComplete: !/unable to get local issuer certificate/i.test(error),
    // Checked ourselves: tls-scan's verifyHostResult is made against what it connected to.
    hostnameMatches: coversHost(chain[0]?.subjectAltNames ?? [], host),
    ocspStapled: record.ocspStapled === true,
  };
}

function certificateFromTlsScan(certificate: TlsScanCertificate): CertificateInfo {
  const { subject, issuer } = certificate;
  return {
    ...(subject ? { subject } : {}),
    ...(issuer ? { issuer } : {}),
    serialNumber: (certificate.serialNo ?? '').replaceAll(':', ''),
    notBefore: isoDate(certificate.notBefore),
    notAfter: isoDate(certificate.notAfter),
    keyType: keyTypeOf(certificate.publicKeyAlg ?? ''),
    keyBits: certificate.publicKeySize ?? 0,
    signatureAlgorithm: certificate.signatureAlg ?? '',
    subjectAltNames: (certificate.subjectAltName ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    // tls-scan does not print the certificate's OCSP responder URL.
    ocspUrls: [],
    isCA: /CA:TRUE/i.test(certificate.basicConstraints ?? ''),
    selfSigned: subject !== undefined && subject !== '' && subject === issuer,
    // tls-scan prints a SHA-1 fingerprint only.
    sha256: '',
  };
}

/** `ECC prime256v1` → `EC`; `RSA`, `DSA` as they are. */
function keyTypeOf(algorithm: string): string {
  const [name = ''] = algorithm.split(/\s+/);
  return name === 'ECC' || name === 'id-ecPublicKey' ? 'EC' : name;
}

function isoDate(text: string | undefined): string {
  const time = text ? Date.parse(text) : Number.NaN;
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}

export interface TlsScanBackendOptions {
  /** Path of the tls-scan binary (`backend-path`); `tls-scan` on the PATH by default. */
  binary: string;
}

/**
 * Runs tls-scan once per group of targets that share trust anchors, the batch through stdin with
 * its own concurrency flag. A target with an address override runs alone (`--ip`, `--sni`).
 */
export function createTlsScanBackend({ binary }: TlsScanBackendOptions): Backend {
  return {
    name: 'tls-scan',
    async probe(targets, options) {
      await requireBackendVersion(
        { engine: 'tls-scan', file: binary, args: ['--version'], timeoutMs: options.timeouts.connectMs + 5000 },
        /(\d+\.\d+(?:\.\d+)?)/,
        [1, 0],
      );
      const results = new Map<ProbeTarget, ProbeResult>();
      await mapBounded(groupTargets(targets), 1, async (group) => {
        const started = options.now();
        let records: TlsScanRecord[];
        try {
          records = await withCaBundle(group.caPem, (caFile) => runTlsScan(binary, group, caFile, options.timeouts.totalMs, options.concurrency));
        } catch (reason) {
          // One tls-scan process serves the group: its failure is each of the group's endpoints', no other's.
          for (const target of group.targets) results.set(target, { status: 'rejected', reason });
          return;
        }
        for (const target of group.targets) {
          const record = group.address ? records[0] : records.find((r) => r.host === target.host && r.port === target.port);
          const observation = record ? observationFromTlsScan(record, target, started) : missingRecord(target, started);
          results.set(target, { status: 'fulfilled', value: observation });
          options.onObservation?.(observation);
        }
      });
      return targets.map((target) => results.get(target) ?? { status: 'rejected', reason: new Error('tls-scan was not run for this endpoint') });
    },
  };
}

interface TargetGroup {
  targets: ProbeTarget[];
  caPem: string[];
  /** Set for a single target with an address override. */
  address?: string;
}

function groupTargets(targets: readonly ProbeTarget[]): TargetGroup[] {
  const groups = new Map<string, TargetGroup>();
  const single: TargetGroup[] = [];
  for (const target of targets) {
    if (target.address) {
      single.push({ targets: [target], caPem: target.caPem, address: target.address });
      continue;
    }
    const key = target.caPem.join('\n');
    const group = groups.get(key) ?? { targets: [], caPem: target.caPem };
    group.targets.push(target);
    groups.set(key, group);
  }
  return [...groups.values(), ...single];
}

async function runTlsScan(binary: string, group: TargetGroup, caFile: string, totalMs: number, concurrency: number): Promise<TlsScanRecord[]> {
  const common = ['--version-enum', '--cipher-enum', `--cacert=${caFile}`, `--timeout=${Math.max(1, Math.ceil(totalMs / 1000))}`];
  const [first] = group.targets;
  const args =
    group.address && first
      ? [...common, `--connect=${bracketed(group.address)}:${first.port}`, '--ip', `--sni=${first.host}`]
      : [...common, `--concurrency=${Math.max(1, concurrency)}`];
  const input = group.address ? undefined : group.targets.map((t) => `${bracketed(t.host)}:${t.port}\n`).join('');
  const batches = Math.ceil(group.targets.length / Math.max(1, concurrency));
  const command = {
    engine: 'tls-scan' as const,
    file: binary,
    args,
    timeoutMs: totalMs * Math.max(1, batches) + 5000,
    ...(input === undefined ? {} : { input }),
  };
  const stdout = await runBackendCommand(command);
  const { records, problems } = parseTlsScanOutput(stdout);
  if (problems.length && !records.length) {
    throw new BackendFailure('tls-scan', [binary, ...args].join(' '), `output does not parse: ${problems[0]}`);
  }
  return records;
}

function bracketed(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

function missingRecord(target: ProbeTarget, at: Date): EndpointObservation {
  return observationFromTlsScan({ error: 'tls-scan returned no record for this endpoint' }, target, at);
}

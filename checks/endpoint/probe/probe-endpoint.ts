/**
 * The native prober: everything we observe at one endpoint, with Node's own tls/net/http.
 * Collect only; the endpoint rules judge the observation against a profile.
 */
import { CIPHER_SUITES, cipherSuiteByCode, type CipherSuite } from '../cipher-suites.js';
import type { DetailedPeerCertificate } from 'node:tls';
import type { ProbeTimeouts, ProbeTarget } from '../backend.js';
import type { AcceptedCipher, EndpointObservation, KeyExchange, Measurement, TlsVersion } from '../model.js';
import { observeCertificate } from './certificate.js';
import { Deadline, timeoutFailure, type ProbeFailure } from './failure.js';
import { followHttpChain } from './http-chain.js';
import { observeHsts } from './https-response.js';
import { cancellableResolver, type HostResolver } from './resolve-host.js';
import { enumerateLegacySuites, WIRE_VERSIONS, type LegacyVersion, type RawEnumeration } from './raw-hello.js';
import { observeRawCertificate, readServerCertificates, type RawCertificateOutcome } from './raw-certificate.js';
import {
  CERTIFICATE_OFFER,
  EVERY_CIPHER,
  handshake,
  isIpLiteral,
  whereOf,
  type HandshakeLimits,
  type HandshakeOutcome,
  type HandshakeSuccess,
  type TlsOffer,
} from './tls-handshake.js';

export interface ProbeOptions {
  timeouts: ProbeTimeouts;
  now: () => Date;
  /** Default: `cancellableResolver()` over the system's DNS servers. */
  resolve?: HostResolver;
}

const NODE_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
type NodeVersion = (typeof NODE_VERSIONS)[number];
const LEGACY_VERSIONS = Object.keys(WIRE_VERSIONS) as LegacyVersion[];

const VERSION_ORDER: readonly TlsVersion[] = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const TLS13_SUITES = CIPHER_SUITES.filter((suite) => suite.tls13).map((suite) => suite.iana);

/** Suites a ClientHello at `version` may offer (no TLS 1.3 suites, no signalling values). */
function legacyCandidates(version: LegacyVersion): number[] {
  const rank = VERSION_ORDER.indexOf(version);
  return CIPHER_SUITES.filter((suite) => !suite.tls13 && !suite.iana.includes('SCSV') && VERSION_ORDER.indexOf(suite.minVersion) <= rank).map(
    (suite) => suite.code,
  );
}

function ephemeralSuite(suite: CipherSuite | undefined): boolean {
  return suite !== undefined && (suite.keyExchange === 'DHE' || (suite.keyExchange === 'DH' && suite.authentication === 'anon')) && suite.openssl !== undefined;
}

function keyExchangeOf(success: HandshakeSuccess): KeyExchange[] {
  if (!success.ephemeral) return [];
  const { type, group, bits } = success.ephemeral;
  return [{ version: success.version, cipher: success.cipher, type, bits, ...(group ? { group } : {}) }];
}

function notMeasured<T>(reason: string): Measurement<T> {
  return { status: 'not-measured', reason };
}

interface Collected {
  main: HandshakeOutcome;
  versions: Record<NodeVersion, HandshakeOutcome>;
  raw: Record<LegacyVersion, RawEnumeration>;
  tls13: Tls13Enumeration;
  dhe: DheProbe;
}

function protocolsOf({ versions, raw }: Collected): Measurement<Partial<Record<TlsVersion, boolean>>> {
  const protocols: Partial<Record<TlsVersion, boolean>> = {};
  const undetermined: string[] = [];
  for (const version of VERSION_ORDER) {
    const node = version === 'SSLv3' ? undefined : versions[version];
    const legacy = version === 'TLSv1.3' ? undefined : raw[version];
    if (node?.ok || (legacy && legacy.accepted.length > 0)) protocols[version] = true;
    else if ((node === undefined || node.failure.serverRefused) && (legacy === undefined || legacy.failure === undefined)) protocols[version] = false;
    else undetermined.push(`${version}: ${(node && !node.ok ? node.failure.detail : legacy?.failure?.detail) ?? 'no answer'}`);
  }
  if (Object.keys(protocols).length === 0) return { status: 'error', reason: undetermined.join('; ') };
  return { status: 'measured', value: protocols };
}

/** Accepted suites per version; an enumeration cut short makes the list an error, never a silent gap. */
function ciphersOf({ versions, raw, tls13 }: Collected): Measurement<AcceptedCipher[]> {
  const incomplete = [
    ...LEGACY_VERSIONS.flatMap((version) => (raw[version].failure ? [`${version}: ${raw[version].failure.detail}`] : [])),
    ...(tls13.failure ? [`TLSv1.3: ${tls13.failure.detail}`] : []),
  ];
  if (incomplete.length) return { status: 'error', reason: `suite enumeration incomplete (${incomplete.join('; ')})` };
  const accepted: AcceptedCipher[] = [];
  const add = (version: TlsVersion, name: string): void => {
    if (!accepted.some((entry) => entry.version === version && entry.name === name)) accepted.push({ version, name });
  };
  for (const version of LEGACY_VERSIONS)
    for (const code of raw[version].accepted) add(version, cipherSuiteByCode(code)?.iana ?? `0x${code.toString(16).padStart(4, '0')}`);
  for (const version of NODE_VERSIONS) {
    const outcome = versions[version];
    if (outcome.ok) add(version, outcome.cipher);
  }
  for (const success of tls13.found) add(success.version, success.cipher);
  return { status: 'measured', value: accepted };
}

interface Tls13Enumeration {
  found: HandshakeSuccess[];
  failure?: ProbeFailure;
}

/** Offers the TLS 1.3 suites left after the version probe, removing each one the server picks. */
async function enumerateTls13(target: ProbeTarget, first: HandshakeOutcome, limits: () => HandshakeLimits, deadline: Deadline): Promise<Tls13Enumeration> {
  const found: HandshakeSuccess[] = [];
  let offered = TLS13_SUITES.filter((suite) => !first.ok || suite !== first.cipher);
  while (first.ok && offered.length > 0) {
    if (deadline.expired) return { found, failure: timeoutFailure('TLSv1.3 suite enumeration', 0, whereOf(target)) };
    const request = { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', ciphers: offered.join(':') } as const;
    let outcome = await handshake(target, request, limits());
    // One retry for a transient failure (a timeout under load), never for a refusal.
    if (!outcome.ok && !outcome.failure.serverRefused && !outcome.failure.local) outcome = await handshake(target, request, limits());
    if (!outcome.ok) return outcome.failure.serverRefused ? { found } : { found, failure: outcome.failure };
    const chosen = outcome.cipher;
    if (!offered.includes(chosen)) return { found };
    found.push(outcome);
    offered = offered.filter((suite) => suite !== chosen);
  }
  return { found };
}

interface DheProbe {
  found: HandshakeSuccess[];
  /** Versions whose DH group size could not be read, with why. */
  failures: string[];
}

/**
 * One handshake per version offering the (anonymous) DHE suites the server accepted, to read
 * the DH group size. A handshake that fails leaves the size unknown, said so, never dropped.
 */
async function probeDhe(target: ProbeTarget, raw: Record<LegacyVersion, RawEnumeration>, limits: () => HandshakeLimits): Promise<DheProbe> {
  const attempts = (['TLSv1', 'TLSv1.1', 'TLSv1.2'] as const).flatMap((version) => {
    const names = raw[version].accepted
      .map(cipherSuiteByCode)
      .filter(ephemeralSuite)
      .map((suite) => suite?.openssl);
    return names.length ? [{ version, ciphers: `${names.join(':')}:@SECLEVEL=0` }] : [];
  });
  const outcomes = await Promise.all(
    attempts.map(async ({ version, ciphers }) => {
      const request = { minVersion: version, maxVersion: version, ciphers };
      const first = await handshake(target, request, limits());
      // One retry for a transient failure (a timeout under load).
      return first.ok || first.failure.local || first.failure.serverRefused ? first : handshake(target, request, limits());
    }),
  );
  return {
    found: outcomes.filter((outcome): outcome is HandshakeSuccess => outcome.ok),
    failures: outcomes.flatMap((outcome, index) => (outcome.ok ? [] : [`${attempts[index]?.version ?? ''}: ${outcome.failure.detail}`])),
  };
}

async function collectTls(target: ProbeTarget, main: HandshakeOutcome, limits: () => HandshakeLimits, deadline: Deadline): Promise<Collected> {
  const tls13Ciphers = `${TLS13_SUITES.join(':')}:${EVERY_CIPHER}`;
  const versionProbes = Promise.all(
    NODE_VERSIONS.map((version) =>
      handshake(target, { minVersion: version, maxVersion: version, ciphers: version === 'TLSv1.3' ? tls13Ciphers : EVERY_CIPHER }, limits()),
    ),
  );
  const rawProbes = Promise.all(LEGACY_VERSIONS.map((version) => enumerateLegacySuites(target, version, legacyCandidates(version), limits(), deadline)));
  const tls13 = versionProbes.then((outcomes) => enumerateTls13(target, outcomes[3] as HandshakeOutcome, limits, deadline));
  const dhe = rawProbes.then((enumerations) =>
    probeDhe(target, Object.fromEntries(LEGACY_VERSIONS.map((v, i) => [v, enumerations[i]])) as Record<LegacyVersion, RawEnumeration>, limits),
  );
  const [versionOutcomes, rawOutcomes, tls13Found, dheFound] = await Promise.all([versionProbes, rawProbes, tls13, dhe]);
  return {
    main,
    versions: Object.fromEntries(NODE_VERSIONS.map((version, index) => [version, versionOutcomes[index]])) as Record<NodeVersion, HandshakeOutcome>,
    raw: Object.fromEntries(LEGACY_VERSIONS.map((version, index) => [version, rawOutcomes[index]])) as Record<LegacyVersion, RawEnumeration>,
    tls13: tls13Found,
    dhe: dheFound,
  };
}

/** OpenSSL's verdicts that only say "no anchor known for this chain" (another store may know one). */
const UNKNOWN_ISSUER = new Set(['UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN']);

interface Trust {
  authorized: boolean;
  authorizationError?: string;
  /** The chain as verified against the anchors that decided trust (Node links it up to the anchor). */
  peer?: DetailedPeerCertificate;
}

/**
 * Trust against Node's root store, or else against the endpoint's own anchors: a chain is
 * trusted when either verifies it, and its completeness is judged on the chain the deciding
 * store built (a leaf issued directly by a configured anchor is complete). The more telling
 * error is kept (an expiry over "unknown issuer").
 */
async function trustOf(target: ProbeTarget, { handshake: main, offer }: Session, limits: HandshakeLimits): Promise<Trust> {
  const system = { authorized: main.authorized, ...(main.authorizationError ? { authorizationError: main.authorizationError } : {}) };
  if (main.authorized || target.caPem.length === 0) return system;
  const anchored = await handshake(target, { anchors: target.caPem, ...offer }, limits);
  if (!anchored.ok) return system;
  const peer = anchored.peer ? { peer: anchored.peer } : {};
  if (anchored.authorized) return { authorized: true, ...peer };
  const error =
    main.authorizationError && !UNKNOWN_ISSUER.has(main.authorizationError)
      ? main.authorizationError
      : (anchored.authorizationError ?? main.authorizationError);
  // An anchor that issued the chain but not its validity (an expired leaf) still tells where the chain ends.
  return { authorized: false, ...(error ? { authorizationError: error } : {}), ...(UNKNOWN_ISSUER.has(anchored.authorizationError ?? '') ? {} : peer) };
}

/** The certificate facts, or an error naming why they could not be read: an odd certificate never takes the probe down. */
function certificateOf(target: ProbeTarget, main: HandshakeSuccess, trust: Trust | undefined): EndpointObservation['certificate'] {
  const peer = trust?.peer ?? main.peer;
  if (!peer) return notMeasured('the server sent no certificate');
  try {
    const { peer: _verified, ...verdict } = trust ?? { authorized: false };
    return { status: 'measured', value: observeCertificate({ peer, host: target.host, ocspStapled: main.ocspResponse !== undefined, ...verdict }) };
  } catch (error) {
    return { status: 'error', reason: `could not read the certificate: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Suites whose server sends a certificate (not anonymous, PSK, SRP or Kerberos ones). */
function sendsCertificate(suite: CipherSuite | undefined): suite is CipherSuite {
  return suite !== undefined && ['RSA', 'ECDSA', 'DSS'].includes(suite.authentication);
}

/** A completed handshake and what it offered, which the HTTPS requests and the trust check reuse. */
interface Session {
  handshake: HandshakeSuccess;
  offer: TlsOffer;
}

/**
 * A server that refused the main handshake but accepted suites our client can still offer (NULL
 * or anonymous ones, left out of the main offer so that a certificate is asked for): a second
 * handshake offers what it accepted at the highest such version, certificate-authenticated
 * suites first, so ALPN, HSTS, the https:// hops and the certificate are measured through it.
 */
async function secondSession(
  target: ProbeTarget,
  main: HandshakeOutcome,
  raw: Record<LegacyVersion, RawEnumeration>,
  limits: HandshakeLimits,
): Promise<Session | undefined> {
  if (main.ok || !(main.failure.serverRefused || main.failure.local)) return undefined;
  for (const version of ['TLSv1.2', 'TLSv1.1', 'TLSv1'] as const) {
    const offerable = raw[version].accepted.map(cipherSuiteByCode).filter((suite): suite is CipherSuite => suite?.openssl !== undefined);
    if (offerable.length === 0) continue;
    const authenticated = offerable.filter(sendsCertificate);
    const offer: TlsOffer = {
      minVersion: version,
      maxVersion: version,
      ciphers: `${(authenticated.length ? authenticated : offerable).map((suite) => suite.openssl).join(':')}:@SECLEVEL=0`,
    };
    const second = await handshake(target, { ...offer, alpn: ['h2', 'http/1.1'], requestOcsp: true }, limits);
    return second.ok ? { handshake: second, offer } : undefined;
  }
  return undefined;
}

/**
 * The chain from the raw handshake, for a server no Node handshake took a certificate from: a
 * ClientHello offering the certificate-authenticated suites it accepted at its highest such
 * version. `undefined` when it accepted none (nothing to read).
 */
function readRawChain(target: ProbeTarget, raw: Record<LegacyVersion, RawEnumeration>, limits: HandshakeLimits): Promise<RawCertificateOutcome> | undefined {
  for (const version of ['TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3'] as const) {
    const suites = raw[version].accepted.filter((code) => sendsCertificate(cipherSuiteByCode(code)));
    if (suites.length) return readServerCertificates(target, version, suites, limits);
  }
  return undefined;
}

const defaultResolver = cancellableResolver();

/**
 * Pins the target to one address, resolved once within the connect budget (cut to what is left),
 * so no later step resolves again through the uncancellable getaddrinfo.
 */
async function pinned(target: ProbeTarget, resolve: HostResolver, timeoutMs: number): Promise<{ target: ProbeTarget } | { failure: ProbeFailure }> {
  if (target.address !== undefined || isIpLiteral(target.host)) return { target };
  try {
    const [address] = await resolve(target.host, timeoutMs);
    if (address === undefined) return { failure: { kind: 'dns', detail: `${target.host} has no addresses`, local: false, serverRefused: false } };
    return { target: { ...target, address } };
  } catch (error) {
    return {
      failure: {
        kind: 'dns',
        detail: `could not resolve ${target.host}: ${error instanceof Error ? error.message : String(error)}`,
        local: false,
        serverRefused: false,
      },
    };
  }
}

/** Probes one endpoint within its total timeout; every failure becomes data, nothing throws. */
export async function probeEndpoint(configured: ProbeTarget, options: ProbeOptions): Promise<EndpointObservation> {
  const observedAt = options.now();
  const startedMs = performance.now();
  const deadline = new Deadline(options.timeouts.totalMs);
  const limits = (): HandshakeLimits => ({ connectMs: deadline.limit(options.timeouts.connectMs), handshakeMs: deadline.limit(options.timeouts.handshakeMs) });
  const resolved = await pinned(configured, options.resolve ?? defaultResolver, deadline.limit(options.timeouts.connectMs));
  const target = 'target' in resolved ? resolved.target : configured;
  const base = {
    url: target.url,
    host: target.host,
    port: target.port,
    ...(target.address ? { address: target.address } : {}),
    engine: 'native' as const,
    observedAt: observedAt.toISOString(),
  };
  const main: HandshakeOutcome =
    'failure' in resolved
      ? { ok: false, failure: resolved.failure }
      : await handshake(target, { ...CERTIFICATE_OFFER, alpn: ['h2', 'http/1.1'], requestOcsp: true }, limits());
  if (!main.ok && (main.failure.kind === 'dns' || main.failure.kind === 'refused' || main.failure.kind === 'timeout')) {
    const reason = `endpoint unreachable: ${main.failure.detail}`;
    return {
      ...base,
      durationMs: Math.round(performance.now() - startedMs),
      reachability: { reachable: false, kind: main.failure.kind, detail: main.failure.detail },
      protocols: notMeasured(reason),
      ciphers: notMeasured(reason),
      keyExchanges: notMeasured(reason),
      certificate: notMeasured(reason),
      alpn: notMeasured(reason),
      http: notMeasured(reason),
      hsts: notMeasured(reason),
    };
  }
  const collecting = collectTls(target, main, limits, deadline);
  // The main handshake, or a second one offering what a server that refused it accepts.
  const sessionReady: Promise<Session | undefined> = main.ok
    ? Promise.resolve({ handshake: main, offer: CERTIFICATE_OFFER })
    : collecting.then((collected) => secondSession(target, main, collected.raw, limits()));
  const [session, collected, trust, http, hsts, rawChain] = await Promise.all([
    sessionReady,
    collecting,
    sessionReady.then((ready) => (ready ? trustOf(target, ready, limits()) : undefined)),
    sessionReady.then((ready) => followHttpChain(target, options.timeouts, deadline, ready?.offer)),
    sessionReady.then((ready) => (ready ? observeHsts(target, limits(), ready.offer) : undefined)),
    // No handshake gave a certificate: read it from the raw handshake (TLS ≤ 1.2 sends it in clear).
    Promise.all([sessionReady, collecting]).then(([ready, collected]) => (ready?.handshake.peer ? undefined : readRawChain(target, collected.raw, limits()))),
  ]);
  const protocols = protocolsOf(collected);
  const anyAccepted = protocols.status === 'measured' && Object.values(protocols.value).some(Boolean);
  const mainFailure = main.ok ? '' : main.failure.detail;
  // The server took the handshake and then broke it (an excessive message, a hang mid-way): the
  // facts only this handshake gives failed to be measured. A refusal or our own client's leaves them not measured.
  const withoutMain = <T>(): Measurement<T> =>
    !main.ok && !main.failure.local && !main.failure.serverRefused
      ? { status: 'error', reason: `the handshake failed: ${mainFailure}` }
      : notMeasured(`no handshake completed with our client: ${mainFailure}`);
  const handshakes = [...NODE_VERSIONS.map((version) => collected.versions[version]), ...collected.tls13.found, ...collected.dhe.found].filter(
    (outcome): outcome is HandshakeSuccess => outcome.ok,
  );
  return {
    ...base,
    durationMs: Math.round(performance.now() - startedMs),
    reachability: main.ok || anyAccepted ? { reachable: true } : { reachable: false, kind: main.ok ? 'protocol' : main.failure.kind, detail: mainFailure },
    protocols,
    ciphers: anyAccepted ? ciphersOf(collected) : notMeasured(`no protocol version accepted: ${mainFailure}`),
    keyExchanges: collected.dhe.failures.length
      ? { status: 'error', reason: `DH group size not measured (${collected.dhe.failures.join('; ')})` }
      : handshakes.length
        ? { status: 'measured', value: handshakes.flatMap(keyExchangeOf) }
        : notMeasured('no handshake completed with our client'),
    certificate: rawChain ? observeRawCertificate(target, rawChain, observedAt) : session ? certificateOf(target, session.handshake, trust) : withoutMain(),
    alpn: session
      ? { status: 'measured', value: session.handshake.alpn ? [session.handshake.alpn] : [] }
      : // SSLv3 carries no ALPN (HTTP/2 needs TLS 1.2): a server that speaks nothing newer offers none.
        rawChain?.ok
        ? { status: 'measured', value: rawChain.alpn ? [rawChain.alpn] : [] }
        : withoutMain(),
    http,
    hsts: hsts ?? withoutMain(),
  };
}

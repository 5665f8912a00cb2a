import { makeFinding, type EndpointLocation, type Evidence, type Finding, type Severity } from '../model/finding.js';
import type { UnknownOutcome } from '../model/report.js';
import { cipherSuiteByName, type CipherSuite } from './cipher-suites.js';
import { parseHsts } from './hsts-header.js';
import type {
  AcceptedCipher,
  CertificateInfo,
  CertificateObservation,
  EndpointObservation,
  HstsObservation,
  HttpObservation,
  KeyExchange,
  Measurement,
  TlsVersion,
} from './model.js';
import type { TlsProfile } from './profiles/types.js';
import { ENDPOINT_RULE, type EndpointRuleId } from './rules.js';

export interface EndpointEvaluation {
  findings: Finding[];
  /** Rules that could not decide because a fact was not measured. */
  unknown: UnknownOutcome[];
}

interface Emit {
  message: string;
  /** Distinguishes several findings of one rule at one endpoint (a version, a suite). */
  detail?: string;
  evidence?: Evidence;
  /** Overrides both the rule's default and the profile's severity (an escalation for SSLv3...). */
  severity?: Severity;
}

const DAY_MS = 86_400_000;
const LEGACY_VERSIONS: readonly TlsVersion[] = ['SSLv3', 'TLSv1', 'TLSv1.1'];
const REQUIRED_VERSION_RULE: Partial<Record<TlsVersion, EndpointRuleId>> = {
  'TLSv1.2': 'TLS-PROTOCOL-NO-TLS12',
  'TLSv1.3': 'TLS-PROTOCOL-NO-TLS13',
};
/** Elliptic groups whose `bits` undersell their strength (X25519 reports 253). */
const STRONG_EC_GROUPS = new Set(['x25519', 'x448']);
const WEAK_SIGNATURE_HASH = /md2|md4|md5|sha1(?!\d)|sha-1(?!\d)/i;

/** A certificate's subject for messages; X.509 allows an empty one. */
function subjectOf(cert: CertificateInfo): string {
  return cert.subject ?? '(empty subject)';
}

/**
 * A signature algorithm's family and hash size: `sha384WithRSAEncryption` → RSA 384,
 * `ecdsa-with-SHA512` → ECDSA 512, `rsassaPss-with-SHA256` → RSA 256 (RSA-PSS is at least as
 * strong as PKCS#1 v1.5). Ed25519/Ed448 have no separate hash (EdDSA, 512).
 */
function signatureStrength(algorithm: string): { family: string; hashBits: number } | undefined {
  const name = algorithm.toLowerCase();
  if (name === 'ed25519' || name === 'ed448') return { family: 'EdDSA', hashBits: 512 };
  const hashBits = Number(/sha-?(1|224|256|384|512)(?!\d)/.exec(name)?.[1] ?? NaN);
  if (Number.isNaN(hashBits)) return undefined;
  const bits = hashBits === 1 ? 160 : hashBits;
  if (name.includes('ecdsa')) return { family: 'ECDSA', hashBits: bits };
  if (name.includes('rsa')) return { family: 'RSA', hashBits: bits };
  return undefined;
}

/**
 * On the profile's list, or the same family as a listed algorithm with a hash at least as
 * large: SHA-384 and SHA-512 are never weaker than the SHA-256 a profile names. A bare
 * `rsassaPss` on a list means RSA-PSS with SHA-256 or more.
 */
function signatureAllowed(algorithm: string, allowed: readonly string[]): boolean {
  if (allowed.some((entry) => entry.toLowerCase() === algorithm.toLowerCase())) return true;
  const strength = signatureStrength(algorithm);
  if (!strength || strength.hashBits < 256) return false;
  return allowed.some((entry) => {
    const listed = signatureStrength(entry === 'rsassaPss' ? 'rsassaPss-with-SHA256' : entry);
    return listed !== undefined && listed.family === strength.family && listed.hashBits <= strength.hashBits;
  });
}
const PERMANENT_REDIRECTS = new Set([301, 308]);

/** Collects findings and unknowns for one observation against one profile. */
class Evaluation {
  readonly findings: Finding[] = [];
  readonly unknown: UnknownOutcome[] = [];
  readonly location: EndpointLocation;

  constructor(
    readonly observation: EndpointObservation,
    readonly profile: TlsProfile,
    readonly now: Date,
    configLine: number | undefined,
  ) {
    this.location = { kind: 'endpoint', url: observation.url };
    if (observation.address) this.location.address = observation.address;
    if (configLine !== undefined) this.location.configLine = configLine;
  }

  emit(id: EndpointRuleId, { message, detail, evidence, severity }: Emit): void {
    const rule = ENDPOINT_RULE[id];
    this.findings.push(
      makeFinding(rule, {
        message,
        location: this.location,
        subject: detail ? `${this.observation.url}#${detail}` : this.observation.url,
        evidence: evidence ?? {},
        severity: severity ?? this.profile.severity[id] ?? rule.severity,
      }),
    );
  }

  undecided(ids: readonly EndpointRuleId[], message: string): void {
    for (const ruleId of ids) this.unknown.push({ ruleId, location: this.location, message });
  }

  /**
   * The measured value, or undefined after recording the rules that depend on it as unknown.
   * A measurement that failed (the engine tried and the server hung, sent garbage or too much)
   * is also ENDPOINT-MISBEHAVED: what could not be measured must not pass. One that was not
   * made (the engine cannot, or an earlier step decided it) stays unknown alone.
   */
  measured<T>(measurement: Measurement<T>, what: string, ids: readonly EndpointRuleId[]): T | undefined {
    if (measurement.status === 'measured') return measurement.value;
    const verb = measurement.status === 'error' ? 'failed to measure' : 'did not measure';
    this.undecided(ids, `${this.observation.engine} engine ${verb} ${what}: ${measurement.reason}`);
    if (measurement.status === 'error') {
      this.emit('ENDPOINT-MISBEHAVED', {
        message: `Could not measure ${what} at ${this.observation.url}: ${measurement.reason}; expected the server to answer a standard client within the probe budget.`,
        detail: what,
        evidence: { actual: measurement.reason, expected: 'a measurable answer', measurement: what },
      });
    }
    return undefined;
  }
}

/**
 * Judges what an engine saw at one endpoint against a profile. Pure: the clock comes in as
 * `now`. An unreachable endpoint yields ENDPOINT-UNREACHABLE alone; a fact that was not
 * measured yields an unknown outcome for the rules that need it, never a pass or a fail.
 * `configLine` (where the endpoint is declared) goes into every outcome's location.
 */
export function evaluateEndpoint(observation: EndpointObservation, profile: TlsProfile, now: Date, configLine?: number): EndpointEvaluation {
  const evaluation = new Evaluation(observation, profile, now, configLine);
  const { reachability } = observation;
  if (!reachability.reachable) {
    evaluation.emit('ENDPOINT-UNREACHABLE', {
      message: `Could not probe ${observation.url}: ${reachability.kind} (${reachability.detail}); expected a TLS handshake to complete.`,
      evidence: { actual: reachability.kind, expected: 'reachable', kind: reachability.kind, detail: reachability.detail },
    });
    return { findings: evaluation.findings, unknown: [] };
  }
  evaluateProtocols(evaluation);
  evaluateCiphers(evaluation);
  evaluateKeyExchanges(evaluation);
  evaluateCertificate(evaluation);
  evaluateAlpn(evaluation);
  evaluateRedirects(evaluation);
  evaluateHsts(evaluation);
  return { findings: evaluation.findings, unknown: evaluation.unknown };
}

function evaluateProtocols(evaluation: Evaluation): void {
  const { profile } = evaluation;
  const ids: EndpointRuleId[] = ['TLS-PROTOCOL-LEGACY', 'TLS-PROTOCOL-NOT-ALLOWED', 'TLS-PROTOCOL-NO-TLS12', 'TLS-PROTOCOL-NO-TLS13'];
  const protocols = evaluation.measured(evaluation.observation.protocols, 'the accepted protocol versions', ids);
  if (!protocols) return;
  const allowed = profile.protocols.allowed.join(', ');
  for (const [version, accepted] of Object.entries(protocols) as [TlsVersion, boolean | undefined][]) {
    if (!accepted || profile.protocols.allowed.includes(version)) continue;
    const legacy = LEGACY_VERSIONS.includes(version);
    evaluation.emit(legacy ? 'TLS-PROTOCOL-LEGACY' : 'TLS-PROTOCOL-NOT-ALLOWED', {
      message: `Accepts ${version}; profile ${profile.name} allows only ${allowed}.`,
      detail: version,
      evidence: { actual: version, expected: profile.protocols.allowed },
      ...(version === 'SSLv3' ? { severity: 'critical' as const } : {}),
    });
  }
  for (const version of profile.protocols.required) {
    const id = REQUIRED_VERSION_RULE[version];
    if (!id) continue;
    const accepted = protocols[version];
    if (accepted === undefined) {
      evaluation.undecided([id], `${version} support was not tested.`);
    } else if (!accepted) {
      evaluation.emit(id, {
        message: `Does not accept ${version}; profile ${profile.name} requires ${profile.protocols.required.join(' and ')}.`,
        evidence: { actual: acceptedVersions(protocols), expected: profile.protocols.required },
      });
    }
  }
}

function acceptedVersions(protocols: Partial<Record<TlsVersion, boolean>>): TlsVersion[] {
  return (Object.entries(protocols) as [TlsVersion, boolean | undefined][]).filter(([, accepted]) => accepted).map(([version]) => version);
}

/** Each accepted suite once, with every version it was accepted with. */
function groupBySuite(ciphers: AcceptedCipher[], evaluation: Evaluation): Map<CipherSuite, TlsVersion[]> {
  const groups = new Map<CipherSuite, TlsVersion[]>();
  for (const { name, version } of ciphers) {
    const suite = cipherSuiteByName(name);
    if (!suite) {
      evaluation.undecided(
        ['TLS-CIPHER-WEAK', 'TLS-CIPHER-NO-FORWARD-SECRECY', 'TLS-CIPHER-NOT-ALLOWED'],
        `Accepted cipher suite "${name}" (${version}) is not in the cipher-suite table.`,
      );
      continue;
    }
    const versions = groups.get(suite) ?? [];
    if (!versions.includes(version)) versions.push(version);
    groups.set(suite, versions);
  }
  return groups;
}

function evaluateCiphers(evaluation: Evaluation): void {
  const { profile } = evaluation;
  const ids: EndpointRuleId[] = ['TLS-CIPHER-WEAK', 'TLS-CIPHER-NO-FORWARD-SECRECY', 'TLS-CIPHER-NOT-ALLOWED'];
  const ciphers = evaluation.measured(evaluation.observation.ciphers, 'the accepted cipher suites', ids);
  if (!ciphers) return;
  for (const [suite, versions] of groupBySuite(ciphers, evaluation)) {
    const evidence = { actual: suite.iana, openssl: suite.openssl, versions };
    if (suite.weak.length) {
      const broken = suite.weak.some((weakness) => weakness === 'NULL' || weakness === 'anon' || weakness === 'EXPORT');
      evaluation.emit('TLS-CIPHER-WEAK', {
        message: `Accepts ${suite.iana} (${suite.weak.join(', ')}) with ${versions.join(', ')}; expected no NULL, anonymous, EXPORT, DES, 3DES, RC4, RC2 or IDEA suite.`,
        detail: suite.iana,
        evidence: { ...evidence, expected: 'no weak suites', weak: suite.weak },
        ...(broken ? { severity: 'critical' as const } : {}),
      });
    } else if (!suite.forwardSecrecy) {
      evaluation.emit('TLS-CIPHER-NO-FORWARD-SECRECY', {
        message: `Accepts ${suite.iana} (${suite.keyExchange} key exchange, no forward secrecy) with ${versions.join(', ')}; expected only ECDHE/DHE suites.`,
        detail: suite.iana,
        evidence: { ...evidence, expected: 'ECDHE or DHE key exchange', keyExchange: suite.keyExchange },
      });
    } else {
      const allowedVersions = versions.filter((version) => profile.protocols.allowed.includes(version));
      const allowedSuites = suite.tls13 ? profile.tls13CipherSuites : profile.tls12CipherSuites;
      if (!allowedVersions.length || allowedSuites.includes(suite.iana)) continue;
      evaluation.emit('TLS-CIPHER-NOT-ALLOWED', {
        message: `Accepts ${suite.iana} with ${allowedVersions.join(', ')}; not on profile ${profile.name}'s ${suite.tls13 ? 'TLS 1.3' : 'TLS 1.2'} list.`,
        detail: suite.iana,
        evidence: { ...evidence, expected: allowedSuites },
      });
    }
  }
}

function evaluateKeyExchanges(evaluation: Evaluation): void {
  const { minKeyBits, name } = evaluation.profile;
  const exchanges = evaluation.measured(evaluation.observation.keyExchanges, 'the ephemeral key exchange', ['TLS-DH-WEAK']);
  if (!exchanges) return;
  const reported = new Set<string>();
  for (const exchange of exchanges) {
    const minimum = minimumBits(exchange, minKeyBits);
    if (minimum === undefined || exchange.bits >= minimum) continue;
    const label = `${exchange.type}${exchange.group ? ` ${exchange.group}` : ''} ${exchange.bits} bits`;
    if (reported.has(label)) continue;
    reported.add(label);
    evaluation.emit('TLS-DH-WEAK', {
      message: `Ephemeral key exchange ${label} (${exchange.version}, ${exchange.cipher}); profile ${name} requires at least ${minimum} bits.`,
      detail: label,
      evidence: { actual: exchange.bits, expected: minimum, type: exchange.type, group: exchange.group, version: exchange.version, cipher: exchange.cipher },
    });
  }
}

function minimumBits(exchange: KeyExchange, minKeyBits: TlsProfile['minKeyBits']): number | undefined {
  if (exchange.type.toUpperCase() === 'DH') return minKeyBits.dh;
  if (exchange.type.toUpperCase() !== 'ECDH') return undefined;
  return exchange.group && STRONG_EC_GROUPS.has(exchange.group.toLowerCase()) ? undefined : minKeyBits.ec;
}

const CERTIFICATE_RULES: EndpointRuleId[] = [
  'CERT-UNTRUSTED',
  'CERT-CHAIN-INCOMPLETE',
  'CERT-HOSTNAME-MISMATCH',
  'CERT-EXPIRED',
  'CERT-NOT-YET-VALID',
  'CERT-EXPIRING-SOON',
  'CERT-LIFESPAN-TOO-LONG',
  'CERT-WEAK-KEY',
  'CERT-WEAK-SIGNATURE',
  'CERT-OCSP-NOT-STAPLED',
];
/** Trust errors a more specific rule already reports. */
const VALIDITY_TRUST_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

function evaluateCertificate(evaluation: Evaluation): void {
  const certificate = evaluation.measured(evaluation.observation.certificate, 'the certificate', CERTIFICATE_RULES);
  if (!certificate) return;
  const [leaf] = certificate.chain;
  if (!leaf) {
    evaluation.undecided(CERTIFICATE_RULES, 'The server sent no certificate.');
    return;
  }
  evaluateTrust(evaluation, certificate, leaf);
  evaluateValidity(evaluation, leaf);
  evaluateKey(evaluation, leaf);
  evaluateSignatures(evaluation, certificate.chain);
  if (leaf.ocspUrls.length && evaluation.profile.requireOcspStapling && !certificate.ocspStapled) {
    evaluation.emit('CERT-OCSP-NOT-STAPLED', {
      message: `No OCSP response stapled although the certificate names ${leaf.ocspUrls.join(', ')}; profile ${evaluation.profile.name} expects stapling.`,
      evidence: { actual: 'not stapled', expected: 'stapled', ocspUrls: leaf.ocspUrls },
    });
  }
}

function evaluateTrust(evaluation: Evaluation, certificate: CertificateObservation, leaf: CertificateInfo): void {
  const { host } = evaluation.observation;
  if (!certificate.chainComplete) {
    evaluation.emit('CERT-CHAIN-INCOMPLETE', {
      message: `The server sent ${certificate.chain.length} certificate(s) without the intermediate that links "${leaf.issuer ?? '(no issuer)'}" to a trust anchor; expected the full chain.`,
      evidence: { actual: certificate.chain.map(subjectOf), expected: 'leaf and every intermediate', issuer: leaf.issuer },
    });
  } else if (!certificate.trusted && !VALIDITY_TRUST_ERRORS.has(certificate.trustError ?? '')) {
    evaluation.emit('CERT-UNTRUSTED', {
      message: `Certificate "${subjectOf(leaf)}" issued by "${leaf.issuer ?? '(no issuer)'}" does not verify (${certificate.trustError ?? 'unknown reason'}${leaf.selfSigned ? ', self-signed' : ''}); expected a chain to a trusted root.`,
      evidence: { actual: certificate.trustError ?? 'untrusted', expected: 'trusted chain', issuer: leaf.issuer, selfSigned: leaf.selfSigned },
    });
  }
  if (!certificate.hostnameMatches) {
    evaluation.emit('CERT-HOSTNAME-MISMATCH', {
      message: leaf.subjectAltNames.length
        ? `Certificate names ${leaf.subjectAltNames.join(', ')}; expected it to cover ${host}.`
        : `Certificate "${subjectOf(leaf)}" has no subjectAltName, so it covers no host name (clients ignore the subject CN); expected a SAN for ${host}.`,
      evidence: { actual: leaf.subjectAltNames, expected: host, subject: leaf.subject },
    });
  }
}

function evaluateValidity(evaluation: Evaluation, leaf: CertificateInfo): void {
  const { profile, now } = evaluation;
  const notBefore = Date.parse(leaf.notBefore);
  const notAfter = Date.parse(leaf.notAfter);
  if (Number.isNaN(notBefore) || Number.isNaN(notAfter)) {
    evaluation.undecided(
      ['CERT-EXPIRED', 'CERT-NOT-YET-VALID', 'CERT-EXPIRING-SOON', 'CERT-LIFESPAN-TOO-LONG'],
      `Unreadable validity dates "${leaf.notBefore}" / "${leaf.notAfter}".`,
    );
    return;
  }
  const validity = { notBefore: leaf.notBefore, notAfter: leaf.notAfter, now: now.toISOString() };
  const daysLeft = Math.floor((notAfter - now.getTime()) / DAY_MS);
  if (now.getTime() < notBefore) {
    evaluation.emit('CERT-NOT-YET-VALID', {
      message: `Certificate is valid only from ${leaf.notBefore}; it is now ${validity.now}.`,
      evidence: { actual: leaf.notBefore, expected: `on or before ${validity.now}`, ...validity },
    });
  } else if (now.getTime() > notAfter) {
    evaluation.emit('CERT-EXPIRED', {
      message: `Certificate expired on ${leaf.notAfter} (${-daysLeft} days ago); expected a certificate valid now.`,
      evidence: { actual: leaf.notAfter, expected: `after ${validity.now}`, ...validity },
    });
  } else if (daysLeft < profile.expiryWarningDays) {
    evaluation.emit('CERT-EXPIRING-SOON', {
      message: `Certificate expires on ${leaf.notAfter}, in ${daysLeft} days; expected at least ${profile.expiryWarningDays} days left.`,
      evidence: { actual: daysLeft, expected: profile.expiryWarningDays, ...validity },
    });
  }
  const lifespanDays = (notAfter - notBefore) / DAY_MS;
  if (lifespanDays > profile.maxCertificateLifespanDays) {
    evaluation.emit('CERT-LIFESPAN-TOO-LONG', {
      message: `Certificate is valid for ${Math.round(lifespanDays)} days; profile ${profile.name} allows at most ${profile.maxCertificateLifespanDays}.`,
      evidence: { actual: Math.round(lifespanDays), expected: profile.maxCertificateLifespanDays, ...validity },
    });
  }
}

function evaluateKey(evaluation: Evaluation, leaf: CertificateInfo): void {
  const { minKeyBits, name } = evaluation.profile;
  const type = leaf.keyType.toUpperCase();
  const minimum = type === 'RSA' || type === 'DSA' || type === 'RSA-PSS' ? minKeyBits.rsa : type === 'EC' ? minKeyBits.ec : undefined;
  if (minimum === undefined) {
    if (!/^ED(25519|448)$/.test(type)) evaluation.undecided(['CERT-WEAK-KEY'], `Unknown certificate key type "${leaf.keyType}".`);
    return;
  }
  if (!(leaf.keyBits > 0)) {
    evaluation.undecided(['CERT-WEAK-KEY'], `The size of the ${leaf.keyType} certificate key is not known.`);
    return;
  }
  if (leaf.keyBits >= minimum) return;
  evaluation.emit('CERT-WEAK-KEY', {
    message: `Certificate key is ${leaf.keyType} ${leaf.keyBits} bits; profile ${name} requires at least ${minimum}.`,
    evidence: { actual: leaf.keyBits, expected: minimum, keyType: leaf.keyType },
  });
}

function evaluateSignatures(evaluation: Evaluation, chain: CertificateInfo[]): void {
  const { certificateSignatureAlgorithms: allowed, name } = evaluation.profile;
  // A self-signed root's own signature proves nothing and is never checked by clients.
  for (const cert of chain.filter((candidate) => !candidate.selfSigned)) {
    if (signatureAllowed(cert.signatureAlgorithm, allowed)) continue;
    const weakHash = WEAK_SIGNATURE_HASH.test(cert.signatureAlgorithm);
    evaluation.emit('CERT-WEAK-SIGNATURE', {
      message: `Certificate "${subjectOf(cert)}" is signed with ${cert.signatureAlgorithm}${weakHash ? ' (a forgeable hash)' : ''}; profile ${name} allows ${allowed.join(', ')}.`,
      detail: cert.sha256,
      evidence: { actual: cert.signatureAlgorithm, expected: allowed, subject: cert.subject },
      ...(weakHash ? {} : { severity: 'low' as const }),
    });
  }
}

function evaluateAlpn(evaluation: Evaluation): void {
  const alpn = evaluation.measured(evaluation.observation.alpn, 'ALPN', ['HTTP2-NOT-SUPPORTED']);
  if (!alpn || alpn.includes('h2')) return;
  evaluation.emit('HTTP2-NOT-SUPPORTED', {
    message: `ALPN agreed to ${alpn.join(', ') || 'nothing'}; expected h2 to be offered.`,
    evidence: { actual: alpn, expected: 'h2' },
  });
}

const REDIRECT_RULES: EndpointRuleId[] = ['HTTP-NO-REDIRECT', 'HTTP-REDIRECT-TEMPORARY', 'HTTP-REDIRECT-OFF-HOST', 'HTTP-REDIRECT-INSECURE'];

function resolve(location: string | undefined, base: string): URL | undefined {
  if (location === undefined) return undefined;
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}

function evaluateRedirects(evaluation: Evaluation): void {
  const http = evaluation.measured(evaluation.observation.http, 'the plain-HTTP redirect', REDIRECT_RULES);
  if (!http || !http.portOpen) return; // A closed plaintext port cannot leak anything.
  const [first] = http.hops;
  if (!first) {
    evaluation.undecided(REDIRECT_RULES, `${http.start} accepted a connection but gave no answer (${http.stoppedBecause ?? 'no reason recorded'}).`);
    return;
  }
  const firstUrl = resolve(first.url, http.start) ?? new URL(http.start);
  const startHost = firstUrl.hostname.toLowerCase();
  const target = first.status >= 300 && first.status < 400 ? resolve(first.location, firstUrl.href) : undefined;
  const chain = http.hops.map((hop) => `${hop.status} ${hop.url}${hop.location ? ` -> ${hop.location}` : ''}`);
  if (!target) {
    evaluation.emit('HTTP-NO-REDIRECT', {
      message: `${first.url} answered ${first.status}${first.location ? ` with an unusable Location "${first.location}"` : ' without a redirect'}; expected a 301/308 redirect to https://${startHost}.`,
      evidence: { actual: first.status, expected: 'a 301 or 308 redirect to https on the same host', chain },
    });
    return;
  }
  if (target.hostname.toLowerCase() !== startHost) {
    evaluation.emit('HTTP-REDIRECT-OFF-HOST', {
      message: `${first.url} redirects to ${target.href}, another host; expected https://${startHost} first.`,
      evidence: { actual: target.href, expected: `https://${startHost}/...`, chain },
    });
  }
  if (!PERMANENT_REDIRECTS.has(first.status)) {
    evaluation.emit('HTTP-REDIRECT-TEMPORARY', {
      message: `${first.url} redirects with ${first.status}; expected a permanent 301 or 308.`,
      evidence: { actual: first.status, expected: [301, 308], chain },
    });
  }
  evaluateRedirectChain(evaluation, http, target, chain);
}

/** The whole chain: reaches https, never falls back to http, never loops. */
function evaluateRedirectChain(evaluation: Evaluation, http: HttpObservation, firstTarget: URL, chain: string[]): void {
  const insecure = (reason: string, actual: unknown) =>
    evaluation.emit('HTTP-REDIRECT-INSECURE', {
      message: `${http.start}: ${reason}.`,
      evidence: { actual, expected: 'https on the first hop, never back to http, no loop', chain },
    });
  if (firstTarget.protocol !== 'https:') {
    insecure(`the first redirect goes to ${firstTarget.href}, still plain HTTP; expected https`, firstTarget.href);
    return;
  }
  const visited = new Set<string>();
  let reachedHttps = false;
  for (const hop of http.hops) {
    const here = resolve(hop.url, http.start)?.href ?? hop.url;
    visited.add(here);
    const next = hop.status >= 300 && hop.status < 400 ? resolve(hop.location, here) : undefined;
    reachedHttps ||= here.startsWith('https:') || next?.protocol === 'https:';
    if (reachedHttps && next?.protocol === 'http:') {
      insecure(`after reaching https the chain goes back to ${next.href}`, next.href);
      return;
    }
    if (next && visited.has(next.href)) {
      insecure(`the redirect chain loops back to ${next.href}`, next.href);
      return;
    }
  }
  if (http.stoppedBecause && /loop|limit|too many/i.test(http.stoppedBecause)) {
    insecure(`the redirect chain never ends (${http.stoppedBecause})`, http.stoppedBecause);
  }
}

function evaluateHsts(evaluation: Evaluation): void {
  const ids: EndpointRuleId[] = ['HSTS-MISSING', 'HSTS-DUPLICATE', 'HSTS-MAX-AGE-TOO-SHORT', 'HSTS-NO-SUBDOMAINS'];
  const hsts: HstsObservation | undefined = evaluation.measured(evaluation.observation.hsts, 'the HTTPS response headers', ids);
  if (!hsts) return;
  const { minMaxAgeSeconds, requireIncludeSubDomains } = evaluation.profile.hsts;
  const [first] = hsts.headers;
  if (first === undefined) {
    const http = evaluation.observation.http;
    const overHttp = http.status === 'measured' && http.value.hops.some((hop) => hop.url.startsWith('http:') && hop.hsts?.length);
    evaluation.emit('HSTS-MISSING', {
      message: `The HTTPS response has no Strict-Transport-Security header${overHttp ? ' (it is sent only over plain HTTP, where it does not count)' : ''}; expected max-age >= ${minMaxAgeSeconds}.`,
      evidence: { actual: null, expected: `max-age=${minMaxAgeSeconds}; includeSubDomains`, sentOverHttpOnly: overHttp },
    });
    return;
  }
  if (hsts.headers.length > 1) {
    evaluation.emit('HSTS-DUPLICATE', {
      message: `The HTTPS response has ${hsts.headers.length} Strict-Transport-Security headers; expected one (browsers use only the first).`,
      evidence: { actual: hsts.headers, expected: 'one header' },
    });
  }
  const parsed = parseHsts(first);
  if (!parsed.valid) {
    evaluation.emit('HSTS-MISSING', {
      message: `The Strict-Transport-Security header "${first}" is invalid (${parsed.reason}), so browsers ignore it; expected max-age >= ${minMaxAgeSeconds}.`,
      evidence: { actual: first, expected: `max-age=${minMaxAgeSeconds}; includeSubDomains`, reason: parsed.reason },
    });
    return;
  }
  if (parsed.maxAge < minMaxAgeSeconds) {
    evaluation.emit('HSTS-MAX-AGE-TOO-SHORT', {
      message: `HSTS max-age is ${parsed.maxAge} seconds; profile ${evaluation.profile.name} requires at least ${minMaxAgeSeconds}.`,
      evidence: { actual: parsed.maxAge, expected: minMaxAgeSeconds, header: first },
    });
  }
  if (requireIncludeSubDomains && !parsed.includeSubDomains) {
    evaluation.emit('HSTS-NO-SUBDOMAINS', {
      message: `HSTS header "${first}" lacks includeSubDomains; expected it.`,
      evidence: { actual: first, expected: 'includeSubDomains' },
    });
  }
}

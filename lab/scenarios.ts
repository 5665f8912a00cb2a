/**
 * The loopback lab's named scenarios: one good endpoint and one per flaw the endpoint rules
 * know (issue 2's list), each on ephemeral 127.0.0.1 ports with certificates made at run time.
 * Scenarios are rows of data; `startScenario` turns a row into running servers.
 */
import type { SecureVersion } from 'node:tls';
import type { EndpointConfig } from '../checks/config/schema.js';
import { issueLeaf, labAuthority, type Digest, type KeySpec, type RsaPadding } from './certs.js';
import { legacyServer } from './legacy-tls.js';
import { closedPort, LAB_ADDRESS, startHttpServer, startRawServer, startTlsServer, type HttpRoute, type RunningServer } from './servers.js';

export const GOOD_HSTS = 'max-age=63072000; includeSubDomains';
/** The prober records that a response was stapled; it does not parse it, so any bytes do. */
const OCSP_PLACEHOLDER = Buffer.from('hipaa-guard lab OCSP response placeholder');

/** How the plain-HTTP port answers. */
export type HttpBehaviour = 'redirect-301' | 'redirect-302' | 'none' | 'off-host' | 'to-http' | 'loop' | 'hsts-http-only' | 'https-to-http' | 'hang' | 'closed';

interface TlsSetup {
  kind: 'tls';
  key?: KeySpec;
  digest?: Digest;
  names?: string[];
  /** The subject CN instead of the host; `null`: an empty subject. */
  commonName?: string | null;
  /** No subjectAltName extension: the host only in the CN. */
  sanless?: boolean;
  /** Issued directly by the lab root (the endpoint's `ca`), sent without any intermediate. */
  anchorIssued?: boolean;
  padding?: RsaPadding;
  /** The HTTPS page redirects back to plain HTTP. */
  downgrade?: boolean;
  notBeforeDays?: number;
  notAfterDays?: number;
  ocspUrl?: string;
  /** Staple a (placeholder) OCSP response when the client asks. */
  staple?: boolean;
  selfSigned?: boolean;
  /** Send the leaf without its intermediate. */
  leafOnly?: boolean;
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  ciphers?: string;
  h2?: boolean;
  hsts?: string[];
}

interface RawSetup {
  kind: 'hang' | 'garbage' | 'refused';
}

/** A raw server playing what OpenSSL 3 can no longer serve (wire versions, suite code points), sending a good chain for the host. */
interface LegacySetup {
  kind: 'legacy';
  minVersion: number;
  maxVersion: number;
  suites: readonly number[];
}

export interface ScenarioSpec {
  description: string;
  setup: TlsSetup | RawSetup | LegacySetup;
  http?: HttpBehaviour;
}

/** What a well-configured server offers: ECDHE with AES-GCM (TLS 1.2), AES-GCM (TLS 1.3). */
const GOOD_CIPHERS =
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384';
/** Security level 0 lets OpenSSL 3 use a 1024-bit key or a SHA-1-signed certificate. */
const GOOD_CIPHERS_ANY_KEY = `${GOOD_CIPHERS}:@SECLEVEL=0`;
/** TLS 1.0 needs SHA-1 suites and security level 0 in OpenSSL 3. */
const LEGACY_CIPHERS = 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA:AES128-SHA:@SECLEVEL=0';
/** The weak suites Node's OpenSSL 3 still serves: NULL encryption, anonymous DH, static RSA. */
const WEAK_CIPHERS = 'ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA:NULL-SHA:ADH-AES128-SHA:@SECLEVEL=0';
/** RC4-MD5 and RC4-SHA: what an SSLv3-era server offered. */
const RC4_SUITES = [0x0004, 0x0005] as const;
/** 3DES, DES, RC4 and an EXPORT suite (DES-CBC3-SHA, DES-CBC-SHA, RC4-SHA, EXP-RC4-MD5). */
const BROKEN_SUITES = [0x000a, 0x0009, 0x0005, 0x0003] as const;

export const SCENARIOS = {
  good: { description: 'TLS 1.2 and 1.3, trusted 90-day RSA-2048 certificate, h2, 301 to https, HSTS two years', setup: { kind: 'tls' } },
  'legacy-tls': { description: 'also accepts TLS 1.0 and TLS 1.1', setup: { kind: 'tls', minVersion: 'TLSv1', ciphers: LEGACY_CIPHERS } },
  'weak-ciphers': {
    description: 'TLS 1.2 with NULL, anonymous DH and static-RSA suites',
    setup: { kind: 'tls', maxVersion: 'TLSv1.2', ciphers: WEAK_CIPHERS },
  },
  'broken-ciphers': {
    description: 'TLS 1.0 to 1.2 with 3DES, DES, RC4 and EXPORT suites (raw ServerHello and certificate)',
    setup: { kind: 'legacy', minVersion: 0x0301, maxVersion: 0x0303, suites: BROKEN_SUITES },
    http: 'closed',
  },
  sslv3: {
    description: 'an SSLv3-only server offering RC4 (raw ServerHello and certificate)',
    setup: { kind: 'legacy', minVersion: 0x0300, maxVersion: 0x0300, suites: RC4_SUITES },
    http: 'closed',
  },
  expired: { description: 'certificate expired 10 days ago', setup: { kind: 'tls', notBeforeDays: -100, notAfterDays: -10 } },
  'not-yet-valid': { description: 'certificate valid from 10 days from now', setup: { kind: 'tls', notBeforeDays: 10, notAfterDays: 100 } },
  'wrong-host': { description: 'certificate for another host name', setup: { kind: 'tls', names: ['other.lab.test'] } },
  'empty-subject': { description: 'certificate with an empty subject, the host in a critical subjectAltName', setup: { kind: 'tls', commonName: null } },
  'cn-only': { description: 'certificate naming the host in its subject CN only, no subjectAltName', setup: { kind: 'tls', sanless: true } },
  'anchor-issued': { description: 'leaf issued directly by the configured root, sent alone (a complete chain)', setup: { kind: 'tls', anchorIssued: true } },
  'sha384-chain': { description: 'leaf signed with SHA-384 (sha384WithRSAEncryption)', setup: { kind: 'tls', digest: 'sha384' } },
  'rsa-pss-sha512': { description: 'leaf signed with RSASSA-PSS and SHA-512', setup: { kind: 'tls', digest: 'sha512', padding: 'pss' } },
  'self-signed': { description: 'self-signed certificate', setup: { kind: 'tls', selfSigned: true } },
  'rsa-1024': { description: 'RSA-1024 certificate key', setup: { kind: 'tls', key: 'rsa-1024', ciphers: GOOD_CIPHERS_ANY_KEY } },
  'sha1-signature': { description: 'certificate signed with SHA-1', setup: { kind: 'tls', digest: 'sha1', ciphers: GOOD_CIPHERS_ANY_KEY } },
  'expiring-soon': { description: 'certificate expires in 10 days', setup: { kind: 'tls', notBeforeDays: -80, notAfterDays: 10 } },
  'long-lifespan': { description: 'certificate valid for 800 days', setup: { kind: 'tls', notBeforeDays: -10, notAfterDays: 790 } },
  'missing-intermediate': { description: 'server sends the leaf without its intermediate', setup: { kind: 'tls', leafOnly: true } },
  'ocsp-stapled': {
    description: 'certificate names an OCSP responder, server staples a response',
    setup: { kind: 'tls', ocspUrl: 'http://ocsp.lab.test/', staple: true },
  },
  'ocsp-not-stapled': { description: 'certificate names an OCSP responder, server staples nothing', setup: { kind: 'tls', ocspUrl: 'http://ocsp.lab.test/' } },
  'no-redirect': { description: 'plain HTTP answers 200 without redirecting', setup: { kind: 'tls' }, http: 'none' },
  'redirect-302': { description: 'plain HTTP redirects to https with a temporary 302', setup: { kind: 'tls' }, http: 'redirect-302' },
  'redirect-off-host': { description: 'plain HTTP redirects to another host', setup: { kind: 'tls' }, http: 'off-host' },
  'redirect-to-http': { description: 'plain HTTP redirects to another plain-HTTP page that answers 200', setup: { kind: 'tls' }, http: 'to-http' },
  'redirect-loop': { description: 'plain HTTP redirects in a loop', setup: { kind: 'tls' }, http: 'loop' },
  'http-hang': { description: 'the plain-HTTP port accepts connections and never answers', setup: { kind: 'tls' }, http: 'hang' },
  'https-downgrade': {
    description: 'plain HTTP redirects to https, whose page redirects back to plain HTTP',
    setup: { kind: 'tls', downgrade: true },
    http: 'https-to-http',
  },
  'no-hsts': { description: 'HTTPS response without Strict-Transport-Security', setup: { kind: 'tls', hsts: [] } },
  'short-hsts': { description: 'HSTS max-age of one day, no includeSubDomains', setup: { kind: 'tls', hsts: ['max-age=86400'] } },
  'duplicate-hsts': { description: 'two Strict-Transport-Security headers', setup: { kind: 'tls', hsts: [GOOD_HSTS, 'max-age=300'] } },
  'hsts-http-only': { description: 'HSTS sent on the plain-HTTP redirect only', setup: { kind: 'tls', hsts: [] }, http: 'hsts-http-only' },
  'no-h2': { description: 'no ALPN h2', setup: { kind: 'tls', h2: false } },
  'tls13-only': { description: 'accepts TLS 1.3 only', setup: { kind: 'tls', minVersion: 'TLSv1.3' } },
  hang: { description: 'accepts TCP connections and never answers', setup: { kind: 'hang' }, http: 'closed' },
  garbage: { description: 'answers the ClientHello with non-TLS bytes', setup: { kind: 'garbage' }, http: 'closed' },
  refused: { description: 'nothing listens on the port', setup: { kind: 'refused' }, http: 'closed' },
} as const satisfies Record<string, ScenarioSpec>;

export type ScenarioName = keyof typeof SCENARIOS;
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

/** The lab's trust anchor as an endpoint's `ca` path; `readLabFile` serves it. */
export const LAB_CA_FILE = 'lab/hipaa-guard-lab-root.pem';

export interface LabScenario {
  name: string;
  description: string;
  /** Ready for checkEndpoints: host-name URLs, `address: 127.0.0.1`, `ca: LAB_CA_FILE`. */
  endpoint: EndpointConfig;
  /** The lab root CA, PEM. */
  caPem: string;
  stop(): Promise<void>;
}

function httpRoute(behaviour: HttpBehaviour, host: string, tlsPort: number): (path: string, port: number) => HttpRoute {
  const https = `https://${host}:${tlsPort}`;
  return (path, port) => {
    const plain = `http://${host}:${port}`;
    switch (behaviour) {
      case 'none':
        return { status: 200 };
      case 'redirect-302':
        return { status: 302, location: `${https}${path}` };
      case 'off-host':
        return { status: 301, location: 'https://elsewhere.example.org/' };
      case 'to-http':
        return path === '/plain' ? { status: 200 } : { status: 301, location: `${plain}/plain` };
      case 'loop':
        return { status: 301, location: path === '/a' ? `${plain}/b` : `${plain}/a` };
      case 'hsts-http-only':
        return { status: 301, location: `${https}${path}`, hsts: GOOD_HSTS };
      case 'https-to-http':
        return path === '/plain' ? { status: 200 } : { status: 301, location: `${https}${path}` };
      default:
        return { status: 301, location: `${https}${path}` };
    }
  };
}

/** Where a scenario listens and what name it serves: a lab host name on 127.0.0.1, or the IPv6 literal ::1. */
interface Place {
  /** Host name, or IP literal, the certificate names. */
  host: string;
  /** As written in a URL: `[::1]` for IPv6. */
  urlHost: string;
  address: string;
  /** The plain-HTTP port, once it listens (an HTTPS page may redirect there). */
  httpPort: number;
}

async function startTls(setup: TlsSetup, place: Place): Promise<RunningServer> {
  const ca = await labAuthority();
  const names = setup.names ?? [place.host];
  const leaf = await issueLeaf({
    names: setup.sanless ? [] : names,
    commonName: setup.commonName === undefined ? (names[0] ?? place.host) : setup.commonName,
    ...(setup.anchorIssued ? { issuer: 'root' as const } : {}),
    ...(setup.padding ? { padding: setup.padding } : {}),
    ...(setup.key ? { key: setup.key } : {}),
    ...(setup.digest ? { digest: setup.digest } : {}),
    ...(setup.notBeforeDays !== undefined ? { notBeforeDays: setup.notBeforeDays } : {}),
    ...(setup.notAfterDays !== undefined ? { notAfterDays: setup.notAfterDays } : {}),
    ...(setup.ocspUrl ? { ocspUrl: setup.ocspUrl } : {}),
    ...(setup.selfSigned ? { selfSigned: true } : {}),
  });
  const chain = setup.leafOnly || setup.selfSigned || setup.anchorIssued ? [leaf.pem] : [leaf.pem, ca.intermediate.pem];
  return startTlsServer({
    address: place.address,
    // Only the downgrade scenario's HTTPS page redirects (back to plain HTTP).
    redirect: (path) => (path === '/' && place.httpPort && setup.downgrade ? `http://${place.urlHost}:${place.httpPort}/plain` : undefined),
    keyPem: leaf.keyPem,
    certPem: chain,
    h2: setup.h2 ?? true,
    hsts: setup.hsts ?? [GOOD_HSTS],
    ...(setup.minVersion ? { minVersion: setup.minVersion } : {}),
    ...(setup.maxVersion ? { maxVersion: setup.maxVersion } : {}),
    ciphers: setup.ciphers ?? GOOD_CIPHERS,
    ...(setup.staple ? { ocspResponse: OCSP_PLACEHOLDER } : {}),
  });
}

async function startTlsSide(setup: TlsSetup | RawSetup | LegacySetup, place: Place): Promise<RunningServer> {
  switch (setup.kind) {
    case 'tls':
      return startTls(setup, place);
    case 'legacy': {
      // A good chain for the host: what such a server gets right is measured from its raw handshake too.
      const [ca, leaf] = await Promise.all([labAuthority(), issueLeaf({ names: [place.host] })]);
      return startRawServer({ kind: 'reply', reply: legacyServer({ ...setup, certificates: [leaf.x509.raw, ca.intermediate.x509.raw] }) });
    }
    case 'refused':
      return { port: await closedPort(), close: () => Promise.resolve() };
    default:
      return startRawServer({ kind: setup.kind });
  }
}

export interface ScenarioOptions {
  /** Serve on ::1 as `https://[::1]:port/` (no host name, no address override) instead of a lab name on 127.0.0.1. */
  ipv6?: boolean;
}

/** Starts one scenario's HTTPS and plain-HTTP servers; `name` defaults to the scenario's own. */
export async function startScenario(scenario: ScenarioName, name: string = scenario, options: ScenarioOptions = {}): Promise<LabScenario> {
  const spec: ScenarioSpec = SCENARIOS[scenario];
  const place: Place = options.ipv6
    ? { host: '::1', urlHost: '[::1]', address: '::1', httpPort: 0 }
    : { host: `${name}.lab.test`, urlHost: `${name}.lab.test`, address: LAB_ADDRESS, httpPort: 0 };
  const [tls, ca] = await Promise.all([startTlsSide(spec.setup, place), labAuthority()]);
  const behaviour = spec.http ?? 'redirect-301';
  const http: RunningServer =
    behaviour === 'closed'
      ? { port: await closedPort(), close: () => Promise.resolve() }
      : behaviour === 'hang'
        ? await startRawServer({ kind: 'hang' })
        : await startHttpServer(httpRoute(behaviour, place.urlHost, tls.port), place.address);
  place.httpPort = http.port;
  return {
    name,
    description: spec.description,
    endpoint: {
      url: `https://${place.urlHost}:${tls.port}/`,
      http: `http://${place.urlHost}:${http.port}/`,
      ...(options.ipv6 ? {} : { address: LAB_ADDRESS }),
      ca: LAB_CA_FILE,
    },
    caPem: ca.root.pem,
    stop: async () => {
      await Promise.all([tls.close(), http.close()]);
    },
  };
}

/**
 * Keeps repository-configured endpoints from turning the prober against its own host:
 * resolve the name once, refuse internal addresses, and pin the probe to the address checked
 * (the endpoint's `address` override), so a second DNS answer cannot point elsewhere.
 */
import { BlockList, isIP } from 'node:net';
import { isCidr, type EndpointConfig } from '../config/schema.js';
import type { ErroredOutcome } from '../model/report.js';

/** Resolves a host name to every address it has (e.g. `dns.promises.lookup(host, { all: true })`). */
export type Resolver = (host: string) => Promise<string[]>;

export interface AddressGuardOptions {
  resolve: Resolver;
  /** CIDRs an operator allows although they are internal (e.g. a test network). */
  allow?: readonly string[];
  /** Longest wait for the resolver; default 5000 ms. */
  resolveTimeoutMs?: number;
}

export type GuardVerdict = { allowed: true; endpoint: EndpointConfig; address: string } | { allowed: false; refusal: ErroredOutcome };

export interface GuardedEndpoints {
  /** The allowed endpoints, each with `address` set to the address that was checked. */
  endpoints: EndpointConfig[];
  /** One errored outcome (category `config`) per refused endpoint. */
  refused: ErroredOutcome[];
}

/** Ranges no repository may point the prober at, with the words the refusal uses. */
const FORBIDDEN_RANGES: readonly { cidr: string; label: string }[] = [
  { cidr: '0.0.0.0/8', label: 'unspecified ("this network")' },
  { cidr: '10.0.0.0/8', label: 'private (RFC 1918)' },
  { cidr: '100.64.0.0/10', label: 'carrier-grade NAT (RFC 6598)' },
  { cidr: '127.0.0.0/8', label: 'loopback' },
  { cidr: '169.254.0.0/16', label: 'link-local (includes cloud metadata 169.254.169.254)' },
  { cidr: '172.16.0.0/12', label: 'private (RFC 1918)' },
  { cidr: '192.0.0.0/24', label: 'IETF protocol assignments' },
  { cidr: '192.168.0.0/16', label: 'private (RFC 1918)' },
  { cidr: '198.18.0.0/15', label: 'benchmarking (RFC 2544)' },
  { cidr: '224.0.0.0/4', label: 'multicast' },
  { cidr: '240.0.0.0/4', label: 'reserved or broadcast' },
  { cidr: '::/128', label: 'unspecified' },
  { cidr: '::1/128', label: 'loopback' },
  { cidr: 'fe80::/10', label: 'link-local' },
  { cidr: 'fec0::/10', label: 'site-local (deprecated)' },
  { cidr: 'fc00::/7', label: 'unique-local (includes fd00::/8)' },
  { cidr: 'ff00::/8', label: 'multicast' },
];

const forbidden = FORBIDDEN_RANGES.map(({ cidr, label }) => ({ label, list: blockListOf([cidr]) }));

function blockListOf(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address = '', prefix = ''] = cidr.split('/');
    list.addSubnet(address, Number(prefix), isIP(address) === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

function familyOf(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 4 ? 'ipv4' : 'ipv6';
}

/**
 * IPv6 prefixes whose last 32 bits are an IPv4 address the packet ends up at: NAT64's well-known
 * prefix (RFC 6052; an IPv6-only host with a NAT64 gateway reaches `64:ff9b::a00:1` as 10.0.0.1)
 * and the deprecated IPv4-compatible form. The local-use NAT64 prefix is refused whole.
 */
const EMBEDDING = [
  { list: blockListOf(['64:ff9b::/96']), via: 'NAT64 64:ff9b::/96' },
  { list: blockListOf(['::/96']), via: 'an IPv4-compatible IPv6 address' },
];
const NAT64_LOCAL = blockListOf(['64:ff9b:1::/48']);

/** The IPv4 address in the last 32 bits of an IPv6 address. */
function embeddedIpv4(address: string): string {
  const plain = address.split('%')[0] ?? address;
  const host = new URL(`http://[${plain}]/`).hostname.slice(1, -1);
  const [head = '', tail] = host.split('::');
  const headWords = head ? head.split(':') : [];
  const tailWords = tail ? tail.split(':') : [];
  const words = [...headWords, ...Array<string>(8 - headWords.length - tailWords.length).fill('0'), ...tailWords].map((word) => parseInt(word, 16));
  const [high = 0, low = 0] = words.slice(6);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/**
 * Why an address may not be probed (`loopback`, `private (RFC 1918)`...), or `undefined` when
 * it may. IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`) count as their IPv4 address, and so
 * do NAT64 (`64:ff9b::7f00:1`) and IPv4-compatible (`::127.0.0.1`) ones.
 */
export function forbiddenRangeOf(address: string): string | undefined {
  if (isIP(address) === 0) return 'not an IP address';
  const family = familyOf(address);
  const direct = forbidden.find(({ list }) => list.check(address, family))?.label;
  if (direct !== undefined || family === 'ipv4') return direct;
  if (NAT64_LOCAL.check(address, 'ipv6')) return 'NAT64 local-use (RFC 8215)';
  const embedding = EMBEDDING.find(({ list }) => list.check(address, 'ipv6'));
  if (!embedding) return undefined;
  const ipv4 = embeddedIpv4(address);
  const range = forbidden.find(({ list }) => list.check(ipv4, 'ipv4'))?.label;
  return range === undefined ? undefined : `${range}, reached through ${embedding.via} (${ipv4})`;
}

/**
 * Parses the operator's allowlist (`HIPAA_GUARD_ALLOW_NETWORKS`): comma-separated CIDRs,
 * blanks ignored. Throws an Error naming the first entry that is not a CIDR.
 */
export function parseAllowNetworks(text: string): string[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const bad = entries.find((entry) => !isCidr(entry));
  if (bad !== undefined) throw new Error(`"${bad}" is not a CIDR; write ranges such as 127.0.0.1/32,10.20.0.0/16`);
  return entries;
}

function hostOf(url: string): string {
  const host = new URL(url).hostname;
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

async function resolveWithin(resolve: Resolver, host: string, timeoutMs: number): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([resolve(host), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Decides whether one endpoint may be probed. The address checked is an explicit `address`
 * override, the URL's IP literal, or every address the name resolves to (one internal answer
 * refuses the endpoint: a name must not mix public and internal addresses to slip through).
 * A plain-HTTP URL on another host is refused too: the address pinned here would not cover it.
 */
export async function checkEndpointAddress(endpoint: EndpointConfig, options: AddressGuardOptions): Promise<GuardVerdict> {
  const refuse = (message: string, category: ErroredOutcome['category'] = 'config'): GuardVerdict => ({
    allowed: false,
    refusal: { category, target: endpoint.url, message, location: { kind: 'endpoint', url: endpoint.url } },
  });
  const host = hostOf(endpoint.url);
  if (endpoint.http !== undefined && hostOf(endpoint.http).toLowerCase() !== host.toLowerCase()) {
    return refuse(`refused to probe: the plain-HTTP URL ${endpoint.http} names another host than ${host}; use the same host`);
  }
  let addresses: string[];
  if (endpoint.address !== undefined) addresses = [endpoint.address];
  else if (isIP(host) !== 0) addresses = [host];
  else {
    try {
      addresses = await resolveWithin(options.resolve, host, options.resolveTimeoutMs ?? 5000);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return refuse(`could not resolve ${host}: ${reason}`, 'connectivity');
    }
    if (addresses.length === 0) return refuse(`could not resolve ${host}: no addresses`, 'connectivity');
  }
  const allowed = blockListOf(options.allow ?? []);
  for (const address of addresses) {
    const range = forbiddenRangeOf(address);
    if (range !== undefined && !allowed.check(address, familyOf(address))) {
      const via = address === host ? '' : ` (${host} resolves to it)`;
      return refuse(`refused to probe ${address}${via}: ${range} addresses are not probed; an operator can allow the range with HIPAA_GUARD_ALLOW_NETWORKS`);
    }
  }
  const [address = ''] = addresses;
  return { allowed: true, address, endpoint: { ...endpoint, address } };
}

/** Checks every endpoint; allowed ones come back pinned to their checked address. */
export async function guardEndpoints(endpoints: readonly EndpointConfig[], options: AddressGuardOptions): Promise<GuardedEndpoints> {
  const verdicts = await Promise.all(endpoints.map((endpoint) => checkEndpointAddress(endpoint, options)));
  return {
    endpoints: verdicts.flatMap((verdict) => (verdict.allowed ? [verdict.endpoint] : [])),
    refused: verdicts.flatMap((verdict) => (verdict.allowed ? [] : [verdict.refusal])),
  };
}

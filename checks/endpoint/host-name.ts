/**
 * Does a certificate cover a host name? Decided from the subjectAltName alone, as browsers and
 * RFC 6125 (6.4.4) do: a certificate without a SAN covers no name, whatever its subject CN says
 * (Node's `tls.checkServerIdentity` still falls back to the CN). Every engine uses this one check.
 */
import { isIP } from 'node:net';

/** `::1`, `0:0:0:0:0:0:0:1` and `0000::0001` → eight 4-digit groups; IPv4 as it is. */
export function canonicalAddress(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((group) => group.padStart(4, '0')).join(':');
}

/** RFC 6125 6.4.3: `*` only as the whole left-most label, over one label, never for a public suffix alone. */
function dnsNameMatches(pattern: string, host: string): boolean {
  const name = pattern.toLowerCase().replace(/\.$/, '');
  if (!name.startsWith('*.')) return name === host;
  const rest = name.slice(2);
  if (rest.split('.').length < 2 || rest.includes('*')) return false;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot + 1) === rest;
}

/**
 * `subjectAltNames` as Node and OpenSSL print them (`DNS:api.example.org`, `IP Address:127.0.0.1`).
 * An IP literal matches only an IP entry, a name only a DNS entry.
 */
export function coversHost(subjectAltNames: readonly string[], host: string): boolean {
  const wanted = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (isIP(wanted)) {
    const address = canonicalAddress(wanted);
    return subjectAltNames.some((entry) => entry.startsWith('IP Address:') && canonicalAddress(entry.slice('IP Address:'.length).trim()) === address);
  }
  return subjectAltNames.some((entry) => entry.startsWith('DNS:') && dnsNameMatches(entry.slice(4).trim(), wanted));
}

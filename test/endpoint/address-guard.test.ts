import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer, type Server, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointConfig } from '../../checks/config/schema.js';
import { checkEndpointAddress, forbiddenRangeOf, guardEndpoints, parseAllowNetworks, type Resolver } from '../../checks/endpoint/address-guard.js';

/** A resolver answering from a fixed table, like a DNS zone the test controls. */
function resolverOf(zone: Record<string, string[]>): Resolver {
  return (host) => {
    const answer = zone[host];
    return answer ? Promise.resolve(answer) : Promise.reject(new Error(`getaddrinfo ENOTFOUND ${host}`));
  };
}

const endpoint = (url: string, extra: Partial<EndpointConfig> = {}): EndpointConfig => ({ url, ...extra });
const noDns: Resolver = () => Promise.reject(new Error('DNS must not be asked'));

describe('forbiddenRangeOf', () => {
  it.each([
    ['169.254.169.254', 'link-local (includes cloud metadata 169.254.169.254)'],
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private (RFC 1918)'],
    ['172.31.255.255', 'private (RFC 1918)'],
    ['192.168.0.10', 'private (RFC 1918)'],
    ['100.64.0.1', 'carrier-grade NAT (RFC 6598)'],
    ['0.0.0.0', 'unspecified ("this network")'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved or broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'unique-local (includes fd00::/8)'],
    ['fc12::1', 'unique-local (includes fd00::/8)'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local (includes cloud metadata 169.254.169.254)'],
    ['64:ff9b::a9fe:a9fe', 'link-local (includes cloud metadata 169.254.169.254), reached through NAT64 64:ff9b::/96 (169.254.169.254)'],
    ['64:ff9b::10.0.0.1', 'private (RFC 1918), reached through NAT64 64:ff9b::/96 (10.0.0.1)'],
    ['64:FF9B:0:0:0:0:7f00:1', 'loopback, reached through NAT64 64:ff9b::/96 (127.0.0.1)'],
    ['64:ff9b:1::a00:1', 'NAT64 local-use (RFC 8215)'],
    ['::127.0.0.1', 'loopback, reached through an IPv4-compatible IPv6 address (127.0.0.1)'],
    ['::c0a8:1', 'private (RFC 1918), reached through an IPv4-compatible IPv6 address (192.168.0.1)'],
  ])('Given %s, it names the range %s', (address, label) => {
    expect(forbiddenRangeOf(address)).toBe(label);
  });

  it.each(['203.0.113.7', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2001:db8::1', '::ffff:203.0.113.7', '64:ff9b::808:808'])(
    'Given the public address %s, it allows it',
    (address) => {
      expect(forbiddenRangeOf(address)).toBeUndefined();
    },
  );
});

describe('checkEndpointAddress', () => {
  it('Given the metadata IP as URL host, when checked, then it is refused as a config outcome naming the range', async () => {
    const verdict = await checkEndpointAddress(endpoint('https://169.254.169.254/latest/meta-data'), { resolve: noDns });
    expect(verdict).toEqual({
      allowed: false,
      refusal: {
        category: 'config',
        target: 'https://169.254.169.254/latest/meta-data',
        message:
          'refused to probe 169.254.169.254: link-local (includes cloud metadata 169.254.169.254) addresses are not probed; an operator can allow the range with HIPAA_GUARD_ALLOW_NETWORKS',
        location: { kind: 'endpoint', url: 'https://169.254.169.254/latest/meta-data' },
      },
    });
  });

  it.each([
    ['https://127.0.0.1:8443', 'loopback'],
    ['https://10.0.0.5', 'private (RFC 1918)'],
    ['https://[::1]:8443', 'loopback'],
  ])('Given the literal %s, when checked, then it is refused (%s)', async (url, label) => {
    const verdict = await checkEndpointAddress(endpoint(url), { resolve: noDns });
    expect(verdict.allowed).toBe(false);
    expect(!verdict.allowed && verdict.refusal.message).toContain(`${label} addresses are not probed`);
  });

  it('Given a name resolving to a private address, when checked, then it is refused and the message names both', async () => {
    const resolve = resolverOf({ 'api.example.org': ['10.20.30.40'] });
    const verdict = await checkEndpointAddress(endpoint('https://api.example.org'), { resolve });
    expect(!verdict.allowed && verdict.refusal.message).toMatch(/^refused to probe 10\.20\.30\.40 \(api\.example\.org resolves to it\): private/);
  });

  it('Given a name with one public and one internal answer, when checked, then it is refused', async () => {
    const resolve = resolverOf({ 'api.example.org': ['203.0.113.7', '127.0.0.1'] });
    const verdict = await checkEndpointAddress(endpoint('https://api.example.org'), { resolve });
    expect(verdict.allowed).toBe(false);
  });

  it('Given a public name, when checked, then the endpoint comes back pinned to the address checked', async () => {
    const resolve = resolverOf({ 'api.example.org': ['203.0.113.7', '2001:db8::7'] });
    const verdict = await checkEndpointAddress(endpoint('https://api.example.org', { profile: 'hipaa' }), { resolve });
    expect(verdict).toEqual({
      allowed: true,
      address: '203.0.113.7',
      endpoint: { url: 'https://api.example.org', profile: 'hipaa', address: '203.0.113.7' },
    });
  });

  it('Given an address override pointing at the metadata service, when checked, then the override is what is refused', async () => {
    const resolve = resolverOf({ 'api.example.org': ['203.0.113.7'] });
    const verdict = await checkEndpointAddress(endpoint('https://api.example.org', { address: '169.254.169.254' }), { resolve });
    expect(!verdict.allowed && verdict.refusal.message).toContain('refused to probe 169.254.169.254 (api.example.org resolves to it)');
  });

  it('Given a plain-HTTP URL on another host, when checked, then it is refused before any lookup', async () => {
    const verdict = await checkEndpointAddress(endpoint('https://api.example.org', { http: 'http://169.254.169.254/' }), { resolve: noDns });
    expect(!verdict.allowed && verdict.refusal.message).toContain('names another host than api.example.org');
  });

  it('Given an unknown name, when checked, then it is a connectivity outcome naming the host', async () => {
    const verdict = await checkEndpointAddress(endpoint('https://nowhere.example.org'), { resolve: resolverOf({}) });
    expect(!verdict.allowed && verdict.refusal).toMatchObject({
      category: 'connectivity',
      message: 'could not resolve nowhere.example.org: getaddrinfo ENOTFOUND nowhere.example.org',
    });
  });

  it('Given a resolver that never answers, when checked, then it gives up after the timeout', async () => {
    const verdict = await checkEndpointAddress(endpoint('https://slow.example.org'), {
      resolve: () => new Promise(() => undefined),
      resolveTimeoutMs: 20,
    });
    expect(!verdict.allowed && verdict.refusal.message).toBe('could not resolve slow.example.org: no answer within 20 ms');
  });

  it('Given an allowlist covering loopback, when checked, then the loopback endpoint is allowed', async () => {
    const verdict = await checkEndpointAddress(endpoint('https://127.0.0.1:8443'), { resolve: noDns, allow: ['127.0.0.0/8'] });
    expect(verdict).toMatchObject({ allowed: true, address: '127.0.0.1' });
  });
});

describe('guardEndpoints', () => {
  it('Given allowed and refused endpoints, when guarded, then each lands on its side in order', async () => {
    const resolve = resolverOf({ 'a.example.org': ['203.0.113.1'], 'b.example.org': ['192.168.1.1'] });
    const result = await guardEndpoints([endpoint('https://a.example.org'), endpoint('https://b.example.org'), endpoint('https://[fd00::1]')], { resolve });
    expect(result.endpoints).toEqual([{ url: 'https://a.example.org', address: '203.0.113.1' }]);
    expect(result.refused.map((refusal) => refusal.target)).toEqual(['https://b.example.org', 'https://[fd00::1]']);
  });
});

describe('parseAllowNetworks', () => {
  it('Given comma-separated CIDRs with blanks, when parsed, then it returns them trimmed', () => {
    expect(parseAllowNetworks(' 127.0.0.1/32, ,fd00::/8 ')).toEqual(['127.0.0.1/32', 'fd00::/8']);
  });

  it('Given a bare address, when parsed, then the error names the entry', () => {
    expect(() => parseAllowNetworks('127.0.0.1/32,10.0.0.1')).toThrow('"10.0.0.1" is not a CIDR');
  });
});

describe('the pinned address against a real TLS server on 127.0.0.1', () => {
  let dir: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'address-guard-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=api.internal.test',
        '-addext',
        'subjectAltName=DNS:api.internal.test',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given the allowlist 127.0.0.1/32, when a name resolving to loopback is checked, then a handshake to the pinned address succeeds', async () => {
    const resolve = resolverOf({ 'api.internal.test': ['127.0.0.1'] });
    const verdict = await checkEndpointAddress(endpoint(`https://api.internal.test:${port}`), { resolve, allow: parseAllowNetworks('127.0.0.1/32') });
    if (!verdict.allowed) throw new Error(verdict.refusal.message);

    const peer = await new Promise<string>((done, fail) => {
      const socket: TLSSocket = connect({ host: verdict.address, port, servername: 'api.internal.test', ca: readFileSync(join(dir, 'cert.pem')) }, () => {
        done(String(socket.getPeerCertificate().subject.CN));
        socket.destroy();
      });
      socket.on('error', fail);
    });
    expect(peer).toBe('api.internal.test');
  });

  it('Given no allowlist, when the same name is checked, then it is refused', async () => {
    const resolve = resolverOf({ 'api.internal.test': ['127.0.0.1'] });
    const verdict = await checkEndpointAddress(endpoint(`https://api.internal.test:${port}`), { resolve });
    expect(verdict.allowed).toBe(false);
  });
});

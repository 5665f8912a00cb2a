import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../checks/config/load-config.js';
import { parseResolve, probeConfig } from '../../cli/probe.js';

const FILE_CONFIG = parseConfig(
  [
    'profile: mozilla-intermediate',
    'fail-on: medium',
    'endpoints:',
    '  - url: https://api.example.org',
    '  - url: https://portal.example.org:8443/login',
    '    ca: certs/root.pem',
    '',
  ].join('\n'),
  'hipaa-guard.yml',
);

describe('parseResolve', () => {
  it('reads HOST:PORT:ADDRESS, IPv6 with or without brackets', () => {
    expect(parseResolve('API.example.org:443:203.0.113.7')).toEqual({ host: 'api.example.org', port: 443, address: '203.0.113.7' });
    expect(parseResolve('api.example.org:8443:[::1]')).toEqual({ host: 'api.example.org', port: 8443, address: '::1' });
    expect(parseResolve('api.example.org:8443:2001:db8::7')).toEqual({ host: 'api.example.org', port: 8443, address: '2001:db8::7' });
  });

  it('explains the expected shape when the value is wrong', () => {
    for (const bad of ['api.example.org:203.0.113.7', 'api.example.org:443:not-an-ip', 'api.example.org:70000:203.0.113.7']) {
      expect(() => parseResolve(bad)).toThrow(`--resolve expects HOST:PORT:ADDRESS such as api.example.org:443:203.0.113.7 (got "${bad}")`);
    }
  });
});

describe('probeConfig', () => {
  it('probes the URLs given, with their --resolve address and --ca', () => {
    const config = probeConfig(
      { urls: ['https://api.example.org/health', 'https://other.example.org:8443/'], resolve: ['api.example.org:443:203.0.113.7'], ca: 'root.pem' },
      undefined,
    );

    expect(config.endpoints).toEqual([
      { url: 'https://api.example.org/health', address: '203.0.113.7', ca: 'root.pem' },
      { url: 'https://other.example.org:8443/', ca: 'root.pem' },
    ]);
    expect(config.profile).toBe('hipaa');
  });

  it("takes the config file's endpoints and settings when no URL is given, options overriding them", () => {
    const config = probeConfig({ urls: [], ca: 'extra.pem', profile: 'mozilla-modern', timeout: '2500', concurrency: '4' }, FILE_CONFIG);

    expect(config.endpoints).toEqual([
      { url: 'https://api.example.org', ca: 'extra.pem', line: 4 },
      { url: 'https://portal.example.org:8443/login', ca: 'certs/root.pem', line: 5 },
    ]);
    expect(config.profile).toBe('mozilla-modern');
    expect(config.probe).toEqual({ timeout: 2500, concurrency: 4, 'on-pull-request': false });
    expect(config['fail-on']).toBe('medium');
  });

  it("lets --engine and --engine-path replace the config file's engine", () => {
    expect(probeConfig({ urls: [] }, FILE_CONFIG)).toMatchObject({ engine: 'native' });
    const config = probeConfig({ urls: [], engine: 'testssl', 'engine-path': '/opt/testssl.sh/testssl.sh' }, FILE_CONFIG);
    expect(config).toMatchObject({ engine: 'testssl', 'engine-path': '/opt/testssl.sh/testssl.sh' });
    expect(() => probeConfig({ urls: [], engine: 'sslyze' }, FILE_CONFIG)).toThrow('--engine must be one of native, tls-scan, testssl (got "sslyze")');
  });

  it('refuses what it cannot probe, saying what to write instead', () => {
    expect(() => probeConfig({ urls: [] }, undefined)).toThrow(
      'nothing to probe: give one or more https:// URLs, or a config file with `endpoints` (--config FILE)',
    );
    expect(() => probeConfig({ urls: ['http://api.example.org'] }, undefined)).toThrow(
      'http://api.example.org: expected an https:// URL such as "https://api.example.org"',
    );
    expect(() => probeConfig({ urls: ['https://a.example.org'], resolve: ['b.example.org:443:203.0.113.7'] }, undefined)).toThrow(
      '--resolve b.example.org:443:203.0.113.7 matches no endpoint being probed',
    );
    expect(() => probeConfig({ urls: ['https://a.example.org'], profile: 'strict' }, undefined)).toThrow(
      '--profile must be one of hipaa, nist-800-52r2, mozilla-intermediate, mozilla-modern (got "strict")',
    );
  });
});

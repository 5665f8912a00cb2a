import { describe, expect, it } from 'vitest';
import { parseConfig, validateConfig } from '../../checks/config/load-config.js';
import { defaultConfig, isCidr } from '../../checks/config/schema.js';
import { configProblemsOf } from '../support/config-problems.js';

describe('parseConfig', () => {
  it('fills every default for an empty file', () => {
    expect(parseConfig('')).toEqual(defaultConfig());
    expect(defaultConfig()).toMatchObject({ profile: 'hipaa', 'fail-on': 'high', engine: 'native', endpoints: [] });
  });

  it('accepts the documented endpoint example', () => {
    const config = parseConfig(`profile: hipaa
endpoints:
  - url: https://api.example.org
    http: http://api.example.org/
    address: 203.0.113.7
    ca: certs/internal-root.pem
`);
    expect(config.endpoints).toEqual([
      { url: 'https://api.example.org', http: 'http://api.example.org/', address: '203.0.113.7', ca: 'certs/internal-root.pem', line: 3 },
    ]);
  });

  it("records the line of each endpoint's url key, wherever the key stands in its entry", () => {
    // Given endpoints whose url is the first and the second key of their entry
    const config = parseConfig(
      [
        '# production endpoints',
        'profile: hipaa',
        'endpoints:',
        '  - url: https://api.example.org',
        '    address: 203.0.113.7',
        '  - http: http://portal.example.org/',
        '    url: https://portal.example.org',
        '',
      ].join('\n'),
    );
    // Then each endpoint knows the line reports point at
    expect(config.endpoints.map((endpoint) => [endpoint.url, endpoint.line])).toEqual([
      ['https://api.example.org', 4],
      ['https://portal.example.org', 7],
    ]);
  });

  it('names the line, the key and what was expected for every problem', () => {
    expect(
      configProblemsOf(`profile: hipaa
endpoints:
  - url: https://api.example.org
    adress: 203.0.113.7
  - url: http://api.example.org
    address: not-an-ip
environments:
  prod:
    identifiers: { cidrs: ["10.0.0.0/33"] }
probe: { timeout: "soon" }
`),
    ).toEqual([
      { path: 'endpoints[0].adress', line: 4, message: expect.stringContaining('unknown key "adress"') },
      { path: 'endpoints[1].url', line: 5, message: expect.stringContaining('expected an https:// URL') },
      { path: 'endpoints[1].address', line: 6, message: expect.stringContaining('expected an IPv4 or IPv6 address') },
      { path: 'environments.prod.identifiers.cidrs[0]', line: 9, message: expect.stringContaining('expected a CIDR') },
      { path: 'probe.timeout', line: 10, message: expect.stringContaining('expected number') },
    ]);
  });

  it('rejects unknown top-level keys instead of ignoring them', () => {
    expect(configProblemsOf('profle: hipaa\n')).toEqual([{ path: 'profle', line: 1, message: expect.stringContaining('unknown key') }]);
  });

  it('suggests the key a misspelt one was meant to be, at any depth', () => {
    expect(configProblemsOf('profle: hipaa\n')[0]?.message).toBe('unknown key "profle"; did you mean "profile"? (see schema/hipaa-guard.schema.json)');
    expect(configProblemsOf('endpoints:\n  - url: https://a.example.org\n    adress: 203.0.113.7\n')[0]?.message).toContain('did you mean "address"?');
    expect(configProblemsOf('environments:\n  prod:\n    identifiers: { acounts: [] }\n')[0]?.message).toContain('did you mean "accounts"?');
    expect(configProblemsOf('infra:\n  terraform: { var-file: [] }\n')[0]?.message).toContain('did you mean "var-files"?');
  });

  it('names no key when nothing is close', () => {
    expect(configProblemsOf('zzzzzzzz: 1\n')[0]?.message).toBe('unknown key "zzzzzzzz"; remove it or check its spelling (see schema/hipaa-guard.schema.json)');
  });

  it('rejects an unknown profile with the allowed values', () => {
    const [problem] = configProblemsOf('\n\nprofile: strict\n');
    expect(problem).toMatchObject({ path: 'profile', line: 3 });
    expect(problem?.message).toMatch(/hipaa.*mozilla-modern/);
  });

  it('turns broken YAML into a ConfigError with the line', () => {
    expect(configProblemsOf('endpoints:\n  - url: [https://a\n')).toEqual([
      { path: '', line: expect.any(Number), message: expect.stringMatching(/^invalid YAML: /) },
    ]);
  });

  it('puts file and line first in the error text', () => {
    expect(() => parseConfig('fail-on: sometimes\n', 'repo/.github/hipaa-guard.yml')).toThrow(/^repo\/\.github\/hipaa-guard\.yml:1: fail-on: /);
  });
});

describe('validateConfig', () => {
  it('points at line 1 when there are no positions (an object from the API)', () => {
    expect(() => validateConfig({ endpoints: [{ url: 'ftp://x' }] }, 'org/.github')).toThrow(/^org\/\.github:1: endpoints\[0\]\.url/);
  });
});

describe('isCidr', () => {
  it.each(['10.10.0.0/16', '0.0.0.0/0', '::/0', 'fd00::/8'])('accepts %s', (cidr) => expect(isCidr(cidr)).toBe(true));
  it.each(['10.10.0.0', '10.0.0.0/33', 'fd00::/129', 'prod/16', '10.0.0.0/16/1', '10.0.0.0/x'])('rejects %s', (cidr) => expect(isCidr(cidr)).toBe(false));
});

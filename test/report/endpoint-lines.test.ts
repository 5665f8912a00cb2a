import { describe, expect, it } from 'vitest';
import { endpointLines } from '../../checks/report/endpoint-lines.js';

describe('endpointLines', () => {
  it('maps each endpoint URL to the line of its url key', () => {
    const config = [
      '# production endpoints',
      'profile: hipaa',
      'endpoints:',
      '  - url: https://api.example.org',
      '    address: 203.0.113.7',
      '  - http: http://portal.example.org/',
      '    url: https://portal.example.org',
      '',
    ].join('\n');

    expect(endpointLines(config)).toEqual(
      new Map([
        ['https://api.example.org', 4],
        ['https://portal.example.org', 7],
      ]),
    );
  });

  it('gives an empty map for text without endpoints or that is not YAML', () => {
    expect(endpointLines('profile: hipaa\n').size).toBe(0);
    expect(endpointLines('endpoints: [\n').size).toBe(0);
    expect(endpointLines('').size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { coversHost } from '../../checks/endpoint/host-name.js';

describe('coversHost', () => {
  it.each([
    [['DNS:api.example.org'], 'api.example.org', true],
    [['DNS:API.Example.org'], 'api.example.ORG.', true],
    [['DNS:*.example.org'], 'api.example.org', true],
    [['DNS:*.example.org'], 'a.b.example.org', false],
    [['DNS:*.example.org'], 'example.org', false],
    [['DNS:*.org'], 'example.org', false],
    [['DNS:a*.example.org'], 'api.example.org', false],
    [['DNS:other.example.org'], 'api.example.org', false],
    [[], 'api.example.org', false],
    [['IP Address:127.0.0.1'], '127.0.0.1', true],
    [['DNS:127.0.0.1'], '127.0.0.1', false],
    [['IP Address:127.0.0.1'], '127.0.0.2', false],
    [['IP Address:0:0:0:0:0:0:0:1'], '::1', true],
    [['IP Address:::1'], '[::1]', true],
    [['DNS:*.0.0.1'], '127.0.0.1', false],
  ])('Given SANs %j, then %s is covered: %s', (names, host, covered) => {
    expect(coversHost(names, host)).toBe(covered);
  });
});

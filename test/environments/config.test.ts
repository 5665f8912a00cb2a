import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../checks/config/load-config.js';
import { configProblemsOf } from '../support/config-problems.js';

describe('environments in the config', () => {
  it('names the line of every invalid glob, CIDR, pattern, account and environment name', () => {
    expect(
      configProblemsOf(`environments:
  production:
    paths: ["infra/prod/**", "infra/[prod/**"]
    identifiers:
      accounts: ["11111111111"]
      cidrs:
        - 10.10.0.0/16
        - 10.10.0.0/40
        - 10.10.0/16
      domains: ["{api,www.example.org"]
      names: ["prod-(*"]
  "stag ing":
    paths: ["infra/staging/**"]
`),
    ).toEqual([
      { path: 'environments.production.paths[1]', line: 3, message: expect.stringContaining('expected a glob pattern') },
      { path: 'environments.production.identifiers.accounts[0]', line: 5, message: 'expected a 12-digit AWS account id' },
      { path: 'environments.production.identifiers.cidrs[1]', line: 8, message: expect.stringContaining('expected a CIDR') },
      { path: 'environments.production.identifiers.cidrs[2]', line: 9, message: expect.stringContaining('expected a CIDR') },
      { path: 'environments.production.identifiers.domains[0]', line: 10, message: expect.stringContaining('expected a glob pattern') },
      { path: 'environments.production.identifiers.names[0]', line: 11, message: expect.stringContaining('expected a glob pattern') },
      { path: 'environments.stag ing', line: 12, message: expect.stringContaining('expected an environment name') },
    ]);
  });

  it('rejects unknown identifier kinds instead of ignoring them', () => {
    expect(configProblemsOf('environments:\n  prod:\n    identifiers:\n      buckets: ["x"]\n')).toEqual([
      { path: 'environments.prod.identifiers.buckets', line: 4, message: expect.stringContaining('unknown key "buckets"') },
    ]);
  });

  it('accepts the documented example and fills empty identifier lists', () => {
    const config = parseConfig(`environments:
  production:
    paths: ["infra/prod/**", "k8s/overlays/prod/**"]
    identifiers:
      accounts: ["111111111111"]
      vpcs: ["vpc-0prod1234"]
      cidrs: ["10.10.0.0/16", "fd00:10::/32"]
      domains: ["api.example.org", "*.prod.example.org"]
      namespaces: ["prod"]
      names: ["*-prod-*", "prod-*"]
  staging:
    paths: ["infra/staging/**"]
    identifiers: { accounts: ["222222222222"], cidrs: ["10.20.0.0/16"], namespaces: ["staging"] }
`);
    expect(config.environments?.staging).toEqual({
      paths: ['infra/staging/**'],
      identifiers: { accounts: ['222222222222'], vpcs: [], cidrs: ['10.20.0.0/16'], domains: [], namespaces: ['staging'], names: [] },
    });
  });
});

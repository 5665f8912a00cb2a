import { describe, expect, it } from 'vitest';
import { moduleNamesOf, planLocator } from '../../../checks/infra/plan/locate-plan.js';
import { readPlanJson } from '../../../checks/infra/plan/plan-json.js';
import { memorySource } from '../../support/memory-source.js';
import { planJson } from './plan-builders.js';

describe('moduleNamesOf', () => {
  it.each([
    ['aws_lb.front', []],
    ['module.edge.aws_lb.front', ['edge']],
    ['module.edge["eu.west[1]"].module.lb[0].aws_lb_listener.https["a\\"b"]', ['edge', 'lb']],
    ['module.a-b.module.c_d["x"].aws_s3_bucket.logs', ['a-b', 'c_d']],
  ])('%s → %j', (address, names) => {
    expect(moduleNamesOf(address)).toEqual(names);
  });
});

describe('planLocator', () => {
  const plan = readPlanJson(
    planJson({
      changes: [
        { address: 'module.app.module.db.aws_db_instance.main', type: 'aws_db_instance', actions: ['create'], after: { storage_encrypted: false } },
        { address: 'module.vendor.module.inner.aws_lb_listener.this', type: 'aws_lb_listener', actions: ['create'], after: { protocol: 'HTTP' } },
      ],
      rootModule: {
        resources: [{ address: 'aws_vpc.main', mode: 'managed', type: 'aws_vpc', name: 'main' }],
        module_calls: {
          app: { source: './modules/app', module: { module_calls: { db: { source: '../db', module: {} } } } },
          vendor: { source: 'git::https://example.org/modules.git//alb?ref=v1', module: { module_calls: { inner: { source: './listener', module: {} } } } },
        },
      },
    }),
    'plan.json',
  );
  const change = (address: string) => plan.resource_changes.find((candidate) => candidate.address === address)!;

  it('finds the root module by what it declares, and follows relative sources from module to module', async () => {
    const files = memorySource({
      'examples/main.tf': 'resource "aws_s3_bucket" "demo" {}\n',
      'live/prod/main.tf':
        'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n\nmodule "app" {\n  source = "./modules/app"\n}\nmodule "vendor" {\n  source = "git::https://example.org/modules.git//alb?ref=v1"\n}\n',
      'live/prod/modules/db/rds.tf': '\nresource "aws_db_instance" "main" {\n  storage_encrypted = false\n}\n',
    });
    const locator = await planLocator(plan, { files });
    expect(locator.rootDir).toBe('live/prod');
    const db = locator.placeOf(change('module.app.module.db.aws_db_instance.main'));
    expect([db.path, db.range, db.locate(['storage_encrypted']), db.found]).toEqual([
      'live/prod/modules/db/rds.tf',
      { startLine: 2, endLine: 4 },
      { startLine: 3, endLine: 3 },
      true,
    ]);
    // a module from git has no folder in the checkout: its source names it, nested local sources below it too
    expect(locator.placeOf(change('module.vendor.module.inner.aws_lb_listener.this')).path).toBe(
      'git::https://example.org/modules.git//alb?ref=v1 → ./listener',
    );
  });
});

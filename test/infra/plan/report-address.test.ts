import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../../checks/infra/plan/analyze-plan.js';
import { renderReport } from '../../../checks/report/render.js';
import type { SarifLog } from '../../../checks/report/sarif.js';
import { ALL_RULES } from '../../../checks/rules/registry.js';
import { memorySource } from '../../support/memory-source.js';
import { listenerPolicyUpdate, planJson } from './plan-builders.js';

const ADDRESS = 'module.edge["a"].aws_lb_listener.https';

describe('reports of a plan show the resource address beside the file and lines', () => {
  it('text, Markdown and SARIF (a logical location) name the full address', async () => {
    // Given a weakened listener in a module instance, mapped to its file in the checkout
    const report = await analyzePlan({
      text: planJson({
        changes: [listenerPolicyUpdate(ADDRESS, 'ELBSecurityPolicy-TLS13-1-2-2021-06', 'ELBSecurityPolicy-2016-08')],
        rootModule: { module_calls: { edge: { source: './modules/edge', module: {} } } },
      }),
      source: 'plan.json',
      now: new Date('2026-02-01T09:00:00Z'),
      files: memorySource({
        'main.tf': 'module "edge" {\n  source = "./modules/edge"\n}\n',
        'modules/edge/lb.tf': 'resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = var.policy\n}\n',
      }),
    });
    // Then each format shows where and which instance
    expect(renderReport(report, 'text', { rules: ALL_RULES })).toContain(`modules/edge/lb.tf:3 (${ADDRESS})`);
    expect(renderReport(report, 'markdown', { rules: ALL_RULES })).toContain(`modules/edge/lb.tf:3 (${ADDRESS})`);
    const sarif = JSON.parse(renderReport(report, 'sarif', { rules: ALL_RULES })) as SarifLog;
    expect(sarif.runs[0]!.results[0]!.locations[0]).toMatchObject({
      physicalLocation: { artifactLocation: { uri: 'modules/edge/lb.tf' }, region: { startLine: 3, endLine: 3 } },
      logicalLocations: [{ fullyQualifiedName: ADDRESS, kind: 'resource' }],
    });
  });
});

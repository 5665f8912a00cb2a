import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FakeGitHub } from '../github/fake-github.js';
import { listenerPolicyUpdate, planJson } from '../infra/plan/plan-builders.js';
import { pullRequestPayload, runBundledAction } from './harness.js';
import { createRepo } from '../support/temp-repo.js';

const EDGE = `resource "aws_lb_listener" "https" {\n  load_balancer_arn = var.lb_arn\n  protocol          = "HTTPS"\n  ssl_policy        = var.ssl_policy\n}\n`;
const ROOT = `module "edge" {\n  source     = "./modules/edge"\n  ssl_policy = var.ssl_policy\n}\n`;
const ADDRESS = 'module.edge.aws_lb_listener.https';

describe('the bundled Action with a plan input', () => {
  it("judges the plan a previous step wrote and annotates the resource block's line", async () => {
    // Given a pull request that changes only a tfvars value (no rule reads it) and the plan that change makes:
    // the module's listener goes from a TLS 1.2+ policy to one that accepts TLS 1.0
    const plan = planJson({
      changes: [listenerPolicyUpdate(ADDRESS, 'ELBSecurityPolicy-TLS13-1-2-2021-06', 'ELBSecurityPolicy-2016-08')],
      rootModule: { module_calls: { edge: { source: './modules/edge', expressions: { ssl_policy: { references: ['var.ssl_policy'] } }, module: {} } } },
    });
    const { dir, shas } = await createRepo([
      { 'infra/main.tf': ROOT, 'infra/modules/edge/main.tf': EDGE, 'infra/prod.tfvars': 'ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n' },
      { 'infra/prod.tfvars': 'ssl_policy = "ELBSecurityPolicy-2016-08"\n', 'infra/plan.json': plan },
    ]);
    const [base, head] = shas as [string, string];
    const github = new FakeGitHub();
    // When the Action runs with `plan: infra/plan.json` against a loopback GitHub
    const run = await runBundledAction({
      repoDir: dir,
      eventName: 'pull_request',
      payload: pullRequestPayload('opened', base, head),
      apiUrl: await github.start(),
      inputs: { plan: 'infra/plan.json' },
    }).finally(() => github.stop());
    // Every request it sent is one GitHub's API description accepts
    expect(github.problems).toEqual([]);
    // Then the check run fails with one annotation on the module's ssl_policy line
    const checkRun = github.checkRuns[0]!;
    expect([checkRun.status, checkRun.conclusion]).toEqual(['completed', 'failure']);
    expect(checkRun.annotations.map((annotation) => [annotation.path, annotation.start_line, annotation.annotation_level])).toEqual([
      ['infra/modules/edge/main.tf', 4, 'failure'],
    ]);
    expect((checkRun.annotations[0] as { message?: string }).message).toContain(ADDRESS);
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(await readFile(run.outputs['report-json']!, 'utf8')) as {
      findings: { ruleId: string; change: string; location: { address?: string } }[];
    };
    expect(report.findings.map((finding) => [finding.ruleId, finding.change, finding.location.address])).toEqual([['IAC-LB-TLS-POLICY', 'weakened', ADDRESS]]);
  });
});

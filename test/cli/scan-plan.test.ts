import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli.js';
import { UsageError } from '../../cli/command.js';
import { scanCommand } from '../../cli/scan.js';
import type { JsonReport } from '../../checks/report/json.js';
import { createTempRepo, tempDir, type TempRepo } from '../support/temp-repo.js';
import { listenerPolicyUpdate, planJson } from '../infra/plan/plan-builders.js';
import { memoryIo } from './memory-io.js';

const STRONG = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
const WEAK = 'ELBSecurityPolicy-TLS-1-1-2017-01';
const LISTENER = (policy: string) => `resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = "${policy}"\n}\n`;
const BUCKET_BLOCK = (status: string) =>
  `resource "aws_s3_bucket_versioning" "phi" {\n  bucket = "phi"\n  versioning_configuration {\n    status = "${status}"\n  }\n}\n`;

/** What `terraform show -json tfplan` prints for the head of the repository below: the listener weakened. */
const PLAN = planJson({
  changes: [listenerPolicyUpdate('aws_lb_listener.https', STRONG, WEAK)],
  rootModule: {
    resources: [
      {
        address: 'aws_lb_listener.https',
        mode: 'managed',
        type: 'aws_lb_listener',
        name: 'https',
        expressions: { protocol: { constant_value: 'HTTPS' }, ssl_policy: { constant_value: WEAK } },
      },
    ],
  },
});

describe('hipaa-guard scan --plan', () => {
  let repo: TempRepo;
  let base: string;
  beforeEach(() => {
    repo = createTempRepo();
    base = repo.commit('base', { 'infra/prod/lb.tf': LISTENER(STRONG), 'infra/prod/s3.tf': BUCKET_BLOCK('Enabled') });
    repo.commit('head', { 'infra/prod/lb.tf': LISTENER(WEAK), 'infra/prod/s3.tf': BUCKET_BLOCK('Suspended') });
    repo.write({ 'infra/prod/plan.json': PLAN });
  });
  afterEach(() => repo.remove());

  it('judges the plan alone: the weakening on its line, with the address, exit 1', async () => {
    const io = memoryIo(repo.dir);
    const code = await scanCommand.run(['--plan', 'infra/prod/plan.json', '--format', 'json'], io);
    expect(code).toBe(1);
    const report = JSON.parse(io.out()) as JsonReport;
    // Only the plan: the bucket's versioning, weakened in git, is not in this plan
    expect(report.findings.map((finding) => [finding.ruleId, finding.change, finding.location])).toEqual([
      ['IAC-LB-TLS-POLICY', 'weakened', { kind: 'file', path: 'infra/prod/lb.tf', startLine: 3, endLine: 3, address: 'aws_lb_listener.https' }],
    ]);
  });

  it('reads the plan from standard input with --plan -; --fail-on never exits 0; --output writes the report', async () => {
    const io = { ...memoryIo(repo.dir), stdin: Readable.from([Buffer.from(PLAN)]) };
    expect(await scanCommand.run(['--plan', '-', '--fail-on', 'never', '--format', 'sarif', '--output', 'out.sarif'], io)).toBe(0);
    expect(readFileSync(join(repo.dir, 'out.sarif'), 'utf8')).toContain('"fullyQualifiedName": "aws_lb_listener.https"');
    expect(io.err()).toMatch(/^sarif report written to out\.sarif: /);
  });

  it("with a git diff too, reports each problem once: the plan's, and what only the diff saw", async () => {
    const io = memoryIo(repo.dir);
    await scanCommand.run(['--plan', 'infra/prod/plan.json', '--base', base, '--head', 'HEAD', '--format', 'json'], io);
    const report = JSON.parse(io.out()) as JsonReport;
    expect(report.findings.map((finding) => [finding.ruleId, finding.location.kind === 'file' ? finding.location.address : undefined])).toEqual([
      ['IAC-LB-TLS-POLICY', 'aws_lb_listener.https'],
      ['IAC-S3-VERSIONING', undefined],
    ]);
  });

  it('outside a git checkout, names the module folder', async () => {
    const dir = tempDir('hipaa-guard-plan-');
    writeFileSync(join(dir, 'plan.json'), PLAN);
    const io = memoryIo(dir);
    await scanCommand.run(['--plan', 'plan.json', '--format', 'json'], io);
    expect((JSON.parse(io.out()) as JsonReport).findings[0]!.location).toEqual({
      kind: 'file',
      path: '.',
      startLine: 1,
      endLine: 1,
      address: 'aws_lb_listener.https',
    });
  });

  it.each([
    [
      { 'state.json': '{"format_version":"1.0","terraform_version":"1.9.5","values":{"root_module":{"resources":[]}}}' },
      ['--plan', 'state.json'],
      /state\.json: this is `terraform show -json` of a state .*terraform show -json tfplan > plan\.json/,
    ],
    [{}, ['--plan', 'missing.json'], /cannot read --plan missing\.json \(ENOENT\)/],
    [{}, ['--plan-dir', 'infra'], /--plan-dir goes with --plan FILE/],
    [{}, ['--plan', '-'], /reads the plan from standard input, and there is none/],
  ])('%j %j is a usage error that says what was expected', async (files, args, message) => {
    repo.write(files);
    await expect(scanCommand.run(args, memoryIo(repo.dir))).rejects.toThrow(UsageError);
    const io = memoryIo(repo.dir);
    expect(await runCli(['scan', ...args], io)).toBe(2);
    expect(io.err()).toMatch(message);
  });
});

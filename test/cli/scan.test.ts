import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError, type CliIo } from '../../cli/command.js';
import { scanCommand } from '../../cli/scan.js';
import type { JsonReport } from '../../checks/report/json.js';
import { createTempRepo, type TempRepo } from '../support/temp-repo.js';

function captureIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env: {},
    cwd,
    now: () => new Date('2026-02-01T09:00:00Z'),
    out: () => out,
    err: () => err,
  };
}

const BUCKET_BLOCK = (status: string) =>
  `resource "aws_s3_bucket_versioning" "phi" {\n  bucket = "phi"\n  versioning_configuration {\n    status = "${status}"\n  }\n}\n`;
const LISTENER = (policy: string) => `resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = "${policy}"\n}\n`;

describe('hipaa-guard scan', () => {
  let repo: TempRepo;
  let base: string;
  beforeEach(() => {
    repo = createTempRepo();
    base = repo.commit('base', { 'infra/lb.tf': LISTENER('ELBSecurityPolicy-TLS13-1-2-2021-06'), 'infra/s3.tf': BUCKET_BLOCK('Enabled') });
    repo.commit('head', { 'infra/lb.tf': LISTENER('ELBSecurityPolicy-TLS-1-1-2017-01'), 'infra/s3.tf': BUCKET_BLOCK('Suspended') });
  });
  afterEach(() => repo.remove());

  it('writes JSON findings with path, 1-based lines, change and before/after, and exits 1 on a high weakening', async () => {
    const io = captureIo(repo.dir);
    const code = await scanCommand.run(['--base', base, '--head', 'HEAD', '--format', 'json'], io);
    expect(code).toBe(1);
    const report = JSON.parse(io.out()) as JsonReport;
    expect(report.findings.map((finding) => finding.ruleId).sort()).toEqual(['IAC-LB-TLS-POLICY', 'IAC-S3-VERSIONING']);
    expect(report.findings.find((finding) => finding.ruleId === 'IAC-LB-TLS-POLICY')).toMatchObject({
      severity: 'high',
      safeguard: 'transmission-security',
      change: 'weakened',
      location: { kind: 'file', path: 'infra/lb.tf', startLine: 3, endLine: 3 },
      evidence: { before: 'ELBSecurityPolicy-TLS13-1-2-2021-06', after: 'ELBSecurityPolicy-TLS-1-1-2017-01' },
    });
    expect(report.findings.find((finding) => finding.ruleId === 'IAC-S3-VERSIONING')?.location).toEqual({
      kind: 'file',
      path: 'infra/s3.tf',
      startLine: 4,
      endLine: 4,
    });
  });

  it('defaults --head to the working tree and --repo to the current directory; --fail-on decides the exit code', async () => {
    repo.write({ 'infra/lb.tf': LISTENER('ELBSecurityPolicy-TLS13-1-2-2021-06') });
    const io = captureIo(repo.dir);
    expect(await scanCommand.run(['--base', base, '--format', 'json', '--fail-on', 'high'], io)).toBe(0);
    const report = JSON.parse(io.out()) as JsonReport;
    expect(report.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([['IAC-S3-VERSIONING', 'medium']]);
    expect(await scanCommand.run(['--base', base, '--fail-on', 'medium', '--output', 'report.txt'], captureIo(repo.dir))).toBe(1);
  });

  it("takes --repo from elsewhere and reads that repository's config", async () => {
    repo.commit('config', { '.github/hipaa-guard.yml': 'infra:\n  exclude: ["infra/lb.tf"]\n' });
    const io = captureIo('/');
    await scanCommand.run(['--repo', repo.dir, '--base', base, '--head', 'HEAD', '--format', 'json'], io);
    expect((JSON.parse(io.out()) as JsonReport).findings.map((finding) => finding.ruleId)).toEqual(['IAC-S3-VERSIONING']);
  });

  it('--all never reads through a link out of the repository: the canary outside stays out, the link is reported, the other files are judged', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'hipaa-guard-canary-'));
    try {
      writeFileSync(join(outside, 'canary.tf'), LISTENER('CANARY-outside-the-repository'));
      repo.link('infra/leak.tf', join(outside, 'canary.tf'));
      repo.link('infra/shared', outside);
      repo.commit('links out', {});
      const io = captureIo(repo.dir);
      await scanCommand.run(['--all', '--format', 'json'], io);
      const output = io.out();
      expect(output).not.toContain('CANARY');
      const report = JSON.parse(output) as JsonReport;
      expect(report.findings.map((finding) => [finding.ruleId, finding.location.kind === 'file' ? finding.location.path : ''])).toContainEqual([
        'IAC-LB-TLS-POLICY',
        'infra/lb.tf',
      ]);
      expect(output).toMatch(/infra\/leak\.tf was not read at head: a symbolic link to [^,]*canary\.tf\\", outside the repository; not read/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it.each([
    [['--base', 'no-such-ref'], /"no-such-ref" is not a commit/],
    [['stray'], /unexpected argument "stray"/],
    [['--bsae', 'x'], /did you mean --base/],
  ])('%j is a usage error that says what to do', async (args, message) => {
    await expect(scanCommand.run(args, captureIo(repo.dir))).rejects.toThrow(UsageError);
    await expect(scanCommand.run(args, captureIo(repo.dir))).rejects.toThrow(message);
  });
});

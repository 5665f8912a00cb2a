import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import { databases, pullRequestPayload, pushPayload, runBundledAction } from './harness.js';
import { createRepo, git, tempDir } from '../support/temp-repo.js';

const CONFIG = '.github/hipaa-guard.yml';

describe('the bundled Action on pull requests and pushes', () => {
  // Every request the Action sends must be one GitHub's API description accepts, within its limits
  const fake = useFakeGitHub();
  let github: FakeGitHub;
  let apiUrl: string;
  beforeEach(() => ({ github, apiUrl } = fake));

  it('fails the check run with 60 annotations on the exact lines, sent 50 per request', async () => {
    // Given a pull request that makes 60 databases public
    const { dir, shas } = await createRepo([{ [CONFIG]: 'fail-on: high\n', 'infra/db.tf': databases(60, false) }, { 'infra/db.tf': databases(60, true) }]);
    const [base, head] = shas as [string, string];
    // When the Action runs on pull_request.opened (GITHUB_SHA is a merge commit it must ignore)
    const run = await runBundledAction({
      repoDir: dir,
      eventName: 'pull_request',
      payload: pullRequestPayload('opened', base, head),
      apiUrl,
      sha: 'e'.repeat(40),
    });
    // Then one check run on the head SHA is completed as a failure with every annotation
    expect(github.checkRuns).toHaveLength(1);
    const checkRun = github.checkRuns[0]!;
    expect([checkRun.name, checkRun.head_sha, checkRun.status, checkRun.conclusion]).toEqual(['HIPAA safeguards', head, 'completed', 'failure']);
    expect(checkRun.annotations).toHaveLength(60);
    expect(checkRun.annotations.slice(0, 2).map((annotation) => [annotation.path, annotation.start_line, annotation.annotation_level])).toEqual([
      ['infra/db.tf', 3, 'failure'],
      ['infra/db.tf', 10, 'failure'],
    ]);
    // every database's publicly_accessible line once: none lost or sent twice across the two requests
    expect(checkRun.annotations.map((annotation) => annotation.start_line).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 60 }, (_, index) => 7 * index + 3),
    );
    expect(github.routes().filter((route) => route.startsWith('PATCH'))).toHaveLength(2);
    expect(checkRun.output.title).toBe('60 blocking findings');
    // And the step fails, with outputs, the job summary and a SARIF file
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::error::60 blocking findings at or above fail-on: high');
    expect(run.outputs).toMatchObject({ findings: '60', blocking: '60', conclusion: 'failure', 'sarif-file': join(dir, 'hipaa-guard.sarif') });
    expect(run.summary).toContain('## HIPAA safeguards: 60 blocking findings');
    const sarif = JSON.parse(await readFile(join(dir, 'hipaa-guard.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect([sarif.version, sarif.runs[0]?.results.length]).toEqual(['2.1.0', 60]);
    const report = JSON.parse(await readFile(run.outputs['report-json']!, 'utf8')) as { findings: { ruleId: string }[] };
    expect(new Set(report.findings.map((finding) => finding.ruleId))).toEqual(new Set(['IAC-DB-PUBLIC']));
    // And the token never shows in the log
    expect(run.stdout + run.stderr).not.toContain('ghs_test_token');
  });

  it('succeeds when the change weakens nothing', async () => {
    const { dir, shas } = await createRepo([{ [CONFIG]: 'fail-on: high\n', 'infra/db.tf': databases(1, false) }, { 'README.md': 'docs\n' }]);
    const run = await runBundledAction({ repoDir: dir, eventName: 'pull_request', payload: pullRequestPayload('synchronize', shas[0]!, shas[1]!), apiUrl });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '0', blocking: '0', conclusion: 'success' });
    expect(github.checkRuns.map((checkRun) => [checkRun.conclusion, checkRun.annotations.length])).toEqual([['success', 0]]);
  });

  it('re-uses the check run when the same commit is checked again', async () => {
    const { dir, shas } = await createRepo([{ [CONFIG]: 'fail-on: high\n' }, { 'README.md': 'docs\n' }]);
    const invocation = { repoDir: dir, eventName: 'pull_request', payload: pullRequestPayload('synchronize', shas[0]!, shas[1]!), apiUrl };
    await runBundledAction(invocation);
    await runBundledAction(invocation);
    expect(github.checkRuns).toHaveLength(1);
    expect(github.checkRuns[0]?.status).toBe('completed');
  });

  it('diffs a push from before to after', async () => {
    const { dir, shas } = await createRepo([{ [CONFIG]: 'fail-on: critical\n', 'infra/db.tf': databases(2, false) }, { 'infra/db.tf': databases(2, true) }]);
    const run = await runBundledAction({ repoDir: dir, eventName: 'push', payload: pushPayload(shas[0]!, shas[1]!), apiUrl });
    expect(run.outputs).toMatchObject({ findings: '2', blocking: '2', conclusion: 'failure' });
    expect(github.checkRuns[0]?.head_sha).toBe(shas[1]);
  });

  it('falls back to workflow annotations and still fails when check runs are forbidden (403)', async () => {
    // Given a token that may not create check runs (a fork's pull request)
    github.options.forbidCheckRuns = true;
    const { dir, shas } = await createRepo([{ [CONFIG]: 'fail-on: high\n', 'infra/db.tf': databases(2, false) }, { 'infra/db.tf': databases(2, true) }]);
    // When the Action runs
    const run = await runBundledAction({ repoDir: dir, eventName: 'pull_request', payload: pullRequestPayload('opened', shas[0]!, shas[1]!), apiUrl });
    // Then it says why, annotates through workflow commands on the exact lines, and fails the step
    expect(run.stdout).toContain('::warning::cannot create check runs (HTTP 403: Resource not accessible by integration)');
    expect(run.stdout).toMatch(/^::error title=IAC-DB-PUBLIC%3A .*,file=infra\/db\.tf,line=3,endLine=3::aws_db_instance\.db0: publicly_accessible is true/m);
    expect(run.stdout).toMatch(/^::error title=IAC-DB-PUBLIC%3A .*,file=infra\/db\.tf,line=10,endLine=10::aws_db_instance\.db1: publicly_accessible is true/m);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.conclusion).toBe('failure');
    expect(run.summary).toContain('## HIPAA safeguards: 2 blocking findings');
  });

  it('reports a config error in the check run with file and line, and exits 1', async () => {
    // Given a config whose fail-on on line 2 is not a severity
    const { dir, shas } = await createRepo([{ [CONFIG]: 'profile: hipaa\nfail-on: sometimes\n' }, { 'README.md': 'docs\n' }]);
    // When the Action runs
    const run = await runBundledAction({ repoDir: dir, eventName: 'pull_request', payload: pullRequestPayload('opened', shas[0]!, shas[1]!), apiUrl });
    // Then the check run fails saying what and where, and so does the step
    const checkRun = github.checkRuns[0]!;
    expect([checkRun.status, checkRun.conclusion, checkRun.output.title]).toEqual(['completed', 'failure', `Configuration error in ${CONFIG}`]);
    expect(checkRun.output.summary).toContain(`\`${CONFIG}:2\` \`fail-on\``);
    expect(checkRun.annotations).toEqual([expect.objectContaining({ path: CONFIG, start_line: 2, annotation_level: 'failure' })]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`::error::${CONFIG}:2: fail-on:`);
    expect(run.summary).toContain('hipaa-guard could not run');
  });

  it('fetches a base commit missing from a shallow checkout', async () => {
    // Given an origin with both commits and a depth-1 clone of the head
    const origin = await createRepo([{ [CONFIG]: 'fail-on: high\n', 'infra/db.tf': databases(1, false) }, { 'infra/db.tf': databases(1, true) }]);
    git(origin.dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
    const clone = join(tempDir('hipaa-guard-clone-'), 'checkout');
    git(origin.dir, 'clone', '--quiet', '--depth=1', `file://${origin.dir}`, clone);
    // When the Action runs there
    const run = await runBundledAction({
      repoDir: clone,
      eventName: 'pull_request',
      payload: pullRequestPayload('opened', origin.shas[0]!, origin.shas[1]!),
      apiUrl,
    });
    // Then it fetched the base, said so, and found the change
    expect(run.stdout).toContain(`commit ${origin.shas[0]} is not in the checkout; fetching it`);
    expect(run.outputs).toMatchObject({ findings: '1', conclusion: 'failure' });
  });

  it('reads the change through the compare API when the base commit cannot be fetched', async () => {
    // Given a depth-1 checkout with no remote to fetch from, and GitHub holding the repository
    const origin = await createRepo([{ [CONFIG]: 'fail-on: high\n', 'infra/db.tf': databases(3, false) }, { 'infra/db.tf': databases(3, true) }]);
    const clone = join(tempDir('hipaa-guard-isolated-'), 'checkout');
    git(origin.dir, 'clone', '--quiet', '--depth=1', `file://${origin.dir}`, clone);
    git(clone, 'remote', 'remove', 'origin');
    github.options.repoDir = origin.dir;
    github.pullRequest = { base: origin.shas[0]!, head: origin.shas[1]! };
    // When the Action runs
    const run = await runBundledAction({
      repoDir: clone,
      eventName: 'pull_request',
      payload: pullRequestPayload('opened', origin.shas[0]!, origin.shas[1]!),
      apiUrl,
    });
    // Then it said so, read the files through the API, and found the three public databases
    expect(run.stdout).toContain(`config: ${CONFIG} as of the base commit ${origin.shas[0]!.slice(0, 12)} (through the API)`);
    expect(run.stdout).toContain('could not be fetched: reading the change through the compare API');
    expect(github.routes()).toEqual(
      expect.arrayContaining([`GET /repos/acme/infra/compare/${origin.shas[0]}...${origin.shas[1]}`, 'GET /repos/acme/infra/pulls/2/files']),
    );
    expect(run.outputs).toMatchObject({ findings: '3', blocking: '3', conclusion: 'failure' });
    expect(github.checkRuns[0]?.annotations.map((annotation) => annotation.start_line)).toEqual([3, 10, 17]);
  });
});

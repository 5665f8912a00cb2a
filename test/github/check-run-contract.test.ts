import { beforeEach, describe, expect, it } from 'vitest';
import { completeCheckRun, failCheckRun, startCheckRun, type CheckRunHandle } from '../../checks/github/check-run.js';
import { makeFinding } from '../../checks/model/finding.js';
import { useFakeGitHub, type FakeGitHub } from './fake-github.js';
import { fileFinding, HEAD_SHA, publishOptions, REPO, reportWith, rule, testOctokit } from './builders.js';

/** A finding whose message is `kilobytes` KB of three-byte UTF-8 characters (CJK): far under 65,535 characters, far over 64 KB. */
function hugeMessageFinding(kilobytes: number) {
  return makeFinding(rule('tf-rule-huge'), {
    message: '漢'.repeat(Math.ceil((kilobytes * 1024) / 3)),
    location: { kind: 'file', path: 'infra/main.tf', startLine: 3, endLine: 3 },
    subject: 'aws_s3_bucket.b',
    change: 'weakened',
  });
}

describe('the check-run contract, against the loopback fake', () => {
  // Every request must fit GitHub's API description and its size limits
  const fake = useFakeGitHub();
  let github: FakeGitHub;
  let apiUrl: string;
  beforeEach(() => ({ github, apiUrl } = fake));

  const start = async (appId?: number): Promise<CheckRunHandle> => {
    const started = await startCheckRun(testOctokit(apiUrl), { ...REPO, headSha: HEAD_SHA, ...(appId === undefined ? {} : { appId }) }, publishOptions());
    if (started.kind !== 'started') throw new Error(`not started: ${started.kind}`);
    return started.run;
  };

  it('Given a 90 KB UTF-8 message, when the run completes, then the annotation is cut to 64 KB in bytes and says it was cut', async () => {
    // Given a finding whose message is 90 KB of multi-byte text
    const run = await start();
    // When the run completes
    const result = await completeCheckRun(testOctokit(apiUrl), run, reportWith({ findings: [hugeMessageFinding(90)] }), { failOn: 'high' }, publishOptions());
    // Then it completed normally, its one annotation within 65,536 bytes, ending with the cut line
    expect(result).toEqual({ conclusion: 'failure', annotations: 1, requests: 1 });
    const [annotation] = github.checkRuns[0]!.annotations;
    const size = Buffer.byteLength(annotation!.message!, 'utf8');
    expect(size).toBeLessThanOrEqual(64 * 1024);
    expect(size).toBeGreaterThan(60 * 1024);
    expect(annotation!.message).toMatch(/\n…and \d+ more bytes \(cut to GitHub's limit of 65536\)$/);
    expect(annotation!.message).not.toContain('\uFFFD');
  });

  it('Given GitHub answers the completion with 422, when the run completes, then it is completed as a failure saying why, not left in progress', async () => {
    // Given a run, and GitHub refusing the first completion
    const run = await start();
    github.options.refuseCompletions = { status: 422, times: 1 };
    // When it completes with a clean report (it would have been a success)
    const result = await completeCheckRun(testOctokit(apiUrl), run, reportWith({}), { failOn: 'high' }, publishOptions());
    // Then the run is completed as a failure whose summary gives GitHub's answer
    expect(result).toEqual({ conclusion: 'failure', annotations: 0, requests: 0, publishError: 'GitHub answered HTTP 422: Validation Failed' });
    const checkRun = github.checkRuns[0]!;
    expect([checkRun.status, checkRun.conclusion, checkRun.output.title]).toEqual(['completed', 'failure', 'hipaa-guard could not publish its results']);
    expect(checkRun.output.summary).toContain('GitHub answered HTTP 422: Validation Failed');
  });

  it('Given GitHub refuses the completion of an engine failure too, when the run fails, then it still ends completed', async () => {
    const run = await start();
    github.options.refuseCompletions = { status: 422, times: 1 };
    await failCheckRun(testOctokit(apiUrl), run, new Error('parser exploded'), publishOptions());
    expect([github.checkRuns[0]?.status, github.checkRuns[0]?.conclusion]).toEqual(['completed', 'failure']);
  });

  it('Given a report whose rendering throws, when the run completes, then it is completed as a failure naming the crash', async () => {
    const run = await start();
    const poisoned = reportWith({ findings: [fileFinding(1)] });
    Object.defineProperty(poisoned, 'errors', {
      get() {
        throw new Error('renderer crashed');
      },
    });
    const result = await completeCheckRun(testOctokit(apiUrl), run, poisoned, { failOn: 'high' }, publishOptions());
    expect(result.publishError).toBe('renderer crashed');
    expect([github.checkRuns[0]?.status, github.checkRuns[0]?.conclusion]).toEqual(['completed', 'failure']);
  });

  it('Given GitHub refuses every completion, when the run completes, then the error names the run left in progress', async () => {
    const run = await start();
    github.options.refuseCompletions = { status: 422, times: 2 };
    await expect(completeCheckRun(testOctokit(apiUrl), run, reportWith({}), { failOn: 'high' }, publishOptions())).rejects.toThrow(
      `check run ${run.id} could not be completed (GitHub answered HTTP 422: Validation Failed; then GitHub answered HTTP 422: Validation Failed)`,
    );
  });

  it('Given two deliveries starting the same commit at the same instant, when both create a run, then only the newest (the one GitHub shows) reports; the other is cancelled naming it', async () => {
    // Given answers slow enough that both list before either creates
    github.options.latencyMs = 50;
    const octokit = testOctokit(apiUrl);
    // When two starts race, and each delivery completes what it was left
    const results = await Promise.all([1, 2].map(() => startCheckRun(octokit, { ...REPO, headSha: HEAD_SHA }, publishOptions())));
    for (const result of results) {
      if (result.kind === 'started') await completeCheckRun(octokit, result.run, reportWith({}), { failOn: 'high' }, publishOptions());
    }
    // Then GitHub holds two runs: the newest reports, the older is cancelled and names the newest
    const [older, newest] = [...github.checkRuns].sort((a, b) => a.id - b.id);
    expect([older?.status, older?.conclusion, newest?.status, newest?.conclusion]).toEqual(['completed', 'cancelled', 'completed', 'success']);
    expect(older?.output.summary).toContain(`Check run ${newest?.id} reports the results`);
    expect(newest?.output.title).toBe('All safeguards hold');
    // And the next check of the commit re-uses the newest
    const again = await start();
    expect([again.id, again.reused]).toEqual([newest?.id, true]);
  });

  it('Given a racing delivery whose run GitHub lists only later, when the first completes, then it sees the newer run and cancels its own instead of reporting', async () => {
    // Given a run started alone, then the run of a delivery that listed before it was created
    const first = await start();
    await testOctokit(apiUrl).rest.checks.create({ ...REPO, name: 'HIPAA safeguards', head_sha: HEAD_SHA, external_id: 'hipaa-guard', status: 'in_progress' });
    // When the first completes with findings
    const result = await completeCheckRun(testOctokit(apiUrl), first, reportWith({ findings: [fileFinding(1)] }), { failOn: 'high' }, publishOptions());
    // Then it reported nothing: its run is cancelled, pointing at the newer one
    const newer = github.checkRuns.find((checkRun) => checkRun.id !== first.id)!;
    expect(result).toEqual({ conclusion: 'cancelled', annotations: 0, requests: 1, supersededBy: newer.id });
    expect(github.checkRuns.find((checkRun) => checkRun.id === first.id)?.annotations).toEqual([]);
  });

  it("Given another app's run of the same name on the commit, when the App (its id known) starts, then that run is not listed nor touched", async () => {
    // Given the Action's run (app 15368) and this App (id 1)
    const foreign = github.addForeignCheckRun(HEAD_SHA, 15368);
    // When the App starts its check
    const run = await start(1);
    // Then it created its own run; the other app's run was neither listed nor updated
    expect(run.reused).toBe(false);
    expect(github.routes().filter((route) => route.startsWith('PATCH'))).toEqual([]);
    expect(github.requests.filter((request) => request.method === 'GET').every((request) => request.path.includes('app_id=1'))).toBe(true);
    expect([foreign.status, foreign.conclusion, foreign.updates]).toEqual(['completed', 'success', 0]);
  });

  it("Given another app's run of the same name, when the Action (its app unknown) starts, then GitHub's refusal makes it create its own", async () => {
    const foreign = github.addForeignCheckRun(HEAD_SHA, 15368);
    const run = await start();
    expect(run.reused).toBe(false);
    expect(foreign.updates).toBe(0);
    expect(github.checkRuns.map((checkRun) => checkRun.app.id)).toEqual([15368, 1]);
  });
});

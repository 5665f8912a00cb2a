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
    if (started.kind !== 'started') throw new Error(`not started: ${started.message}`);
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

  it('Given two deliveries starting the same commit at the same instant, when both create a run, then both agree the oldest is the commit\'s run and a later start re-uses it', async () => {
    // Given answers slow enough that both list before either creates
    github.options.latencyMs = 50;
    // When two starts race
    const [first, second] = await Promise.all([start(), start()]);
    // Then GitHub holds two runs, the newer one knows the oldest, and both are completed
    const ids = github.checkRuns.map((run) => run.id).sort((a, b) => a - b);
    expect(ids).toHaveLength(2);
    expect([first.duplicateOf, second.duplicateOf].filter((id) => id !== undefined)).toEqual([ids[0]]);
    for (const run of [first, second]) await completeCheckRun(testOctokit(apiUrl), run, reportWith({}), { failOn: 'high' }, publishOptions());
    expect(github.checkRuns.map((run) => run.status)).toEqual(['completed', 'completed']);
    // And the next check of the commit re-uses the oldest
    const again = await start();
    expect([again.id, again.reused]).toEqual([ids[0], true]);
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
    expect([run.reused, run.duplicateOf]).toEqual([false, undefined]);
    expect(foreign.updates).toBe(0);
    expect(github.checkRuns.map((checkRun) => checkRun.app.id)).toEqual([15368, 1]);
  });
});

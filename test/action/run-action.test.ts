/**
 * runAction from source, through a recording port (action/port.ts) and the loopback GitHub fake:
 * the events a workflow can send, and the Action's outputs at GitHub's limits.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readRunContext } from '../../action/context.js';
import { readInputs } from '../../action/inputs.js';
import type { ActionPort } from '../../action/port.js';
import { runAction, type ActionResult } from '../../action/run.js';
import { useFakeGitHub, type FakeGitHub } from '../github/fake-github.js';
import { JOB_SUMMARY_BYTES } from '../github/github-limits.js';
import { publishOptions, testOctokit } from '../github/builders.js';
import { databases } from './harness.js';
import { createRepo, git, tempDir } from '../support/temp-repo.js';
import { writeFile } from 'node:fs/promises';

const CONFIG = '.github/hipaa-guard.yml';

/** `files` Terraform files of 100 databases each (the engine reads files up to a size limit). */
function databaseFiles(files: number, publiclyAccessible: boolean): Record<string, string> {
  return Object.fromEntries(Array.from({ length: files }, (_, index) => [`infra/db-${String(index).padStart(2, '0')}.tf`, databases(100, publiclyAccessible)]));
}

/** A port that records what the Action said and wrote. */
function recordingPort() {
  const record = { lines: [] as string[], warnings: [] as string[], errors: [] as string[], outputs: {} as Record<string, string>, summaries: [] as string[] };
  const port: ActionPort = {
    info: (line) => record.lines.push(line),
    warning: (message) => record.warnings.push(message),
    error: (message) => record.errors.push(message),
    notice: () => undefined,
    setOutput: (name, value) => {
      record.outputs[name] = String(value);
    },
    writeJobSummary: (markdown) => {
      record.summaries.push(markdown);
      return Promise.resolve();
    },
  };
  return { port, record };
}

describe('runAction (from source)', () => {
  // Every request must fit GitHub's API description and its size limits
  const fake = useFakeGitHub();
  let github: FakeGitHub;
  let apiUrl: string;
  beforeEach(() => ({ github, apiUrl } = fake));

  async function runOn(workspace: string, eventName: string, payload: object, inputs: Record<string, string> = {}) {
    const runner = tempDir('hipaa-guard-runner-');
    const eventPath = join(runner, 'event.json');
    await writeFile(eventPath, JSON.stringify(payload));
    const context = await readRunContext({
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'acme/infra',
      GITHUB_WORKSPACE: workspace,
      GITHUB_API_URL: apiUrl,
      RUNNER_TEMP: runner,
    });
    const settings = readInputs((name) => ({ token: 'ghs_test', ...inputs })[name] ?? '');
    const { port, record } = recordingPort();
    const result: ActionResult = await runAction(settings, context, testOctokit(apiUrl), publishOptions(), port);
    return { result, record };
  }

  it('Given a shallow merge_group checkout, when the Action runs, then it fetches base_sha, diffs base_sha..head_sha, and judges with the config as of base_sha', async () => {
    // Given a base with a strict config, and a queued group that loosens the config and makes a database public
    const origin = await createRepo([
      { [CONFIG]: 'fail-on: high\n', 'infra/db.tf': databases(1, false) },
      { [CONFIG]: 'fail-on: never\n', 'infra/db.tf': databases(1, true) },
    ]);
    const [base, head] = origin.shas as [string, string];
    git(origin.dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
    const clone = join(tempDir('hipaa-guard-queue-'), 'checkout');
    git(origin.dir, 'clone', '--quiet', '--depth=1', `file://${origin.dir}`, clone);
    // When the Action runs on merge_group.checks_requested
    const { result, record } = await runOn(clone, 'merge_group', {
      action: 'checks_requested',
      merge_group: { base_sha: base, head_sha: head, base_ref: 'refs/heads/main' },
    });
    // Then it fetched the base, judged the group by the base's config, and failed it on the head commit
    expect(record.lines).toContain(`commit ${base} is not in the checkout; fetching it (git fetch --depth=1 origin ${base})`);
    expect(record.lines).toContain(`config: ${CONFIG} as of the base commit ${base.slice(0, 12)}`);
    expect(record.lines).toContain(`diffing ${base.slice(0, 12)}..${head.slice(0, 12)} from the checkout`);
    expect(result).toMatchObject({ conclusion: 'failure', findings: 1, blocking: 1, failOn: 'high' });
    expect(github.checkRuns.map((run) => [run.head_sha, run.status, run.conclusion])).toEqual([[head, 'completed', 'failure']]);
    // And the config edit is reported, not applied
    expect(github.checkRuns[0]?.output.summary).toContain(`This change edits ${CONFIG}: this run used the version at its base`);
  });

  it("Given a workflow_run after a pull request's workflow, when the Action runs on the default branch's checkout, then it judges the pull request's head against its base", async () => {
    // Given main, and a pull request branch that makes two databases public; the checkout is main (depth 1)
    const origin = await createRepo([{ [CONFIG]: 'fail-on: high\n', 'infra/db.tf': databases(2, false) }]);
    const [base] = origin.shas as [string];
    git(origin.dir, 'checkout', '--quiet', '-b', 'feature');
    await writeFile(join(origin.dir, 'infra/db.tf'), databases(2, true));
    git(origin.dir, 'commit', '--quiet', '-am', 'public databases');
    const head = git(origin.dir, 'rev-parse', 'HEAD');
    git(origin.dir, 'checkout', '--quiet', 'main');
    git(origin.dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
    const clone = join(tempDir('hipaa-guard-main-'), 'checkout');
    git(origin.dir, 'clone', '--quiet', '--depth=1', '--branch=main', `file://${origin.dir}`, clone);
    const payload = {
      action: 'completed',
      workflow_run: {
        head_sha: head,
        event: 'pull_request',
        pull_requests: [{ number: 5, head: { sha: head, ref: 'feature' }, base: { sha: base, ref: 'main' } }],
      },
    };
    // When the Action runs on workflow_run
    const { result } = await runOn(clone, 'workflow_run', payload);
    // Then the check run is on the pull request's head and fails on both databases
    expect(result).toMatchObject({ conclusion: 'failure', findings: 2, blocking: 2 });
    expect(github.checkRuns.map((run) => [run.head_sha, run.conclusion, run.annotations.length])).toEqual([[head, 'failure', 2]]);
  });

  it('Given 5,100 findings, when the Action publishes, then the job summary fits 1 MiB, the SARIF notice says code scanning keeps 5,000, most severe first', async () => {
    // Given a pull request that makes 5,100 databases public (a job summary of several MB uncut)
    const { dir, shas } = await createRepo([{ [CONFIG]: 'fail-on: high\n', ...databaseFiles(51, false) }, databaseFiles(51, true)]);
    const payload = { pull_request: { number: 9, base: { sha: shas[0] }, head: { sha: shas[1] } } };
    // When the Action runs
    const { result, record } = await runOn(dir, 'pull_request', payload);
    // Then the job summary is within GitHub's 1 MiB, in bytes, and says how much it left out
    expect(result.findings).toBe(5_100);
    const [summary] = record.summaries;
    expect(record.summaries).toHaveLength(1);
    expect(Buffer.byteLength(summary!, 'utf8')).toBeLessThanOrEqual(JOB_SUMMARY_BYTES);
    expect(Buffer.byteLength(summary!, 'utf8')).toBeGreaterThan(JOB_SUMMARY_BYTES * 0.9);
    expect(summary).toMatch(/…and \d+ more entries/);
    // And the SARIF holds all 5,100, most severe first, with the notice in the log and the summary
    const notice = 'The SARIF file holds 5,100 results, most severe first; GitHub code scanning keeps only the first 5,000. The JSON report has every result.';
    expect(record.warnings).toContain(notice);
    expect(summary).toContain(`> ${notice}`);
    const sarif = JSON.parse(await readFile(join(dir, 'hipaa-guard.sarif'), 'utf8')) as { runs: { results: { properties: { severity: string } }[] }[] };
    expect(sarif.runs[0]?.results).toHaveLength(5_100);
    // And the check run carries every annotation, 50 per request
    expect(github.checkRuns[0]?.annotations).toHaveLength(5_100);
  }, 120_000);
});

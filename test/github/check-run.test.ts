import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../checks/config/load-config.js';
import { completeCheckRun, failCheckRun, startCheckRun, type CheckRunHandle } from '../../checks/github/check-run.js';
import { endpointFinding, fileFinding, HEAD_SHA, NOW, publishOptions, REPO, reportWith, testOctokit } from './builders.js';
import { useFakeGitHub, type FakeGitHub } from './fake-github.js';

interface SentOutput {
  title: string;
  summary: string;
  annotations?: Record<string, unknown>[];
}
interface SentUpdate {
  status?: string;
  conclusion?: string;
  completed_at?: string;
  output: SentOutput;
}

describe('check runs, against the loopback fake', () => {
  // Every request must fit GitHub's API description and its size limits
  const fake = useFakeGitHub();
  let github: FakeGitHub;
  let apiUrl: string;
  beforeEach(() => ({ github, apiUrl } = fake));

  const start = async (): Promise<CheckRunHandle> => {
    const started = await startCheckRun(testOctokit(apiUrl), { ...REPO, headSha: HEAD_SHA }, publishOptions());
    if (started.kind !== 'started') throw new Error(`not started: ${started.kind}`);
    return started.run;
  };
  /** The PATCH bodies run `id` received, in order. */
  const updatesOf = (id: number): SentUpdate[] =>
    github.requests
      .filter((request) => request.method === 'PATCH' && request.path === `/repos/acme/infra/check-runs/${id}`)
      .map((request) => request.body as SentUpdate);

  describe('startCheckRun', () => {
    it('creates the run in progress on the head SHA when none exists', async () => {
      // Given no run on the commit yet; When the run starts
      const run = await start();
      // Then a new in-progress run named "HIPAA safeguards" exists
      expect(run).toMatchObject({ ...REPO, headSha: HEAD_SHA, externalId: 'hipaa-guard', reused: false, appId: 1 });
      expect(github.checkRuns.map((checkRun) => [checkRun.id, checkRun.name, checkRun.head_sha, checkRun.external_id, checkRun.status])).toEqual([
        [run.id, 'HIPAA safeguards', HEAD_SHA, 'hipaa-guard', 'in_progress'],
      ]);
    });

    it('reuses the run a redelivered webhook already created, not a run of the same name with another external id', async () => {
      // Given our completed run and another tool's run of the same name (another external id)
      const first = await start();
      await completeCheckRun(testOctokit(apiUrl), first, reportWith({}), { failOn: 'high' }, publishOptions());
      github.addForeignCheckRun(HEAD_SHA, 1, 'other');
      // When the run starts again
      const again = await start();
      // Then our run is reset instead of a second one being created
      expect([again.id, again.reused]).toEqual([first.id, true]);
      expect(github.checkRuns.map((checkRun) => [checkRun.external_id, checkRun.status])).toEqual([
        ['hipaa-guard', 'in_progress'],
        ['other', 'completed'],
      ]);
    });

    it('returns "forbidden" instead of throwing when the token may not create check runs', async () => {
      github.options.forbidCheckRuns = true;
      const result = await startCheckRun(testOctokit(apiUrl), { ...REPO, headSha: HEAD_SHA }, publishOptions());
      expect(result).toMatchObject({ kind: 'forbidden', status: 403 });
    });
  });

  describe('completeCheckRun', () => {
    it('sends 120 annotations in three requests and completes with the last one', async () => {
      // Given 120 blocking file findings and one endpoint finding
      const findings = [...Array.from({ length: 120 }, (_, index) => fileFinding(index)), endpointFinding('https://api.example.org', 'tls-version')];
      const run = await start();
      // When the run completes
      const result = await completeCheckRun(testOctokit(apiUrl), run, reportWith({ findings }), { failOn: 'high' }, publishOptions());
      // Then annotations go 50, 50, 20, only the last request completes the run, as a failure
      expect(result).toEqual({ conclusion: 'failure', annotations: 120, requests: 3 });
      const bodies = updatesOf(run.id);
      expect(bodies.map((body) => [body.output.annotations?.length, body.status, body.conclusion])).toEqual([
        [50, undefined, undefined],
        [50, undefined, undefined],
        [20, 'completed', 'failure'],
      ]);
      expect(bodies[0]?.output.annotations?.[0]).toEqual({
        path: 'infra/main.tf',
        start_line: 1,
        end_line: 2,
        annotation_level: 'failure',
        title: 'tf-rule-0: Rule tf-rule-0',
        message: 'resource 0 weakened: expected true, found false\n\n45 CFR 164.312(c)(1) (Integrity). Fix tf-rule-0.',
      });
      // And the endpoint finding is in the summary, not an annotation
      expect(bodies[2]?.output.summary).toContain('`https://api.example.org (203.0.113.7)`');
      expect(github.checkRuns[0]?.annotations).toHaveLength(120);
    });

    it('does not send again the annotations a reused run already has (GitHub appends them)', async () => {
      // Given a run that already carries the first of three annotations, reused after a redelivery
      const first = await start();
      await completeCheckRun(testOctokit(apiUrl), first, reportWith({ findings: [fileFinding(0)] }), { failOn: 'high' }, publishOptions());
      const reused = await start();
      // When it completes again with the first and two more findings
      const result = await completeCheckRun(
        testOctokit(apiUrl),
        reused,
        reportWith({ findings: [fileFinding(0), fileFinding(1), fileFinding(2)] }),
        { failOn: 'high' },
        publishOptions(),
      );
      // Then only the two it lacks are sent, so each shows once
      expect(
        updatesOf(reused.id)
          .at(-1)
          ?.output.annotations?.map((annotation) => annotation.title),
      ).toEqual(['tf-rule-1: Rule tf-rule-1', 'tf-rule-2: Rule tf-rule-2']);
      expect(result).toEqual({ conclusion: 'failure', annotations: 3, requests: 1 });
      expect(github.checkRuns[0]?.annotations.map((annotation) => annotation.title)).toEqual([
        'tf-rule-0: Rule tf-rule-0',
        'tf-rule-1: Rule tf-rule-1',
        'tf-rule-2: Rule tf-rule-2',
      ]);
    });

    it('succeeds with one request when nothing is found', async () => {
      const run = await start();
      const result = await completeCheckRun(testOctokit(apiUrl), run, reportWith({}), { failOn: 'high' }, publishOptions());
      expect(result).toEqual({ conclusion: 'success', annotations: 0, requests: 1 });
      expect(updatesOf(run.id)).toEqual([
        {
          status: 'completed',
          conclusion: 'success',
          completed_at: NOW.toISOString(),
          output: { title: 'All safeguards hold', summary: expect.stringMatching(/^\*\*All safeguards hold\*\* \(fail-on: high\)\n\n# hipaa-guard report/) },
        },
      ]);
    });

    it('fails when nothing blocks but a check could not run', async () => {
      const run = await start();
      const report = reportWith({ errors: [{ category: 'connectivity', target: 'https://api.example.org', message: 'connection refused' }] });
      expect((await completeCheckRun(testOctokit(apiUrl), run, report, { failOn: 'high' }, publishOptions())).conclusion).toBe('failure');
      expect(github.checkRuns[0]?.conclusion).toBe('failure');
    });
  });

  describe('failCheckRun', () => {
    it('says what is wrong with the config and annotates its line', async () => {
      // Given a config error on line 4
      const error = new ConfigError('.github/hipaa-guard.yml', [{ path: 'fail-on', line: 4, message: 'expected one of critical|high|medium|low|never' }]);
      const run = await start();
      // When the run fails with it
      await failCheckRun(testOctokit(apiUrl), run, error, publishOptions());
      // Then the run fails, naming the file, line and problem
      const [body] = updatesOf(run.id);
      expect(body?.conclusion).toBe('failure');
      expect(body?.output.title).toBe('Configuration error in .github/hipaa-guard.yml');
      expect(body?.output.summary).toContain('- `.github/hipaa-guard.yml:4` `fail-on`: expected one of critical\\|high\\|medium\\|low\\|never');
      expect(body?.output.annotations).toEqual([
        {
          path: '.github/hipaa-guard.yml',
          start_line: 4,
          end_line: 4,
          annotation_level: 'failure',
          title: 'hipaa-guard configuration',
          message: 'fail-on: expected one of critical|high|medium|low|never',
        },
      ]);
    });

    it('puts an engine crash in the summary', async () => {
      const run = await start();
      const failure = await failCheckRun(testOctokit(apiUrl), run, new Error('parser exploded'), publishOptions());
      expect(failure.title).toBe('hipaa-guard could not run');
      expect(github.checkRuns[0]?.output.summary).toContain('parser exploded');
    });
  });
});

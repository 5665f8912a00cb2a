import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChangeSet } from '../../checks/github/api-source.js';
import { completeCheckRun, startCheckRun } from '../../checks/github/check-run.js';
import { createRepo } from '../support/temp-repo.js';
import { FakeGitHub } from './fake-github.js';
import { publishOptions, REPO, reportWith, testOctokit } from './builders.js';

/** `count` new files, `infra/file-0000.tf` on. */
function manyFiles(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`infra/file-${String(index).padStart(4, '0')}.tf`, `# file ${index}\n`]));
}

describe('changes larger than GitHub lists, read through the API', () => {
  let github: FakeGitHub;
  let apiUrl: string;
  let shas: { base: string; small: string; large: string };
  beforeAll(async () => {
    // Given a repository whose second commit adds 350 files and whose third adds 2,750 more (3,100 in all)
    const repo = await createRepo([{ 'README.md': 'docs\n' }, manyFiles(350), manyFiles(3_100)]);
    shas = { base: repo.shas[0]!, small: repo.shas[1]!, large: repo.shas[2]! };
    github = new FakeGitHub({ repoDir: repo.dir });
    apiUrl = await github.start();
  }, 60_000);
  afterAll(async () => {
    expect(github.problems).toEqual([]);
    await github.stop();
  });

  it('Given a 350-file push (the comparison lists 300), when loaded, then every file is listed from the trees', async () => {
    const changes = await loadChangeSet(testOctokit(apiUrl), REPO, { base: shas.base, head: shas.small });
    expect(changes.listedBy).toBe('trees');
    expect(changes.changed).toHaveLength(350);
    expect(changes.changed.at(-1)).toEqual({ path: 'infra/file-0349.tf', status: 'added' });
    expect(changes.notChecked).toEqual([]);
  });

  it('Given a 3,100-file pull request (GitHub lists 3,000), when loaded, then every file is listed from the trees', async () => {
    github.pullRequest = { base: shas.base, head: shas.large };
    const changes = await loadChangeSet(testOctokit(apiUrl), REPO, { base: shas.base, head: shas.large, pullNumber: 7 });
    expect(github.routes().filter((route) => route.endsWith('/pulls/7/files'))).toHaveLength(30);
    expect([changes.listedBy, changes.changed.length, changes.notChecked.length]).toEqual(['trees', 3_100, 0]);
  });

  it('Given a 3,100-file pull request in a repository too large for the trees API, when checked, then the run is not a success and says what was not checked', async () => {
    // Given GitHub truncating the trees
    github.pullRequest = { base: shas.base, head: shas.large };
    github.options.truncateTrees = true;
    try {
      // When the change is loaded and the run completed with what could be listed (no findings)
      const changes = await loadChangeSet(testOctokit(apiUrl), REPO, { base: shas.base, head: shas.large, pullNumber: 7 });
      expect([changes.listedBy, changes.changed.length]).toEqual(['pull request', 3_000]);
      const started = await startCheckRun(testOctokit(apiUrl), { ...REPO, headSha: shas.large }, publishOptions());
      if (started.kind !== 'started') throw new Error('not started');
      const result = await completeCheckRun(testOctokit(apiUrl), started.run, reportWith({ errors: changes.notChecked }), { failOn: 'high' }, publishOptions());
      // Then the conclusion is not success, and the summary names the files not checked
      expect(result.conclusion).toBe('failure');
      const run = github.checkRuns.find((checkRun) => checkRun.id === started.run.id)!;
      expect(run.output.title).toBe('No blocking findings, but 1 check could not run');
      expect(run.output.summary).toContain('`changed files past the first 3,000`');
      expect(run.output.summary).toContain('changed files past those were not checked');
    } finally {
      github.options.truncateTrees = false;
    }
  });
});

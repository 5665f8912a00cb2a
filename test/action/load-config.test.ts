import { describe, expect, it } from 'vitest';
import type { GitHubClient } from '../../checks/github/api-source.js';
import { defaultConfig } from '../../checks/config/schema.js';
import { loadConfig } from '../../action/run.js';
import type { RunContext } from '../../action/context.js';
import { createRepo } from '../support/temp-repo.js';

const CONFIG = '.github/hipaa-guard.yml';

function contextOf(dir: string): RunContext {
  return { eventName: 'pull_request', owner: 'acme', repo: 'infra', workspace: dir, apiUrl: 'http://127.0.0.1:9', tempDir: dir, diffFrom: 'merge-base' };
}

/** Never called: both commits are in the checkout. */
const offline = {} as GitHubClient;
const silent = { info: () => undefined };

describe('the Action reads its config as of the base commit', () => {
  it("Given a base without a config and a pull request that adds one with fail-on: never, when loaded, then the defaults apply, not the PR's file", async () => {
    // Given a base commit without config, and a head (checked out) that adds one switching the checks off
    const { dir, shas } = await createRepo([{ 'README.md': 'docs\n' }, { [CONFIG]: 'fail-on: never\ninfra:\n  exclude: ["**"]\n' }]);
    // When the config is loaded for the diff against the base
    const loaded = await loadConfig(CONFIG, contextOf(dir), shas[0], offline, silent);
    // Then the defaults apply: the change under review cannot choose how it is judged
    expect(loaded.config['fail-on']).toBe('high');
    expect(loaded.config.infra.exclude).toEqual([]);
    expect(loaded.config).toEqual(defaultConfig());
  });

  it('Given a config at the base that the pull request loosens, when loaded, then the base version applies', async () => {
    const { dir, shas } = await createRepo([{ [CONFIG]: 'fail-on: medium\n' }, { [CONFIG]: 'fail-on: never\n' }]);
    const loaded = await loadConfig(CONFIG, contextOf(dir), shas[0], offline, silent);
    expect(loaded.config['fail-on']).toBe('medium');
  });

  it("Given no base (a scheduled probe), when loaded, then the checkout's config applies", async () => {
    const { dir } = await createRepo([{ [CONFIG]: 'fail-on: low\n' }]);
    expect((await loadConfig(CONFIG, contextOf(dir), undefined, offline, silent)).config['fail-on']).toBe('low');
  });
});

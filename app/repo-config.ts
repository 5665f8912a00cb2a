/**
 * A repository's hipaa-guard config, read the way Probot's `context.config` reads it (its config
 * plugin: the default branch's `.github/hipaa-guard.yml`, else the owner's `.github` repository,
 * following `_extends`), so the PR handler and the sweep, which has no webhook context, agree.
 */
import type { ProbotOctokit } from 'probot';
import { DEFAULT_CONFIG_PATH, validateConfig } from '../checks/config/load-config.js';
import type { Config } from '../checks/config/schema.js';

export interface RepositoryName {
  owner: string;
  repo: string;
}

/**
 * `undefined` when neither the repository nor its owner's `.github` repository has a config
 * (the app then does nothing: no bulk action without consent). Throws ConfigError when the
 * merged config does not fit the schema.
 *
 * Merging: a top-level key the repository sets replaces the inherited value (deep-merging would
 * concatenate lists, so an org default's `infra.exclude` could never be narrowed). Endpoints come
 * only from the repository's own file: inherited ones would be probed once per repository.
 */
export async function loadRepoConfig(octokit: ProbotOctokit, repository: RepositoryName): Promise<Config | undefined> {
  const { config, files } = await octokit.config.get({ ...repository, path: DEFAULT_CONFIG_PATH });
  if (!files.some((file) => file.config !== null)) return undefined;
  const own: unknown = files[0]?.config;
  const endpoints: unknown = own && typeof own === 'object' && 'endpoints' in own ? own.endpoints : [];
  return validateConfig({ ...config, endpoints }, DEFAULT_CONFIG_PATH);
}

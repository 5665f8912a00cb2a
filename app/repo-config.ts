/**
 * A repository's hipaa-guard config, read the way Probot's `context.config` reads it (its config
 * plugin: the default branch's `.github/hipaa-guard.yml`, else the owner's `.github` repository,
 * following `_extends`), so the PR handler and the sweep, which has no webhook context, agree.
 */
import type { ProbotOctokit } from 'probot';
import { httpStatus } from '../checks/github/http-error.js';
import { ConfigError, DEFAULT_CONFIG_PATH } from '../checks/config/load-config.js';
import { validateMergedConfig } from '../checks/config/policy.js';
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
  // The repository's own file (default branch) as text, read only when there is a problem to place on its lines.
  const ownText = async (): Promise<string | undefined> => {
    const { data } = await octokit.rest.repos.getContent({ ...repository, path: DEFAULT_CONFIG_PATH, mediaType: { format: 'raw' } }).catch((error: unknown) => {
      if (httpStatus(error) === 404) return { data: undefined };
      throw error;
    });
    return typeof data === 'string' ? data : undefined;
  };
  let result: Awaited<ReturnType<ProbotOctokit['config']['get']>>;
  try {
    result = await octokit.config.get({ ...repository, path: DEFAULT_CONFIG_PATH });
  } catch (error) {
    // Probot's parser says only "invalid YAML": ours names the line (a ConfigError), when the broken file is ours.
    validateMergedConfig({}, DEFAULT_CONFIG_PATH, await ownText());
    throw error;
  }
  const { config, files } = result;
  if (!files.some((file) => file.config !== null)) return undefined;
  const own: unknown = files[0]?.config;
  const endpoints: unknown = own && typeof own === 'object' && 'endpoints' in own ? own.endpoints : [];
  try {
    return validateMergedConfig({ ...config, endpoints }, DEFAULT_CONFIG_PATH, undefined);
  } catch (error) {
    if (!(error instanceof ConfigError) || files[0]?.config === null) throw error;
    return validateMergedConfig({ ...config, endpoints }, DEFAULT_CONFIG_PATH, await ownText());
  }
}

/**
 * Probing one repository's endpoints from the App: checkEndpoints with the native engine only
 * (a repository's `engine`/`engine-path` must never make the App run a binary it names) and
 * `ca` files read from the default branch through the contents API.
 */
import { apiFileSource } from '../checks/github/api-source.js';
import { nativeOnly, checkEndpoints } from '../checks/endpoint/index.js';
import type { Report } from '../checks/model/report.js';
import type { ProbeRequest } from './sweep.js';

export function probeRepository(request: ProbeRequest, now: () => Date): Promise<Report> {
  const { config, repository, ref } = request;
  const files = apiFileSource(request.octokit, repository, ref);
  return checkEndpoints({
    endpoints: config.endpoints,
    profile: config.profile,
    engine: config.engine,
    timeoutMs: config.probe.timeout,
    concurrency: config.probe.concurrency,
    readFile: async (path) => {
      const text = await files.read(path);
      if (text === undefined) throw new Error(`${path} does not exist on ${repository.owner}/${repository.repo}@${ref}`);
      return text;
    },
    now,
    backends: nativeOnly,
  });
}

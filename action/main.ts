/**
 * The Action's entry: read the inputs and the run context, run, set the outputs, fail the step
 * by fail-on. One try/catch: anything thrown fails the step with its message. Importing this
 * module does nothing; `run()` does it all (action/index.ts calls it; so can
 * @github/local-action).
 */
import * as core from '@actions/core';
import { isHttpError, safeErrorMessage } from '../checks/github/http-error.js';
import { createGitHubClient } from '../checks/github/client.js';
import { readRunContext } from './context.js';
import { readInputs } from './inputs.js';
import { runnerPort } from './port.js';
import { runAction } from './run.js';

export async function run(env: Record<string, string | undefined> = process.env): Promise<void> {
  const port = runnerPort(env);
  try {
    const settings = readInputs((name) => core.getInput(name));
    const context = await readRunContext(env);
    const octokit = createGitHubClient({ auth: settings.token, baseUrl: context.apiUrl, userAgent: 'hipaa-guard-action', log: port.info });
    const result = await runAction(settings, context, octokit, { now: () => new Date() }, port);
    port.setOutput('findings', result.findings);
    port.setOutput('blocking', result.blocking);
    port.setOutput('conclusion', result.conclusion);
    if (result.verdict.outcome === 'fail') {
      core.setFailed(result.verdict.summary);
    } else if (result.conclusion === 'failure') {
      core.setFailed('the results could not be published on the check run (see the warnings above)');
    }
  } catch (error) {
    port.setOutput('conclusion', 'failure');
    // A GitHub error says its status and GitHub's message, never the response body.
    core.setFailed(isHttpError(error) ? safeErrorMessage(error) : error instanceof Error ? error.message : String(error));
  }
}

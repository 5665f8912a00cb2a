/**
 * The Action's entry: read the inputs and the run context, run, set the outputs, fail the step
 * by fail-on. One try/catch: anything thrown fails the step with its message.
 */
import { setFlagsFromString } from 'node:v8';
import * as core from '@actions/core';
import { Octokit } from '@octokit/rest';
import { readRunContext } from './context.js';
import { readInputs } from './inputs.js';
import { runAction } from './run.js';
import { isHttpError, safeErrorMessage } from '../checks/github/backoff.js';

// The HCL parser's 6.5 MB WASM: V8's baseline compiler only (see cli/main.ts); before any parse.
setFlagsFromString('--liftoff-only');

async function main(): Promise<void> {
  try {
    const settings = readInputs((name) => core.getInput(name));
    const context = await readRunContext(process.env);
    const octokit = new Octokit({ auth: settings.token, baseUrl: context.apiUrl, userAgent: 'hipaa-guard-action' });
    const result = await runAction(settings, context, octokit, {
      now: () => new Date(),
      sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
    });
    core.setOutput('findings', result.findings);
    core.setOutput('blocking', result.blocking);
    core.setOutput('conclusion', result.conclusion);
    if (result.blocking > 0) {
      core.setFailed(`${result.blocking} blocking finding${result.blocking === 1 ? '' : 's'} at or above fail-on: ${result.failOn}`);
    }
  } catch (error) {
    core.setOutput('conclusion', 'failure');
    // A GitHub error says its status and GitHub's message, never the response body.
    core.setFailed(isHttpError(error) ? safeErrorMessage(error) : error instanceof Error ? error.message : String(error));
  }
}

await main();

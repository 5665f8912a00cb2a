/**
 * Runs the committed bundle (dist/action.js) as the Actions runner does: a child process under
 * Node 24, inputs as INPUT_* variables, the event payload in a file (real payloads from
 * @octokit/webhooks-examples, pointed at a temporary git repository), GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, and GITHUB_API_URL at a loopback fake of the GitHub API.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/temp-repo.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ACTION_BUNDLE = join(ROOT, 'dist', 'action.js');
const NODE24 = join(ROOT, '.cache', 'node24', 'node_modules', 'node', 'bin', 'node');

/** The Node 24 binary the runner uses; installed by scripts/install-test-deps.sh (npm's pretest). */
export function node24(): string {
  if (!existsSync(NODE24)) throw new Error(`Node 24 is not installed at ${NODE24}: run bash scripts/install-test-deps.sh`);
  return NODE24;
}

// ---- repository contents ---------------------------------------------------------------------

/**
 * `count` databases in one Terraform file, compliant but for `publicly_accessible` as given:
 * resource i starts on line 7i+1, its `publicly_accessible` on line 7i+3.
 */
export function databases(count: number, publiclyAccessible: boolean): string {
  return Array.from(
    { length: count },
    (_, index) =>
      `resource "aws_db_instance" "db${index}" {\n  engine                  = "postgres"\n  publicly_accessible     = ${publiclyAccessible}\n` +
      '  storage_encrypted       = true\n  backup_retention_period = 7\n  deletion_protection     = true\n}\n',
  ).join('');
}

// ---- event payloads ----------------------------------------------------------------------------

interface WebhookExamples {
  name: string;
  examples: Record<string, unknown>[];
}

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookExamples[];

/** A real example payload of `event` (with `action` when given), re-pointed at acme/infra. */
function examplePayload(event: string, action?: string): Record<string, unknown> {
  const found = examples.find((entry) => entry.name === event)?.examples.find((example) => action === undefined || example.action === action);
  if (!found) throw new Error(`no ${event}${action ? `.${action}` : ''} example in @octokit/webhooks-examples`);
  const payload = structuredClone(found) as Record<string, unknown> & { repository: Record<string, unknown> };
  payload.repository = { ...payload.repository, name: 'infra', full_name: 'acme/infra', default_branch: 'main' };
  return payload;
}

export function pullRequestPayload(action: 'opened' | 'synchronize', base: string, head: string): Record<string, unknown> {
  const payload = examplePayload('pull_request', action) as { pull_request: { base: object; head: object } };
  payload.pull_request.base = { ...payload.pull_request.base, sha: base, ref: 'main' };
  payload.pull_request.head = { ...payload.pull_request.head, sha: head };
  return payload;
}

export function pushPayload(before: string, after: string): Record<string, unknown> {
  return { ...examplePayload('push'), before, after, ref: 'refs/heads/main' };
}

export function schedulePayload(): Record<string, unknown> {
  // GitHub sends `{ "schedule": "<cron>" }` for schedule events: there is no example to adapt.
  return { schedule: '17 3 * * *' };
}

// ---- running the bundle ------------------------------------------------------------------------

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionInvocation {
  repoDir: string;
  eventName: string;
  payload: Record<string, unknown>;
  inputs?: Record<string, string>;
  apiUrl: string;
  /** GITHUB_SHA: the merge commit on pull requests, which the Action must not use as the head. */
  sha?: string;
}

/** `name<<delimiter\nvalue\ndelimiter` records of GITHUB_OUTPUT. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

export async function runBundledAction(invocation: ActionInvocation): Promise<ActionRun> {
  const work = tempDir('hipaa-guard-runner-');
  const files = { event: join(work, 'event.json'), output: join(work, 'output'), summary: join(work, 'summary.md') };
  await writeFile(files.event, JSON.stringify(invocation.payload));
  await writeFile(files.output, '');
  await writeFile(files.summary, '');
  const inputs = { token: 'ghs_test_token_0123456789', ...invocation.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: work,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: invocation.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_WORKSPACE: invocation.repoDir,
    GITHUB_SHA: invocation.sha ?? 'f'.repeat(40),
    GITHUB_API_URL: invocation.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example.org',
    GITHUB_RUN_ID: '4242',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: work,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  };
  const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve) => {
    execFile(node24(), [ACTION_BUNDLE], { cwd: invocation.repoDir, env, timeout: 60_000, maxBuffer: 32 * 1024 * 1024 }, (error, out, err) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ exitCode: code, stdout: out, stderr: err });
    });
  });
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(files.output, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
  };
}

/** Runs git with an argument array (never a shell) and returns its stdout as bytes. */
import { spawn } from 'node:child_process';
import { decodePath } from './repo-paths.js';

/** git failed: names the command and git's own first line of complaint. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly detail: string,
  ) {
    super(`git ${args.join(' ')}: ${detail}`);
    this.name = 'GitError';
  }
}

export function runGit(repoDir: string, args: readonly string[], input?: string | Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: repoDir, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => reject(new GitError(args, error.message)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(stdout));
      else {
        const message = Buffer.concat(stderr).toString('utf8').trim().split('\n')[0] || `exit code ${code}`;
        reject(new GitError(args, message));
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** Splits `-z` output into its NUL-separated fields; names that are not UTF-8 survive (see repo-paths). */
export function nulFields(output: Buffer): string[] {
  const fields: string[] = [];
  for (let start = 0; start < output.length;) {
    const end = output.indexOf(0, start);
    const stop = end < 0 ? output.length : end;
    fields.push(decodePath(output.subarray(start, stop)));
    start = stop + 1;
  }
  return fields;
}

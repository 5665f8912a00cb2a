/**
 * Throw-away directories and git repositories for tests. Every directory made here is removed
 * after its test file (test/support/remove-temp-dirs.ts runs as a vitest setup file), so a run
 * leaves nothing behind in the OS temp directory, whether or not a test removes its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const made: string[] = [];

/** A fresh, empty directory under the OS temp directory, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every directory `tempDir` made so far. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fixed author and clock: the same commits get the same ids on every run. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_AUTHOR_DATE: '2026-11-20T10:00:00Z',
  GIT_COMMITTER_DATE: '2026-11-20T10:00:00Z',
};

/** Runs git in `repoDir` as the test author; returns its trimmed output. */
export function git(repoDir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: repoDir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).trim();
}

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes files (path → text or bytes; `null` deletes) without committing. */
  write(files: Record<string, string | Uint8Array | null>): void;
  /** Makes a symbolic link at `path` (inside the repository) to `target` (anywhere), without committing. */
  link(path: string, target: string): void;
  /** Writes files and commits them (links made before included); returns the commit id. */
  commit(message: string, files: Record<string, string | Uint8Array | null>): string;
  /** Removes the repository now (it is removed after the test file anyway). */
  remove(): void;
}

/** An empty repository on branch `main`: write files, commit, read back. */
export function createTempRepo(prefix = 'hipaa-guard-repo-'): TempRepo {
  const dir = tempDir(prefix);
  const run = (...args: string[]) => git(dir, ...args);
  run('init', '--quiet', '--initial-branch=main');
  const write = (files: Record<string, string | Uint8Array | null>) => {
    for (const [path, text] of Object.entries(files)) {
      const full = join(dir, path);
      if (text === null) rmSync(full, { force: true });
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, text);
      }
    }
  };
  return {
    dir,
    git: run,
    write,
    link(path, target) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      symlinkSync(target, join(dir, path));
    },
    commit(message, files) {
      write(files);
      run('add', '--all');
      run('commit', '--quiet', '--allow-empty', '-m', message);
      return run('rev-parse', 'HEAD');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A repository with one commit per entry of `commits` (path → text; `null` deletes); returns the SHAs. */
export function createRepo(commits: Record<string, string | null>[]): Promise<{ dir: string; shas: string[] }> {
  const repo = createTempRepo('hipaa-guard-action-repo-');
  const shas = commits.map((files, index) => repo.commit(`commit ${index}`, files));
  return Promise.resolve({ dir: repo.dir, shas });
}

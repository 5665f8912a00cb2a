/** A throw-away git repository for end-to-end tests: write files, commit, read back. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes files (path → text or bytes; `null` deletes) without committing. */
  write(files: Record<string, string | Uint8Array | null>): void;
  /** Makes a symbolic link at `path` (inside the repository) to `target` (anywhere), without committing. */
  link(path: string, target: string): void;
  /** Writes files and commits them (links made before included); returns the commit id. */
  commit(message: string, files: Record<string, string | Uint8Array | null>): string;
  remove(): void;
}

export function createTempRepo(): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'hipaa-guard-repo-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '--quiet', '--initial-branch=main');
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
    git,
    write,
    link(path, target) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      symlinkSync(target, join(dir, path));
    },
    commit(message, files) {
      write(files);
      git('add', '--all');
      git('commit', '--quiet', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

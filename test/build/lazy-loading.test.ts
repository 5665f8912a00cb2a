import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** The files node loads before a bundle's first line runs: the file and its static imports, transitively. */
function loadedAtStart(file: string): string[] {
  const seen = new Set<string>();
  const pending = [file];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    const text = readFileSync(join(DIST, next), 'utf8');
    for (const match of text.matchAll(/^import\s*(?:[^'"]*?\sfrom\s*)?["']\.\/([^"']+)["'];/gm)) pending.push(match[1] ?? '');
  }
  return [...seen];
}

/** The sources bundled into these files: esbuild heads each module with a `// path` comment. */
function modulesIn(files: readonly string[]): string[] {
  return [
    ...new Set(
      files.flatMap((file) =>
        [...readFileSync(join(DIST, file), 'utf8').matchAll(/^\/\/ ((?:node_modules\/)?[\w@./-]+\.(?:[cm]?js|ts|json))$/gm)].map((match) => match[1] ?? ''),
      ),
    ),
  ];
}

/** The chunk holding a source module (a command's module is its own chunk, imported when it runs). */
function chunkOf(source: string): string {
  const found = readdirSync(DIST).find((file) => file.endsWith('.js') && modulesIn([file]).includes(source));
  if (!found) throw new Error(`${source} is in no file of dist/`);
  return found;
}

const packagesIn = (modules: readonly string[]) => [
  ...new Set(
    modules
      .filter((path) => path.startsWith('node_modules/'))
      .map((path) =>
        path
          .split('/')
          .slice(1, path.split('/')[1]?.startsWith('@') ? 3 : 2)
          .join('/'),
      ),
  ),
];

describe('dist/: each command loads what it needs when it needs it', () => {
  it('hipaa-guard --version loads no dependency and no command', () => {
    // Given the CLI bundle, When node loads it before running the first line
    const modules = modulesIn(loadedAtStart('cli.js'));

    // Then only the dispatcher and its small helpers are there
    expect(packagesIn(modules)).toEqual([]);
    expect(modules.filter((path) => path.startsWith('cli/')).sort()).toEqual(['cli/cli.ts', 'cli/command.ts', 'cli/main.ts']);
  });

  it('hipaa-guard probe loads neither the scan engine, nor the HCL parser, nor probot, nor execa', () => {
    // Given the chunk of the probe command, When it is imported
    const modules = modulesIn(loadedAtStart(chunkOf('cli/probe.ts')));

    // Then the endpoint engine is there, and nothing of scanning infrastructure or of the App
    expect(modules).toContain('checks/endpoint/index.ts');
    expect(modules).not.toContain('checks/scan.ts');
    expect(modules.filter((path) => path.startsWith('checks/infra/terraform/'))).toEqual([]);
    expect(packagesIn(modules).filter((name) => ['@cdktf/hcl2json', 'probot', 'execa', '@octokit/rest', '@actions/core'].includes(name))).toEqual([]);
  });

  it('hipaa-guard scan loads the scan engine, and no probot', () => {
    const modules = modulesIn(loadedAtStart(chunkOf('cli/scan.ts')));

    expect(modules).toContain('checks/scan.ts');
    expect(packagesIn(modules)).not.toContain('probot');
  });

  it('the App at rest holds probot but not the scan engine: the first pull request loads it', () => {
    const modules = modulesIn(loadedAtStart('app.js'));

    expect(packagesIn(modules)).toContain('probot');
    expect(modules).not.toContain('checks/scan.ts');
    expect(packagesIn(modules)).not.toContain('@cdktf/hcl2json');
  });

  it('no front but the App loads probot', () => {
    expect(packagesIn(modulesIn(loadedAtStart('action.js')))).not.toContain('probot');
    expect(packagesIn(modulesIn(loadedAtStart('cli.js')))).not.toContain('probot');
  });
});

// `npm run build`: bundles the three fronts into dist/ with esbuild, every dependency inlined
// (the Actions runner has no node_modules). `--check` rebuilds into a temporary directory and
// fails when the committed dist/ differs (CI calls it: the Action runs the committed bundle).
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import console from 'node:console';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const HCL2JSON = join(root, 'node_modules', '@cdktf', 'hcl2json');

// ESM output, CommonJS dependencies: give them `require`, `__filename` and `__dirname` (of the bundle).
const CJS_SHIM = [
  "import { createRequire as __hgCreateRequire } from 'node:module';",
  "import { fileURLToPath as __hgFileURLToPath } from 'node:url';",
  "import { dirname as __hgDirname } from 'node:path';",
  'const require = __hgCreateRequire(import.meta.url);',
  'const __filename = __hgFileURLToPath(import.meta.url);',
  'const __dirname = __hgDirname(__filename);',
].join('\n');

/**
 * @cdktf/hcl2json reads `join(__dirname, "..", "main.wasm.gz")` at run time; bundled, __dirname
 * is dist/, so point it at dist/main.wasm.gz (copied there below).
 */
const hcl2jsonWasm = {
  name: 'hcl2json-wasm',
  setup(esbuild) {
    esbuild.onLoad({ filter: /@cdktf[\\/]hcl2json[\\/]lib[\\/]bridge\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source.replace('(0, path_1.join)(__dirname, "..", "main.wasm.gz")', '(0, path_1.join)(__dirname, "main.wasm.gz")');
      if (patched === source) throw new Error('@cdktf/hcl2json changed how it finds main.wasm.gz; update scripts/build.mjs');
      return { contents: patched, loader: 'js' };
    });
  },
};

const ENTRIES = [
  { entry: 'action/index.ts', out: 'action.js' },
  { entry: 'cli/main.ts', out: 'cli.js', hashbang: true },
  { entry: 'app/main.ts', out: 'app.js', optional: true },
];

/** Builds every front into `outdir`, or only those named in `only` (`action`, `cli`, `app`). */
export async function buildAll(outdir, only = []) {
  const built = [];
  for (const { entry, out, hashbang, optional } of ENTRIES.filter(({ out }) => !only.length || only.includes(out.replace(/\.js$/, '')))) {
    if (!existsSync(join(root, entry))) {
      if (optional) continue;
      throw new Error(`${entry} is missing`);
    }
    await build({
      entryPoints: [join(root, entry)],
      outfile: join(outdir, out),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      // The entry's own `#!` line is dropped by esbuild when a banner is set: put it first ourselves.
      banner: { js: `${hashbang ? '#!/usr/bin/env node\n' : ''}${CJS_SHIM}` },
      legalComments: 'eof',
      // Same bundle whether node_modules is a directory or a link to one (a clean export of HEAD).
      preserveSymlinks: true,
      logLevel: 'warning',
      // hcl2json's Go shim requires "performance" only where globalThis.performance is missing (never on Node >= 16).
      external: ['performance'],
      plugins: [hcl2jsonWasm],
    });
    built.push(out);
  }
  await copyFile(join(HCL2JSON, 'main.wasm.gz'), join(outdir, 'main.wasm.gz'));
  built.push('main.wasm.gz');
  return built;
}

async function checkFresh() {
  const temporary = await mkdtemp(join(tmpdir(), 'hipaa-guard-dist-'));
  try {
    const built = await buildAll(temporary);
    const stale = [];
    for (const file of built) {
      const committed = await readFile(join(root, 'dist', file)).catch(() => undefined);
      const fresh = await readFile(join(temporary, file));
      if (!committed || !committed.equals(fresh)) stale.push(file);
    }
    const extra = (await readdir(join(root, 'dist')).catch(() => [])).filter((file) => !built.includes(file));
    if (stale.length || extra.length) {
      const lines = [...stale.map((file) => `dist/${file} is stale`), ...extra.map((file) => `dist/${file} is not built any more`)];
      console.error(`${lines.join('\n')}\nrun \`npm run build\` and commit dist/`);
      process.exitCode = 1;
    } else console.log(`dist/ is up to date (${built.join(', ')})`);
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) await checkFresh();
  else {
    const only = process.argv.slice(2).filter((argument) => !argument.startsWith('-'));
    console.log(`built ${(await buildAll(join(root, 'dist'), only)).map((file) => `dist/${file}`).join(', ')}`);
  }
}

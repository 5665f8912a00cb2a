// `npm run build`: bundles the three fronts into dist/ with esbuild, every dependency inlined
// (the Actions runner has no node_modules), split in chunks that load when they are needed.
// `--check` rebuilds into a temporary directory and fails when the committed dist/ differs (CI
// calls it: the Action runs the committed bundle).
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import console from 'node:console';
import process from 'node:process';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';
import { gunzipSync } from 'node:zlib';
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
 * @cdktf/hcl2json reads and gunzips `join(__dirname, "..", "main.wasm.gz")` at run time; bundled,
 * __dirname is dist/, so point it at dist/main.wasm, decompressed once here (below) instead of on
 * every start: ~20 ms of CPU per scan. Git and npm compress the files they store anyway.
 */
const hcl2jsonWasm = {
  name: 'hcl2json-wasm',
  setup(esbuild) {
    esbuild.onLoad({ filter: /@cdktf[\\/]hcl2json[\\/]lib[\\/]bridge\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source.replace(
        '(0, zlib_1.gunzipSync)(await fs.readFile((0, path_1.join)(__dirname, "..", "main.wasm.gz")))',
        'await fs.readFile((0, path_1.join)(__dirname, "main.wasm"))',
      );
      if (patched === source) throw new Error('@cdktf/hcl2json changed how it loads main.wasm.gz; update scripts/build.mjs');
      return { contents: patched, loader: 'js' };
    });
  },
};

/**
 * With code splitting, esbuild gives a dynamic `import()` of a CommonJS package only `default`
 * (evanw/esbuild#3245), where Node also gives the names it finds in `module.exports`: so
 * `(await import('@cdktf/hcl2json')).parse` works under tsx and vitest but would be undefined in
 * dist/. Such an import gets an ES module exporting by name what Node's own `import()` of the
 * package exports (asked of a child node at build time), its `default` being `module.exports`.
 */
const cjsDynamicImports = {
  name: 'cjs-dynamic-imports',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const resolved = await esbuild.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir });
      if (resolved.errors.length || resolved.external || !(await isCommonJs(resolved.path))) return undefined;
      // Relative to the project: the path appears in the bundle, which must not depend on where it is built.
      return { path: relative(root, resolved.path), namespace: 'cjs-dynamic-import' };
    });
    esbuild.onLoad({ filter: /.*/, namespace: 'cjs-dynamic-import' }, (args) => {
      const file = join(root, args.path);
      const names = nodeExportNames(file).filter((name) => name !== 'default');
      // require, not a default import: esbuild would give a module marked __esModule its `exports.default`.
      const lines = [`const cjs = require(${JSON.stringify(`./${basename(file)}`)});`, 'export default cjs;'];
      names.forEach((name, index) => lines.push(`const name${index} = cjs[${JSON.stringify(name)}];`, `export { name${index} as ${JSON.stringify(name)} };`));
      return { contents: lines.join('\n'), resolveDir: dirname(file), loader: 'js' };
    });
  },
};

/** Node's module type of a file: .cjs, or .js under a package.json without `"type": "module"`. */
async function isCommonJs(file) {
  if (file.endsWith('.cjs')) return true;
  if (!file.endsWith('.js')) return false;
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (text !== undefined) return JSON.parse(text).type !== 'module';
  }
  return true;
}

/** The names Node's `import()` of a CommonJS file exports (its cjs-module-lexer's reading). */
function nodeExportNames(file) {
  const script = `const ns = await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(JSON.stringify(Object.keys(ns))); process.exit(0);`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

/** The three fronts: dist/<name>.js each; what they share, and what they import lazily, goes in chunks. */
const ENTRIES = { action: 'action/index.ts', cli: 'cli/main.ts', app: 'app/main.ts' };

/**
 * Builds the fronts into `outdir` in one esbuild run with code splitting: an `import()` in the
 * sources becomes a chunk loaded only when that line runs (a CLI command, the HCL parser), and a
 * module two fronts share is one chunk. Chunk names are content hashes, so the same sources make
 * the same files. Returns the file names written; files of an earlier build are removed.
 */
export async function buildAll(outdir) {
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, entry]) => [name, join(root, entry)])),
    outdir,
    // Flat, beside the entries: bundled CommonJS code that reads `__dirname` (hcl2json's WASM) finds dist/.
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // The CLI entry's `#!` line stays first; the shim follows it in every file.
    banner: { js: CJS_SHIM },
    legalComments: 'eof',
    // Same bundle whether node_modules is a directory or a link to one (a clean export of HEAD).
    preserveSymlinks: true,
    logLevel: 'warning',
    // hcl2json's Go shim requires "performance" only where globalThis.performance is missing (never on Node >= 16).
    external: ['performance'],
    plugins: [cjsDynamicImports, hcl2jsonWasm],
    write: false,
  });
  await mkdir(outdir, { recursive: true });
  const built = [];
  for (const file of result.outputFiles) {
    await writeFile(file.path, file.contents);
    built.push(relative(outdir, file.path));
  }
  await writeFile(join(outdir, 'main.wasm'), gunzipSync(await readFile(join(HCL2JSON, 'main.wasm.gz'))));
  built.push('main.wasm');
  for (const stale of (await readdir(outdir)).filter((file) => !built.includes(file))) await rm(join(outdir, stale));
  return built.sort();
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
  else console.log(`built ${(await buildAll(join(root, 'dist'))).map((file) => `dist/${file}`).join(', ')}`);
}

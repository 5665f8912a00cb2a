/**
 * Plan JSON has no file or line for anything. Inside the checkout, a resource address is
 * mapped to its block: the module instances of the address (`module.edge["a"].module.lb`)
 * lead through the plan's own `configuration` (each module call's `source`) to a folder, whose
 * `.tf` files the Terraform parser reads for the block and its attributes' lines. Outside the
 * checkout (a registry module, no checkout at all) the place is the module's folder or source.
 */
import { posix } from 'node:path';
import type { FileSource } from '../../model/source.js';
import type { LineRange } from '../../yaml/positions.js';
import type { InfraResource, SourceRange } from '../model.js';
import type { AttributePath } from '../rule.js';
import { parseTerraformModule } from '../terraform/parse-terraform.js';
import type { PlanConfigModule, PlanResourceChange, TerraformPlan } from './plan-json.js';

/** Where a resource of the plan stands for findings. */
export interface PlanPlace {
  /** A `.tf` file when the block was found, else the module's folder or source. */
  path: string;
  range: LineRange;
  locate(path: AttributePath): SourceRange;
  /** The block was found in the checkout. */
  found: boolean;
}

export interface PlanLocator {
  placeOf(change: PlanResourceChange): PlanPlace;
  /** The root module's folder in the checkout, when known. */
  rootDir?: string;
  /** The texts of the files read, for ignore comments. */
  texts: ReadonlyMap<string, string>;
  /** The block ranges per file, for ignore comments on a block. */
  blocks: ReadonlyMap<string, LineRange[]>;
}

const FIRST_LINE: LineRange = { startLine: 1, endLine: 1 };
const MODULE_STEP = /^module\.([A-Za-z_][\w-]*)(?:\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?\./;

/** The module call names of a resource address: `module.a["x"].module.b.aws_lb.front` → `["a", "b"]`. */
export function moduleNamesOf(address: string): string[] {
  const names: string[] = [];
  let rest = address;
  for (let step = MODULE_STEP.exec(rest); step; step = MODULE_STEP.exec(rest)) {
    names.push(step[1]!);
    rest = rest.slice(step[0].length);
  }
  return names;
}

/** The configuration of the module at `names` (empty: the root module). */
export function configModuleOf(plan: TerraformPlan, names: readonly string[]): PlanConfigModule | undefined {
  let module = plan.configuration?.root_module;
  for (const name of names) module = module?.module_calls?.[name]?.module;
  return module;
}

const isLocalSource = (source: string) => source.startsWith('./') || source.startsWith('../');
const isTerraformFile = (path: string) => path.endsWith('.tf') || path.endsWith('.tf.json');

/** The folder of a module in the checkout, or (outside it) the label to show: the call's source. */
function folderOf(plan: TerraformPlan, names: readonly string[], rootDir: string | undefined): { dir?: string; label: string } {
  let dir = rootDir;
  let label = rootDir ?? '.';
  // Below a registry or git module, a local source is relative to something not on disk here.
  let remote = false;
  let module = plan.configuration?.root_module;
  for (const name of names) {
    const call = module?.module_calls?.[name];
    const source = call?.source ?? `module.${name}`;
    if (dir !== undefined && isLocalSource(source)) {
      dir = posix.normalize(posix.join(dir, source));
      label = dir;
    } else {
      dir = undefined;
      if (!isLocalSource(source)) label = source;
      else label = remote ? `${label} → ${source}` : posix.join(label, source);
      remote ||= !isLocalSource(source);
    }
    module = call?.module;
  }
  return dir === undefined ? { label } : { dir, label: dir };
}

/**
 * Reads the checkout (when given) for the folders the plan's resources live in. `rootDir` is
 * the root module's folder; absent, it is the folder that declares the most of the root
 * module's resources and module calls (the plan file's own folder tried first).
 */
export async function planLocator(plan: TerraformPlan, options: { files?: FileSource; rootDir?: string; planPath?: string }): Promise<PlanLocator> {
  const texts = new Map<string, string>();
  const blocks = new Map<string, LineRange[]>();
  const parsedFolders = new Map<string, Map<string, InfraResource>>();
  let rootDir = options.rootDir === undefined ? undefined : normalizeDir(options.rootDir);
  if (options.files) {
    const byFolder = new Map<string, string[]>();
    for (const path of (await options.files.list()).filter(isTerraformFile)) {
      if (path.split('/').includes('.terraform')) continue;
      const dir = posix.dirname(path);
      byFolder.set(dir, [...(byFolder.get(dir) ?? []), path]);
    }
    const read = async (dir: string) => {
      const paths = byFolder.get(dir) ?? [];
      const contents = await Promise.all(paths.map((path) => options.files!.read(path)));
      return paths.flatMap((path, index) => (contents[index] === undefined ? [] : [{ path, text: contents[index] }]));
    };
    rootDir ??= await findRootDir(plan, byFolder, read, options.planPath);
    if (rootDir !== undefined) {
      const dirs = new Set(
        plan.resource_changes.map((change) => folderOf(plan, moduleNamesOf(change.address), rootDir).dir).filter((dir) => dir !== undefined),
      );
      for (const dir of dirs) {
        const files = await read(dir);
        for (const file of files) texts.set(file.path, file.text);
        const resources = new Map<string, InfraResource>();
        for (const parsed of await parseTerraformModule(files)) {
          if (!parsed.ok) continue;
          for (const resource of parsed.resources) {
            resources.set(resource.address, resource);
            blocks.set(resource.path, [...(blocks.get(resource.path) ?? []), resource.range]);
          }
        }
        parsedFolders.set(dir, resources);
      }
    }
  }
  return {
    ...(rootDir !== undefined ? { rootDir } : {}),
    texts,
    blocks,
    placeOf: (change) => {
      const folder = folderOf(plan, moduleNamesOf(change.address), rootDir);
      const block = folder.dir === undefined ? undefined : parsedFolders.get(folder.dir)?.get(`${change.type}.${change.name}`);
      if (!block) return { path: folder.label, range: FIRST_LINE, locate: () => FIRST_LINE, found: false };
      return { path: block.path, range: block.range, locate: (path) => block.locate(path), found: true };
    },
  };
}

function normalizeDir(dir: string): string {
  const normalized = posix.normalize(dir.split('\\').join('/')).replace(/\/+$/, '');
  return normalized === '' ? '.' : normalized;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The folder that declares most of the root module's blocks; the plan file's folder wins a tie. */
async function findRootDir(
  plan: TerraformPlan,
  byFolder: ReadonlyMap<string, string[]>,
  read: (dir: string) => Promise<{ path: string; text: string }[]>,
  planPath: string | undefined,
): Promise<string | undefined> {
  const root = plan.configuration?.root_module;
  const declarations = [
    ...(root?.resources ?? []).map(
      (resource) => `${resource.mode === 'data' ? 'data' : 'resource'}\\s+"${escapeRegExp(resource.type)}"\\s+"${escapeRegExp(resource.name)}"`,
    ),
    ...Object.keys(root?.module_calls ?? {}).map((name) => `module\\s+"${escapeRegExp(name)}"`),
  ].map((pattern) => new RegExp(pattern));
  if (!declarations.length) return undefined;
  const planDir = planPath === undefined ? undefined : posix.dirname(planPath);
  const candidates = [...byFolder.keys()].sort(
    (a, b) => Number(b === planDir) - Number(a === planDir) || a.split('/').length - b.split('/').length || a.localeCompare(b),
  );
  let best: { dir: string; score: number } | undefined;
  for (const dir of candidates) {
    const text = (await read(dir)).map((file) => file.text).join('\n');
    const score = declarations.filter((pattern) => pattern.test(text)).length;
    if (score > (best?.score ?? 0)) best = { dir, score };
    if (score === declarations.length) break;
  }
  return best?.dir;
}

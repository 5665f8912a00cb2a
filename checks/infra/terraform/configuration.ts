/**
 * A Terraform configuration evaluated the way `terraform plan` would see it, as far as the
 * checkout allows: root modules with their tfvars, the local modules they call (recursively,
 * once per call and per `count`/`for_each` instance), variables bound to the callers' inputs,
 * `locals`, child `output`s, `optional()` defaults, resource `count`/`for_each` and `dynamic`
 * blocks. A value set by a caller or a tfvars file remembers that place, so a finding points
 * at the line the pull request edits.
 */
import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { LineRange } from '../../yaml/positions.js';
import { isUnresolved, type InfraResource, type SourceRange, type Unresolved } from '../model.js';
import { evaluateSafely, iterate, reasonOf, unknownAt, unknownBecause, withSymbols, type EvalScope } from './evaluate.js';
import { parseTemplateBody, type Expr } from './expression.js';
import { renderPolicyDocument } from './policy-document.js';

export type HclBody = Record<string, unknown>;

export interface TerraformSourceFile {
  path: string;
  body: HclBody;
  locate: (path: readonly (string | number)[]) => LineRange;
}

export interface ConfigurationOptions {
  /** `infra.terraform.var-files`: globs of var files applied to the root module in their directory, in this order. */
  varFiles?: readonly string[];
  /** `.terraform/modules/modules.json` texts by path (what `terraform init` leaves in a root module). */
  modulesJson?: ReadonlyMap<string, string>;
}

export interface EvaluatedConfiguration {
  resources: InfraResource[];
  /** Per file: what the reader must know (a module whose source is not here, a var file not applied). */
  notes: Map<string, string[]>;
}

/** Beyond these, instances are not expanded further (a hostile `count = 1e9`, a module cycle). */
const MAX_EXPANSION = 256;
const MAX_MODULE_DEPTH = 16;
const MAX_INSTANCES = 2000;

const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
/** Meta-arguments of a resource: how many and when, not its settings. */
const RESOURCE_META = new Set(['count', 'for_each', 'depends_on', 'provider']);
const NOT_SOURCE_AVAILABLE = 'module source not available locally';

interface ModuleDir {
  dir: string;
  files: TerraformSourceFile[];
  variables: Map<string, { file: TerraformSourceFile; block: HclBody }>;
  locals: Map<string, { file: TerraformSourceFile; raw: unknown }>;
  outputs: Map<string, { file: TerraformSourceFile; raw: unknown }>;
  calls: Map<string, { file: TerraformSourceFile; block: HclBody }>;
  /** `data "aws_iam_policy_document"` blocks: the one data source evaluated here (the others are read when Terraform runs). */
  policyDocuments: Map<string, HclBody>;
  moves: Map<string, string[]>;
}

/**
 * Where a value was set outside the module (a caller's input, a tfvars), and where each part of
 * it was set: `within(["https", "ssl_policy"])` is the line of that key in the map it passed.
 */
interface Origin extends SourceRange {
  within?: (path: readonly (string | number)[]) => SourceRange;
}

/** The value at `prefix` of a file (a tfvars attribute, a module block's input), with its parts. */
function originAt(file: TerraformSourceFile, prefix: readonly (string | number)[]): Origin {
  const at = (path: readonly (string | number)[]): SourceRange => ({ ...file.locate([...prefix, ...path]), path: file.path });
  return { ...at([]), within: at };
}

/** The part at `path` of a value that came from elsewhere; the whole when its parts are not known. */
function refine(origin: Origin | undefined, path: readonly (string | number)[]): Origin | undefined {
  const within = origin?.within;
  if (!within || !path.length) return origin;
  return { ...within(path), within: (more) => within([...path, ...more]) };
}

/** A place as a finding names it: file and lines only. */
function plain(origin: Origin): SourceRange {
  return { ...(origin.path !== undefined ? { path: origin.path } : {}), startLine: origin.startLine, endLine: origin.endLine };
}

/** `var.x.a["b"]`, `each.value.port`, `lookup(var.x, "a")`: the root name and the static keys read from it. */
function accessChain(node: Expr): { root: string; steps: (string | number)[] } | undefined {
  if (node.kind === 'variable') return { root: node.name, steps: [] };
  if (node.kind === 'attr') {
    const inner = accessChain(node.target);
    return inner && { root: inner.root, steps: [...inner.steps, node.name] };
  }
  // `lookup(each.value, "ssl_policy", …)` reads a key as `each.value["ssl_policy"]` does.
  const [target, key] =
    node.kind === 'index'
      ? [node.target, staticKey(node.key)]
      : node.kind === 'call' && node.name === 'lookup' && node.args[0]
        ? [node.args[0], staticKey(node.args[1])]
        : [];
  const inner = target && key !== undefined ? accessChain(target) : undefined;
  return inner && { root: inner.root, steps: [...inner.steps, key!] };
}

function staticKey(node: Expr | undefined): string | number | undefined {
  const key =
    node?.kind === 'literal'
      ? node.value
      : node?.kind === 'template' && node.parts.length === 1 && node.parts[0]!.kind === 'text'
        ? node.parts[0]!.value
        : undefined;
  return typeof key === 'string' || typeof key === 'number' ? key : undefined;
}

/** A value given to a module's variable, and where it was set when that is outside the module. */
interface Input {
  value: () => unknown;
  origin?: Origin;
}

const isObject = (value: unknown): value is HclBody => value !== null && typeof value === 'object' && !Array.isArray(value) && !isUnresolved(value);
const firstBody = (value: unknown): HclBody | undefined => {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return isObject(first) ? first : undefined;
};
const blocksOf = (body: HclBody, type: string): HclBody => (isObject(body[type]) ? body[type] : {});

export function isVarFile(path: string): boolean {
  return path.endsWith('.tfvars') || path.endsWith('.tfvars.json');
}

/** A directory path as the repository names it: `.` for the root, no trailing slash. */
function normalizeDir(path: string): string {
  return posix.normalize(path).replace(/\/+$/, '') || '.';
}

/** The directory a local `source` (`./x`, `../x`) names, or `undefined` for registry and git sources. */
export function localSourceDir(dir: string, source: string): string | undefined {
  if (!/^\.\.?(\/|$)/.test(source)) return undefined;
  return normalizeDir(posix.join(dir, source));
}

export function evaluateConfiguration(files: readonly TerraformSourceFile[], options: ConfigurationOptions = {}): EvaluatedConfiguration {
  return new Configuration(files, options).evaluate();
}

class Configuration {
  private readonly dirs = new Map<string, ModuleDir>();
  private readonly varFiles: TerraformSourceFile[] = [];
  private readonly notes = new Map<string, string[]>();
  private readonly parsed = new Map<string, Expr | Error>();
  private instances = 0;

  constructor(
    files: readonly TerraformSourceFile[],
    private readonly options: ConfigurationOptions,
  ) {
    for (const file of files) {
      if (isVarFile(file.path)) {
        this.varFiles.push(file);
        continue;
      }
      const dir = normalizeDir(posix.dirname(file.path));
      const module = this.dirs.get(dir) ?? {
        dir,
        files: [],
        variables: new Map(),
        locals: new Map(),
        outputs: new Map(),
        calls: new Map(),
        policyDocuments: new Map(),
        moves: new Map(),
      };
      this.dirs.set(dir, module);
      collect(module, file);
    }
  }

  evaluate(): EvaluatedConfiguration {
    const called = new Set<string>();
    for (const module of this.dirs.values()) {
      for (const [name, call] of module.calls) {
        const target = this.sourceDir(module.dir, module.dir, name, call.block, '');
        if (target && target !== module.dir) called.add(target);
      }
    }
    const resources: InfraResource[] = [];
    const applied = new Set<TerraformSourceFile>();
    for (const module of [...this.dirs.values()].sort((a, b) => a.dir.localeCompare(b.dir))) {
      if (called.has(module.dir)) continue;
      const varFiles = this.varFilesOf(module.dir);
      varFiles.forEach((file) => applied.add(file));
      const inputs = this.rootInputs(module, varFiles);
      resources.push(...new Instance(this, module, '', module.dir, '', inputs, 0).resources());
    }
    for (const file of this.varFiles) {
      if (!applied.has(file)) {
        this.note(
          file.path,
          `infra: ${file.path} was not applied to any module (only terraform.tfvars, *.auto.tfvars and the files named in infra.terraform.var-files are, to the root module in their directory)`,
        );
      }
    }
    return { resources, notes: this.notes };
  }

  note(path: string, message: string): void {
    const list = this.notes.get(path) ?? [];
    if (!list.includes(message)) list.push(message);
    this.notes.set(path, list);
  }

  /** Counts module instances; false once the configuration is too large to expand further. */
  admit(): boolean {
    return ++this.instances <= MAX_INSTANCES;
  }

  parse(text: string): Expr | Error {
    let parsed = this.parsed.get(text);
    if (!parsed) {
      try {
        parsed = parseTemplateBody(text);
      } catch (error) {
        parsed = error instanceof Error ? error : new Error(String(error));
      }
      this.parsed.set(text, parsed);
    }
    return parsed;
  }

  module(dir: string): ModuleDir | undefined {
    return this.dirs.get(dir);
  }

  /**
   * The directory a module call reads: a local path, or what `terraform init` recorded in the
   * root's `.terraform/modules/modules.json` under the call's key (`vpc`, `vpc.subnets`).
   */
  sourceDir(dir: string, rootDir: string, name: string, block: HclBody, parentKey: string): string | undefined {
    const source = typeof block.source === 'string' ? block.source : '';
    const local = localSourceDir(dir, source);
    if (local !== undefined) return local;
    const manifest = this.options.modulesJson?.get(posix.join(rootDir === '.' ? '' : rootDir, '.terraform/modules/modules.json'));
    if (!manifest) return undefined;
    try {
      const parsed = JSON.parse(manifest) as { Modules?: { Key?: unknown; Dir?: unknown }[] };
      const key = parentKey ? `${parentKey}.${name}` : name;
      const entry = parsed.Modules?.find((candidate) => candidate.Key === key);
      return typeof entry?.Dir === 'string' ? normalizeDir(posix.join(rootDir, entry.Dir)) : undefined;
    } catch {
      return undefined;
    }
  }

  /** terraform.tfvars, then *.auto.tfvars (by name), then the configured var files: later wins. */
  private varFilesOf(dir: string): TerraformSourceFile[] {
    const inDir = this.varFiles.filter((file) => normalizeDir(posix.dirname(file.path)) === dir);
    const name = (file: TerraformSourceFile) => posix.basename(file.path);
    const automatic = [
      ...inDir.filter((file) => name(file) === 'terraform.tfvars' || name(file) === 'terraform.tfvars.json'),
      ...inDir.filter((file) => /\.auto\.tfvars(\.json)?$/.test(name(file))).sort((a, b) => name(a).localeCompare(name(b))),
    ];
    const configured = (this.options.varFiles ?? []).flatMap((glob) => {
      const matches = picomatch(glob, { dot: true });
      return inDir.filter((file) => matches(file.path) && !automatic.includes(file));
    });
    return [...automatic, ...new Set(configured)];
  }

  private rootInputs(module: ModuleDir, varFiles: readonly TerraformSourceFile[]): Map<string, Input> {
    const inputs = new Map<string, Input>();
    for (const file of varFiles) {
      for (const [name, raw] of Object.entries(file.body)) {
        if (!module.variables.has(name)) continue;
        inputs.set(name, { value: () => this.literal(raw, `var.${name} in ${file.path}`), origin: originAt(file, [name]) });
      }
    }
    return inputs;
  }

  /** A tfvars value: literal, but a string may still hold `${…}` Terraform would refuse there. */
  private literal(raw: unknown, where: string): unknown {
    if (typeof raw === 'string' && (raw.includes('${') || raw.includes('%{'))) return unknownBecause(raw, `${where} is not a literal value`);
    return raw;
  }
}

function collect(module: ModuleDir, file: TerraformSourceFile): void {
  module.files.push(file);
  for (const [name, declaration] of Object.entries(blocksOf(file.body, 'variable'))) module.variables.set(name, { file, block: firstBody(declaration) ?? {} });
  for (const block of Array.isArray(file.body.locals) ? file.body.locals : []) {
    if (isObject(block)) for (const [name, raw] of Object.entries(block)) module.locals.set(name, { file, raw });
  }
  for (const [name, declaration] of Object.entries(blocksOf(file.body, 'output'))) module.outputs.set(name, { file, raw: firstBody(declaration)?.value });
  for (const [name, declaration] of Object.entries(blocksOf(file.body, 'module'))) module.calls.set(name, { file, block: firstBody(declaration) ?? {} });
  for (const [name, declaration] of Object.entries(blocksOf(blocksOf(file.body, 'data'), 'aws_iam_policy_document')))
    module.policyDocuments.set(name, firstBody(declaration) ?? {});
  const address = (value: unknown) => (typeof value === 'string' ? value.replace(/^\$\{(.*)\}$/, '$1') : undefined);
  for (const block of Array.isArray(file.body.moved) ? (file.body.moved as unknown[]) : []) {
    if (!isObject(block)) continue;
    const from = address(block.from);
    const to = address(block.to);
    if (from && to) module.moves.set(to, [...(module.moves.get(to) ?? []), from]);
  }
  // A chain a → b → c: c was also a.
  for (const [to, froms] of module.moves) {
    const all = new Set(froms);
    for (const from of all) for (const earlier of module.moves.get(from) ?? []) all.add(earlier);
    module.moves.set(to, [...all]);
  }
}

/** Values of one expansion (`count.index`, `each.key`/`each.value`) and where the collection was set. */
interface Iteration {
  count?: number | Unresolved;
  each?: { key: unknown; value: unknown };
  origin?: Origin;
}

/** What a value path of a resource maps to: its place in the source, and where its value was set if elsewhere. */
interface Placed {
  sourcePath: (string | number)[];
  origin?: Origin;
}

/** Where a value being evaluated stands: in the source, in the resource's values, and the symbols' origins. */
interface Place {
  sourcePath: (string | number)[];
  valuePath: (string | number)[];
  placed: Map<string, Placed>;
  origins: Map<string, Origin | undefined>;
}

/** One instance of a module: its inputs bound, its locals, outputs and child calls evaluated on demand. */
class Instance {
  private readonly variableValues = new Map<string, unknown>();
  private readonly localValues = new Map<string, unknown>();
  private readonly moduleValues = new Map<string, unknown>();
  private readonly documentValues = new Map<string, unknown>();
  private readonly evaluating = new Set<string>();
  private readonly children = new Map<string, Instance[]>();

  constructor(
    private readonly config: Configuration,
    private readonly module: ModuleDir,
    /** `module.edge.` for a child, '' at the root. */
    private readonly prefix: string,
    private readonly rootDir: string,
    /** `edge` / `edge.listeners`: the key `terraform init` records in modules.json. */
    private readonly key: string,
    private readonly inputs: Map<string, Input>,
    private readonly depth: number,
  ) {}

  // ---------- names ----------

  private scope(iteration: Iteration = {}): EvalScope {
    return {
      reference: (root, name, node) => this.reference(root, name, node, iteration),
      symbol: (name, node) => {
        if (name === 'self' || name === '') return unknownAt(node, 'refers to the resource itself, known only after apply');
        return unknownAt(node, `${name} is not defined here`);
      },
    };
  }

  private reference(root: string, name: string, node: Expr, iteration: Iteration): unknown {
    switch (root) {
      case 'var':
        return this.variable(name, node);
      case 'local':
        return this.local(name, node);
      case 'module':
        return this.moduleValue(name, node);
      case 'count':
        if (name !== 'index' || iteration.count === undefined) return unknownAt(node, 'count.index is used outside a counted block');
        return iteration.count;
      case 'each':
        if (!iteration.each || (name !== 'key' && name !== 'value')) return unknownAt(node, 'each is used outside a for_each block');
        return iteration.each[name];
      case 'path':
        // Terraform runs in the root module's directory: path.cwd is it (repository-relative here).
        return name === 'module'
          ? this.module.dir
          : name === 'root' || name === 'cwd'
            ? this.rootDir
            : unknownAt(node, 'a path of the machine that runs Terraform');
      case 'terraform':
        return unknownAt(node, 'the workspace is chosen when Terraform runs');
      case 'data':
        if (name === 'aws_iam_policy_document') return this.policyDocuments(node);
        return unknownAt(node, 'a data source, read when Terraform runs');
      default:
        return unknownAt(node, 'an attribute of another resource, known only after apply');
    }
  }

  private variable(name: string, node: Expr): unknown {
    if (this.variableValues.has(name)) return this.variableValues.get(name);
    const declaration = this.module.variables.get(name);
    let value: unknown;
    if (!declaration) value = unknownAt(node, `var.${name} is not declared in ${this.module.dir}`);
    else {
      const input = this.inputs.get(name);
      const hasDefault = Object.hasOwn(declaration.block, 'default');
      if (input) value = input.value();
      // A null input overrides the default unless the variable says `nullable = false`.
      if ((value === undefined || (value === null && declaration.block.nullable === false)) && hasDefault) value = declaration.block.default;
      if (value === undefined) {
        value = unknownBecause(
          `\${var.${name}}`,
          this.prefix
            ? `var.${name} has no default and the caller passes no value`
            : `var.${name} has no default and no value in terraform.tfvars, *.auto.tfvars or infra.terraform.var-files`,
        );
      } else value = withTypeDefaults(declaration.block.type, value, (text) => this.config.parse(text));
    }
    this.variableValues.set(name, value);
    return value;
  }

  private local(name: string, node: Expr): unknown {
    return this.once('local', name, node, this.localValues, () => this.value(this.module.locals.get(name)!.raw, this.scope()));
  }

  private moduleValue(name: string, node: Expr): unknown {
    return this.once('module', name, node, this.moduleValues, () => {
      const children = this.childrenOf(name);
      if (!children) return unknownAt(node, NOT_SOURCE_AVAILABLE);
      return byInstance(
        children.keys,
        children.instances.map((child) => child.outputs()),
        node,
      );
    });
  }

  /** `data.aws_iam_policy_document`: each document of this module, rendered when first read. */
  private policyDocuments(node: Expr): HclBody {
    const documents: HclBody = {};
    for (const name of this.module.policyDocuments.keys()) {
      Object.defineProperty(documents, name, {
        enumerable: true,
        get: () => this.once('data', name, node, this.documentValues, () => this.policyDocument(name, node)),
      });
    }
    return documents;
  }

  /** One `aws_iam_policy_document` per `count`/`for_each` instance: its `json` is the rendered document. */
  private policyDocument(name: string, node: Expr): unknown {
    const block = this.module.policyDocuments.get(name)!;
    const expansion = this.expansion(block, this.scope());
    const settings = Object.fromEntries(Object.entries(block).filter(([key]) => !RESOURCE_META.has(key)));
    const documents = expansion.iterations.map((iteration) => {
      const json = renderPolicyDocument(this.body(settings, this.scope(iteration), { sourcePath: [], valuePath: [], placed: new Map(), origins: new Map() }));
      return {
        json,
        minified_json: json,
        id: unknownBecause(`\${data.aws_iam_policy_document.${name}.id}`, 'the id of a data source, known when Terraform reads it'),
      };
    });
    return byInstance(expansion.keys, documents, node);
  }

  /** A local's or a module call's value, computed once; one that needs itself is unknown. */
  private once(kind: 'local' | 'module' | 'data', name: string, node: Expr, cache: Map<string, unknown>, compute: () => unknown): unknown {
    if (cache.has(name)) return cache.get(name);
    const declared = kind === 'local' ? this.module.locals.has(name) : kind === 'module' ? this.module.calls.has(name) : this.module.policyDocuments.has(name);
    if (!declared) return unknownAt(node, `${kind}.${name} is not ${kind === 'local' ? 'defined' : 'called'} in ${this.module.dir}`);
    const key = `${kind}.${name}`;
    if (this.evaluating.has(key)) return unknownAt(node, `${key} depends on itself`);
    this.evaluating.add(key);
    const value = compute();
    this.evaluating.delete(key);
    cache.set(name, value);
    return value;
  }

  private outputs(): Record<string, unknown> {
    return Object.fromEntries([...this.module.outputs].map(([name, output]) => [name, this.value(output.raw, this.scope())]));
  }

  // ---------- values ----------

  /** Evaluates a value as hcl2json gives it: strings are templates, lists and maps are walked. */
  private value(raw: unknown, scope: EvalScope, place?: Place): unknown {
    if (typeof raw === 'string') {
      if (!raw.includes('${') && !raw.includes('%{')) return raw.replaceAll('$${', '${').replaceAll('%%{', '%{');
      const parsed = this.config.parse(raw);
      if (place) {
        const attribute = place.valuePath.findLast((step): step is string => typeof step === 'string');
        place.placed.set(pathKey(place.valuePath), { sourcePath: place.sourcePath, ...this.originOf(parsed, place.origins, attribute) });
      }
      if (parsed instanceof Error) return unknownBecause(raw, `the expression could not be read (${parsed.message})`);
      const value = evaluateSafely(parsed, scope, raw);
      return isUnresolved(value) && value.expression !== raw && parsed.kind === 'template' && parsed.parts.length === 1 ? renamed(value, raw) : value;
    }
    if (Array.isArray(raw)) {
      return raw.map((item, position) =>
        this.value(item, scope, place && { ...place, sourcePath: [...place.sourcePath, position], valuePath: [...place.valuePath, position] }),
      );
    }
    if (isObject(raw)) {
      const entries: [string, unknown][] = [];
      for (const [key, item] of Object.entries(raw)) {
        const name = key.includes('${') ? this.value(key, scope) : key;
        if (isUnresolved(name)) return unknownBecause(key, reasonOf(name));
        entries.push([
          String(name),
          this.value(item, scope, place && { ...place, sourcePath: [...place.sourcePath, key], valuePath: [...place.valuePath, String(name)] }),
        ]);
      }
      return Object.fromEntries(entries);
    }
    return raw;
  }

  /** A block body: attributes and nested blocks, with `dynamic` blocks expanded. */
  private body(raw: HclBody, scope: EvalScope, place: Place): HclBody {
    const values: [string, unknown][] = [];
    const blockLists = new Map<string, unknown>();
    for (const [key, item] of Object.entries(raw)) {
      if (key === 'dynamic') continue;
      const at = { ...place, sourcePath: [...place.sourcePath, key], valuePath: [...place.valuePath, key] };
      if (Array.isArray(item) && item.length && item.every(isObject)) {
        blockLists.set(
          key,
          item.map((block, position) => this.body(block, scope, { ...at, sourcePath: [...at.sourcePath, position], valuePath: [...at.valuePath, position] })),
        );
      } else values.push([key, this.value(item, scope, at)]);
    }
    for (const [name, definitions] of Object.entries(blocksOf(raw, 'dynamic'))) {
      const existing = blockLists.get(name);
      let blocks: unknown = Array.isArray(existing) ? [...(existing as unknown[])] : [];
      (Array.isArray(definitions) ? definitions : [definitions]).forEach((definition, position) => {
        if (!isObject(definition) || isUnresolved(blocks)) return;
        blocks = this.dynamic(name, definition, scope, { ...place, sourcePath: [...place.sourcePath, 'dynamic', name, position] }, blocks as unknown[]);
      });
      blockLists.set(name, blocks);
    }
    return Object.fromEntries([...values, ...blockLists]);
  }

  /** `dynamic "name" { for_each, iterator, content }`: one block per element, appended to `blocks`. */
  private dynamic(name: string, definition: HclBody, scope: EvalScope, place: Place, blocks: unknown[]): unknown {
    const collection = this.value(definition.for_each, scope);
    if (isUnresolved(collection)) return unknownBecause(`dynamic "${name}"`, `its for_each ${collection.expression} is not known: ${reasonOf(collection)}`);
    const iterator = typeof definition.iterator === 'string' ? definition.iterator.replace(/^\$\{\s*(.*?)\s*\}$/, '$1') : name;
    const content = firstBody(definition.content) ?? {};
    const forEach = typeof definition.for_each === 'string' ? this.config.parse(definition.for_each) : undefined;
    const origin = forEach && !(forEach instanceof Error) ? this.originOf(forEach, place.origins).origin : undefined;
    let pairs: [string | number, unknown][];
    try {
      pairs = iterate(collection, { kind: 'literal', value: collection, text: `dynamic "${name}"` });
    } catch {
      return unknownBecause(`dynamic "${name}"`, 'its for_each is neither a list nor a map');
    }
    for (const [key, value] of pairs.slice(0, MAX_EXPANSION)) {
      const inner = withSymbols(scope, new Map([[iterator, { key, value }]]));
      // Over a map, each block's values were set under its key.
      const origins = new Map(place.origins).set(iterator, typeof key === 'string' ? refine(origin, [key]) : origin);
      blocks.push(
        this.body(content, inner, { ...place, sourcePath: [...place.sourcePath, 'content', 0], valuePath: [...place.valuePath, name, blocks.length], origins }),
      );
    }
    return blocks;
  }

  /**
   * Where the variables an expression reads were set, when that is outside this module (an
   * input, a tfvars). Of the values it reads, the one under a key named like `attribute`
   * (`each.value.ssl_policy` for `ssl_policy`) points at that key's line; otherwise the first
   * one read, as a whole.
   */
  private originOf(expr: Expr | Error, symbols: ReadonlyMap<string, Origin | undefined>, attribute?: string, seen = new Set<string>()): { origin?: Origin } {
    if (expr instanceof Error) return {};
    const candidates: { origin: Origin; steps: (string | number)[] }[] = [];
    const visit = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(visit);
      const current = node as Expr;
      const chain = accessChain(current);
      if (!chain) {
        for (const [key, child] of Object.entries(current)) if (key !== 'text') visit(child);
        return;
      }
      const [first, ...rest] = chain.steps;
      let origin: Origin | undefined;
      let steps: (string | number)[] = [];
      if (chain.root === 'var' && typeof first === 'string') [origin, steps] = [this.inputOrigin(first), rest];
      else if (chain.root === 'local' && typeof first === 'string' && !seen.has(first)) {
        seen.add(first);
        const local = this.module.locals.get(first);
        if (typeof local?.raw === 'string') origin = this.originOf(this.config.parse(local.raw), symbols, undefined, seen).origin;
      } else if (chain.root !== 'local') [origin, steps] = [symbols.get(chain.root), first === 'value' ? rest : []];
      if (origin) candidates.push({ origin, steps });
      // lookup()'s default may come from elsewhere too
      if (current.kind === 'call') current.args.slice(2).forEach(visit);
    };
    visit(expr);
    const named = candidates.find((candidate) => attribute !== undefined && candidate.steps.at(-1) === attribute);
    const origin = named ? refine(named.origin, named.steps) : candidates[0]?.origin;
    return origin ? { origin } : {};
  }

  /**
   * Where a variable's value was set outside the module; a part the caller or tfvars left out
   * that an `optional()` default in the variable's type fills points at that default.
   */
  private inputOrigin(name: string): Origin | undefined {
    const input = this.inputs.get(name);
    const declaration = this.module.variables.get(name);
    const type = declaration && typeWithDefaults(declaration.block.type, (text) => this.config.parse(text));
    if (!input?.origin || !type) return input?.origin;
    const { origin } = input;
    const { file } = declaration;
    let supplied: { value: unknown } | undefined;
    return {
      ...origin,
      within: (path) => {
        supplied ??= { value: input.value() };
        const typePath = optionalDefaultPath(type, supplied.value, path);
        if (typePath) return { ...file.locate(['variable', name, 0, 'type', ...typePath]), path: file.path };
        return origin.within?.(path) ?? plain(origin);
      },
    };
  }

  // ---------- expansion ----------

  /** The instance keys of a `count` / `for_each` block: `undefined` for a single instance, Unresolved when not known. */
  private expansion(block: HclBody, scope: EvalScope): { keys?: (string | number)[] | Unresolved; iterations: Iteration[]; origin?: Origin } {
    const origins = new Map<string, Origin | undefined>();
    if (block.count !== undefined) {
      const count = this.value(block.count, scope);
      const origin = typeof block.count === 'string' ? this.originOf(this.config.parse(block.count), origins).origin : undefined;
      if (typeof count === 'number' && Number.isInteger(count) && count >= 0 && count <= MAX_EXPANSION) {
        const keys = Array.from({ length: count }, (_, position) => position);
        return { keys, iterations: keys.map((position) => ({ count: position, ...(origin ? { origin } : {}) })) };
      }
      const unknown = isUnresolved(count) ? count : unknownBecause(JSON.stringify(block.count), `count ${JSON.stringify(count)} is not a small whole number`);
      return { keys: unknown, iterations: [{ count: unknownBecause('${count.index}', 'count is not known'), ...(origin ? { origin } : {}) }] };
    }
    if (block.for_each !== undefined) {
      const collection = this.value(block.for_each, scope);
      const origin = typeof block.for_each === 'string' ? this.originOf(this.config.parse(block.for_each), origins).origin : undefined;
      const unknownEach = (reason: string) => {
        const each = { key: unknownBecause('${each.key}', reason), value: unknownBecause('${each.value}', reason) };
        return { keys: unknownBecause(JSON.stringify(block.for_each), reason), iterations: [{ each, ...(origin ? { origin } : {}) }] };
      };
      if (isUnresolved(collection)) return unknownEach(reasonOf(collection));
      const pairs: [string, unknown][] = Array.isArray(collection)
        ? collection.map((item) => [String(item), item])
        : isObject(collection)
          ? Object.keys(collection)
              .sort()
              .map((key) => [key, collection[key]])
          : [];
      if (pairs.some(([, value]) => isUnresolved(value) && Array.isArray(collection))) return unknownEach('some keys of for_each are not known');
      if (pairs.length > MAX_EXPANSION) return unknownEach(`for_each has more than ${MAX_EXPANSION} elements`);
      // Over a map, each instance's values were set under its key.
      const originOfKey = (key: string) => (isObject(collection) ? refine(origin, [key]) : origin);
      return {
        keys: pairs.map(([key]) => key),
        iterations: pairs.map(([key, value]) => ({ each: { key, value }, ...(origin ? { origin: originOfKey(key)! } : {}) })),
      };
    }
    return { iterations: [{}] };
  }

  // ---------- children ----------

  private childrenOf(name: string): { keys?: (string | number)[] | Unresolved; instances: Instance[] } | undefined {
    const call = this.module.calls.get(name)!;
    const key = this.key ? `${this.key}.${name}` : name;
    const dir = this.config.sourceDir(this.module.dir, this.rootDir, name, call.block, this.key);
    const child = dir === undefined ? undefined : this.config.module(dir);
    const source = typeof call.block.source === 'string' ? call.block.source : '';
    if (!child) {
      const why = dir === undefined ? 'no .terraform/modules/modules.json records it' : `${dir} holds no Terraform files`;
      this.config.note(
        call.file.path,
        `infra: ${this.prefix}module.${name} (source "${source}") is not available locally (${why}); its resources are not checked and values from it are unknown`,
      );
      return undefined;
    }
    if (this.depth >= MAX_MODULE_DEPTH || [...this.prefix.matchAll(/module\./g)].length >= MAX_MODULE_DEPTH) {
      this.config.note(call.file.path, `infra: ${this.prefix}module.${name} nests modules deeper than ${MAX_MODULE_DEPTH} levels; it is not checked`);
      return undefined;
    }
    const cached = this.children.get(name);
    const expansion = this.expansion(call.block, this.scope());
    if (cached) return { ...(expansion.keys !== undefined ? { keys: expansion.keys } : {}), instances: cached };
    const instances: Instance[] = [];
    expansion.iterations.forEach((iteration, position) => {
      if (!this.config.admit()) {
        this.config.note(
          call.file.path,
          `infra: the configuration has more than ${MAX_INSTANCES} module instances; ${this.prefix}module.${name} and later ones are not checked`,
        );
        return;
      }
      const keys = expansion.keys;
      const suffix = keys === undefined || isUnresolved(keys) ? '' : instanceSuffix(keys[position]!);
      const inputs = new Map<string, Input>();
      for (const [input, raw] of Object.entries(call.block)) {
        if (MODULE_META.has(input)) continue;
        const parsed = typeof raw === 'string' ? this.config.parse(raw) : undefined;
        const callerLine = originAt(call.file, ['module', name, 0, input]);
        const scope = this.scope(iteration);
        inputs.set(input, {
          value: () => this.value(raw, scope),
          origin:
            (parsed &&
              this.originOf(
                parsed,
                new Map([
                  ['each', iteration.origin],
                  ['count', iteration.origin],
                ]),
              ).origin) ??
            callerLine,
        });
      }
      instances.push(new Instance(this.config, child, `${this.prefix}module.${name}${suffix}.`, this.rootDir, key, inputs, this.depth + 1));
    });
    this.children.set(name, instances);
    return { ...(expansion.keys !== undefined ? { keys: expansion.keys } : {}), instances };
  }

  // ---------- resources ----------

  resources(): InfraResource[] {
    const resources: InfraResource[] = [];
    for (const file of this.module.files) {
      for (const [type, named] of Object.entries(blocksOf(file.body, 'resource'))) {
        if (!isObject(named)) continue;
        for (const [name, declaration] of Object.entries(named)) {
          const block = firstBody(declaration);
          if (block) resources.push(...this.resourceInstances(file, type, name, block));
        }
      }
    }
    for (const name of this.module.calls.keys()) {
      for (const child of this.childrenOf(name)?.instances ?? []) resources.push(...child.resources());
    }
    return resources;
  }

  private resourceInstances(file: TerraformSourceFile, type: string, name: string, block: HclBody): InfraResource[] {
    const prefix = ['resource', type, name, 0];
    const local = `${type}.${name}`;
    const expansion = this.expansion(block, this.scope());
    return expansion.iterations.map((iteration, position) => {
      const keys = expansion.keys;
      const suffix = keys === undefined || isUnresolved(keys) ? '' : instanceSuffix(keys[position]!);
      const placed = new Map<string, Placed>();
      const origins = new Map<string, Origin | undefined>([
        ['each', iteration.origin],
        ['count', iteration.origin],
      ]);
      const settings = Object.fromEntries(Object.entries(block).filter(([key]) => !RESOURCE_META.has(key)));
      const values = this.body(settings, this.scope(iteration), { sourcePath: [], valuePath: [], placed, origins });
      const movedFrom = this.module.moves.get(local)?.map((from) => `${this.prefix}${from}${suffix}`);
      const resource: InfraResource = {
        address: `${this.prefix}${local}${suffix}`,
        type,
        format: 'terraform',
        path: file.path,
        range: file.locate(prefix),
        values,
        scope: `terraform:${this.rootDir}`,
        locate: (path) => {
          for (let length = path.length; length >= 0; length--) {
            const found = placed.get(pathKey(path.slice(0, length)));
            if (!found) continue;
            if (found.origin) return plain(refine(found.origin, path.slice(length))!);
            return file.locate([...prefix, ...found.sourcePath, ...path.slice(length)]);
          }
          return file.locate([...prefix, ...path]);
        },
        ...(movedFrom?.length ? { movedFrom } : {}),
      };
      return resource;
    });
  }
}

/** Sets a key that came from the configuration (even `__proto__`) as an own property. */
function setOwn(target: HclBody, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The value of a `count`/`for_each` block as Terraform exposes it: one value, a list by index, or a map by key. */
function byInstance(keys: (string | number)[] | Unresolved | undefined, values: unknown[], node: Expr): unknown {
  if (keys === undefined) return values[0];
  if (isUnresolved(keys)) return unknownAt(node, reasonOf(keys));
  if (keys.every((key) => typeof key === 'number')) return values;
  return Object.fromEntries(keys.map((key, position) => [String(key), values[position]]));
}

function pathKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}

function instanceSuffix(key: string | number): string {
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

function renamed(value: Unresolved, expression: string): Unresolved {
  return unknownBecause(expression, reasonOf(value), value.branches);
}

/**
 * `optional(type, default)` attributes of an object type that the value leaves out get their
 * default (`optional(type)`: null), through `list(…)`, `set(…)`, `map(…)` and nested objects, as
 * Terraform does.
 */
function withTypeDefaults(type: unknown, value: unknown, parse: (text: string) => Expr | Error): unknown {
  const expr = typeWithDefaults(type, parse);
  return expr ? applyType(expr, value) : value;
}

/** A variable's `type` when it has `optional()` attributes, parsed. */
function typeWithDefaults(type: unknown, parse: (text: string) => Expr | Error): Expr | undefined {
  if (typeof type !== 'string' || !type.includes('optional(')) return undefined;
  const parsed = parse(type);
  if (parsed instanceof Error) return undefined;
  return parsed.kind === 'template' && parsed.parts.length === 1 && parsed.parts[0]!.kind === 'interpolation' ? parsed.parts[0]!.expr : parsed;
}

/**
 * Where in a variable's type (as call arguments and object keys, the way hcl-positions files
 * them) the `optional()` default stands that gives the value at `path` when the supplied value
 * leaves it out; `undefined` when the supplied value sets it.
 */
function optionalDefaultPath(type: Expr, supplied: unknown, path: readonly (string | number)[]): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  let current = type;
  let value = supplied;
  for (const step of path) {
    if (current.kind !== 'call' || !current.args[0]) return undefined;
    if (current.name === 'map' || current.name === 'list' || current.name === 'set') {
      out.push(0);
      current = current.args[0];
      value = isObject(value) ? value[String(step)] : Array.isArray(value) ? (value as unknown[])[Number(step)] : undefined;
      continue;
    }
    const attributes = current.args[0];
    if (current.name !== 'object' || attributes.kind !== 'object') return undefined;
    const item = attributes.items.find((candidate) => candidate.key.kind === 'literal' && String(candidate.key.value) === String(step));
    if (!item) return undefined;
    out.push(0, step);
    const given = isObject(value) && Object.hasOwn(value, String(step));
    let attributeType = item.value;
    if (attributeType.kind === 'call' && attributeType.name === 'optional' && attributeType.args[0]) {
      if (!given && attributeType.args[1]) return [...out, 1];
      out.push(0);
      attributeType = attributeType.args[0];
    }
    if (!given) return undefined;
    value = (value as HclBody)[String(step)];
    current = attributeType;
  }
  return undefined;
}

function applyType(type: Expr, value: unknown): unknown {
  if (isUnresolved(value) || value === null || value === undefined || type.kind !== 'call') return value;
  const [inner] = type.args;
  if ((type.name === 'list' || type.name === 'set') && inner && Array.isArray(value)) return value.map((item) => applyType(inner, item));
  if (type.name === 'map' && inner && isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, applyType(inner, item)]));
  if (type.name !== 'object' || inner?.kind !== 'object' || !isObject(value)) return value;
  const result: HclBody = { ...value };
  for (const item of inner.items) {
    if (item.key.kind !== 'literal') continue;
    const name = String(item.key.value);
    let attributeType = item.value;
    if (attributeType.kind === 'call' && attributeType.name === 'optional') {
      const [optionalType, fallback] = attributeType.args;
      attributeType = optionalType ?? attributeType;
      // `optional(type)` without a default is null when left out, as Terraform makes it.
      if (result[name] === undefined || (result[name] === null && fallback)) setOwn(result, name, fallback ? defaultValue(fallback) : null);
    }
    if (result[name] !== undefined) setOwn(result, name, applyType(attributeType, result[name]));
  }
  return result;
}

/** An `optional()` default is a literal (Terraform requires it); anything else stays unknown. */
function defaultValue(expr: Expr): unknown {
  const notLiteral = (node: Expr) => unknownAt(node, 'an optional() default that is not a literal');
  return evaluateSafely(expr, { reference: (_, __, node) => notLiteral(node), symbol: (_, node) => notLiteral(node) }, expr.text);
}

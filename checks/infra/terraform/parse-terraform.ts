/**
 * Terraform `.tf` files into the normalized infra model. Values come from HashiCorp's HCL
 * parser (@cdktf/hcl2json, compiled to WASM); line ranges from `locateHcl`. A module (one
 * directory) is parsed together so `var.x` defaults, `locals` and `moved {}` blocks in its
 * other files apply; anything else that is not a literal stays `Unresolved`.
 */
import { parse as parseHcl } from '@cdktf/hcl2json';
import { locate, YamlSyntaxError, type LineRange } from '../../yaml/positions.js';
import type { InfraFileText } from '../formats.js';
import { isUnresolved, unresolved, type InfraResource, type ParsedInfraFile } from '../model.js';
import { locateHcl } from './hcl-positions.js';
import { parseTerraformJson } from './terraform-json.js';

type HclBody = Record<string, unknown>;

interface ParsedFile {
  path: string;
  body: HclBody;
  locate: (path: readonly (string | number)[]) => LineRange;
}

/** Variables with a literal default and locals, as written (before resolution). */
interface Scope {
  variables: Map<string, { hasDefault: boolean; value: unknown }>;
  locals: Map<string, unknown>;
}

/** Far beyond any real configuration, well below what overflows hcl2json's stack. */
export const MAX_HCL_NESTING = 500;

/**
 * The first place where `text` nests brackets, or chains unary operators or conditionals,
 * deeper than `MAX_HCL_NESTING`. hcl2json runs in a Go WASM runtime that a stack overflow
 * leaves corrupt: the next call dies with "malloc deadlock", every pending promise stays
 * unsettled and the scan ends with exit code 0 and no report. So such input is refused before
 * it reaches the parser. Strings and comments are counted too (conservative, never too deep).
 */
export function findExcessiveNesting(text: string): { line: number; message: string } | undefined {
  let line = 1;
  let depth = 0;
  let unaryRun = 0;
  let conditionals = 0;
  for (const char of text) {
    if (char === '\n') {
      line++;
      conditionals = 0;
    } else if (char === '(' || char === '[' || char === '{') {
      depth++;
    } else if (char === ')' || char === ']' || char === '}') {
      depth = Math.max(0, depth - 1);
    } else if (char === '?') {
      conditionals++;
    }
    if (char === '!' || char === '-') unaryRun++;
    else if (char !== ' ' && char !== '\t') unaryRun = 0;
    if (depth > MAX_HCL_NESTING || unaryRun > MAX_HCL_NESTING || conditionals > MAX_HCL_NESTING) {
      return { line, message: `expressions nest deeper than ${MAX_HCL_NESTING} levels; the file was not parsed` };
    }
  }
  return undefined;
}

/** Parses the `.tf` files of one module; one result per file, in the order given. */
export async function parseTerraformModule(files: readonly InfraFileText[]): Promise<ParsedInfraFile[]> {
  const parsed = await Promise.all(files.map(async (file) => parseFile(file)));
  const ok = parsed.filter((result): result is ParsedFile => !('error' in result));
  const scope = collectScope(ok);
  const moves = collectMoves(ok);
  return parsed.map((result) => {
    if ('error' in result) return result.error;
    return { ok: true, path: result.path, format: 'terraform', resources: resourcesOf(result, scope, moves) };
  });
}

async function parseFile(file: InfraFileText): Promise<ParsedFile | { error: ParsedInfraFile }> {
  const failed = (line: number, message: string) => ({ error: { ok: false as const, path: file.path, format: 'terraform' as const, line, message } });
  if (file.path.endsWith('.json')) {
    try {
      return { path: file.path, ...parseTerraformJson(file.text) };
    } catch (error) {
      if (error instanceof YamlSyntaxError) return failed(error.line, error.message);
      throw error;
    }
  }
  const tooDeep = findExcessiveNesting(file.text);
  if (tooDeep) return failed(tooDeep.line, tooDeep.message);
  try {
    const parsed = (await parseHcl(file.path, file.text)) as HclBody;
    const body = file.text.includes('jsonencode') ? ((await expandJsonencode(parsed, file.path)) as HclBody) : parsed;
    const positions = locateHcl(file.text);
    return { path: file.path, body, locate: (path) => locate(positions, path) };
  } catch (error) {
    const described = describeHclError(error instanceof Error ? error.message : String(error));
    return failed(described.line, described.message);
  }
}

const JSONENCODE = /^\$\{\s*jsonencode\(([\s\S]*)\)\s*\}$/;

/**
 * `jsonencode({ … })` (IAM policies, mostly) becomes the object it encodes, so rules can read
 * it; references inside stay `${…}` and resolve like any other value.
 */
async function expandJsonencode(value: unknown, path: string): Promise<unknown> {
  if (typeof value === 'string') {
    const inner = JSONENCODE.exec(value)?.[1];
    if (!inner) return value;
    try {
      return ((await parseHcl(path, `value = ${inner}\n`)) as HclBody).value ?? value;
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return Promise.all(value.map((item) => expandJsonencode(item, path)));
  if (value !== null && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await expandJsonencode(item, path)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

/** `parse config: [main.tf:2,6-3,1: Invalid expression; Expected …]` → line 2 and the sentence. */
export function describeHclError(message: string): { line: number; message: string } {
  const match = /:(\d+),\d+(?:-\d+(?:,\d+)?)?: ([^\]]*)/.exec(message);
  if (!match) return { line: 1, message: message.replace(/^parse config: /, '') };
  return { line: Number(match[1]), message: match[2]!.trim() };
}

function blocksOf(body: HclBody, type: string): Record<string, unknown> {
  const value = body[type];
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function firstBody(value: unknown): HclBody | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return first !== null && typeof first === 'object' ? (first as HclBody) : undefined;
}

function collectScope(files: readonly ParsedFile[]): Scope {
  const scope: Scope = { variables: new Map(), locals: new Map() };
  for (const file of files) {
    for (const [name, declaration] of Object.entries(blocksOf(file.body, 'variable'))) {
      const block = firstBody(declaration) ?? {};
      scope.variables.set(name, { hasDefault: 'default' in block, value: block.default });
    }
    const locals = file.body.locals;
    for (const block of Array.isArray(locals) ? locals : []) {
      for (const [name, value] of Object.entries(block as HclBody)) scope.locals.set(name, value);
    }
  }
  return scope;
}

/** Maps a resource's current address to the addresses `moved {}` blocks say it had. */
function collectMoves(files: readonly ParsedFile[]): Map<string, string[]> {
  const moves = new Map<string, string[]>();
  const address = (value: unknown) => (typeof value === 'string' ? value.replace(/^\$\{(.*)\}$/, '$1') : undefined);
  for (const file of files) {
    const blocks = file.body.moved;
    for (const block of Array.isArray(blocks) ? (blocks as HclBody[]) : []) {
      const from = address(block.from);
      const to = address(block.to);
      if (from && to) moves.set(to, [...(moves.get(to) ?? []), from]);
    }
  }
  // A chain a → b → c: c was also a.
  for (const [to, froms] of moves) {
    const all = new Set(froms);
    for (const from of all) for (const earlier of moves.get(from) ?? []) all.add(earlier);
    moves.set(to, [...all]);
  }
  return moves;
}

function resourcesOf(file: ParsedFile, scope: Scope, moves: Map<string, string[]>): InfraResource[] {
  const resources: InfraResource[] = [];
  for (const [type, named] of Object.entries(blocksOf(file.body, 'resource'))) {
    for (const [name, instances] of Object.entries(named as Record<string, unknown>)) {
      const body = firstBody(instances);
      if (!body) continue;
      const prefix = ['resource', type, name, 0];
      const address = `${type}.${name}`;
      const movedFrom = moves.get(address);
      resources.push({
        address,
        type,
        format: 'terraform',
        path: file.path,
        range: file.locate(prefix),
        values: withDynamicBlocks(resolveValue(body, scope, new Set()) as HclBody),
        locate: (path) => file.locate([...prefix, ...path]),
        ...(movedFrom ? { movedFrom } : {}),
      });
    }
  }
  return resources.sort((a, b) => a.range.startLine - b.range.startLine);
}

/** A `dynamic "ingress"` block makes `ingress` depend on its `for_each`: unknown, not absent. */
function withDynamicBlocks(values: HclBody): HclBody {
  const dynamic = values.dynamic;
  if (dynamic === null || typeof dynamic !== 'object') return values;
  const result: HclBody = { ...values };
  for (const name of Object.keys(dynamic)) result[name] ??= unresolved(`dynamic "${name}"`);
  return result;
}

const WHOLE_REFERENCE = /^\$\{\s*((?:var|local)\.[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)\s*\}$/;
const INTERPOLATION = /\$\{([^{}]*)\}/g;

/** Replaces literal `var.x` / `local.y` references by their values; anything else becomes Unresolved. */
function resolveValue(value: unknown, scope: Scope, seen: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return resolveString(value, scope, seen);
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, scope, seen));
  if (value !== null && typeof value === 'object' && !isUnresolved(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveValue(item, scope, seen)]));
  }
  return value;
}

function resolveString(text: string, scope: Scope, seen: ReadonlySet<string>): unknown {
  if (!text.includes('${')) return text;
  const whole = WHOLE_REFERENCE.exec(text);
  if (whole) return resolveReference(whole[1]!, scope, seen) ?? unresolved(text);
  let resolvable = true;
  const replaced = text.replace(INTERPOLATION, (match, expression: string) => {
    const reference = WHOLE_REFERENCE.exec(`\${${expression.trim()}}`)?.[1];
    const value = reference ? resolveReference(reference, scope, seen) : undefined;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    resolvable = false;
    return match;
  });
  return resolvable && !replaced.includes('${') ? replaced : unresolved(text);
}

/** `var.a.b` or `local.c`: the literal value, or `undefined` when it has none. */
function resolveReference(reference: string, scope: Scope, seen: ReadonlySet<string>): unknown {
  const [kind, name, ...attributes] = reference.split('.');
  if (!name || seen.has(`${kind}.${name}`)) return undefined;
  let raw: unknown;
  if (kind === 'var') {
    const variable = scope.variables.get(name);
    if (!variable?.hasDefault) return undefined;
    raw = variable.value;
  } else {
    if (!scope.locals.has(name)) return undefined;
    raw = scope.locals.get(name);
  }
  let value = resolveValue(raw, scope, new Set([...seen, `${kind}.${name}`]));
  for (const attribute of attributes) {
    if (value === null || typeof value !== 'object' || isUnresolved(value)) return undefined;
    value = (value as Record<string, unknown>)[attribute];
  }
  return isUnresolved(value) ? undefined : value;
}

/**
 * Terraform files into the normalized infra model. HashiCorp's HCL parser (@cdktf/hcl2json,
 * compiled to WASM and loaded on the first Terraform file, so other commands never pay for it)
 * reads each file; line ranges come from `locateHcl`; `evaluateConfiguration` then evaluates the
 * whole configuration: modules, variables, tfvars, expressions.
 */
import type { parse as parseHclFile } from '@cdktf/hcl2json';
import { posix } from 'node:path';
import { locate, YamlSyntaxError } from '../../yaml/positions.js';
import type { InfraFileText } from '../formats.js';
import type { InfraResource, ParsedInfraFile } from '../model.js';
import { evaluateConfiguration, isVarFile, type HclBody, type TerraformSourceFile } from './configuration.js';
import { locateHcl } from './hcl-positions.js';
import { parseTerraformJson } from './terraform-json.js';

type HclParser = typeof parseHclFile;

export interface TerraformParseOptions {
  /** `infra.terraform.var-files`. */
  varFiles?: readonly string[];
}

/** What `terraform init` leaves in a root module: where registry and git modules were installed. */
export const MODULES_MANIFEST = '.terraform/modules/modules.json';

export function isModulesManifest(path: string): boolean {
  return path === MODULES_MANIFEST || path.endsWith(`/${MODULES_MANIFEST}`);
}

let hcl2json: Promise<HclParser> | undefined;

/** hcl2json starts a Go WASM runtime when imported: only on the first Terraform file. */
function parseHcl(path: string, text: string): Promise<HclBody> {
  hcl2json ??= import('@cdktf/hcl2json').then((module) => module.parse);
  return hcl2json.then((parse) => parse(path, text) as Promise<HclBody>);
}

/** Far beyond any real configuration, well below what overflows hcl2json's stack. */
const MAX_HCL_NESTING = 500;

/**
 * The first place where `text` nests brackets, or chains unary operators or conditionals,
 * deeper than `MAX_HCL_NESTING`. hcl2json runs in a Go WASM runtime that a stack overflow
 * leaves corrupt: the next call dies with "malloc deadlock", every pending promise stays
 * unsettled and the scan ends with exit code 0 and no report. So such input is refused before
 * it reaches the parser. Strings and comments are counted too (conservative, never too deep).
 */
function findExcessiveNesting(text: string): { line: number; message: string } | undefined {
  let line = 1;
  let depth = 0;
  let unaryRun = 0;
  let conditionals = 0;
  // A chain of conditionals goes on across a line break after or before an operator (`a ?\n b :\n c ? …`).
  let lastSignificant = '';
  let lineBroken = false;
  for (const char of text) {
    if (char === '\n') {
      line++;
      lineBroken = true;
    } else if (char !== ' ' && char !== '\t' && char !== '\r') {
      if (lineBroken && !CONTINUES.includes(lastSignificant) && !CONTINUES.includes(char)) conditionals = 0;
      lineBroken = false;
      lastSignificant = char;
    }
    if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth = Math.max(0, depth - 1);
    else if (char === '?') conditionals++;
    // Unary operators nest whatever blank space (newlines included) stands between them.
    if (char === '!' || char === '-') unaryRun++;
    else if (char !== ' ' && char !== '\t' && char !== '\r' && char !== '\n') unaryRun = 0;
    if (depth > MAX_HCL_NESTING || unaryRun > MAX_HCL_NESTING || conditionals > MAX_HCL_NESTING) {
      return { line, message: `expressions nest deeper than ${MAX_HCL_NESTING} levels; the file was not parsed` };
    }
  }
  return undefined;
}

/** Characters after (or before) which an expression continues on the next line. */
const CONTINUES = '?:([{,=!-+*/%&|<>';

/**
 * Parses the Terraform files of one version together (`.tf`, `.tf.json`, tfvars, modules.json)
 * and evaluates them as configurations; one result per file, in the order given.
 */
export async function parseTerraformModule(files: readonly InfraFileText[], options: TerraformParseOptions = {}): Promise<ParsedInfraFile[]> {
  const manifests = new Map(files.filter((file) => isModulesManifest(file.path)).map((file) => [file.path, file.text]));
  const parsed = await Promise.all(files.map(async (file) => (isModulesManifest(file.path) ? undefined : parseFile(file))));
  const sources = parsed.filter((result): result is TerraformSourceFile => result !== undefined && !('error' in result));
  const configuration = evaluateConfiguration(sources, { ...(options.varFiles ? { varFiles: options.varFiles } : {}), modulesJson: manifests });
  const byPath = new Map<string, InfraResource[]>();
  for (const resource of configuration.resources) byPath.set(resource.path, [...(byPath.get(resource.path) ?? []), resource]);
  return files.map((file, position) => {
    const result = parsed[position];
    if (result && 'error' in result) return result.error;
    const notes = configuration.notes.get(file.path);
    const resources = (byPath.get(file.path) ?? []).sort((a, b) => a.range.startLine - b.range.startLine);
    return { ok: true, path: file.path, format: 'terraform', resources, ...(notes ? { notes } : {}) };
  });
}

async function parseFile(file: InfraFileText): Promise<TerraformSourceFile | { error: ParsedInfraFile }> {
  const failed = (line: number, message: string) => ({ error: { ok: false as const, path: file.path, format: 'terraform' as const, line, message } });
  if (file.path.endsWith('.json')) {
    try {
      return { path: file.path, ...parseTerraformJson(file.text, isVarFile(file.path)) };
    } catch (error) {
      if (error instanceof YamlSyntaxError) return failed(error.line, error.message);
      throw error;
    }
  }
  const tooDeep = findExcessiveNesting(file.text);
  if (tooDeep) return failed(tooDeep.line, tooDeep.message);
  try {
    const body = await parseHcl(posix.basename(file.path), file.text);
    const positions = locateHcl(file.text);
    return { path: file.path, body, locate: (path) => locate(positions, path) };
  } catch (error) {
    const described = describeHclError(error instanceof Error ? error.message : String(error));
    return failed(described.line, described.message);
  }
}

/** `parse config: [main.tf:2,6-3,1: Invalid expression; Expected …]` → line 2 and the sentence. */
export function describeHclError(message: string): { line: number; message: string } {
  const match = /:(\d+),\d+(?:-\d+(?:,\d+)?)?: ([^\]]*)/.exec(message);
  if (!match) return { line: 1, message: shorten(message.replace(/^parse config: /, '')) };
  return { line: Number(match[1]), message: shorten(match[2]!.trim()) };
}

/** Parser messages may quote the file; never more than a short line of it. */
function shorten(message: string): string {
  const line = message.split('\n')[0]!;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * Values a Terraform network block takes from variables and locals (`peer_vpc_id =
 * var.prod_vpc_id`), resolved by the Terraform parser over the block's module, so a peering or
 * rule that reaches another environment through a variable is a network path at the attribute's
 * line, not only a reference at the variable's default.
 */
import { posix } from 'node:path';
import { isUnresolved, type InfraResource } from '../infra/model.js';
import { parseTerraformModule } from '../infra/terraform/parse-terraform.js';
import type { FileSource } from '../model/source.js';
import { isNetworkBlock, type Block } from './blocks.js';
import type { FileFacts, Token } from './model.js';

const EXPRESSION = /\b(var|local)\.[A-Za-z_][\w-]*/;

/** Resolved literals per file, as tokens on the line of the attribute that holds the expression. */
export async function resolveNetworkValues(source: FileSource, paths: readonly string[], facts: ReadonlyMap<string, FileFacts>): Promise<Map<string, Token[]>> {
  const modules = new Set<string>();
  for (const file of facts.values()) {
    const usesExpression = file.tokens.some((token) => token.block && isNetworkBlock(token.block) && EXPRESSION.test(token.text));
    if (file.path.endsWith('.tf') && usesExpression) modules.add(posix.dirname(file.path));
  }
  const resolved = new Map<string, Token[]>();
  for (const module of [...modules].sort()) {
    const files = await readModule(
      source,
      paths.filter((path) => path.endsWith('.tf') && posix.dirname(path) === module),
    );
    const lines = new Map(files.map((file) => [file.path, file.text.split(/\r?\n/)]));
    let parsed;
    try {
      parsed = await parseTerraformModule(files);
    } catch {
      // The infra family reports files that do not parse; the text-level checks still ran.
      continue;
    }
    for (const file of parsed) {
      if (!file.ok) continue;
      const tokens = file.resources
        .filter((resource) => isNetworkBlock(blockOf(resource)))
        .flatMap((resource) => tokensOf(resource, lines.get(file.path) ?? []));
      if (tokens.length) resolved.set(file.path, tokens);
    }
  }
  return resolved;
}

async function readModule(source: FileSource, paths: readonly string[]): Promise<{ path: string; text: string }[]> {
  const texts = await Promise.all(paths.map(async (path) => ({ path, text: await source.read(path).catch(() => undefined) })));
  return texts.flatMap(({ path, text }) => (text === undefined ? [] : [{ path, text }]));
}

function blockOf(resource: InfraResource): Block {
  return { type: resource.type, name: resource.address.split('.').at(-1) ?? '', ...resource.range };
}

/** Every resolved string of the resource whose attribute line is written as an expression. */
function tokensOf(resource: InfraResource, lines: readonly string[]): Token[] {
  const tokens: Token[] = [];
  const walk = (value: unknown, steps: (string | number)[]) => {
    if (isUnresolved(value)) return;
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...steps, index]));
    else if (typeof value === 'object' && value !== null) for (const [key, inner] of Object.entries(value)) walk(inner, [...steps, key]);
    else if (typeof value === 'string') {
      const line = resource.locate(steps).startLine;
      const expression = EXPRESSION.exec(lines[line - 1] ?? '');
      if (!expression) return;
      const key = steps.findLast((step): step is string => typeof step === 'string');
      tokens.push({
        text: value,
        place: { path: resource.path, line, column: expression.index + 1 },
        ...(key ? { key } : {}),
        block: blockOf(resource),
        namespaceContext: false,
        expression: expression[0],
      });
    }
  };
  walk(resource.values, []);
  return tokens;
}

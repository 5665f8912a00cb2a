import yaml from 'js-yaml';

/** 1-based, inclusive line range of a YAML node. */
export interface LineRange {
  startLine: number;
  endLine: number;
}

/** Where each node of a parsed YAML document stands; mirrors the data's shape. */
export interface PositionNode extends LineRange {
  /** Mapping entries by key: the key's own range and its value's node. */
  entries?: Map<string, { key: LineRange; value: PositionNode }>;
  items?: PositionNode[];
}

export interface YamlDocument {
  value: unknown;
  positions: PositionNode;
}

/** A YAML syntax error with the 1-based line and column it was found at. */
export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'YamlSyntaxError';
  }
}

interface Frame {
  start: number;
  children: { node: PositionNode; result: unknown }[];
}

/**
 * Parses YAML (every document of a multi-document stream) with js-yaml and records the line
 * range of every node, so rules and schema errors can point at the exact line.
 * Throws YamlSyntaxError on malformed input.
 */
export function parseYamlDocuments(text: string, schema?: yaml.Schema): YamlDocument[] {
  const lines = lineStarts(text);
  const stack: Frame[] = [];
  const roots: PositionNode[] = [];
  const listener = (event: 'open' | 'close', state: { position: number; result: unknown; kind: string | null }) => {
    if (event === 'open') {
      stack.push({ start: state.position, children: [] });
      return;
    }
    const frame = stack.pop();
    if (!frame) return;
    // js-yaml opens a flow collection at the document root twice; keep the inner node.
    const only = frame.children.length === 1 ? frame.children[0] : undefined;
    const node = only && only.result === state.result && state.kind !== 'scalar' ? only.node : buildNode(text, lines, frame, state.position, state.kind);
    const parent = stack.at(-1);
    if (parent) parent.children.push({ node, result: state.result });
    else roots.push(node);
  };
  let values: unknown[];
  try {
    values = [];
    yaml.loadAll(text, (doc) => values.push(doc), { ...(schema ? { schema } : {}), listener });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = (error.mark?.line ?? 0) + 1;
      const column = (error.mark?.column ?? 0) + 1;
      throw new YamlSyntaxError(error.reason || error.message, line, column);
    }
    throw error;
  }
  const budget = { left: text.length + 1000 };
  for (const value of values) {
    if (!withinNodeBudget(value, budget)) {
      throw new YamlSyntaxError('aliases expand the document to more nodes than its text could hold (an alias bomb?); it was not read', 1, 1);
    }
  }
  return values.map((value, index) => ({ value, positions: roots[index] ?? { startLine: 1, endLine: 1 } }));
}

/**
 * Counts nodes as a reader sees them, an alias once per use. Without aliases a document has
 * fewer nodes than characters; with them a few lines can stand for billions of nodes, which
 * every later walk (rules, fingerprints, JSON output) would expand until memory runs out.
 */
function withinNodeBudget(value: unknown, budget: { left: number }): boolean {
  if (--budget.left < 0) return false;
  if (value === null || typeof value !== 'object') return true;
  for (const child of Array.isArray(value) ? value : Object.values(value as Record<string, unknown>)) {
    if (!withinNodeBudget(child, budget)) return false;
  }
  return true;
}

/** Parses a single-document YAML file; an empty file is `undefined`. */
export function parseYaml(text: string, schema?: yaml.Schema): YamlDocument {
  const documents = parseYamlDocuments(text, schema);
  if (documents.length > 1) throw new YamlSyntaxError('expected one YAML document, found several', 1, 1);
  return documents[0] ?? { value: undefined, positions: { startLine: 1, endLine: 1 } };
}

/**
 * The line range of the node at `path` (keys and indexes). A key path points at the key's line
 * through the end of its value. Falls back to the deepest ancestor that exists.
 */
export function locate(root: PositionNode, path: readonly (string | number)[]): LineRange {
  let node = root;
  let range: LineRange = root;
  for (const step of path) {
    if (typeof step === 'number' && node.items?.[step]) {
      node = node.items[step];
      range = node;
      continue;
    }
    const entry = node.entries?.get(String(step));
    if (!entry) break;
    node = entry.value;
    range = { startLine: entry.key.startLine, endLine: Math.max(entry.key.endLine, entry.value.endLine) };
  }
  return { startLine: range.startLine, endLine: range.endLine };
}

function buildNode(text: string, lines: number[], frame: Frame, end: number, kind: string | null): PositionNode {
  const start = skipInsignificant(text, frame.start, end);
  // An empty node (`key:` with nothing after it) stands on the line where it was opened.
  const node: PositionNode =
    start >= end
      ? { startLine: lineOf(lines, frame.start), endLine: lineOf(lines, frame.start) }
      : { startLine: lineOf(lines, start), endLine: lineOf(lines, Math.max(start, lastSignificant(text, end))) };
  if (kind === 'mapping') {
    node.entries = new Map();
    for (let i = 0; i + 1 < frame.children.length; i += 2) {
      const key = frame.children[i];
      const value = frame.children[i + 1];
      if (!key || !value) continue;
      node.entries.set(String(key.result), { key: key.node, value: value.node });
    }
  } else if (kind === 'sequence') {
    node.items = frame.children.map((child) => child.node);
  }
  return node;
}

/** Skips white space and comments to the node's first character; `limit` when there is none. */
function skipInsignificant(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ':') i++;
    else if (c === '#') while (i < limit && text[i] !== '\n') i++;
    else break;
  }
  return i;
}

function lastSignificant(text: string, end: number): number {
  let i = end - 1;
  while (i > 0 && /\s/.test(text[i] ?? '')) i--;
  return i;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** 1-based line of a character offset. */
function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

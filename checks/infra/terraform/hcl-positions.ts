/**
 * Line ranges of HCL blocks and attributes. The values come from HashiCorp's own parser
 * (@cdktf/hcl2json); this locator only finds where each block and attribute stands, in the
 * same shape hcl2json gives the values: `type → label → … → [index] → attribute`.
 * It runs on text hcl2json already accepted, so it does not validate.
 */
import type { LineRange, PositionNode } from '../../yaml/positions.js';

export function locateHcl(text: string): PositionNode {
  return new HclLocator(text).root();
}

type Entries = NonNullable<PositionNode['entries']>;

class HclLocator {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }

  root(): PositionNode {
    const node: PositionNode = { startLine: 1, endLine: Math.max(1, this.starts.length), entries: new Map() };
    this.body(0, node.entries!, false);
    return node;
  }

  /** Reads attributes and blocks until the closing brace (or the end); returns the offset after it. */
  private body(from: number, entries: Entries, closing: boolean): number {
    let i = from;
    for (;;) {
      i = this.skipBlank(i, true);
      if (i >= this.text.length) return i;
      if (this.text[i] === '}' && closing) return i + 1;
      const name = this.identifier(i);
      if (!name) {
        i = this.lineEnd(i);
        continue;
      }
      const afterName = this.skipBlank(i + name.length, false);
      if (this.text[afterName] === '=' && this.text[afterName + 1] !== '=') {
        const valueStart = this.skipBlank(afterName + 1, false);
        const valueEnd = this.expressionEnd(valueStart);
        const key = this.range(i, i + name.length);
        const value: PositionNode = this.range(valueStart, valueEnd);
        this.constructor_(valueStart, value);
        entries.set(name, { key, value });
        i = valueEnd;
        continue;
      }
      i = this.block(name, i, afterName, entries);
    }
  }

  /** A block `type "label" label { … }`: filed under its type, then each label, then its index. */
  private block(type: string, start: number, from: number, entries: Entries): number {
    const labels: string[] = [];
    let i = from;
    while (i < this.text.length && this.text[i] !== '{') {
      if (this.text[i] === '"') {
        const end = this.stringEnd(i);
        labels.push(this.text.slice(i + 1, end - 1));
        i = end;
      } else {
        const label = this.identifier(i);
        if (!label) return this.lineEnd(i);
        labels.push(label);
        i += label.length;
      }
      i = this.skipBlank(i, false);
    }
    const node: PositionNode = { startLine: this.lineOf(start), endLine: this.lineOf(start), entries: new Map() };
    const end = this.body(i + 1, node.entries!, true);
    node.endLine = this.lineOf(Math.max(start, end - 1));
    let parent = entries;
    let holder: PositionNode | undefined;
    for (const step of [type, ...labels]) {
      holder = this.child(parent, step, node);
      parent = holder.entries ?? (holder.entries = new Map() as Entries);
    }
    (holder!.items ??= []).push(node);
    return end;
  }

  private child(entries: Entries, key: string, block: LineRange): PositionNode {
    const existing = entries.get(key);
    if (existing) {
      existing.value.endLine = Math.max(existing.value.endLine, block.endLine);
      return existing.value;
    }
    const value: PositionNode = { startLine: block.startLine, endLine: block.endLine };
    entries.set(key, { key: { startLine: block.startLine, endLine: block.startLine }, value });
    return value;
  }

  /**
   * The keys of an object constructor (`{ https = { ssl_policy = "…" } }`), the elements of a
   * list and the arguments of a call, so a value set deep inside a tfvars, a module input or a
   * variable's type has its own line. Returns the offset after the value; other expressions are
   * left as one range.
   */
  private constructor_(from: number, node: PositionNode): number {
    if (this.text[from] === '{') return this.objectConstructor(from, node);
    if (this.text[from] === '[') return this.listConstructor(from, node, ']');
    // A call's arguments are its elements: `map(object({ ssl_policy = optional(string, "…") }))`.
    const name = this.identifier(from);
    if (name && this.text[from + name.length] === '(') return this.listConstructor(from + name.length, node, ')');
    return this.expressionEnd(from, true);
  }

  private objectConstructor(from: number, node: PositionNode): number {
    const entries: Entries = new Map();
    let i = from + 1;
    for (;;) {
      i = this.skipSeparators(i);
      if (i >= this.text.length || this.text[i] === '}') break;
      const quoted = this.text[i] === '"';
      const keyEnd = quoted ? this.stringEnd(i) : i + (this.identifier(i)?.length ?? 0);
      const separator = this.skipBlank(keyEnd, false);
      if (keyEnd === i || (this.text[separator] !== '=' && this.text[separator] !== ':')) return this.expressionEnd(from, true);
      const valueStart = this.skipBlank(separator + 1, false);
      const value: PositionNode = { startLine: this.lineOf(valueStart), endLine: this.lineOf(valueStart) };
      const valueEnd = this.constructor_(valueStart, value);
      value.endLine = this.lineOf(Math.max(valueStart, valueEnd - 1));
      entries.set(quoted ? this.text.slice(i + 1, keyEnd - 1) : this.text.slice(i, keyEnd), { key: this.range(i, keyEnd), value });
      i = valueEnd;
    }
    node.entries = entries;
    return i + 1;
  }

  private listConstructor(from: number, node: PositionNode, close: ']' | ')'): number {
    const items: PositionNode[] = [];
    let i = from + 1;
    for (;;) {
      i = this.skipSeparators(i);
      if (i >= this.text.length || this.text[i] === close) break;
      const item: PositionNode = { startLine: this.lineOf(i), endLine: this.lineOf(i) };
      const end = this.constructor_(i, item);
      item.endLine = this.lineOf(Math.max(i, end - 1));
      items.push(item);
      i = end;
    }
    node.items = items;
    return i + 1;
  }

  /** Blanks, newlines, comments and the commas between elements. */
  private skipSeparators(from: number): number {
    let i = this.skipBlank(from, true);
    while (this.text[i] === ',') i = this.skipBlank(i + 1, true);
    return i;
  }

  /** The end of an expression: the first newline or unmatched `}` outside brackets, strings and heredocs. */
  private expressionEnd(from: number, commas = false): number {
    let depth = 0;
    let i = from;
    let last = from;
    while (i < this.text.length) {
      const c = this.text[i];
      if (c === '"') i = this.stringEnd(i);
      else if (c === '<' && this.text[i + 1] === '<' && /[-A-Za-z_]/.test(this.text[i + 2] ?? '')) i = this.heredocEnd(i);
      else if (c === '#' || (c === '/' && this.text[i + 1] === '/')) {
        if (depth === 0) break;
        i = this.lineEnd(i);
        continue;
      } else if (c === '/' && this.text[i + 1] === '*') {
        i = this.commentEnd(i);
        continue;
      } else if (c === '(' || c === '[' || c === '{') {
        depth++;
        i++;
      } else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
        i++;
      } else if ((c === '\n' || (c === ',' && commas)) && depth === 0) break;
      else {
        if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\n') last = i;
        i++;
        continue;
      }
      last = i - 1;
    }
    return Math.max(from, last) + 1;
  }

  /** From an opening quote to just after the closing one, through `${…}` templates. */
  private stringEnd(from: number): number {
    let i = from + 1;
    while (i < this.text.length) {
      const c = this.text[i];
      if (c === '\\') i += 2;
      else if (c === '"' || c === '\n') return i + 1;
      else if ((c === '$' || c === '%') && this.text[i + 1] === '{') i = this.templateEnd(i + 2);
      else i++;
    }
    return i;
  }

  private templateEnd(from: number): number {
    let depth = 1;
    let i = from;
    while (i < this.text.length && depth > 0) {
      const c = this.text[i];
      if (c === '"') i = this.stringEnd(i);
      else {
        if (c === '{') depth++;
        else if (c === '}') depth--;
        i++;
      }
    }
    return i;
  }

  /** `<<EOF` or `<<-EOF` through the line that closes it. */
  private heredocEnd(from: number): number {
    const marker = /^<<-?([A-Za-z_][A-Za-z0-9_]*)/.exec(this.text.slice(from, from + 100))?.[1];
    if (!marker) return from + 2;
    let i = this.lineEnd(from) + 1;
    while (i < this.text.length) {
      const end = this.lineEnd(i);
      if (this.text.slice(i, end).trim() === marker) return end;
      i = end + 1;
    }
    return this.text.length;
  }

  private commentEnd(from: number): number {
    const end = this.text.indexOf('*/', from + 2);
    return end < 0 ? this.text.length : end + 2;
  }

  private skipBlank(from: number, newlines: boolean): number {
    let i = from;
    while (i < this.text.length) {
      const c = this.text[i];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) i++;
      else if (newlines && (c === '#' || (c === '/' && this.text[i + 1] === '/'))) i = this.lineEnd(i);
      else if (c === '/' && this.text[i + 1] === '*') i = this.commentEnd(i);
      else break;
    }
    return i;
  }

  private identifier(from: number): string | undefined {
    return /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(from, from + 256))?.[0];
  }

  private lineEnd(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end < 0 ? this.text.length : end;
  }

  private range(start: number, end: number): LineRange {
    return { startLine: this.lineOf(start), endLine: this.lineOf(Math.max(start, end - 1)) };
  }

  private lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}

/**
 * HCL expressions (hclsyntax's grammar) as hcl2json leaves them: every attribute that is not a
 * literal arrives as a template string (`${var.x ? "a" : "b"}`, `pre-${local.name}`,
 * `%{ if var.on }yes%{ endif }`). This parses such a string into a tree the evaluator walks.
 * Synchronous and small on purpose: one WASM call per expression would cost milliseconds each.
 * Input is already accepted by HashiCorp's parser (and depth-checked); what does not parse here
 * is reported as unresolved by the caller, never guessed.
 */

export type Expr =
  | { kind: 'literal'; value: unknown; text: string }
  /** `body`: a whole attribute's template as hcl2json gives it (its text has no quotes, no `${}` around it). */
  | { kind: 'template'; parts: TemplatePart[]; text: string; body?: true }
  | { kind: 'variable'; name: string; text: string }
  | { kind: 'attr'; target: Expr; name: string; text: string }
  | { kind: 'index'; target: Expr; key: Expr; text: string }
  /** `list[*].a` / `list.*.a`: `each` is applied to every element, read through `anon`. */
  | { kind: 'splat'; target: Expr; each: Expr; text: string }
  | { kind: 'anon'; text: string }
  | { kind: 'call'; name: string; args: Expr[]; expand: boolean; text: string }
  | { kind: 'tuple'; items: Expr[]; text: string }
  | { kind: 'object'; items: { key: Expr; value: Expr }[]; text: string }
  | { kind: 'for'; keyVar?: string; valueVar: string; collection: Expr; key?: Expr; value: Expr; condition?: Expr; grouped: boolean; text: string }
  | { kind: 'conditional'; condition: Expr; then: Expr; otherwise: Expr; text: string }
  | { kind: 'binary'; operator: string; left: Expr; right: Expr; text: string }
  | { kind: 'unary'; operator: '!' | '-'; operand: Expr; text: string };

export type TemplatePart =
  | { kind: 'text'; value: string }
  | { kind: 'interpolation'; expr: Expr }
  | { kind: 'if'; condition: Expr; then: TemplatePart[]; otherwise: TemplatePart[] }
  | { kind: 'for'; keyVar?: string; valueVar: string; collection: Expr; body: TemplatePart[] };

export class ExpressionSyntaxError extends Error {}

/** Deeper than any real expression; the file was depth-checked before hcl2json, this is a second guard. */
const MAX_DEPTH = 500;

const BINARY_LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];

/** Parses a template body as hcl2json gives it (no surrounding quotes, escapes already applied). */
export function parseTemplateBody(text: string): Expr {
  const parser = new Parser(text);
  const parts = parser.templateParts(undefined, false);
  if (parser.position < text.length) throw new ExpressionSyntaxError(`unexpected "${text.slice(parser.position, parser.position + 10)}"`);
  return { kind: 'template', parts, text, body: true };
}

/** Parses one expression (a variable's `type`, say). */
export function parseExpression(text: string): Expr {
  const parser = new Parser(text);
  const expr = parser.expression();
  parser.blank(true);
  if (parser.position < text.length) throw new ExpressionSyntaxError(`unexpected "${text.slice(parser.position, parser.position + 10)}"`);
  return expr;
}

class Parser {
  position = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  // ---------- templates ----------

  /**
   * Template parts until the end, or a directive keyword (`else`, `endif`, `endfor`) that closes
   * the enclosing directive (left unconsumed), or the closing quote when `quoted`.
   */
  templateParts(closers: readonly string[] | undefined, quoted: boolean): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let literal = '';
    const flush = () => {
      if (literal) parts.push({ kind: 'text', value: literal });
      literal = '';
    };
    while (this.position < this.text.length) {
      const c = this.text[this.position]!;
      const next = this.text[this.position + 1];
      if (quoted && c === '"') break;
      if (quoted && c === '\\') {
        literal += this.escape();
        continue;
      }
      if ((c === '$' || c === '%') && next === c && this.text[this.position + 2] === '{') {
        literal += `${c}{`;
        this.position += 3;
        continue;
      }
      if (c === '$' && next === '{') {
        flush();
        this.position += 2;
        this.stripMarker();
        const expr = this.nested(() => this.expression());
        this.closeTemplate();
        parts.push({ kind: 'interpolation', expr });
        continue;
      }
      if (c === '%' && next === '{') {
        const keyword = /^%\{~?\s*([a-z]+)/.exec(this.text.slice(this.position, this.position + 20))?.[1];
        if (keyword && closers?.includes(keyword)) break;
        flush();
        parts.push(this.directive(keyword, quoted));
        continue;
      }
      literal += c;
      this.position++;
    }
    flush();
    return parts;
  }

  private directive(keyword: string | undefined, quoted: boolean): TemplatePart {
    this.position += 2;
    this.stripMarker();
    this.blank(true);
    if (keyword === 'if') {
      this.position += 2;
      const condition = this.nested(() => this.expression());
      this.closeTemplate();
      const then = this.templateParts(['else', 'endif'], quoted);
      let otherwise: TemplatePart[] = [];
      if (this.keywordDirective('else')) otherwise = this.templateParts(['endif'], quoted);
      if (!this.keywordDirective('endif')) throw new ExpressionSyntaxError('%{ if } without %{ endif }');
      return { kind: 'if', condition, then, otherwise };
    }
    if (keyword === 'for') {
      this.position += 3;
      const { keyVar, valueVar } = this.forVariables();
      const collection = this.nested(() => this.expression());
      this.closeTemplate();
      const body = this.templateParts(['endfor'], quoted);
      if (!this.keywordDirective('endfor')) throw new ExpressionSyntaxError('%{ for } without %{ endfor }');
      return { kind: 'for', ...(keyVar ? { keyVar } : {}), valueVar, collection, body };
    }
    throw new ExpressionSyntaxError(`unknown template directive "${keyword ?? ''}"`);
  }

  private keywordDirective(keyword: string): boolean {
    const match = new RegExp(`^%\\{~?\\s*${keyword}\\s*~?\\}`).exec(this.text.slice(this.position, this.position + 30));
    if (!match) return false;
    this.position += match[0].length;
    return true;
  }

  private stripMarker(): void {
    if (this.text[this.position] === '~') this.position++;
  }

  private closeTemplate(): void {
    this.blank(true);
    if (this.text[this.position] === '~') this.position++;
    this.expect('}');
  }

  private escape(): string {
    const next = this.text[this.position + 1];
    this.position += 2;
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
    if (next !== undefined && next in simple) return simple[next]!;
    const width = next === 'u' ? 4 : next === 'U' ? 8 : 0;
    const hex = this.text.slice(this.position, this.position + width);
    if (width && /^[0-9A-Fa-f]+$/.test(hex) && hex.length === width) {
      this.position += width;
      return String.fromCodePoint(parseInt(hex, 16));
    }
    throw new ExpressionSyntaxError(`invalid escape "\\${next ?? ''}"`);
  }

  // ---------- expressions ----------

  expression(): Expr {
    const start = this.position;
    const condition = this.binary(0);
    const end = this.position;
    this.blank(true);
    if (this.text[this.position] !== '?') {
      this.position = end;
      return condition;
    }
    this.position++;
    const then = this.nested(() => this.expression());
    this.blank(true);
    this.expect(':');
    const otherwise = this.nested(() => this.expression());
    return { kind: 'conditional', condition, then, otherwise, text: this.slice(start) };
  }

  private binary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary();
    const start = this.position;
    let left = this.binary(level + 1);
    for (;;) {
      const end = this.position;
      this.blank(true);
      const operator = this.operatorAt(BINARY_LEVELS[level]!);
      if (!operator) {
        this.position = end;
        return left;
      }
      this.position += operator.length;
      const right = this.nested(() => this.binary(level + 1));
      left = { kind: 'binary', operator, left, right, text: this.slice(start) };
    }
  }

  private operatorAt(operators: readonly string[]): string | undefined {
    return [...operators].sort((a, b) => b.length - a.length).find((operator) => this.text.startsWith(operator, this.position));
  }

  private unary(): Expr {
    this.blank(true);
    const start = this.position;
    const c = this.text[this.position];
    if (c === '!' || c === '-') {
      this.position++;
      const operand = this.nested(() => this.unary());
      if (c === '-' && operand.kind === 'literal' && typeof operand.value === 'number')
        return { kind: 'literal', value: -operand.value, text: this.slice(start) };
      return { kind: 'unary', operator: c, operand, text: this.slice(start) };
    }
    return this.postfix(start, this.term());
  }

  /** Attribute access, indexes and splats after a term. */
  private postfix(start: number, term: Expr): Expr {
    let expr = term;
    for (;;) {
      const before = this.position;
      this.blank(false);
      const c = this.text[this.position];
      if (c === '.' && this.text[this.position + 1] === '*') {
        this.position += 2;
        expr = { kind: 'splat', target: expr, each: this.splatSteps(false), text: this.slice(start) };
        continue;
      }
      if (c === '[' && /^\[\s*\*\s*\]/.test(this.text.slice(this.position, this.position + 10))) {
        this.position = this.text.indexOf(']', this.position) + 1;
        expr = { kind: 'splat', target: expr, each: this.splatSteps(true), text: this.slice(start) };
        continue;
      }
      const step = this.traversalStep(expr, start);
      if (!step) {
        this.position = before;
        return expr;
      }
      expr = step;
    }
  }

  private traversalStep(target: Expr, start: number): Expr | undefined {
    const c = this.text[this.position];
    if (c === '.' && !this.text.startsWith('...', this.position)) {
      this.position++;
      const digits = /^\d+/.exec(this.text.slice(this.position, this.position + 20))?.[0];
      if (digits) {
        this.position += digits.length;
        return { kind: 'index', target, key: { kind: 'literal', value: Number(digits), text: digits }, text: this.slice(start) };
      }
      const name = this.identifier();
      if (!name) throw new ExpressionSyntaxError('expected an attribute name after "."');
      return { kind: 'attr', target, name, text: this.slice(start) };
    }
    if (c === '[') {
      this.position++;
      const key = this.nested(() => this.expression());
      this.blank(true);
      this.expect(']');
      return { kind: 'index', target, key, text: this.slice(start) };
    }
    return undefined;
  }

  /** The steps a splat applies to each element: attributes (and, for `[*]`, indexes too). */
  private splatSteps(full: boolean): Expr {
    const start = this.position;
    let each: Expr = { kind: 'anon', text: '' };
    for (;;) {
      const before = this.position;
      this.blank(false);
      const c = this.text[this.position];
      if (c !== '.' && !(full && c === '[')) break;
      if (c === '.' && this.text[this.position + 1] === '*') break;
      const step = this.traversalStep(each, start);
      if (!step) {
        this.position = before;
        break;
      }
      each = step;
    }
    return each;
  }

  private term(): Expr {
    this.blank(true);
    const start = this.position;
    const c = this.text[this.position];
    if (c === undefined) throw new ExpressionSyntaxError('expression ends early');
    if (c === '(') {
      this.position++;
      const inner = this.nested(() => this.expression());
      this.blank(true);
      this.expect(')');
      return inner;
    }
    if (c === '"') {
      this.position++;
      const parts = this.templateParts(undefined, true);
      this.expect('"');
      return { kind: 'template', parts, text: this.slice(start) };
    }
    if (c === '<' && this.text[this.position + 1] === '<') return this.heredoc(start);
    if (c === '[') return this.nested(() => this.tuple(start));
    if (c === '{') return this.nested(() => this.object(start));
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.position, this.position + 64))?.[0];
    if (number) {
      this.position += number.length;
      return { kind: 'literal', value: Number(number), text: number };
    }
    const name = this.identifier();
    if (!name) throw new ExpressionSyntaxError(`unexpected "${c}"`);
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', text: name };
    if (name === 'null') return { kind: 'literal', value: null, text: name };
    this.blank(false);
    if (this.text.startsWith('::', this.position)) throw new ExpressionSyntaxError('provider-defined functions are not evaluated');
    if (this.text[this.position] === '(') return this.nested(() => this.call(name, start));
    return { kind: 'variable', name, text: name };
  }

  private call(name: string, start: number): Expr {
    this.position++;
    const args: Expr[] = [];
    let expand = false;
    for (;;) {
      this.blank(true);
      if (this.text[this.position] === ')') break;
      args.push(this.expression());
      this.blank(true);
      if (this.text.startsWith('...', this.position)) {
        expand = true;
        this.position += 3;
        this.blank(true);
      }
      if (this.text[this.position] === ',') this.position++;
      else break;
    }
    this.blank(true);
    this.expect(')');
    return { kind: 'call', name, args, expand, text: this.slice(start) };
  }

  private tuple(start: number): Expr {
    this.position++;
    this.blank(true);
    if (this.keywordAhead('for')) return this.forExpression(start, false);
    const items: Expr[] = [];
    for (;;) {
      this.blank(true);
      if (this.text[this.position] === ']') break;
      items.push(this.expression());
      this.blank(true);
      if (this.text[this.position] === ',') this.position++;
      else break;
    }
    this.blank(true);
    this.expect(']');
    return { kind: 'tuple', items, text: this.slice(start) };
  }

  private object(start: number): Expr {
    this.position++;
    this.blank(true);
    if (this.keywordAhead('for')) return this.forExpression(start, true);
    const items: { key: Expr; value: Expr }[] = [];
    for (;;) {
      this.blank(true);
      if (this.text[this.position] === '}') break;
      const keyStart = this.position;
      const key = this.expression();
      // A bare name is the key itself, not a variable reference.
      const literalKey: Expr = key.kind === 'variable' ? { kind: 'literal', value: key.name, text: key.name } : key;
      this.blank(true);
      const separator = this.text[this.position];
      if (separator !== '=' && separator !== ':') throw new ExpressionSyntaxError(`expected "=" after the object key ${this.slice(keyStart)}`);
      this.position++;
      const value = this.expression();
      items.push({ key: literalKey, value });
      const afterValue = this.position;
      this.blank(false);
      if (this.text[this.position] === ',') {
        this.position++;
        continue;
      }
      this.blank(true);
      // Items are separated by a comma or a newline.
      if (this.text[this.position] === '}' || !this.text.slice(afterValue, this.position).includes('\n')) break;
    }
    this.blank(true);
    this.expect('}');
    return { kind: 'object', items, text: this.slice(start) };
  }

  private forExpression(start: number, object: boolean): Expr {
    this.position += 3;
    const { keyVar, valueVar } = this.forVariables();
    const collection = this.expression();
    this.blank(true);
    this.expect(':');
    let key: Expr | undefined;
    let value = this.expression();
    this.blank(true);
    let grouped = false;
    if (object) {
      if (!this.text.startsWith('=>', this.position)) throw new ExpressionSyntaxError('expected "=>" in a for expression');
      this.position += 2;
      key = value;
      value = this.expression();
      this.blank(true);
      if (this.text.startsWith('...', this.position)) {
        grouped = true;
        this.position += 3;
        this.blank(true);
      }
    }
    let condition: Expr | undefined;
    if (this.keywordAhead('if')) {
      this.position += 2;
      condition = this.expression();
      this.blank(true);
    }
    this.expect(object ? '}' : ']');
    return {
      kind: 'for',
      ...(keyVar ? { keyVar } : {}),
      valueVar,
      collection,
      ...(key ? { key } : {}),
      value,
      ...(condition ? { condition } : {}),
      grouped,
      text: this.slice(start),
    };
  }

  /** `k, v in` or `v in`. */
  private forVariables(): { keyVar?: string; valueVar: string } {
    this.blank(true);
    const first = this.identifier();
    this.blank(true);
    let second: string | undefined;
    if (this.text[this.position] === ',') {
      this.position++;
      this.blank(true);
      second = this.identifier();
      this.blank(true);
    }
    if (!first || !this.keywordAhead('in')) throw new ExpressionSyntaxError('expected "for NAME in" or "for KEY, VALUE in"');
    this.position += 2;
    return second ? { keyVar: first, valueVar: second } : { valueVar: first };
  }

  private heredoc(start: number): Expr {
    const header = /^<<(-?)([A-Za-z_][\w-]*)\r?\n/.exec(this.text.slice(this.position, this.position + 100));
    if (!header) throw new ExpressionSyntaxError('malformed heredoc');
    const bodyStart = this.position + header[0].length;
    const closing = new RegExp(`^[ \\t]*${header[2]}[ \\t]*$`, 'm');
    const rest = this.text.slice(bodyStart);
    const end = closing.exec(rest);
    if (!end) throw new ExpressionSyntaxError('heredoc without its closing marker');
    let body = rest.slice(0, end.index);
    if (header[1]) {
      const lines = body.split('\n');
      const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length));
      body = lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
    }
    this.position = bodyStart + end.index + end[0].length;
    return { ...parseTemplateBody(body), text: this.slice(start) };
  }

  // ---------- lexical helpers ----------

  private keywordAhead(keyword: string): boolean {
    return this.text.startsWith(keyword, this.position) && !/[\w-]/.test(this.text[this.position + keyword.length] ?? '');
  }

  private identifier(): string | undefined {
    const name = /^[A-Za-z_][\w-]*/.exec(this.text.slice(this.position, this.position + 256))?.[0];
    if (name) this.position += name.length;
    return name;
  }

  /** Skips spaces and comments (and newlines when `newlines`). */
  blank(newlines: boolean): void {
    for (;;) {
      const c = this.text[this.position];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.position++;
      else if (c === '#' || (c === '/' && this.text[this.position + 1] === '/')) {
        const end = this.text.indexOf('\n', this.position);
        this.position = end < 0 ? this.text.length : end;
      } else if (c === '/' && this.text[this.position + 1] === '*') {
        const end = this.text.indexOf('*/', this.position + 2);
        this.position = end < 0 ? this.text.length : end + 2;
      } else return;
    }
  }

  private expect(char: string): void {
    if (this.text[this.position] !== char) {
      throw new ExpressionSyntaxError(`expected "${char}" but found ${this.position < this.text.length ? `"${this.text[this.position]}"` : 'the end'}`);
    }
    this.position++;
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new ExpressionSyntaxError(`expression nests deeper than ${MAX_DEPTH} levels`);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private slice(start: number): string {
    return this.text.slice(start, this.position).trim();
  }
}

/**
 * Evaluates parsed HCL expressions the way Terraform does, over plain JSON-like values.
 * Whatever depends on something not known before `terraform apply` (a resource attribute, a
 * data source, an unset variable, a module whose source is not in the checkout) is `Unresolved`,
 * carrying the expression and the reason; an expression Terraform would reject (a missing
 * attribute, a wrong type) is `Unresolved` with the error as reason. Never a guess.
 */
import { containsUnknown, firstUnknown, isUnresolved, unresolved, type Unresolved } from '../model.js';
import type { Expr, TemplatePart } from './expression.js';
import { callFunction } from './functions.js';

/** An expression Terraform itself would refuse to evaluate; `try`/`can` catch it. */
export class EvalError extends Error {}

/** An unresolved value for `expression`, with the reason it could not be known. */
export function unknownBecause(expression: string, reason: string, branches?: readonly unknown[]): Unresolved {
  return unresolved(expression, branches, reason);
}

/** An unresolved value for the expression `node`, as `${…}`, with the reason it could not be known. */
export function unknownAt(node: Expr, reason: string, branches?: readonly unknown[]): Unresolved {
  return unknownBecause(`\${${node.text}}`, reason, branches);
}

/** Why an unknown is unknown: its own reason, or the expression it hangs on. */
export function reasonOf(cause: Unresolved): string {
  return cause.reason ?? `${cause.expression} is not known`;
}

/** The same unknown, named after the larger expression it made unknown. */
function widen(node: Expr, cause: Unresolved): Unresolved {
  return unknownBecause(expressionOf(node), reasonOf(cause));
}

/** An expression as the user wrote it: `${…}` around an expression, a whole template as it is. */
function expressionOf(node: Expr): string {
  return node.kind === 'template' && node.body ? node.text : `\${${node.text}}`;
}

/** What names mean where an expression is evaluated (a module instance, a resource instance). */
export interface EvalScope {
  /** `var.NAME`, `local.NAME`, `module.NAME`, `count.index`, `each.key`, `path.module`, `aws_vpc.main`, … */
  reference(root: string, name: string, node: Expr): unknown;
  /** A bare name: a for-expression variable or a dynamic block's iterator. */
  symbol(name: string, node: Expr): unknown;
}

/** A scope with some names bound (a for-expression's variables, a dynamic block's iterator). */
export function withSymbols(scope: EvalScope, symbols: ReadonlyMap<string, unknown>): EvalScope {
  return {
    reference: (root, name, node) => (symbols.has(root) ? attribute(symbols.get(root), name, node) : scope.reference(root, name, node)),
    symbol: (name, node) => (symbols.has(name) ? symbols.get(name) : scope.symbol(name, node)),
  };
}

export function evaluate(node: Expr, scope: EvalScope): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'template':
      return template(node, node.parts, scope, true);
    case 'variable':
      return scope.symbol(node.name, node);
    case 'anon':
      return scope.symbol('', node);
    case 'attr': {
      if (node.target.kind === 'variable') return scope.reference(node.target.name, node.name, node);
      const target = evaluate(node.target, scope);
      return isUnresolved(target) ? widen(node, target) : attribute(target, node.name, node);
    }
    case 'index': {
      const target = evaluate(node.target, scope);
      if (isUnresolved(target)) return widen(node, target);
      const key = evaluate(node.key, scope);
      if (isUnresolved(key)) return widen(node, key);
      return index(target, key, node);
    }
    case 'splat': {
      const target = evaluate(node.target, scope);
      if (isUnresolved(target)) return widen(node, target);
      if (target === null || target === undefined) return [];
      const items = Array.isArray(target) ? target : [target];
      return items.map((item) => (isUnresolved(item) ? item : evaluate(node.each, withSymbols(scope, new Map([['', item]])))));
    }
    case 'call':
      return call(node, scope);
    case 'tuple':
      return node.items.map((item) => evaluate(item, scope));
    case 'object': {
      const entries: [string, unknown][] = [];
      for (const item of node.items) {
        const key = evaluate(item.key, scope);
        if (isUnresolved(key)) return widen(node, key);
        entries.push([toStringValue(key, item.key), evaluate(item.value, scope)]);
      }
      return Object.fromEntries(entries);
    }
    case 'for':
      return forExpression(node, scope);
    case 'conditional':
      return conditional(node, scope);
    case 'binary':
      return binary(node, scope);
    case 'unary': {
      const operand = evaluate(node.operand, scope);
      if (isUnresolved(operand)) return widen(node, operand);
      return node.operator === '!' ? !toBool(operand, node) : -toNumber(operand, node);
    }
  }
}

/** Evaluates, turning Terraform's own errors into an unresolved value that says why. */
export function evaluateSafely(node: Expr, scope: EvalScope, expression: string): unknown {
  try {
    return evaluate(node, scope);
  } catch (error) {
    if (error instanceof EvalError) return unknownBecause(expression, error.message);
    throw error;
  }
}

export function attribute(target: unknown, name: string, node: Expr): unknown {
  if (isUnresolved(target)) return widen(node, target);
  if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
    if (Object.hasOwn(target, name)) return (target as Record<string, unknown>)[name];
    throw new EvalError(`${node.text}: this object has no attribute "${name}"`);
  }
  throw new EvalError(`${node.text}: cannot read attribute "${name}" of ${describeType(target)}`);
}

function index(target: unknown, key: unknown, node: Expr): unknown {
  if (Array.isArray(target)) {
    const position = toNumber(key, node);
    if (!Number.isInteger(position) || position < 0 || position >= target.length) throw new EvalError(`${node.text}: index ${position} is out of range`);
    return target[position];
  }
  if (target !== null && typeof target === 'object') {
    const name = toStringValue(key, node);
    if (Object.hasOwn(target, name)) return (target as Record<string, unknown>)[name];
    throw new EvalError(`${node.text}: no element "${name}"`);
  }
  throw new EvalError(`${node.text}: cannot index ${describeType(target)}`);
}

/** A template's text; `whole` and a lone `${…}` give the value itself, unconverted, as Terraform does. */
function template(node: Expr, parts: readonly TemplatePart[], scope: EvalScope, whole: boolean): unknown {
  const only = parts.length === 1 ? parts[0] : undefined;
  if (whole && only?.kind === 'interpolation') return evaluate(only.expr, scope);
  let text = '';
  for (const part of parts) {
    const value = templatePart(node, part, scope);
    if (isUnresolved(value)) return value;
    text += value;
  }
  return text;
}

function templatePart(node: Expr, part: TemplatePart, scope: EvalScope): string | Unresolved {
  switch (part.kind) {
    case 'text':
      return part.value;
    case 'interpolation': {
      const value = evaluate(part.expr, scope);
      if (isUnresolved(value)) return widen(node, value);
      if (containsUnknown(value)) return widen(node, firstUnknown(value)!);
      return toStringValue(value, part.expr);
    }
    case 'if': {
      const condition = evaluate(part.condition, scope);
      if (isUnresolved(condition)) return widen(node, condition);
      const chosen = toBool(condition, part.condition) ? part.then : part.otherwise;
      return template(node, chosen, scope, false) as string | Unresolved;
    }
    case 'for': {
      const collection = evaluate(part.collection, scope);
      if (isUnresolved(collection)) return widen(node, collection);
      let text = '';
      for (const [key, value] of iterate(collection, part.collection)) {
        const symbols = new Map<string, unknown>([[part.valueVar, value]]);
        if (part.keyVar) symbols.set(part.keyVar, key);
        const piece = template(node, part.body, withSymbols(scope, symbols), false) as string | Unresolved;
        if (isUnresolved(piece)) return piece;
        text += piece;
      }
      return text;
    }
  }
}

/** Key/value pairs of a list (index → item) or a map (sorted keys, as Terraform iterates them). */
export function iterate(collection: unknown, node: Expr): [string | number, unknown][] {
  if (Array.isArray(collection)) return collection.map((item, position) => [position, item]);
  if (collection !== null && typeof collection === 'object')
    return Object.keys(collection)
      .sort()
      .map((key) => [key, (collection as Record<string, unknown>)[key]]);
  throw new EvalError(`${node.text}: cannot iterate over ${describeType(collection)}`);
}

function forExpression(node: Extract<Expr, { kind: 'for' }>, scope: EvalScope): unknown {
  const collection = evaluate(node.collection, scope);
  if (isUnresolved(collection)) return widen(node, collection);
  const items: unknown[] = [];
  const entries = new Map<string, unknown>();
  for (const [key, value] of iterate(collection, node.collection)) {
    const symbols = new Map<string, unknown>([[node.valueVar, value]]);
    if (node.keyVar) symbols.set(node.keyVar, key);
    const inner = withSymbols(scope, symbols);
    if (node.condition) {
      const keep = evaluate(node.condition, inner);
      if (isUnresolved(keep)) return widen(node, keep);
      if (!toBool(keep, node.condition)) continue;
    }
    const item = evaluate(node.value, inner);
    if (!node.key) {
      items.push(item);
      continue;
    }
    const name = evaluate(node.key, inner);
    if (isUnresolved(name)) return widen(node, name);
    const text = toStringValue(name, node.key);
    if (node.grouped) entries.set(text, [...((entries.get(text) as unknown[] | undefined) ?? []), item]);
    else if (entries.has(text)) throw new EvalError(`${node.text}: duplicate key "${text}" (add "..." to group values)`);
    else entries.set(text, item);
  }
  return node.key ? Object.fromEntries(entries) : items;
}

function conditional(node: Extract<Expr, { kind: 'conditional' }>, scope: EvalScope): unknown {
  const condition = evaluate(node.condition, scope);
  if (!isUnresolved(condition)) return evaluate(toBool(condition, node.condition) ? node.then : node.otherwise, scope);
  const arm = (expr: Expr) => {
    try {
      return evaluate(expr, scope);
    } catch (error) {
      if (error instanceof EvalError) return unknownAt(expr, error.message);
      throw error;
    }
  };
  const then = arm(node.then);
  const otherwise = arm(node.otherwise);
  if (!containsUnknown(then) && equal(then, otherwise)) return then;
  return unknownAt(node, reasonOf(condition), [then, otherwise]);
}

function binary(node: Extract<Expr, { kind: 'binary' }>, scope: EvalScope): unknown {
  const left = evaluate(node.left, scope);
  // `false && x` and `true || x` are decided by the left side alone.
  if (!isUnresolved(left) && ((node.operator === '&&' && !toBool(left, node.left)) || (node.operator === '||' && toBool(left, node.left)))) {
    return node.operator === '||';
  }
  const right = evaluate(node.right, scope);
  if (isUnresolved(left)) return widen(node, left);
  if (isUnresolved(right)) return widen(node, right);
  switch (node.operator) {
    case '&&':
    case '||':
      return toBool(right, node.right);
    case '==':
    case '!=': {
      const same = equalKnown(left, right);
      if (same === undefined) return widen(node, firstUnknown(left) ?? firstUnknown(right)!);
      return same === (node.operator === '==');
    }
    default: {
      const a = toNumber(left, node.left);
      const b = toNumber(right, node.right);
      const results: Record<string, () => unknown> = {
        '+': () => a + b,
        '-': () => a - b,
        '*': () => a * b,
        '/': () => {
          if (b === 0) throw new EvalError(`${node.text}: division by zero`);
          return a / b;
        },
        '%': () => a % b,
        '<': () => a < b,
        '<=': () => a <= b,
        '>': () => a > b,
        '>=': () => a >= b,
      };
      return results[node.operator]!();
    }
  }
}

function call(node: Extract<Expr, { kind: 'call' }>, scope: EvalScope): unknown {
  if (node.name === 'try' || node.name === 'can') {
    for (const arg of node.args) {
      try {
        const value = evaluate(arg, scope);
        if (isUnresolved(value)) return widen(node, value);
        return node.name === 'can' ? true : value;
      } catch (error) {
        if (!(error instanceof EvalError)) throw error;
        if (node.name === 'can') return false;
      }
    }
    throw new EvalError(`${node.text}: no argument of try() could be evaluated`);
  }
  let args = node.args.map((arg) => evaluate(arg, scope));
  if (node.expand) {
    const last = args.at(-1);
    if (isUnresolved(last)) return widen(node, last);
    if (!Array.isArray(last)) throw new EvalError(`${node.text}: "..." needs a list`);
    args = [...args.slice(0, -1), ...(last as unknown[])];
  }
  return callFunction(node.name, args, node, (cause) => widen(node, cause));
}

// ---------- conversions (Terraform's automatic type conversions) ----------

export function toBool(value: unknown, node: Expr): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new EvalError(`${node.text}: expected a bool, got ${describeType(value)}`);
}

export function toNumber(value: unknown, node: Expr): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw new EvalError(`${node.text}: expected a number, got ${describeType(value)}`);
}

export function toStringValue(value: unknown, node: Expr): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // jsonencode keeps a structure (so rules can read a policy with unknown parts); as text it is its JSON.
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  throw new EvalError(`${node.text}: expected a string, got ${describeType(value)}`);
}

export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Equality over values with unknown parts: decided when the known parts already differ (an
 * object with an unknown attribute is still not null), `undefined` when it hangs on an unknown.
 */
function equalKnown(a: unknown, b: unknown): boolean | undefined {
  if (isUnresolved(a) || isUnresolved(b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const items = a.map((item, position) => equalKnown(item, b[position]));
    return items.includes(false) ? false : items.includes(undefined) ? undefined : true;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length || !keys.every((key) => Object.hasOwn(b, key))) return false;
    const values = keys.map((key) => equalKnown((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
    return values.includes(false) ? false : values.includes(undefined) ? undefined : true;
  }
  return equal(a, b);
}

export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, position) => equal(item, b[position]));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
    );
  }
  return false;
}

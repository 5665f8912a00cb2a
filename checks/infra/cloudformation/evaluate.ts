/**
 * CloudFormation's intrinsic functions, evaluated the way CloudFormation does at deploy time
 * for what a template alone decides: `Ref` to parameters (the value a parent stack passes, else
 * the `Default`), `Conditions`, `Fn::If`, `Fn::Equals/And/Or/Not`, `Fn::FindInMap`, `Fn::Sub`,
 * `Fn::Join`, `Fn::Select`, `Fn::Split`. What depends on the account or the deployment (pseudo
 * parameters, resource attributes, imports, a parameter without default) is `Unresolved`; an
 * `Fn::If` on a condition that is unknown carries both branches.
 */
import { isUnresolved, unresolved, type SourceRange, type Unresolved } from '../model.js';

/** `Ref: AWS::NoValue`: the property is removed. */
export const NO_VALUE = Symbol('AWS::NoValue');

type Json = Record<string, unknown>;

export function asObject(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

/** `{Ref: X}`, `{Condition: X}`, `{"Fn::If": [...]}`: its name and argument. */
export function intrinsicOf(value: unknown): { name: string; argument: unknown } | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  const [name, argument] = entries[0] ?? [];
  return entries.length === 1 && name !== undefined && (name === 'Ref' || name === 'Condition' || name.startsWith('Fn::')) ? { name, argument } : undefined;
}

/** The value a parameter has in this evaluation, and, when another file set it (a parent stack), where. */
export interface ParameterBinding {
  value: unknown;
  origin?: SourceRange;
}

/** How an intrinsic reads in a message: `!If ["IsProd","TLS-1-2","TLS-1-0"]`, `Ref Policy`. */
function written(name: string, argument: unknown): string {
  return `${name === 'Ref' || name === 'Condition' ? name : `!${name.slice(4)}`} ${JSON.stringify(argument)}`;
}

function isScalar(value: unknown): boolean {
  return value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);
}

/** CloudFormation compares and substitutes parameter values as strings. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/**
 * `Fn::If` on an unknown condition: the branches, kept where rules read them. Scalars become one
 * Unresolved with both branches; objects (and arrays of the same length) are split key by key,
 * so a rule reading `A.B` meets the branches of `A.B`, not whole objects. Any other mix is
 * unresolved without branches.
 */
function eitherOf(expression: string, whenTrue: unknown, whenFalse: unknown): unknown {
  const branches = (value: unknown): unknown[] => (isUnresolved(value) && value.branches ? [...value.branches] : [value === NO_VALUE ? undefined : value]);
  if ((isScalar(whenTrue) || whenTrue === NO_VALUE || isUnresolved(whenTrue)) && (isScalar(whenFalse) || whenFalse === NO_VALUE || isUnresolved(whenFalse))) {
    const all = [...branches(whenTrue), ...branches(whenFalse)];
    if (all.every((branch) => isScalar(branch) || isUnresolved(branch))) return unresolved(expression, all);
  }
  if (Array.isArray(whenTrue) && Array.isArray(whenFalse) && whenTrue.length === whenFalse.length) {
    return whenTrue.map((item, index) => eitherOf(expression, item, whenFalse[index]));
  }
  const both = [whenTrue, whenFalse];
  if (both.every((branch) => branch !== null && typeof branch === 'object' && !Array.isArray(branch) && !isUnresolved(branch))) {
    const keys = [...new Set(both.flatMap((branch) => Object.keys(branch as Json)))];
    return Object.fromEntries(keys.map((key) => [key, eitherOf(expression, (whenTrue as Json)[key] ?? NO_VALUE, (whenFalse as Json)[key] ?? NO_VALUE)]));
  }
  return unresolved(`${expression} (its branches differ in shape)`);
}

/** An expression that could not be computed, with the first unresolved input that kept it so (`!Split [...]: !ImportValue "certs" (...)`). */
function unresolvedBecause(expression: string, ...inputs: unknown[]): Unresolved {
  const cause = inputs.find(isUnresolved);
  return unresolved(cause ? `${expression}: ${cause.expression}` : expression);
}

/** One template's evaluation: its parameters bound, its conditions decided once. */
export class TemplateScope {
  private readonly conditions = new Map<string, boolean | Unresolved>();
  private readonly deciding = new Set<string>();
  /** The other-file place of the last bound parameter read (see `evaluateAt`). */
  private touched: SourceRange | undefined;

  constructor(
    private readonly template: Json,
    private readonly parameters: ReadonlyMap<string, ParameterBinding>,
  ) {}

  /** A named condition: true, false, or unresolved when it depends on what the template does not decide. */
  condition(name: string): boolean | Unresolved {
    const known = this.conditions.get(name);
    if (known !== undefined) return known;
    const definitions = asObject(this.template.Conditions);
    if (!(name in definitions)) return unresolved(`Condition ${name} (no such condition)`);
    if (this.deciding.has(name)) return unresolved(`Condition ${name} (defined in terms of itself)`);
    this.deciding.add(name);
    const value = this.evaluate(definitions[name]);
    this.deciding.delete(name);
    const decided =
      typeof value === 'boolean'
        ? value
        : isUnresolved(value)
          ? unresolved(`Condition ${name}: ${value.expression}`)
          : value === 'true'
            ? true
            : value === 'false'
              ? false
              : unresolved(`Condition ${name} is not a boolean`);
    this.conditions.set(name, decided);
    return decided;
  }

  /**
   * Whether an undecided condition hangs only on where the stack is deployed (pseudo parameters:
   * `AWS::Region`, `AWS::AccountId`, `AWS::Partition`...), not on a value someone chooses (a
   * parameter without value, an import, another resource's attribute).
   */
  dependsOnlyOnPlacement(name: string, seen: ReadonlySet<string> = new Set()): boolean {
    if (seen.has(name)) return false;
    const inner = new Set([...seen, name]);
    const placementOnly = (value: unknown): boolean => {
      if (Array.isArray(value)) return value.every(placementOnly);
      const intrinsic = intrinsicOf(value);
      if (!intrinsic) return value === null || typeof value !== 'object' || Object.values(value).every(placementOnly);
      const { name: fn, argument } = intrinsic;
      if (fn === 'Ref') return typeof argument === 'string' && (argument.startsWith('AWS::') || this.parameters.has(argument));
      if (fn === 'Condition') return typeof argument === 'string' && this.dependsOnlyOnPlacement(argument, inner);
      if (fn === 'Fn::Sub') {
        const text: unknown = Array.isArray(argument) ? argument[0] : argument;
        const names = typeof text === 'string' ? [...text.matchAll(/\$\{([^}!.]*)\}/g)].map((match) => match[1] ?? '') : [];
        return (
          typeof text === 'string' &&
          names.every(
            (variable) => variable.startsWith('AWS::') || this.parameters.has(variable) || (Array.isArray(argument) && variable in asObject(argument[1])),
          )
        );
      }
      return (
        ['Fn::If', 'Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::FindInMap', 'Fn::Join', 'Fn::Select', 'Fn::Split'].includes(fn) && placementOnly(argument)
      );
    };
    const definition = asObject(this.template.Conditions)[name];
    return definition !== undefined && placementOnly(definition);
  }

  /** Evaluates a value; `origin` is the other-file place of a parameter it read, when any. */
  evaluateAt(value: unknown): { value: unknown; origin?: SourceRange } {
    this.touched = undefined;
    const result = this.evaluate(value);
    return this.touched ? { value: result, origin: this.touched } : { value: result };
  }

  evaluate(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.evaluate(item)).filter((item) => item !== NO_VALUE);
    const intrinsic = intrinsicOf(value);
    if (intrinsic) return this.intrinsic(intrinsic.name, intrinsic.argument);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value).map(([key, item]) => [key, this.evaluate(item)] as const);
    return Object.fromEntries(entries.filter(([, item]) => item !== NO_VALUE));
  }

  private intrinsic(name: string, argument: unknown): unknown {
    const expression = written(name, argument);
    switch (name) {
      case 'Ref':
        return this.ref(argument);
      case 'Condition':
        return typeof argument === 'string' ? this.condition(argument) : unresolved(expression);
      case 'Fn::If':
        return this.fnIf(argument, expression);
      case 'Fn::Equals':
        return this.logical(argument, expression, (values) => {
          const [left, right] = values.map(asText);
          return values.length === 2 && left !== undefined && right !== undefined ? left === right : undefined;
        });
      case 'Fn::And':
        return this.logical(argument, expression, (values) => (values.includes(false) ? false : values.every((item) => item === true) ? true : undefined));
      case 'Fn::Or':
        return this.logical(argument, expression, (values) => (values.includes(true) ? true : values.every((item) => item === false) ? false : undefined));
      case 'Fn::Not':
        return this.logical(argument, expression, (values) => (values.length === 1 && typeof values[0] === 'boolean' ? !values[0] : undefined));
      case 'Fn::FindInMap':
        return this.findInMap(argument, expression);
      case 'Fn::Sub':
        return this.sub(argument, expression);
      case 'Fn::Join':
        return this.join(argument, expression);
      case 'Fn::Select': {
        const [index, list] = Array.isArray(argument) ? [this.evaluate(argument[0]), this.evaluate(argument[1])] : [];
        const position = Number(asText(index));
        return Array.isArray(list) && Number.isInteger(position) && position >= 0 && position < list.length
          ? list[position]
          : unresolvedBecause(expression, index, list);
      }
      case 'Fn::Split': {
        const [delimiter, text] = Array.isArray(argument) ? [this.evaluate(argument[0]), this.evaluate(argument[1])] : [];
        return typeof delimiter === 'string' && typeof text === 'string' && delimiter !== ''
          ? text.split(delimiter)
          : unresolvedBecause(expression, delimiter, text);
      }
      case 'Fn::ImportValue':
        return unresolved(`${expression} (another stack's export, known only where this stack is deployed)`);
      default:
        // GetAtt (a resource reference, which rules read as written), GetAZs, Cidr, Base64, Transform...: known only at deploy time.
        return unresolved(expression);
    }
  }

  private ref(name: unknown): unknown {
    if (typeof name !== 'string') return unresolved(written('Ref', name));
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (name.startsWith('AWS::')) return unresolved(`Ref ${name} (a pseudo parameter, known at deploy time)`);
    const binding = this.parameters.get(name);
    if (binding) {
      if (binding.origin) this.touched = binding.origin;
      return binding.value;
    }
    if (name in asObject(this.template.Parameters)) return unresolved(`Ref ${name} (a parameter without default)`);
    // A resource's physical id: known at deploy time. Written with the logical id quoted, as rules find references.
    return unresolved(written('Ref', name));
  }

  private fnIf(argument: unknown, expression: string): unknown {
    if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== 'string') return unresolved(expression);
    const decided = this.condition(argument[0]);
    if (decided === true) return this.evaluate(argument[1]);
    if (decided === false) return this.evaluate(argument[2]);
    return eitherOf(`!If [${argument[0]}, ...] (${decided.expression})`, this.evaluate(argument[1]), this.evaluate(argument[2]));
  }

  /** A condition function: decided when `decide` can tell from what is known (one `false` decides an And, whatever the others). */
  private logical(argument: unknown, expression: string, decide: (values: unknown[]) => boolean | undefined): boolean | Unresolved {
    const values = (Array.isArray(argument) ? argument : [argument]).map((item) => {
      const value = this.evaluate(item);
      return value === 'true' ? true : value === 'false' ? false : value;
    });
    const decided = decide(values);
    if (decided !== undefined) return decided;
    const cause = values.find(isUnresolved);
    return unresolved(cause ? `${expression}: ${cause.expression}` : expression);
  }

  private findInMap(argument: unknown, expression: string): unknown {
    if (!Array.isArray(argument) || argument.length < 3) return unresolved(expression);
    const keys = argument.slice(0, 3).map((item) => this.evaluate(item));
    const cause = keys.find(isUnresolved);
    if (cause) return unresolved(`${expression}: ${cause.expression}`);
    const [map, top, second] = keys.map(asText);
    const found =
      map !== undefined && top !== undefined && second !== undefined ? asObject(asObject(asObject(this.template.Mappings)[map])[top])[second] : undefined;
    if (found !== undefined) return this.evaluate(found);
    const fallback = asObject(argument[3]).DefaultValue;
    return fallback !== undefined ? this.evaluate(fallback) : unresolved(`${expression} (no such entry in Mappings)`);
  }

  private sub(argument: unknown, expression: string): unknown {
    const template: unknown = Array.isArray(argument) ? argument[0] : argument;
    const variables = Array.isArray(argument) ? asObject(argument[1]) : {};
    if (typeof template !== 'string') return unresolved(expression);
    let cause: Unresolved | undefined;
    const text = template.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      const value = name in variables ? this.evaluate(variables[name]) : name.includes('.') ? unresolved(`\${${name}}`) : this.ref(name);
      const substituted = asText(value);
      if (substituted === undefined) cause ??= isUnresolved(value) ? value : unresolved(whole);
      return substituted ?? whole;
    });
    return cause ? unresolved(`${expression}: ${cause.expression}`) : text;
  }

  private join(argument: unknown, expression: string): unknown {
    if (!Array.isArray(argument) || typeof argument[0] !== 'string') return unresolved(expression);
    const list = this.evaluate(argument[1]);
    if (!Array.isArray(list)) return unresolvedBecause(expression, list);
    const parts = list.map(asText);
    return parts.every((part) => part !== undefined) ? parts.join(argument[0]) : unresolvedBecause(expression, ...(list as unknown[]));
  }
}

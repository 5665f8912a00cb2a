/**
 * Terraform's built-in functions that infrastructure code uses to compute settings. A function
 * not listed here, or one that reads the outside world (`file`, `timestamp`, `uuid`), gives an
 * unresolved value naming it, never a guess.
 */
import { isIP } from 'node:net';
import { posix } from 'node:path';
import { firstUnknown, isUnresolved, type Unresolved } from '../model.js';
import type { Expr } from './expression.js';
import { describeType, equal, EvalError, reasonOf, toBool, toNumber, toStringValue, unknownAt } from './evaluate.js';

type Fn = (args: unknown[], node: Expr, widen: (cause: Unresolved) => Unresolved) => unknown;

const list = (value: unknown, node: Expr): unknown[] => {
  if (Array.isArray(value)) return value;
  throw new EvalError(`${node.text}: expected a list, got ${describeType(value)}`);
};
const object = (value: unknown, node: Expr): Record<string, unknown> => {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new EvalError(`${node.text}: expected a map or object, got ${describeType(value)}`);
};
const text = (value: unknown, node: Expr) => toStringValue(value, node);
const numbers = (args: unknown[], node: Expr) => (args.length === 1 && Array.isArray(args[0]) ? args[0] : args).map((arg) => toNumber(arg, node));
const distinct = (items: unknown[]) => items.filter((item, position) => items.findIndex((other) => equal(other, item)) === position);

/** Functions that work on a collection whose elements are unknown (only the collection itself must be known). */
const STRUCTURAL: Record<string, Fn> = {
  length: ([value], node) => {
    if (typeof value === 'string') return [...value].length;
    return Array.isArray(value) ? value.length : Object.keys(object(value, node)).length;
  },
  concat: (args, node) => args.flatMap((arg) => list(arg, node)),
  merge: (args, node) => Object.assign({}, ...args.filter((arg) => arg !== null).map((arg) => object(arg, node))) as Record<string, unknown>,
  element: ([items, position], node) => {
    const values = list(items, node);
    if (!values.length) throw new EvalError(`${node.text}: element() of an empty list`);
    return values[((toNumber(position, node) % values.length) + values.length) % values.length];
  },
  keys: ([value], node) => Object.keys(object(value, node)).sort(),
  values: ([value], node) => {
    const map = object(value, node);
    return Object.keys(map)
      .sort()
      .map((key) => map[key]);
  },
  lookup: ([map, key, fallback], node) => {
    const values = object(map, node);
    const name = text(key, node);
    if (Object.hasOwn(values, name)) return values[name];
    if (fallback === undefined) throw new EvalError(`${node.text}: no key "${name}" and no default`);
    return fallback;
  },
  tolist: ([value], node) => list(value, node),
  jsondecode: ([value], node) => {
    // A number or bool converts to its text; a list, map or null is Terraform's type error (what `try(jsondecode(x), x)` relies on).
    if (typeof value === 'number' || typeof value === 'boolean') return value;
    if (typeof value !== 'string') throw new EvalError(`${node.text}: expected a string, got ${describeType(value)}`);
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new EvalError(`${node.text}: not valid JSON`);
    }
  },
  // A JSON document kept as a structure (a policy document's `json`) is a non-empty string, whatever its unknown parts.
  compact: ([items], node, widen) => {
    const values = list(items, node);
    const pending = values.find(isUnresolved);
    return pending ? widen(pending) : values.filter((item) => item !== null && item !== '');
  },
  tomap: ([value], node) => object(value, node),
  zipmap: ([names, items], node) => {
    const keys = list(names, node).map((key) => text(key, node));
    const values = list(items, node);
    return Object.fromEntries(keys.map((key, position) => [key, values[position]]));
  },
  slice: ([items, from, to], node) => list(items, node).slice(toNumber(from, node), toNumber(to, node)),
  one: ([items], node) => {
    const values = list(items, node);
    if (values.length > 1) throw new EvalError(`${node.text}: one() of a list with ${values.length} elements`);
    return values[0] ?? null;
  },
  jsonencode: ([value]) => value,
  coalescelist: (args, node) => args.map((arg) => list(arg, node)).find((items) => items.length) ?? [],
  reverse: ([items], node) => [...list(items, node)].reverse(),
  // Only an unknown that could itself be a list keeps the result unknown: an object with an unknown attribute (a KMS key ARN) is one element.
  flatten: ([items], node, widen) => {
    let cause: Unresolved | undefined;
    const flat = (value: unknown): unknown[] => {
      if (isUnresolved(value)) cause ??= value;
      return Array.isArray(value) ? value.flatMap(flat) : [value];
    };
    const result = flat(list(items, node));
    return cause ? widen(cause) : result;
  },
};

/** Functions that need their whole arguments known. */
const SCALAR: Record<string, Fn> = {
  contains: ([items, value], node) => list(items, node).some((item) => equal(item, value)),
  distinct: ([items], node) => distinct(list(items, node)),
  toset: ([items], node) => distinct(list(items, node)),
  sort: ([items], node) =>
    list(items, node)
      .map((item) => text(item, node))
      .sort(),
  index: ([items, value], node) => {
    const position = list(items, node).findIndex((item) => equal(item, value));
    if (position < 0) throw new EvalError(`${node.text}: the value is not in the list`);
    return position;
  },
  range: (args, node) => {
    const [start, end, step] =
      args.length === 1
        ? [0, toNumber(args[0], node), 1]
        : [toNumber(args[0], node), toNumber(args[1], node), args[2] === undefined ? 1 : toNumber(args[2], node)];
    if (step === 0 || Math.abs((end - start) / step) > 1024) throw new EvalError(`${node.text}: range() too long`);
    const result: number[] = [];
    for (let value = start; step > 0 ? value < end : value > end; value += step) result.push(value);
    return result;
  },
  alltrue: ([items], node) => list(items, node).every((item) => toBool(item, node)),
  anytrue: ([items], node) => list(items, node).some((item) => toBool(item, node)),
  tostring: ([value], node) => (value === null ? null : text(value, node)),
  tonumber: ([value], node) => (value === null ? null : toNumber(value, node)),
  tobool: ([value], node) => (value === null ? null : toBool(value, node)),
  format: ([pattern, ...args], node) => format(text(pattern, node), args, node),
  join: ([separator, items], node) =>
    list(items, node)
      .map((item) => text(item, node))
      .join(text(separator, node)),
  split: ([separator, value], node) => text(value, node).split(text(separator, node)),
  lower: ([value], node) => text(value, node).toLowerCase(),
  upper: ([value], node) => text(value, node).toUpperCase(),
  title: ([value], node) => text(value, node).replace(/\b\w/g, (first) => first.toUpperCase()),
  trimspace: ([value], node) => text(value, node).trim(),
  trimprefix: ([value, prefix], node) => {
    const whole = text(value, node);
    return whole.startsWith(text(prefix, node)) ? whole.slice(text(prefix, node).length) : whole;
  },
  trimsuffix: ([value, suffix], node) => {
    const whole = text(value, node);
    return whole.endsWith(text(suffix, node)) ? whole.slice(0, whole.length - text(suffix, node).length) : whole;
  },
  startswith: ([value, prefix], node) => text(value, node).startsWith(text(prefix, node)),
  endswith: ([value, suffix], node) => text(value, node).endsWith(text(suffix, node)),
  strcontains: ([value, part], node) => text(value, node).includes(text(part, node)),
  substr: ([value, offset, length], node) => {
    const chars = [...text(value, node)];
    const start = toNumber(offset, node);
    const count = toNumber(length, node);
    return chars.slice(start < 0 ? chars.length + start : start, count < 0 ? undefined : (start < 0 ? chars.length + start : start) + count).join('');
  },
  replace: ([value, search, replacement], node) => {
    const pattern = text(search, node);
    const regex = /^\/(.*)\/$/s.exec(pattern);
    if (regex) {
      try {
        return text(value, node).replace(new RegExp(regex[1]!, 'g'), text(replacement, node).replace(/\$\{?(\d+)\}?/g, '$$$1'));
      } catch {
        throw new EvalError(`${node.text}: invalid regular expression`);
      }
    }
    return text(value, node).split(pattern).join(text(replacement, node));
  },
  basename: ([value], node) => posix.basename(text(value, node)),
  dirname: ([value], node) => posix.dirname(text(value, node)),
  min: (args, node) => Math.min(...numbers(args, node)),
  max: (args, node) => Math.max(...numbers(args, node)),
  abs: ([value], node) => Math.abs(toNumber(value, node)),
  ceil: ([value], node) => Math.ceil(toNumber(value, node)),
  floor: ([value], node) => Math.floor(toNumber(value, node)),
  cidrsubnet: ([prefix, newbits, netnum], node) => cidrsubnet(text(prefix, node), toNumber(newbits, node), toNumber(netnum, node), node),
  cidrnetmask: ([prefix], node) => cidrnetmask(text(prefix, node), node),
  cidrhost: ([prefix, hostnum], node) => cidrhost(text(prefix, node), toNumber(hostnum, node), node),
  setunion: (args, node) => distinct(args.flatMap((arg) => list(arg, node))),
  setintersection: ([first, ...rest], node) =>
    distinct(list(first, node)).filter((item) => rest.every((other) => list(other, node).some((candidate) => equal(candidate, item)))),
  setsubtract: ([first, second], node) => list(first, node).filter((item) => !list(second, node).some((other) => equal(other, item))),
};

/** Functions whose result depends on the outside world or on files: unknown, with the reason. */
const UNKNOWABLE: Record<string, string> = {
  file: 'reads a file at plan time',
  fileexists: 'reads a file at plan time',
  templatefile: 'reads a file at plan time',
  filebase64: 'reads a file at plan time',
  timestamp: 'is the time of the run',
  uuid: 'is random',
  bcrypt: 'is random',
};

export function callFunction(name: string, args: unknown[], node: Expr, widen: (cause: Unresolved) => Unresolved): unknown {
  if (Object.hasOwn(UNKNOWABLE, name)) return unknownAt(node, `${name}() ${UNKNOWABLE[name]}`);
  if (name === 'coalesce') return coalesce(args, widen);
  if (name === 'replace' && isDocument(args[0])) return replaceInDocument(args[0], args[1], args[2], node, widen);
  const top = args.find(isUnresolved);
  if (top) return widen(top);
  if (Object.hasOwn(STRUCTURAL, name)) return STRUCTURAL[name]!(args, node, widen);
  if (Object.hasOwn(SCALAR, name)) {
    const deep = args.map((arg) => firstUnknown(arg)).find((found) => found !== undefined);
    if (deep) return widen(deep);
    return SCALAR[name]!(args, node, widen);
  }
  return unknownAt(node, `the function ${name}() is not evaluated by hipaa-guard`);
}

/** `format("%s-%d", a, 1)`: the verbs infrastructure code uses. */
function format(pattern: string, args: unknown[], node: Expr): string {
  let next = 0;
  return pattern.replace(/%(%|[-+ 0#]*\d*(?:\.\d+)?[svdtfqx])/g, (whole, verb: string) => {
    if (verb === '%') return '%';
    const value = args[next++];
    const kind = verb.at(-1);
    const width = /(\d+)/.exec(verb.replace(/\.\d+$/, ''))?.[1];
    let out: string;
    if (kind === 'd') out = String(Math.trunc(toNumber(value, node)));
    else if (kind === 'f') out = toNumber(value, node).toFixed(Number(/\.(\d+)/.exec(verb)?.[1] ?? 6));
    else if (kind === 'q') out = JSON.stringify(text(value, node));
    else if (kind === 't') out = String(toBool(value, node));
    else if (kind === 'x') out = toNumber(value, node).toString(16);
    else out = text(value, node);
    return width && !verb.startsWith('-') ? out.padStart(Number(width), verb.includes('0') && kind === 'd' ? '0' : ' ') : out;
  });
}

/** IPv4 `cidrsubnet`; IPv6 prefixes are left unknown rather than half-computed. */
function cidrsubnet(prefix: string, newbits: number, netnum: number, node: Expr): unknown {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(prefix);
  if (!match) return unknownAt(node, 'cidrsubnet() is evaluated for IPv4 prefixes only');
  const octets = match.slice(1, 5).map(Number);
  const length = Number(match[5]) + newbits;
  if (octets.some((octet) => octet > 255) || length > 32 || netnum >= 2 ** newbits || netnum < 0) throw new EvalError(`${node.text}: prefix out of range`);
  const base = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - length);
  const network = Math.floor(base / 2 ** (32 - Number(match[5]))) * 2 ** (32 - Number(match[5])) + netnum * size;
  return `${[24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join('.')}/${length}`;
}

/** A CIDR prefix as an address (a bigint of 32 or 128 bits) and a prefix length; Terraform's error otherwise. */
function parseCidr(prefix: string, node: Expr): { bits: 32 | 128; address: bigint; length: number } {
  const slash = prefix.lastIndexOf('/');
  const host = prefix.slice(0, slash);
  const length = Number(prefix.slice(slash + 1));
  const version = slash > 0 && /^\d+$/.test(prefix.slice(slash + 1)) ? isIP(host) : 0;
  const bits = version === 4 ? 32 : 128;
  if (!version || length > bits) throw new EvalError(`${node.text}: "${prefix}" is not a valid CIDR prefix`);
  if (version === 4) return { bits, length, address: host.split('.').reduce((sum, octet) => (sum << 8n) + BigInt(octet), 0n) };
  const [head = '', tail = ''] = host.includes('::') ? host.split('::') : [host, ''];
  const groups = (part: string) => (part ? part.split(':') : []);
  const missing = 8 - groups(head).length - groups(tail).length;
  const all = [...groups(head), ...(Array(host.includes('::') ? missing : 0).fill('0') as string[]), ...groups(tail)];
  return { bits, length, address: all.reduce((sum, group) => (sum << 16n) + BigInt(`0x${group}`), 0n) };
}

function formatAddress(bits: 32 | 128, address: bigint): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((shift) => String((address >> shift) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, position) => ((address >> BigInt(112 - 16 * position)) & 0xffffn).toString(16));
  // RFC 5952: the longest run of two or more zero groups becomes `::`.
  const runs = [...groups.join(',').matchAll(/(?:^|,)(0(?:,0)+)(?=,|$)/g)].map((match) => match[1]!);
  const longest = runs.sort((a, b) => b.length - a.length)[0];
  if (!longest) return groups.join(':');
  const joined = `,${groups.join(',')},`.replace(`,${longest},`, '::').replace(/^,|,$/g, '');
  return joined.replaceAll(',', ':');
}

/** `cidrnetmask`: the IPv4 netmask of a prefix; an IPv6 prefix is an error, as in Terraform. */
function cidrnetmask(prefix: string, node: Expr): string {
  const { bits, length } = parseCidr(prefix, node);
  if (bits !== 32) throw new EvalError(`${node.text}: only IPv4 prefixes have a netmask`);
  return formatAddress(32, ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - length)) - 1n));
}

/** `cidrhost`: the address of host number `hostnum` in a prefix (negative counts from the end). */
function cidrhost(prefix: string, hostnum: number, node: Expr): string {
  const { bits, address, length } = parseCidr(prefix, node);
  const size = 1n << BigInt(bits - length);
  const host = BigInt(Math.trunc(hostnum));
  const offset = host < 0n ? size + host : host;
  if (offset < 0n || offset >= size) throw new EvalError(`${node.text}: host number ${hostnum} does not fit in ${prefix}`);
  return formatAddress(bits, ((address >> BigInt(bits - length)) << BigInt(bits - length)) + offset);
}

/**
 * `coalesce`: the first argument that is neither null nor "", as Terraform reads them in order:
 * an unknown argument before it makes the result unknown; one after it does not matter, and an
 * object with unknown attributes is still not null.
 */
function coalesce(args: readonly unknown[], widen: (cause: Unresolved) => Unresolved): unknown {
  for (const arg of args) {
    if (isUnresolved(arg)) return widen(arg);
    if (arg !== null && arg !== '') return arg;
  }
  throw new EvalError('coalesce(): every argument is null or empty');
}

/** A JSON document kept as a structure (what `jsonencode` and a policy document's `json` give). */
const isDocument = (value: unknown): value is object => value !== null && typeof value === 'object' && !isUnresolved(value);

/** Text that can only occur inside the strings of a JSON document, never across its punctuation or escapes. */
const PLAIN = /^[A-Za-z0-9_.-]+$/;

/**
 * `replace(document_json, "_S3_BUCKET_ARN_", aws_s3_bucket.this.arn)` on a document kept as a
 * structure: a plain search text can only match inside its strings, so each string is replaced
 * on its own; a string the replacement makes unknown is unknown, and the rest stays known.
 * Anything else (a pattern, text that could match punctuation, a replacement that would change
 * the JSON) is unknown, with the reason.
 */
function replaceInDocument(document: object, search: unknown, replacement: unknown, node: Expr, widen: (cause: Unresolved) => Unresolved): unknown {
  if (isUnresolved(search)) return widen(search);
  const pattern = text(search, node);
  const unknown = (reason: string) => unknownAt(node, reason);
  if (!PLAIN.test(pattern)) return unknown(`replace() of "${pattern}" in a JSON document is evaluated only for plain text (letters, digits, "_", "-", ".")`);
  // A character JSON would escape (a quote, a backslash, a control character, <>&) changes the text around it.
  const escapes = (value: string) => /[<>&\u2028\u2029]/.test(value) || JSON.stringify(value).length !== value.length + 2;
  if (!isUnresolved(replacement) && escapes(text(replacement, node))) return unknown('replace() would put characters JSON escapes into the document');
  const swap = (value: string): string | Unresolved => {
    // The text as it stands inside the JSON (escapes included), where Terraform's replace() looks.
    const escaped = JSON.stringify(value)
      .slice(1, -1)
      .replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (!escaped.includes(pattern)) return value;
    if (isUnresolved(replacement)) return unknownAt(node, reasonOf(replacement));
    return JSON.parse(`"${escaped.split(pattern).join(text(replacement, node))}"`) as string;
  };
  const walk = (value: unknown): unknown => {
    if (isUnresolved(value)) return value;
    if (typeof value === 'string') return swap(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') {
      const entries: [string, unknown][] = [];
      for (const [key, item] of Object.entries(value)) {
        const name = swap(key);
        if (isUnresolved(name)) throw new KeyUnknown(name);
        entries.push([name, walk(item)]);
      }
      return Object.fromEntries(entries);
    }
    if (JSON.stringify(value).includes(pattern)) throw new KeyUnknown(unknown(`replace() of "${pattern}" would change a number or literal of the document`));
    return value;
  };
  try {
    return walk(document);
  } catch (error) {
    if (error instanceof KeyUnknown) return error.cause;
    throw error;
  }
}

/** A key or literal of a document that replace() makes unknown: the whole document is. */
class KeyUnknown extends Error {
  constructor(override readonly cause: Unresolved) {
    super(cause.expression);
  }
}

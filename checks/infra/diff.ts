/**
 * The infra diff: runs every rule on the resources at base and at head, matches resources
 * across versions (by address, following `moved {}`), and classifies each verdict:
 * weakened / removed / introduced / existing findings, strengthenings, unknowns.
 */
import { makeFinding, type Change, type Finding } from '../model/finding.js';
import type { Strengthening, UnknownOutcome } from '../model/report.js';
import { firstUnknown, isUnresolved, type InfraResource, type SourceRange } from './model.js';
import {
  describeValue,
  moduleInstanceOf,
  refersTo,
  valueAt,
  verdictList,
  type AttributePath,
  type FailVerdict,
  type InfraRule,
  type InfraRuleContext,
  type SafeguardType,
  type UnknownVerdict,
  type Verdict,
} from './rule.js';

export interface DiffInput {
  base: readonly InfraResource[];
  head: readonly InfraResource[];
  rules: readonly InfraRule[];
  /**
   * What an address is unique within, for one side: a Terraform module's directory, a file.
   * Renamed files map their base path to the head path here. Default: the file path.
   */
  scopeOf?: (resource: InfraResource, side: 'base' | 'head') => string;
}

export interface InfraDiff {
  findings: Finding[];
  unknown: UnknownOutcome[];
  strengthened: Strengthening[];
}

export function diffResources(input: DiffInput): InfraDiff {
  const scopeOf = input.scopeOf ?? ((resource) => resource.path);
  const baseByKey = new Map(input.base.map((resource) => [`${scopeOf(resource, 'base')}#${resource.address}`, resource]));
  const matchedBase = new Set<InfraResource>();
  const pairs = input.head.map((head) => {
    const scope = scopeOf(head, 'head');
    const base = [head.address, ...(head.movedFrom ?? [])]
      .map((address) => baseByKey.get(`${scope}#${address}`))
      .find((candidate) => candidate !== undefined && !matchedBase.has(candidate));
    if (base) matchedBase.add(base);
    return { head, base };
  });
  const contexts = {
    base: contextsOf(input.base, (resource) => scopeOf(resource, 'base')),
    head: contextsOf(input.head, (resource) => scopeOf(resource, 'head')),
  };
  const diff: InfraDiff = { findings: [], unknown: [], strengthened: [] };
  for (const rule of input.rules) {
    for (const { head, base } of pairs) {
      if (appliesTo(rule, head)) classify(rule, head, base, contexts, diff);
    }
    for (const base of input.base) {
      if (matchedBase.has(base) || reportedProvider(rule, base, diff)) continue;
      const safeguard = safeguardOf(rule, base);
      const context = contexts.base(base);
      if (safeguard && !protectedGoneToo(safeguard, base, context, matchedBase)) classifyRemoval(rule, base, context, diff);
    }
  }
  return diff;
}

/**
 * What a rule sees besides its resource: the resources of the same configuration (scope) and,
 * in Terraform, the same module instance. "A flow log for this VPC" must be in the module that
 * makes the VPC, not anywhere in the repository.
 */
function contextsOf(resources: readonly InfraResource[], scopeOf: (resource: InfraResource) => string): (resource: InfraResource) => InfraRuleContext {
  const key = (resource: InfraResource) =>
    `${scopeOf(resource)}#${resource.format === 'terraform' && !resource.qualifiedReferences ? moduleInstanceOf(resource.address) : ''}`;
  const groups = new Map<string, InfraResource[]>();
  for (const resource of resources) {
    const name = key(resource);
    const group = groups.get(name);
    if (group) group.push(resource);
    else groups.set(name, [resource]);
  }
  return (resource) => ({ resources: groups.get(key(resource)) ?? [] });
}

function appliesTo(rule: InfraRule, resource: InfraResource): boolean {
  return rule.formats.includes(resource.format) && rule.resourceTypes.includes(resource.type);
}

/** Deleting `resource` takes a safeguard away (a trail, a public access block); deleting the thing protected (a bucket) does not. */
function safeguardOf(rule: InfraRule, resource: InfraResource): SafeguardType | undefined {
  return appliesTo(rule, resource) ? rule.safeguardTypes?.find((safeguard) => safeguard.type === resource.type) : undefined;
}

/** The resource the deleted safeguard named (`bucket = aws_s3_bucket.phi.id`) was deleted with it: nothing is left to protect. */
function protectedGoneToo(safeguard: SafeguardType, base: InfraResource, context: InfraRuleContext, kept: ReadonlySet<InfraResource>): boolean {
  if (!safeguard.protects) return false;
  const reference = valueAt(base.values, safeguard.protects);
  return context.resources.some((other) => other !== base && !kept.has(other) && refersTo(reference, other));
}

/** The deleted safeguard was already reported as `removed` on the resource it protected, which stays (`providedBy`). */
function reportedProvider(rule: InfraRule, base: InfraResource, diff: InfraDiff): boolean {
  return diff.findings.some((finding) => finding.ruleId === rule.id && finding.change === 'removed' && finding.evidence?.before === base.address);
}

function classify(
  rule: InfraRule,
  head: InfraResource,
  base: InfraResource | undefined,
  contexts: { base: (resource: InfraResource) => InfraRuleContext; head: (resource: InfraResource) => InfraRuleContext },
  diff: InfraDiff,
): void {
  const afters = verdictList(rule.check(head, contexts.head(head)));
  if (!afters.length) return;
  const befores = base ? verdictList(rule.check(base, contexts.base(base))) : [];
  const compared = new Set<Verdict>();
  for (const after of afters) {
    const before = beforeOf(after, afters, befores, base);
    if (before) compared.add(before);
    classifyVerdict(rule, head, base, after, before, diff);
  }
  // An attribute that failed at base and is no longer judged failing at head was fixed.
  if (afters.some((after) => after.verdict === 'unknown')) return;
  for (const before of befores) {
    if (before.verdict !== 'fail' || compared.has(before)) continue;
    diff.strengthened.push({
      ruleId: rule.id,
      location: locationOf(head, base, before.path).location,
      message: `${head.address}: ${pathLabel(before.path)} changed from ${describeValue(verdictValue(before))} to ${describeValue(valueAt(head.values, before.path))}`,
    });
  }
}

/**
 * The base verdict to compare `after` with: the one on the same attribute, else the rule's only
 * verdict at base (unless another verdict at head is on its attribute). Otherwise an attribute the rule did not report at base passed there
 * (checks report every attribute that does not pass), unless something was undecided.
 * `undefined` when the rule did not apply at base (or there was no base resource): the finding
 * is `introduced`.
 */
function beforeOf(after: Verdict, afters: readonly Verdict[], befores: readonly Verdict[], base: InfraResource | undefined): Verdict | undefined {
  if (!base || !befores.length) return undefined;
  const same = befores.find((before) => samePath(before.path, after.path));
  if (same) return same;
  const only = befores.length === 1 ? befores[0]! : undefined;
  if (only && !afters.some((other) => samePath(other.path, only.path))) return only;
  return befores.find((before) => before.verdict === 'unknown') ?? { verdict: 'pass', path: after.path, actual: valueAt(base.values, after.path) };
}

function samePath(a: AttributePath, b: AttributePath): boolean {
  return a.length === b.length && a.every((step, index) => step === b[index]);
}

/** Where a verdict's attribute was set, and the resource it reaches when that is another file. */
function locationOf(
  head: InfraResource,
  base: InfraResource | undefined,
  path: AttributePath,
): { location: Extract<Finding['location'], { kind: 'file' }>; related: Finding['related'] } {
  const { path: setIn, ...lines } = placeOf(head, base, path);
  const location = { kind: 'file' as const, path: setIn ?? head.path, ...lines };
  // Set in another file (a module input, an include): the finding points where the value was
  // set, and names the resource it reaches.
  const related = setIn !== undefined && setIn !== head.path ? [{ kind: 'file' as const, path: head.path, ...head.range }] : undefined;
  return { location, related };
}

function classifyVerdict(
  rule: InfraRule,
  head: InfraResource,
  base: InfraResource | undefined,
  after: Verdict,
  before: Verdict | undefined,
  diff: InfraDiff,
): void {
  const { location, related } = locationOf(head, base, after.path);
  if (after.verdict === 'unknown') {
    const reason = after.reason ?? reasonAt(head, after);
    diff.unknown.push({
      ruleId: rule.id,
      location,
      message: `${named(head)}: ${pathLabel(after.path)} depends on ${shortened(after.expression)}, which could not be resolved${reason ? ` (${shortened(reason)})` : ''}`,
    });
    return;
  }
  if (after.verdict === 'pass') {
    if (before?.verdict === 'fail' || (before?.verdict === 'pass' && stronger(rule, after.actual, before.actual))) {
      diff.strengthened.push({
        ruleId: rule.id,
        location,
        message: `${named(head)}: ${pathLabel(after.path)} changed from ${describeValue(verdictValue(before))} to ${describeValue(after.actual)}`,
      });
    }
    return;
  }
  const change = changeOf(rule, after, before, head, base);
  if (rule.onlyChanges && !rule.onlyChanges.includes(change)) return;
  diff.findings.push(findingOf(rule, head, after, location, change, before, related));
}

/**
 * Where the deciding value was set. When the verdict names a whole block (an ingress rule) and
 * a value inside it changed that was set in another file (a caller's input), that place: it is
 * what the pull request edited.
 */
function placeOf(head: InfraResource, base: InfraResource | undefined, path: AttributePath): SourceRange {
  const direct = head.locate(path);
  if (direct.path !== undefined || !base) return direct;
  const changed = firstDifference(valueAt(base.values, path), valueAt(head.values, path), path);
  const deeper = changed && changed.length > path.length ? head.locate(changed) : undefined;
  return deeper?.path !== undefined ? deeper : direct;
}

function firstDifference(before: unknown, after: unknown, path: AttributePath): AttributePath | undefined {
  if (before === after || isUnresolved(before) || isUnresolved(after)) return undefined;
  if (before !== null && after !== null && typeof before === 'object' && typeof after === 'object') {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const step = Array.isArray(after) ? Number(key) : key;
      const found = firstDifference((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], [...path, step]);
      if (found) return found;
    }
    return undefined;
  }
  return path;
}

/**
 * How a failing verdict came about. A safeguard another resource provided (a WAF association,
 * a logging configuration) that is gone is `removed`; so is a deleted attribute that leaves
 * nothing in its place. A deleted attribute whose absence means a weaker provider default is
 * `weakened` (the message names the default).
 */
function changeOf(rule: InfraRule, after: FailVerdict, before: Verdict | undefined, head: InfraResource, base: InfraResource | undefined): Change {
  if (!before) return 'introduced';
  if (before.verdict === 'fail') return stronger(rule, before.actual, after.actual) ? 'weakened' : 'existing';
  if (before.verdict === 'pass' && before.providedBy !== undefined) return 'removed';
  const deleted = base !== undefined && valueAt(base.values, after.path) !== undefined && valueAt(head.values, after.path) === undefined;
  if (before.verdict === 'pass' && deleted && after.defaulted === undefined) return 'removed';
  return 'weakened';
}

function findingOf(
  rule: InfraRule,
  head: InfraResource,
  after: FailVerdict,
  location: Finding['location'],
  change: Change,
  before: Verdict | undefined,
  related: Finding['related'],
): Finding {
  const evidence: Finding['evidence'] = { resource: head.address, actual: after.actual, expected: after.expected };
  let message = `${named(head)}: ${after.message}`;
  if (change === 'weakened' || change === 'removed') {
    evidence.before = verdictValue(before) ?? null;
    evidence.after = after.actual;
    message +=
      before?.verdict === 'pass' && before.providedBy !== undefined
        ? ` (was provided by ${before.providedBy})`
        : ` (was ${describeValue(verdictValue(before))})`;
  }
  return makeFinding(rule, {
    message,
    location,
    change,
    evidence,
    ...(related ? { related } : {}),
    subject: `${head.path}#${head.address}#${pathLabel(after.path)}${instanceScope(head)}`,
  });
}

function classifyRemoval(rule: InfraRule, base: InfraResource, context: InfraRuleContext, diff: InfraDiff): void {
  const befores = verdictList(rule.check(base, context));
  if (!befores.length || !befores.every((before) => before.verdict === 'pass')) return;
  diff.findings.push(
    makeFinding(rule, {
      message: `${named(base)} was removed; it provided this safeguard`,
      location: { kind: 'file', path: base.path, ...base.range },
      change: 'removed',
      evidence: { resource: base.address, before: base.address, after: null },
      subject: `${base.path}#${base.address}#removed${instanceScope(base)}`,
    }),
  );
}

/**
 * A module's resource is judged once per configuration that calls it (two roots may call it
 * with the same address): the scope keeps their fingerprints apart. Other resources keep theirs.
 */
function instanceScope(resource: InfraResource): string {
  return moduleInstanceOf(resource.address) && resource.scope ? `@${resource.scope}` : '';
}

/** The address, and for a module's resource the configuration it was judged in: `module.edge.aws_lb.this (terraform:live/prod)`. */
function named(resource: InfraResource): string {
  return moduleInstanceOf(resource.address) && resource.scope ? `${resource.address} (${resource.scope})` : resource.address;
}

/**
 * The reason of an unknown verdict a rule made from a value without passing the reason on: the
 * unresolved value it names, at the verdict's path or, for a verdict on a whole block, inside it.
 */
function reasonAt(resource: InfraResource, verdict: UnknownVerdict): string | undefined {
  return firstUnknown(valueAt(resource.values, verdict.path), (part) => verdict.expression.includes(part.expression))?.reason;
}

/** True when the rule orders values and `a` is strictly stronger than `b`. */
function stronger(rule: InfraRule, a: unknown, b: unknown): boolean {
  const strengthA = rule.strength?.(a);
  const strengthB = rule.strength?.(b);
  return strengthA !== undefined && strengthB !== undefined && strengthA > strengthB;
}

function verdictValue(verdict: Verdict | undefined): unknown {
  if (!verdict) return undefined;
  if (verdict.verdict === 'unknown') return verdict.expression;
  return isUnresolved(verdict.actual) ? verdict.actual.expression : verdict.actual;
}

/** An expression in a message: its first line, at most 300 characters (a policy document can be long). */
function shortened(expression: string): string {
  const [first = '', ...rest] = expression.split('\n');
  return first.length > 300 || rest.length ? `${first.slice(0, 299)}…` : first;
}

function pathLabel(path: AttributePath): string {
  return path.length ? path.map(String).join('.') : 'resource';
}

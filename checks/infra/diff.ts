/**
 * The infra diff: runs every rule on the resources at base and at head, matches resources
 * across versions (by address, following `moved {}`), and classifies each verdict:
 * weakened / removed / introduced / existing findings, strengthenings, unknowns.
 */
import { makeFinding, type Change, type Finding } from '../model/finding.js';
import type { Strengthening, UnknownOutcome } from '../model/report.js';
import { isUnresolved, type InfraResource } from './model.js';
import { describeValue, valueAt, verdictList, type AttributePath, type FailVerdict, type InfraRule, type InfraRuleContext, type Verdict } from './rule.js';

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
  const contexts = { base: { resources: input.base }, head: { resources: input.head } };
  const diff: InfraDiff = { findings: [], unknown: [], strengthened: [] };
  for (const rule of input.rules) {
    for (const { head, base } of pairs) {
      if (appliesTo(rule, head)) classify(rule, head, base, contexts, diff);
    }
    if (!rule.removalWeakens) continue;
    for (const base of input.base) {
      if (!matchedBase.has(base) && appliesTo(rule, base)) classifyRemoval(rule, base, contexts.base, diff);
    }
  }
  return diff;
}

function appliesTo(rule: InfraRule, resource: InfraResource): boolean {
  return rule.formats.includes(resource.format) && rule.resourceTypes.includes(resource.type);
}

function classify(
  rule: InfraRule,
  head: InfraResource,
  base: InfraResource | undefined,
  contexts: { base: InfraRuleContext; head: InfraRuleContext },
  diff: InfraDiff,
): void {
  const afters = verdictList(rule.check(head, contexts.head));
  if (!afters.length) return;
  const befores = base ? verdictList(rule.check(base, contexts.base)) : [];
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
      location: locationOf(head, before.path).location,
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
function locationOf(head: InfraResource, path: AttributePath): { location: Extract<Finding['location'], { kind: 'file' }>; related: Finding['related'] } {
  const { path: setIn, ...lines } = head.locate(path);
  const location = { kind: 'file' as const, path: setIn ?? head.path, ...lines };
  // Set in another file (a module input, an include): the finding points where the value was
  // set, and names the resource it reaches.
  const related = setIn !== undefined && setIn !== head.path ? [{ kind: 'file' as const, path: head.path, ...head.range }] : undefined;
  return { location, related };
}

function classifyVerdict(rule: InfraRule, head: InfraResource, base: InfraResource | undefined, after: Verdict, before: Verdict | undefined, diff: InfraDiff): void {
  const { location, related } = locationOf(head, after.path);
  if (after.verdict === 'unknown') {
    diff.unknown.push({ ruleId: rule.id, location, message: `${head.address}: ${pathLabel(after.path)} depends on ${after.expression}, which could not be resolved` });
    return;
  }
  if (after.verdict === 'pass') {
    if (before?.verdict === 'fail' || (before?.verdict === 'pass' && stronger(rule, after.actual, before.actual))) {
      diff.strengthened.push({
        ruleId: rule.id,
        location,
        message: `${head.address}: ${pathLabel(after.path)} changed from ${describeValue(verdictValue(before))} to ${describeValue(after.actual)}`,
      });
    }
    return;
  }
  const change = changeOf(rule, after, before, head, base);
  if (rule.onlyChanges && !rule.onlyChanges.includes(change)) return;
  diff.findings.push(findingOf(rule, head, after, location, change, before, related));
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
  let message = `${head.address}: ${after.message}`;
  if (change === 'weakened' || change === 'removed') {
    evidence.before = verdictValue(before) ?? null;
    evidence.after = after.actual;
    message += before?.verdict === 'pass' && before.providedBy !== undefined ? ` (was provided by ${before.providedBy})` : ` (was ${describeValue(verdictValue(before))})`;
  }
  return makeFinding(rule, { message, location, change, evidence, ...(related ? { related } : {}), subject: `${head.path}#${head.address}#${pathLabel(after.path)}` });
}

function classifyRemoval(rule: InfraRule, base: InfraResource, context: InfraRuleContext, diff: InfraDiff): void {
  const befores = verdictList(rule.check(base, context));
  if (!befores.length || !befores.every((before) => before.verdict === 'pass')) return;
  diff.findings.push(
    makeFinding(rule, {
      message: `${base.address} was removed; it provided this safeguard`,
      location: { kind: 'file', path: base.path, ...base.range },
      change: 'removed',
      evidence: { resource: base.address, before: base.address, after: null },
      subject: `${base.path}#${base.address}#removed`,
    }),
  );
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

function pathLabel(path: AttributePath): string {
  return path.length ? path.map(String).join('.') : 'resource';
}

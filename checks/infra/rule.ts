/**
 * The shape of an infrastructure rule: metadata (checks/model/rule.ts), the formats and
 * resource types it reads, a pure `check` of one parsed resource, and good/bad example
 * files beside it. Most rules are rows built with `attributeRule`; a rule that needs more
 * writes its own `check`.
 */
import type { Change } from '../model/finding.js';
import type { Rule, RuleExamples } from '../model/rule.js';
import { isUnresolved, type InfraFormat, type InfraResource, type Unresolved } from './model.js';

/** Keys and indexes into `InfraResource.values`. */
export type AttributePath = readonly (string | number)[];

/** A whole small file, as it would sit in a repository. */
export interface InfraExample {
  path: string;
  text: string;
  /** Bad examples: the line the finding starts on (the attribute or block that decides). */
  line?: number;
  /** The same file at base, for rules that report only a change (`onlyChanges`). */
  before?: string;
}

/** The attribute at `path` is safe. `actual` feeds the strength ordering of a diff. */
export interface PassVerdict {
  verdict: 'pass';
  path: AttributePath;
  actual?: unknown;
  /** Another resource provided the safeguard (a WAF association, a flow log): its address. Losing it is `removed`. */
  providedBy?: string;
}

/** The attribute at `path` (or the resource itself, `[]`) violates the rule. */
export interface FailVerdict {
  verdict: 'fail';
  path: AttributePath;
  actual: unknown;
  expected: unknown;
  /** Says what was found and what was expected. */
  message: string;
  /** The attribute is not set and the provider applies this default: deleting it is `weakened` to the default. */
  defaulted?: unknown;
}

/** The deciding value could not be resolved (a variable without default, a reference). */
export interface UnknownVerdict {
  verdict: 'unknown';
  path: AttributePath;
  /** The expression as written, e.g. `${var.policy}`. */
  expression: string;
  /** Why it could not be resolved (`Unresolved.reason`), when known. */
  reason?: string;
}

export type Verdict = PassVerdict | FailVerdict | UnknownVerdict;

/**
 * What a check says of one resource: one verdict, one per attribute it judged (every failing
 * attribute is its own finding: a CloudFront default and an ordered behaviour), or `undefined`
 * when the rule does not apply.
 */
export type Verdicts = Verdict | readonly Verdict[] | undefined;

/** A guard could not decide whether a rule applies: the value it hung on, and where. */
export interface Undecided {
  undecided: true;
  path: AttributePath;
  expression: string;
  reason?: string;
}

/** Whether a rule applies to a resource, or the unresolved value that keeps us from knowing. */
export type Applies = boolean | Undecided;

export function isUndecided(applies: Applies): applies is Undecided {
  return typeof applies === 'object';
}

/**
 * Decides `test` on the value at `path`. An unresolved value is decided only when every known
 * branch agrees; otherwise it is `Undecided`, which a rule reports as `unknown`, never as
 * "does not apply".
 */
export function decide(resource: InfraResource, path: AttributePath, test: (value: unknown) => boolean): Applies {
  return decideValue(valueAt(resource.values, path), path, test);
}

export function decideValue(value: unknown, path: AttributePath, test: (value: unknown) => boolean): Applies {
  if (!isUnresolved(value)) return test(value);
  const answers = new Set((value.branches ?? []).map((branch) => decideValue(branch, path, test)));
  const [only] = answers;
  return answers.size === 1 && typeof only === 'boolean' ? only : { undecided: true, path, ...unknownOf(value) };
}

/**
 * Whether an attribute is set. An unresolved reference to a managed resource or data source
 * (`aws_kms_key.logs.arn`, `!GetAtt Key.Arn`, `!Ref Key`) is set: such attributes are never null. Any
 * other unresolved value (a variable, a parameter without default) is undecided.
 */
export function decidePresent(resource: InfraResource, path: AttributePath): Applies {
  const value = valueAt(resource.values, path);
  if (isUnresolved(value) && isResourceReference(value)) return true;
  return decideValue(value, path, (item) => item !== undefined && item !== null && item !== '');
}

/** An expression that only reads an attribute of a managed resource or data source. */
export function isResourceReference(value: Unresolved): boolean {
  const expression = value.expression.trim();
  // CloudFormation: an attribute of a resource, or a Ref (a resource, or a parameter without
  // default, which CloudFormation makes every stack give a value).
  if (/^(!GetAtt|Ref)\b/.test(expression)) return true;
  const reference = /^(?:\$\{)?([a-z][\w-]*)\.[\w-]+(\[[^\]]*\])?\.[\w.[\]"-]+\}?$/.exec(expression);
  return reference !== null && !['var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self'].includes(reference[1]!);
}

/** The unknown verdict of an undecided guard. */
export function undecidedVerdict(applies: Undecided): UnknownVerdict {
  return { verdict: 'unknown', path: applies.path, expression: applies.expression, ...(applies.reason ? { reason: applies.reason } : {}) };
}

/** What an unknown verdict says of an unresolved value: the expression, and why when known. */
function unknownOf(value: Unresolved): { expression: string; reason?: string } {
  return { expression: value.expression, ...(value.reason ? { reason: value.reason } : {}) };
}

/** Every verdict of a check, as a list. */
export function verdictList(verdicts: Verdicts): readonly Verdict[] {
  if (verdicts === undefined) return [];
  return isVerdict(verdicts) ? [verdicts] : verdicts;
}

function isVerdict(verdicts: Verdict | readonly Verdict[]): verdicts is Verdict {
  return !Array.isArray(verdicts);
}

/** `module.edge["a"].module.lb.aws_lb.this[0]` → `module.edge["a"].module.lb.` ('' at the root). */
export function moduleInstanceOf(address: string): string {
  return /^(?:module\.[\w-]+(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?\.)*/.exec(address)?.[0] ?? '';
}

/**
 * True when `value` is an unresolved expression that names `target` (`aws_lb.front.arn`, `!Ref Front`,
 * `!GetAtt Front.Arn`). Inside a module, references name the resource without the module path
 * (`aws_vpc.this[0].id` for `module.net.aws_vpc.this[0]`); any instance of it counts.
 */
export function refersTo(value: unknown, target: InfraResource): boolean {
  if (!isUnresolved(value)) return false;
  if (target.format === 'terraform') {
    // A plan names the full address; a `.tf` file the address inside its module instance.
    const address = target.qualifiedReferences ? target.address : target.address.slice(moduleInstanceOf(target.address).length);
    const named = address.replace(/\[[^\]]*\]$/, '');
    return new RegExp(`(^|[^\\w.])${escape(named)}(\\.|\\W|$)`).test(value.expression);
  }
  return value.expression.includes(`"${target.address}"`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a rule may look at besides its resource: everything parsed at the same version. */
export interface InfraRuleContext {
  /** Every resource parsed at this version (the changed files, or their Terraform module). */
  resources: readonly InfraResource[];
}

/** A judged resource type that is a safeguard for something else (see `InfraRule.safeguardTypes`). */
export interface SafeguardType {
  type: string;
  /**
   * The attribute naming the resource it protects (a public access block's `bucket`): deleted
   * together with that resource, nothing is left to protect and it is no finding. Absent when it
   * protects no one resource (a trail covers the account, a default-deny policy its namespace).
   */
  protects?: AttributePath;
}

export interface InfraRule extends Rule<InfraExample> {
  formats: readonly InfraFormat[];
  /** Resource types the rule reads (`aws_lb_listener`, `AWS::S3::Bucket`, `Ingress`, `nginx:server`). */
  resourceTypes: readonly string[];
  /**
   * Judges one resource of a listed type. `undefined` when the rule does not apply to this
   * resource (an HTTP listener for a TLS-policy rule, say).
   */
  check: (resource: InfraResource, context: InfraRuleContext) => Verdicts;
  /**
   * What deleting a judged resource means, per type. The types listed here ARE a safeguard for
   * something else (a CloudTrail trail, a public access block, an encryption configuration, a
   * network policy): deleting one that passed is `removed`. Every other judged type is the thing
   * protected (a bucket, a database, a load balancer): deleting it leaves nothing to protect, so
   * it is no finding. A safeguard another resource provides to a judged resource that stays (a
   * WAF association, a flow log) is reported on that resource through `PassVerdict.providedBy`.
   */
  safeguardTypes?: readonly SafeguardType[];
  /**
   * Orders safe and unsafe values: higher is stronger. With it a change from a stronger to a
   * weaker value is `weakened` even when both fail, and a stronger one is a strengthening.
   * `undefined` for values outside the ordering.
   */
  strength?: (value: unknown) => number | undefined;
  /** Report only these changes (a rule about a change, e.g. "retention lowered"); default: all. */
  onlyChanges?: readonly Change[];
  examples: RuleExamples<InfraExample>;
}

/** Reads the value at `path`; `undefined` when any step is missing. */
export function valueAt(values: unknown, path: AttributePath): unknown {
  let current = values;
  for (const step of path) {
    if (isUnresolved(current)) return current;
    if (Array.isArray(current) && typeof step === 'number') current = current[step] as unknown;
    else if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
      current = (current as Record<string, unknown>)[String(step)];
    } else return undefined;
  }
  return current;
}

/** How a table row judges a value: a description for messages and a predicate. */
export interface Expectation {
  /** Reads as the expected value in a message: `true`, `one of TLS 1.2+ policies`. */
  expected: string;
  test: (value: unknown) => boolean;
  strength?: (value: unknown) => number | undefined;
  /** Decides an unresolved value the expectation can judge anyway (a reference to a managed resource is set); else unknown. */
  acceptsUnresolved?: (value: Unresolved) => boolean;
}

/** One resource type an attribute rule reads, and where. */
export interface AttributeTarget {
  type: string;
  format: InfraFormat;
  path: AttributePath;
  /** The value the provider assumes when the attribute is absent; absent with no default fails. */
  absent?: unknown;
  /** The row applies only when this holds (e.g. the listener's protocol is HTTPS); undecided is `unknown`. */
  when?: (resource: InfraResource) => Applies;
}

export interface AttributeRuleSpec extends Omit<InfraRule, 'formats' | 'resourceTypes' | 'check' | 'strength'> {
  targets: readonly AttributeTarget[];
  expect: Expectation;
}

/**
 * A table-row rule: "the attribute at `path` must satisfy `expect`", over one or more
 * resource types (the same safeguard in Terraform and CloudFormation is one rule).
 */
export function attributeRule(spec: AttributeRuleSpec): InfraRule {
  const { targets, expect, ...metadata } = spec;
  return {
    ...metadata,
    formats: [...new Set(targets.map((target) => target.format))],
    resourceTypes: [...new Set(targets.map((target) => target.type))],
    ...(expect.strength ? { strength: expect.strength } : {}),
    check: (resource) => {
      for (const target of targets) {
        if (target.type !== resource.type || target.format !== resource.format) continue;
        const applies = target.when?.(resource) ?? true;
        if (isUndecided(applies)) return undecidedVerdict(applies);
        if (applies) return judgeAttribute(resource, target.path, target.absent, expect);
      }
      return undefined;
    },
  };
}

/** Judges the attribute at `path`; absent, the provider's default `absent` (named in the message), or a fail when there is none. */
export function judgeAttribute(resource: InfraResource, path: AttributePath, absent: unknown, expect: Expectation): Verdict {
  const written = valueAt(resource.values, path);
  const name = attributeName(path);
  const verdict = judgeValue(path, written ?? absent, expect, name);
  if (verdict.verdict === 'fail' && written === undefined && absent !== undefined) {
    verdict.message = `${name} is not set, which means ${describeValue(absent)}; expected ${expect.expected}`;
    verdict.defaulted = absent;
  }
  return verdict;
}

/** Judges one value against an expectation: unknown when unresolved, else pass or fail with a message. */
export function judgeValue(path: AttributePath, value: unknown, expect: Expectation, name: string): Verdict {
  if (isUnresolved(value)) {
    if (expect.acceptsUnresolved?.(value)) return { verdict: 'pass', path, actual: value.expression };
    return value.branches?.length ? judgeBranches(path, value, expect, name) : { verdict: 'unknown', path, ...unknownOf(value) };
  }
  if (expect.test(value)) return { verdict: 'pass', path, actual: value };
  return {
    verdict: 'fail',
    path,
    actual: value ?? null,
    expected: expect.expected,
    message: `${name} is ${describeValue(value)}; expected ${expect.expected}`,
  };
}

/** A value that depends only on an unknown condition: a fail when every branch fails, a pass when every branch passes, else unknown. */
function judgeBranches(path: AttributePath, value: Unresolved, expect: Expectation, name: string): Verdict {
  const verdicts = (value.branches ?? []).map((branch) => judgeValue(path, branch, expect, name));
  if (verdicts.every((verdict) => verdict.verdict === 'pass')) return { verdict: 'pass', path, actual: value };
  if (!verdicts.every((verdict): verdict is FailVerdict => verdict.verdict === 'fail')) {
    return {
      verdict: 'unknown',
      path,
      expression: value.expression,
      reason: `some branches pass, or cannot be resolved${value.reason ? `; ${value.reason}` : ''}`,
    };
  }
  const actuals = verdicts.map((verdict) => describeValue(verdict.actual));
  return {
    verdict: 'fail',
    path,
    actual: value.expression,
    expected: expect.expected,
    message: `${name} is ${actuals.join(' or ')} whichever way ${value.expression} goes; expected ${expect.expected}`,
  };
}

export function attributeName(path: AttributePath): string {
  return path.filter((step) => typeof step === 'string').join('.') || 'the resource';
}

export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'not set';
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

// ---------- expectations shared by the tables ----------

/** The value must be `true` (HCL and YAML booleans, or the strings "true"/"True"). */
export const mustBeTrue: Expectation = {
  expected: 'true',
  test: (value) => isTrue(value),
  strength: (value) => (isTrue(value) ? 1 : 0),
};

/** The value must be `false` or absent-by-default false. */
export const mustBeFalse: Expectation = {
  expected: 'false',
  test: (value) => !isTrue(value),
  strength: (value) => (isTrue(value) ? 0 : 1),
};

export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/** The value must be one of `allowed`; `ordered` (weakest first) also gives a strength. */
export function oneOf(allowed: readonly unknown[], expected: string, ordered?: readonly unknown[]): Expectation {
  return {
    expected,
    test: (value) => allowed.includes(value),
    ...(ordered
      ? {
          strength: (value: unknown) => {
            const index = ordered.indexOf(value);
            return index < 0 ? undefined : index;
          },
        }
      : {}),
  };
}

/** The value must be set and not empty (a block, a string, an ARN). */
export const mustBeSet: Expectation = {
  expected: 'set',
  test: (value) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0),
  strength: (value) => (value === undefined || value === null || value === '' ? 0 : 1),
  acceptsUnresolved: isResourceReference,
};

/** A number at least `minimum`; larger is stronger (retention days, backup days). */
export function atLeast(minimum: number, unit: string): Expectation {
  const asNumber = (value: unknown) => (typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined);
  return {
    expected: `at least ${minimum} ${unit}`,
    test: (value) => (asNumber(value) ?? -1) >= minimum,
    strength: asNumber,
  };
}

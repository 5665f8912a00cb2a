/**
 * The shape of an infrastructure rule: metadata (checks/model/rule.ts), the formats and
 * resource types it reads, a pure `check` of one parsed resource, and good/bad example
 * files beside it. Most rules are rows built with `attributeRule`; a rule that needs more
 * writes its own `check`.
 */
import type { Change } from '../model/finding.js';
import type { Rule } from '../model/rule.js';
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
}

/** The attribute at `path` (or the resource itself, `[]`) violates the rule. */
export interface FailVerdict {
  verdict: 'fail';
  path: AttributePath;
  actual: unknown;
  expected: unknown;
  /** Says what was found and what was expected. */
  message: string;
}

/** The deciding value could not be resolved (a variable without default, a reference). */
export interface UnknownVerdict {
  verdict: 'unknown';
  path: AttributePath;
  /** The expression as written, e.g. `${var.policy}`. */
  expression: string;
}

export type Verdict = PassVerdict | FailVerdict | UnknownVerdict;

/** What a rule may look at besides its resource: everything parsed at the same version. */
export interface InfraRuleContext {
  /** Every resource parsed at this version (the changed files, or their Terraform module). */
  resources: readonly InfraResource[];
}

export interface InfraRule extends Rule {
  formats: readonly InfraFormat[];
  /** Resource types the rule reads (`aws_lb_listener`, `AWS::S3::Bucket`, `Ingress`, `nginx:server`). */
  resourceTypes: readonly string[];
  /**
   * Judges one resource of a listed type. `undefined` when the rule does not apply to this
   * resource (an HTTP listener for a TLS-policy rule, say).
   */
  check: (resource: InfraResource, context: InfraRuleContext) => Verdict | undefined;
  /** Deleting a resource that passed this rule is itself a `removed` weakening (CloudTrail, a public access block). */
  removalWeakens?: boolean;
  /**
   * Orders safe and unsafe values: higher is stronger. With it a change from a stronger to a
   * weaker value is `weakened` even when both fail, and a stronger one is a strengthening.
   * `undefined` for values outside the ordering.
   */
  strength?: (value: unknown) => number | undefined;
  /** Report only these changes (a rule about a change, e.g. "retention lowered"); default: all. */
  onlyChanges?: readonly Change[];
  examples: { bad: InfraExample[]; good: InfraExample[] };
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
}

/** One resource type an attribute rule reads, and where. */
export interface AttributeTarget {
  type: string;
  format: InfraFormat;
  path: AttributePath;
  /** The value the provider assumes when the attribute is absent; absent with no default fails. */
  absent?: unknown;
  /** The row applies only when this holds (e.g. the listener's protocol is HTTPS). */
  when?: (resource: InfraResource) => boolean;
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
      const target = targets.find(
        (candidate) => candidate.type === resource.type && candidate.format === resource.format && (candidate.when?.(resource) ?? true),
      );
      if (!target) return undefined;
      const written = valueAt(resource.values, target.path);
      const name = attributeName(target.path);
      const verdict = judgeValue(target.path, written ?? target.absent, expect, name);
      if (verdict.verdict === 'fail' && written === undefined && target.absent !== undefined) {
        verdict.message = `${name} is not set, which means ${describeValue(target.absent)}; expected ${expect.expected}`;
      }
      return verdict;
    },
  };
}

/** Judges one value against an expectation: unknown when unresolved, else pass or fail with a message. */
export function judgeValue(path: AttributePath, value: unknown, expect: Expectation, name: string): Verdict {
  if (isUnresolved(value)) return value.branches?.length ? judgeBranches(path, value, expect, name) : { verdict: 'unknown', path, expression: value.expression };
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
    return { verdict: 'unknown', path, expression: `${value.expression} (some branches pass, or cannot be resolved)` };
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

function attributeName(path: AttributePath): string {
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

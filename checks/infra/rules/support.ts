/** Small pieces the infra rule tables share: targets, references between resources, TLS orderings. */
import { moduleInstanceOf } from '../diff.js';
import { isUnresolved, type InfraFormat, type InfraResource } from '../model.js';
import { judgeValue, valueAt, type AttributePath, type AttributeTarget, type Expectation, type InfraRuleContext, type Verdict } from '../rule.js';

export function tf(type: string, path: AttributePath, options: Omit<AttributeTarget, 'type' | 'format' | 'path'> = {}): AttributeTarget {
  return { type, format: 'terraform', path, ...options };
}

export function cfn(type: string, path: AttributePath, options: Omit<AttributeTarget, 'type' | 'format' | 'path'> = {}): AttributeTarget {
  return { type, format: 'cloudformation', path, ...options };
}

/**
 * True when `value` is an unresolved expression that names `target` (`aws_lb.front.arn`, `!Ref Front`,
 * `!GetAtt Front.Arn`). Inside a module, references name the resource without the module path
 * (`aws_vpc.this[0].id` for `module.net.aws_vpc.this[0]`); any instance of it counts.
 */
export function refersTo(value: unknown, target: InfraResource): boolean {
  if (!isUnresolved(value)) return false;
  if (target.format === 'terraform') {
    const local = target.address.slice(moduleInstanceOf(target.address).length).replace(/\[[^\]]*\]$/, '');
    return new RegExp(`(^|[^\\w.])${escape(local)}(\\.|\\W|$)`).test(value.expression);
  }
  return value.expression.includes(`"${target.address}"`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Resources of `types` whose attribute at `path` refers to `target` (a WAF association, a flow log). */
export function referencing(
  target: InfraResource,
  context: InfraRuleContext,
  types: readonly string[],
  path: AttributePath,
): InfraResource[] {
  return context.resources.filter(
    (resource) => resource.format === target.format && types.includes(resource.type) && refersTo(valueAt(resource.values, path), target),
  );
}

/** Per format: the resource type that refers to the checked resource, and the attribute holding the reference. */
export type Referrers = Partial<Record<InfraFormat, { type: string; path: string }>>;

/**
 * A check that passes when another resource of the module or template refers to this one
 * (a flow log's `vpc_id`, a WAF association's `resource_arn`); `undefined` for other formats.
 */
export function referencedBy(referrers: Referrers, what: string) {
  return (resource: InfraResource, context: InfraRuleContext): Verdict | undefined => {
    const referrer = referrers[resource.format];
    if (!referrer) return undefined;
    const found = referencing(resource, context, [referrer.type], [referrer.path]);
    if (found.length) return { verdict: 'pass', path: [], actual: found[0]!.address };
    return { verdict: 'fail', path: [], actual: null, expected: what, message: `no ${what} refers to this resource; expected one in the same module or template` };
  };
}

/** Checks several attributes in order; the first that does not pass decides, else the last pass. */
export function allOf(resource: InfraResource, rows: readonly { path: AttributePath; absent?: unknown; expect: Expectation }[]): Verdict | undefined {
  let verdict: Verdict | undefined;
  for (const row of rows) {
    verdict = judgeValue(row.path, valueAt(resource.values, row.path) ?? row.absent, row.expect, row.path.filter((step) => typeof step === 'string').join('.'));
    if (verdict.verdict !== 'pass') return verdict;
  }
  return verdict;
}

/** The list items at `path` (an HCL repeated block, a CFN list); an unresolved value stands alone. */
export function itemsAt(resource: InfraResource, path: AttributePath): { path: AttributePath; value: unknown }[] {
  const value = valueAt(resource.values, path);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [{ path, value }];
  return value.map((item: unknown, index) => ({ path: [...path, index], value: item }));
}

/** Lowest TLS version an AWS ELB security policy accepts, as 10/11/12/13; `undefined` for names we do not know. */
export function elbPolicyStrength(value: unknown): number | undefined {
  if (typeof value !== 'string' || !value.startsWith('ELBSecurityPolicy-')) return undefined;
  const minimum = /(?:TLS13-|TLS-|FS-)1-([0-3])-/.exec(value)?.[1];
  return minimum === undefined ? 10 : 10 + Number(minimum);
}

/** CloudFront `minimum_protocol_version`: SSLv3 < TLSv1 < TLSv1_2016 < TLSv1.1_2016 < TLSv1.2_2018 < … */
export const CLOUDFRONT_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016', 'TLSv1.2_2018', 'TLSv1.2_2019', 'TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'];

export const TLS12_OR_LATER = 'TLS 1.2 or later';

/** An ordering over named TLS versions: at least the one at `minimumIndex` passes. */
export function tlsAtLeast(ordered: readonly string[], minimumIndex: number): Expectation {
  return {
    expected: `${ordered.slice(minimumIndex).map((name) => `"${name}"`).join(' or ')} (${TLS12_OR_LATER})`,
    test: (value) => typeof value === 'string' && ordered.indexOf(value) >= minimumIndex,
    strength: (value) => {
      const index = typeof value === 'string' ? ordered.indexOf(value) : -1;
      return index < 0 ? undefined : index;
    },
  };
}

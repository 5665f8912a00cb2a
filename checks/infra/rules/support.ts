/** Small pieces the infra rule tables share: targets, references between resources, TLS orderings. */
import { CITATIONS } from '../../model/safeguards.js';
import { isUnresolved, type InfraFormat, type InfraResource } from '../model.js';
import {
  isResourceReference,
  judgeAttribute,
  refersTo,
  valueAt,
  type AttributePath,
  type AttributeTarget,
  type Expectation,
  type InfraRuleContext,
  type Verdict,
} from '../rule.js';

export function tf(type: string, path: AttributePath, options: Omit<AttributeTarget, 'type' | 'format' | 'path'> = {}): AttributeTarget {
  return { type, format: 'terraform', path, ...options };
}

export function cfn(type: string, path: AttributePath, options: Omit<AttributeTarget, 'type' | 'format' | 'path'> = {}): AttributeTarget {
  return { type, format: 'cloudformation', path, ...options };
}

/** Resources of `types` whose attribute at `path` refers to `target` (a WAF association, a flow log). */
export function referencing(target: InfraResource, context: InfraRuleContext, types: readonly string[], path: AttributePath): InfraResource[] {
  return context.resources.filter(
    (resource) => resource.format === target.format && types.includes(resource.type) && refersTo(valueAt(resource.values, path), target),
  );
}

/**
 * The resource of `types` in the module or template whose `path` names `target`: by reference
 * (`aws_s3_bucket.phi.id`) or by the literal name `target` has at `namePath`. `unknown` is a
 * candidate whose `path`, or the target's name, could not be resolved (a variable, a module
 * output): it may be the companion, so the rule cannot decide.
 */
export function companionOf(
  target: InfraResource,
  context: InfraRuleContext,
  types: readonly string[],
  path: AttributePath,
  namePath: AttributePath,
): { found: InfraResource } | { unknown: InfraResource; expression: string } | undefined {
  const candidates = context.resources.filter((resource) => resource.format === target.format && types.includes(resource.type));
  const found = candidates.find((resource) => refersTo(valueAt(resource.values, path), target));
  if (found) return { found };
  const name = valueAt(target.values, namePath);
  const named = candidates.find((resource) => valueAt(resource.values, path) === name && typeof name === 'string');
  if (named) return { found: named };
  for (const candidate of candidates) {
    const value = valueAt(candidate.values, path);
    if (isUnresolved(value) && !isResourceReference(value)) return { unknown: candidate, expression: value.expression };
    if (typeof value === 'string' && isUnresolved(name)) return { unknown: candidate, expression: name.expression };
  }
  return undefined;
}

/** Per format: the resource types that refer to the checked resource, and the attribute holding the reference. */
export type Referrers = Partial<Record<InfraFormat, readonly { type: string; path: string }[]>>;

/**
 * A check that passes when another resource of the module or template refers to this one
 * (a flow log's `vpc_id`, a WAF association's `resource_arn`), naming it as the provider of the
 * safeguard (deleting it is `removed`); `undefined` for other formats.
 */
export function referencedBy(referrers: Referrers, what: string) {
  return (resource: InfraResource, context: InfraRuleContext): Verdict | undefined => {
    const candidates = referrers[resource.format];
    if (!candidates) return undefined;
    const found = candidates.flatMap((referrer) => referencing(resource, context, [referrer.type], [referrer.path]));
    if (found.length) return { verdict: 'pass', path: [], actual: found[0]!.address, providedBy: found[0]!.address };
    return {
      verdict: 'fail',
      path: [],
      actual: null,
      expected: what,
      message: `no ${what} refers to this resource; expected one in the same module or template`,
    };
  };
}

/** Judges several attributes: every one that does not pass is its own verdict (its own finding); all passing, the last pass. */
export function allOf(resource: InfraResource, rows: readonly { path: AttributePath; absent?: unknown; expect: Expectation }[]): Verdict[] {
  const verdicts = rows.map((row) => judgeAttribute(resource, row.path, row.absent, row.expect));
  const failing = verdicts.filter((verdict) => verdict.verdict !== 'pass');
  return failing.length ? failing : verdicts.slice(-1);
}

/** A CIDR that admits every address: `0.0.0.0/0`, `::/0`, `0:0:0:0:0:0:0:0/0`, `0000:…/0`, any address with prefix length 0. */
export function isAnywhere(cidr: unknown): boolean {
  if (typeof cidr !== 'string') return false;
  const match = /^\s*([0-9a-fA-F:.]+)\/0+\s*$/.exec(cidr);
  return match !== null && (match[1]!.includes(':') || /^\d{1,3}(\.\d{1,3}){0,3}$/.test(match[1]!));
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
export const CLOUDFRONT_PROTOCOLS = [
  'SSLv3',
  'TLSv1',
  'TLSv1_2016',
  'TLSv1.1_2016',
  'TLSv1.2_2018',
  'TLSv1.2_2019',
  'TLSv1.2_2021',
  'TLSv1.2_2025',
  'TLSv1.3_2025',
];

export const TLS12_OR_LATER = 'TLS 1.2 or later';

/** The metadata every high-severity "encrypt it in transit" infrastructure rule shares. */
export const IN_TRANSIT = { family: 'terraform', severity: 'high', safeguard: 'transmission-security', citation: CITATIONS.transmissionEncryption } as const;

/** An ordering over named TLS versions: at least the one at `minimumIndex` passes. */
export function tlsAtLeast(ordered: readonly string[], minimumIndex: number): Expectation {
  return {
    expected: `${ordered
      .slice(minimumIndex)
      .map((name) => `"${name}"`)
      .join(' or ')} (${TLS12_OR_LATER})`,
    test: (value) => typeof value === 'string' && ordered.indexOf(value) >= minimumIndex,
    strength: (value) => {
      const index = typeof value === 'string' ? ordered.indexOf(value) : -1;
      return index < 0 ? undefined : index;
    },
  };
}

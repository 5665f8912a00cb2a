/**
 * The normalized model every infrastructure format parses into (Terraform, CloudFormation,
 * Kubernetes, nginx), so one diff engine and one rule shape serve them all.
 */
import type { LineRange } from '../yaml/positions.js';

export type { LineRange };

export const INFRA_FORMATS = ['terraform', 'cloudformation', 'kubernetes', 'nginx'] as const;
export type InfraFormat = (typeof INFRA_FORMATS)[number];

/** Stands for a value that depends on something we could not resolve (a variable without a literal default, a data source...). Rules answer `unknown` on it, never pass or fail. */
const UNRESOLVED = Symbol.for('hipaa-guard.unresolved');
export interface Unresolved {
  [UNRESOLVED]: true;
  /** The expression as written, e.g. `${var.policy}`. */
  expression: string;
  /**
   * Why it could not be known, for the report: `var.policy has no default and no value in
   * terraform.tfvars…`, `module source not available locally`, `a data source, read when
   * Terraform runs`. Absent when the expression says enough.
   */
  reason?: string;
  /**
   * The values the expression can take when only a condition is unknown (a CloudFormation
   * `Fn::If` on a parameter without default, a Terraform conditional on an unset variable).
   * A rule fails only when every branch fails, passes only when every branch passes, and is
   * `unknown` otherwise. Absent: nothing is known of the value.
   */
  branches?: readonly unknown[];
}

export function unresolved(expression: string, branches?: readonly unknown[], reason?: string): Unresolved {
  return { [UNRESOLVED]: true, expression, ...(reason ? { reason } : {}), ...(branches ? { branches } : {}) };
}

export function isUnresolved(value: unknown): value is Unresolved {
  return typeof value === 'object' && value !== null && UNRESOLVED in value;
}

/** Walks a value; true when any part of it is unresolved. */
export function containsUnknown(value: unknown): boolean {
  return firstUnknown(value) !== undefined;
}

/** The first unresolved part of a value that `accept`s, depth first (an unresolved part is not looked into). */
export function firstUnknown(value: unknown, accept: (part: Unresolved) => boolean = () => true): Unresolved | undefined {
  if (isUnresolved(value)) return accept(value) ? value : undefined;
  const children = Array.isArray(value) ? value : value !== null && typeof value === 'object' ? Object.values(value) : [];
  for (const child of children) {
    const found = firstUnknown(child, accept);
    if (found) return found;
  }
  return undefined;
}

/**
 * Where a value or block stands. `path` is set when that is another file than the resource's
 * own: the module call that passes an input, a `.tfvars`, an nginx `include`d file, the parent
 * stack that passes a parameter. That line is what a pull request edits, so findings point there.
 */
export interface SourceRange extends LineRange {
  path?: string;
}

/** One configuration object of an infra file: a Terraform resource, a CFN resource, a Kubernetes object, an nginx server block. */
export interface InfraResource {
  /** Identity across versions: `aws_lb_listener.front`, `Logs` (CFN logical id), `Ingress/prod/api`, `server:80:example.org`. */
  address: string;
  /** Format-specific type: `aws_lb_listener`, `AWS::S3::Bucket`, `Ingress`, `nginx:server`. */
  type: string;
  format: InfraFormat;
  /** Repository-relative path. */
  path: string;
  /** The whole block or document. */
  range: LineRange;
  /** Plain JSON-like values, resolved where literal; `Unresolved` where not. */
  values: Record<string, unknown>;
  /**
   * Where the value at `path` (keys and indexes under `values`) was set: the attribute's lines,
   * or, when the value came from elsewhere (a variable's input, an inherited nginx directive),
   * that place with its `path`. The resource's own range when nothing more precise is known.
   */
  locate(path: readonly (string | number)[]): SourceRange;
  /**
   * What the address is unique within across versions (a Terraform root module's directory);
   * default: the file. Resources of two scopes never match each other in a diff.
   */
  scope?: string;
  /**
   * Its references name full addresses (`module.net.aws_vpc.main`), as a plan's do, so rules may
   * relate it to resources of other module instances; default: references are local to its module
   * instance, as written in a `.tf` file.
   */
  qualifiedReferences?: boolean;
  /** Earlier addresses of this resource (Terraform `moved {}` blocks). */
  movedFrom?: string[];
}

/** A file parsed into resources (with what the reader must know of it), or the reason it could not be. */
export type ParsedInfraFile =
  | { ok: true; path: string; format: InfraFormat; resources: InfraResource[]; notes?: string[] }
  | { ok: false; path: string; format: InfraFormat; line: number; message: string };

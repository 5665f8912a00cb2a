/**
 * The normalized model every infrastructure format parses into (Terraform, CloudFormation,
 * Kubernetes, nginx), so one diff engine and one rule shape serve them all.
 */
import type { LineRange } from '../yaml/positions.js';

export type { LineRange };

export const INFRA_FORMATS = ['terraform', 'cloudformation', 'kubernetes', 'nginx'] as const;
export type InfraFormat = (typeof INFRA_FORMATS)[number];

/** Stands for a value that depends on something we could not resolve (a variable without a literal default, a data source...). Rules answer `unknown` on it, never pass or fail. */
export const UNRESOLVED = Symbol.for('hipaa-guard.unresolved');
export interface Unresolved {
  [UNRESOLVED]: true;
  /** The expression as written, e.g. `${var.policy}`. */
  expression: string;
}

export function unresolved(expression: string): Unresolved {
  return { [UNRESOLVED]: true, expression };
}

export function isUnresolved(value: unknown): value is Unresolved {
  return typeof value === 'object' && value !== null && UNRESOLVED in value;
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
  /** Line range of the attribute at `path` (keys and indexes under `values`); the resource's own range when absent. */
  locate(path: readonly (string | number)[]): LineRange;
  /** Earlier addresses of this resource (Terraform `moved {}` blocks). */
  movedFrom?: string[];
}

/** A file parsed into resources, or the reason it could not be. */
export type ParsedInfraFile =
  | { ok: true; path: string; format: InfraFormat; resources: InfraResource[] }
  | { ok: false; path: string; format: InfraFormat; line: number; message: string };

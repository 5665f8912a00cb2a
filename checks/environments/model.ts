/**
 * The facts of the environment checks: what one file says, as plain data (collect.ts makes
 * them, evaluate.ts judges them).
 */
import type { Suppression } from '../infra/suppressions.js';
import type { LineRange } from '../yaml/positions.js';
import type { Block } from './blocks.js';

export const IDENTIFIER_KINDS = ['account', 'vpc', 'cidr', 'domain', 'namespace', 'name', 'state'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** A 1-based line and column in a repository file. */
export interface Place {
  path: string;
  line: number;
  column: number;
}

/** A value a file declares as its environment's own. */
export interface Definition {
  kind: IdentifierKind;
  value: string;
  /** What it is, for messages: `bucket`, `database host`, `network range`... */
  label: string;
  /** Two environments defining the same value share the resource (a bucket), unlike a namespace name. */
  shareable: boolean;
  key: string;
  place: Place;
  block?: string;
}

/** A literal on a line that may name some environment's resource. */
export interface Token {
  text: string;
  place: Place;
  /** The attribute the literal is the value of, when the line is `key = value` / `key: value`. */
  key?: string;
  block?: Block;
  /** The literal is a Kubernetes namespace (`namespace:`, `kubernetes.io/metadata.name:`). */
  namespaceContext: boolean;
  /** The value was resolved from this expression (`var.prod_vpc_id`) rather than written on the line. */
  expression?: string;
}

/** A Terraform state location: `backend "s3" { bucket, key }` or a `.tfbackend` file. */
export interface BackendState {
  type: string;
  fields: Record<string, string>;
  place: Place;
}

export interface FileFacts {
  path: string;
  definitions: Definition[];
  tokens: Token[];
  backends: BackendState[];
  /** `hipaa-guard:ignore ENV-...` comments (other families read their own). */
  suppressions: Suppression[];
  /** Line ranges of the file's top-level blocks: a suppression above one covers all of it. */
  blocks: LineRange[];
}

/** Keys whose value is where a state file lives; a backend without one of them is partial (completed at `init`). */
export const STATE_LOCATION_KEYS = ['key', 'prefix', 'path', 'workspace_key_prefix'];

export function hasStateLocation(backend: BackendState): boolean {
  return STATE_LOCATION_KEYS.some((key) => backend.fields[key] !== undefined);
}

/**
 * `terraform show -json tfplan`, read and checked at the edge: the fields hipaa-guard uses,
 * typed, and a clear error for anything that is not a plan (a state, another tool's JSON).
 * Shapes: Terraform's internal/command/jsonplan and jsonconfig, format_version 0.1 to 1.x.
 */

/** A plan file that cannot be read as a Terraform plan; the message says what was expected. */
export class PlanFormatError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
    this.name = 'PlanFormatError';
  }
}

export type PlanAction = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'forget';

/** One `resource_changes[]` entry. */
export interface PlanResourceChange {
  address: string;
  /** Terraform 1.1+: the address before a `moved {}` block. */
  previous_address?: string;
  module_address?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: string | number;
  provider_name?: string;
  /** Set on a deposed object (left over from create_before_destroy). */
  deposed?: string;
  change: {
    actions: PlanAction[];
    before?: unknown;
    after?: unknown;
    after_unknown?: unknown;
    /** Terraform 0.15+ (format 0.2+); absent in 0.12-0.14 plans, whose secrets sit in clear. */
    before_sensitive?: unknown;
    after_sensitive?: unknown;
  };
}

/** `configuration` expressions: a constant, or the references the expression makes (module-relative). */
export interface PlanExpression {
  constant_value?: unknown;
  references?: string[];
}

export interface PlanConfigResource {
  /** Module-relative: `aws_vpc.main`. */
  address: string;
  mode?: string;
  type: string;
  name: string;
  expressions?: Record<string, unknown>;
}

export interface PlanConfigModule {
  resources?: PlanConfigResource[];
  module_calls?: Record<string, { source?: string; expressions?: Record<string, PlanExpression>; module?: PlanConfigModule }>;
  outputs?: Record<string, { expression?: PlanExpression }>;
}

export interface TerraformPlan {
  format_version: string;
  terraform_version?: string;
  resource_changes: PlanResourceChange[];
  configuration?: { root_module?: PlanConfigModule };
  /** Terraform 1.4+: the plan stopped at an error; what it holds is partial. */
  errored?: boolean;
}

const EXPECTED = 'expected the JSON of a saved plan: `terraform plan -out=tfplan && terraform show -json tfplan > plan.json`';

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses and checks plan JSON; `source` names the file in errors (`plan.json`, `standard input`). */
export function readPlanJson(text: string, source: string): TerraformPlan {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PlanFormatError(source, `not JSON (${error instanceof Error ? error.message : String(error)}); ${EXPECTED}`);
  }
  if (!isObject(raw)) throw new PlanFormatError(source, `the JSON is not an object; ${EXPECTED}`);
  if ('lineage' in raw && 'serial' in raw) {
    throw new PlanFormatError(source, `this is a Terraform state file (terraform.tfstate), not a plan; ${EXPECTED}`);
  }
  if ('values' in raw && !('resource_changes' in raw) && !('planned_values' in raw)) {
    throw new PlanFormatError(source, `this is \`terraform show -json\` of a state (it has "values" and no "resource_changes"), not of a plan; ${EXPECTED}`);
  }
  const version = raw.format_version;
  if (typeof version !== 'string' || !('planned_values' in raw || 'resource_changes' in raw || 'configuration' in raw)) {
    throw new PlanFormatError(source, `no "format_version" with "planned_values" or "resource_changes": not Terraform plan JSON; ${EXPECTED}`);
  }
  const major = Number(version.split('.')[0]);
  if (major !== 0 && major !== 1) {
    throw new PlanFormatError(source, `format_version "${version}" is newer than the plan formats hipaa-guard reads (0.x and 1.x)`);
  }
  const changes = raw.resource_changes ?? [];
  if (!Array.isArray(changes)) throw new PlanFormatError(source, '"resource_changes" is not a list');
  changes.forEach((change: unknown, index) => checkResourceChange(change, index, source));
  // Terraform leaves the key out when nothing changes.
  return { ...(raw as unknown as TerraformPlan), resource_changes: changes as PlanResourceChange[] };
}

function checkResourceChange(change: unknown, index: number, source: string): void {
  const where = `resource_changes[${index}]`;
  if (!isObject(change)) throw new PlanFormatError(source, `${where} is not an object`);
  for (const key of ['address', 'type', 'name'] as const) {
    if (typeof change[key] !== 'string') throw new PlanFormatError(source, `${where}.${key} is not a string`);
  }
  const inner = change.change;
  if (!isObject(inner) || !Array.isArray(inner.actions) || !inner.actions.every((action) => typeof action === 'string')) {
    throw new PlanFormatError(source, `${where} (${String(change.address)}) has no change.actions list`);
  }
}

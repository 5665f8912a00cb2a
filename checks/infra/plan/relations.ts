/**
 * Rules that relate resources (a flow log for this VPC, a WAF association for this ALB, a
 * logging config for this bucket) recognise a reference by its expression, as the file scan
 * writes it (`${aws_vpc.main.id}`). A plan holds values instead: the id of an existing resource,
 * or nothing at all (`after_unknown`) for one created by the same plan. So a reference-like
 * attribute (`*_id`, `*_arn`, `bucket`) becomes an Unresolved naming the resource it points at:
 * from the `configuration` section's `references` when the value is unknown, or by matching the
 * known value with another resource's `id` / `arn`. A known value stays its only branch, so a
 * rule that judges the attribute itself still sees it.
 */
import { isUnresolved, unresolved, type InfraResource } from '../model.js';
import { configModuleOf, moduleNamesOf } from './locate-plan.js';
import type { PlanConfigModule, PlanConfigResource, PlanExpression, PlanResourceChange, TerraformPlan } from './plan-json.js';

const REFERENCE_KEY = /(_id|_arn|^bucket)$/;
/** Terraform's own namespaces, not resources. */
const NOT_A_RESOURCE = /^(var|local|count|each|path|terraform|self|module)\./;

/** `module.a["x"].module.b.aws_lb.front[0]` → `module.a["x"].module.b.` (the module instance the resource lives in). */
function modulePrefixOf(change: PlanResourceChange): string {
  return change.module_address ? `${change.module_address}.` : '';
}

/** Every known `id` and `arn` of the resources on one side, to their addresses. */
export function identityIndex(resources: readonly InfraResource[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const resource of resources) {
    for (const key of ['id', 'arn']) {
      const value = resource.values[key];
      if (typeof value === 'string' && value !== '' && !index.has(value)) index.set(value, `${resource.address}.${key}`);
    }
  }
  return index;
}

/** Each configuration module's resources by their module-relative address, built once per module. */
const configIndexes = new WeakMap<PlanConfigModule, Map<string, PlanConfigResource>>();

function configResourceOf(module: PlanConfigModule | undefined, address: string): PlanConfigResource | undefined {
  if (!module) return undefined;
  let index = configIndexes.get(module);
  if (!index) {
    index = new Map((module.resources ?? []).map((resource) => [resource.address, resource]));
    configIndexes.set(module, index);
  }
  return index.get(address);
}

/** The configuration's references of one attribute of a resource, absolute (module prefix added), through module outputs and inputs. */
function configReferences(plan: TerraformPlan, change: PlanResourceChange, key: string): string[] {
  const names = moduleNamesOf(change.address);
  const address = change.mode === 'data' ? `data.${change.type}.${change.name}` : `${change.type}.${change.name}`;
  const expression = configResourceOf(configModuleOf(plan, names), address)?.expressions?.[key] as PlanExpression | undefined;
  return resourceReferences(plan, names, modulePrefixOf(change), expression?.references ?? [], 0);
}

const OUTPUT_REFERENCE = /^module\.([\w-]+)((?:\[[^\]]*\])?)\.([\w-]+)$/;
const VARIABLE_REFERENCE = /^var\.([\w-]+)$/;
const LAST_MODULE_STEP = /module\.[\w-]+(?:\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?\.$/;
/** Far beyond any real module nesting; a cycle in hand-written JSON stops here. */
const MAX_MODULE_HOPS = 16;

/**
 * Resource references, absolute: `module.net.vpc_id` follows the output into module `net`,
 * `var.vpc_id` follows the input to what the calling module passes, anything else that is
 * not a resource (locals, count, each, path) is dropped.
 */
function resourceReferences(plan: TerraformPlan, names: readonly string[], prefix: string, references: readonly string[], hops: number): string[] {
  if (hops > MAX_MODULE_HOPS) return [];
  return references.flatMap((reference) => {
    const output = OUTPUT_REFERENCE.exec(reference);
    if (output) {
      const [, name, key, outputName] = output as unknown as [string, string, string, string];
      const outputs = configModuleOf(plan, names)?.module_calls?.[name]?.module?.outputs;
      return resourceReferences(plan, [...names, name], `${prefix}module.${name}${key}.`, outputs?.[outputName]?.expression?.references ?? [], hops + 1);
    }
    const variable = VARIABLE_REFERENCE.exec(reference);
    if (variable && names.length) {
      const caller = names.slice(0, -1);
      const passed = configModuleOf(plan, caller)?.module_calls?.[names.at(-1)!]?.expressions?.[variable[1]!];
      return resourceReferences(plan, caller, prefix.replace(LAST_MODULE_STEP, ''), passed?.references ?? [], hops + 1);
    }
    return NOT_A_RESOURCE.test(reference) ? [] : [`${prefix}${reference}`];
  });
}

/**
 * Replaces the reference-like attributes of `resource` (in place) by references where the plan or
 * the values say what they point at; returns those references (absolute, e.g. `module.net.aws_vpc.main.id`).
 */
export function relate(
  resource: InfraResource,
  change: PlanResourceChange,
  plan: TerraformPlan | undefined,
  identities: ReadonlyMap<string, string>,
): string[] {
  const made: string[] = [];
  for (const [key, value] of Object.entries(resource.values)) {
    if (!REFERENCE_KEY.test(key) || key === 'id') continue;
    if (isUnresolved(value)) {
      const references = plan ? configReferences(plan, change, key) : [];
      if (references.length) resource.values[key] = unresolved(references.map((reference) => `\${${reference}}`).join(' '));
      made.push(...references);
    } else if (typeof value === 'string') {
      const target = identities.get(value);
      if (target && !target.startsWith(`${resource.address}.`)) {
        resource.values[key] = unresolved(`\${${target}}`, [value]);
        made.push(target);
      }
    }
  }
  return made;
}

/** The addresses a reference may name: each prefix that ends before a `.` or `[` (`module.a.aws_vpc.main[0].id` → …, `module.a.aws_vpc.main`, `module.a.aws_vpc.main[0]`, …). */
export function referencedAddresses(reference: string): string[] {
  const prefixes: string[] = [];
  for (let index = 0; index < reference.length; index++) {
    if (reference[index] === '.' || reference[index] === '[') prefixes.push(reference.slice(0, index));
  }
  return [...prefixes, reference];
}

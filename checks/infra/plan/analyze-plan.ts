/**
 * The infra family over a Terraform plan (`terraform show -json tfplan`): each resource change
 * becomes the resource before and after the apply, the diff engine (`diffResources`) judges and
 * classifies them with the same rules as the file scan (weakened, removed, introduced, existing,
 * strengthened, unknown), and every outcome carries the full resource address, mapped to its
 * block's lines when the checkout is at hand. Reading the plan file and the checkout is the
 * caller's job; the text and a FileSource come in.
 */
import { compareFindings, type FileLocation, type Finding } from '../../model/finding.js';
import { emptyReport, type Report } from '../../model/report.js';
import type { FileSource } from '../../model/source.js';
import { TOOL } from '../../version.js';
import { diffResources, type InfraDiff } from '../diff.js';
import type { InfraResource, SourceRange } from '../model.js';
import type { InfraRule } from '../rule.js';
import { INFRA_RULES } from '../rules/index.js';
import { applySuppressions } from '../suppressions.js';
import { planLocator, type PlanPlace } from './locate-plan.js';
import { isObject, readPlanJson, type PlanResourceChange, type TerraformPlan } from './plan-json.js';
import { isSensitivePath, planValues, sensitiveStrings } from './plan-values.js';
import { JUDGED_SENSITIVE, Redactor } from './redact.js';
import { identityIndex, referencedAddresses, relate } from './relations.js';

export interface PlanAnalysisInput {
  /** The plan JSON text. */
  text: string;
  /** How messages name the plan: its path, or `standard input`. */
  source: string;
  now: Date;
  /** The checkout, to map addresses to files and lines (and read ignore comments). */
  files?: FileSource;
  /** The root module's folder in the checkout; default: found from the plan's `configuration`. */
  rootDir?: string;
  /** The plan file's repository-relative path, when it sits in the checkout (its folder is tried first as the root module). */
  planPath?: string;
  rules?: readonly InfraRule[];
}

/** One resource change: the resource before and/or after the apply. */
interface ChangeEntry {
  change: PlanResourceChange;
  base?: InfraResource;
  head?: InfraResource;
}

/** The resource changes in groups of related ones, and what was not judged. */
interface PlanSides {
  groups: ChangeEntry[][];
  skipped: { data: number; deposed: number; forgotten: number };
}

/** Judges a plan; throws PlanFormatError when the text is not plan JSON. */
export async function analyzePlan(input: PlanAnalysisInput): Promise<Report> {
  const plan = readPlanJson(input.text, input.source);
  const report = emptyReport(TOOL, input.now.toISOString());
  const locator = await planLocator(plan, {
    ...(input.files ? { files: input.files } : {}),
    ...(input.rootDir !== undefined ? { rootDir: input.rootDir } : {}),
    ...(input.planPath !== undefined ? { planPath: input.planPath } : {}),
  });
  const secrets = new Set<string>();
  const sides = resourcesOf(plan, (change) => locator.placeOf(change), secrets);
  const rules = input.rules ?? INFRA_RULES;
  // Resources related to one another are judged together, each group on its own: a rule that
  // looks for the resources referring to this one then reads its group, not the whole plan
  // (a thousand buckets and their logging configs would otherwise cost a million comparisons).
  const diff: InfraDiff = { findings: [], unknown: [], strengthened: [] };
  for (const group of sides.groups) {
    const part = diffResources({
      base: group.flatMap((entry) => entry.base ?? []),
      head: group.flatMap((entry) => entry.head ?? []),
      rules,
      scopeOf: () => 'plan',
    });
    diff.findings.push(...part.findings);
    diff.unknown.push(...part.unknown);
    diff.strengthened.push(...part.strengthened);
  }

  const redactor = new Redactor(secrets);
  report.unknown.push(...diff.unknown.map((outcome) => redactor.outcome(outcome)));
  report.strengthened.push(...diff.strengthened.map((outcome) => redactor.outcome(outcome)));
  const byPath = new Map<string, Finding[]>();
  for (const finding of diff.findings.map((candidate) => redactor.finding(candidate))) {
    const path = (finding.location as FileLocation).path;
    byPath.set(path, [...(byPath.get(path) ?? []), finding]);
  }
  for (const [path, findings] of byPath) {
    const text = locator.texts.get(path);
    if (text === undefined) {
      report.findings.push(...findings);
      continue;
    }
    const result = applySuppressions(path, text, findings, locator.blocks.get(path) ?? [], input.now);
    report.findings.push(...result.findings);
    report.suppressed.push(...result.suppressed);
  }
  report.findings.sort(compareFindings);
  report.notes.push(...notesOf(plan, input, sides, rules, locator.rootDir));
  report.targets.push({ kind: 'plan', source: input.source, changes: plan.resource_changes.length });
  return report;
}

/** The resources before and after the apply; data sources, deposed and forgotten objects are no change to judge. */
function resourcesOf(plan: TerraformPlan, placeOf: (change: PlanResourceChange) => PlanPlace, secrets: Set<string>): PlanSides {
  const skipped = { data: 0, deposed: 0, forgotten: 0 };
  const changes: ChangeEntry[] = [];
  for (const change of plan.resource_changes) {
    if (change.mode === 'data') {
      skipped.data++;
      continue;
    }
    if (change.deposed !== undefined) {
      skipped.deposed++;
      continue;
    }
    const { actions, before, after, after_unknown: afterUnknown, before_sensitive: beforeSensitive, after_sensitive: afterSensitive } = change.change;
    // `forget` leaves the object running, unmanaged: nothing about it changes.
    if (actions.length === 1 && actions[0] === 'forget') {
      skipped.forgotten++;
      continue;
    }
    sensitiveStrings(before, beforeSensitive, secrets);
    sensitiveStrings(after, afterSensitive, secrets);
    const place = placeOf(change);
    const resource = (address: string, values: Record<string, unknown>): InfraResource => ({
      address,
      type: change.type,
      format: 'terraform',
      path: place.path,
      // Extra fields ride into the location the diff engine spreads this into.
      range: withAddress(place.range, change.address),
      values,
      scope: 'plan',
      qualifiedReferences: true,
      locate: (path): SourceRange => {
        const located: SourceRange & { address: string; [JUDGED_SENSITIVE]?: boolean } = withAddress(place.locate(path), change.address);
        if (isSensitivePath(beforeSensitive, path) || isSensitivePath(afterSensitive, path)) located[JUDGED_SENSITIVE] = true;
        return located;
      },
    });
    const entry: ChangeEntry = { change };
    if (isObject(before) && !actions.every((action) => action === 'create'))
      entry.base = resource(change.previous_address ?? change.address, planValues(before));
    if ((isObject(after) || isObject(afterUnknown)) && !actions.every((action) => action === 'delete')) {
      entry.head = resource(change.address, planValues(after, afterUnknown));
      if (change.previous_address) entry.head.movedFrom = [change.previous_address];
    }
    changes.push(entry);
  }
  const baseIdentities = identityIndex(changes.flatMap((entry) => entry.base ?? []));
  const headIdentities = identityIndex(changes.flatMap((entry) => entry.head ?? []));
  const byAddress = new Map<string, number>();
  changes.forEach((entry, index) => {
    for (const resource of [entry.base, entry.head]) if (resource) byAddress.set(resource.address, index);
  });
  const group = changes.map((_, index) => index);
  const root = (index: number): number => {
    while (group[index] !== index) index = group[index] = group[group[index]!]!;
    return index;
  };
  changes.forEach((entry, index) => {
    const references = [
      ...(entry.base ? relate(entry.base, entry.change, undefined, baseIdentities) : []),
      ...(entry.head ? relate(entry.head, entry.change, plan, headIdentities) : []),
    ];
    for (const address of references.flatMap(referencedAddresses)) {
      const other = byAddress.get(address);
      if (other !== undefined) group[root(other)] = root(index);
    }
  });
  const groups = new Map<number, ChangeEntry[]>();
  changes.forEach((entry, index) => {
    const members = groups.get(root(index));
    if (members) members.push(entry);
    else groups.set(root(index), [entry]);
  });
  return { groups: [...groups.values()], skipped };
}

function withAddress<T extends object>(range: T, address: string): T & { address: string } {
  return { ...range, address };
}

function notesOf(plan: TerraformPlan, input: PlanAnalysisInput, sides: PlanSides, rules: readonly InfraRule[], rootDir: string | undefined): string[] {
  const judged = new Set(rules.filter((rule) => rule.formats.includes('terraform')).flatMap((rule) => rule.resourceTypes));
  const managed = plan.resource_changes.length - sides.skipped.data - sides.skipped.deposed - sides.skipped.forgotten;
  const unread = new Set(plan.resource_changes.filter((change) => change.mode !== 'data' && !judged.has(change.type)).map((change) => change.type));
  const notes = [
    `plan: ${input.source} (Terraform ${plan.terraform_version ?? 'unknown version'}, format ${plan.format_version}): ${managed} resource changes judged${unread.size ? `; ${unread.size} resource types have no rule (${[...unread].sort().slice(0, 5).join(', ')}${unread.size > 5 ? ', …' : ''})` : ''}`,
  ];
  const { data, deposed, forgotten } = sides.skipped;
  if (data || deposed || forgotten) {
    notes.push(
      `plan: not judged: ${[data && `${data} data source reads`, deposed && `${deposed} deposed objects (left over from create_before_destroy)`, forgotten && `${forgotten} forgotten objects (they keep running, unmanaged)`].filter(Boolean).join(', ')}`,
    );
  }
  if (plan.errored) notes.push('plan: Terraform reported errors while planning ("errored": true); the plan may be incomplete');
  if (Array.isArray((plan as unknown as Record<string, unknown>).resource_drift)) {
    notes.push('plan: resource_drift (changes made outside Terraform) is not the change under review; judged from resource_changes only');
  }
  if (plan.format_version === '0.1') {
    notes.push('plan: format 0.1 (Terraform 0.12-0.14) marks no value as sensitive; reports show only the attribute each rule judged');
  }
  if (input.files && rootDir === undefined) {
    notes.push('plan: the root module was not found in the checkout; findings name module folders or sources instead of lines');
  }
  return notes;
}

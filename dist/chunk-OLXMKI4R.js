import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  MAX_FILE_BYTES,
  decodePath,
  decodeText,
  encodePath,
  linkOutsideError,
  linkTargetPath,
  oversizeError,
  repositoryPath
} from "./chunk-3IX2FFAK.js";
import {
  applySuppressions,
  diffResources,
  parseTerraformModule
} from "./chunk-ZCJ7DCP7.js";
import {
  UnreadableFileError
} from "./chunk-BGBLBVKQ.js";
import {
  INFRA_RULES,
  describeValue,
  isUnresolved,
  unresolved
} from "./chunk-ROHD3B77.js";
import {
  emptyReport,
  mergeReports
} from "./chunk-YWFXNLSI.js";
import {
  TOOL
} from "./chunk-D2S3YVWQ.js";
import {
  compareFindings
} from "./chunk-WQ6PL2OD.js";

// checks/infra/plan/plan-json.ts
var PlanFormatError = class extends Error {
  constructor(source, message) {
    super(`${source}: ${message}`);
    this.source = source;
    this.name = "PlanFormatError";
  }
  source;
};
var EXPECTED = "expected the JSON of a saved plan: `terraform plan -out=tfplan && terraform show -json tfplan > plan.json`";
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function readPlanJson(text, source) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PlanFormatError(source, `not JSON (${error instanceof Error ? error.message : String(error)}); ${EXPECTED}`);
  }
  if (!isObject(raw)) throw new PlanFormatError(source, `the JSON is not an object; ${EXPECTED}`);
  if ("lineage" in raw && "serial" in raw) {
    throw new PlanFormatError(source, `this is a Terraform state file (terraform.tfstate), not a plan; ${EXPECTED}`);
  }
  if ("values" in raw && !("resource_changes" in raw) && !("planned_values" in raw)) {
    throw new PlanFormatError(source, `this is \`terraform show -json\` of a state (it has "values" and no "resource_changes"), not of a plan; ${EXPECTED}`);
  }
  const version = raw.format_version;
  if (typeof version !== "string" || !("planned_values" in raw || "resource_changes" in raw || "configuration" in raw)) {
    throw new PlanFormatError(source, `no "format_version" with "planned_values" or "resource_changes": not Terraform plan JSON; ${EXPECTED}`);
  }
  const major = Number(version.split(".")[0]);
  if (major !== 0 && major !== 1) {
    throw new PlanFormatError(source, `format_version "${version}" is newer than the plan formats hipaa-guard reads (0.x and 1.x)`);
  }
  const changes = raw.resource_changes ?? [];
  if (!Array.isArray(changes)) throw new PlanFormatError(source, '"resource_changes" is not a list');
  changes.forEach((change, index) => checkResourceChange(change, index, source));
  return { ...raw, resource_changes: changes };
}
function checkResourceChange(change, index, source) {
  const where = `resource_changes[${index}]`;
  if (!isObject(change)) throw new PlanFormatError(source, `${where} is not an object`);
  for (const key of ["address", "type", "name"]) {
    if (typeof change[key] !== "string") throw new PlanFormatError(source, `${where}.${key} is not a string`);
  }
  const inner = change.change;
  if (!isObject(inner) || !Array.isArray(inner.actions) || !inner.actions.every((action) => typeof action === "string")) {
    throw new PlanFormatError(source, `${where} (${String(change.address)}) has no change.actions list`);
  }
}

// checks/infra/plan/locate-plan.ts
import { posix } from "node:path";
var FIRST_LINE = { startLine: 1, endLine: 1 };
var MODULE_STEP = /^module\.([A-Za-z_][\w-]*)(?:\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?\./;
function moduleNamesOf(address) {
  const names = [];
  let rest = address;
  for (let step = MODULE_STEP.exec(rest); step; step = MODULE_STEP.exec(rest)) {
    names.push(step[1]);
    rest = rest.slice(step[0].length);
  }
  return names;
}
function configModuleOf(plan, names) {
  let module = plan.configuration?.root_module;
  for (const name of names) module = module?.module_calls?.[name]?.module;
  return module;
}
var isLocalSource = (source) => source.startsWith("./") || source.startsWith("../");
var isTerraformFile = (path) => path.endsWith(".tf") || path.endsWith(".tf.json");
function folderOf(plan, names, rootDir) {
  let dir = rootDir;
  let label = rootDir ?? ".";
  let remote = false;
  let module = plan.configuration?.root_module;
  for (const name of names) {
    const call = module?.module_calls?.[name];
    const source = call?.source ?? `module.${name}`;
    if (dir !== void 0 && isLocalSource(source)) {
      dir = posix.normalize(posix.join(dir, source));
      label = dir;
    } else {
      dir = void 0;
      if (!isLocalSource(source)) label = source;
      else label = remote ? `${label} \u2192 ${source}` : posix.join(label, source);
      remote ||= !isLocalSource(source);
    }
    module = call?.module;
  }
  return dir === void 0 ? { label } : { dir, label: dir };
}
async function planLocator(plan, options) {
  const texts = /* @__PURE__ */ new Map();
  const blocks = /* @__PURE__ */ new Map();
  const parsedFolders = /* @__PURE__ */ new Map();
  let rootDir = options.rootDir === void 0 ? void 0 : normalizeDir(options.rootDir);
  if (options.files) {
    const byFolder = /* @__PURE__ */ new Map();
    for (const path of (await options.files.list()).filter(isTerraformFile)) {
      if (path.split("/").includes(".terraform")) continue;
      const dir = posix.dirname(path);
      byFolder.set(dir, [...byFolder.get(dir) ?? [], path]);
    }
    const read = async (dir) => {
      const paths = byFolder.get(dir) ?? [];
      const contents = await Promise.all(paths.map((path) => options.files.read(path)));
      return paths.flatMap((path, index) => contents[index] === void 0 ? [] : [{ path, text: contents[index] }]);
    };
    rootDir ??= await findRootDir(plan, byFolder, read, options.planPath);
    if (rootDir !== void 0) {
      const dirs = new Set(
        plan.resource_changes.map((change) => folderOf(plan, moduleNamesOf(change.address), rootDir).dir).filter((dir) => dir !== void 0)
      );
      for (const dir of dirs) {
        const files = await read(dir);
        for (const file of files) texts.set(file.path, file.text);
        const resources = /* @__PURE__ */ new Map();
        for (const parsed of await parseTerraformModule(files)) {
          if (!parsed.ok) continue;
          for (const resource of parsed.resources) {
            resources.set(resource.address, resource);
            blocks.set(resource.path, [...blocks.get(resource.path) ?? [], resource.range]);
          }
        }
        parsedFolders.set(dir, resources);
      }
    }
  }
  return {
    ...rootDir !== void 0 ? { rootDir } : {},
    texts,
    blocks,
    placeOf: (change) => {
      const folder = folderOf(plan, moduleNamesOf(change.address), rootDir);
      const block = folder.dir === void 0 ? void 0 : parsedFolders.get(folder.dir)?.get(`${change.type}.${change.name}`);
      if (!block) return { path: folder.label, range: FIRST_LINE, locate: () => FIRST_LINE, found: false };
      return { path: block.path, range: block.range, locate: (path) => block.locate(path), found: true };
    }
  };
}
function normalizeDir(dir) {
  const normalized = posix.normalize(dir.split("\\").join("/")).replace(/\/+$/, "");
  return normalized === "" ? "." : normalized;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
async function findRootDir(plan, byFolder, read, planPath) {
  const root = plan.configuration?.root_module;
  const declarations = [
    ...(root?.resources ?? []).map(
      (resource) => `${resource.mode === "data" ? "data" : "resource"}\\s+"${escapeRegExp(resource.type)}"\\s+"${escapeRegExp(resource.name)}"`
    ),
    ...Object.keys(root?.module_calls ?? {}).map((name) => `module\\s+"${escapeRegExp(name)}"`)
  ].map((pattern) => new RegExp(pattern));
  if (!declarations.length) return void 0;
  const planDir = planPath === void 0 ? void 0 : posix.dirname(planPath);
  const candidates = [...byFolder.keys()].sort(
    (a, b) => Number(b === planDir) - Number(a === planDir) || a.split("/").length - b.split("/").length || a.localeCompare(b)
  );
  let best;
  for (const dir of candidates) {
    const text = (await read(dir)).map((file) => file.text).join("\n");
    const score = declarations.filter((pattern) => pattern.test(text)).length;
    if (score > (best?.score ?? 0)) best = { dir, score };
    if (score === declarations.length) break;
  }
  return best?.dir;
}

// checks/infra/plan/plan-values.ts
var KNOWN_AFTER_APPLY = "(known after apply)";
var SENSITIVE = "(sensitive)";
function planValues(value, unknown = void 0) {
  const merged = merge(value, unknown);
  return isObject(merged) ? merged : {};
}
function merge(value, unknown) {
  if (unknown === true) return unresolved(KNOWN_AFTER_APPLY);
  if (Array.isArray(value) || Array.isArray(unknown)) {
    const items = Array.isArray(value) ? value : [];
    const masks = Array.isArray(unknown) ? unknown : [];
    return Array.from({ length: Math.max(items.length, masks.length) }, (_, index) => merge(items[index], masks[index]) ?? null);
  }
  if (isObject(value) || isObject(unknown)) {
    const result = {};
    const masks = isObject(unknown) ? unknown : {};
    for (const [key, item] of Object.entries(isObject(value) ? value : {})) {
      const merged = merge(item, masks[key]);
      if (merged !== void 0 && merged !== null && !(Array.isArray(merged) && merged.length === 0)) result[key] = merged;
    }
    for (const [key, mask] of Object.entries(masks)) {
      if (key in result) continue;
      const merged = merge(void 0, mask);
      if (merged !== void 0) result[key] = merged;
    }
    return result;
  }
  return value ?? void 0;
}
function isSensitivePath(mask, path) {
  let current = mask;
  for (const step of path) {
    if (current === true) return true;
    if (Array.isArray(current) && typeof step === "number") current = current[step];
    else if (isObject(current)) current = current[String(step)];
    else return false;
  }
  return current === true || containsSensitive(current);
}
function containsSensitive(mask) {
  if (mask === true) return true;
  if (Array.isArray(mask)) return mask.some(containsSensitive);
  if (isObject(mask)) return Object.values(mask).some(containsSensitive);
  return false;
}
function sensitiveStrings(value, mask, into = /* @__PURE__ */ new Set()) {
  if (mask === true) {
    collectStrings(value, into);
    return into;
  }
  if (Array.isArray(value) && Array.isArray(mask)) value.forEach((item, index) => sensitiveStrings(item, mask[index], into));
  else if (isObject(value) && isObject(mask)) for (const [key, item] of Object.entries(value)) sensitiveStrings(item, mask[key], into);
  return into;
}
function collectStrings(value, into) {
  if (typeof value === "string") {
    if (value !== "") into.add(value);
  } else if (Array.isArray(value)) value.forEach((item) => collectStrings(item, into));
  else if (isObject(value)) Object.values(value).forEach((item) => collectStrings(item, into));
}

// checks/infra/plan/redact.ts
var JUDGED_SENSITIVE = /* @__PURE__ */ Symbol("hipaa-guard.plan.judged-sensitive");
var Redactor = class {
  secrets;
  constructor(secrets) {
    this.secrets = [...new Set(secrets)].sort((a, b) => b.length - a.length);
  }
  text(text) {
    let result = text;
    for (const secret of this.secrets) if (result.includes(secret)) result = result.split(secret).join(SENSITIVE);
    return result;
  }
  value(value) {
    if (typeof value === "string") return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.value(item)]));
    return value;
  }
  finding(finding) {
    const judged = takeMark(finding.location);
    let message = finding.message;
    let evidence = finding.evidence;
    if (judged) {
      evidence = { ...evidence };
      for (const key of ["actual", "before", "after"]) {
        if (!(key in evidence)) continue;
        const shown = describeValue(evidence[key]);
        if (evidence[key] !== null && evidence[key] !== void 0) message = message.split(shown).join(SENSITIVE);
        evidence[key] = evidence[key] === null ? null : SENSITIVE;
      }
    }
    return { ...finding, message: this.text(message), evidence: this.value(evidence) };
  }
  outcome(outcome) {
    const judged = takeMark(outcome.location);
    const message = judged ? outcome.message.replace(/ changed from .*$/, ` changed: ${SENSITIVE}`) : outcome.message;
    return { ...outcome, message: this.text(message) };
  }
};
function takeMark(location) {
  const marked = location;
  const judged = marked[JUDGED_SENSITIVE] === true;
  delete marked[JUDGED_SENSITIVE];
  return judged;
}

// checks/infra/plan/relations.ts
var REFERENCE_KEY = /(_id|_arn|^bucket)$/;
var NOT_A_RESOURCE = /^(var|local|count|each|path|terraform|self|module)\./;
function modulePrefixOf(change) {
  return change.module_address ? `${change.module_address}.` : "";
}
function identityIndex(resources) {
  const index = /* @__PURE__ */ new Map();
  for (const resource of resources) {
    for (const key of ["id", "arn"]) {
      const value = resource.values[key];
      if (typeof value === "string" && value !== "" && !index.has(value)) index.set(value, `${resource.address}.${key}`);
    }
  }
  return index;
}
var configIndexes = /* @__PURE__ */ new WeakMap();
function configResourceOf(module, address) {
  if (!module) return void 0;
  let index = configIndexes.get(module);
  if (!index) {
    index = new Map((module.resources ?? []).map((resource) => [resource.address, resource]));
    configIndexes.set(module, index);
  }
  return index.get(address);
}
function configReferences(plan, change, key) {
  const names = moduleNamesOf(change.address);
  const address = change.mode === "data" ? `data.${change.type}.${change.name}` : `${change.type}.${change.name}`;
  const expression = configResourceOf(configModuleOf(plan, names), address)?.expressions?.[key];
  return resourceReferences(plan, names, modulePrefixOf(change), expression?.references ?? [], 0);
}
var OUTPUT_REFERENCE = /^module\.([\w-]+)((?:\[[^\]]*\])?)\.([\w-]+)$/;
var VARIABLE_REFERENCE = /^var\.([\w-]+)$/;
var LAST_MODULE_STEP = /module\.[\w-]+(?:\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?\.$/;
var MAX_MODULE_HOPS = 16;
function resourceReferences(plan, names, prefix, references, hops) {
  if (hops > MAX_MODULE_HOPS) return [];
  return references.flatMap((reference) => {
    const output = OUTPUT_REFERENCE.exec(reference);
    if (output) {
      const [, name, key, outputName] = output;
      const outputs = configModuleOf(plan, names)?.module_calls?.[name]?.module?.outputs;
      return resourceReferences(plan, [...names, name], `${prefix}module.${name}${key}.`, outputs?.[outputName]?.expression?.references ?? [], hops + 1);
    }
    const variable = VARIABLE_REFERENCE.exec(reference);
    if (variable && names.length) {
      const caller = names.slice(0, -1);
      const passed = configModuleOf(plan, caller)?.module_calls?.[names.at(-1)]?.expressions?.[variable[1]];
      return resourceReferences(plan, caller, prefix.replace(LAST_MODULE_STEP, ""), passed?.references ?? [], hops + 1);
    }
    return NOT_A_RESOURCE.test(reference) ? [] : [`${prefix}${reference}`];
  });
}
function relate(resource, change, plan, identities) {
  const made = [];
  for (const [key, value] of Object.entries(resource.values)) {
    if (!REFERENCE_KEY.test(key) || key === "id") continue;
    if (isUnresolved(value)) {
      const references = plan ? configReferences(plan, change, key) : [];
      if (references.length) resource.values[key] = unresolved(references.map((reference) => `\${${reference}}`).join(" "));
      made.push(...references);
    } else if (typeof value === "string") {
      const target = identities.get(value);
      if (target && !target.startsWith(`${resource.address}.`)) {
        resource.values[key] = unresolved(`\${${target}}`, [value]);
        made.push(target);
      }
    }
  }
  return made;
}
function referencedAddresses(reference) {
  const prefixes = [];
  for (let index = 0; index < reference.length; index++) {
    if (reference[index] === "." || reference[index] === "[") prefixes.push(reference.slice(0, index));
  }
  return [...prefixes, reference];
}

// checks/infra/plan/analyze-plan.ts
async function analyzePlan(input) {
  const plan = readPlanJson(input.text, input.source);
  const report = emptyReport(TOOL, input.now.toISOString());
  const locator = await planLocator(plan, {
    ...input.files ? { files: input.files } : {},
    ...input.rootDir !== void 0 ? { rootDir: input.rootDir } : {},
    ...input.planPath !== void 0 ? { planPath: input.planPath } : {}
  });
  const secrets = /* @__PURE__ */ new Set();
  const sides = resourcesOf(plan, (change) => locator.placeOf(change), secrets);
  const rules = input.rules ?? INFRA_RULES;
  const diff = { findings: [], unknown: [], strengthened: [] };
  for (const group of sides.groups) {
    const part = diffResources({
      base: group.flatMap((entry) => entry.base ?? []),
      head: group.flatMap((entry) => entry.head ?? []),
      rules,
      scopeOf: () => "plan"
    });
    diff.findings.push(...part.findings);
    diff.unknown.push(...part.unknown);
    diff.strengthened.push(...part.strengthened);
  }
  const redactor = new Redactor(secrets);
  report.unknown.push(...diff.unknown.map((outcome) => redactor.outcome(outcome)));
  report.strengthened.push(...diff.strengthened.map((outcome) => redactor.outcome(outcome)));
  const byPath = /* @__PURE__ */ new Map();
  for (const finding of diff.findings.map((candidate) => redactor.finding(candidate))) {
    const path = finding.location.path;
    byPath.set(path, [...byPath.get(path) ?? [], finding]);
  }
  for (const [path, findings] of byPath) {
    const text = locator.texts.get(path);
    if (text === void 0) {
      report.findings.push(...findings);
      continue;
    }
    const result = applySuppressions(path, text, findings, locator.blocks.get(path) ?? [], input.now);
    report.findings.push(...result.findings);
    report.suppressed.push(...result.suppressed);
  }
  report.findings.sort(compareFindings);
  report.notes.push(...notesOf(plan, input, sides, rules, locator.rootDir));
  report.targets.push({ kind: "plan", source: input.source, changes: plan.resource_changes.length });
  return report;
}
function resourcesOf(plan, placeOf, secrets) {
  const skipped = { data: 0, deposed: 0, forgotten: 0 };
  const changes = [];
  for (const change of plan.resource_changes) {
    if (change.mode === "data") {
      skipped.data++;
      continue;
    }
    if (change.deposed !== void 0) {
      skipped.deposed++;
      continue;
    }
    const { actions, before, after, after_unknown: afterUnknown, before_sensitive: beforeSensitive, after_sensitive: afterSensitive } = change.change;
    if (actions.length === 1 && actions[0] === "forget") {
      skipped.forgotten++;
      continue;
    }
    sensitiveStrings(before, beforeSensitive, secrets);
    sensitiveStrings(after, afterSensitive, secrets);
    const place = placeOf(change);
    const resource = (address, values) => ({
      address,
      type: change.type,
      format: "terraform",
      path: place.path,
      // Extra fields ride into the location the diff engine spreads this into.
      range: withAddress(place.range, change.address),
      values,
      scope: "plan",
      qualifiedReferences: true,
      locate: (path) => {
        const located = withAddress(place.locate(path), change.address);
        if (isSensitivePath(beforeSensitive, path) || isSensitivePath(afterSensitive, path)) located[JUDGED_SENSITIVE] = true;
        return located;
      }
    });
    const entry = { change };
    if (isObject(before) && !actions.every((action) => action === "create"))
      entry.base = resource(change.previous_address ?? change.address, planValues(before));
    if ((isObject(after) || isObject(afterUnknown)) && !actions.every((action) => action === "delete")) {
      entry.head = resource(change.address, planValues(after, afterUnknown));
      if (change.previous_address) entry.head.movedFrom = [change.previous_address];
    }
    changes.push(entry);
  }
  const baseIdentities = identityIndex(changes.flatMap((entry) => entry.base ?? []));
  const headIdentities = identityIndex(changes.flatMap((entry) => entry.head ?? []));
  const byAddress = /* @__PURE__ */ new Map();
  changes.forEach((entry, index) => {
    for (const resource of [entry.base, entry.head]) if (resource) byAddress.set(resource.address, index);
  });
  const group = changes.map((_, index) => index);
  const root = (index) => {
    while (group[index] !== index) index = group[index] = group[group[index]];
    return index;
  };
  changes.forEach((entry, index) => {
    const references = [
      ...entry.base ? relate(entry.base, entry.change, void 0, baseIdentities) : [],
      ...entry.head ? relate(entry.head, entry.change, plan, headIdentities) : []
    ];
    for (const address of references.flatMap(referencedAddresses)) {
      const other = byAddress.get(address);
      if (other !== void 0) group[root(other)] = root(index);
    }
  });
  const groups = /* @__PURE__ */ new Map();
  changes.forEach((entry, index) => {
    const members = groups.get(root(index));
    if (members) members.push(entry);
    else groups.set(root(index), [entry]);
  });
  return { groups: [...groups.values()], skipped };
}
function withAddress(range, address) {
  return { ...range, address };
}
function notesOf(plan, input, sides, rules, rootDir) {
  const judged = new Set(rules.filter((rule) => rule.formats.includes("terraform")).flatMap((rule) => rule.resourceTypes));
  const managed = plan.resource_changes.length - sides.skipped.data - sides.skipped.deposed - sides.skipped.forgotten;
  const unread = new Set(plan.resource_changes.filter((change) => change.mode !== "data" && !judged.has(change.type)).map((change) => change.type));
  const notes = [
    `plan: ${input.source} (Terraform ${plan.terraform_version ?? "unknown version"}, format ${plan.format_version}): ${managed} resource changes judged${unread.size ? `; ${unread.size} resource types have no rule (${[...unread].sort().slice(0, 5).join(", ")}${unread.size > 5 ? ", \u2026" : ""})` : ""}`
  ];
  const { data, deposed, forgotten } = sides.skipped;
  if (data || deposed || forgotten) {
    notes.push(
      `plan: not judged: ${[data && `${data} data source reads`, deposed && `${deposed} deposed objects (left over from create_before_destroy)`, forgotten && `${forgotten} forgotten objects (they keep running, unmanaged)`].filter(Boolean).join(", ")}`
    );
  }
  if (plan.errored) notes.push('plan: Terraform reported errors while planning ("errored": true); the plan may be incomplete');
  if (Array.isArray(plan.resource_drift)) {
    notes.push("plan: resource_drift (changes made outside Terraform) is not the change under review; judged from resource_changes only");
  }
  if (plan.format_version === "0.1") {
    notes.push("plan: format 0.1 (Terraform 0.12-0.14) marks no value as sensitive; reports show only the attribute each rule judged");
  }
  if (input.files && rootDir === void 0) {
    notes.push("plan: the root module was not found in the checkout; findings name module folders or sources instead of lines");
  }
  return notes;
}

// checks/infra/plan/merge-plan.ts
function placeKey(ruleId, location) {
  return location.kind === "file" ? `${ruleId}\0${location.path}\0${location.startLine}` : void 0;
}
function mergePlanWithDiff(plan, diff) {
  const judged = new Set(
    [...plan.findings, ...plan.suppressed.map((entry) => entry.finding), ...plan.unknown, ...plan.strengthened].map((outcome) => placeKey(outcome.ruleId, outcome.location)).filter((key) => key !== void 0)
  );
  const fresh = (outcome) => !judged.has(placeKey(outcome.ruleId, outcome.location) ?? "");
  return mergeReports(
    {
      ...diff,
      findings: diff.findings.filter(fresh),
      suppressed: diff.suppressed.filter((entry) => fresh(entry.finding)),
      unknown: diff.unknown.filter(fresh),
      strengthened: diff.strengthened.filter(fresh)
    },
    plan
  );
}

// checks/source/run-git.ts
import { spawn } from "node:child_process";
var GitError = class extends Error {
  constructor(args, detail) {
    super(`git ${args.join(" ")}: ${detail}`);
    this.args = args;
    this.detail = detail;
    this.name = "GitError";
  }
  args;
  detail;
};
function runGit(repoDir, args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd: repoDir, stdio: ["pipe", "pipe", "pipe"] });
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", (error) => reject(new GitError(args, error.message)));
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(stdout));
      else {
        const message = Buffer.concat(stderr).toString("utf8").trim().split("\n")[0] || `exit code ${code}`;
        reject(new GitError(args, message));
      }
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(input ?? "");
  });
}
function nulFields(output) {
  const fields = [];
  for (let start = 0; start < output.length; ) {
    const end = output.indexOf(0, start);
    const stop = end < 0 ? output.length : end;
    fields.push(decodePath(output.subarray(start, stop)));
    start = stop + 1;
  }
  return fields;
}

// checks/source/git-source.ts
import { constants } from "node:fs";
import { lstat, open, readlink, realpath } from "node:fs/promises";
import { sep } from "node:path";
var MAX_LINK_HOPS = 40;
var MAX_LINK_TARGET_BYTES = 4096;
var SYMLINK_MODE = "120000";
var GitRefSource = class {
  constructor(repoDir, ref, maxFileBytes = MAX_FILE_BYTES) {
    this.repoDir = repoDir;
    this.ref = ref;
    this.maxFileBytes = maxFileBytes;
  }
  repoDir;
  ref;
  maxFileBytes;
  tree;
  pending = [];
  async read(path) {
    const found = await this.locate(path);
    if (!found) return void 0;
    if (found.type === "commit") throw new UnreadableFileError(path, `a git submodule (commit ${found.oid}); its files are not in this repository; not read`);
    if (found.type !== "blob") return void 0;
    if (found.size > this.maxFileBytes) throw oversizeError(path, found.size, this.maxFileBytes);
    return decodeText(path, await this.blob(found.oid));
  }
  /** Every file and symbolic link (reading a link says where it goes). */
  async list() {
    return [...await this.entries()].flatMap(([path, entry]) => entry.type === "blob" ? [path] : []);
  }
  entries() {
    this.tree ??= runGit(this.repoDir, ["ls-tree", "-r", "-t", "-z", "-l", "--full-tree", this.ref]).then(parseTree);
    return this.tree;
  }
  /** The entry `path` names, links inside the repository followed; a link out is refused. */
  async locate(path) {
    let current = repositoryPath(path);
    const entries = await this.entries();
    for (let hops = 0; current !== void 0 && hops <= MAX_LINK_HOPS; hops++) {
      const parts = current.split("/");
      let next;
      for (let depth = 1; depth <= parts.length && next === void 0; depth++) {
        const prefix = parts.slice(0, depth).join("/");
        const entry = entries.get(prefix);
        if (!entry) return void 0;
        if (entry.mode !== SYMLINK_MODE) {
          if (depth === parts.length) return entry;
          continue;
        }
        if (entry.size > MAX_LINK_TARGET_BYTES) throw linkOutsideError(path, prefix, `(a ${entry.size}-byte target)`);
        const target = decodePath(await this.blob(entry.oid));
        const inside = linkTargetPath(prefix, target);
        if (inside === void 0) throw linkOutsideError(path, prefix, target);
        next = [inside, ...parts.slice(depth)].filter((part) => part !== "" && part !== ".").join("/");
      }
      current = next;
    }
    if (current !== void 0) throw new UnreadableFileError(path, `more than ${MAX_LINK_HOPS} symbolic links on the way (a loop); not read`);
    return void 0;
  }
  blob(oid) {
    return new Promise((resolve, reject) => {
      this.pending.push({ oid, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }
  /** Reads every blob asked for since the last flush with one `git cat-file --batch`, by object id. */
  async flush() {
    const batch = this.pending;
    this.pending = [];
    try {
      const output = await runGit(this.repoDir, ["cat-file", "--batch"], batch.map((blob) => `${blob.oid}
`).join(""));
      const blobs = parseBatch(output, batch.length);
      batch.forEach((blob, index) => {
        const bytes = blobs[index];
        if (bytes) blob.resolve(bytes);
        else blob.reject(new GitError(["cat-file", "--batch"], `object ${blob.oid} is missing from ${this.repoDir}`));
      });
    } catch (error) {
      for (const blob of batch) blob.reject(error);
    }
  }
};
function parseTree(output) {
  const entries = /* @__PURE__ */ new Map();
  for (let start = 0; start < output.length; ) {
    const end = output.indexOf(0, start);
    const stop = end < 0 ? output.length : end;
    const tab = output.indexOf(9, start);
    const match = tab >= 0 && tab < stop ? /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)$/.exec(output.subarray(start, tab).toString("latin1")) : null;
    if (match) {
      const [, mode, type, oid, size] = match;
      entries.set(decodePath(output.subarray(tab + 1, stop)), { mode, type, oid, size: size === "-" ? 0 : Number(size) });
    }
    start = stop + 1;
  }
  return entries;
}
function parseBatch(output, count) {
  const blobs = [];
  let offset = 0;
  while (blobs.length < count && offset < output.length) {
    const newline = output.indexOf(10, offset);
    if (newline < 0) break;
    const header = output.subarray(offset, newline).toString("utf8");
    offset = newline + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      blobs.push(void 0);
      continue;
    }
    const size = Number(match[2]);
    blobs.push(match[1] === "blob" ? output.subarray(offset, offset + size) : void 0);
    offset += size + 1;
  }
  while (blobs.length < count) blobs.push(void 0);
  return blobs;
}
function errorCode(error) {
  return error?.code;
}
var ABSENT = /* @__PURE__ */ new Set(["ENOENT", "ENOTDIR", "EISDIR"]);
var WorkingTreeSource = class {
  constructor(repoDir, maxFileBytes = MAX_FILE_BYTES) {
    this.repoDir = repoDir;
    this.maxFileBytes = maxFileBytes;
  }
  repoDir;
  maxFileBytes;
  root;
  async read(path) {
    const relative = repositoryPath(path);
    if (relative === void 0) return void 0;
    const real = await this.locate(path, relative);
    if (!real) return void 0;
    let handle;
    try {
      handle = await open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    } catch (error) {
      if (ABSENT.has(errorCode(error) ?? "")) return void 0;
      throw error;
    }
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) return void 0;
      if (!stats.isFile()) throw new UnreadableFileError(path, "not a regular file (a device, pipe or socket); not read");
      if (stats.size > this.maxFileBytes) throw oversizeError(path, stats.size, this.maxFileBytes);
      const bytes = Buffer.alloc(stats.size);
      let filled = 0;
      while (filled < bytes.length) {
        const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return decodeText(path, bytes.subarray(0, filled));
    } finally {
      await handle.close();
    }
  }
  async list() {
    const [files, deleted] = await Promise.all([
      runGit(this.repoDir, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]),
      runGit(this.repoDir, ["ls-files", "-z", "--deleted"])
    ]);
    const gone = new Set(nulFields(deleted));
    return [...new Set(nulFields(files))].filter((path) => !gone.has(path));
  }
  /** The real location of `relative` inside the repository, `undefined` when nothing is there. */
  async locate(path, relative) {
    this.root ??= realpath(this.repoDir, { encoding: "buffer" });
    const root = await this.root;
    const isInside = (real) => real.equals(root) || real.length > root.length && real.subarray(0, root.length + 1).equals(Buffer.concat([root, Buffer.from(sep)]));
    let current = root;
    const names = relative.split("/");
    for (const [index, name] of names.entries()) {
      const next = Buffer.concat([current, Buffer.from(sep), encodePath(name)]);
      let isLink;
      try {
        isLink = (await lstat(next)).isSymbolicLink();
      } catch (error) {
        if (ABSENT.has(errorCode(error) ?? "")) return void 0;
        throw error;
      }
      if (!isLink) {
        current = next;
        continue;
      }
      const link = names.slice(0, index + 1).join("/");
      const target = decodePath(await readlink(next, { encoding: "buffer" }));
      let real;
      try {
        real = await realpath(next, { encoding: "buffer" });
      } catch (error) {
        if (errorCode(error) === "ELOOP") throw new UnreadableFileError(path, `${link} is a loop of symbolic links; not read`);
        if (!ABSENT.has(errorCode(error) ?? "")) throw error;
        if (linkTargetPath(link, target) === void 0) throw linkOutsideError(path, link, target);
        return void 0;
      }
      if (!isInside(real)) throw linkOutsideError(path, link, target);
      current = real;
    }
    return current;
  }
};
async function defaultBranch(repoDir) {
  try {
    return (await runGit(repoDir, ["symbolic-ref", "--short", "refs/remotes/origin/HEAD"])).toString("utf8").trim();
  } catch {
    for (const candidate of ["main", "master"]) {
      if (await resolveCommit(repoDir, candidate).then(
        () => true,
        () => false
      ))
        return candidate;
    }
    return void 0;
  }
}
async function resolveCommit(repoDir, ref) {
  try {
    return (await runGit(repoDir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).toString("utf8").trim();
  } catch (error) {
    if (error instanceof GitError)
      throw new GitError(
        ["rev-parse", ref],
        `"${ref}" is not a commit in ${repoDir}; fetch it (actions/checkout with fetch-depth: 0) or pass another --base/--head`
      );
    throw error;
  }
}
var STATUS = { A: "added", C: "added", M: "modified", T: "modified", D: "removed", R: "renamed" };
function parseNameStatus(output) {
  const fields = nulFields(output);
  const changed = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++]?.[0] ?? "";
    const status = STATUS[code] ?? "modified";
    if (code === "R" || code === "C") {
      const previousPath = fields[i++];
      const path = fields[i++];
      changed.push(code === "R" ? { path, status, previousPath } : { path, status });
    } else changed.push({ path: fields[i++], status });
  }
  return changed;
}
async function gitChangeSet(repoDir, base, head) {
  const headCommit = head === void 0 ? void 0 : await resolveCommit(repoDir, head);
  let baseCommit;
  if (base !== void 0) baseCommit = await resolveCommit(repoDir, base);
  else {
    const branch = await defaultBranch(repoDir);
    if (!branch) throw new GitError(["merge-base"], `no default branch (origin/HEAD, main or master) in ${repoDir}; pass --base`);
    baseCommit = (await runGit(repoDir, ["merge-base", headCommit ?? "HEAD", branch])).toString("utf8").trim();
  }
  const diff = await runGit(repoDir, ["diff", "--name-status", "-z", "-M", "--no-ext-diff", baseCommit, ...headCommit ? [headCommit] : [], "--"]);
  const changed = parseNameStatus(diff);
  if (!headCommit) {
    const untracked = nulFields(await runGit(repoDir, ["ls-files", "-z", "--others", "--exclude-standard"]));
    changed.push(...untracked.map((path) => ({ path, status: "added" })));
  }
  return {
    base: new GitRefSource(repoDir, baseCommit),
    head: headCommit ? new GitRefSource(repoDir, headCommit) : new WorkingTreeSource(repoDir),
    changed,
    baseRef: baseCommit,
    headRef: headCommit ?? "working tree"
  };
}

export {
  PlanFormatError,
  analyzePlan,
  mergePlanWithDiff,
  GitError,
  runGit,
  GitRefSource,
  WorkingTreeSource,
  gitChangeSet
};

/**
 * Environment separation, the family's entry point: collect the facts of every environment's
 * files at base and head, evaluate both, and call a finding `introduced` when its fingerprint is
 * new at head, `existing` when the base had it too.
 */
import { posix } from 'node:path';
import { DEFAULT_CONFIG_PATH } from '../config/load-config.js';
import type { Config } from '../config/schema.js';
import { compareFindings, type FileLocation, type Finding } from '../model/finding.js';
import { emptyReport, type ErroredOutcome, type Report } from '../model/report.js';
import type { ChangeSet, FileSource } from '../model/source.js';
import { TOOL } from '../version.js';
import { locate, parseYaml, type YamlDocument } from '../yaml/positions.js';
import { isYamlPath } from './blocks.js';
import {
  createClassifier,
  declaresEnvironments,
  inferEnvironments,
  manifestNamespaces,
  resolveEnvironments,
  type Classifier,
  type EnvironmentModel,
  type NamespacedManifest,
} from './environments.js';
import { collectFileFacts } from './collect.js';
import type { FileFacts, Token } from './model.js';
import { resolveNetworkValues } from './resolve-values.js';
import { applyEnvironmentSuppressions } from './suppress.js';
import { declaredKey, evaluateSeparation, type IdentifierField, type SeparationFacts } from './evaluate.js';

export interface CheckEnvironmentsInput {
  changeSet: ChangeSet;
  config: Config;
  now: Date;
  /** Where the config was read from, for pointing at declared identifiers; `.github/hipaa-guard.yml` by default. */
  configPath?: string;
}

/** Files larger than this are reported as errored instead of read. */
export const MAX_FILE_BYTES = 1024 * 1024;
const READ_CONCURRENCY = 16;

/** Text formats that can name infrastructure: Terraform, tfvars, backends, YAML, JSON, env and ini files. */
function isEnvironmentFile(path: string): boolean {
  return /\.(tf|tfvars|hcl|tfbackend|json|ya?ml|conf|env|ini|properties|toml)$/.test(path) || /(^|\/)\.env$/.test(path);
}

export async function checkEnvironments(input: CheckEnvironmentsInput): Promise<Report> {
  const { changeSet, config } = input;
  const configPath = input.configPath ?? DEFAULT_CONFIG_PATH;
  const report = emptyReport(TOOL, input.now.toISOString());
  let headPaths: string[];
  try {
    headPaths = await changeSet.head.list();
  } catch (error) {
    report.errors.push({ category: 'read', target: 'environments', message: `could not list the files at head: ${messageOf(error)}` });
    return report;
  }
  const basePaths = pathsAtBase(changeSet, headPaths);
  const allPaths = [...new Set([...headPaths, ...basePaths])];
  const read = new Map<string, FileFacts>();
  const manifests = declaresEnvironments(config) ? [] : await unclaimedManifests(changeSet.head, headPaths, inferEnvironments(allPaths), read, report.errors);
  const model = resolveEnvironments(config, allPaths, manifests);
  report.notes.push(...model.notes);
  if (model.environments.length === 1) {
    report.notes.push(`environments: only ${model.environments[0]?.name ?? ''} is known; nothing to keep separate`);
  }
  if (model.environments.length === 0) return report;
  const classify = createClassifier(model);
  const declared = await declaredPlaces(changeSet, configPath, model);
  const { head, base } = await collectVersions(changeSet, headPaths, basePaths, classify, read, report.errors);
  const evaluate = (version: VersionFacts): Finding[] =>
    evaluateSeparation({ model, files: version.files, ambiguous: version.ambiguous, declared, configPath } satisfies SeparationFacts);
  const before = new Set(evaluate(base).map((finding) => finding.fingerprint));
  const classified = evaluate(head).map((finding): Finding => ({ ...finding, change: before.has(finding.fingerprint) ? 'existing' : 'introduced' }));
  const { findings, suppressed } = applyEnvironmentSuppressions(classified, head.facts, input.now);
  report.findings = findings.sort(compareFindings);
  report.suppressed = suppressed;
  report.notes.push(
    `environments: checked ${head.files.length} files of ${model.environments.map((env) => env.name).join(', ')} at head (${base.read} re-read at base)`,
  );
  return report;
}

/** Paths whose base version differs from head: modified, removed, or the old name of a rename. */
function changedAtBase(changeSet: ChangeSet): Set<string> {
  return new Set(changeSet.changed.flatMap((file) => [file.path, ...(file.previousPath ? [file.previousPath] : [])]));
}

/** Every path at base, derived from head and the change list (listing base again would cost a second walk). */
function pathsAtBase(changeSet: ChangeSet, headPaths: readonly string[]): string[] {
  const changed = changedAtBase(changeSet);
  const paths = new Set(headPaths.filter((path) => !changed.has(path)));
  for (const file of changeSet.changed) {
    if (file.status === 'modified' || file.status === 'removed') paths.add(file.path);
    if (file.status === 'renamed' && file.previousPath) paths.add(file.previousPath);
  }
  return [...paths];
}

/**
 * Kubernetes manifests the layout did not place, with their namespaces: inference by namespace
 * reads them (their facts go to `read`, so they are not read twice).
 */
async function unclaimedManifests(
  source: FileSource,
  paths: readonly string[],
  layout: EnvironmentModel,
  read: Map<string, FileFacts>,
  errors: ErroredOutcome[],
): Promise<NamespacedManifest[]> {
  const classify = createClassifier(layout);
  const candidates = paths.filter((path) => isYamlPath(path) && classify(path).length === 0).sort();
  const manifests: NamespacedManifest[] = [];
  await forEachLimited(candidates, READ_CONCURRENCY, async (path) => {
    const text = await readText(source, path, errors, 'head');
    const namespaces = text === undefined ? [] : manifestNamespaces(text);
    if (text === undefined || !namespaces.length) return;
    manifests.push({ path, namespaces });
    read.set(path, collectFileFacts(path, text));
  });
  return manifests.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The facts of both versions. The base re-reads only the files the change touched, and
 * re-resolves variables only in the Terraform modules it touched; the rest is head's.
 */
async function collectVersions(
  changeSet: ChangeSet,
  headPaths: readonly string[],
  basePaths: readonly string[],
  classify: Classifier,
  read: ReadonlyMap<string, FileFacts>,
  errors: ErroredOutcome[],
): Promise<{ head: VersionFacts; base: VersionFacts }> {
  const head = await collectVersion(changeSet.head, headPaths, classify, read, errors, 'head');
  const changed = changedAtBase(changeSet);
  const unchanged = new Map([...head.facts].filter(([path]) => !changed.has(path)));
  const base = await collectVersion(changeSet.base, basePaths, classify, unchanged, errors, 'base');
  const changedModules = new Set([...changed].filter((path) => path.endsWith('.tf')).map((path) => posix.dirname(path)));
  const inChangedModule = (path: string) => changedModules.has(posix.dirname(path));
  const headResolved = await resolveNetworkValues(changeSet.head, headPaths, head.facts);
  const baseResolved = await resolveNetworkValues(changeSet.base, basePaths, new Map([...base.facts].filter(([path]) => inChangedModule(path))));
  for (const [path, tokens] of headResolved) if (!inChangedModule(path)) baseResolved.set(path, tokens);
  return { head: withResolved(head, headResolved), base: withResolved(base, baseResolved) };
}

/** Adds the values resolved from variables to the tokens of their files. */
function withResolved(version: VersionFacts, resolved: ReadonlyMap<string, Token[]>): VersionFacts {
  const files = version.files.map(({ environment, facts }) => {
    const extra = resolved.get(facts.path);
    return extra ? { environment, facts: { ...facts, tokens: [...facts.tokens, ...extra] } } : { environment, facts };
  });
  return { ...version, files };
}

interface VersionFacts {
  files: SeparationFacts['files'];
  ambiguous: SeparationFacts['ambiguous'];
  facts: Map<string, FileFacts>;
  read: number;
}

/** Reads and collects every environment file of one version; `known` facts are reused, not re-read. */
async function collectVersion(
  source: FileSource,
  paths: readonly string[],
  classify: Classifier,
  known: ReadonlyMap<string, FileFacts>,
  errors: ErroredOutcome[],
  version: 'base' | 'head',
): Promise<VersionFacts> {
  const result: VersionFacts = { files: [], ambiguous: [], facts: new Map(), read: 0 };
  const owned = paths
    .filter(isEnvironmentFile)
    .map((path) => ({ path, environments: classify(path).map((env) => env.name) }))
    .filter((entry) => entry.environments.length > 0)
    .sort((a, b) => a.path.localeCompare(b.path));
  result.ambiguous = owned.filter((entry) => entry.environments.length > 1);
  const single = owned.filter((entry) => entry.environments.length === 1);
  await forEachLimited(single, READ_CONCURRENCY, async ({ path }) => {
    const facts = known.get(path) ?? (await readFacts(source, path, errors, version));
    if (!known.has(path)) result.read++;
    if (facts) result.facts.set(path, facts);
  });
  result.files = single.flatMap(({ path, environments: [environment = ''] }) => {
    const facts = result.facts.get(path);
    return facts ? [{ environment, facts }] : [];
  });
  return result;
}

async function readFacts(source: FileSource, path: string, errors: ErroredOutcome[], version: 'base' | 'head'): Promise<FileFacts | undefined> {
  const text = await readText(source, path, errors, version);
  return text === undefined ? undefined : collectFileFacts(path, text);
}

/** A file's text, or `undefined` (absent, unreadable or too large: the last two recorded as errors). */
async function readText(source: FileSource, path: string, errors: ErroredOutcome[], version: 'base' | 'head'): Promise<string | undefined> {
  const target = version === 'head' ? path : `${path} (base)`;
  let text: string | undefined;
  try {
    text = await source.read(path);
  } catch (error) {
    errors.push({ category: 'read', target, message: `could not read the file for the environment checks: ${messageOf(error)}` });
    return undefined;
  }
  if (text === undefined) return undefined;
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    errors.push({ category: 'parse', target, message: `larger than ${MAX_FILE_BYTES} bytes; not checked for environment separation` });
    return undefined;
  }
  return text;
}

/** Lines of the config file that declare each identifier (from the base, which is the config in force). */
async function declaredPlaces(changeSet: ChangeSet, configPath: string, model: EnvironmentModel): Promise<Record<string, FileLocation>> {
  const places: Record<string, FileLocation> = {};
  if (!model.environments.some((env) => env.source === 'declared')) return places;
  let document: YamlDocument | undefined;
  try {
    const text = (await changeSet.base.read(configPath)) ?? (await changeSet.head.read(configPath));
    if (text !== undefined) document = parseYaml(text);
  } catch {
    // Without the file's lines, findings about declared identifiers point at the file itself.
    return places;
  }
  if (!document) return places;
  const { value: root, positions } = document;
  for (const env of model.environments) {
    for (const [field, values] of Object.entries(env.identifiers) as [IdentifierField, string[]][]) {
      values.forEach((value, index) => {
        const path = ['environments', env.name, 'identifiers', field, index];
        // The config in force may not be this file (an `_extends` base): only trust lines that hold the value.
        if (valueAt(root, path) !== value) return;
        const { startLine, endLine } = locate(positions, path);
        places[declaredKey(env.name, field, value)] = { kind: 'file', path: configPath, startLine, endLine };
      });
    }
  }
  return places;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, step) => (typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[step] : undefined), root);
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

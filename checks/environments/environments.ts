/**
 * Which environments a repository has and which files belong to each: declared in the config's
 * `environments`, or inferred from the layout when there is no declaration.
 */
import picomatch from 'picomatch';
import type { Config } from '../config/schema.js';

export interface EnvironmentIdentifiers {
  accounts: string[];
  vpcs: string[];
  cidrs: string[];
  domains: string[];
  namespaces: string[];
  names: string[];
}

export interface Environment {
  name: string;
  production: boolean;
  /** Globs of the files that belong to it. */
  paths: string[];
  identifiers: EnvironmentIdentifiers;
  source: 'declared' | 'inferred';
}

export interface EnvironmentModel {
  environments: Environment[];
  /** What was inferred, for the report's `notes`. */
  notes: string[];
}

const PRODUCTION_NAMES = ['prod', 'production', 'prd'];
/** Spellings of one environment, merged when inferring (`envs/prod` and `overlays/production` are one). */
const ALIASES: Record<string, string[]> = {
  production: PRODUCTION_NAMES,
  staging: ['staging', 'stage', 'stg'],
  development: ['dev', 'development'],
};
/** Folder names under `envs/` or `overlays/` that are not environments. */
const NOT_ENVIRONMENTS = new Set(['base', 'bases', 'common', 'shared', 'global', 'modules', 'module', 'templates', 'components', 'terraform']);

/** prod, production, prd, and names made of them (`prod-eu`, `us_prd`). */
export function isProductionName(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[-_.]/)
    .some((part) => PRODUCTION_NAMES.includes(part));
}

function canonicalName(name: string): string {
  const lower = name.toLowerCase();
  return Object.entries(ALIASES).find(([, spellings]) => spellings.includes(lower))?.[0] ?? lower;
}

/** A Kubernetes manifest no layout rule claimed, with the namespaces its objects name. */
export interface NamespacedManifest {
  path: string;
  namespaces: string[];
}

/** The declared environments, or those the layout of `files` (and the namespaces of unclaimed `manifests`) suggests. */
export function resolveEnvironments(config: Config, files: readonly string[], manifests: readonly NamespacedManifest[] = []): EnvironmentModel {
  if (config.environments && declaresEnvironments(config)) {
    const environments = Object.entries(config.environments).map(([name, declared]): Environment => ({
      name,
      production: isProductionName(name),
      paths: declared.paths,
      identifiers: declared.identifiers,
      source: 'declared',
    }));
    const notes = environments.some((env) => env.production)
      ? []
      : ['environments: no declared environment is named prod, production or prd; references between environments are graded medium'];
    return { environments, notes };
  }
  return inferEnvironments(files, manifests);
}

/** Whether the config declares the environments (else they are inferred). */
export function declaresEnvironments(config: Config): boolean {
  return Object.keys(config.environments ?? {}).length > 0;
}

const NAMESPACE_LINE = /^\s*namespace:\s*["']?([A-Za-z0-9-]+)["']?\s*(#.*)?$/gm;

/** The namespaces a Kubernetes manifest's objects are in; none for other YAML. */
export function manifestNamespaces(text: string): string[] {
  if (!/^kind:/m.test(text)) return [];
  return [...new Set([...text.matchAll(NAMESPACE_LINE)].map((match) => (match[1] ?? '').toLowerCase()))];
}

const FOLDER_LAYOUT = /^(.*?(?:^|\/)(?:envs|environments|overlays)\/([^/]+))\//;
/** Folder names that are environments wherever they stand (`terraform/prod/`, `clusters/staging/`); not `test`, a common test folder. */
const FOLDER_WORDS = new Set([...Object.values(ALIASES).flat(), 'qa', 'uat', 'preprod']);

/** The outermost folder of `path` named like an environment: [path, prefix, name], as the layout regex gives. */
function environmentFolder(path: string): [string, string, string] | undefined {
  const folders = path.split('/').slice(0, -1);
  const index = folders.findIndex((folder) => FOLDER_WORDS.has(folder.toLowerCase()));
  const name = folders[index];
  return name === undefined ? undefined : [path, folders.slice(0, index + 1).join('/'), name];
}
const TFVARS = /^(?:.*\/)?([^/]+?)(?:\.auto)?\.tfvars(?:\.json)?$/;

/** Namespaces that name an environment even when no folder does. */
const ENVIRONMENT_WORDS = new Set([...Object.values(ALIASES).flat(), 'qa', 'uat', 'test', 'sandbox', 'preprod']);

export function inferEnvironments(files: readonly string[], manifests: readonly NamespacedManifest[] = []): EnvironmentModel {
  const found = new Map<string, { spellings: Set<string>; paths: Set<string> }>();
  const add = (spelling: string, glob: string) => {
    const name = canonicalName(spelling);
    if (NOT_ENVIRONMENTS.has(name)) return;
    const entry = found.get(name) ?? { spellings: new Set(), paths: new Set() };
    entry.spellings.add(spelling.toLowerCase());
    entry.paths.add(glob);
    found.set(name, entry);
  };
  for (const file of files) {
    const match = FOLDER_LAYOUT.exec(file) ?? environmentFolder(file);
    if (match?.[1] && match[2]) add(match[2], `${escapeGlob(match[1])}/**`);
  }
  // `<name>.tfvars` names an environment when the name reads like one (`prod.tfvars`, `staging-eu.tfvars`)
  // or a folder already named it, and no folder already claims the file (`access_context.auto.tfvars`).
  const byFolder = new Set(found.keys());
  for (const file of files) {
    const name = TFVARS.exec(file)?.[1];
    const claimed = [...found.values()].some((entry) =>
      [...entry.paths].some((glob) => glob.endsWith('/**') && file.startsWith(unescapeGlob(glob.slice(0, -2)))),
    );
    if (name && !claimed && (byFolder.has(canonicalName(name)) || readsLikeEnvironment(name))) add(name, escapeGlob(file));
  }
  // A manifest whose objects all live in one environment's namespace belongs to that environment.
  for (const { path, namespaces } of manifests) {
    const names = new Set(namespaces.map(canonicalName));
    const [name] = names;
    const spelling = namespaces[0];
    if (names.size === 1 && name && spelling && (found.has(name) || ENVIRONMENT_WORDS.has(spelling))) add(spelling, escapeGlob(path));
  }
  const environments = [...found.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, entry]): Environment => ({
      name,
      production: isProductionName(name),
      paths: [...entry.paths].sort(),
      identifiers: { accounts: [], vpcs: [], cidrs: [], domains: [], names: [], namespaces: [...entry.spellings].sort() },
      source: 'inferred',
    }));
  if (environments.length === 0) {
    return {
      environments,
      notes: [
        'environments: none declared in the config and none found in the layout (envs/<name>/, environments/<name>/, overlays/<name>/, prod/ staging/ dev/ folders, <name>.tfvars, namespaces); separation not checked',
      ],
    };
  }
  const notes = [
    `environments: none declared in the config; inferred from the layout: ${environments
      .map((env) => `${env.name}${env.production ? ' (production)' : ''} = ${env.paths.join(', ')}; namespaces ${env.identifiers.namespaces.join(', ')}`)
      .join('; ')}`,
  ];
  if (!environments.some((env) => env.production)) {
    notes.push('environments: no inferred environment is named prod, production or prd; references between environments are graded medium');
  }
  return { environments, notes };
}

/** `prod`, `staging-eu`, `us_prd`, `qa2`: a name with a part that is an environment word. */
export function readsLikeEnvironment(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[-_]/)
    .some((part) => ENVIRONMENT_WORDS.has(part.replace(/\d+$/, '')));
}

function unescapeGlob(glob: string): string {
  return glob.replace(/\\(.)/g, '$1');
}

function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}

/** Which environments a path belongs to by its globs: none, one, or several (ambiguous). */
export type Classifier = (path: string) => Environment[];

export function createClassifier(model: EnvironmentModel): Classifier {
  const matchers = model.environments.map((env) => ({
    env,
    isMatch: env.paths.length ? picomatch(env.paths, { dot: true }) : () => false,
  }));
  return (path) => matchers.filter((matcher) => matcher.isMatch(path)).map((matcher) => matcher.env);
}

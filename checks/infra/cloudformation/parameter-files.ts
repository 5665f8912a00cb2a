/**
 * CloudFormation parameter files: the values a deployment gives a template's parameters, in the
 * two shapes in use, JSON or YAML:
 * - the AWS CLI's list (`aws cloudformation create-stack --parameters file://x.json`):
 *   `[{"ParameterKey": "DbEncrypted", "ParameterValue": "true"}, ...]`;
 * - the template-configuration file (CodePipeline's `TemplateConfiguration`, and what
 *   `aws cloudformation deploy --parameter-overrides file://x.json` reads):
 *   `{"Parameters": {"DbEncrypted": "true"}, "Tags": {...}, "StackPolicy": {...}}`.
 * A file is tied to its template by `infra.cloudformation.parameter-files`, else by convention
 * (`templateFor`): the template near it that declares every parameter it sets.
 */
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { locate, parseYamlDocuments, type PositionNode } from '../../yaml/positions.js';
import { unresolved, type SourceRange } from '../model.js';
import { asObject } from './evaluate.js';

/** One parameter's value in a file and the lines that set it. */
export interface ParameterValue {
  value: unknown;
  place: SourceRange;
}

export interface ParameterFile {
  path: string;
  values: Map<string, ParameterValue>;
}

const LIST_ITEM = /"?ParameterKey"?\s*:/;
const CONFIGURATION = /^\s*\{?\s*"?Parameters"?\s*:/m;

/** A cheap look before parsing: the text names `ParameterKey`, or opens with a `Parameters` mapping. */
export function looksLikeParameterFile(text: string): boolean {
  return LIST_ITEM.test(text) || CONFIGURATION.test(text);
}

const TEMPLATE_CONFIGURATION_KEYS = new Set(['Parameters', 'Tags', 'StackPolicy']);

function isScalar(value: unknown): boolean {
  return ['string', 'number', 'boolean'].includes(typeof value);
}

/** The file's parameters, or `undefined` when it is neither shape (any other JSON or YAML). */
export function readParameterFile(path: string, text: string): ParameterFile | undefined {
  if (!looksLikeParameterFile(text)) return undefined;
  let document: { value: unknown; positions: PositionNode } | undefined;
  try {
    [document] = parseYamlDocuments(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (!document) return undefined;
  const { value, positions } = document;
  const values = new Map<string, ParameterValue>();
  if (Array.isArray(value)) {
    if (!value.length) return undefined;
    for (const [index, item] of value.entries()) {
      const entry = asObject(item);
      if (typeof entry.ParameterKey !== 'string') return undefined;
      if (entry.UsePreviousValue === true || entry.UsePreviousValue === 'true') {
        values.set(entry.ParameterKey, {
          value: unresolved(`${entry.ParameterKey} (UsePreviousValue in ${path}: the running stack's value)`),
          place: { path, ...locate(positions, [index]) },
        });
      } else if (isScalar(entry.ParameterValue)) {
        values.set(entry.ParameterKey, { value: String(entry.ParameterValue), place: { path, ...locate(positions, [index, 'ParameterValue']) } });
      } else return undefined;
    }
    return { path, values };
  }
  const configuration = asObject(value);
  const keys = Object.keys(configuration);
  const parameters = asObject(configuration.Parameters);
  if (!keys.includes('Parameters') || keys.some((key) => !TEMPLATE_CONFIGURATION_KEYS.has(key))) return undefined;
  for (const [name, item] of Object.entries(parameters)) {
    if (!isScalar(item)) return undefined;
    values.set(name, { value: String(item), place: { path, ...locate(positions, ['Parameters', name]) } });
  }
  return { path, values };
}

/** The directory of a repository path (`''` for the root). */
function directoryOf(path: string): string {
  const directory = posix.dirname(path);
  return directory === '.' ? '' : directory;
}

const TEMPLATE_EXTENSIONS = '{yaml,yml,json,template}';

/**
 * Where the convention looks for a parameter file's template: its own directory, the one above,
 * and that one's subdirectories (`samples/x-parameters.json` next to `templates/x.yaml`,
 * `ci/x-input.json` next to `templates/x.template.yaml`). As globs, for selecting files to read.
 */
export function templateGlobsFor(path: string): string[] {
  const directory = directoryOf(path);
  const parent = directory === '' ? '' : directoryOf(directory);
  const under = (dir: string, rest: string) => (dir === '' ? rest : `${dir}/${rest}`);
  return [...new Set([under(directory, `*.${TEMPLATE_EXTENSIONS}`), under(parent, `*.${TEMPLATE_EXTENSIONS}`), under(parent, `*/*.${TEMPLATE_EXTENSIONS}`)])];
}

/** Words of a file name that say what it is, not which deployment: dropped before names are compared. */
const ROLE_WORDS = new Set([
  'parameters',
  'parameter',
  'params',
  'param',
  'input',
  'inputs',
  'config',
  'configuration',
  'values',
  'master',
  'main',
  'root',
  'template',
  'stack',
  'cfn',
  'cloudformation',
  'json',
  'yaml',
  'yml',
]);

function nameWords(path: string): Set<string> {
  return new Set(
    posix
      .basename(path)
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word && !ROLE_WORDS.has(word)),
  );
}

function sharedWords(a: string, b: string): number {
  const words = nameWords(b);
  return [...nameWords(a)].filter((word) => words.has(word)).length;
}

/** A template as the tie needs it: its path and the parameters it declares. */
export interface DeclaredParameters {
  path: string;
  parameters: ReadonlySet<string>;
}

/**
 * The templates a parameter file is for. Named in `infra.cloudformation.parameter-files`
 * (template path → globs of parameter files): those templates. Else the convention: among the
 * templates in reach (`templateGlobsFor`) that declare every parameter the file sets
 * (CloudFormation refuses a parameter the template does not declare), those whose file names
 * share the most words with the parameter file's (`wordpress-parameters-newvpc.json` →
 * `wordpress-master-newvpc.yaml`). Empty when none fits.
 */
export function templatesFor(file: ParameterFile, templates: readonly DeclaredParameters[], configured: Readonly<Record<string, readonly string[]>>): string[] {
  const named = Object.entries(configured).flatMap(([template, globs]) => (picomatch([...globs], { dot: true })(file.path) ? [template] : []));
  if (Object.keys(configured).length && named.length) return named;
  const inReach = picomatch(templateGlobsFor(file.path), { dot: true });
  const fitting = templates.filter(
    (template) => template.path !== file.path && inReach(template.path) && [...file.values.keys()].every((name) => template.parameters.has(name)),
  );
  const best = Math.max(0, ...fitting.map((template) => sharedWords(file.path, template.path)));
  return fitting.filter((template) => sharedWords(file.path, template.path) === best).map((template) => template.path);
}

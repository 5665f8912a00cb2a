/**
 * CloudFormation templates (YAML with the short intrinsic tags, or JSON) into the normalized
 * infra model: one resource per logical id, its `Properties` evaluated (evaluate.ts) with the
 * template's parameters, conditions and mappings. All templates of a version are read
 * together: a nested stack whose `TemplateURL` (or a SAM application whose `Location`) is a
 * local path is evaluated with the parameters its parent passes, and a value set by a parent's
 * parameter is located on the parent's line. A `TemplateURL` naming S3 (`https://bucket.s3...
 * /prefix/templates/db.yaml`, or a `!Sub` of one) is read as the repository's template at the
 * end of its path (`templates/db.yaml`): the repository is what gets published under the
 * prefix. A root template with parameter files (parameter-files.ts) is evaluated once per file,
 * each file's values located on its lines.
 */
import { posix } from 'node:path';
import yaml from 'js-yaml';
import { locate, parseYamlDocuments, YamlSyntaxError, type PositionNode } from '../../yaml/positions.js';
import type { InfraFileText } from '../formats.js';
import { identifyInFile } from '../file-identity.js';
import { isUnresolved, unresolved, type InfraResource, type ParsedInfraFile, type SourceRange, type Unresolved } from '../model.js';
import { asObject, intrinsicOf, NO_VALUE, TemplateScope, type ParameterBinding } from './evaluate.js';
import { readParameterFile, templateGlobsFor, templatesFor, type ParameterFile } from './parameter-files.js';

const FUNCTION_TAGS = ['Sub', 'GetAtt', 'If', 'Base64', 'Join', 'Select', 'Split', 'FindInMap', 'ImportValue', 'Equals', 'And', 'Or', 'Not', 'GetAZs', 'Cidr'];
const KINDS = ['scalar', 'sequence', 'mapping'] as const;

function intrinsicTypes(tag: string, key: string, convert: (data: unknown) => unknown = (data) => data): yaml.Type[] {
  return KINDS.map((kind) => new yaml.Type(`!${tag}`, { kind, construct: (data: unknown) => ({ [key]: convert(data) }) }));
}

/** js-yaml schema that reads `!Ref`, `!Sub`, `!GetAtt`… as their long JSON forms. */
export const CLOUDFORMATION_SCHEMA = yaml.DEFAULT_SCHEMA.extend([
  ...intrinsicTypes('Ref', 'Ref'),
  ...intrinsicTypes('Condition', 'Condition'),
  ...intrinsicTypes('GetAtt', 'Fn::GetAtt', (data) => (typeof data === 'string' ? data.split(/\.(.*)/s, 2) : data)),
  ...FUNCTION_TAGS.filter((tag) => tag !== 'GetAtt').flatMap((tag) => intrinsicTypes(tag, `Fn::${tag}`)),
]);

const CLOUDFORMATION_CONTENT = /AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/;

export function looksLikeCloudFormation(text: string): boolean {
  return CLOUDFORMATION_CONTENT.test(text);
}

type Json = Record<string, unknown>;

interface Template {
  path: string;
  template: Json;
  positions: PositionNode;
}

function loadTemplate(path: string, text: string): Template {
  const [document] = parseYamlDocuments(text.replace(/^\uFEFF/, ''), CLOUDFORMATION_SCHEMA);
  return { path, template: asObject(document?.value), positions: document?.positions ?? { startLine: 1, endLine: 1 } };
}

/** Resource types that run another template, and the property naming it. */
const NESTED_TEMPLATE: Record<string, string> = { 'AWS::CloudFormation::Stack': 'TemplateURL', 'AWS::Serverless::Application': 'Location' };

/** Where a nested stack's template is: a repository path (a local relative path, as `aws cloudformation package` reads it), or the end of an S3 URL's path. */
type TemplateRef = { path: string } | { urlTail: string };

/** The literal path at the end of a URL, or of a `!Sub` of one after its last `${...}`: `templates/db.yaml`. */
function urlTail(url: string, substituted: boolean): string | undefined {
  let tail = substituted ? url.slice(url.lastIndexOf('}') + 1) : url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  // `${Bucket}.s3.amazonaws.com/templates/db.yaml`: the host's remainder goes.
  if (substituted && /^[^/]*\.[^/]*\//.test(tail) && url.slice(0, url.indexOf('${')).includes('://')) tail = tail.slice(tail.indexOf('/') + 1);
  tail = tail.replace(/[?#].*$/, '').replace(/^\/+/, '');
  return /\.(ya?ml|json|template)$/i.test(tail) ? tail : undefined;
}

function templateRefOf(from: string, resource: Json): TemplateRef | undefined {
  const property = NESTED_TEMPLATE[String(resource.Type)];
  const url = property === undefined ? undefined : asObject(resource.Properties)[property];
  const sub = intrinsicOf(url)?.name === 'Fn::Sub' ? intrinsicOf(url)?.argument : undefined;
  const text: unknown = Array.isArray(sub) ? sub[0] : sub;
  if (typeof text === 'string') {
    const tail = urlTail(text, true);
    return tail === undefined ? undefined : { urlTail: tail };
  }
  if (typeof url !== 'string' || posix.isAbsolute(url)) return undefined;
  if (/^(https?|s3):/i.test(url)) {
    const tail = urlTail(url, false);
    return tail === undefined ? undefined : { urlTail: tail };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.includes('${')) return undefined;
  const path = posix.normalize(posix.join(posix.dirname(from), url));
  return path === '..' || path.startsWith('../') ? undefined : { path };
}

/** The repository template a reference names: the local path, or the one path sharing the longest end with the URL's (at least its file name). */
function resolveTemplateRef(ref: TemplateRef, paths: readonly string[]): string | undefined {
  if ('path' in ref) return ref.path;
  const wanted = ref.urlTail.split('/');
  const shared = (path: string) => {
    const segments = path.split('/');
    let count = 0;
    while (count < segments.length && count < wanted.length && segments[segments.length - 1 - count] === wanted[wanted.length - 1 - count]) count++;
    return count;
  };
  const best = Math.max(0, ...paths.map(shared));
  const found = paths.filter((path) => shared(path) === best);
  return best > 0 && found.length === 1 ? found[0] : undefined;
}

function nestedStacks(template: Template, paths: readonly string[]): { id: string; child: string }[] {
  return Object.entries(asObject(template.template.Resources)).flatMap(([id, resource]) => {
    const ref = templateRefOf(template.path, asObject(resource));
    const child = ref && resolveTemplateRef(ref, paths);
    return child === undefined ? [] : [{ id, child }];
  });
}

/**
 * What a file's configuration reads, from its text alone (for selecting files to scan): a
 * template's nested stacks (a URL's by file name anywhere), a parameter file's templates in reach.
 */
export function cloudFormationDependencies(path: string, text: string): string[] {
  if (parameterFileOf(path, text)) return templateGlobsFor(path);
  try {
    return Object.values(asObject(loadTemplate(path, text).template.Resources)).flatMap((resource) => {
      const ref = templateRefOf(path, asObject(resource));
      return ref === undefined ? [] : ['path' in ref ? ref.path : `**/${posix.basename(ref.urlTail)}`];
    });
  } catch {
    return [];
  }
}

/** The file's parameters when it is a parameter file (either shape) and not a template. */
export function parameterFileOf(path: string, text: string): ParameterFile | undefined {
  return looksLikeCloudFormation(text) ? undefined : readParameterFile(path, text);
}

/** One template alone: its parameters' defaults, no parent. */
export function parseCloudFormation(path: string, text: string): ParsedInfraFile {
  return parseCloudFormationFiles([{ path, text }])[0]!;
}

export interface CloudFormationParseOptions {
  /** `infra.cloudformation.parameter-files`: template path → globs of its parameter files. */
  parameterFiles?: Readonly<Record<string, readonly string[]>>;
}

interface Group {
  templates: Map<string, Template>;
  failures: Map<string, ParsedInfraFile>;
  /** Template paths, sorted. */
  paths: string[];
  nesting: Map<string, { id: string; child: string }[]>;
  nested: Set<string>;
  roots: string[];
  /** Root template → the parameter files that deploy it. */
  sets: Map<string, ParameterFile[]>;
  notes: Map<string, string[]>;
}

function readGroup(files: readonly InfraFileText[], options: CloudFormationParseOptions): Group {
  const templates = new Map<string, Template>();
  const parameterFiles: ParameterFile[] = [];
  const failures = new Map<string, ParsedInfraFile>();
  for (const { path, text } of files) {
    const parameters = parameterFileOf(path, text);
    if (parameters) {
      parameterFiles.push(parameters);
      continue;
    }
    try {
      templates.set(path, loadTemplate(path, text));
    } catch (error) {
      if (!(error instanceof YamlSyntaxError)) throw error;
      failures.set(path, { ok: false, path, format: 'cloudformation', line: error.line, message: error.message });
    }
  }
  const paths = [...templates.keys()].sort();
  const nesting = new Map([...templates.values()].map((template) => [template.path, nestedStacks(template, paths)]));
  const nested = new Set([...nesting.values()].flatMap((stacks) => stacks.map((stack) => stack.child)).filter((child) => templates.has(child)));
  const roots = paths.filter((candidate) => !nested.has(candidate));
  const { sets, notes } = tieParameterFiles(
    parameterFiles,
    roots.map((path) => templates.get(path)!),
    options.parameterFiles ?? {},
  );
  return { templates, failures, paths, nesting, nested, roots, sets, notes };
}

/**
 * The parameters every deployment of a template sets, so that its `Default` is never used: for
 * a root template with parameter files, those all its files set; for a nested template, those
 * all its parents pass. For the configuration benchmark, which must not count a default nothing
 * deploys as a weakening.
 */
export function parametersAlwaysSet(files: readonly InfraFileText[], options: CloudFormationParseOptions = {}): Map<string, Set<string>> {
  const group = readGroup(files, options);
  const sets = new Map<string, Set<string>[]>();
  const add = (template: string, names: Iterable<string>) => sets.set(template, [...(sets.get(template) ?? []), new Set(names)]);
  for (const [template, deployments] of group.sets) for (const file of deployments) add(template, file.values.keys());
  for (const [parent, stacks] of group.nesting) {
    for (const { id, child } of stacks)
      add(child, Object.keys(asObject(asObject(asObject(asObject(group.templates.get(parent)?.template.Resources)[id]).Properties).Parameters)));
  }
  return new Map(
    [...sets].map(([template, [first, ...others]]) => [template, new Set([...(first ?? [])].filter((name) => others.every((other) => other.has(name))))]),
  );
}

/** Every template and parameter file of a version together: one result per file, in the order given. */
export function parseCloudFormationFiles(files: readonly InfraFileText[], options: CloudFormationParseOptions = {}): ParsedInfraFile[] {
  const { templates, failures, paths, nesting, nested, roots, sets, notes } = readGroup(files, options);
  const resources = new Map<string, Map<string, InfraResource[]>>();
  const visited = new Set<string>();
  const conditional = new Map<string, Set<string>>();
  // Roots first (templates no other template nests); then any template reached only through a cycle.
  for (const path of [...roots, ...paths.filter((candidate) => nested.has(candidate))]) {
    if (visited.has(path)) continue;
    const template = templates.get(path)!;
    const deployments = sets.get(path) ?? [];
    if (!deployments.length) instantiate(template, defaultsOf(template), { templates, nesting, visited, resources, conditional, chain: [path], instance: '' });
    for (const file of deployments)
      instantiate(template, withParameterFile(template, file), { templates, nesting, visited, resources, conditional, chain: [path], instance: file.path });
  }
  identifyInstances(resources);
  return files.map(({ path }) => {
    const failed = failures.get(path);
    if (failed) return failed;
    const conditions = [...(conditional.get(path) ?? [])];
    const fileNotes = [
      ...(notes.get(path) ?? []),
      ...(conditions.length
        ? [
            `infra: resources of ${path} exist only where the stack is deployed in a region or account that meets ${conditions[0]}${conditions.length > 1 ? ` (and ${conditions.length - 1} more)` : ''}; they are judged as they are when created`,
          ]
        : []),
    ];
    return {
      ok: true,
      path,
      format: 'cloudformation',
      resources: [...(resources.get(path)?.values() ?? [])].flat(),
      ...(fileNotes.length ? { notes: fileNotes } : {}),
    };
  });
}

/** Which root template each parameter file deploys, and a note for each file that fits none or sets what its template does not declare. */
function tieParameterFiles(files: readonly ParameterFile[], roots: readonly Template[], configured: Readonly<Record<string, readonly string[]>>) {
  const declared = roots.map((template) => ({ path: template.path, parameters: new Set(Object.keys(asObject(template.template.Parameters))) }));
  const sets = new Map<string, ParameterFile[]>();
  const notes = new Map<string, string[]>();
  for (const file of files) {
    const named = templatesFor(file, declared, configured);
    const tied = named.filter((path) => declared.some((template) => template.path === path));
    const missing = named.filter((path) => !tied.includes(path));
    if (missing.length) {
      notes.set(file.path, [
        `infra: infra.cloudformation.parameter-files names ${missing.join(', ')} for ${file.path}, which is not a root template of the repository (one no other template nests); it is not applied there`,
      ]);
    } else if (!tied.length) {
      notes.set(file.path, [
        `infra: ${file.path} is a CloudFormation parameter file, but no root template near it declares all its parameters; name its template in infra.cloudformation.parameter-files to apply it`,
      ]);
    }
    for (const path of tied) {
      sets.set(path, [...(sets.get(path) ?? []), file]);
      const parameters = declared.find((template) => template.path === path)?.parameters ?? new Set();
      const extra = [...file.values.keys()].filter((name) => !parameters.has(name));
      if (extra.length)
        notes.set(file.path, [
          ...(notes.get(file.path) ?? []),
          `infra: ${file.path} sets ${extra.join(', ')}, which ${path} does not declare (CloudFormation refuses such a parameter set)`,
        ]);
    }
  }
  return { sets, notes };
}

/**
 * A parameter's value as the resource receives it: a `CommaDelimitedList` or `List<...>` is a
 * list; a `Number` given as text (parameter files hold strings) is the number it validates as.
 */
function typed(declaration: Json, value: unknown): unknown {
  const type = typeof declaration.Type === 'string' ? declaration.Type : '';
  if (typeof value !== 'string') return value;
  if (type === 'CommaDelimitedList' || type.startsWith('List<')) return value.split(',').map((item) => item.trim());
  return type === 'Number' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
}

/** The parameters' `Default`s. */
function defaultsOf(template: Template): Map<string, ParameterBinding> {
  const bindings = new Map<string, ParameterBinding>();
  for (const [name, declaration] of Object.entries(asObject(template.template.Parameters))) {
    const parameter = asObject(declaration);
    if ('Default' in parameter) bindings.set(name, { value: typed(parameter, parameter.Default) });
  }
  return bindings;
}

/** The defaults, overridden by a parameter file's values (located on the file's lines). */
function withParameterFile(template: Template, file: ParameterFile): Map<string, ParameterBinding> {
  const bindings = defaultsOf(template);
  const declarations = asObject(template.template.Parameters);
  for (const [name, { value, place }] of file.values) bindings.set(name, { value: typed(asObject(declarations[name]), value), origin: place });
  return bindings;
}

/**
 * A resource (or nested stack) that exists only under an undecided condition. When the condition
 * hangs only on where the stack is deployed (`placementOnly`: the region, the account), the
 * resource is judged as it is when created: its configuration is the same wherever it exists.
 * When it hangs on a choice (a parameter without value), its verdicts are unknown.
 */
interface Existence {
  condition: Unresolved;
  placementOnly: boolean;
}

interface Walk {
  templates: ReadonlyMap<string, Template>;
  /** Each template's nested stacks and the repository template each runs. */
  nesting: ReadonlyMap<string, readonly { id: string; child: string }[]>;
  /** Which deployment this is: the root's parameter file (or `''`), then each nested stack on the way (`templates/main.yaml:Db`). */
  instance: string;
  visited: Set<string>;
  /** Per template, per deployment of it, its resources. */
  resources: Map<string, Map<string, InfraResource[]>>;
  /** The templates being evaluated, outermost first (a template nesting itself is not followed). */
  chain: readonly string[];
  /** Set when the stack itself exists only under a condition that is unknown. */
  existence?: Existence;
  /** Per template, the unknown conditions its resources exist under (for the file's note). */
  conditional: Map<string, Set<string>>;
}

/** Evaluates a template with its parameters bound, its nested local stacks with what it passes them. */
function instantiate(template: Template, parameters: ReadonlyMap<string, ParameterBinding>, walk: Walk): void {
  walk.visited.add(template.path);
  const scope = new TemplateScope(template.template, parameters);
  for (const [id, declaration] of Object.entries(asObject(template.template.Resources))) {
    const resource = asObject(declaration);
    if (typeof resource.Type !== 'string') continue;
    const condition = typeof resource.Condition === 'string' ? scope.condition(resource.Condition) : true;
    if (condition === false) continue;
    const existence: Existence | undefined = isUnresolved(condition)
      ? { condition, placementOnly: (walk.existence?.placementOnly ?? true) && scope.dependsOnlyOnPlacement(String(resource.Condition)) }
      : walk.existence;
    const evaluated = evaluateProperties(scope, resource.Properties ?? {});
    const instances = walk.resources.get(template.path) ?? new Map<string, InfraResource[]>();
    const list = instances.get(walk.instance) ?? [];
    if (existence?.placementOnly) walk.conditional.set(template.path, (walk.conditional.get(template.path) ?? new Set()).add(existence.condition.expression));
    const values = existence && !existence.placementOnly ? unresolved(`the resource exists only if ${existence.condition.expression}`) : evaluated.values;
    list.push(resourceOf(template, id, resource.Type, values, evaluated.origins));
    walk.resources.set(template.path, instances.set(walk.instance, list));
    const child = walk.templates.get(walk.nesting.get(template.path)?.find((stack) => stack.id === id)?.child ?? '');
    if (child && !walk.chain.includes(child.path)) {
      const passed = childParameters(template, id, scope, asObject(asObject(resource.Properties).Parameters), child);
      instantiate(child, passed, {
        ...walk,
        chain: [...walk.chain, child.path],
        instance: `${walk.instance}>${template.path}:${id}`,
        ...(existence ? { existence } : {}),
      });
    }
  }
}

/** The child's parameters: what the parent passes (located on the parent's line, or where the parent got it), else the child's defaults. */
function childParameters(parent: Template, id: string, scope: TemplateScope, passed: Json, child: Template): Map<string, ParameterBinding> {
  const bindings = defaultsOf(child);
  const declarations = asObject(child.template.Parameters);
  for (const [name, expression] of Object.entries(passed)) {
    const { value, origin } = scope.evaluateAt(expression);
    if (value === NO_VALUE) continue;
    const line = locate(parent.positions, ['Resources', id, 'Properties', 'Parameters', name]);
    bindings.set(name, { value: typed(asObject(declarations[name]), value), origin: origin ?? { path: parent.path, ...line } });
  }
  return bindings;
}

/** Properties evaluated, and for each value a parent's parameter decided, the place that set it. */
function evaluateProperties(scope: TemplateScope, properties: unknown): { values: Json; origins: Map<string, SourceRange> } {
  const origins = new Map<string, SourceRange>();
  const walk = (node: unknown, at: readonly (string | number)[]): unknown => {
    if (intrinsicOf(node)) {
      const { value, origin } = scope.evaluateAt(node);
      if (origin) origins.set(at.join('.'), origin);
      return value;
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...at, index])).filter((item) => item !== NO_VALUE);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .map(([key, item]) => [key, walk(item, [...at, key])] as const)
        .filter(([, item]) => item !== NO_VALUE),
    );
  };
  return { values: asObject(walk(properties, [])), origins };
}

/**
 * Resources keep their logical id as address (so `!Ref Vpc` still names `Vpc`). A template
 * deployed more than once (nested by two parents, or with two parameter files) gets one scope
 * per deployment: its resources are told apart, and a rule looking for "a flow log of this VPC"
 * looks inside the same deployment.
 */
function identifyInstances(resources: ReadonlyMap<string, ReadonlyMap<string, InfraResource[]>>): void {
  for (const [path, instances] of resources) {
    for (const [instance, list] of instances) {
      identifyInFile('cloudformation', list);
      if (instances.size > 1) for (const resource of list) resource.scope = `cloudformation:${path}@${instance}`;
    }
  }
}

function resourceOf(template: Template, id: string, type: string, values: Json | Unresolved, origins: ReadonlyMap<string, SourceRange>): InfraResource {
  const prefix = ['Resources', id, 'Properties'];
  return {
    address: id,
    type,
    format: 'cloudformation',
    path: template.path,
    range: locate(template.positions, ['Resources', id]),
    values: values as Json,
    locate: (attribute) => {
      for (let length = attribute.length; length > 0; length--) {
        const origin = origins.get(attribute.slice(0, length).join('.'));
        if (origin) return origin;
      }
      return attribute.length ? locate(template.positions, [...prefix, ...attribute]) : locate(template.positions, ['Resources', id]);
    },
  };
}

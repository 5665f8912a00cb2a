/**
 * CloudFormation templates (YAML with the short intrinsic tags, or JSON) into the normalized
 * infra model: one resource per logical id, its `Properties` evaluated (evaluate.ts) with the
 * template's parameters, conditions and mappings. All templates of a version are read
 * together: a nested stack whose `TemplateURL` (or a SAM application whose `Location`) is a
 * local path is evaluated with the parameters its parent passes, and a value set by a parent's
 * parameter is located on the parent's line.
 */
import { posix } from 'node:path';
import yaml from 'js-yaml';
import { locate, parseYamlDocuments, YamlSyntaxError, type PositionNode } from '../../yaml/positions.js';
import type { InfraFileText } from '../formats.js';
import { identifyInFile } from '../file-identity.js';
import { isUnresolved, unresolved, type InfraResource, type ParsedInfraFile, type SourceRange, type Unresolved } from '../model.js';
import { asObject, intrinsicOf, NO_VALUE, TemplateScope, type ParameterBinding } from './evaluate.js';

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

/** A nested stack's template as a repository path, when it is a local relative path (as `aws cloudformation package` reads it); else `undefined`. */
function localTemplatePath(from: string, resource: Json): string | undefined {
  const property = NESTED_TEMPLATE[String(resource.Type)];
  const url = property === undefined ? undefined : asObject(resource.Properties)[property];
  if (typeof url !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(url) || posix.isAbsolute(url) || url.includes('${')) return undefined;
  const path = posix.normalize(posix.join(posix.dirname(from), url));
  return path === '..' || path.startsWith('../') ? undefined : path;
}

function nestedStacks(template: Template): { id: string; child: string }[] {
  return Object.entries(asObject(template.template.Resources)).flatMap(([id, resource]) => {
    const child = localTemplatePath(template.path, asObject(resource));
    return child === undefined ? [] : [{ id, child }];
  });
}

/** Local nested-stack templates a template reads, from its text alone (for selecting files to scan). */
export function cloudFormationDependencies(path: string, text: string): string[] {
  try {
    return nestedStacks(loadTemplate(path, text)).map((stack) => stack.child);
  } catch {
    return [];
  }
}

/** One template alone: its parameters' defaults, no parent. */
export function parseCloudFormation(path: string, text: string): ParsedInfraFile {
  return parseCloudFormationFiles([{ path, text }])[0]!;
}

/** Every template of a version together: one result per file, in the order given. */
export function parseCloudFormationFiles(files: readonly InfraFileText[]): ParsedInfraFile[] {
  const templates = new Map<string, Template>();
  const failures = new Map<string, ParsedInfraFile>();
  for (const { path, text } of files) {
    try {
      templates.set(path, loadTemplate(path, text));
    } catch (error) {
      if (!(error instanceof YamlSyntaxError)) throw error;
      failures.set(path, { ok: false, path, format: 'cloudformation', line: error.line, message: error.message });
    }
  }
  const nested = new Set([...templates.values()].flatMap((template) => nestedStacks(template).map((stack) => stack.child)).filter((child) => templates.has(child)));
  const resources = new Map<string, InfraResource[]>();
  const visited = new Set<string>();
  const paths = [...templates.keys()].sort();
  // Roots first (templates no other template nests); then any template reached only through a cycle.
  for (const path of [...paths.filter((candidate) => !nested.has(candidate)), ...paths.filter((candidate) => nested.has(candidate))]) {
    if (visited.has(path)) continue;
    const template = templates.get(path)!;
    instantiate(template, defaultsOf(template), { templates, visited, resources, chain: [path] });
  }
  for (const list of resources.values()) identifyInFile('cloudformation', list);
  return files.map(({ path }) => failures.get(path) ?? { ok: true, path, format: 'cloudformation', resources: resources.get(path) ?? [] });
}

/** The parameters' `Default`s. */
function defaultsOf(template: Template): Map<string, ParameterBinding> {
  const bindings = new Map<string, ParameterBinding>();
  for (const [name, declaration] of Object.entries(asObject(template.template.Parameters))) {
    const parameter = asObject(declaration);
    if ('Default' in parameter) bindings.set(name, { value: parameter.Default });
  }
  return bindings;
}

interface Walk {
  templates: ReadonlyMap<string, Template>;
  visited: Set<string>;
  resources: Map<string, InfraResource[]>;
  /** The templates being evaluated, outermost first (a template nesting itself is not followed). */
  chain: readonly string[];
  /** Set when the stack itself exists only under a condition that is unknown. */
  existence?: Unresolved;
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
    const existence = isUnresolved(condition) ? unresolved(`the resource exists only if ${condition.expression}`) : walk.existence;
    const evaluated = evaluateProperties(scope, resource.Properties ?? {});
    const list = walk.resources.get(template.path) ?? [];
    list.push(resourceOf(template, id, resource.Type, existence ?? evaluated.values, evaluated.origins));
    walk.resources.set(template.path, list);
    const child = walk.templates.get(localTemplatePath(template.path, resource) ?? '');
    if (child && !walk.chain.includes(child.path)) {
      const passed = childParameters(template, id, scope, asObject(asObject(resource.Properties).Parameters), defaultsOf(child));
      instantiate(child, passed, { ...walk, chain: [...walk.chain, child.path], ...(existence ? { existence } : {}) });
    }
  }
}

/** The child's parameters: what the parent passes (located on the parent's line, or where the parent got it), else the child's defaults. */
function childParameters(parent: Template, id: string, scope: TemplateScope, passed: Json, defaults: Map<string, ParameterBinding>): Map<string, ParameterBinding> {
  const bindings = new Map(defaults);
  for (const [name, expression] of Object.entries(passed)) {
    const { value, origin } = scope.evaluateAt(expression);
    if (value === NO_VALUE) continue;
    const line = locate(parent.positions, ['Resources', id, 'Properties', 'Parameters', name]);
    bindings.set(name, { value, origin: origin ?? { path: parent.path, ...line } });
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
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item, [...at, key])] as const).filter(([, item]) => item !== NO_VALUE));
  };
  return { values: asObject(walk(properties, [])), origins };
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

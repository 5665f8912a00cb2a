/**
 * CloudFormation templates (YAML with the short intrinsic tags, or JSON) into the normalized
 * infra model: one resource per logical id, its `Properties` as values. `Ref` to a parameter
 * with a literal `Default` resolves; every other intrinsic function stays `Unresolved`.
 */
import yaml from 'js-yaml';
import { locate, parseYamlDocuments, YamlSyntaxError } from '../../yaml/positions.js';
import { unresolved, type InfraResource, type ParsedInfraFile } from '../model.js';

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

function asObject(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

export function parseCloudFormation(path: string, text: string): ParsedInfraFile {
  let document;
  try {
    document = parseYamlDocuments(text, CLOUDFORMATION_SCHEMA)[0];
  } catch (error) {
    if (error instanceof YamlSyntaxError) return { ok: false, path, format: 'cloudformation', line: error.line, message: error.message };
    throw error;
  }
  const template = asObject(document?.value);
  const positions = document?.positions ?? { startLine: 1, endLine: 1 };
  const parameters = asObject(template.Parameters);
  const resources: InfraResource[] = [];
  for (const [id, declaration] of Object.entries(asObject(template.Resources))) {
    const resource = asObject(declaration);
    if (typeof resource.Type !== 'string') continue;
    const prefix = ['Resources', id, 'Properties'];
    resources.push({
      address: id,
      type: resource.Type,
      format: 'cloudformation',
      path,
      range: locate(positions, ['Resources', id]),
      values: asObject(resolveIntrinsics(resource.Properties ?? {}, parameters)),
      locate: (attribute) => (attribute.length ? locate(positions, [...prefix, ...attribute]) : locate(positions, ['Resources', id])),
    });
  }
  return { ok: true, path, format: 'cloudformation', resources };
}

/** `{Ref: Param}` with a literal default becomes the default; other intrinsics become Unresolved. */
function resolveIntrinsics(value: unknown, parameters: Json): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveIntrinsics(item, parameters));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const [key, argument] = entries[0] ?? [];
  if (entries.length === 1 && key !== undefined && (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::'))) {
    const parameter = key === 'Ref' && typeof argument === 'string' ? asObject(parameters[argument]) : {};
    return 'Default' in parameter ? parameter.Default : unresolved(`${key === 'Ref' || key === 'Condition' ? key : `!${key.slice(4)}`} ${JSON.stringify(argument)}`);
  }
  return Object.fromEntries(entries.map(([name, item]) => [name, resolveIntrinsics(item, parameters)]));
}

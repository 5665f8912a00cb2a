/**
 * Checks requests against GitHub's own REST API description (`@octokit/openapi`,
 * api.github.com), so a test fails when we send something GitHub would reject:
 * an unknown method or path, an unknown query parameter or value, or a body that does
 * not fit the operation's requestBody schema.
 *
 *   expectValidGitHubRequest('POST', '/repos/o/r/check-runs', body);          // throws
 *   validateGitHubRequest('GET', '/repos/o/r/issues?state=all', undefined);  // string[]
 *
 *   const github = mockGitHub();             // nock, validating every intercepted request
 *   github.scope.post('/repos/o/r/check-runs').reply(201, {...});
 *   ...
 *   github.done();                            // every interceptor consumed, every request valid
 *
 * Bodies are checked strictly: a property the schema does not declare is a problem too
 * (GitHub ignores it, which hides typos such as `head_shaa`).
 */
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import './promise-with-resolvers.js';
import nock from 'nock';
import { githubLimitProblems } from '../github/github-limits.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
}

interface Operation {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonObject }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { parameters: Record<string, Parameter>; schemas: Record<string, JsonObject> };
}

/** An operation of the API description matched by method and concrete path. */
export interface MatchedOperation {
  operationId: string;
  template: string;
  method: string;
  pathParams: Record<string, string>;
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);

let loaded: { document: OpenApiDocument; routes: Route[] } | undefined;

interface Route {
  template: string;
  pattern: RegExp;
  names: string[];
  /** Literal characters in the template; the most literal match wins (`/issues/comments` over `/issues/{n}`). */
  literalLength: number;
}

function api(): { document: OpenApiDocument; routes: Route[] } {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const document = require('@octokit/openapi/generated/api.github.com.json') as OpenApiDocument;
    const routes = Object.keys(document.paths).map((template) => {
      const names: string[] = [];
      const source = template
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (name) {
            names.push(name);
            return '([^/]+)';
          }
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return { template, pattern: new RegExp(`^${source}$`), names, literalLength: template.replace(/\{[^}]+\}/g, '').length };
    });
    loaded = { document, routes };
  }
  return loaded;
}

/** Finds the operation for `method` + a concrete path (no query string, no GHES `/api/v3` prefix). */
export function findGitHubOperation(method: string, path: string): MatchedOperation | undefined {
  const { document, routes } = api();
  const lower = method.toLowerCase();
  const candidates = routes
    .map((route) => ({ route, match: route.pattern.exec(path) }))
    .filter(({ route, match }) => match && document.paths[route.template]?.[lower])
    .sort((a, b) => b.route.literalLength - a.route.literalLength);
  const best = candidates[0];
  if (!best?.match) return undefined;
  const operation = document.paths[best.route.template]![lower]!;
  const pathParams = Object.fromEntries(best.route.names.map((name, index) => [name, decodeURIComponent(best.match![index + 1]!)]));
  return { operationId: operation.operationId, template: best.route.template, method: lower, pathParams };
}

/**
 * Every problem GitHub's API description finds with a request; empty when it is valid.
 * `path` may carry a query string; `apiPrefix` is stripped first (`/api/v3` on GHES).
 */
export function validateGitHubRequest(method: string, path: string, body: unknown, apiPrefix = ''): string[] {
  const url = new URL(path.startsWith(apiPrefix) ? path.slice(apiPrefix.length) || '/' : path, 'http://github.invalid');
  const label = `${method.toUpperCase()} ${url.pathname}`;
  if (!HTTP_METHODS.has(method.toLowerCase())) return [`${label}: unsupported method`];
  const matched = findGitHubOperation(method, url.pathname);
  if (!matched) return [`${label}: no such operation in GitHub's REST API description`];
  const operation = api().document.paths[matched.template]![matched.method]!;
  const prefix = `${label} (${matched.operationId})`;
  return [
    ...validateQuery(operation, url.searchParams).map((problem) => `${prefix}: ${problem}`),
    ...validateBody(operation, matched, body).map((problem) => `${prefix}: ${problem}`),
  ];
}

/** Throws with every problem listed when GitHub would not accept the request. */
export function expectValidGitHubRequest(method: string, path: string, body: unknown, apiPrefix = ''): void {
  const problems = validateGitHubRequest(method, path, body, apiPrefix);
  if (problems.length) throw new Error(`request not valid for GitHub's API:\n${problems.join('\n')}`);
}

function resolveParameter(parameter: Parameter | { $ref: string }): Parameter {
  if ('$ref' in parameter) {
    const name = parameter.$ref.replace('#/components/parameters/', '');
    const resolved = api().document.components.parameters[name];
    if (!resolved) throw new Error(`unresolvable parameter ${parameter.$ref}`);
    return resolved;
  }
  return parameter;
}

function validateQuery(operation: Operation, query: URLSearchParams): string[] {
  const parameters = (operation.parameters ?? []).map(resolveParameter).filter((parameter) => parameter.in === 'query');
  const problems: string[] = [];
  for (const [name, value] of query) {
    const parameter = parameters.find((candidate) => candidate.name === name);
    if (!parameter) {
      problems.push(`unknown query parameter "${name}"`);
      continue;
    }
    const allowed = parameter.schema?.enum;
    if (Array.isArray(allowed) && !allowed.includes(value)) {
      problems.push(`query parameter ${name}=${value} is not one of ${allowed.map(String).join(', ')}`);
    }
    if (parameter.schema?.type === 'integer' && !/^-?\d+$/.test(value)) {
      problems.push(`query parameter ${name}=${value} is not an integer`);
    }
  }
  return problems;
}

const validators = new Map<string, ValidateFunction | undefined>();

function validateBody(operation: Operation, matched: MatchedOperation, body: unknown): string[] {
  const key = `${matched.method} ${matched.template}`;
  if (!validators.has(key)) validators.set(key, compileBodyValidator(operation));
  const validate = validators.get(key);
  const empty = body === undefined || body === '' || body === null;
  if (!validate) return empty ? [] : ['sends a body but the operation takes none'];
  if (empty) return operation.requestBody?.required ? ['requires a body but none was sent'] : [];
  const value: unknown = typeof body === 'string' ? parseJson(body) : body;
  if (value === undefined) return ['body is not JSON'];
  if (validate(value)) return [];
  return (validate.errors ?? []).map(describeError);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath || '(body)';
  if (error.keyword === 'additionalProperties') {
    return `${where}: property "${String(error.params.additionalProperty)}" is not in the schema`;
  }
  return `${where}: ${error.message ?? error.keyword}${error.keyword === 'enum' ? ` (${JSON.stringify(error.params.allowedValues)})` : ''}`;
}

let ajv: Ajv | undefined;

function compileBodyValidator(operation: Operation): ValidateFunction | undefined {
  const schema = operation.requestBody?.content['application/json']?.schema;
  if (!schema) return undefined;
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
    // ajv-formats is CommonJS: NodeNext types its default import as the module, whose `default` is the plugin.
    addFormatsModule.default(ajv);
  }
  return ajv.compile(toJsonSchema(schema, new Set(), false) as SchemaObject);
}

/**
 * OpenAPI 3.0 schema → JSON Schema: inlines `$ref`s (a cycle becomes `{}`), turns
 * `nullable: true` into an allowed `null`, and closes objects that declare properties
 * unless they sit in a combinator (where closing would reject the sibling's properties).
 */
function toJsonSchema(node: Json, seen: Set<string>, inCombinator: boolean): Json {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, seen, inCombinator));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const ref = node.$ref;
    if (seen.has(ref)) return {};
    const target = api().document.components.schemas[ref.replace('#/components/schemas/', '')];
    if (!target) throw new Error(`unresolvable schema ${ref}`);
    return toJsonSchema(target, new Set([...seen, ref]), inCombinator);
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example' || key === 'examples' || key === 'description' || key === 'discriminator') continue;
    const combinator = key === 'oneOf' || key === 'anyOf' || key === 'allOf';
    if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema, seen, false)]));
    } else {
      out[key] = toJsonSchema(value, seen, combinator || (inCombinator && key !== 'items'));
    }
  }
  if (out.properties && out.additionalProperties === undefined && !inCombinator) out.additionalProperties = false;
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

/** A nock scope for the GitHub API whose every intercepted request is checked against the description. */
export interface GitHubMock {
  scope: nock.Scope;
  /** Problems found so far, one line each. */
  problems: string[];
  /** Asserts every interceptor was consumed and every request was valid. */
  done(): void;
}

export function mockGitHub(baseUrl = 'https://api.github.com', apiPrefix = ''): GitHubMock {
  const scope = nock(baseUrl);
  const problems: string[] = [];
  scope.on('request', (request: Request, _interceptor: unknown, body: string) => {
    const url = new URL(request.url);
    problems.push(...validateGitHubRequest(request.method, `${url.pathname}${url.search}`, body, apiPrefix));
    problems.push(...githubLimitProblems(request.method, url.pathname, parseJson(body)));
  });
  return {
    scope,
    problems,
    done() {
      scope.done();
      if (problems.length) throw new Error(`requests not valid for GitHub's API:\n${problems.join('\n')}`);
    },
  };
}

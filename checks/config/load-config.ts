import type { z } from 'zod';
import { locate, parseYaml, YamlSyntaxError, type PositionNode, type YamlDocument } from '../yaml/positions.js';
import { closestName } from './closest-name.js';
import { configSchema, type Config } from './schema.js';

export const DEFAULT_CONFIG_PATH = '.github/hipaa-guard.yml';

export interface ConfigProblem {
  /** Dotted path of the offending key, `endpoints[0].url`; empty for the whole file. */
  path: string;
  line: number;
  message: string;
}

/** A config file that does not parse or does not fit the schema; lists every problem. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(problems.map((problem) => `${file}:${problem.line}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Parses and validates config text. `file` only names the source in errors. */
export function parseConfig(text: string, file: string = DEFAULT_CONFIG_PATH): Config {
  const document = parseConfigYaml(text, file);
  return validateConfig(document.value ?? {}, file, document.positions);
}

/** The YAML of a config file with the line of every node; a syntax error is a ConfigError on its line. */
export function parseConfigYaml(text: string, file: string): YamlDocument {
  try {
    return parseYaml(text);
  } catch (error) {
    if (error instanceof YamlSyntaxError) {
      throw new ConfigError(file, [{ path: '', line: error.line, message: `invalid YAML: ${error.message}` }]);
    }
    throw error;
  }
}

/**
 * Validates an already-parsed config object (Probot's `context.config` hands us one).
 * With positions, each endpoint records the line of its `url:` (reports point there);
 * without, problems point at line 1.
 */
export function validateConfig(value: unknown, file: string, positions?: PositionNode): Config {
  const result = configSchema.safeParse(value);
  if (result.success) {
    if (!positions) return result.data;
    const endpoints = result.data.endpoints.map((endpoint, index) => ({ ...endpoint, line: locate(positions, ['endpoints', index, 'url']).startLine }));
    return { ...result.data, endpoints };
  }
  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, positions));
  throw new ConfigError(
    file,
    problems.sort((a, b) => a.line - b.line),
  );
}

function describeIssue(issue: z.core.$ZodIssue, positions: PositionNode | undefined): ConfigProblem[] {
  const path = issue.path.filter((step): step is string | number => typeof step !== 'symbol');
  const lineOf = (steps: (string | number)[]) => (positions ? locate(positions, steps).startLine : 1);
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(configSchema, path);
    return issue.keys.map((key) => {
      const suggestion = closestName(key, known);
      return {
        path: formatPath([...path, key]),
        line: lineOf([...path, key]),
        message: `unknown key "${key}"; ${suggestion ? `did you mean "${suggestion}"?` : 'remove it or check its spelling'} (see schema/hipaa-guard.schema.json)`,
      };
    });
  }
  // A record key that fails its own schema: say what the key should look like, not just "Invalid key".
  const message = issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message).join('; ') : issue.message;
  return [{ path: formatPath(path), line: lineOf(path), message }];
}

/** What a zod schema node holds, as far as finding the keys of an object goes. */
interface SchemaNode {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaNode } }>;
  innerType?: { _zod: { def: SchemaNode } };
  element?: { _zod: { def: SchemaNode } };
  valueType?: { _zod: { def: SchemaNode } };
}

/** The keys the schema allows in the object at `path` (array indexes and record keys walked through). */
function keysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let node: SchemaNode | undefined = schema._zod.def;
  const unwrap = (): void => {
    while (node?.innerType) node = node.innerType._zod.def;
  };
  for (const step of path) {
    unwrap();
    if (node?.type === 'array') node = node.element?._zod.def;
    else if (node?.type === 'record') node = node.valueType?._zod.def;
    else node = typeof step === 'string' ? node?.shape?.[step]?._zod.def : undefined;
  }
  unwrap();
  return Object.keys(node?.shape ?? {});
}

function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, step) => (typeof step === 'number' ? `${text}[${step}]` : text ? `${text}.${step}` : step), '');
}

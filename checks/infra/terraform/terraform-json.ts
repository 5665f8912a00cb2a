/**
 * Terraform's JSON syntax (`.tf.json`) in the shape hcl2json gives `.tf` files, so one resolver
 * and one rule table serve both: every block (an object, or a list of objects) becomes a list
 * of bodies. Line ranges come from the JSON text itself.
 */
import { locate, parseYamlDocuments, type LineRange } from '../../yaml/positions.js';
import type { AttributePath } from '../rule.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A block body: nested objects (and lists of objects) are blocks, kept as lists. */
function body(value: unknown): Json {
  if (!isObject(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (isObject(item)) return [key, [body(item)]];
      if (Array.isArray(item) && item.length && item.every(isObject)) return [key, item.map(body)];
      return [key, item];
    }),
  );
}

const bodies = (value: unknown): Json[] => (Array.isArray(value) ? value.map(body) : [body(value)]);

/** `{ type: { name: body } }` (resources) or `{ name: body }` (variables) → lists of bodies under each label. */
function labelled(value: unknown, depth: number): unknown {
  if (depth === 0) return bodies(value);
  return isObject(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, labelled(item, depth - 1)])) : {};
}

const LABELS: Record<string, number> = { resource: 2, data: 2, variable: 1, output: 1, module: 1, provider: 1, locals: 0, moved: 0, terraform: 0 };

export interface TerraformJson {
  body: Json;
  locate(path: AttributePath): LineRange;
}

/** Parses `.tf.json` (or, with `varFile`, `.tfvars.json`: variable values as they are); throws YamlSyntaxError (with the line) on malformed JSON. */
export function parseTerraformJson(text: string, varFile = false): TerraformJson {
  const document = parseYamlDocuments(text)[0];
  const raw = document?.value;
  const positions = document?.positions ?? { startLine: 1, endLine: 1 };
  const normalized = !isObject(raw)
    ? {}
    : varFile
      ? raw
      : Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, labelled(value, LABELS[key] ?? 0)]));
  return {
    body: normalized,
    // The normalized path has a list index where the JSON may hold a single object: skip it there.
    locate: (path) => {
      const steps: (string | number)[] = [];
      let current: unknown = raw;
      for (const step of path) {
        if (typeof step === 'number' && !Array.isArray(current)) continue;
        steps.push(step);
        current = Array.isArray(current) ? current[step as number] : isObject(current) ? current[String(step)] : undefined;
      }
      return locate(positions, steps);
    },
  };
}

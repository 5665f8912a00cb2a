import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../checks/config/json-schema.js';

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
}

/** Every property of every object in the schema, with its dotted path. */
function properties(node: SchemaNode, path = ''): [string, SchemaNode][] {
  const own = Object.entries(node.properties ?? {}).flatMap(([key, child]) => [
    [`${path}${key}`, child] as [string, SchemaNode],
    ...properties(child, `${path}${key}.`),
  ]);
  const items = node.items ? properties(node.items, `${path}[].`) : [];
  const values = typeof node.additionalProperties === 'object' ? properties(node.additionalProperties, `${path}*.`) : [];
  return [...own, ...items, ...values];
}

describe('the config JSON Schema', () => {
  const schema = configJsonSchema() as SchemaNode;

  it('is committed as generated (run `npx tsx scripts/gen-schema.ts` after changing the schema)', () => {
    const committed: unknown = JSON.parse(readFileSync('schema/hipaa-guard.schema.json', 'utf8'));
    expect(committed).toEqual(schema);
  });

  it('documents every key', () => {
    const undocumented = properties(schema)
      .filter(([, node]) => !node.description)
      .map(([path]) => path);
    expect(undocumented).toEqual([]);
  });

  it('forbids unknown keys, as the loader does', () => {
    expect(schema).toMatchObject({ additionalProperties: false });
  });
});

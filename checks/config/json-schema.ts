import { z } from 'zod';
import { configSchema } from './schema.js';

/** The config file's JSON Schema for editors (yaml-language-server), generated from the one zod schema. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'hipaa-guard configuration',
  };
}

// Writes schema/hipaa-guard.schema.json from the config schema: `npx tsx scripts/gen-schema.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { configJsonSchema } from '../checks/config/json-schema.js';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/hipaa-guard.schema.json', `${JSON.stringify(configJsonSchema(), null, 2)}\n`);

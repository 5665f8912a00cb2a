import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES } from '../../action/inputs.js';
import { DOCS_PATH, readManifest, withGeneratedTables } from './action-docs.js';

describe('action.yml', () => {
  it('runs the committed bundle on node24 and declares exactly the inputs the Action reads', async () => {
    const manifest = await readManifest();
    expect(manifest.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    expect(Object.keys(manifest.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    expect(Object.keys(manifest.outputs).sort()).toEqual(['blocking', 'conclusion', 'findings', 'report-json', 'sarif-file']);
  });

  it('is documented in docs/action.md by tables generated from it (npx tsx test/action/action-docs.ts)', async () => {
    const docs = await readFile(DOCS_PATH, 'utf8');
    expect(withGeneratedTables(docs, await readManifest())).toBe(docs);
  });
});

/**
 * The inputs and outputs tables of docs/action.md, generated from action.yml.
 * `npx tsx test/action/action-docs.ts` rewrites them; action-docs.test.ts fails when they differ.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DOCS_PATH = `${ROOT}docs/action.md`;

export interface ActionManifest {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

export async function readManifest(): Promise<ActionManifest> {
  return yaml.load(await readFile(`${ROOT}action.yml`, 'utf8')) as ActionManifest;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');

function inputsTable(manifest: ActionManifest): string {
  const rows = Object.entries(manifest.inputs).map(
    ([name, input]) => `| \`${name}\` | ${input.default ? `\`${cell(input.default)}\`` : '(empty)'} | ${cell(input.description)} |`,
  );
  return ['| Input | Default | Description |', '|---|---|---|', ...rows].join('\n');
}

function outputsTable(manifest: ActionManifest): string {
  const rows = Object.entries(manifest.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`);
  return ['| Output | Description |', '|---|---|', ...rows].join('\n');
}

/** The docs with both generated sections replaced. */
export function withGeneratedTables(markdown: string, manifest: ActionManifest): string {
  const replace = (text: string, name: string, table: string) =>
    text.replace(new RegExp(`(<!-- ${name}:begin[^>]*-->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`), (_, begin: string, end: string) => `${begin}${table}\n${end}`);
  return replace(replace(markdown, 'action-inputs', inputsTable(manifest)), 'action-outputs', outputsTable(manifest));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const docs = await readFile(DOCS_PATH, 'utf8');
  await writeFile(DOCS_PATH, withGeneratedTables(docs, await readManifest()));
}

/**
 * Every YAML snippet of the README and docs/ parses: a recipe a user copies must not fail on a
 * misplaced indent. Blocks fenced as ```yaml or ```yml are extracted and parsed with js-yaml
 * (CloudFormation's short tags such as `!Ref` allowed, as the CloudFormation parser allows them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CLOUDFORMATION_SCHEMA } from '../../checks/infra/cloudformation/parse-cloudformation.js';

interface Snippet {
  file: string;
  line: number;
  text: string;
}

/** The ```yaml blocks of a Markdown file, with the line each starts on (indented fences too). */
function yamlSnippets(file: string, markdown: string): Snippet[] {
  const snippets: Snippet[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)```ya?ml\s*$/.exec(lines[index]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) body.push(lines[end++]!.slice(indent));
    snippets.push({ file, line: index + 2, text: body.join('\n') });
    index = end;
  }
  return snippets;
}

const files = ['README.md', ...readdirSync('docs').filter((name) => name.endsWith('.md')).map((name) => join('docs', name))];
const snippets = files.flatMap((file) => yamlSnippets(file, readFileSync(file, 'utf8')));

describe('YAML snippets in the README and docs', () => {
  it('Given the README and docs, when their YAML blocks are extracted, then the workflow recipes are among them', () => {
    expect(snippets.filter((snippet) => snippet.file === 'README.md' && /\bon:\n/.test(snippet.text)).length).toBeGreaterThanOrEqual(2);
    expect(snippets.some((snippet) => snippet.text.includes('merge_group:'))).toBe(true);
  });

  it.each(snippets.map((snippet) => [`${snippet.file}:${snippet.line}`, snippet] as const))('%s parses', (_where, snippet) => {
    expect(() => loadAll(snippet.text, undefined, { schema: CLOUDFORMATION_SCHEMA })).not.toThrow();
  });
});

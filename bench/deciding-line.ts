/**
 * The "exact line" criterion of the peer bench and of the rule-example test: a finding sits on
 * the line that sets or opens the attribute or block its rule's failing verdict names. Read off
 * the source text, not off the parser's positions, so it checks them.
 */
import type { InfraResource } from '../checks/infra/model.js';
import { valueAt, verdictList, type AttributePath, type InfraRule } from '../checks/infra/rule.js';

/** The key a source line sets or opens: `name =`, `name {`, `Name:`, `"Name":`, `- Name:`. */
function keyOfLine(line: string): string | undefined {
  return /^\s*(?:-\s+)?"?([\w:./-]+)"?\s*(?:=|\{|:)/.exec(line)?.[1];
}

/** The part of `path` that is there in `values`: where a finding about an absent attribute belongs. */
function presentPrefix(values: unknown, path: AttributePath): AttributePath {
  let end = path.length;
  while (end > 0 && valueAt(values, path.slice(0, end)) === undefined) end--;
  return path.slice(0, end);
}

/**
 * Whether `line` (1-based, in `text`) holds what one of the rule's failing verdicts on `resource`
 * names: the deepest attribute or block of the verdict's path that is there, or the resource's own
 * first line (or CloudFormation's `Properties:`) for a verdict about the resource itself. Read off
 * the source text, not off the parser's positions.
 */
export function onDecidingLine(rule: InfraRule, resource: InfraResource, resources: readonly InfraResource[], text: string, line: number): boolean {
  const source = text.split('\n')[line - 1] ?? '';
  const key = keyOfLine(source);
  return verdictList(rule.check(resource, { resources })).some((verdict) => {
    if (verdict.verdict !== 'fail') return false;
    const present = presentPrefix(resource.values, verdict.path);
    const named = present.filter((step): step is string => typeof step === 'string');
    if (!named.length) return line === resource.range.startLine || (resource.format === 'cloudformation' && key === 'Properties');
    // A list item (a YAML `- ` entry) opens on its first line, whatever key that line holds.
    return key === named.at(-1) || (typeof present.at(-1) === 'number' && /^\s*-\s/.test(source));
  });
}

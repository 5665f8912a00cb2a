import { ENDPOINT_RULES } from '../endpoint/rules.js';
import type { Rule } from '../model/rule.js';

/**
 * Every rule of every family, in docs order. Each family adds one spread line here;
 * the registry test keeps ids and aliases unique and well-formed.
 */
export const ALL_RULES: readonly Rule[] = [...ENDPOINT_RULES];

const byId = new Map<string, Rule>();
for (const rule of ALL_RULES) {
  byId.set(rule.id, rule);
  for (const alias of rule.aliases ?? []) byId.set(alias, rule);
}

/** The rule with this id, or the rule that took it over after a rename (its `aliases`). */
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

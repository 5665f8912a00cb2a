import { ENDPOINT_RULES } from '../endpoint/rules.js';
import { ENV_RULES } from '../environments/rules.js';
import { GENERAL_RULES } from '../infra/rules/general.js';
import { INFRA_RULES } from '../infra/rules/index.js';
import type { Rule } from '../model/rule.js';

/**
 * Every rule of every family, in docs order. Each family adds one spread line here;
 * the registry test keeps ids and aliases unique and well-formed.
 */
export const ALL_RULES: readonly Rule[] = [...ENDPOINT_RULES, ...ENV_RULES, ...INFRA_RULES, ...GENERAL_RULES];

/** A lookup by id that also resolves each rule's `aliases` (the ids it had before a rename). */
export function ruleLookup(rules: readonly Rule[]): (id: string) => Rule | undefined {
  const byId = new Map<string, Rule>();
  for (const rule of rules) {
    byId.set(rule.id, rule);
    for (const alias of rule.aliases ?? []) byId.set(alias, rule);
  }
  return (id) => byId.get(id);
}

/** The rule with this id, or the rule that took it over after a rename. */
export const ruleById: (id: string) => Rule | undefined = ruleLookup(ALL_RULES);

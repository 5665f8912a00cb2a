/** Every infrastructure rule. A rule family registers with one line here. */
import type { InfraRule } from '../rule.js';

export const INFRA_RULES: readonly InfraRule[] = [];

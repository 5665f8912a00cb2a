/** Rules about the checking itself (family `general`): files that could not be checked, suppressions that are not honoured. */
import type { Rule } from '../../model/rule.js';

export const PARSE_ERROR_RULE: Rule = {
  id: 'PARSE-ERROR',
  title: 'Infrastructure file could not be checked',
  family: 'general',
  severity: 'high',
  safeguard: 'integrity',
  description:
    "An infrastructure file at the head of the change does not parse, or is over the size limit, so none of its safeguards could be checked. Nothing is skipped silently: the file is reported with the parser's message and line.",
  remediation: 'Fix the syntax error at the reported line (run `terraform validate` or your YAML linter), or split the file below the size limit.',
};

export const SUPPRESSION_INVALID_RULE: Rule = {
  id: 'SUPPRESSION-INVALID',
  title: 'Suppression comment is not honoured',
  family: 'general',
  severity: 'medium',
  safeguard: 'audit-controls',
  description:
    'A `hipaa-guard:ignore` comment has no `reason="..."`, a malformed `until=` date, or has expired. It does not suppress anything; the findings it meant to hide are reported.',
  remediation:
    'Write `# hipaa-guard:ignore RULE-ID reason="why this is acceptable" until=YYYY-MM-DD`, renew an expired one only after review, or fix the finding.',
};

export const GENERAL_RULES: readonly Rule[] = [PARSE_ERROR_RULE, SUPPRESSION_INVALID_RULE];

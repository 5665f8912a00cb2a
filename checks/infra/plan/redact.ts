/**
 * Secrets never reach a report. Two nets: every string the plan marks sensitive is replaced
 * wherever it appears in a finding, unknown or strengthening; and an outcome whose judged
 * attribute is marked (its location carries `JUDGED_SENSITIVE`) has its values replaced
 * whatever their type. Plans from Terraform 0.12-0.14 carry no marks: there only the judged
 * attribute is ever shown, never a whole resource, nor the plan's `variables`.
 */
import type { Evidence, Finding, Location } from '../../model/finding.js';
import type { Strengthening, UnknownOutcome } from '../../model/report.js';
import { describeValue } from '../rule.js';
import { SENSITIVE } from './plan-values.js';

/** Set on a location (a symbol: never serialized) when the attribute judged there is marked sensitive. */
export const JUDGED_SENSITIVE = Symbol('hipaa-guard.plan.judged-sensitive');

type Marked = Location & { [JUDGED_SENSITIVE]?: boolean };

export class Redactor {
  private readonly secrets: string[];

  constructor(secrets: Iterable<string>) {
    // Longest first, so a secret that contains another is replaced whole.
    this.secrets = [...new Set(secrets)].sort((a, b) => b.length - a.length);
  }

  text(text: string): string {
    let result = text;
    for (const secret of this.secrets) if (result.includes(secret)) result = result.split(secret).join(SENSITIVE);
    return result;
  }

  value(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.value(item)]));
    return value;
  }

  finding(finding: Finding): Finding {
    const judged = takeMark(finding.location);
    let message = finding.message;
    let evidence: Evidence = finding.evidence;
    if (judged) {
      evidence = { ...evidence };
      for (const key of ['actual', 'before', 'after'] as const) {
        if (!(key in evidence)) continue;
        const shown = describeValue(evidence[key]);
        if (evidence[key] !== null && evidence[key] !== undefined) message = message.split(shown).join(SENSITIVE);
        evidence[key] = evidence[key] === null ? null : SENSITIVE;
      }
    }
    return { ...finding, message: this.text(message), evidence: this.value(evidence) as Evidence };
  }

  outcome<T extends UnknownOutcome | Strengthening>(outcome: T): T {
    const judged = takeMark(outcome.location);
    // A strengthening names both values; when they are secret, say only that it changed.
    const message = judged ? outcome.message.replace(/ changed from .*$/, ` changed: ${SENSITIVE}`) : outcome.message;
    return { ...outcome, message: this.text(message) };
  }
}

/** Reads and removes the mark. */
function takeMark(location: Location): boolean {
  const marked = location as Marked;
  const judged = marked[JUDGED_SENSITIVE] === true;
  delete marked[JUDGED_SENSITIVE];
  return judged;
}

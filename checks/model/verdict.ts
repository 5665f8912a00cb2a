/**
 * The one verdict of a run: does it fail the gate? The CLI's exit code, the Action's step and
 * the check run's conclusion all read it here, so they can never disagree.
 *
 * - fail: a finding at or above `failOn` blocks (pre-existing, unchanged violations only with
 *   `blockExisting`), or something could not be evaluated at all (an errored outcome: config,
 *   connectivity, engine, bug). Nothing that was not measured passes quietly.
 * - pass: neither. Unknown outcomes (a value out of our hands) do not fail, but are counted
 *   so every output can show them.
 * `failOn: never` never fails; the report still lists everything.
 */
import type { FailOn, Finding } from './finding.js';
import { blockingFindings, type ErroredOutcome, type Report } from './report.js';

export interface VerdictPolicy {
  failOn: FailOn;
  /** `infra.block-existing`: unchanged, pre-existing violations block too. */
  blockExisting?: boolean;
}

export interface Verdict {
  outcome: 'pass' | 'fail';
  blocking: Finding[];
  /** What could not be evaluated: each fails the gate (unless `failOn` is `never`). */
  errors: ErroredOutcome[];
  /** Rules that could not decide: shown, never a pass or a fail. */
  unknown: number;
  /** One line: why the gate failed, or that it held. */
  summary: string;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function verdictOf(report: Report, policy: VerdictPolicy): Verdict {
  const blocking = blockingFindings(report, policy.failOn, policy.blockExisting);
  const errors = policy.failOn === 'never' ? [] : report.errors;
  const fails = policy.failOn !== 'never' && (blocking.length > 0 || errors.length > 0);
  const reasons = [
    ...(blocking.length ? [`${plural(blocking.length, 'blocking finding')} at or above fail-on: ${policy.failOn}`] : []),
    ...(errors.length
      ? [
          `${plural(errors.length, 'check')} could not run (${errors
            .map((error) => error.target)
            .slice(0, 3)
            .join(', ')}${errors.length > 3 ? ', ...' : ''})`,
        ]
      : []),
  ];
  const unknown = report.unknown.length;
  const held = `no blocking findings at or above fail-on: ${policy.failOn}${unknown ? `; ${plural(unknown, 'rule')} could not decide (unknown)` : ''}`;
  return { outcome: fails ? 'fail' : 'pass', blocking, errors, unknown, summary: fails ? reasons.join('; ') : held };
}

/**
 * `# hipaa-guard:ignore RULE-ID reason="..." [until=YYYY-MM-DD]` (or `//`) on the line before a
 * block or attribute. It suppresses that rule's findings on the next line, or anywhere inside
 * the block that starts there. A suppression without reason, with a bad date or past its
 * date suppresses nothing and is itself reported.
 */
import { makeFinding, type Finding } from '../model/finding.js';
import type { SuppressedFinding } from '../model/report.js';
import { SUPPRESSION_INVALID_RULE } from './rules/general.js';
import type { LineRange } from './model.js';

export interface Suppression {
  ruleId: string;
  reason?: string;
  until?: string;
  /** The comment's own line. */
  line: number;
  /** The first line after it that is neither blank nor a comment: the block or attribute it covers. */
  target: number;
}

const IGNORE = /(?:#|\/\/)\s*hipaa-guard:ignore\s+([A-Za-z0-9_*-]+)(.*)$/;
const COMMENT_OR_BLANK = /^\s*(#|\/\/|$)/;

export function readSuppressions(text: string): Suppression[] {
  const lines = text.split('\n');
  const suppressions: Suppression[] = [];
  lines.forEach((line, index) => {
    const match = IGNORE.exec(line);
    if (!match) return;
    const options = match[2] ?? '';
    const reason = /reason="([^"]*)"/.exec(options)?.[1]?.trim();
    const until = /until=(\S+)/.exec(options)?.[1];
    let target = index + 1;
    while (target < lines.length && COMMENT_OR_BLANK.test(lines[target] ?? '')) target++;
    suppressions.push({
      ruleId: match[1]!,
      line: index + 1,
      target: target + 1,
      ...(reason ? { reason } : {}),
      ...(until ? { until } : {}),
    });
  });
  return suppressions;
}

/** Why a suppression cannot be honoured on `today` (YYYY-MM-DD), or `undefined` when it is valid. */
function suppressionProblem(suppression: Suppression, today: string): string | undefined {
  if (!suppression.reason) return `suppression of ${suppression.ruleId} has no reason; write reason="..."`;
  if (suppression.until === undefined) return undefined;
  if (!isCalendarDate(suppression.until)) {
    return `suppression of ${suppression.ruleId} has until=${suppression.until}; expected a date as YYYY-MM-DD`;
  }
  if (suppression.until < today) return `suppression of ${suppression.ruleId} expired on ${suppression.until}`;
  return undefined;
}

/** YYYY-MM-DD naming a real day: Date.parse rolls 2026-02-30 over to 2026-03-02 instead of refusing it. */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

export interface SuppressionResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

/**
 * Splits one file's findings into kept and suppressed; adds a SUPPRESSION-INVALID finding for
 * each suppression that cannot be honoured. `blocks` are the file's resource ranges.
 */
export function applySuppressions(path: string, text: string, findings: readonly Finding[], blocks: readonly LineRange[], now: Date): SuppressionResult {
  const lines = text.split('\n');
  return applySuppressionList(path, readSuppressions(text), findings, blocks, now, (line) => lines[line - 1]?.trim());
}

/**
 * The same over suppressions already read (another family that reads the file its own way).
 * `lineText` gives the comment's text for the evidence of an invalid suppression.
 */
export function applySuppressionList(
  path: string,
  suppressions: readonly Suppression[],
  findings: readonly Finding[],
  blocks: readonly LineRange[],
  now: Date,
  lineText: (line: number) => string | undefined = () => undefined,
): SuppressionResult {
  const today = now.toISOString().slice(0, 10);
  const result: SuppressionResult = { findings: [], suppressed: [] };
  const valid: Suppression[] = [];
  for (const suppression of suppressions) {
    const problem = suppressionProblem(suppression, today);
    if (!problem) {
      valid.push(suppression);
      continue;
    }
    const text = lineText(suppression.line);
    result.findings.push(
      makeFinding(SUPPRESSION_INVALID_RULE, {
        message: problem,
        location: { kind: 'file', path, startLine: suppression.line, endLine: suppression.line },
        subject: `${path}#${suppression.ruleId}#${suppression.target}`,
        ...(text === undefined ? {} : { evidence: { actual: text } }),
      }),
    );
  }
  for (const finding of findings) {
    const covering = valid.find((suppression) => covers(suppression, finding, blocks));
    if (!covering) {
      result.findings.push(finding);
      continue;
    }
    result.suppressed.push({
      finding,
      reason: covering.reason!,
      ...(covering.until ? { until: covering.until } : {}),
      source: { kind: 'file', path, startLine: covering.line, endLine: covering.line },
    });
  }
  return result;
}

/** On the line before the finding's line, or before the block that holds it. */
export function covers(suppression: Suppression, finding: Finding, blocks: readonly LineRange[]): boolean {
  if (finding.location.kind !== 'file' || suppression.ruleId !== finding.ruleId) return false;
  const line = finding.location.startLine;
  if (line === suppression.target) return true;
  return blocks.some((block) => block.startLine === suppression.target && block.startLine <= line && line <= block.endLine);
}

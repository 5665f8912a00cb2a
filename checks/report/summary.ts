import { CHANGES, locationLabel, SEVERITIES, type Change, type Finding, type Severity } from '../model/finding.js';
import type { ErroredOutcome, Report, ScanTarget } from '../model/report.js';
import { SAFEGUARD_IDS, type Safeguard } from '../model/safeguards.js';

/** Findings with no `change` (endpoint probes, environment checks) were observed as they are now. */
export type ChangeColumn = Change | 'observed';
export const CHANGE_COLUMNS: readonly ChangeColumn[] = [...CHANGES, 'observed'];

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export interface SafeguardCounts {
  safeguard: Safeguard;
  total: number;
  byChange: Record<ChangeColumn, number>;
}

/** One row per safeguard (all five, in 164.312 order), so an audit shows the zeros too. */
export function countBySafeguard(findings: readonly Finding[]): SafeguardCounts[] {
  return SAFEGUARD_IDS.map((safeguard) => {
    const byChange = Object.fromEntries(CHANGE_COLUMNS.map((column) => [column, 0])) as Record<ChangeColumn, number>;
    const mine = findings.filter((finding) => finding.safeguard === safeguard);
    for (const finding of mine) byChange[finding.change ?? 'observed']++;
    return { safeguard, total: mine.length, byChange };
  });
}

function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** `3 findings (1 critical, 2 high) · 1 suppressed · 1 unknown · 2 errors · 1 strengthened`. */
export function summaryLine(report: Report): string {
  const counts = countBySeverity(report.findings);
  const severities = SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => `${counts[severity]} ${severity}`);
  const parts = [plural(report.findings.length, 'finding') + (severities.length ? ` (${severities.join(', ')})` : '')];
  if (report.suppressed.length) parts.push(`${report.suppressed.length} suppressed`);
  if (report.unknown.length) parts.push(`${report.unknown.length} unknown`);
  if (report.errors.length) parts.push(plural(report.errors.length, 'error'));
  if (report.strengthened.length) parts.push(`${report.strengthened.length} strengthened`);
  return parts.join(' · ');
}

/** `https://api.example.org (203.0.113.7, native)`, `repo . base..head (12 files)` or `plan plan.json (40 resource changes)`. */
export function targetLabel(target: ScanTarget): string {
  if (target.kind === 'endpoint') {
    const details = [target.address, target.engine].filter(Boolean).join(', ');
    return `${target.url} (${details})`;
  }
  if (target.kind === 'plan') return `plan ${target.source} (${plural(target.changes, 'resource change')})`;
  const range = `${target.base ?? 'working tree'}..${target.head ?? 'working tree'}`;
  return `repository ${target.root} ${range} (${plural(target.files, 'file')})`;
}

/** Makes text from observed servers and files safe to print: no terminal control sequences. */
export function stripControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD');
}

/** One line of text from servers and files: no line breaks, no terminal escape sequences. */
export function oneLine(text: string): string {
  return stripControl(text.replace(/\s*\r?\n\s*/g, ' '));
}

/** Where an error happened, when that says more than its target (a line, an address). */
export function errorPlace(entry: ErroredOutcome): string | undefined {
  const label = entry.location ? locationLabel(entry.location) : undefined;
  return label === entry.target ? undefined : label;
}

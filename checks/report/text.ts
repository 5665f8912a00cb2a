import { compareFindings, locationLabel, severityRank, type Finding, type Location, type Severity } from '../model/finding.js';
import type { Report, UnknownOutcome } from '../model/report.js';
import { errorPlace, oneLine, summaryLine, targetLabel } from './summary.js';

export interface TextOptions {
  /** ANSI colours; the CLI passes `stream.isTTY && !NO_COLOR`. */
  color?: boolean;
}

const SEVERITY_COLOR: Record<Severity, string> = {
  critical: '\u001b[1;35m',
  high: '\u001b[1;31m',
  medium: '\u001b[33m',
  low: '\u001b[36m',
  info: '\u001b[2m',
};
const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

type Paint = (style: string, text: string) => string;

const INDENT = '    ';

/**
 * The terminal report: findings grouped by location (worst first), then suppressed, unknown,
 * errored, strengthened and notes, closed by a one-line summary with counts.
 */
export function renderText(report: Report, options: TextOptions = {}): string {
  const paint: Paint = options.color ? (style, text) => `${style}${text}${RESET}` : (_style, text) => text;
  const lines: string[] = [header(report, paint), ''];

  const explained = new Set<string>();
  for (const [label, findings] of groupByLocation(report.findings)) {
    lines.push(paint(BOLD, label));
    for (const finding of findings) {
      lines.push(...findingLines(finding, paint, !explained.has(finding.ruleId)));
      explained.add(finding.ruleId);
    }
    lines.push('');
  }

  section(lines, paint, 'Suppressed', report.suppressed, (entry) => {
    const until = entry.until ? ` until ${entry.until}` : '';
    return [
      `${paint(DIM, '[suppressed]')} ${entry.finding.ruleId} at ${where(entry.finding.location)}: ${oneLine(entry.finding.message)}`,
      `${INDENT}reason: ${oneLine(entry.reason)}${until}`,
    ];
  });
  section(lines, paint, 'Unknown (could not decide)', groupUnknown(report.unknown), ({ ruleIds, location, message }) => [
    `${ruleIds.join(', ')} at ${where(location)}: ${oneLine(message)}`,
  ]);
  section(lines, paint, 'Errors (not evaluated)', report.errors, (entry) => [
    `[${entry.category}] ${oneLine(entry.target)}${errorPlace(entry) ? ` (${oneLine(errorPlace(entry) ?? '')})` : ''}: ${oneLine(entry.message)}`,
  ]);
  section(lines, paint, 'Strengthened', report.strengthened, (entry) => [`${entry.ruleId} at ${where(entry.location)}: ${oneLine(entry.message)}`]);
  section(lines, paint, 'Notes', report.notes, (note) => [oneLine(note)]);

  lines.push(paint(BOLD, summaryLine(report)));
  return `${lines.join('\n')}\n`;
}

function header(report: Report, paint: Paint): string {
  const profile = report.profile ? ` · profile ${report.profile.name} ${report.profile.version}` : '';
  const targets = report.targets.length === 1 && report.targets[0] ? oneLine(targetLabel(report.targets[0])) : `${report.targets.length} targets`;
  return paint(DIM, `${report.tool.name} ${report.tool.version}${profile} · ${targets} · ${report.startedAt}`);
}

/** The remediation is printed at a rule's first finding only; later ones point back to it. */
function findingLines(finding: Finding, paint: Paint, explain: boolean): string[] {
  const severity = paint(SEVERITY_COLOR[finding.severity], finding.severity.toUpperCase().padEnd(8));
  const change = finding.change ? ` [${finding.change}]` : '';
  const fix = explain ? oneLine(finding.remediation) : 'see above';
  return [
    `  ${severity} ${finding.ruleId}${change}  ${finding.title}`,
    `  ${INDENT}${oneLine(finding.message)}`,
    `  ${INDENT}${paint(DIM, `${finding.citation} · fix: ${fix}`)}`,
  ];
}

/** Rules that could not decide at one place for one reason share a line. */
function groupUnknown(unknown: readonly UnknownOutcome[]): { ruleIds: string[]; location: Location; message: string }[] {
  const groups = new Map<string, { ruleIds: string[]; location: Location; message: string }>();
  for (const entry of unknown) {
    const key = `${locationLabel(entry.location)}\u0000${entry.message}`;
    const group = groups.get(key);
    if (group) group.ruleIds.push(entry.ruleId);
    else groups.set(key, { ruleIds: [entry.ruleId], location: entry.location, message: entry.message });
  }
  return [...groups.values()];
}

/** Locations ordered by their worst finding, each location's findings by severity. */
function groupByLocation(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of [...findings].sort(compareFindings)) {
    const label = where(finding.location);
    groups.set(label, [...(groups.get(label) ?? []), finding]);
  }
  const worst = (group: Finding[]) => Math.min(...group.map((finding) => severityRank(finding.severity)));
  return [...groups].sort(([labelA, a], [labelB, b]) => worst(a) - worst(b) || labelA.localeCompare(labelB));
}

function section<T>(lines: string[], paint: Paint, title: string, entries: readonly T[], describe: (entry: T) => string[]): void {
  if (!entries.length) return;
  lines.push(paint(BOLD, `${title} (${entries.length})`));
  for (const entry of entries) {
    const [first = '', ...rest] = describe(entry);
    lines.push(`  - ${first}`, ...rest.map((line) => `  ${line}`));
  }
  lines.push('');
}

function where(location: Location): string {
  return oneLine(locationLabel(location));
}

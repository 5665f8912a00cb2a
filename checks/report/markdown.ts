import { locationLabel, type Finding, type Location } from '../model/finding.js';
import type { Report, Strengthening, SuppressedFinding } from '../model/report.js';
import { citationOf, safeguardTitle } from '../model/safeguards.js';
import { CHANGE_COLUMNS, countBySafeguard, errorPlace, oneLine, summaryLine, targetLabel } from './summary.js';

export interface MarkdownOptions {
  /** Longest output in characters; entries past it are replaced by an "…and N more" line. */
  maxLength?: number;
}

/**
 * Escapes text for one Markdown table cell or line: values come from servers and files, so no
 * HTML, no links, no table breaks, no line breaks.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`);
}

/** `code` span that cannot be closed early by the text inside it (and safe in a table cell). */
export function inlineCode(text: string): string {
  const clean = oneLine(text).replaceAll('|', '\\|');
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}${longestRun ? ' ' : ''}${clean}${longestRun ? ' ' : ''}${fence}`;
}

function where(location: Location): string {
  return inlineCode(locationLabel(location));
}

/**
 * Joins `entries` (lines or blocks, in order) into at most `maxLength` characters. Entries that
 * do not fit are dropped and replaced by `more(count)` ("…and 12 more findings").
 */
export function capEntries(entries: readonly string[], maxLength: number, more: (omitted: number) => string): string {
  const all = entries.join('\n');
  if (all.length <= maxLength) return all;
  const reserve = more(entries.length).length + 1;
  let kept = 0;
  let length = 0;
  for (const entry of entries) {
    if (length + entry.length + 1 + reserve > maxLength) break;
    kept++;
    length += entry.length + 1;
  }
  const omitted = entries.slice(kept).filter((entry) => entry.trim()).length;
  return [...entries.slice(0, kept), more(omitted)].join('\n').slice(0, maxLength);
}

/** Who ran what, when and against which profile: the audit header. */
function auditTable(report: Report): string {
  const profile = report.profile
    ? `${escapeMarkdown(report.profile.name)} ${escapeMarkdown(report.profile.version)} (${escapeMarkdown(report.profile.source)})`
    : 'none (no endpoints probed)';
  const targets = report.targets.length ? report.targets.map((target) => inlineCode(targetLabel(target))).join('<br>') : 'none';
  return [
    '| | |',
    '|---|---|',
    `| Started | ${report.startedAt} |`,
    `| Finished | ${report.finishedAt} |`,
    `| Tool | ${report.tool.name} ${escapeMarkdown(report.tool.version)} |`,
    `| Profile | ${profile} |`,
    `| Targets | ${targets} |`,
  ].join('\n');
}

/** Counts per safeguard (all five) and per change: weakened, removed, introduced, existing, observed. */
export function safeguardCountsTable(findings: readonly Finding[]): string {
  const rows = countBySafeguard(findings).map(
    ({ safeguard, total, byChange }) =>
      `| ${safeguardTitle(safeguard)} | ${citationOf(safeguard)} | ${total} | ${CHANGE_COLUMNS.map((column) => byChange[column]).join(' | ')} |`,
  );
  return [
    `| Safeguard | Citation | Findings | ${CHANGE_COLUMNS.map((column) => capitalize(column)).join(' | ')} |`,
    `|---|---|---:|${CHANGE_COLUMNS.map(() => '---:').join('|')}|`,
    ...rows,
  ].join('\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One row per finding: severity, rule, location, change, message. Capped with an "…and N more" line. */
export function findingsTable(findings: readonly Finding[], options: MarkdownOptions = {}): string {
  const head = ['| Severity | Rule | Location | Change | Finding |', '|---|---|---|---|---|'];
  const rows = findings.map(
    (finding) =>
      `| ${finding.severity} | ${inlineCode(finding.ruleId)} | ${where(finding.location)} | ${finding.change ?? 'observed'} | ${escapeMarkdown(finding.message)} |`,
  );
  const table = [...head, ...rows];
  if (options.maxLength === undefined) return table.join('\n');
  return capEntries(table, options.maxLength, (omitted) => `\n…and ${omitted} more ${omitted === 1 ? 'finding' : 'findings'}`);
}

/** Everything about one finding an auditor needs: where, which 164.312 paragraph, what, how to fix, evidence. */
function findingDetails(finding: Finding): string {
  const lines = [
    `### ${finding.severity.toUpperCase()} ${inlineCode(finding.ruleId)} ${escapeMarkdown(finding.title)}`,
    '',
    `- **Where:** ${where(finding.location)}${(finding.related ?? []).map((related) => `, related ${where(related)}`).join('')}`,
    `- **Safeguard:** ${safeguardTitle(finding.safeguard)}, ${finding.citation}`,
  ];
  if (finding.change) lines.push(`- **Change:** ${finding.change}`);
  lines.push(
    `- **Found:** ${escapeMarkdown(finding.message)}`,
    `- **Remediation:** ${finding.remediation}`,
    `- **Fingerprint:** ${inlineCode(finding.fingerprint)}`,
  );
  if (Object.keys(finding.evidence).length) lines.push('', fencedJson(finding.evidence));
  return lines.join('\n');
}

function fencedJson(value: unknown): string {
  const json = JSON.stringify(value, null, 2);
  const longestRun = Math.max(2, ...(json.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}json\n${json}\n${fence}`;
}

function suppressedRow(entry: SuppressedFinding): string {
  return `| ${inlineCode(entry.finding.ruleId)} | ${where(entry.finding.location)} | ${escapeMarkdown(entry.reason)} | ${entry.until ?? 'no expiry'} |`;
}

function strengthenedRow(entry: Strengthening): string {
  return `| ${inlineCode(entry.ruleId)} | ${where(entry.location)} | ${escapeMarkdown(entry.message)} |`;
}

/** Lines that list what got stronger: reusable in a check-run summary. */
function strengthenedTable(strengthened: readonly Strengthening[]): string {
  return ['| Rule | Location | What got stronger |', '|---|---|---|', ...strengthened.map(strengthenedRow)].join('\n');
}

/**
 * The Markdown report, audit evidence for humans: when, what, profile, tool version, counts per
 * safeguard and change, every finding with its 164.312 citation and remediation, and every
 * suppressed, unknown, errored and strengthened outcome.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const entries: string[] = [
    '# hipaa-guard report: HIPAA technical safeguards (45 CFR 164.312)',
    '',
    auditTable(report),
    '',
    `**${summaryLine(report)}**`,
    '',
    '## Findings per safeguard',
    '',
    safeguardCountsTable(report.findings),
  ];
  if (report.findings.length) {
    entries.push('', '## Findings', '', ...report.findings.flatMap((finding) => [findingDetails(finding), '']));
  }
  if (report.errors.length) {
    entries.push(
      '## Not evaluated (errors)',
      '',
      ...report.errors.map(
        (entry) =>
          `- **${entry.category}** ${inlineCode(entry.target)}${errorPlace(entry) ? ` at ${inlineCode(errorPlace(entry) ?? '')}` : ''}: ${escapeMarkdown(entry.message)}`,
      ),
      '',
    );
  }
  if (report.unknown.length) {
    entries.push(
      '## Unknown (could not decide)',
      '',
      ...report.unknown.map((entry) => `- ${inlineCode(entry.ruleId)} at ${where(entry.location)}: ${escapeMarkdown(entry.message)}`),
      '',
    );
  }
  if (report.suppressed.length) {
    entries.push('## Suppressed', '', '| Rule | Location | Reason | Until |', '|---|---|---|---|', ...report.suppressed.map(suppressedRow), '');
  }
  if (report.strengthened.length) entries.push('## Strengthened', '', strengthenedTable(report.strengthened), '');
  if (report.notes.length) entries.push('## Notes', '', ...report.notes.map((note) => `- ${escapeMarkdown(note)}`), '');

  const text = `${entries.join('\n').trimEnd()}\n`;
  if (options.maxLength === undefined || text.length <= options.maxLength) return text;
  return capEntries(
    entries,
    options.maxLength,
    (omitted) => `\n…and ${omitted} more entries (the Markdown was cut to ${options.maxLength} characters; the JSON report has everything)`,
  );
}

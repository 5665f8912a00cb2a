import type { Change, Finding, Location, Severity } from '../model/finding.js';
import type { ErroredOutcome, ProfileInfo, Report, ScanTarget, Strengthening, ToolInfo, UnknownOutcome } from '../model/report.js';
import { countBySeverity } from './summary.js';

/** Bumped on any change that could break a consumer (a removed or renamed field). */
export const JSON_SCHEMA_VERSION = 1;

/** One finding as it appears in the JSON report: every field present, `null` when absent. */
export type JsonFinding = Omit<Finding, 'related' | 'change'> & { related: Location[]; change: Change | null };

export interface JsonSuppressed extends JsonFinding {
  suppression: { reason: string; until: string | null; source: Location | null };
}

/** The audit-evidence JSON report, version {@link JSON_SCHEMA_VERSION}. */
export interface JsonReport {
  schemaVersion: typeof JSON_SCHEMA_VERSION;
  tool: ToolInfo;
  startedAt: string;
  finishedAt: string;
  profile: ProfileInfo | null;
  targets: ScanTarget[];
  summary: { findings: number; bySeverity: Record<Severity, number>; suppressed: number; unknown: number; errors: number; strengthened: number };
  findings: JsonFinding[];
  suppressed: JsonSuppressed[];
  unknown: UnknownOutcome[];
  errors: ErroredOutcome[];
  strengthened: Strengthening[];
  notes: string[];
}

function toJsonFinding(finding: Finding): JsonFinding {
  return {
    ruleId: finding.ruleId,
    title: finding.title,
    severity: finding.severity,
    safeguard: finding.safeguard,
    citation: finding.citation,
    message: finding.message,
    remediation: finding.remediation,
    location: finding.location,
    related: finding.related ?? [],
    change: finding.change ?? null,
    evidence: finding.evidence,
    fingerprint: finding.fingerprint,
  };
}

function toJsonReport(report: Report): JsonReport {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: report.tool,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    profile: report.profile ?? null,
    targets: report.targets,
    summary: {
      findings: report.findings.length,
      bySeverity: countBySeverity(report.findings),
      suppressed: report.suppressed.length,
      unknown: report.unknown.length,
      errors: report.errors.length,
      strengthened: report.strengthened.length,
    },
    findings: report.findings.map(toJsonFinding),
    suppressed: report.suppressed.map((entry) => ({
      ...toJsonFinding(entry.finding),
      suppression: { reason: entry.reason, until: entry.until ?? null, source: entry.source ?? null },
    })),
    unknown: report.unknown,
    errors: report.errors,
    strengthened: report.strengthened,
    notes: report.notes,
  };
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}

import { CHANGES, compareFindings, meetsThreshold, type Change, type FailOn, type Finding, type Location } from './finding.js';

/** A finding a suppression comment or config entry switched off: still reported, marked. */
export interface SuppressedFinding {
  finding: Finding;
  reason: string;
  /** YYYY-MM-DD; after it the suppression no longer applies. */
  until?: string;
  /** Where the suppression was written. */
  source?: Location;
}

/** A rule that could not decide: the value depends on something we could not resolve. */
export interface UnknownOutcome {
  ruleId: string;
  location: Location;
  message: string;
}

/**
 * Why something could not be evaluated. `read`: a file or a file listing could not be read;
 * `backend`: an external TLS prober (tls-scan, testssl.sh) is missing or failed; `bug`: a crash.
 */
export const ERROR_CATEGORIES = ['config', 'parse', 'read', 'connectivity', 'timeout', 'backend', 'permission', 'bug'] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

/** Something could not be evaluated at all. Never hides the other families' results. */
export interface ErroredOutcome {
  category: ErrorCategory;
  /** What could not be evaluated: a file, an endpoint, or a part of the run (`config`, `git`). */
  target: string;
  message: string;
  location?: Location;
}

/** A change that made a safeguard stronger: listed in the summary, never blocking. */
export interface Strengthening {
  ruleId: string;
  location: Location;
  message: string;
}

/** One thing the run looked at, recorded as audit evidence. */
export type ScanTarget =
  | { kind: 'endpoint'; url: string; address?: string; engine: string }
  | { kind: 'repository'; root: string; base?: string; head?: string; files: number }
  /** A Terraform plan's JSON (`terraform show -json`): the file it was read from, and how many resource changes it holds. */
  | { kind: 'plan'; source: string; changes: number };

export interface ToolInfo {
  name: 'hipaa-guard';
  version: string;
}

export interface ProfileInfo {
  name: string;
  version: string;
  source: string;
}

/** Everything a run produced; all reporters read this and nothing else. */
export interface Report {
  tool: ToolInfo;
  startedAt: string;
  finishedAt: string;
  profile?: ProfileInfo;
  targets: ScanTarget[];
  findings: Finding[];
  suppressed: SuppressedFinding[];
  unknown: UnknownOutcome[];
  errors: ErroredOutcome[];
  strengthened: Strengthening[];
  /** Facts the run assumed and the reader should know (inferred environments, defaults used). */
  notes: string[];
}

/** Which changes block a merge; `existing` violations are reported but by default not blocking. */
const BLOCKING_CHANGES: readonly Change[] = CHANGES.filter((change) => change !== 'existing');

/** A finding blocks when it meets the threshold and is not a pre-existing, unchanged violation. */
export function isBlocking(finding: Finding, failOn: FailOn, blockExisting = false): boolean {
  if (!meetsThreshold(finding.severity, failOn)) return false;
  return blockExisting || finding.change === undefined || BLOCKING_CHANGES.includes(finding.change);
}

export function blockingFindings(report: Report, failOn: FailOn, blockExisting = false): Finding[] {
  return report.findings.filter((finding) => isBlocking(finding, failOn, blockExisting));
}

/** Combines the reports of several families or shards into one, findings sorted. */
export function mergeReports(first: Report, ...rest: Report[]): Report {
  const all = [first, ...rest];
  const profile = all.find((report) => report.profile)?.profile;
  return {
    tool: first.tool,
    startedAt: all.map((r) => r.startedAt).sort()[0] ?? first.startedAt,
    finishedAt:
      all
        .map((r) => r.finishedAt)
        .sort()
        .at(-1) ?? first.finishedAt,
    ...(profile ? { profile } : {}),
    targets: all.flatMap((r) => r.targets),
    findings: all.flatMap((r) => r.findings).sort(compareFindings),
    suppressed: all.flatMap((r) => r.suppressed),
    unknown: all.flatMap((r) => r.unknown),
    errors: all.flatMap((r) => r.errors),
    strengthened: all.flatMap((r) => r.strengthened),
    notes: all.flatMap((r) => r.notes),
  };
}

export function emptyReport(tool: ToolInfo, startedAt: string): Report {
  return {
    tool,
    startedAt,
    finishedAt: startedAt,
    targets: [],
    findings: [],
    suppressed: [],
    unknown: [],
    errors: [],
    strengthened: [],
    notes: [],
  };
}

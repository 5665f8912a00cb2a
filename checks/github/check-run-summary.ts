/**
 * What a check run shows: the conclusion, a Markdown summary within GitHub's 65,535
 * characters, and one annotation per file finding on its exact lines.
 */
import { compareFindings, type Severity } from '../model/finding.js';
import { blockingFindings, type Report } from '../model/report.js';
import { safeguardTitle } from '../model/safeguards.js';
import { verdictOf, type VerdictPolicy } from '../model/verdict.js';
import { renderMarkdown } from '../report/markdown.js';
import { stripControl } from '../report/summary.js';
import { cutText, fitRendering, GITHUB_LIMITS } from './limits.js';

export const CHECK_RUN_NAME = 'HIPAA safeguards';

export type CheckConclusion = 'success' | 'failure' | 'neutral';
export type AnnotationLevel = 'failure' | 'warning' | 'notice';

/** The body of one annotation, exactly as the Checks API takes it. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
}

export type VerdictOptions = VerdictPolicy;

/** The run's verdict (checks/model/verdict.ts) as a conclusion: failure when it fails the gate, else success. */
export function conclusionOf(report: Report, options: VerdictOptions): CheckConclusion {
  return verdictOf(report, options).outcome === 'fail' ? 'failure' : 'success';
}

const LEVELS: Record<Severity, AnnotationLevel> = {
  critical: 'failure',
  high: 'failure',
  medium: 'warning',
  low: 'warning',
  info: 'notice',
};

export function annotationLevelOf(severity: Severity): AnnotationLevel {
  return LEVELS[severity];
}

/** One annotation per finding located in a file; endpoint findings live in the summary only. */
export function annotationsOf(report: Report): CheckAnnotation[] {
  // A `removed` finding points at the base version's lines, which the head's file no longer has
  // (or has other content on): the summary lists it, an annotation would land on the wrong line.
  const inFiles = report.findings.flatMap((finding) =>
    finding.location.kind === 'file' && finding.change !== 'removed' ? [{ finding, location: finding.location }] : [],
  );
  // In file order, line by line: the order a reviewer reads them in.
  inFiles.sort(
    (a, b) => a.location.path.localeCompare(b.location.path) || a.location.startLine - b.location.startLine || compareFindings(a.finding, b.finding),
  );
  return inFiles.map(({ finding, location }) => {
    const startLine = Math.max(1, location.startLine);
    return {
      path: location.path,
      start_line: startLine,
      end_line: Math.max(startLine, location.endLine),
      annotation_level: annotationLevelOf(finding.severity),
      title: cutText(`${finding.ruleId}: ${finding.title}`, GITHUB_LIMITS.annotationTitle, () => '…'),
      message: cutText(
        stripControl(`${finding.message}\n\n${finding.citation} (${safeguardTitle(finding.safeguard)}). ${finding.remediation}`),
        GITHUB_LIMITS.annotationMessage,
      ),
    };
  });
}

/** `Blocking: 2 findings at or above high` and the like: the check run's title. */
export function checkRunTitle(report: Report, options: VerdictOptions): string {
  const blocking = blockingFindings(report, options.failOn, options.blockExisting).length;
  if (blocking > 0) return `${blocking} blocking finding${blocking === 1 ? '' : 's'}`;
  if (report.errors.length > 0) return `No blocking findings, but ${report.errors.length} check${report.errors.length === 1 ? '' : 's'} could not run`;
  return report.findings.length ? `No blocking findings (${report.findings.length} below the threshold)` : 'All safeguards hold';
}

/** The check run's Markdown summary: the verdict, then the Markdown report, within GitHub's limit. */
export function renderCheckRunSummary(report: Report, options: VerdictOptions): string {
  const head = `**${checkRunTitle(report, options)}** (fail-on: ${options.failOn})\n\n`;
  return fitRendering((budget) => head + renderMarkdown(report, { maxLength: budget - head.length }), GITHUB_LIMITS.checkRunSummary);
}

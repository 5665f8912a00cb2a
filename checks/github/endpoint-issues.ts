/**
 * The issue lifecycle of nightly endpoint probes, shared by the Action and the App: one issue
 * per endpoint with findings, labelled `hipaa-guard` and found again by a hidden marker
 * holding the endpoint's fingerprint (through the issues list API: the search index lags).
 *
 * An endpoint *fails* with a finding at or above `issueOn` (default: the run's fail-on), or with
 * a problem: it could not be probed (refused by the address guard, unresolvable, unreachable,
 * a config that would not load; the outcome says why and what to do). Findings below `issueOn`
 * never open an issue; an issue that exists anyway lists them too.
 * - fails, no issue           → create it (at most `maxCreated` per run)
 * - fails, open issue         → when what it lists changed: new body + a comment listing what changed
 * - fails, closed issue       → reopen it with the current findings and problems
 * - passes, open issue        → comment and close (nothing at or above `issueOn`, no problem)
 *
 * No duplicates, without locks: after creating, we list the endpoint's open issues again and
 * close every one but the oldest (lowest number). Two runs that race both create, but the one
 * that lists last sees both issues, and both runs agree on which one to keep.
 */
import { fingerprintOf, locationLabel, meetsThreshold, type FailOn, type Finding } from '../model/finding.js';
import type { ErroredOutcome, Report } from '../model/report.js';
import { safeguardTitle } from '../model/safeguards.js';
import { capEntries, escapeMarkdown, inlineCode } from '../report/markdown.js';
import { oneLine } from '../report/summary.js';
import type { GitHubClient, RepositoryRef } from './api-source.js';
import { httpStatus, withBackoff } from './backoff.js';
import type { PublishOptions } from './check-run.js';

export const ISSUE_LABEL = 'hipaa-guard';
/** GitHub's limit on issue and comment bodies is 65,536 characters; stay clear of it. */
export const ISSUE_BODY_LIMIT = 65_000;

export interface EndpointIssueOptions extends PublishOptions {
  label?: string;
  /** Issues created per run, at most; default 10. */
  maxCreated?: number;
  /** Lowest severity that opens an issue (`issue-on`); default `high`, the default fail-on. */
  issueOn?: FailOn;
  /** The config file this run loaded: an open problem issue about it (it would not load) is closed. */
  loadedConfig?: string;
}

/** What a front decides about a repository's issues; the rest of EndpointIssueOptions is the publisher's. */
export type IssueScope = Pick<EndpointIssueOptions, 'issueOn' | 'loadedConfig'>;

export type IssueAction = 'created' | 'updated' | 'unchanged' | 'reopened' | 'closed' | 'duplicate-closed' | 'skipped';

export interface IssueOutcome {
  url: string;
  action: IssueAction;
  issue?: number;
  reason?: string;
}

interface TrackedIssue {
  id: number;
  number: number;
  state: 'open' | 'closed';
  /** `ruleId@fingerprint` of the findings the body lists. */
  findings: string[];
}

const ENDPOINT_MARKER = /<!-- hipaa-guard:endpoint=([0-9a-f]+) -->/;
const FINDINGS_MARKER = /<!-- hipaa-guard:findings=([^ ]*) -->/;

/** The stable id of an endpoint, written into its issue's hidden marker. */
export function endpointFingerprint(url: string): string {
  return fingerprintOf('hipaa-guard/endpoint', url);
}

const findingKey = (finding: Finding) => `${finding.ruleId}@${finding.fingerprint}`;
/** A problem is keyed by its kind, not its wording: a new timeout figure is not a new problem. */
const problemKey = (url: string, problem: ErroredOutcome) => `problem-${problem.category}@${fingerprintOf(`problem-${problem.category}`, url)}`;

/** Opens, updates, closes and reopens one issue per probed endpoint. */
export async function syncEndpointIssues(
  octokit: GitHubClient,
  repository: RepositoryRef,
  report: Report,
  options: EndpointIssueOptions,
): Promise<IssueOutcome[]> {
  const label = options.label ?? ISSUE_LABEL;
  const maxCreated = options.maxCreated ?? 10;
  const call = <T>(request: () => Promise<T>) => withBackoff(request, options);
  const listTracked = async (): Promise<Map<string, TrackedIssue[]>> => {
    const issues = await call(() => octokit.paginate(octokit.rest.issues.listForRepo, { ...repository, labels: label, state: 'all', per_page: 100 }));
    const byEndpoint = new Map<string, TrackedIssue[]>();
    for (const issue of issues) {
      const marker = ENDPOINT_MARKER.exec(issue.body ?? '')?.[1];
      if (!marker || issue.pull_request) continue;
      const findings = FINDINGS_MARKER.exec(issue.body ?? '')?.[1]?.split(',').filter(Boolean) ?? [];
      const tracked: TrackedIssue = { id: issue.id, number: issue.number, state: issue.state === 'open' ? 'open' : 'closed', findings };
      byEndpoint.set(marker, [...(byEndpoint.get(marker) ?? []), tracked]);
    }
    return byEndpoint;
  };
  const comment = (issue: number, body: string) => call(() => octokit.rest.issues.createComment({ ...repository, issue_number: issue, body }));
  let labelReady = false;
  const ensureLabel = async () => {
    if (labelReady) return;
    try {
      await call(() => octokit.rest.issues.getLabel({ ...repository, name: label }));
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
      try {
        await call(() =>
          octokit.rest.issues.createLabel({ ...repository, name: label, color: 'b60205', description: 'HIPAA safeguard findings from hipaa-guard' }),
        );
      } catch (createError) {
        // 422: another run created it in the meantime.
        if (httpStatus(createError) !== 422) throw createError;
      }
    }
    labelReady = true;
  };

  const now = options.now().toISOString();
  const tracked = await listTracked();
  const outcomes: IssueOutcome[] = [];
  let created = 0;
  for (const endpoint of endpointStates(report, options.issueOn ?? 'high', options.loadedConfig)) {
    const { url, findings, problems } = endpoint;
    const marker = endpointFingerprint(url);
    const issues = tracked.get(marker) ?? [];
    // The oldest issue is the endpoint's issue: closing duplicates keeps it, so reopening picks it too.
    const byAge = [...issues].sort((a, b) => a.number - b.number);
    const open = byAge.find((issue) => issue.state === 'open');
    const tracking = open ?? byAge[0];
    if (endpoint.state === 'quiet') {
      if (tracking) outcomes.push({ url, action: 'unchanged', issue: tracking.number, reason: 'issue-on is never: issues are neither opened nor closed' });
      continue;
    }
    if (endpoint.state === 'clean') {
      if (!open) continue;
      const below = findings.length ? ` (${findings.length} finding${findings.length === 1 ? '' : 's'} below issue-on remain in the report)` : '';
      await comment(open.number, `The endpoint passed every check at or above issue-on on ${now}${below}; closing. hipaa-guard reopens this issue if a finding comes back.`);
      await call(() => octokit.rest.issues.update({ ...repository, issue_number: open.number, state: 'closed', state_reason: 'completed' }));
      outcomes.push({ url, action: 'closed', issue: open.number });
      continue;
    }
    const body = renderIssueBody(url, marker, findings, now, problems);
    const title = issueTitle(url, findings, problems);
    if (!tracking) {
      if (created >= maxCreated) {
        outcomes.push({ url, action: 'skipped', reason: `already created ${maxCreated} issues this run (the cap); the next run continues` });
        continue;
      }
      await ensureLabel();
      const { data } = await call(() => octokit.rest.issues.create({ ...repository, title, body, labels: [label] }));
      created++;
      outcomes.push(...(await closeDuplicates(url, marker, data.number)));
      continue;
    }
    const changes = diffFindings(tracking.findings, findings, problems.map((problem) => problemKey(url, problem)));
    if (tracking.state === 'open' && changes.added.length === 0 && changes.resolved.length === 0 && !changes.problemsChanged) {
      outcomes.push({ url, action: 'unchanged', issue: tracking.number });
      continue;
    }
    const reopen = tracking.state === 'closed';
    await call(() => octokit.rest.issues.update({ ...repository, issue_number: tracking.number, title, body, ...(reopen ? { state: 'open' as const } : {}) }));
    await comment(tracking.number, renderChangeComment(changes, reopen, now));
    outcomes.push({ url, action: reopen ? 'reopened' : 'updated', issue: tracking.number });
  }
  return outcomes;

  async function closeDuplicates(url: string, marker: string, mine: number): Promise<IssueOutcome[]> {
    const open = ((await listTracked()).get(marker) ?? []).filter((issue) => issue.state === 'open').sort((a, b) => a.number - b.number);
    const keeper = open[0]?.number ?? mine;
    const outcomes: IssueOutcome[] = [{ url, action: keeper === mine ? 'created' : 'duplicate-closed', issue: mine }];
    for (const duplicate of open.slice(1)) {
      await comment(duplicate.number, `Duplicate of #${keeper} (two hipaa-guard runs raced); closing.`);
      await call(() => octokit.rest.issues.update({ ...repository, issue_number: duplicate.number, state: 'closed', state_reason: 'not_planned' }));
      if (duplicate.number !== mine) outcomes.push({ url, action: 'duplicate-closed', issue: duplicate.number });
    }
    return outcomes;
  }
}

interface EndpointState {
  /** The endpoint's URL, or the config file's path for a config that would not load. */
  url: string;
  /** failing: a finding at or above issue-on, or a problem; quiet: issue-on is never. */
  state: 'failing' | 'clean' | 'quiet';
  findings: Finding[];
  /** Why it could not be probed or loaded; each one fails. */
  problems: ErroredOutcome[];
}

/** The endpoint (or config file) an errored outcome is about, if any. */
function subjectOf(error: ErroredOutcome): string | undefined {
  if (error.location?.kind === 'endpoint') return error.location.url;
  if (error.location?.kind === 'file' && error.category === 'config') return error.location.path;
  return undefined;
}

/** Every endpoint the report covers, by URL, and every config file that would not load. */
export function endpointStates(report: Report, issueOn: FailOn, loadedConfig?: string): EndpointState[] {
  const urls = new Set<string>(loadedConfig === undefined ? [] : [loadedConfig]);
  for (const target of report.targets) if (target.kind === 'endpoint') urls.add(target.url);
  for (const finding of report.findings) if (finding.location.kind === 'endpoint') urls.add(finding.location.url);
  for (const error of report.errors) {
    const subject = subjectOf(error);
    if (subject !== undefined) urls.add(subject);
  }
  return [...urls].sort().map((url) => {
    const findings = report.findings.filter((finding) => finding.location.kind === 'endpoint' && finding.location.url === url);
    const problems = report.errors.filter((error) => subjectOf(error) === url);
    const fails = problems.length > 0 || findings.some((finding) => meetsThreshold(finding.severity, issueOn));
    const state = issueOn === 'never' && fails ? 'quiet' : fails ? 'failing' : 'clean';
    return { url, state, findings, problems };
  });
}

function issueTitle(url: string, findings: Finding[], problems: ErroredOutcome[]): string {
  const what = problems.length && !findings.length ? 'could not be checked' : `fails ${findings.length + problems.length} check${findings.length + problems.length === 1 ? '' : 's'}`;
  return oneLine(`HIPAA safeguards: ${url} ${what}`).slice(0, 250);
}

/** One line per problem: what kept the endpoint (or config) from being checked and what to do, as the outcome says it. */
function problemLine(problem: ErroredOutcome): string {
  return `- **could not check** (${problem.category}): ${escapeMarkdown(oneLine(problem.message))}`;
}

/** One line per finding: severity, rule, 164.312 paragraph, what was found, what to do. No evidence, no response data. */
function findingLine(finding: Finding): string {
  return `- **${finding.severity}** ${inlineCode(finding.ruleId)} ${escapeMarkdown(finding.title)} (${finding.citation}, ${safeguardTitle(finding.safeguard)}): ${escapeMarkdown(finding.message)} ${finding.remediation}`;
}

const more = (omitted: number) => `- …and ${omitted} more`;

export function renderIssueBody(url: string, marker: string, findings: Finding[], since: string, problems: ErroredOutcome[] = []): string {
  const where = findings[0] ? locationLabel(findings[0].location) : url;
  const keys = [...findings.map(findingKey), ...problems.map((problem) => problemKey(url, problem))];
  const head = [
    `<!-- hipaa-guard:endpoint=${marker} -->`,
    `<!-- hipaa-guard:findings=${keys.join(',')} -->`,
    findings.length
      ? `${inlineCode(where)} fails ${findings.length} HIPAA safeguard check${findings.length === 1 ? '' : 's'} (45 CFR 164.312), as of ${since}.`
      : `${inlineCode(where)} could not be checked for the HIPAA safeguards (45 CFR 164.312), as of ${since}: what cannot be measured cannot pass.`,
    '',
    'hipaa-guard updates this issue when the findings change and closes it when the endpoint passes.',
  ];
  const sections = [
    ...(problems.length ? ['', '### Could not check', ...problems.map(problemLine)] : []),
    ...(findings.length ? ['', '### Findings', ...findings.map(findingLine)] : []),
  ];
  return `${capEntries([...head, ...sections], ISSUE_BODY_LIMIT, more)}\n`;
}

interface FindingChanges {
  added: Finding[];
  resolved: string[];
  /** A problem this run that the issue did not list yet. */
  problemsChanged: boolean;
}

function diffFindings(before: string[], now: Finding[], problemKeys: string[]): FindingChanges {
  const current = new Set([...now.map(findingKey), ...problemKeys]);
  const previous = new Set(before);
  return {
    added: now.filter((finding) => !previous.has(findingKey(finding))),
    resolved: before.filter((key) => !current.has(key)),
    problemsChanged: problemKeys.some((key) => !previous.has(key)),
  };
}

function renderChangeComment(changes: FindingChanges, reopened: boolean, now: string): string {
  const head = reopened
    ? `The endpoint fails again as of ${now}; reopening. The issue body lists the current findings.`
    : `The findings changed as of ${now}; the issue body lists the current ones.`;
  const entries = [head];
  if (changes.added.length) entries.push('', '### New', ...changes.added.map(findingLine));
  if (changes.resolved.length) {
    entries.push('', '### Resolved', ...changes.resolved.map((key) => `- ${inlineCode(key.split('@')[0] ?? key)} (${key.split('@')[1] ?? ''})`));
  }
  return `${capEntries(entries, ISSUE_BODY_LIMIT, more)}\n`;
}

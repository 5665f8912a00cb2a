/**
 * The issue lifecycle of nightly endpoint probes, shared by the Action and the App: one issue
 * per endpoint with findings, labelled `hipaa-guard` and found again by a hidden marker
 * holding the endpoint's fingerprint (through the issues list API: the search index lags).
 *
 * An endpoint *fails* with a finding at or above `issueOn` (default: the run's fail-on), or with
 * a problem: it could not be probed (refused by the address guard, unresolvable, unreachable,
 * a config that would not load; the outcome says why and what to do). Findings below `issueOn`
 * never open an issue; an issue that exists anyway lists them too.
 *
 * Planning is pure: `planEndpointIssues` turns the issues listed once and a report into steps
 * (open, update, close, leave, skip), each with its reason; `applyIssuePlan` sends them. The
 * listing stays in memory; what the run creates is added to it.
 *
 * No duplicates, without locks: after its creations a run lists the open labelled issues once
 * more and closes, per endpoint it opened, every one but the oldest (lowest number). Two runs
 * that race both create, but the one that lists last sees both issues, and both runs agree on
 * which one to keep.
 *
 * Issues created are capped per run (`maxCreated`, in the plan) and over whatever shares a
 * `budget` (a sweep: in process, or across the App's replicas through Redis).
 */
import { fingerprintOf, locationLabel, meetsThreshold, type FailOn, type Finding } from '../model/finding.js';
import type { ErroredOutcome, Report } from '../model/report.js';
import { safeguardTitle } from '../model/safeguards.js';
import { capEntries, escapeMarkdown, inlineCode } from '../report/markdown.js';
import { oneLine } from '../report/summary.js';
import type { GitHubClient, RepositoryRef } from './api-source.js';
import { httpStatus } from './http-error.js';
import type { PublishOptions } from './check-run.js';

export const ISSUE_LABEL = 'hipaa-guard';
/** GitHub's limit on issue and comment bodies is 65,536 characters; stay clear of it. */
export const ISSUE_BODY_LIMIT = 65_000;

/**
 * Issues that may still be created, shared by the runs that share a cap: `take(n)` grants at
 * most `n` and never more than is left, atomically.
 */
export interface IssueBudget {
  take(wanted: number): Promise<number>;
}

/** A budget of `limit` issues kept in this process. */
export function issueBudget(limit: number): IssueBudget {
  let left = Math.max(0, limit);
  return {
    take(wanted) {
      const granted = Math.min(left, Math.max(0, wanted));
      left -= granted;
      return Promise.resolve(granted);
    },
  };
}

export interface IssuePolicy {
  /** Issues created per run, at most; default 10. */
  maxCreated?: number;
  /** Lowest severity that opens an issue (`issue-on`); default `high`, the default fail-on. */
  issueOn?: FailOn;
  /** The config file this run loaded: an open problem issue about it (it would not load) is closed. */
  loadedConfig?: string;
}

export interface EndpointIssueOptions extends PublishOptions, IssuePolicy {
  label?: string;
  /** A cap shared beyond this run (a sweep's); default none. */
  budget?: IssueBudget;
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

/** An issue carrying an endpoint's marker, as listed. */
export interface TrackedIssue {
  number: number;
  state: 'open' | 'closed';
  /** The endpoint fingerprint of its marker. */
  marker: string;
  /** `ruleId@fingerprint` of the findings the body lists. */
  findings: string[];
}

/** One step of a plan, and why. */
export type IssueStep =
  | { kind: 'open'; url: string; marker: string; title: string; body: string; reason: string }
  | { kind: 'update'; url: string; issue: number; title: string; body: string; reopen: boolean; comment: string; reason: string }
  | { kind: 'close'; url: string; issue: number; comment: string; reason: string }
  | { kind: 'leave'; url: string; issue: number; reason: string }
  | { kind: 'skip'; url: string; reason: string };

const ENDPOINT_MARKER = /<!-- hipaa-guard:endpoint=([0-9a-f]+) -->/;
const FINDINGS_MARKER = /<!-- hipaa-guard:findings=([^ ]*) -->/;

/** The stable id of an endpoint, written into its issue's hidden marker. */
export function endpointFingerprint(url: string): string {
  return fingerprintOf('hipaa-guard/endpoint', url);
}

const findingKey = (finding: Finding) => `${finding.ruleId}@${finding.fingerprint}`;
/** A problem is keyed by its kind, not its wording: a new timeout figure is not a new problem. */
const problemKey = (url: string, problem: ErroredOutcome) => `problem-${problem.category}@${fingerprintOf(`problem-${problem.category}`, url)}`;

/** An issue as the API lists it, read back into what we track; undefined when it is not ours. */
function trackedIssueOf(issue: { number: number; state: string; body?: string | null; pull_request?: unknown }): TrackedIssue | undefined {
  const marker = ENDPOINT_MARKER.exec(issue.body ?? '')?.[1];
  if (!marker || issue.pull_request) return undefined;
  const findings =
    FINDINGS_MARKER.exec(issue.body ?? '')?.[1]
      ?.split(',')
      .filter(Boolean) ?? [];
  return { number: issue.number, state: issue.state === 'open' ? 'open' : 'closed', marker, findings };
}

/**
 * The steps that bring an endpoint's issue in line with the report, from the issues listed:
 * - fails, no issue           → open (the first `maxCreated`; the rest are skipped)
 * - fails, open issue         → update with a comment when what it lists changed, else leave
 * - fails, closed issue       → reopen (update) with the current findings and problems
 * - passes, open issue        → comment and close
 * - issue-on is never         → leave whatever exists
 */
export function planEndpointIssues(tracked: readonly TrackedIssue[], report: Report, policy: IssuePolicy, now: string): IssueStep[] {
  const maxCreated = policy.maxCreated ?? 10;
  const steps: IssueStep[] = [];
  let opened = 0;
  for (const endpoint of endpointStates(report, policy.issueOn ?? 'high', policy.loadedConfig)) {
    const { url, findings, problems } = endpoint;
    const marker = endpointFingerprint(url);
    // The oldest issue is the endpoint's issue: closing duplicates keeps it, so reopening picks it too.
    const byAge = tracked.filter((issue) => issue.marker === marker).sort((a, b) => a.number - b.number);
    const open = byAge.find((issue) => issue.state === 'open');
    const tracking = open ?? byAge[0];
    if (endpoint.state === 'quiet') {
      if (tracking) steps.push({ kind: 'leave', url, issue: tracking.number, reason: 'issue-on is never: issues are neither opened nor closed' });
      continue;
    }
    if (endpoint.state === 'clean') {
      if (!open) continue;
      const below = findings.length ? ` (${findings.length} finding${findings.length === 1 ? '' : 's'} below issue-on remain in the report)` : '';
      const comment = `The endpoint passed every check at or above issue-on on ${now}${below}; closing. hipaa-guard reopens this issue if a finding comes back.`;
      steps.push({ kind: 'close', url, issue: open.number, comment, reason: 'nothing at or above issue-on, no problem' });
      continue;
    }
    const body = renderIssueBody(url, marker, findings, now, problems);
    const title = issueTitle(url, findings, problems);
    if (!tracking) {
      if (opened >= maxCreated) {
        steps.push({ kind: 'skip', url, reason: `already created ${maxCreated} issues this run (the cap); the next run continues` });
        continue;
      }
      opened++;
      steps.push({ kind: 'open', url, marker, title, body, reason: 'fails and has no issue' });
      continue;
    }
    const changes = diffFindings(
      tracking.findings,
      findings,
      problems.map((problem) => problemKey(url, problem)),
    );
    if (tracking.state === 'open' && changes.added.length === 0 && changes.resolved.length === 0 && !changes.problemsChanged) {
      steps.push({ kind: 'leave', url, issue: tracking.number, reason: 'the issue lists the current findings' });
      continue;
    }
    const reopen = tracking.state === 'closed';
    const reason = reopen ? 'fails again; its issue was closed' : 'what the issue lists changed';
    steps.push({ kind: 'update', url, issue: tracking.number, title, body, reopen, comment: renderChangeComment(changes, reopen, now), reason });
  }
  return steps;
}

/** Opens, updates, closes and reopens one issue per probed endpoint: lists once, plans, applies. */
export async function syncEndpointIssues(
  octokit: GitHubClient,
  repository: RepositoryRef,
  report: Report,
  options: EndpointIssueOptions,
): Promise<IssueOutcome[]> {
  const label = options.label ?? ISSUE_LABEL;
  const tracked = await listTrackedIssues(octokit, repository, label, 'all');
  const steps = planEndpointIssues(tracked, report, options, options.now().toISOString());
  return applyIssuePlan(octokit, repository, steps, tracked, { label, budget: options.budget ?? issueBudget(Number.POSITIVE_INFINITY) });
}

async function listTrackedIssues(octokit: GitHubClient, repository: RepositoryRef, label: string, state: 'all' | 'open'): Promise<TrackedIssue[]> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repository, labels: label, state, per_page: 100 });
  return issues.map(trackedIssueOf).filter((issue) => issue !== undefined);
}

/**
 * Sends a plan's steps. `tracked` is the listing the plan was made from; what is created is
 * added to it. The opens are granted by `budget` first; those it refuses are skipped.
 */
export async function applyIssuePlan(
  octokit: GitHubClient,
  repository: RepositoryRef,
  steps: readonly IssueStep[],
  tracked: TrackedIssue[],
  options: { label: string; budget: IssueBudget },
): Promise<IssueOutcome[]> {
  const { label } = options;
  const comment = (issue: number, body: string) => octokit.rest.issues.createComment({ ...repository, issue_number: issue, body });
  const opens = steps.filter((step) => step.kind === 'open').length;
  let granted = opens ? await options.budget.take(opens) : 0;
  if (granted > 0) await ensureLabel(octokit, repository, label);
  const outcomes: IssueOutcome[] = [];
  const created: { url: string; marker: string; number: number; outcome: number }[] = [];
  for (const step of steps) {
    switch (step.kind) {
      case 'open': {
        if (granted === 0) {
          outcomes.push({ url: step.url, action: 'skipped', reason: 'the sweep-wide cap on issues created is reached; the next sweep continues' });
          break;
        }
        granted--;
        const { data } = await octokit.rest.issues.create({ ...repository, title: step.title, body: step.body, labels: [label] });
        tracked.push({ number: data.number, state: 'open', marker: step.marker, findings: [] });
        created.push({
          url: step.url,
          marker: step.marker,
          number: data.number,
          outcome: outcomes.push({ url: step.url, action: 'created', issue: data.number }) - 1,
        });
        break;
      }
      case 'update':
        await octokit.rest.issues.update({
          ...repository,
          issue_number: step.issue,
          title: step.title,
          body: step.body,
          ...(step.reopen ? { state: 'open' as const } : {}),
        });
        await comment(step.issue, step.comment);
        outcomes.push({ url: step.url, action: step.reopen ? 'reopened' : 'updated', issue: step.issue });
        break;
      case 'close':
        await comment(step.issue, step.comment);
        await octokit.rest.issues.update({ ...repository, issue_number: step.issue, state: 'closed', state_reason: 'completed' });
        outcomes.push({ url: step.url, action: 'closed', issue: step.issue });
        break;
      case 'leave':
        outcomes.push({ url: step.url, action: 'unchanged', issue: step.issue, reason: step.reason });
        break;
      case 'skip':
        outcomes.push({ url: step.url, action: 'skipped', reason: step.reason });
        break;
    }
  }
  if (created.length === 0) return outcomes;
  // One listing of the open issues after this run's creations: a run that raced this one shows
  // up. What this run created counts even when the listing does not show it yet.
  const listed = await listTrackedIssues(octokit, repository, label, 'open');
  const open = [...listed, ...tracked.filter((issue) => issue.state === 'open' && !listed.some((other) => other.number === issue.number))];
  for (const mine of created) {
    const same = open.filter((issue) => issue.marker === mine.marker).sort((a, b) => a.number - b.number);
    const keeper = same[0]?.number ?? mine.number;
    if (keeper !== mine.number) outcomes[mine.outcome] = { url: mine.url, action: 'duplicate-closed', issue: mine.number };
    for (const duplicate of same.slice(1)) {
      await comment(duplicate.number, `Duplicate of #${keeper} (two hipaa-guard runs raced); closing.`);
      await octokit.rest.issues.update({ ...repository, issue_number: duplicate.number, state: 'closed', state_reason: 'not_planned' });
      if (duplicate.number !== mine.number) outcomes.push({ url: mine.url, action: 'duplicate-closed', issue: duplicate.number });
    }
  }
  return outcomes;
}

/** The label exists, or is created (a 422: another run created it in the meantime). */
async function ensureLabel(octokit: GitHubClient, repository: RepositoryRef, label: string): Promise<void> {
  try {
    await octokit.rest.issues.getLabel({ ...repository, name: label });
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
    try {
      await octokit.rest.issues.createLabel({ ...repository, name: label, color: 'b60205', description: 'HIPAA safeguard findings from hipaa-guard' });
    } catch (createError) {
      if (httpStatus(createError) !== 422) throw createError;
    }
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
    const state = issueOn === 'never' ? 'quiet' : fails ? 'failing' : 'clean';
    return { url, state, findings, problems };
  });
}

function issueTitle(url: string, findings: Finding[], problems: ErroredOutcome[]): string {
  const what =
    problems.length && !findings.length
      ? 'could not be checked'
      : `fails ${findings.length + problems.length} check${findings.length + problems.length === 1 ? '' : 's'}`;
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

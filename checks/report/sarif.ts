import { locationLabel, type Finding, type Location, type Severity } from '../model/finding.js';
import type { Report, SuppressedFinding } from '../model/report.js';
import type { Rule } from '../model/rule.js';
import { safeguardTitle } from '../model/safeguards.js';
import { DEFAULT_CONFIG_PATH } from '../config/load-config.js';

const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Where SARIF viewers send people to read about the tool. */
const TOOL_INFORMATION_URI = 'https://www.npmjs.com/package/hipaa-guard';
/** The key of our fingerprint in `partialFingerprints`; bump the suffix only if the fingerprint recipe changes. */
export const FINGERPRINT_KEY = 'hipaaGuardFingerprint/v1';
/** GitHub code scanning keeps at most this many results per run; the rest are reported as a notification. */
export const SARIF_MAX_RESULTS = 25_000;

export interface SarifOptions {
  /** Rule metadata (`ALL_RULES`); a finding whose rule is missing gets metadata from the finding itself. */
  rules: readonly Rule[];
  /** The config file endpoint findings point at (GitHub code scanning needs a file and a line). */
  configPath?: string;
  /** `tool.driver.informationUri`, e.g. the Action's repository; default TOOL_INFORMATION_URI. */
  informationUri?: string;
}

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/** GitHub reads >= 9.0 as critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

/** The subset of SARIF 2.1.0 we write. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

interface SarifMessage {
  text: string;
  markdown?: string;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; 'security-severity': string; safeguard: string; citation: string; severity: Severity };
}

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' };
    region: { startLine: number; endLine: number };
  };
  logicalLocations?: { fullyQualifiedName: string; kind: 'resource' }[];
  message?: SarifMessage;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  relatedLocations?: (SarifLocation & { id: number })[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: 'inSource' | 'external'; status: 'accepted'; justification: string; properties?: { until: string } }[];
  properties: { severity: Severity; safeguard: string; citation: string; change?: string; evidence: unknown };
}

interface SarifNotification {
  level: 'error' | 'warning' | 'note';
  message: SarifMessage;
  locations?: SarifLocation[];
  properties?: Record<string, unknown>;
}

interface SarifRun {
  tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: SarifRule[] } };
  invocations: {
    executionSuccessful: boolean;
    startTimeUtc: string;
    endTimeUtc: string;
    toolExecutionNotifications: SarifNotification[];
  }[];
  originalUriBaseIds: { '%SRCROOT%': { description: SarifMessage } };
  results: SarifResult[];
  properties: Record<string, unknown>;
}

/**
 * SARIF 2.1.0 for GitHub code scanning. File findings point at their lines; endpoint findings
 * point at the line of the config file that declares the endpoint (line 1 when unknown), with the
 * URL as a logical location, because code scanning only accepts results with a physical location.
 */
export function toSarif(report: Report, options: SarifOptions): SarifLog {
  const catalog = new RuleCatalog(options.rules);
  const place = (location: Location) => sarifLocation(location, options);
  const all = [
    ...report.findings.map((finding) => toResult(finding, catalog, place)),
    ...report.suppressed.map((entry) => ({ ...toResult(entry.finding, catalog, place), suppressions: [toSuppression(entry)] })),
  ];
  const results = all.slice(0, SARIF_MAX_RESULTS);
  const notifications: SarifNotification[] = [
    ...report.errors.map((entry): SarifNotification => ({
      level: 'error',
      message: { text: `${entry.category}: ${entry.target}: ${entry.message}` },
      ...(entry.location ? { locations: [place(entry.location)] } : {}),
      properties: { category: entry.category, target: entry.target },
    })),
    ...report.unknown.map((entry): SarifNotification => ({
      level: 'note',
      message: { text: `${entry.ruleId} could not decide at ${locationLabel(entry.location)}: ${entry.message}` },
      locations: [place(entry.location)],
      properties: { ruleId: entry.ruleId, outcome: 'unknown' },
    })),
  ];
  if (all.length > results.length) {
    notifications.push({
      level: 'warning',
      message: { text: `${all.length - results.length} more results omitted: code scanning accepts at most ${SARIF_MAX_RESULTS} per run.` },
    });
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: options.informationUri ?? TOOL_INFORMATION_URI,
            rules: catalog.sarifRules,
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: report.startedAt,
            endTimeUtc: report.finishedAt,
            toolExecutionNotifications: notifications,
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results,
        properties: {
          ...(report.profile ? { profile: report.profile } : {}),
          targets: report.targets,
          strengthened: report.strengthened,
          notes: report.notes,
        },
      },
    ],
  };
}

export function renderSarif(report: Report, options: SarifOptions): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}

/** The rules the results refer to, in first-use order, so `ruleIndex` points into `driver.rules`. */
class RuleCatalog {
  readonly sarifRules: SarifRule[] = [];
  private readonly indexById = new Map<string, number>();
  private readonly known: Map<string, Rule>;

  constructor(rules: readonly Rule[]) {
    this.known = new Map(rules.flatMap((rule) => [[rule.id, rule] as const, ...(rule.aliases ?? []).map((alias) => [alias, rule] as const)]));
  }

  indexOf(finding: Finding): number {
    const existing = this.indexById.get(finding.ruleId);
    if (existing !== undefined) return existing;
    const rule = this.known.get(finding.ruleId);
    const index = this.sarifRules.push(toSarifRule(finding, rule)) - 1;
    this.indexById.set(finding.ruleId, index);
    return index;
  }
}

function toSarifRule(finding: Finding, rule: Rule | undefined): SarifRule {
  const severity = rule?.severity ?? finding.severity;
  const title = rule?.title ?? finding.title;
  const remediation = rule?.remediation ?? finding.remediation;
  const description = rule?.description ?? title;
  const safeguard = rule?.safeguard ?? finding.safeguard;
  const citation = finding.citation;
  return {
    id: finding.ruleId,
    name: pascalCase(finding.ruleId),
    shortDescription: { text: title },
    fullDescription: { text: description },
    help: {
      text: `${description}\n\nRemediation: ${remediation}\n\nSafeguard: ${safeguardTitle(safeguard)}, ${citation}.`,
      markdown: `${description}\n\n**Remediation:** ${remediation}\n\n**Safeguard:** ${safeguardTitle(safeguard)}, ${citation}.`,
    },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: {
      tags: ['security', 'hipaa', safeguard, ...(rule ? [rule.family] : [])],
      'security-severity': SECURITY_SEVERITY[severity],
      safeguard,
      citation,
      severity,
    },
  };
}

function pascalCase(ruleId: string): string {
  return ruleId
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function toResult(finding: Finding, catalog: RuleCatalog, place: (location: Location) => SarifLocation): SarifResult {
  const result: SarifResult = {
    ruleId: finding.ruleId,
    ruleIndex: catalog.indexOf(finding),
    level: LEVEL[finding.severity],
    message: { text: `${finding.message} (${finding.citation})` },
    locations: [place(finding.location)],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties: {
      severity: finding.severity,
      safeguard: finding.safeguard,
      citation: finding.citation,
      ...(finding.change ? { change: finding.change } : {}),
      evidence: finding.evidence,
    },
  };
  if (finding.related?.length) result.relatedLocations = finding.related.map((location, id) => ({ id, ...place(location) }));
  return result;
}

function toSuppression(entry: SuppressedFinding): NonNullable<SarifResult['suppressions']>[number] {
  return {
    kind: entry.source?.kind === 'file' ? 'inSource' : 'external',
    status: 'accepted',
    justification: entry.reason,
    ...(entry.until ? { properties: { until: entry.until } } : {}),
  };
}

function sarifLocation(location: Location, options: SarifOptions): SarifLocation {
  if (location.kind === 'file') {
    const place = physical(location.path, location.startLine, location.endLine);
    return location.address ? { ...place, logicalLocations: [{ fullyQualifiedName: location.address, kind: 'resource' }] } : place;
  }
  const line = location.configLine;
  return {
    ...physical(options.configPath ?? DEFAULT_CONFIG_PATH, line ?? 1, line ?? 1),
    logicalLocations: [{ fullyQualifiedName: locationLabel(location), kind: 'resource' }],
    message: { text: `Endpoint ${locationLabel(location)}${line ? ', declared here' : ' (not declared in this file)'}.` },
  };
}

function physical(path: string, startLine: number, endLine: number): SarifLocation {
  const start = Math.max(1, Math.floor(startLine));
  return {
    physicalLocation: {
      artifactLocation: { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
      region: { startLine: start, endLine: Math.max(start, Math.floor(endLine)) },
    },
  };
}

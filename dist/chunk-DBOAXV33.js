import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  ENDPOINT_RULES,
  countBySeverity
} from "./chunk-D6RF3HYE.js";
import {
  ENV_RULES,
  GENERAL_RULES,
  INFRA_RULES
} from "./chunk-ROHD3B77.js";
import {
  DEFAULT_CONFIG_PATH,
  locationLabel,
  safeguardTitle
} from "./chunk-WQ6PL2OD.js";

// checks/rules/registry.ts
var ALL_RULES = [...ENDPOINT_RULES, ...ENV_RULES, ...INFRA_RULES, ...GENERAL_RULES];
function ruleLookup(rules) {
  const byId = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    byId.set(rule.id, rule);
    for (const alias of rule.aliases ?? []) byId.set(alias, rule);
  }
  return (id) => byId.get(id);
}
var ruleById = ruleLookup(ALL_RULES);

// checks/report/json.ts
var JSON_SCHEMA_VERSION = 1;
function toJsonFinding(finding) {
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
    fingerprint: finding.fingerprint
  };
}
function toJsonReport(report) {
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
      strengthened: report.strengthened.length
    },
    findings: report.findings.map(toJsonFinding),
    suppressed: report.suppressed.map((entry) => ({
      ...toJsonFinding(entry.finding),
      suppression: { reason: entry.reason, until: entry.until ?? null, source: entry.source ?? null }
    })),
    unknown: report.unknown,
    errors: report.errors,
    strengthened: report.strengthened,
    notes: report.notes
  };
}
function renderJson(report) {
  return `${JSON.stringify(toJsonReport(report), null, 2)}
`;
}

// checks/report/sarif.ts
var SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
var TOOL_INFORMATION_URI = "https://www.npmjs.com/package/hipaa-guard";
var FINGERPRINT_KEY = "hipaaGuardFingerprint/v1";
var SARIF_MAX_RESULTS = 25e3;
var LEVEL = { critical: "error", high: "error", medium: "warning", low: "note", info: "note" };
var SECURITY_SEVERITY = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", info: "0.0" };
function toSarif(report, options) {
  const catalog = new RuleCatalog(options.rules);
  const place = (location) => sarifLocation(location, options);
  const all = [
    ...report.findings.map((finding) => toResult(finding, catalog, place)),
    ...report.suppressed.map((entry) => ({ ...toResult(entry.finding, catalog, place), suppressions: [toSuppression(entry)] }))
  ];
  const results = all.slice(0, SARIF_MAX_RESULTS);
  const notifications = [
    ...report.errors.map((entry) => ({
      level: "error",
      message: { text: `${entry.category}: ${entry.target}: ${entry.message}` },
      ...entry.location ? { locations: [place(entry.location)] } : {},
      properties: { category: entry.category, target: entry.target }
    })),
    ...report.unknown.map((entry) => ({
      level: "note",
      message: { text: `${entry.ruleId} could not decide at ${locationLabel(entry.location)}: ${entry.message}` },
      locations: [place(entry.location)],
      properties: { ruleId: entry.ruleId, outcome: "unknown" }
    }))
  ];
  if (all.length > results.length) {
    notifications.push({
      level: "warning",
      message: { text: `${all.length - results.length} more results omitted: code scanning accepts at most ${SARIF_MAX_RESULTS} per run.` }
    });
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: options.informationUri ?? TOOL_INFORMATION_URI,
            rules: catalog.sarifRules
          }
        },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: report.startedAt,
            endTimeUtc: report.finishedAt,
            toolExecutionNotifications: notifications
          }
        ],
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The repository root." } } },
        results,
        properties: {
          ...report.profile ? { profile: report.profile } : {},
          targets: report.targets,
          strengthened: report.strengthened,
          notes: report.notes
        }
      }
    ]
  };
}
function renderSarif(report, options) {
  return `${JSON.stringify(toSarif(report, options), null, 2)}
`;
}
var RuleCatalog = class {
  sarifRules = [];
  indexById = /* @__PURE__ */ new Map();
  known;
  constructor(rules) {
    this.known = new Map(rules.flatMap((rule) => [[rule.id, rule], ...(rule.aliases ?? []).map((alias) => [alias, rule])]));
  }
  indexOf(finding) {
    const existing = this.indexById.get(finding.ruleId);
    if (existing !== void 0) return existing;
    const rule = this.known.get(finding.ruleId);
    const index = this.sarifRules.push(toSarifRule(finding, rule)) - 1;
    this.indexById.set(finding.ruleId, index);
    return index;
  }
};
function toSarifRule(finding, rule) {
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
      text: `${description}

Remediation: ${remediation}

Safeguard: ${safeguardTitle(safeguard)}, ${citation}.`,
      markdown: `${description}

**Remediation:** ${remediation}

**Safeguard:** ${safeguardTitle(safeguard)}, ${citation}.`
    },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: {
      tags: ["security", "hipaa", safeguard, ...rule ? [rule.family] : []],
      "security-severity": SECURITY_SEVERITY[severity],
      safeguard,
      citation,
      severity
    }
  };
}
function pascalCase(ruleId) {
  return ruleId.toLowerCase().split(/[^a-z0-9]+/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
}
function toResult(finding, catalog, place) {
  const result = {
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
      ...finding.change ? { change: finding.change } : {},
      evidence: finding.evidence
    }
  };
  if (finding.related?.length) result.relatedLocations = finding.related.map((location, id) => ({ id, ...place(location) }));
  return result;
}
function toSuppression(entry) {
  return {
    kind: entry.source?.kind === "file" ? "inSource" : "external",
    status: "accepted",
    justification: entry.reason,
    ...entry.until ? { properties: { until: entry.until } } : {}
  };
}
function sarifLocation(location, options) {
  if (location.kind === "file") {
    const place = physical(location.path, location.startLine, location.endLine);
    return location.address ? { ...place, logicalLocations: [{ fullyQualifiedName: location.address, kind: "resource" }] } : place;
  }
  const line = location.configLine;
  return {
    ...physical(options.configPath ?? DEFAULT_CONFIG_PATH, line ?? 1, line ?? 1),
    logicalLocations: [{ fullyQualifiedName: locationLabel(location), kind: "resource" }],
    message: { text: `Endpoint ${locationLabel(location)}${line ? ", declared here" : " (not declared in this file)"}.` }
  };
}
function physical(path, startLine, endLine) {
  const start = Math.max(1, Math.floor(startLine));
  return {
    physicalLocation: {
      artifactLocation: { uri: path.split("/").map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" },
      region: { startLine: start, endLine: Math.max(start, Math.floor(endLine)) }
    }
  };
}

export {
  renderJson,
  SARIF_MAX_RESULTS,
  toSarif,
  renderSarif,
  ALL_RULES
};

import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  ALL_RULES,
  renderJson,
  renderSarif
} from "./chunk-DBOAXV33.js";
import {
  EXIT_FINDINGS,
  EXIT_OK,
  UsageError
} from "./chunk-SZGO3UUV.js";
import {
  errorPlace,
  oneLine,
  renderMarkdown,
  summaryLine,
  targetLabel,
  verdictOf
} from "./chunk-D6RF3HYE.js";
import {
  ConfigError,
  DEFAULT_CONFIG_PATH,
  FAIL_ON,
  compareFindings,
  locationLabel,
  parseConfig,
  severityRank
} from "./chunk-WQ6PL2OD.js";
import {
  closestName
} from "./chunk-XZV2XCCM.js";

// cli/config-file.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
async function loadConfigFile(io, configPath) {
  const path = configPath ?? DEFAULT_CONFIG_PATH;
  let text;
  try {
    text = await readFile(resolvePath(io, path), "utf8");
  } catch (error) {
    if (configPath === void 0 && error.code === "ENOENT") return void 0;
    throw new ConfigError(path, [{ path: "", line: 1, message: `cannot read the config file (${error.code ?? String(error)})` }]);
  }
  return { config: parseConfig(text, path), path };
}
function resolvePath(io, path) {
  return resolve(io.cwd, path);
}

// cli/options.ts
import { parseArgs } from "node:util";

// checks/report/text.ts
var SEVERITY_COLOR = {
  critical: "\x1B[1;35m",
  high: "\x1B[1;31m",
  medium: "\x1B[33m",
  low: "\x1B[36m",
  info: "\x1B[2m"
};
var BOLD = "\x1B[1m";
var DIM = "\x1B[2m";
var RESET = "\x1B[0m";
var INDENT = "    ";
function renderText(report, options = {}) {
  const paint = options.color ? (style, text) => `${style}${text}${RESET}` : (_style, text) => text;
  const lines = [header(report, paint), ""];
  const explained = /* @__PURE__ */ new Set();
  for (const [label, findings] of groupByLocation(report.findings)) {
    lines.push(paint(BOLD, label));
    for (const finding of findings) {
      lines.push(...findingLines(finding, paint, !explained.has(finding.ruleId)));
      explained.add(finding.ruleId);
    }
    lines.push("");
  }
  section(lines, paint, "Suppressed", report.suppressed, (entry) => {
    const until = entry.until ? ` until ${entry.until}` : "";
    return [
      `${paint(DIM, "[suppressed]")} ${entry.finding.ruleId} at ${where(entry.finding.location)}: ${oneLine(entry.finding.message)}`,
      `${INDENT}reason: ${oneLine(entry.reason)}${until}`
    ];
  });
  section(lines, paint, "Unknown (could not decide)", groupUnknown(report.unknown), ({ ruleIds, location, message }) => [
    `${ruleIds.join(", ")} at ${where(location)}: ${oneLine(message)}`
  ]);
  section(lines, paint, "Errors (not evaluated)", report.errors, (entry) => [
    `[${entry.category}] ${oneLine(entry.target)}${errorPlace(entry) ? ` (${oneLine(errorPlace(entry) ?? "")})` : ""}: ${oneLine(entry.message)}`
  ]);
  section(lines, paint, "Strengthened", report.strengthened, (entry) => [`${entry.ruleId} at ${where(entry.location)}: ${oneLine(entry.message)}`]);
  section(lines, paint, "Notes", report.notes, (note) => [oneLine(note)]);
  lines.push(paint(BOLD, summaryLine(report)));
  return `${lines.join("\n")}
`;
}
function header(report, paint) {
  const profile = report.profile ? ` \xB7 profile ${report.profile.name} ${report.profile.version}` : "";
  const targets = report.targets.length === 1 && report.targets[0] ? oneLine(targetLabel(report.targets[0])) : `${report.targets.length} targets`;
  return paint(DIM, `${report.tool.name} ${report.tool.version}${profile} \xB7 ${targets} \xB7 ${report.startedAt}`);
}
function findingLines(finding, paint, explain) {
  const severity = paint(SEVERITY_COLOR[finding.severity], finding.severity.toUpperCase().padEnd(8));
  const change = finding.change ? ` [${finding.change}]` : "";
  const fix = explain ? oneLine(finding.remediation) : "see above";
  return [
    `  ${severity} ${finding.ruleId}${change}  ${finding.title}`,
    `  ${INDENT}${oneLine(finding.message)}`,
    `  ${INDENT}${paint(DIM, `${finding.citation} \xB7 fix: ${fix}`)}`
  ];
}
function groupUnknown(unknown) {
  const groups = /* @__PURE__ */ new Map();
  for (const entry of unknown) {
    const key = `${locationLabel(entry.location)}\0${entry.message}`;
    const group = groups.get(key);
    if (group) group.ruleIds.push(entry.ruleId);
    else groups.set(key, { ruleIds: [entry.ruleId], location: entry.location, message: entry.message });
  }
  return [...groups.values()];
}
function groupByLocation(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding of [...findings].sort(compareFindings)) {
    const label = where(finding.location);
    groups.set(label, [...groups.get(label) ?? [], finding]);
  }
  const worst = (group) => Math.min(...group.map((finding) => severityRank(finding.severity)));
  return [...groups].sort(([labelA, a], [labelB, b]) => worst(a) - worst(b) || labelA.localeCompare(labelB));
}
function section(lines, paint, title, entries, describe) {
  if (!entries.length) return;
  lines.push(paint(BOLD, `${title} (${entries.length})`));
  for (const entry of entries) {
    const [first = "", ...rest] = describe(entry);
    lines.push(`  - ${first}`, ...rest.map((line) => `  ${line}`));
  }
  lines.push("");
}
function where(location) {
  return oneLine(locationLabel(location));
}

// checks/report/render.ts
var REPORT_FORMATS = ["text", "json", "markdown", "sarif"];
function renderReport(report, format, options) {
  switch (format) {
    case "text":
      return renderText(report, options);
    case "json":
      return renderJson(report);
    case "markdown":
      return renderMarkdown(report, options);
    case "sarif":
      return renderSarif(report, options);
  }
}

// cli/options.ts
var REPORT_OPTIONS = {
  config: { type: "string" },
  format: { type: "string" },
  output: { type: "string", short: "o" },
  "fail-on": { type: "string" },
  help: { type: "boolean", short: "h" }
};
var REPORT_OPTIONS_HELP = [
  `  --config FILE          config file (default ${DEFAULT_CONFIG_PATH} when it exists)`,
  `  --format FORMAT        ${REPORT_FORMATS.join(" | ")} (default text)`,
  "  --output FILE, -o      write the report to FILE instead of standard output",
  `  --fail-on SEVERITY     ${FAIL_ON.join(" | ")}: exit 1 at or above it (default: the config's, else high)`,
  "  --help, -h             this help"
].join("\n");
function parseCommandLine(args, options) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
    if (unknown) {
      const suggestion = closestName(unknown.replace(/^-+/, "").split("=")[0] ?? "", Object.keys(options));
      throw new UsageError(`unknown option ${unknown}${suggestion ? `; did you mean --${suggestion}?` : ""}`);
    }
    throw new UsageError(message.split(". ")[0] ?? message);
  }
}
function oneOf(option, value, allowed) {
  if (allowed.includes(value)) return value;
  throw new UsageError(`--${option} must be one of ${allowed.join(", ")} (got "${value}")`);
}
function integerOption(option, value, min, max) {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new UsageError(`--${option} must be a whole number from ${min} to ${max} (got "${value}")`);
  }
  return number;
}
function readReportSettings(values) {
  const settings = { format: values.format === void 0 ? "text" : oneOf("format", values.format, REPORT_FORMATS) };
  if (values.output !== void 0) settings.output = values.output;
  if (values["fail-on"] !== void 0) settings.failOn = oneOf("fail-on", values["fail-on"], FAIL_ON);
  if (values.config !== void 0) settings.configPath = values.config;
  return settings;
}

// cli/write-report.ts
import { writeFile } from "node:fs/promises";
import { relative, sep } from "node:path";
function repositoryPath(io, path) {
  return relative(io.cwd, resolvePath(io, path)).split(sep).join("/");
}
function exitCodeFor(report, failOn, blockExisting = false) {
  return verdictOf(report, { failOn, blockExisting }).outcome === "fail" ? EXIT_FINDINGS : EXIT_OK;
}
async function writeReport(report, settings, io, config) {
  const toFile = settings.output !== void 0;
  const color = !toFile && io.stdout.isTTY === true && !io.env.NO_COLOR;
  const text = renderReport(report, settings.format, {
    rules: ALL_RULES,
    color,
    ...config ? { configPath: repositoryPath(io, config.path) } : {}
  });
  if (settings.output === void 0) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFile(resolvePath(io, settings.output), text);
  } catch (error) {
    throw new UsageError(`cannot write --output ${settings.output} (${error.code ?? String(error)})`);
  }
  io.stderr.write(`${settings.format} report written to ${settings.output}: ${summaryLine(report)}
`);
}

export {
  loadConfigFile,
  resolvePath,
  REPORT_OPTIONS,
  REPORT_OPTIONS_HELP,
  parseCommandLine,
  oneOf,
  integerOption,
  readReportSettings,
  exitCodeFor,
  writeReport
};

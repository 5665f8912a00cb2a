/**
 * The infra family over file texts: detect each file's format, parse base and head (a
 * Terraform module together), report what does not parse, diff, apply suppressions.
 * Reading the files (git, the working tree, the API) is the caller's job.
 */
import { posix } from 'node:path';
import { makeFinding, type Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { diffResources } from './diff.js';
import { PARSE_ERROR_RULE } from './rules/general.js';
import { detectFormat, INFRA_PARSERS, type InfraFileText, type InfraFormatParser, type InfraParseOptions } from './formats.js';
import type { InfraResource, ParsedInfraFile } from './model.js';
import type { InfraRule } from './rule.js';
import { INFRA_RULES } from './rules/index.js';
import { applySuppressions } from './suppressions.js';

/** Files over this size are reported (`PARSE-ERROR`), not parsed. */
const MAX_INFRA_FILE_BYTES = 1024 * 1024;

export interface InfraAnalysisInput {
  /** Files at base, under their base paths. */
  base: readonly InfraFileText[];
  /** Files at head. Findings are reported for these (and for resources removed from base). */
  head: readonly InfraFileText[];
  /** Head path → base path of renamed files, so their resources match. */
  renames?: ReadonlyMap<string, string>;
  rules?: readonly InfraRule[];
  now: Date;
  maxBytes?: number;
  /** Settings that change how formats are read (`infra.terraform.var-files`). */
  parseOptions?: InfraParseOptions;
}

export type InfraAnalysis = Pick<Report, 'findings' | 'suppressed' | 'unknown' | 'strengthened' | 'notes'>;

export async function analyzeInfra(input: InfraAnalysisInput): Promise<InfraAnalysis> {
  const maxBytes = input.maxBytes ?? MAX_INFRA_FILE_BYTES;
  const analysis: InfraAnalysis = { findings: [], suppressed: [], unknown: [], strengthened: [], notes: [] };
  const head = await parseVersion(input.head, maxBytes, input.parseOptions ?? {});
  const base = await parseVersion(input.base, maxBytes, input.parseOptions ?? {});
  analysis.notes.push(...head.notes);
  for (const failure of head.failures) analysis.findings.push(parseErrorFinding(failure));
  for (const failure of base.failures) {
    analysis.notes.push(
      `infra: ${failure.path} did not parse at base (line ${failure.line}: ${failure.message}); its resources at head are compared against nothing`,
    );
  }
  const baseToHead = new Map([...(input.renames ?? [])].map(([headPath, basePath]) => [basePath, headPath]));
  // A file that could not be read at head (PARSE-ERROR above) says nothing about what it holds:
  // its base resources are not compared, or every one of them would look `removed`.
  const unreadAtHead = new Set(head.failures.map((failure) => failure.path));
  const diff = diffResources({
    base: base.resources.filter((resource) => !unreadAtHead.has(baseToHead.get(resource.path) ?? resource.path)),
    head: head.resources,
    rules: input.rules ?? INFRA_RULES,
    scopeOf: (resource, side) => scopeOf(resource, side === 'base' ? (baseToHead.get(resource.path) ?? resource.path) : resource.path),
  });
  analysis.unknown.push(...diff.unknown);
  analysis.strengthened.push(...diff.strengthened);
  const texts = new Map(input.head.map((file) => [file.path, file.text]));
  const byPath = new Map<string, Finding[]>();
  for (const finding of diff.findings) {
    const path = finding.location.kind === 'file' ? finding.location.path : '';
    byPath.set(path, [...(byPath.get(path) ?? []), finding]);
  }
  for (const [path, findings] of byPath) {
    const text = texts.get(path);
    if (text === undefined) {
      analysis.findings.push(...findings);
      continue;
    }
    const blocks = head.resources.filter((resource) => resource.path === path).map((resource) => resource.range);
    const result = applySuppressions(path, text, findings, blocks, input.now);
    analysis.findings.push(...result.findings);
    analysis.suppressed.push(...result.suppressed);
  }
  return analysis;
}

interface ParsedVersion {
  resources: InfraResource[];
  failures: Extract<ParsedInfraFile, { ok: false }>[];
  notes: string[];
}

async function parseVersion(files: readonly InfraFileText[], maxBytes: number, options: InfraParseOptions): Promise<ParsedVersion> {
  const version: ParsedVersion = { resources: [], failures: [], notes: [] };
  const groups = new Map<string, { parser: InfraFormatParser; files: InfraFileText[] }>();
  for (const file of files) {
    const parser = detectFormat(file.path, file.text);
    if (!parser) continue;
    const size = Buffer.byteLength(file.text);
    if (size > maxBytes) {
      version.failures.push({
        ok: false,
        path: file.path,
        format: parser.format,
        line: 1,
        message: `file is ${size} bytes, over the ${maxBytes}-byte limit; it was not checked`,
      });
      continue;
    }
    const key = parser.groupOf?.(file.path) ?? `${parser.format}:${file.path}`;
    const group = groups.get(key) ?? { parser, files: [] };
    group.files.push(file);
    groups.set(key, group);
  }
  const parsed = await Promise.all(
    [...groups.values()].map(({ parser, files: members }) =>
      parser.parseGroup ? parser.parseGroup(members, options) : Promise.all(members.map(async (file) => parser.parse(file.path, file.text))),
    ),
  );
  for (const result of parsed.flat()) {
    if (result.ok) {
      version.resources.push(...result.resources);
      version.notes.push(...(result.notes ?? []));
    } else version.failures.push(result);
  }
  return version;
}

/** What an address is unique within: the resource's own scope, the format's group (a Terraform module), else the file. */
function scopeOf(resource: InfraResource, path: string): string {
  if (resource.scope !== undefined) {
    // A scope named after the directory of a renamed file (a Terraform root module) follows the rename.
    const from = `:${posix.dirname(resource.path)}`;
    return path !== resource.path && resource.scope.endsWith(from) ? `${resource.scope.slice(0, -from.length)}:${posix.dirname(path)}` : resource.scope;
  }
  const parser = INFRA_PARSERS.find((candidate) => candidate.format === resource.format);
  return parser?.groupOf?.(path) ?? `${resource.format}:${path}`;
}

function parseErrorFinding(failure: Extract<ParsedInfraFile, { ok: false }>): Finding {
  return makeFinding(PARSE_ERROR_RULE, {
    message: `${failure.path} (${failure.format}) could not be checked: ${failure.message}`,
    location: { kind: 'file', path: failure.path, startLine: failure.line, endLine: failure.line },
    subject: failure.path,
    evidence: { format: failure.format, error: failure.message },
  });
}

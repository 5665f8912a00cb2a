/**
 * The infrastructure format registry: which files are infra, and the parser for each format.
 * A format registers with one line in `INFRA_PARSERS`.
 */
import picomatch from 'picomatch';
import { cloudFormationParser } from './cloudformation/format.js';
import { kubernetesParser } from './kubernetes/format.js';
import type { InfraFormat, ParsedInfraFile } from './model.js';
import { nginxParser } from './nginx/format.js';
import { terraformParser } from './terraform/format.js';

export interface InfraFileText {
  path: string;
  text: string;
}

/** Settings from the config that change how a format is read. */
export interface InfraParseOptions {
  /** `infra.terraform.var-files`: var files applied to the root module in their directory. */
  terraformVarFiles?: readonly string[];
  /** `infra.cloudformation.parameter-files`: template path → globs of its parameter files. */
  cloudFormationParameterFiles?: Readonly<Record<string, readonly string[]>>;
}

export interface InfraFormatParser {
  format: InfraFormat;
  /** Could a file at this path hold this format (by extension or name)? Decides which files are read at all. */
  matchesPath(path: string): boolean;
  /** Does this text hold this format? Settles shared extensions (`.yaml`, `.json`, `.conf`). */
  matchesContent(path: string, text: string): boolean;
  parse(path: string, text: string): ParsedInfraFile | Promise<ParsedInfraFile>;
  /**
   * Files that must be parsed together share a group (a Terraform module is one directory:
   * its variables and locals resolve values in its other files). Absent: each file alone.
   */
  groupOf?(path: string): string;
  parseGroup?(files: readonly InfraFileText[], options?: InfraParseOptions): Promise<ParsedInfraFile[]>;
  /**
   * Other repository files this file's configuration reads (an nginx `include`, a local nested
   * stack's `TemplateURL`, a Terraform module call's local `source`), as repository-relative
   * paths or globs, found from the text alone (cheap: `scan` calls it to pull in what a changed
   * file depends on and, in reverse, what depends on a changed file). Absent: none.
   */
  dependenciesOf?(path: string, text: string): string[];
}

/** Every known format, tried in this order. */
export const INFRA_PARSERS: InfraFormatParser[] = [terraformParser, cloudFormationParser, kubernetesParser, nginxParser];

/** `infra.include` / `infra.exclude` from the config. */
export interface InfraSelection {
  include: readonly string[];
  exclude: readonly string[];
}

/** A selector for the paths worth reading: a known extension or `include`, and not `exclude`. */
export function infraPathFilter(selection: InfraSelection): (path: string) => boolean {
  const included = selection.include.length ? picomatch([...selection.include], { dot: true }) : () => false;
  const excluded = selection.exclude.length ? picomatch([...selection.exclude], { dot: true }) : () => false;
  return (path) => !excluded(path) && (included(path) || INFRA_PARSERS.some((parser) => parser.matchesPath(path)));
}

/** The format of a file, from its path and content; `undefined` when it is not infra. */
export function detectFormat(path: string, text: string): InfraFormatParser | undefined {
  return (
    INFRA_PARSERS.find((parser) => parser.matchesPath(path) && parser.matchesContent(path, text)) ??
    INFRA_PARSERS.find((parser) => parser.matchesContent(path, text))
  );
}

/** Parses one file with the parser its path and content select; `undefined` when it is not infra. */
export async function parseInfraFile(path: string, text: string): Promise<ParsedInfraFile | undefined> {
  return detectFormat(path, text)?.parse(path, text);
}

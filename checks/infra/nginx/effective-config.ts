/**
 * nginx's effective configuration: a file with every `include` it reaches spliced in where
 * nginx reads it, each directive keeping the file and line it was written at. An include that
 * cannot be followed inside the repository stays as an `include` directive with the reason.
 */
import { posix } from 'node:path';
import { includeCandidates, matchCandidate } from './includes.js';
import type { NginxDirective } from './parse-nginx-syntax.js';

/** A directive where it takes effect, with the file it was written in. */
export interface PlacedDirective {
  name: string;
  args: string[];
  line: number;
  endLine: number;
  /** The repository path of the file the directive is written in. */
  path: string;
  /** `file:line` of the `include` that brought this directive in; absent in the root file. */
  includedAt?: string;
  block?: PlacedDirective[];
  /** Set on an `include` that was not followed: what it is and why, e.g. `include /etc/nginx/sites-enabled/* (nginx.conf:60): no file in the repository matches it`. */
  unresolved?: string;
}

/** Packaged files that hold only MIME types, FastCGI/uwsgi/SCGI parameters or charset maps: none of the directives the rules read. */
const INERT_INCLUDES = new Set([
  'mime.types',
  'fastcgi_params',
  'fastcgi.conf',
  'proxy_params',
  'uwsgi_params',
  'scgi_params',
  'koi-utf',
  'koi-win',
  'win-utf',
]);

/** Deeper include chains than any real configuration; deeper ones are not followed. */
const MAX_INCLUDE_DEPTH = 16;
/** Directives one root may expand to (a file included twice by a file included twice... grows fast). */
const MAX_EXPANDED_DIRECTIVES = 100_000;

export interface NginxFileSet {
  /** Parsed files by repository path. */
  parsed: ReadonlyMap<string, readonly NginxDirective[]>;
  /** Files that did not parse: an include of one is not followed. */
  failed: ReadonlySet<string>;
}

/**
 * The root file with its includes spliced in. Includes are resolved against the root's
 * directory (nginx's prefix), then the including file's directory and those above it.
 * `visited` collects every file the expansion read.
 */
export function expandRoot(files: NginxFileSet, root: string, visited: Set<string>): PlacedDirective[] {
  const paths = [...files.parsed.keys(), ...files.failed].sort();
  let count = 0;

  const expand = (directives: readonly NginxDirective[], path: string, chain: readonly string[], includedAt: string | undefined): PlacedDirective[] =>
    directives.flatMap((directive) => {
      if (directive.name === 'include' && !directive.block) return include(directive, path, chain);
      count++;
      const placed: PlacedDirective = { name: directive.name, args: directive.args, line: directive.line, endLine: directive.endLine, path };
      if (includedAt !== undefined) placed.includedAt = includedAt;
      if (directive.block) placed.block = expand(directive.block, path, chain, includedAt);
      return [placed];
    });

  const include = (directive: NginxDirective, path: string, chain: readonly string[]): PlacedDirective[] => {
    const where = `${path}:${directive.line}`;
    const notFollowed = (reason: string): PlacedDirective[] => [
      {
        name: 'include',
        args: directive.args,
        line: directive.line,
        endLine: directive.endLine,
        path,
        unresolved: `include ${directive.args.join(' ')} (${where}): ${reason}`,
      },
    ];
    const [argument] = directive.args;
    if (directive.args.length !== 1 || argument === undefined) return notFollowed('expected one path');
    if (argument.includes('$')) return notFollowed('nginx does not expand variables in include');
    const candidates = includeCandidates(path, argument, root);
    if (!candidates.length) return notFollowed('it points outside the repository');
    const matched = candidates.map((candidate) => matchCandidate(candidate, paths)).find((found) => found.length) ?? [];
    if (!matched.length) return INERT_INCLUDES.has(posix.basename(argument)) ? [] : notFollowed('no file in the repository matches it');
    if (chain.length > MAX_INCLUDE_DEPTH) return notFollowed(`includes nested deeper than ${MAX_INCLUDE_DEPTH} levels`);
    return matched.flatMap((file) => {
      if (chain.includes(file)) return notFollowed(`${file} includes itself`);
      if (files.failed.has(file)) return notFollowed(`${file} did not parse`);
      if (count > MAX_EXPANDED_DIRECTIVES) return notFollowed(`the includes expand to more than ${MAX_EXPANDED_DIRECTIVES} directives`);
      visited.add(file);
      return expand(files.parsed.get(file) ?? [], file, [...chain, file], where);
    });
  };

  visited.add(root);
  return expand(files.parsed.get(root) ?? [], root, [root], undefined);
}

/**
 * Where an nginx `include` points inside the repository. nginx reads a relative include from
 * its configuration prefix (the directory of the main `nginx.conf`); configurations are also
 * written as if it were the including file's directory; and absolute paths name the server's
 * file system (`/etc/nginx/conf.d/*.conf`). All of them are mapped to repository paths, never
 * to a path outside the repository.
 */
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { parseNginxConfig, type NginxDirective } from './parse-nginx-syntax.js';

/** Where packaged nginx builds keep their configuration: an absolute include under one of these is relative to the prefix. */
const CONFIG_PREFIXES = [
  '/etc/nginx/',
  '/usr/local/nginx/conf/',
  '/usr/local/etc/nginx/',
  '/opt/homebrew/etc/nginx/',
  '/opt/bitnami/nginx/conf/',
  '/usr/local/openresty/nginx/conf/',
  '/etc/openresty/',
];

/** The directory of a repository path (`''` for the repository root). */
function directoryOf(path: string): string {
  const directory = posix.dirname(path);
  return directory === '.' ? '' : directory;
}

/** A directory and every directory above it, up to the repository root (`''`). */
function withAncestors(directory: string): string[] {
  const directories = [directory];
  for (let current = directory; current !== '';) {
    current = directoryOf(current);
    directories.push(current);
  }
  return directories;
}

/** `directory/relative`, normalized; `undefined` when it leaves the repository. */
function inside(directory: string, relative: string): string | undefined {
  const joined = posix.normalize(posix.join(directory, relative));
  return joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined) || joined === '.' ? undefined : joined;
}

/**
 * The repository paths (or globs) an `include` argument may stand for, most likely first:
 * relative to the configuration root (nginx's prefix: the main file's directory), to the
 * including file's directory, then to the directories above it (the prefix, when the main file
 * is not in the repository). An absolute path under a known prefix is read the same way, and as
 * a mirror of the server's file system at any of those directories. Empty for an argument with
 * variables, which nginx does not expand in `include`.
 */
export function includeCandidates(from: string, argument: string, root?: string): string[] {
  if (argument.includes('$') || argument === '') return [];
  const bases = [...(root === undefined ? [] : [directoryOf(root)]), ...withAncestors(directoryOf(from))];
  const relatives: string[] = [];
  if (posix.isAbsolute(argument)) {
    const prefix = CONFIG_PREFIXES.find((candidate) => argument.startsWith(candidate));
    if (prefix) relatives.push(argument.slice(prefix.length));
    relatives.push(argument.slice(1));
  } else {
    relatives.push(argument);
  }
  const candidates = relatives.flatMap((relative) => bases.map((base) => inside(base, relative))).filter((path): path is string => path !== undefined);
  return [...new Set(candidates)];
}

const GLOB = /[*?[]/;

/** The paths among `paths` a candidate names: itself, or what its glob matches (sorted, as nginx's glob(3) returns them). */
export function matchCandidate(candidate: string, paths: readonly string[]): string[] {
  if (!GLOB.test(candidate)) return paths.includes(candidate) ? [candidate] : [];
  const matches = picomatch(candidate);
  return paths.filter((path) => matches(path)).sort();
}

/** Every `include` directive of a parsed file, nested blocks included. */
export function includesIn(directives: readonly NginxDirective[]): NginxDirective[] {
  return directives.flatMap((directive) => [...(directive.name === 'include' && !directive.block ? [directive] : []), ...includesIn(directive.block ?? [])]);
}

/** The repository paths and globs a file's includes may read, from its text alone (for selecting files to scan). */
export function nginxDependencies(path: string, text: string): string[] {
  let directives: NginxDirective[];
  try {
    directives = parseNginxConfig(text);
  } catch {
    return [];
  }
  const candidates = includesIn(directives).flatMap((include) => include.args.flatMap((argument) => includeCandidates(path, argument)));
  return [...new Set(candidates)].filter((candidate) => candidate !== path);
}

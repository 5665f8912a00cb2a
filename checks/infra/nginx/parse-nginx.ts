/**
 * nginx configurations into the normalized infra model. All nginx files of a version are read
 * together: from each root (a file no other file includes) the effective configuration is
 * built with every `include` spliced in (effective-config.ts), and each `server` block of the
 * `http` context (or a bare server block) becomes one `nginx:server` resource of the file it is
 * written in, carrying the TLS, HSTS, redirect and logging facts in effect for it: its own, or
 * those it inherits from the `http` block, with the file and line that set each. An `http`
 * block that reaches no server in the repository is an `nginx:http` resource, so its settings
 * are judged all the same. A fact an unfollowed include could set is `Unresolved`.
 */
import type { InfraFileText } from '../formats.js';
import { identifyInFile } from '../file-identity.js';
import { isUnresolved, unresolved, type InfraResource, type ParsedInfraFile, type SourceRange, type Unresolved } from '../model.js';
import { expandRoot, type NginxFileSet, type PlacedDirective } from './effective-config.js';
import { includeCandidates, includesIn, matchCandidate } from './includes.js';
import { NginxSyntaxError, parseNginxConfig, type NginxDirective } from './parse-nginx-syntax.js';
import { protocolRank } from './tls-settings.js';

export interface NginxListen {
  /** The address as written: `443`, `[::]:443`, `127.0.0.1:8443`. */
  address: string;
  port: number | undefined;
  ssl: boolean;
}

export interface NginxHsts {
  /** The header value: `max-age=63072000; includeSubDomains`. */
  header: string;
  maxAge: number | undefined;
  /** `always`: also sent on error responses. */
  always: boolean;
}

/** The settings an `http` block passes on to its servers; on an `nginx:http` resource, only those set there. */
export interface NginxSettings {
  /** `ssl_protocols` as listed; absent: nginx's default. */
  ssl_protocols?: string[] | Unresolved;
  /** `ssl_ciphers` as written; absent: nginx's default `HIGH:!aNULL:!MD5`. */
  ssl_ciphers?: string | Unresolved;
  /** The `add_header Strict-Transport-Security` in effect; absent: none. */
  strict_transport_security?: NginxHsts | Unresolved;
  /** The `access_log` in effect: `off`, or its arguments; absent: nginx's default log. */
  access_log?: string | Unresolved;
  /** For a fact set outside the block itself (the `http` block, an included file): where, e.g. `set at nginx/nginx.conf:31 (http block)`. */
  set_in?: Record<string, string>;
  /** The includes at this level that could not be followed, as written. */
  include: string[];
}

/** The facts of one server block; the keys are the paths rules and `locate` use. */
export interface NginxServerValues extends NginxSettings {
  listen: NginxListen[];
  server_name: string[];
  /** A listener with `ssl` (or `quic`), or `ssl on`; unresolved when neither is there but an unfollowed include in the block may add one. */
  ssl: boolean | Unresolved;
  /** Locations (`location /api`) whose own `add_header` directives hide the server's HSTS header. */
  hsts_dropped_by?: string[];
  /** The directive that sends plain-HTTP requests to `https://` (`return 301 https://...`), as written. */
  https_redirect?: string;
  /** Locations that proxy to a TLS upstream (`proxy_pass https://...`), with the `proxy_ssl_protocols` in effect for them. */
  proxy_tls?: NginxProxyTls[];
}

/** A location proxying over TLS, and the protocols nginx offers the upstream there. */
export interface NginxProxyTls {
  /** `location /api`, nested ones joined by ` > `. */
  location: string;
  /** `proxy_pass` as written. */
  proxy_pass: string;
  /** True for `https://`; unresolved when the URL is a variable (`proxy_pass $backend`). */
  tls: true | Unresolved;
  /** `proxy_ssl_protocols` in effect (location, server, http); absent: nginx's default. */
  proxy_ssl_protocols?: string[] | Unresolved;
}

/** `server:<listen>:<server_name>` for the first listener and name; `80` and `_` when absent. */
function serverAddress(values: Pick<NginxServerValues, 'listen' | 'server_name'>): string {
  return `server:${values.listen[0]?.address ?? '80'}:${values.server_name[0] ?? '_'}`;
}

const CONTENT = /^\s*(http|server|stream)\s*\{/m;
/** A file of directives only (an included snippet): a directive the rules read, or a block the configuration nests, written as nginx writes them. */
const SNIPPET_CONTENT =
  /^\s*(ssl_[a-z_]+|add_header|access_log|listen|server_name|location\s+[^{;\n]*\{|return\s+\d{3}|rewrite|proxy_pass|include)\s[^\n]*[;{]\s*(#.*)?$/m;

export function looksLikeNginx(text: string): boolean {
  return CONTENT.test(text);
}

/** Any directive written as nginx writes it: `name args;` (no `=`, which INI-style files have). */
const DIRECTIVE_LINE = /^\s*[a-z][a-z0-9_]*\s+[^\n=;{}]*;\s*(#.*)?$/m;

/**
 * An included snippet (`snippets/ssl-params.conf`, `h5bp/tls/policy.conf`): nginx directives
 * without a `server` or `http` block. One the rules read is enough (a broken snippet is then a
 * PARSE-ERROR); other directives (`server_tokens off;`, `error_page ...`) count when the whole
 * file parses as nginx.
 */
export function looksLikeNginxSnippet(text: string): boolean {
  if (SNIPPET_CONTENT.test(text)) return true;
  if (!DIRECTIVE_LINE.test(text)) return false;
  try {
    parseNginxConfig(text);
    return true;
  } catch {
    return false;
  }
}

/** One file alone, its includes matched only against itself. */
export function parseNginx(path: string, text: string): ParsedInfraFile {
  return parseNginxFiles([{ path, text }])[0]!;
}

/** Every nginx file of a version together: one result per file, in the order given. */
export function parseNginxFiles(files: readonly InfraFileText[]): ParsedInfraFile[] {
  const parsed = new Map<string, NginxDirective[]>();
  const failures = new Map<string, ParsedInfraFile>();
  for (const { path, text } of files) {
    try {
      parsed.set(path, parseNginxConfig(text));
    } catch (error) {
      if (!(error instanceof NginxSyntaxError)) throw error;
      failures.set(path, { ok: false, path, format: 'nginx', line: error.line, message: error.message });
    }
  }
  const set: NginxFileSet = { parsed, failed: new Set(failures.keys()) };
  const resources = new Map<string, InfraResource[]>();
  const visited = new Set<string>();
  const included = includedFiles(set);
  const paths = [...parsed.keys()].sort();
  // Roots first; then any file no root reached (an include cycle, an include read another way).
  for (const root of [...paths.filter((path) => !included.has(path)), ...paths.filter((path) => included.has(path))]) {
    if (visited.has(root)) continue;
    for (const resource of resourcesOf(expandRoot(set, root, visited))) {
      resources.set(resource.path, [...(resources.get(resource.path) ?? []), resource]);
    }
  }
  for (const list of resources.values()) identifyInFile('nginx', list);
  return files.map(({ path }) => failures.get(path) ?? { ok: true, path, format: 'nginx', resources: resources.get(path) ?? [] });
}

/** Files some other file includes (by any reading of its include paths). */
function includedFiles(set: NginxFileSet): Set<string> {
  const paths = [...set.parsed.keys(), ...set.failed];
  const included = new Set<string>();
  for (const [path, directives] of set.parsed) {
    for (const include of includesIn(directives)) {
      for (const candidate of include.args.flatMap((argument) => includeCandidates(path, argument))) {
        for (const match of matchCandidate(candidate, paths)) if (match !== path) included.add(match);
      }
    }
  }
  return included;
}

const isServer = (directive: PlacedDirective) => directive.name === 'server' && directive.block !== undefined;
const isSimple = (directive: PlacedDirective) => !directive.block;

/** The kinds of resource an nginx context gives: its servers, and the context itself when it reaches none. */
const CONTEXTS = {
  http: { server: 'nginx:server', block: 'nginx:http' },
  // TCP/UDP proxying (ngx_stream_ssl_module): `ssl_protocols` and `ssl_ciphers` in `stream` and its servers; no HTTP.
  stream: { server: 'nginx:stream-server', block: 'nginx:stream' },
} as const;

/** The servers of an effective configuration (bare, or in `http` and `stream` blocks), and `http`/`stream` blocks that reach none. */
function resourcesOf(directives: readonly PlacedDirective[]): InfraResource[] {
  const resources = directives.filter(isServer).map((server) => serverResource(server, [], 'http'));
  for (const context of directives.filter((directive) => (directive.name === 'http' || directive.name === 'stream') && directive.block)) {
    const name = context.name as keyof typeof CONTEXTS;
    const block = context.block ?? [];
    // Servers inherit the context's simple directives; its blocks (servers, maps, upstreams) pass nothing on.
    const inherited = block.filter(isSimple);
    const servers = block.filter(isServer);
    if (servers.length) resources.push(...servers.map((server) => serverResource(server, inherited, name)));
    else resources.push(contextResource(context, CONTEXTS[name].block));
  }
  return resources;
}

/** A fact and the directive that gave it. */
interface Found<T> {
  value: T;
  directive: PlacedDirective;
}

/** Where a directive stands, seen from a resource of `path`: its lines, and its file when that is another. */
function placeOf(directive: Pick<PlacedDirective, 'line' | 'endLine' | 'path'>, path: string): SourceRange {
  const range: SourceRange = { startLine: directive.line, endLine: directive.endLine };
  if (directive.path !== path) range.path = directive.path;
  return range;
}

/** `file:line`, and the include that brought it from another file than the resource's, for messages. */
function originOf(directive: PlacedDirective, resource: PlacedDirective): string {
  const included = directive.includedAt !== undefined && directive.path !== resource.path;
  return `${directive.path}:${directive.line}${included ? `, included at ${directive.includedAt}` : ''}`;
}

/** Collects the facts of a resource with their places; says where those not written in its own block come from. */
class FactSheet {
  readonly ranges = new Map<string, SourceRange>();
  readonly origins: Record<string, string> = {};

  constructor(
    /** The block that is the resource: its directives, included ones spliced in. */
    private readonly block: PlacedDirective,
    /** The context it inherits from: `http` or `stream`. */
    private readonly context = 'http',
  ) {}

  /** How many facts of a list (`proxy_tls.0`, `proxy_tls.1`...) are placed so far. */
  count(list: string): number {
    return [...this.ranges.keys()].filter((key) => key.startsWith(`${list}.`)).length;
  }

  place(key: string, directive: PlacedDirective, origin?: string): void {
    this.ranges.set(key, placeOf(directive, this.block.path));
    const level = this.block.block ?? [];
    const written = directive.path === this.block.path && directive.includedAt === this.block.includedAt;
    if (origin !== undefined) this.origins[key] = origin;
    else if (!level.includes(directive)) this.origins[key] = `set at ${originOf(directive, this.block)} (${this.context} block)`;
    else if (!written) this.origins[key] = `set at ${originOf(directive, this.block)}`;
  }

  /** A fact set inside a nested block of the resource (a `location`): its origin is named only when it was included from elsewhere. */
  placeInner(key: string, directive: PlacedDirective): void {
    this.ranges.set(key, placeOf(directive, this.block.path));
    if (directive.path !== this.block.path || directive.includedAt !== this.block.includedAt) this.origins[key] = `set at ${originOf(directive, this.block)}`;
  }

  origin(directive: PlacedDirective): string {
    return originOf(directive, this.block);
  }

  /** The value of a fact, its directive recorded for `locate`; absent facts stay `undefined`. */
  settle<T>(key: string, fact: Found<T> | undefined): T | undefined {
    if (!fact) return undefined;
    this.place(key, fact.directive);
    return fact.value;
  }

  locate(fallback: SourceRange): (attribute: readonly (string | number)[]) => SourceRange {
    return (attribute) => this.ranges.get(attribute.slice(0, 2).join('.')) ?? this.ranges.get(String(attribute[0])) ?? fallback;
  }
}

function rangeOf(directive: PlacedDirective): SourceRange {
  return { startLine: directive.line, endLine: directive.endLine };
}

/** What a level answers for a fact: found, `stop` (settled as absent here: an `add_header` without HSTS hides the outer ones), or nothing. */
type LevelAnswer<T> = Found<T> | { stop: PlacedDirective } | undefined;

function isFound<T>(answer: LevelAnswer<T>): answer is Found<T> {
  return answer !== undefined && 'value' in answer;
}

/**
 * nginx's inheritance: the innermost level that sets a directive wins. A level with an
 * include that could not be followed and that does not settle the fact leaves it unresolved.
 */
function resolveInherited<T>(
  levels: readonly (readonly PlacedDirective[])[],
  pick: (directives: readonly PlacedDirective[]) => LevelAnswer<T>,
): Found<T | Unresolved> | undefined {
  for (const directives of levels) {
    const answer = pick(directives);
    if (isFound(answer)) return answer;
    const include = directives.find((directive) => directive.unresolved !== undefined);
    if (include) return { value: unresolved(include.unresolved ?? ''), directive: include };
    if (answer) return undefined;
  }
  return undefined;
}

function lastNamed(name: string): (directives: readonly PlacedDirective[]) => Found<PlacedDirective> | undefined {
  return (directives) => {
    const directive = directives.findLast((candidate) => candidate.name === name);
    return directive && { value: directive, directive };
  };
}

function mapFound<T, U>(found: Found<T> | undefined, map: (value: T) => U): Found<U> | undefined {
  return found ? { value: map(found.value), directive: found.directive } : undefined;
}

/** The settings shared by servers and `http` blocks, read over `levels` (innermost first). */
function readSettings(levels: readonly (readonly PlacedDirective[])[], facts: FactSheet): Omit<NginxSettings, 'include' | 'set_in'> {
  const settings = {
    ssl_protocols: facts.settle('ssl_protocols', resolveInherited(levels, readProtocols('ssl_protocols'))),
    ssl_ciphers: facts.settle(
      'ssl_ciphers',
      resolveInherited(levels, (directives) => mapFound(lastNamed('ssl_ciphers')(directives), (directive) => directive.args.join(' '))),
    ),
    strict_transport_security: readEffectiveHsts(levels, facts),
    access_log: facts.settle('access_log', resolveInherited(levels, readAccessLog)),
  };
  // Absent facts stay absent keys: a value of `undefined` would read the same but print differently.
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

/** The HSTS header in effect; when a level's own `add_header` hides an outer one, that `add_header` is where it was lost. */
function readEffectiveHsts(levels: readonly (readonly PlacedDirective[])[], facts: FactSheet): NginxHsts | Unresolved | undefined {
  const found = facts.settle('strict_transport_security', resolveInherited(levels, readHsts));
  if (found !== undefined) return found;
  const stopAt = levels.findIndex((directives) => readHsts(directives) !== undefined);
  const stop = stopAt < 0 ? undefined : readHsts(levels[stopAt] ?? []);
  const hidden = levels
    .slice(stopAt + 1)
    .map(readHsts)
    .find(isFound);
  if (stop && !isFound(stop) && hidden) {
    facts.place(
      'strict_transport_security',
      stop.stop,
      `the add_header at ${facts.origin(stop.stop)} hides the Strict-Transport-Security header set at ${facts.origin(hidden.directive)} (nginx inherits add_header only by a level with none of its own)`,
    );
  }
  return undefined;
}

function serverResource(server: PlacedDirective, inherited: readonly PlacedDirective[], context: keyof typeof CONTEXTS): InfraResource {
  const own = server.block ?? [];
  const levels = [own, inherited];
  const path = server.path;
  const facts = new FactSheet(server, context);
  const listens = own.filter((directive) => directive.name === 'listen');
  listens.forEach((directive, index) => facts.place(`listen.${index}`, directive));
  const listen = listens.map(readListen);
  const sslOn = resolveInherited(levels, lastNamed('ssl'));
  const values: NginxServerValues = {
    listen,
    server_name: own.filter((directive) => directive.name === 'server_name').flatMap((directive) => directive.args),
    ssl: listen.some((entry) => entry.ssl) || (sslOn !== undefined && !isUnresolved(sslOn.value) && sslOn.value.args[0] === 'on'),
    include: unfollowedIncludes(levels.flat()),
    ...readSettings(levels, facts),
  };
  const mayListen = own.find((directive) => directive.unresolved !== undefined);
  if (!values.ssl && mayListen) {
    values.ssl = unresolved(`${mayListen.unresolved ?? ''} (it may add a TLS listener)`);
    facts.place('ssl', mayListen);
  }
  const redirect = findHttpsRedirect(own);
  if (redirect) values.https_redirect = facts.settle('https_redirect', { value: [redirect.name, ...redirect.args].join(' '), directive: redirect });
  const dropping = locationsDroppingHsts(own);
  dropping.forEach((location, index) => facts.place(`hsts_dropped_by.${index}`, location));
  if (dropping.length) values.hsts_dropped_by = dropping.map((location) => ['location', ...location.args].join(' '));
  const proxies = context === 'http' ? proxiesOverTls(own, levels, facts) : [];
  if (proxies.length) values.proxy_tls = proxies;
  if (Object.keys(facts.origins).length) values.set_in = facts.origins;
  const range = rangeOf(server);
  return {
    address: serverAddress(values),
    type: CONTEXTS[context].server,
    format: 'nginx',
    path,
    range,
    values: values as unknown as Record<string, unknown>,
    locate: facts.locate(range),
  };
}

/** An `http` (or `stream`) block that reaches no server in the repository: its own settings, judged where they are set. */
function contextResource(http: PlacedDirective, type: string): InfraResource {
  const own = (http.block ?? []).filter(isSimple);
  const facts = new FactSheet(http);
  // Only what the block sets: an include that could not be followed may hold servers, not settings to judge here.
  const settings = readSettings([own.filter((directive) => directive.unresolved === undefined)], facts);
  const values: NginxSettings = { include: unfollowedIncludes(own), ...settings };
  const range = rangeOf(http);
  return {
    address: http.name,
    type,
    format: 'nginx',
    path: http.path,
    range,
    values: values as unknown as Record<string, unknown>,
    locate: facts.locate(range),
  };
}

function unfollowedIncludes(directives: readonly PlacedDirective[]): string[] {
  return directives.filter((directive) => directive.unresolved !== undefined).flatMap((directive) => directive.args);
}

function readListen(directive: PlacedDirective): NginxListen {
  const address = directive.args[0] ?? '80';
  const port = /(?:^|:)(\d+)$/.exec(address)?.[1];
  return {
    address,
    // `listen 127.0.0.1;` and `listen unix:...` carry no port: nginx's is 80 for an address alone.
    port: port ? Number(port) : address.startsWith('unix:') ? undefined : 80,
    ssl: directive.args.slice(1).some((arg) => arg === 'ssl' || arg === 'quic'),
  };
}

/** `add_header` directives are inherited only by a level that has none of its own. */
function readHsts(directives: readonly PlacedDirective[]): LevelAnswer<NginxHsts | Unresolved> {
  const headers = directives.filter((directive) => directive.name === 'add_header');
  const [first] = headers;
  if (!first) return undefined;
  const hsts = headers.findLast((directive) => directive.args[0]?.toLowerCase() === 'strict-transport-security');
  if (!hsts) return { stop: first };
  const header = hsts.args[1] ?? '';
  if (header.includes('$'))
    return { value: unresolved(`add_header Strict-Transport-Security ${header} (${hsts.path}:${hsts.line}): the value is a variable`), directive: hsts };
  const maxAge = /max-age\s*=\s*"?(\d+)/i.exec(header)?.[1];
  return { value: { header, maxAge: maxAge === undefined ? undefined : Number(maxAge), always: hsts.args.includes('always') }, directive: hsts };
}

/** Locations, nested ones included, with `add_header` of their own and no HSTS among them (nor an unfollowed include that may add it). */
function locationsDroppingHsts(directives: readonly PlacedDirective[]): PlacedDirective[] {
  return directives.flatMap((directive) => {
    if (directive.name !== 'location' || !directive.block) return [];
    const block = directive.block;
    const answer = readHsts(block);
    const drops = answer !== undefined && !isFound(answer) && !block.some((inner) => inner.unresolved !== undefined);
    return [...(drops ? [directive] : []), ...locationsDroppingHsts(block)];
  });
}

/**
 * `ssl_protocols` of one level. nginx reads it as a bitmask (`ngx_conf_set_bitmask_slot`): a
 * second `ssl_protocols` in the same block (often one from an included policy snippet) adds its
 * protocols to the first's instead of replacing them. The directive that brings the oldest
 * protocol is the one to point at.
 */
function readProtocols(name: 'ssl_protocols' | 'proxy_ssl_protocols'): (directives: readonly PlacedDirective[]) => Found<string[]> | undefined {
  return (directives) => {
    const all = directives.filter((directive) => directive.name === name);
    if (!all.length) return undefined;
    const oldest = (directive: PlacedDirective) =>
      Math.min(...directive.args.map((protocol) => (protocolRank(protocol) < 0 ? Infinity : protocolRank(protocol))));
    const weakest = all.reduce((chosen, directive) => (oldest(directive) < oldest(chosen) ? directive : chosen));
    return { value: [...new Set(all.flatMap((directive) => directive.args))], directive: weakest };
  };
}

/**
 * Locations (nested ones too) that `proxy_pass` over TLS, each with the `proxy_ssl_protocols` in
 * effect: the innermost level that sets it, from the location out to the server and `http`
 * (nginx allows it in all three; `proxy_pass` only in a location). `outer` are the levels around
 * `directives`, innermost first.
 */
function proxiesOverTls(
  directives: readonly PlacedDirective[],
  outer: readonly (readonly PlacedDirective[])[],
  facts: FactSheet,
  names: readonly string[] = [],
): NginxProxyTls[] {
  return directives.flatMap((directive) => {
    if (directive.name !== 'location' || !directive.block) return [];
    const block = directive.block;
    const levels = [block, ...outer];
    const chain = [...names, ['location', ...directive.args].join(' ')];
    const pass = block.find((inner) => inner.name === 'proxy_pass');
    const url = pass?.args[0] ?? '';
    const tls = /^https:\/\//i.test(url)
      ? true
      : url.startsWith('$')
        ? unresolved(`proxy_pass ${url} (${pass?.path ?? ''}:${pass?.line ?? 0}): the upstream's scheme is a variable`)
        : undefined;
    const own: NginxProxyTls[] = [];
    if (pass && tls !== undefined) {
      const key = `proxy_tls.${facts.count('proxy_tls')}`;
      const entry: NginxProxyTls = { location: chain.join(' > '), proxy_pass: [pass.name, ...pass.args].join(' '), tls };
      facts.placeInner(key, pass);
      const protocols = resolveInherited(levels, readProtocols('proxy_ssl_protocols'));
      if (protocols) {
        // Set in a location: named only when included; set at server or http level: as the server's own facts are.
        const inLocation = levels.slice(0, levels.length - 2).some((level) => level.includes(protocols.directive));
        if (inLocation) facts.placeInner(key, protocols.directive);
        else facts.place(key, protocols.directive);
        entry.proxy_ssl_protocols = protocols.value;
      }
      own.push(entry);
    }
    return [...own, ...proxiesOverTls(block, levels, facts, chain)];
  });
}

/** `access_log off` at a level turns off every log of that level. */
function readAccessLog(directives: readonly PlacedDirective[]): LevelAnswer<string> {
  const logs = directives.filter((directive) => directive.name === 'access_log');
  const chosen = logs.find((directive) => directive.args[0] === 'off') ?? logs[0];
  return chosen ? { value: chosen.args.join(' '), directive: chosen } : undefined;
}

const REDIRECT_STATUS = new Set(['301', '302', '303', '307', '308']);

/** A `return`/`rewrite` to `https://` at server level, in a server-level `if`, or in `location /`. */
function findHttpsRedirect(directives: readonly PlacedDirective[]): PlacedDirective | undefined {
  for (const directive of directives) {
    if (isHttpsRedirect(directive)) return directive;
    const catchAll = directive.name === 'location' && ['/', '= /'].includes(directive.args.join(' '));
    if ((directive.name === 'if' || catchAll) && directive.block) {
      const inner = directive.block.find(isHttpsRedirect);
      if (inner) return inner;
    }
  }
  return undefined;
}

function isHttpsRedirect(directive: PlacedDirective): boolean {
  const [first, second] = directive.args;
  if (directive.name === 'return') {
    const url = first !== undefined && REDIRECT_STATUS.has(first) ? second : first;
    return url?.toLowerCase().startsWith('https://') ?? false;
  }
  return directive.name === 'rewrite' && (second?.toLowerCase().startsWith('https://') ?? false);
}

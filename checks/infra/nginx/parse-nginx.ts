/**
 * nginx configuration files into the normalized infra model: one `nginx:server` resource per
 * `server` block of the `http` context (or of a conf.d-style file holding bare server blocks),
 * carrying the TLS, HSTS, redirect and logging facts it has itself or inherits from the `http`
 * block of the same file. An `include` that could supply a missing fact makes it `Unresolved`.
 */
import { unresolved, type InfraResource, type LineRange, type ParsedInfraFile, type Unresolved } from '../model.js';
import { NginxSyntaxError, parseNginxConfig, type NginxDirective } from './parse-nginx-syntax.js';

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

/** The facts of one server block; the keys are the paths rules and `locate` use. */
export interface NginxServerValues {
  listen: NginxListen[];
  server_name: string[];
  /** A listener with `ssl` (or `quic`), or `ssl on`. */
  ssl: boolean;
  /** `ssl_protocols` as listed; absent: nginx's default. */
  ssl_protocols?: string[] | Unresolved;
  /** `ssl_ciphers` as written; absent: nginx's default `HIGH:!aNULL:!MD5`. */
  ssl_ciphers?: string | Unresolved;
  /** The `add_header Strict-Transport-Security` in effect; absent: none. */
  strict_transport_security?: NginxHsts | Unresolved;
  /** Locations (`location /api`) whose own `add_header` directives hide the server's HSTS header. */
  hsts_dropped_by?: string[];
  /** The directive that sends plain-HTTP requests to `https://` (`return 301 https://...`), as written. */
  https_redirect?: string;
  /** The `access_log` in effect: `off`, or its arguments; absent: nginx's default log. */
  access_log?: string | Unresolved;
  /** `include` arguments in the server and its `http` block (not followed). */
  include: string[];
}

/** `server:<listen>:<server_name>` for the first listener and name; `80` and `_` when absent. */
export function serverAddress(values: Pick<NginxServerValues, 'listen' | 'server_name'>): string {
  return `server:${values.listen[0]?.address ?? '80'}:${values.server_name[0] ?? '_'}`;
}

const CONTENT = /^\s*(http|server)\s*\{/m;

export function looksLikeNginx(text: string): boolean {
  return CONTENT.test(text);
}

export function parseNginx(path: string, text: string): ParsedInfraFile {
  let directives: NginxDirective[];
  try {
    directives = parseNginxConfig(text);
  } catch (error) {
    if (error instanceof NginxSyntaxError) return { ok: false, path, format: 'nginx', line: error.line, message: error.message };
    throw error;
  }
  const isServer = (directive: NginxDirective) => directive.name === 'server' && directive.block !== undefined;
  // Servers inherit the http block's simple directives; its blocks (servers, maps, upstreams) pass nothing on.
  const contexts: { inherited: NginxDirective[]; servers: NginxDirective[] }[] = [
    { inherited: [], servers: directives.filter(isServer) },
    ...directives
      .filter((directive) => directive.name === 'http' && directive.block)
      .map((http) => ({ inherited: (http.block ?? []).filter((directive) => !directive.block), servers: (http.block ?? []).filter(isServer) })),
  ];
  const resources: InfraResource[] = [];
  const seen = new Map<string, number>();
  for (const { inherited, servers } of contexts) {
    for (const server of servers) {
      const resource = serverResource(path, server, inherited);
      const count = (seen.get(resource.address) ?? 0) + 1;
      seen.set(resource.address, count);
      if (count > 1) resource.address = `${resource.address}#${count}`;
      resources.push(resource);
    }
  }
  return { ok: true, path, format: 'nginx', resources };
}

/** A fact found at a level, with the line range of the directive that gave it. */
interface Found<T> {
  value: T;
  range: LineRange;
}

function rangeOf(directive: NginxDirective): LineRange {
  return { startLine: directive.line, endLine: directive.endLine };
}

function serverResource(path: string, server: NginxDirective, inherited: readonly NginxDirective[]): InfraResource {
  const own = server.block ?? [];
  const levels = [own, inherited];
  const ranges = new Map<string, LineRange>();
  /** The value of a resolved fact, its directive's lines recorded for `locate`; unresolved and absent facts as they are. */
  const settle = <T>(key: string, fact: Found<T> | Unresolved | undefined): T | Unresolved | undefined => {
    if (fact === undefined || isUnresolvedFound(fact)) return fact;
    ranges.set(key, fact.range);
    return fact.value;
  };
  const listens = own.filter((directive) => directive.name === 'listen');
  listens.forEach((directive, index) => ranges.set(`listen.${index}`, rangeOf(directive)));
  const listen = listens.map(readListen);
  const sslOn = resolveInherited(levels, (directives) => last(directives, 'ssl'));
  const redirect = findHttpsRedirect(own);
  const values: NginxServerValues = {
    listen,
    server_name: own.filter((directive) => directive.name === 'server_name').flatMap((directive) => directive.args),
    ssl: listen.some((entry) => entry.ssl) || (!isUnresolvedFound(sslOn) && sslOn?.value.args[0] === 'on'),
    include: levels.flat().filter((directive) => directive.name === 'include').flatMap((directive) => directive.args),
  };
  const facts = {
    ssl_protocols: settle('ssl_protocols', resolveInherited(levels, (directives) => mapFound(last(directives, 'ssl_protocols'), (directive) => directive.args))),
    ssl_ciphers: settle('ssl_ciphers', resolveInherited(levels, (directives) => mapFound(last(directives, 'ssl_ciphers'), (directive) => directive.args.join(' ')))),
    strict_transport_security: settle('strict_transport_security', resolveInherited(levels, readHsts)),
    access_log: settle('access_log', resolveInherited(levels, readAccessLog)),
    https_redirect: settle('https_redirect', redirect && { value: [redirect.name, ...redirect.args].join(' '), range: rangeOf(redirect) }),
  };
  const dropping = locationsDroppingHsts(own);
  dropping.forEach((location, index) => ranges.set(`hsts_dropped_by.${index}`, rangeOf(location)));
  if (dropping.length) values.hsts_dropped_by = dropping.map((location) => ['location', ...location.args].join(' '));
  // Absent facts stay absent keys: a value of `undefined` would read the same but print differently.
  for (const [key, value] of Object.entries(facts)) if (value !== undefined) Object.assign(values, { [key]: value });
  const range = rangeOf(server);
  return {
    address: serverAddress(values),
    type: 'nginx:server',
    format: 'nginx',
    path,
    range,
    values: values as unknown as Record<string, unknown>,
    locate: (attribute) => ranges.get(attribute.slice(0, 2).join('.')) ?? ranges.get(String(attribute[0])) ?? range,
  };
}

function readListen(directive: NginxDirective): NginxListen {
  const address = directive.args[0] ?? '80';
  const port = /(?:^|:)(\d+)$/.exec(address)?.[1];
  return {
    address,
    // `listen 127.0.0.1;` and `listen unix:...` carry no port: nginx's is 80 for an address alone.
    port: port ? Number(port) : address.startsWith('unix:') ? undefined : 80,
    ssl: directive.args.slice(1).some((arg) => arg === 'ssl' || arg === 'quic'),
  };
}

function last(directives: readonly NginxDirective[], name: string): Found<NginxDirective> | undefined {
  const directive = directives.findLast((candidate) => candidate.name === name);
  return directive ? { value: directive, range: rangeOf(directive) } : undefined;
}

function mapFound<T, U>(found: Found<T> | undefined, map: (value: T) => U): Found<U> | undefined {
  return found ? { value: map(found.value), range: found.range } : undefined;
}

/** `stop` settles a fact as absent at this level (an `add_header` without HSTS hides the outer ones). */
type LevelAnswer<T> = Found<T> | 'stop' | undefined;

function isUnresolvedFound<T>(fact: Found<T> | Unresolved | undefined): fact is Unresolved {
  return fact !== undefined && !('range' in fact);
}

/**
 * nginx's inheritance: the innermost level that sets a directive wins. A level with an
 * `include` that does not settle the fact leaves it unresolved (the include may set it).
 */
function resolveInherited<T>(levels: readonly (readonly NginxDirective[])[], pick: (directives: readonly NginxDirective[]) => LevelAnswer<T>): Found<T> | Unresolved | undefined {
  for (const directives of levels) {
    const answer = pick(directives);
    if (answer !== undefined && answer !== 'stop') return answer;
    const include = directives.find((directive) => directive.name === 'include');
    if (include) return unresolved(`include ${include.args.join(' ')} (line ${include.line}, not followed)`);
    if (answer === 'stop') return undefined;
  }
  return undefined;
}

/** `add_header` directives are inherited only by a level that has none of its own. */
function readHsts(directives: readonly NginxDirective[]): LevelAnswer<NginxHsts> {
  const headers = directives.filter((directive) => directive.name === 'add_header');
  if (!headers.length) return undefined;
  const hsts = headers.findLast((directive) => directive.args[0]?.toLowerCase() === 'strict-transport-security');
  if (!hsts) return 'stop';
  const header = hsts.args[1] ?? '';
  const maxAge = /max-age\s*=\s*"?(\d+)/i.exec(header)?.[1];
  return {
    value: { header, maxAge: maxAge === undefined ? undefined : Number(maxAge), always: hsts.args.includes('always') },
    range: rangeOf(hsts),
  };
}

/** Locations, nested ones included, with `add_header` of their own and no HSTS among them (nor an `include` that may add it). */
function locationsDroppingHsts(directives: readonly NginxDirective[]): NginxDirective[] {
  return directives.flatMap((directive) => {
    if (directive.name !== 'location' || !directive.block) return [];
    const block = directive.block;
    const drops = block.some((inner) => inner.name === 'add_header') && readHsts(block) === 'stop' && !block.some((inner) => inner.name === 'include');
    return [...(drops ? [directive] : []), ...locationsDroppingHsts(block)];
  });
}

/** `access_log off` at a level turns off every log of that level. */
function readAccessLog(directives: readonly NginxDirective[]): LevelAnswer<string> {
  const logs = directives.filter((directive) => directive.name === 'access_log');
  const chosen = logs.find((directive) => directive.args[0] === 'off') ?? logs[0];
  return chosen ? { value: chosen.args.join(' '), range: rangeOf(chosen) } : undefined;
}

const REDIRECT_STATUS = new Set(['301', '302', '303', '307', '308']);

/** A `return`/`rewrite` to `https://` at server level, in a server-level `if`, or in `location /`. */
function findHttpsRedirect(directives: readonly NginxDirective[]): NginxDirective | undefined {
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

function isHttpsRedirect(directive: NginxDirective): boolean {
  const [first, second] = directive.args;
  if (directive.name === 'return') {
    const url = first !== undefined && REDIRECT_STATUS.has(first) ? second : first;
    return url?.toLowerCase().startsWith('https://') ?? false;
  }
  return directive.name === 'rewrite' && (second?.toLowerCase().startsWith('https://') ?? false);
}

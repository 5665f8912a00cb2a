/**
 * `hipaa-guard probe`: probes endpoints given as URLs or listed in the config file, judges them
 * against a TLS profile, writes the report and exits by `--fail-on`.
 */
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { defaultConfig, endpointSchema, PROFILE_NAMES, type Config, type EndpointConfig } from '../checks/config/schema.js';
import { allBackends } from '../checks/endpoint/backends/index.js';
import { BACKENDS } from '../checks/endpoint/model.js';
import { checkEndpoints } from '../checks/endpoint/index.js';
import type { Report } from '../checks/model/report.js';
import { loadConfigFile, resolvePath } from './config-file.js';
import { integerOption, oneOf, parseCommandLine, readReportSettings, REPORT_OPTIONS, REPORT_OPTIONS_HELP } from './options.js';
import { exitCodeFor, writeReport } from './write-report.js';
import { UsageError, type CliIo, type Command } from './command.js';
import { startProgress } from './progress.js';

const PROBE_OPTIONS = {
  ...REPORT_OPTIONS,
  resolve: { type: 'string', multiple: true },
  ca: { type: 'string' },
  profile: { type: 'string' },
  timeout: { type: 'string' },
  concurrency: { type: 'string' },
  engine: { type: 'string' },
  'engine-path': { type: 'string' },
} as const;

const USAGE = `Usage: hipaa-guard probe [URL...] [options]

Probes HTTPS endpoints (TLS versions, cipher suites, certificate, redirects, HSTS, h2) and judges
them against a TLS profile. Endpoints are the URLs given, or else the config file's \`endpoints\`.

Options:
  --resolve HOST:PORT:ADDR  connect to ADDR for HOST:PORT, sending HOST as SNI and Host (repeatable)
  --ca FILE                 PEM file of extra trust anchors for the endpoints that name none
  --profile NAME            ${PROFILE_NAMES.join(' | ')} (default: the config's, else hipaa)
  --timeout MS              time budget per endpoint, 100-300000 (default 10000)
  --concurrency N           endpoints probed at once, 1-256 (default 16)
  --engine NAME             ${BACKENDS.join(' | ')}: who collects the TLS facts (default: the config's, else native)
  --engine-path FILE        the external engine's binary (default: testssl / tls-scan on the PATH)
${REPORT_OPTIONS_HELP}

Exit codes: 0 nothing at or above --fail-on, 1 findings (or endpoints not evaluated) at or
above it, 2 usage or config error.
`;

export interface ResolveOverride {
  host: string;
  port: number;
  address: string;
}

/** `api.example.org:443:203.0.113.7`, IPv6 addresses with or without brackets. */
export function parseResolve(value: string): ResolveOverride {
  const match = /^([^:]+):(\d{1,5}):\[?([^\]]+)\]?$/.exec(value);
  const port = Number(match?.[2]);
  if (!match?.[1] || !match[3] || isIP(match[3]) === 0 || port < 1 || port > 65_535) {
    throw new UsageError(`--resolve expects HOST:PORT:ADDRESS such as api.example.org:443:203.0.113.7 (got "${value}")`);
  }
  return { host: match[1].toLowerCase(), port, address: match[3] };
}

function endpointFromUrl(url: string): EndpointConfig {
  const parsed = endpointSchema.safeParse({ url });
  if (!parsed.success) throw new UsageError(`${url}: ${parsed.error.issues[0]?.message ?? 'not an endpoint URL'}`);
  return parsed.data;
}

function matches(endpoint: EndpointConfig, override: ResolveOverride): boolean {
  const url = new URL(endpoint.url);
  return override.host === url.hostname.toLowerCase() && override.port === Number(url.port || 443);
}

function applyResolve(endpoint: EndpointConfig, overrides: readonly ResolveOverride[]): EndpointConfig {
  const override = overrides.find((entry) => matches(endpoint, entry));
  return override ? { ...endpoint, address: override.address } : endpoint;
}

export interface ProbeArguments {
  urls: readonly string[];
  resolve?: readonly string[];
  ca?: string;
  profile?: string;
  timeout?: string;
  concurrency?: string;
  engine?: string;
  'engine-path'?: string;
}

/**
 * The config a probe runs with: the file's (or the defaults), with URLs from the command line
 * replacing its endpoints and each option replacing its setting.
 */
export function probeConfig(args: ProbeArguments, fileConfig: Config | undefined): Config {
  const base = fileConfig ?? defaultConfig();
  const overrides = (args.resolve ?? []).map(parseResolve);
  const endpoints = (args.urls.length ? args.urls.map(endpointFromUrl) : base.endpoints).map((endpoint) => {
    const resolved = applyResolve(endpoint, overrides);
    return args.ca !== undefined && resolved.ca === undefined ? { ...resolved, ca: args.ca } : resolved;
  });
  const unused = overrides.find((override) => !endpoints.some((endpoint) => endpoint.address === override.address && matches(endpoint, override)));
  if (unused) throw new UsageError(`--resolve ${unused.host}:${unused.port}:${unused.address} matches no endpoint being probed`);
  if (!endpoints.length) {
    throw new UsageError('nothing to probe: give one or more https:// URLs, or a config file with `endpoints` (--config FILE)');
  }
  return {
    ...base,
    endpoints,
    profile: args.profile === undefined ? base.profile : oneOf('profile', args.profile, PROFILE_NAMES),
    engine: args.engine === undefined ? base.engine : oneOf('engine', args.engine, BACKENDS),
    ...(args['engine-path'] !== undefined ? { 'engine-path': args['engine-path'] } : {}),
    probe: {
      ...base.probe,
      ...(args.timeout !== undefined ? { timeout: integerOption('timeout', args.timeout, 100, 300_000) } : {}),
      ...(args.concurrency !== undefined ? { concurrency: integerOption('concurrency', args.concurrency, 1, 256) } : {}),
    },
  };
}

/**
 * Probes and judges the config's endpoints with every engine the config may name, showing the
 * progress line on a terminal. `ca` files are read relative to the working directory.
 */
export async function probeEndpoints(
  config: Config,
  io: CliIo,
  readCaFile: (path: string) => Promise<string> = (path) => readFile(resolvePath(io, path), 'utf8'),
): Promise<Report> {
  const progress = startProgress(io.stderr, config.endpoints.length);
  try {
    return await checkEndpoints({
      endpoints: config.endpoints,
      profile: config.profile,
      engine: config.engine,
      ...(config['engine-path'] !== undefined ? { enginePath: config['engine-path'] } : {}),
      timeoutMs: config.probe.timeout,
      concurrency: config.probe.concurrency,
      readFile: readCaFile,
      now: () => io.now(),
      backends: allBackends,
      onProgress: () => progress.tick(),
    });
  } finally {
    progress.done();
  }
}

async function runProbe(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, PROBE_OPTIONS);
  const settings = readReportSettings(values);
  const loaded = await loadConfigFile(io, settings.configPath);
  const config = probeConfig({ urls: positionals, ...values }, loaded?.config);
  const report = await probeEndpoints(config, io);
  await writeReport(report, settings, io, loaded);
  return exitCodeFor(report, settings.failOn ?? config['fail-on']);
}

export const probeCommand: Command = {
  usage: USAGE,
  run: runProbe,
};

import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  REPORT_OPTIONS,
  REPORT_OPTIONS_HELP,
  exitCodeFor,
  integerOption,
  loadConfigFile,
  oneOf,
  parseCommandLine,
  readReportSettings,
  resolvePath,
  writeReport
} from "./chunk-ZVYQVZJN.js";
import {
  allBackends
} from "./chunk-GRSTH7CV.js";
import {
  UsageError
} from "./chunk-SZGO3UUV.js";
import {
  checkEndpoints
} from "./chunk-62G23UAV.js";
import {
  BACKENDS,
  PROFILE_NAMES,
  defaultConfig,
  endpointSchema
} from "./chunk-WQ6PL2OD.js";

// cli/probe.ts
import { readFile } from "node:fs/promises";
import { isIP } from "node:net";

// cli/progress.ts
var ERASE_LINE = "\r\x1B[2K";
function startProgress(stream, total, label = "probing") {
  if (!stream.isTTY || total < 2) return { tick: () => void 0, done: () => void 0 };
  let finished = 0;
  const draw = () => stream.write(`${ERASE_LINE}${label}: ${finished}/${total} endpoints done`);
  draw();
  return {
    tick: () => {
      finished = Math.min(total, finished + 1);
      draw();
    },
    done: () => {
      stream.write(ERASE_LINE);
    }
  };
}

// cli/probe.ts
var PROBE_OPTIONS = {
  ...REPORT_OPTIONS,
  resolve: { type: "string", multiple: true },
  ca: { type: "string" },
  profile: { type: "string" },
  timeout: { type: "string" },
  concurrency: { type: "string" },
  engine: { type: "string" },
  "engine-path": { type: "string" }
};
var USAGE = `Usage: hipaa-guard probe [URL...] [options]

Probes HTTPS endpoints (TLS versions, cipher suites, certificate, redirects, HSTS, h2) and judges
them against a TLS profile. Endpoints are the URLs given, or else the config file's \`endpoints\`.

Options:
  --resolve HOST:PORT:ADDR  connect to ADDR for HOST:PORT, sending HOST as SNI and Host (repeatable)
  --ca FILE                 PEM file of extra trust anchors for the endpoints that name none
  --profile NAME            ${PROFILE_NAMES.join(" | ")} (default: the config's, else hipaa)
  --timeout MS              time budget per endpoint, 100-300000 (default 10000)
  --concurrency N           endpoints probed at once, 1-256 (default 16)
  --engine NAME             ${BACKENDS.join(" | ")}: who collects the TLS facts (default: the config's, else native)
  --engine-path FILE        the external engine's binary (default: testssl / tls-scan on the PATH)
${REPORT_OPTIONS_HELP}

Exit codes: 0 nothing at or above --fail-on, 1 findings (or endpoints not evaluated) at or
above it, 2 usage or config error.
`;
function parseResolve(value) {
  const match = /^([^:]+):(\d{1,5}):\[?([^\]]+)\]?$/.exec(value);
  const port = Number(match?.[2]);
  if (!match?.[1] || !match[3] || isIP(match[3]) === 0 || port < 1 || port > 65535) {
    throw new UsageError(`--resolve expects HOST:PORT:ADDRESS such as api.example.org:443:203.0.113.7 (got "${value}")`);
  }
  return { host: match[1].toLowerCase(), port, address: match[3] };
}
function endpointFromUrl(url) {
  const parsed = endpointSchema.safeParse({ url });
  if (!parsed.success) throw new UsageError(`${url}: ${parsed.error.issues[0]?.message ?? "not an endpoint URL"}`);
  return parsed.data;
}
function matches(endpoint, override) {
  const url = new URL(endpoint.url);
  return override.host === url.hostname.toLowerCase() && override.port === Number(url.port || 443);
}
function applyResolve(endpoint, overrides) {
  const override = overrides.find((entry) => matches(endpoint, entry));
  return override ? { ...endpoint, address: override.address } : endpoint;
}
function probeConfig(args, fileConfig) {
  const base = fileConfig ?? defaultConfig();
  const overrides = (args.resolve ?? []).map(parseResolve);
  const endpoints = (args.urls.length ? args.urls.map(endpointFromUrl) : base.endpoints).map((endpoint) => {
    const resolved = applyResolve(endpoint, overrides);
    return args.ca !== void 0 && resolved.ca === void 0 ? { ...resolved, ca: args.ca } : resolved;
  });
  const unused = overrides.find((override) => !endpoints.some((endpoint) => endpoint.address === override.address && matches(endpoint, override)));
  if (unused) throw new UsageError(`--resolve ${unused.host}:${unused.port}:${unused.address} matches no endpoint being probed`);
  if (!endpoints.length) {
    throw new UsageError("nothing to probe: give one or more https:// URLs, or a config file with `endpoints` (--config FILE)");
  }
  return {
    ...base,
    endpoints,
    profile: args.profile === void 0 ? base.profile : oneOf("profile", args.profile, PROFILE_NAMES),
    engine: args.engine === void 0 ? base.engine : oneOf("engine", args.engine, BACKENDS),
    ...args["engine-path"] !== void 0 ? { "engine-path": args["engine-path"] } : {},
    probe: {
      ...base.probe,
      ...args.timeout !== void 0 ? { timeout: integerOption("timeout", args.timeout, 100, 3e5) } : {},
      ...args.concurrency !== void 0 ? { concurrency: integerOption("concurrency", args.concurrency, 1, 256) } : {}
    }
  };
}
async function probeEndpoints(config, io, readCaFile = (path) => readFile(resolvePath(io, path), "utf8")) {
  const progress = startProgress(io.stderr, config.endpoints.length);
  try {
    return await checkEndpoints({
      endpoints: config.endpoints,
      profile: config.profile,
      engine: config.engine,
      ...config["engine-path"] !== void 0 ? { enginePath: config["engine-path"] } : {},
      timeoutMs: config.probe.timeout,
      concurrency: config.probe.concurrency,
      readFile: readCaFile,
      now: () => io.now(),
      backends: allBackends,
      onProgress: () => progress.tick()
    });
  } finally {
    progress.done();
  }
}
async function runProbe(argv, io) {
  const { values, positionals } = parseCommandLine(argv, PROBE_OPTIONS);
  const settings = readReportSettings(values);
  const loaded = await loadConfigFile(io, settings.configPath);
  const config = probeConfig({ urls: positionals, ...values }, loaded?.config);
  const report = await probeEndpoints(config, io);
  await writeReport(report, settings, io, loaded);
  return exitCodeFor(report, settings.failOn ?? config["fail-on"]);
}
var probeCommand = {
  usage: USAGE,
  run: runProbe
};

export {
  parseResolve,
  probeConfig,
  probeEndpoints,
  probeCommand
};

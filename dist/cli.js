#!/usr/bin/env node
import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  EXIT_OK,
  EXIT_USAGE,
  UsageError
} from "./chunk-SZGO3UUV.js";
import {
  TOOL
} from "./chunk-D2S3YVWQ.js";
import {
  closestName
} from "./chunk-XZV2XCCM.js";
import "./chunk-BEY6CXLO.js";

// cli/main.ts
import module from "node:module";
import { setFlagsFromString } from "node:v8";

// cli/cli.ts
var COMMANDS = {
  probe: { summary: "probe HTTPS endpoints: TLS, certificates, redirects, HSTS", load: async () => (await import("./chunk-B2TUAJQ4.js")).probeCommand },
  scan: {
    summary: "report infrastructure changes that weaken a safeguard, between two git versions or in a Terraform plan",
    load: async () => (await import("./chunk-JUQRTMPC.js")).scanCommand
  },
  demo: { summary: "probe a loopback lab of good and broken TLS set-ups and print the report", load: async () => (await import("./chunk-SSLC2IE5.js")).demoCommand }
};
function overview() {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    `${TOOL.name} ${TOOL.version}: keeps the HIPAA technical safeguards (45 CFR 164.312) from eroding`,
    "",
    "Usage: hipaa-guard <command> [options]",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    "",
    "Run `hipaa-guard <command> --help` for its options; `hipaa-guard --version` for the version.",
    ""
  ].join("\n");
}
async function isConfigError(error) {
  return error instanceof (await import("./chunk-OVUTSSVS.js")).ConfigError;
}
async function runCli(argv, io) {
  const [name, ...args] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    (name === void 0 ? io.stderr : io.stdout).write(overview());
    return name === void 0 ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${TOOL.version}
`);
    return EXIT_OK;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    const suggestion = closestName(name, Object.keys(COMMANDS));
    io.stderr.write(
      `hipaa-guard: unknown command "${name}"${suggestion ? `; did you mean ${suggestion}?` : ""} (commands: ${Object.keys(COMMANDS).join(", ")})
`
    );
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(command.usage);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`hipaa-guard ${name}: ${error.message}
Run \`hipaa-guard ${name} --help\` for usage.
`);
      return EXIT_USAGE;
    }
    if (await isConfigError(error)) {
      io.stderr.write(`hipaa-guard ${name}: invalid config
${error.message}
`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

// cli/main.ts
setFlagsFromString("--liftoff-only");
module.enableCompileCache?.();
var settled = false;
process.exitCode = 3;
process.once("beforeExit", () => {
  if (!settled) process.stderr.write("hipaa-guard: internal error: the run ended before its report was written\n");
});
runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  now: () => /* @__PURE__ */ new Date()
}).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (error) => {
    settled = true;
    process.stderr.write(`hipaa-guard: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    process.exitCode = 3;
  }
);

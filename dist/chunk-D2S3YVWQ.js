import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);

// package.json
var package_default = {
  name: "hipaa-guard",
  version: "0.1.0",
  description: "Keeps the HIPAA technical safeguards (45 CFR 164.312) from silently eroding: endpoint TLS probing, infrastructure diffs, environment separation.",
  license: "MIT",
  type: "module",
  engines: {
    node: ">=20.18"
  },
  bin: {
    "hipaa-guard": "dist/cli.js"
  },
  files: [
    "dist",
    "action.yml",
    "app.yml",
    "schema"
  ],
  scripts: {
    build: "node scripts/build.mjs",
    gen: "tsx scripts/gen-rules-doc.ts && tsx scripts/gen-endpoint-docs.ts && tsx scripts/gen-schema.ts && tsx test/action/action-docs.ts",
    typecheck: "tsc --noEmit",
    lint: "eslint .",
    format: "prettier --write .",
    "format:check": "prettier --check .",
    test: "vitest run",
    demo: "node dist/cli.js demo",
    bench: "tsx bench/run.ts",
    app: "node dist/app.js",
    pretest: "bash scripts/install-test-deps.sh"
  },
  dependencies: {
    "@actions/core": "^3.0.1",
    "@cdktf/hcl2json": "^0.21.0",
    "@octokit/plugin-retry": "^8.1.1",
    "@octokit/plugin-throttling": "^11.0.5",
    "@octokit/rest": "^22.0.1",
    bullmq: "^6.7.6",
    execa: "^9.6.1",
    ioredis: "^6.1.0",
    "js-yaml": "^4.3.2",
    picomatch: "^4.0.7",
    probot: "^14.3.2",
    zod: "^4.6.7"
  },
  devDependencies: {
    "@eslint/js": "^9.39.5",
    "@octokit/openapi": "^23.0.2",
    "@octokit/webhooks-examples": "^7.6.1",
    "@types/js-yaml": "^4.0.9",
    "@types/node": "^20.19.43",
    "@types/picomatch": "^4.0.3",
    ajv: "^8.20.0",
    "ajv-draft-04": "^1.0.0",
    "ajv-formats": "^3.0.1",
    esbuild: "^0.28.2",
    eslint: "^9.39.5",
    nock: "^15.0.2",
    prettier: "^3.10.1",
    tsx: "^4.23.15",
    typescript: "~5.9",
    "typescript-eslint": "^8.73.0",
    vitest: "^4.1.12"
  },
  allowScripts: {
    esbuild: true,
    "msgpackr-extract": false
  }
};

// checks/version.ts
var TOOL = { name: "hipaa-guard", version: package_default.version };

export {
  TOOL
};

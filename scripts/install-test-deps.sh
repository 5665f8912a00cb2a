#!/usr/bin/env bash
# Installs what the tests and the benchmark need beyond npm packages, from Debian: testssl.sh
# (the testssl engine's tests, the benchmark's peer), sslscan (the benchmark's other peer),
# openssl (testssl.sh runs it), redis-server (the App's shared sweep queue tests).
set -euo pipefail
# Node 24 (the Actions runtime, `runs.using: node24`) for the tests that run dist/action.js as the
# runner does. Installed outside the project's node_modules: there it would shadow the system node
# for every npm script. The `node` package's install script fetches the binary: allowed here only.
node24_dir="$(cd "$(dirname "$0")/.." && pwd)/.cache/node24"
if [ ! -x "$node24_dir/node_modules/node/bin/node" ]; then
  mkdir -p "$node24_dir"
  printf '{ "private": true, "dependencies": { "node": "^24" }, "allowScripts": { "node": true } }\n' > "$node24_dir/package.json"
  npm install --prefix "$node24_dir" --no-audit --no-fund --loglevel=error >/dev/null
fi
need=()
command -v testssl >/dev/null 2>&1 || command -v testssl.sh >/dev/null 2>&1 || need+=(testssl.sh)
command -v sslscan >/dev/null 2>&1 || need+=(sslscan)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing: ${need[*]}; run: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null

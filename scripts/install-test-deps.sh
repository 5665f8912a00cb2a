#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages: Debian's nginx (TLS set-ups Node
# cannot serve), testssl.sh and sslscan (engine tests and the benchmark's peers).
set -euo pipefail
need=()
command -v nginx >/dev/null 2>&1 || need+=(nginx)
command -v testssl >/dev/null 2>&1 || command -v testssl.sh >/dev/null 2>&1 || need+=(testssl.sh)
command -v sslscan >/dev/null 2>&1 || need+=(sslscan)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing: ${need[*]}; run: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null

#!/usr/bin/env bash
# Idempotent set-up shared by `npm test`, `npm start` and CI: npm packages, then Debian's
# Chromium for the browser tests (skipped with a note when we cannot install it).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -d node_modules/.bin || ! -x node_modules/.bin/vitest || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund
fi
if [[ "${1:-}" == "--browser" ]]; then
  if [[ -z "${CHROMIUM_PATH:-}" && ! -x /usr/bin/chromium ]]; then
    if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null; then
      echo "setup: installing Debian's chromium for the browser tests…"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
    else
      echo "setup: /usr/bin/chromium is missing; install Debian's 'chromium' package (or set CHROMIUM_PATH)." >&2
      exit 1
    fi
  fi
fi

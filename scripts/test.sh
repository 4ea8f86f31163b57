#!/usr/bin/env bash
# `npm test`: set up, build, typecheck, then every test (unit, bundle, formula engine, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
npm run --silent build
npm run --silent typecheck
npx vitest run "$@"

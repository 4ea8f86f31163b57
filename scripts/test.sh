#!/usr/bin/env bash
# `npm test`: set up, build, typecheck, lint + format check (Biome), dead code (knip), then every test (unit, bundle, formula engine, browser).
# Ends with one plain "N passed, N failed" line so any CI reader can count the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
npm run --silent build
npm run --silent typecheck
npx biome ci .
npx knip
mkdir -p test-output
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-output/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
exit "$status"

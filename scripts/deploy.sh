#!/usr/bin/env bash
# `npm run deploy`: build, then upload build/ to the Apps Script project in .clasp.json.
set -euo pipefail
cd "$(dirname "$0")/.."
if grep -q "REPLACE_WITH_YOUR_SCRIPT_ID" .clasp.json; then
  cat >&2 <<'MSG'
deploy: .clasp.json does not name your script yet.
  Either create a spreadsheet with a bound script:
      npx clasp login
      rm .clasp.json && npx clasp create --type sheets --title "Shop Doctor" --rootDir build
  or open your spreadsheet → Extensions → Apps Script → Project Settings, copy the Script ID,
  and put it in .clasp.json as "scriptId" (keep "rootDir": "build").
  See "Use it in Google Sheets" in README.md.
MSG
  exit 1
fi
npm run --silent build
npx clasp push -f

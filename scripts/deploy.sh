#!/usr/bin/env bash
# `npm run deploy`: build, then upload build/ to the Apps Script project in .clasp.json.
# clasp's own variables are honoured: clasp_config_project (the .clasp.json) and
# clasp_config_auth (the credentials file, default ~/.clasprc.json, written by `npx clasp login`).
set -euo pipefail
cd "$(dirname "$0")/.."
project="${clasp_config_project:-.clasp.json}"
[[ -d "$project" ]] && project="$project/.clasp.json"
if grep -q "REPLACE_WITH_YOUR_SCRIPT_ID" "$project"; then
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
not_logged_in() {
  cat >&2 <<'MSG'
deploy: clasp is not logged in to Google on this machine, so it cannot upload the script.
  Run `npx clasp login` once (it opens a browser to sign in and saves ~/.clasprc.json),
  then run `npm run deploy` again. On a machine without a browser: `npx clasp login --no-localhost`.
MSG
  exit 1
}
auth="${clasp_config_auth:-$HOME/.clasprc.json}"
[[ -d "$auth" ]] && auth="$auth/.clasprc.json"
[[ -s "$auth" ]] || not_logged_in
npm run --silent build
# clasp's own answer to a file without usable tokens is only "No credentials found.".
status=0
output="$(npx clasp push -f 2>&1)" || status=$?
printf '%s\n' "$output"
if grep -q "No credentials found" <<<"$output"; then not_logged_in; fi
exit "$status"

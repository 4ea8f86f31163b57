#!/usr/bin/env bash
# Idempotent set-up shared by `npm test`, `npm start` and CI: npm packages, then (with --browser)
# Debian's Chromium and CJK fonts for the browser tests. The fonts are checked on their own:
# a machine that already has Chromium but no CJK font renders every Chinese glyph as a box.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -d node_modules/.bin || ! -x node_modules/.bin/vitest || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund
fi
# True when fontconfig knows no font covering Chinese (or fontconfig itself is missing).
cjk_fonts_missing() {
  ! command -v fc-list >/dev/null || [[ -z "$(fc-list :lang=zh family 2>/dev/null)" ]]
}
if [[ "${1:-}" == "--browser" ]]; then
  packages=()
  if [[ -z "${CHROMIUM_PATH:-}" && ! -x /usr/bin/chromium ]]; then packages+=(chromium); fi
  if cjk_fonts_missing; then packages+=(fontconfig fonts-noto-cjk); fi
  if ((${#packages[@]})); then
    if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null; then
      echo "setup: installing ${packages[*]} for the browser tests…"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
    else
      echo "setup: missing for the browser tests: ${packages[*]}; install Debian's packages" \
        "(sudo apt-get install ${packages[*]}) or set CHROMIUM_PATH." >&2
      exit 1
    fi
  fi
elif cjk_fonts_missing; then
  echo "setup: note: no CJK font is installed (fc-list :lang=zh is empty); a browser on this machine" \
    "shows Chinese text as boxes. Install one: sudo apt-get install fonts-noto-cjk" >&2
fi

#!/usr/bin/env bash
# `npm start`: set up (npm packages), build build/Code.js + Sidebar.html, then serve the local
# preview of the sample shop on 127.0.0.1 (PORT=9000 npm start, or npm start -- --port 9000).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run --silent build
# exec: the server gets Ctrl-C / SIGTERM directly and stops cleanly.
exec node --import tsx src/local/preview/main.ts "$@"

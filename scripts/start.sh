#!/usr/bin/env bash
# The main job: build the web app, then run the case service serving it, seeded with the shipped
# protocols and the demo users.
#   MONGODB_URI set -> that server.
#   otherwise       -> the embedded default (mongodb-memory-server, data kept in .data/mongo).
#                      Where mongod cannot be downloaded (no internet), the server says so and
#                      this script falls back to FerretDB on loopback, data kept in .data/ferretdb.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export RUTA_DEMO="${RUTA_DEMO:-1}"
npm run -s build:web

run_server() { npx tsx apps/server/src/main.ts; }

if [ -n "${MONGODB_URI:-}" ]; then
  exec npx tsx apps/server/src/main.ts
fi
status=0
run_server || status=$?
if [ "$status" -eq 3 ]; then
  echo "start: using FerretDB on loopback instead (data in .data/ferretdb)" >&2
  MONGODB_URI="$(bash scripts/ferretdb.sh start "${FERRETDB_PORT:-27018}")"
  export MONGODB_URI
  exec npx tsx apps/server/src/main.ts
fi
exit "$status"

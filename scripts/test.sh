#!/usr/bin/env bash
# The whole test command (README, CI): static checks, then every test against a real
# MongoDB-compatible server and a real browser.
#   MONGODB_URI set   -> tests use that server.
#   otherwise         -> a fresh FerretDB (SQLite backend) on loopback, stopped at the end.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mkdir -p test-artifacts

bash scripts/setup.sh

if [ -z "${MONGODB_URI:-}" ]; then
  export FERRETDB_STATE_DIR
  FERRETDB_STATE_DIR="$(mktemp -d /tmp/ruta-ferretdb.XXXXXX)"
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  MONGODB_URI="$(bash scripts/ferretdb.sh start "$port")"
  export MONGODB_URI
  trap 'bash scripts/ferretdb.sh stop; rm -rf "$FERRETDB_STATE_DIR"' EXIT
fi
echo "test: database $MONGODB_URI" >&2

step() { echo; echo "== $*" >&2; }
step "lint and format"; npm run -s lint
step "typecheck"; npm run -s typecheck
step "verify shipped protocols"; npx ruta verify
step "build web app"; npm run -s build:web
step "build storybook"; npm run -s build-storybook
step "tests"
status=0
npx vitest run --reporter=default --reporter=json --outputFile=test-artifacts/vitest.json || status=$?
node -e '
  const r = require(process.argv[1]);
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$root/test-artifacts/vitest.json" || true
exit $status

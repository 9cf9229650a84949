#!/usr/bin/env bash
# FerretDB 1.x (a MongoDB-compatible server, Apache-2.0) with its SQLite backend, on loopback.
# Used by the test command and CI on machines where mongodb-memory-server cannot download mongod.
#
#   scripts/ferretdb.sh build            build .tools/bin/ferretdb from the Go module proxy (once)
#   scripts/ferretdb.sh start [PORT]     start it in the background; prints the MONGODB_URI to use
#   scripts/ferretdb.sh stop
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/.tools"
bin="$tools/bin/ferretdb"
version="${FERRETDB_VERSION:-v1.24.0}"
state="${FERRETDB_STATE_DIR:-$root/.data/ferretdb}"
pidfile="$state/ferretdb.pid"
portfile="$state/ferretdb.port"

build() {
  [ -x "$bin" ] && return 0
  command -v go >/dev/null || { echo "ferretdb.sh: Go is needed to build FerretDB; install Go 1.22 or newer" >&2; exit 1; }
  local work="$tools/ferretdb-build"
  rm -rf "$work" && mkdir -p "$work" "$tools/bin"
  cat > "$work/go.mod" <<MOD
module ferretdb-build

go 1.22

require github.com/FerretDB/FerretDB $version
MOD
  printf '//go:build tools\npackage tools\n\nimport _ "github.com/FerretDB/FerretDB/cmd/ferretdb"\n' > "$work/tools.go"
  echo "ferretdb.sh: building FerretDB $version (first run only, a few minutes)..." >&2
  # `go install pkg@version` asks the proxy for the module's version list, which it may refuse;
  # a module that requires the exact version does not need that list.
  (cd "$work" && GOFLAGS=-mod=mod go mod tidy >/dev/null 2>&1 || true)
  (cd "$work" && GOFLAGS=-mod=mod go get "github.com/FerretDB/FerretDB/cmd/ferretdb@$version" && go mod vendor)
  # The release's version file is generated at release time and is not in the module zip.
  printf '%s' "$version" > "$work/vendor/github.com/FerretDB/FerretDB/build/version/version.txt"
  (cd "$work" && go build -mod=vendor -o "$bin" github.com/FerretDB/FerretDB/cmd/ferretdb)
  rm -rf "$work"
}

start() {
  local port="${1:-27018}"
  build
  mkdir -p "$state"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    local running
    running="$(cat "$portfile" 2>/dev/null || echo "$port")"
    if [ "$running" != "$port" ]; then
      echo "ferretdb.sh: the FerretDB of $state already runs on port $running, not $port; use that port, or stop it first (bash scripts/ferretdb.sh stop)" >&2
      exit 1
    fi
    echo "mongodb://127.0.0.1:$port/"
    return 0
  fi
  # Something else answering on the port would be taken for this FerretDB, and its database
  # used instead of the one in $state: refuse.
  if answers "$port"; then
    echo "ferretdb.sh: 127.0.0.1:$port is already in use by another program (not the FerretDB of $state); stop it or choose another port (FERRETDB_PORT for npm start)" >&2
    exit 1
  fi
  "$bin" --handler=sqlite --sqlite-url="file:$state/" --listen-addr="127.0.0.1:$port" \
    --telemetry=disable --log-level=warn --debug-addr=- --state-dir="$state" >"$state/ferretdb.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$pidfile"
  echo "$port" >"$portfile"
  for _ in $(seq 1 100); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pidfile"
      echo "ferretdb.sh: FerretDB stopped while starting on 127.0.0.1:$port: $(tail -n 1 "$state/ferretdb.log")" >&2
      exit 1
    fi
    if answers "$port"; then
      echo "mongodb://127.0.0.1:$port/"
      return 0
    fi
    sleep 0.1
  done
  echo "ferretdb.sh: FerretDB did not start on 127.0.0.1:$port; see $state/ferretdb.log" >&2
  exit 1
}

# Whether something accepts connections on 127.0.0.1:$1.
answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop() {
  if [ -f "$pidfile" ]; then kill "$(cat "$pidfile")" 2>/dev/null || true; rm -f "$pidfile" "$portfile"; fi
}

case "${1:-}" in
  build) build ;;
  start) shift; start "$@" ;;
  stop) stop ;;
  *) echo "usage: scripts/ferretdb.sh build | start [PORT] | stop" >&2; exit 2 ;;
esac

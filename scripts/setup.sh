#!/usr/bin/env bash
# Installs what the tests need beyond npm packages, so a fresh machine passes with nothing done
# by hand: Debian's chromium (browser tests) and FerretDB (the MongoDB-compatible server tests
# run against when mongodb-memory-server cannot download mongod). Idempotent.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium for the browser tests..." >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

bash "$root/scripts/ferretdb.sh" build

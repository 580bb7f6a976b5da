#!/usr/bin/env bash
# Set up a virtual environment in .venv with kg and (with --test) everything the tests need,
# including Debian's chromium for the browser tests and Debian's virtuoso-opensource for the team
# store tests (the tests start and stop their own Virtuoso on 127.0.0.1). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
if [ "${1:-}" = "--test" ]; then
  extras="[test]"
  missing=""
  command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
  command -v virtuoso-t >/dev/null 2>&1 || missing="$missing virtuoso-opensource"
  if [ -n "$missing" ]; then
    as_root=""
    [ "$(id -u)" -eq 0 ] || as_root="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $as_root apt-get update -qq
    $as_root apt-get install -y -qq $missing >/dev/null
  fi
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extras}"

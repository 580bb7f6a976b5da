#!/usr/bin/env bash
# Set up everything the tests need (Python packages, Debian's chromium), then run them all.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/python -m pytest "$@"

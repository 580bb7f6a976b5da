#!/usr/bin/env bash
# The main job on the bundled sample data: ingest data/ -> store -> graph.ttl -> network.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
kg ingest data/ --store kg-store
kg export --store kg-store --format turtle --output graph.ttl
kg viz --store kg-store --output network.html
echo "Wrote graph.ttl and network.html (open it in a browser); the store is in kg-store/."

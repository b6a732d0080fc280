#!/usr/bin/env bash
# The main job on the bundled mock tenant. It grows with each capability;
# today: build, then show the extension as PHP sees it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
php -d extension="$PWD/modules/sqzgraph.so" --ri sqzgraph

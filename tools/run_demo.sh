#!/usr/bin/env bash
# Set up (first time) and run the demo; it prints the backend and device it ran on.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/tools/setup_env.sh"
cd "$ROOT"
exec python -m cupy.demo "$@"

#!/usr/bin/env bash
# Create .venv (once) and install the package editable with its test extras. Sourced by the other scripts.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${CUPY_VENV:-$ROOT/.venv}
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
# shellcheck disable=SC1091
. "$VENV/bin/activate"
if ! python -c "import cupy_backends.backend, cupy.cuda._backend" >/dev/null 2>&1 || [ "${CUPY_REINSTALL:-0}" = 1 ]; then
  python -m pip install -q --upgrade pip
  CUPY_NUM_BUILD_JOBS=$(nproc) python -m pip install -q -e "$ROOT[test]"
fi

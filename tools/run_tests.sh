#!/usr/bin/env bash
# Set up (first time) and run the test suite on 2 workers. On a machine without a GPU the host backend runs
# the kernels, and every kernel the suite compiles is also compiled with NVRTC for sm_90
# (CUPY_NVRTC_CHECK=require), so a pass proves the GPU can compile what the host ran.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/tools/setup_env.sh"
cd "$ROOT"
export CUPY_NVRTC_CHECK=${CUPY_NVRTC_CHECK:-require}
export CUPY_HOST_NUM_THREADS=${CUPY_HOST_NUM_THREADS:-1}
exec python -m pytest -n "${CUPY_TEST_WORKERS:-2}" -q -p no:cacheprovider "${@:-tests}"

#!/usr/bin/env bash
# One command for a lent GPU machine: build the extensions in place with that machine's Python, run the
# test suite with CUPY_BACKEND=cuda, then the benchmarks beside the reference CuPy and PyTorch (each in its
# own process). Logs and JSON go to $OUT. The preinstalled reference CuPy is never overwritten: our
# checkout goes first on PYTHONPATH instead.
#
#   tools/gpu_check.sh [pytest args...]      (default: the whole tests/ tree)
set -uo pipefail
OUT=${OUT:-/tmp/gpu_check_out}
mkdir -p "$OUT"
cd "$(dirname "$0")/.."
REPO=$PWD
PY=${PYTHON:-python3}
JOBS=$(nproc)

# Wheels missing on that machine (fastrlock) travel in .whl/ (see docs/gpu_machine.md).
if ls .whl/*.whl >/dev/null 2>&1; then
  $PY -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
  export PYTHONPATH=/tmp/site${PYTHONPATH:+:$PYTHONPATH}
fi
nvidia-smi > "$OUT/nvidia-smi.txt" 2>&1
if ! $PY -c "import fastrlock" 2>/dev/null; then
  echo "fastrlock is missing on this machine: carry its cp312 wheel in .whl/ (docs/gpu_machine.md)"; exit 1
fi

echo "== build"
t0=$(date +%s)
if ! CUPY_NUM_BUILD_JOBS=$JOBS $PY setup.py build_ext --inplace -j "$JOBS" > "$OUT/build.log" 2>&1; then
  tail -60 "$OUT/build.log"; exit 1
fi
echo "build took $(( $(date +%s) - t0 )) s"

export PYTHONPATH=$REPO${PYTHONPATH:+:$PYTHONPATH}
export CUPY_BACKEND=cuda CUPY_CACHE_DIR=/tmp/cupy_kernel_cache PYTHONUNBUFFERED=1
$PY -c "import cupy; cupy.show_config()" > "$OUT/config.txt" 2>&1; cat "$OUT/config.txt"

echo "== tests (CUPY_BACKEND=cuda)"
t0=$(date +%s)
timeout 360 $PY -m pytest -n 8 -q -p no:cacheprovider -rfE --junitxml="$OUT/junit.xml" "${@:-tests}" \
  > "$OUT/tests.log" 2>&1
echo "tests rc=$? in $(( $(date +%s) - t0 )) s"
grep -E "^(FAILED|ERROR)" "$OUT/tests.log" | head -40
tail -3 "$OUT/tests.log"

echo "== benchmarks (ours vs reference CuPy vs PyTorch)"
unset CUPY_BACKEND
timeout 180 $PY benchmarks/run.py --json "$OUT/bench.json" > "$OUT/bench.txt" 2>&1
cat "$OUT/bench.txt"

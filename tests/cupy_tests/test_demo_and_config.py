import io
import subprocess
import sys

import cupy


def test_demo_runs_and_matches_numpy():
    proc = subprocess.run([sys.executable, "-m", "cupy.demo"], capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"backend: {cupy.cuda.get_backend_name()}" in proc.stdout
    # saxpy, block_sum, the NumPy expressions and the ElementwiseKernel are each checked.
    assert proc.stdout.count("match") == 4
    assert "MISMATCH" not in proc.stdout


def test_show_config_reports_backend_and_device():
    buf = io.StringIO()
    cupy.show_config(buf)
    text = buf.getvalue()
    lines = dict(line.split(" : ", 1) for line in text.splitlines() if " : " in line)
    lines = {k.strip(): v.strip() for k, v in lines.items()}
    assert lines["Backend"] == cupy.cuda.get_backend_name()
    assert lines["CuPy Version"] == cupy.__version__
    assert int(lines["Device Count"]) == cupy.cuda.runtime.getDeviceCount()
    name = cupy.cuda.runtime.getDeviceProperties(0)["name"]
    assert lines["Device 0 Name"] == (name.decode() if isinstance(name, bytes) else name)

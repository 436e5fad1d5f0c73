"""Side-by-side benchmark runner.

Runs each implementation in its own process (ours and the reference CuPy are both imported as
``cupy``), then prints one table of times and ratios measured in this run.

    python benchmarks/run.py                       # all suites, default implementations
    python benchmarks/run.py --suite foundation --impls ours,cupy,torch --json benchmarks/results/x.json

Default implementations: ``ours,numpy`` on the host backend; ``ours,cupy,torch`` when ours runs on a GPU.
``--torch-device cpu`` runs the torch cases on the CPU, for a host comparison (``--impls ours,torch``).
The first implementation listed is the one compared: ratio = its time / the other's time.
"""
import argparse
import datetime
import importlib
import json
import os
import platform
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SUITES = ("foundation", "array", "linalg", "fft", "sort", "indexing", "chainer")


def _load_suite(name):
    sys.path.insert(0, HERE)
    return importlib.import_module(f"suite_{name}")


def _worker(impl, suites, only):
    """Run every case for one implementation in this process; print JSON to stdout."""
    from timing import measure

    info = {"impl": impl, "python": platform.python_version()}
    if impl in ("ours", "cupy"):
        import cupy
        origin = os.path.dirname(os.path.dirname(os.path.abspath(cupy.__file__)))
        if (impl == "ours") != (origin == REPO):
            print(json.dumps({"info": {**info, "unavailable": f"cupy found at {origin}"}, "results": {}}))
            return
        info["cupy_version"] = cupy.__version__
        if impl == "ours":
            info["backend"] = cupy.cuda.get_backend_name()
        info["device"] = cupy.cuda.runtime.getDeviceProperties(0)["name"]
        if isinstance(info["device"], bytes):
            info["device"] = info["device"].decode()
    elif impl == "torch":
        import torch
        from impls import torch_device
        if torch_device() == "cuda" and not torch.cuda.is_available():
            print(json.dumps({"info": {**info, "unavailable": "no CUDA torch"}, "results": {}}))
            return
        info["torch_version"] = torch.__version__
        info["torch_device"] = torch_device()
        info["torch_threads"] = torch.get_num_threads()
    elif impl == "numpy":
        import numpy
        info["numpy_version"] = numpy.__version__
    results = {}
    for suite in suites:
        for name, make in _load_suite(suite).CASES.items():
            if only and only not in name:
                continue
            try:
                made = make(impl)
                if made is None:
                    continue
                fn, sync, meta = made
                results[f"{suite}: {name}"] = {**measure(fn, sync=sync), **meta}
            except Exception as e:  # a failing case is reported, not fatal to the table
                results[f"{suite}: {name}"] = {"error": f"{type(e).__name__}: {e}"}
    print(json.dumps({"info": info, "results": results}))


def _run_impl(impl, suites, only):
    env = dict(os.environ)
    paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and os.path.abspath(p) != REPO]
    if impl == "ours":
        paths.insert(0, REPO)
    env["PYTHONPATH"] = os.pathsep.join(paths)
    cmd = [sys.executable, "-X", "faulthandler", os.path.abspath(__file__), "--worker", impl, "--suite", ",".join(suites)]
    if only:
        cmd += ["--only", only]
    proc = subprocess.run(cmd, env=env, cwd=HERE, capture_output=True, text=True)
    if proc.returncode != 0 or not proc.stdout.strip():
        why = f"worker exited with {proc.returncode}: {proc.stderr.strip()[-2000:]}"
        return {"info": {"impl": impl, "unavailable": why}, "results": {}}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _fmt_time(r):
    if r is None:
        return "-"
    if "error" in r:
        return "error"
    t = r["median_s"]
    s = f"{t * 1e6:.2f} us" if t < 1e-3 else f"{t * 1e3:.3f} ms"
    if "bytes" in r:
        s += f" ({r['bytes'] / t / 1e9:.1f} GB/s)"
    return s


def _table(runs):
    impls = [r["info"]["impl"] for r in runs]
    names = []
    for r in runs:
        names += [n for n in r["results"] if n not in names]
    base = runs[0]["results"]
    header = ["case"] + impls + [f"{impls[0]}/{i}" for i in impls[1:]]
    rows = [header]
    for n in names:
        row = [n] + [_fmt_time(r["results"].get(n)) for r in runs]
        for r in runs[1:]:
            a, b = base.get(n), r["results"].get(n)
            ok = a and b and "median_s" in a and "median_s" in b
            row.append(f"{a['median_s'] / b['median_s']:.2f}x" if ok else "-")
        rows.append(row)
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(row, widths)) for row in rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--suite", default=",".join(SUITES))
    ap.add_argument("--impls", default=None)
    ap.add_argument("--only", default=None, help="substring filter on case names")
    ap.add_argument("--json", default=None, help="write all results to this file")
    ap.add_argument("--torch-device", default=None, help="device of the torch cases (default cuda)")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    suites = args.suite.split(",")
    if args.torch_device:
        os.environ["BENCH_TORCH_DEVICE"] = args.torch_device  # the workers inherit it
    if args.worker:
        _worker(args.worker, suites, args.only)
        return
    ours = _run_impl("ours", suites, args.only)
    if args.impls:
        impls = args.impls.split(",")
    else:
        on_gpu = ours["info"].get("backend") == "cuda"
        impls = ["ours", "cupy", "torch"] if on_gpu else ["ours", "numpy"]
    runs = [ours if i == "ours" else _run_impl(i, suites, args.only) for i in impls]
    for r in runs:
        if "unavailable" in r["info"]:
            print(f"# {r['info']['impl']} unavailable: {r['info']['unavailable'][-300:]}")
    runs = [r for r in runs if "unavailable" not in r["info"]]
    print(_table(runs))
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        doc = {"date": datetime.datetime.now().isoformat(timespec="seconds"),
               "host": platform.node(), "runs": runs}
        with open(args.json, "w") as f:
            json.dump(doc, f, indent=1)


if __name__ == "__main__":
    main()

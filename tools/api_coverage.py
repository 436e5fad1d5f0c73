"""How much of NumPy's public API cupy provides.

Lists every public callable of ``numpy``, ``numpy.linalg``, ``numpy.random`` and ``numpy.fft``
and reports, per namespace, which exist in the matching cupy namespace. Names that cupy leaves
out on purpose are listed with the reason in ``UNSUPPORTED`` and counted separately.

    python tools/api_coverage.py            # summary per namespace
    python tools/api_coverage.py --missing  # also list what is missing
"""
import argparse
import importlib
import inspect

import numpy

NAMESPACES = ("numpy", "numpy.linalg", "numpy.random", "numpy.fft")

# name -> reason, for NumPy callables cupy does not mean to provide.
UNSUPPORTED = {
    "numpy": {
        "frompyfunc": "builds ufuncs from Python callables, which cannot run on the device",
        "vectorize": "runs a Python function per element",
        "piecewise": "calls Python functions on boolean-selected pieces",
        "apply_along_axis": "calls a Python function per 1-d slice",
        "apply_over_axes": "calls a Python function per axis",
        "fromfunction": "calls a Python function on index grids",
        "fromiter": "consumes a Python iterator",
        "fromregex": "parses text files",
        "genfromtxt": "parses text files",
        "loadtxt": "parses text files",
        "savetxt": "writes text files",
        "set_printoptions": "printing goes through NumPy (use numpy.set_printoptions)",
        "get_printoptions": "printing goes through NumPy",
        "printoptions": "printing goes through NumPy",
        "setbufsize": "NumPy's ufunc buffering",
        "getbufsize": "NumPy's ufunc buffering",
        "seterrcall": "floating-point error callbacks are not raised on the device",
        "geterrcall": "floating-point error callbacks are not raised on the device",
        "add_docstring": "NumPy internals",
        "add_newdoc": "NumPy internals",
        "add_newdoc_ufunc": "NumPy internals",
        "get_include": "NumPy's C headers",
        "info": "NumPy's help viewer",
        "show_runtime": "NumPy's build report (see cupy.show_config)",
        "show_config": "NumPy's build report (cupy.show_config reports cupy's)",
        "test": "NumPy's test runner",
        "from_dlpack": "interoperability comes with DLPack support",
        "nested_iters": "NumPy's iterator machinery",
        "busday_count": "datetime64 is not a supported dtype",
        "busday_offset": "datetime64 is not a supported dtype",
        "is_busday": "datetime64 is not a supported dtype",
        "datetime_as_string": "datetime64 is not a supported dtype",
        "datetime_data": "datetime64 is not a supported dtype",
        "busdaycalendar": "datetime64 is not a supported dtype",
        "isnat": "datetime64 and timedelta64 are not supported dtypes",
        "seterr": "the device does not trap floating-point errors, so there is no error state",
        "geterr": "the device does not trap floating-point errors, so there is no error state",
        "errstate": "the device does not trap floating-point errors, so there is no error state",
        "matrix": "numpy.matrix is discouraged by NumPy; use 2-d arrays and the @ operator",
        "asmatrix": "numpy.matrix is not provided",
        "bmat": "numpy.matrix is not provided",
        "memmap": "maps a file into host memory",
        "recarray": "structured (record) dtypes are not supported",
        "nditer": "NumPy's iterator machinery",
        "__array_namespace_info__": "the array API inspection namespace is not provided yet",
    },
    "numpy.random": {
        "MT19937": "NumPy's bit generators are sequential CPU algorithms; the device generator "
                   "is the counter-based Philox (cupy.random.Philox)",
        "PCG64": "a sequential CPU bit generator; the device generator is Philox",
        "PCG64DXSM": "a sequential CPU bit generator; the device generator is Philox",
        "SFC64": "a sequential CPU bit generator; the device generator is Philox",
        "SeedSequence": "Philox takes its 64-bit key from the seed directly (sequences and wide "
                        "integers are hashed), without NumPy's entropy pool",
    },
}


def public_callables(module):
    """Public callables of ``module`` (classes of scalar types excluded)."""
    names = getattr(module, "__all__", None) or [n for n in dir(module) if not n.startswith("_")]
    out = []
    for name in sorted(set(names)):
        obj = getattr(module, name, None)
        if obj is None or inspect.ismodule(obj) or not callable(obj):
            continue
        if inspect.isclass(obj) and issubclass(obj, (numpy.generic, numpy.dtype)):
            continue   # scalar and dtype classes: cupy re-exports NumPy's
        if inspect.isclass(obj) and issubclass(obj, BaseException):
            continue
        out.append(name)
    return out


def coverage(np_name):
    """(present, missing, unsupported) name lists for one NumPy namespace."""
    np_mod = importlib.import_module(np_name)
    cp_name = "cupy" + np_name[len("numpy"):]
    try:
        cp_mod = importlib.import_module(cp_name)
    except ImportError:
        cp_mod = None
    skip = UNSUPPORTED.get(np_name, {})
    present, missing, unsupported = [], [], []
    for name in public_callables(np_mod):
        if cp_mod is not None and hasattr(cp_mod, name):
            present.append(name)
        elif name in skip:
            unsupported.append(name)
        else:
            missing.append(name)
    return present, missing, unsupported


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missing", action="store_true", help="list the missing names")
    args = parser.parse_args()
    print(f"{'namespace':<14} {'present':>8} {'missing':>8} {'unsupported':>12} {'coverage':>9}")
    for ns in NAMESPACES:
        present, missing, unsupported = coverage(ns)
        total = len(present) + len(missing)
        pct = 100.0 * len(present) / total if total else 100.0
        print(f"{ns:<14} {len(present):>8} {len(missing):>8} {len(unsupported):>12} {pct:>8.1f}%")
        if args.missing and missing:
            print("  missing: " + ", ".join(missing))
    print("coverage = present / (present + missing); unsupported names are listed with their "
          "reasons in tools/api_coverage.py")


if __name__ == "__main__":
    main()

"""Helpers that write ufunc loop tables as data (NumPy's type characters).

'l'/'L' stand for int64/uint64 (NumPy's 'q'/'Q' loops are the same types on the platforms
cupy supports, so they are not repeated). Long double, object and datetime loops do not exist.
"""

BOOL = "?"
INTS = "bBhHiIlL"
SIGNED = "bhil"
UNSIGNED = "BHIL"
FLOATS = "efd"
COMPLEXES = "FD"
INEXACT = FLOATS + COMPLEXES
NUMERIC = INTS + FLOATS + COMPLEXES
ALL = BOOL + NUMERIC


def same(chars, nin=2, nout=1):
    """Loops whose operands all have one type: ``same('if')`` -> ``('ii->i', 'ff->f')``."""
    return tuple(c * nin + "->" + c * nout for c in chars)


def to(chars, out, nin=2):
    """Loops from same-typed inputs to the fixed output type ``out``."""
    return tuple(c * nin + "->" + out for c in chars)


def group(c):
    """The routine group of a type character: 'bool', 'int', 'half', 'float' or 'complex'."""
    if c == BOOL:
        return "bool"
    if c in INTS:
        return "int"
    if c == "e":
        return "half"
    if c in "fd":
        return "float"
    return "complex"


def by_group(sigs, **routines):
    """Attach a routine to each loop by the group of its first input type.

    ``routines`` maps a group name (see :func:`group`) to C++ code; 'half' falls back to
    'float', and 'default' is used for groups not given.

    >>> by_group(same('if'), int='out0 = in0', float='out0 = in0 + 1')
    (('ii->i', 'out0 = in0'), ('ff->f', 'out0 = in0 + 1'))
    """
    out = []
    for sig in sigs:
        g = group(sig[0])
        r = routines.get(g)
        if r is None and g == "half":
            r = routines.get("float")
        if r is None:
            r = routines.get("default")
        if r is None:
            raise ValueError(f"no routine for loop {sig!r}")
        out.append((sig, r))
    return tuple(out)


def unary_math(fn):
    """C++ applying the math function ``fn`` in the compute type (float for float16)."""
    return f"out0 = out0_type({fn}(static_cast<cupy_math::compute_t<in0_type>>(in0)))"


def binary_math(fn):
    """C++ applying the binary math function ``fn`` in the compute type."""
    return ("out0 = out0_type({0}(static_cast<cupy_math::compute_t<in0_type>>(in0), "
            "static_cast<cupy_math::compute_t<in1_type>>(in1)))").format(fn)


def include(*names):
    """A preamble including cupy/math/<name>.cuh for each name."""
    return "".join(f"#include <cupy/math/{n}.cuh>\n" for n in names)

"""Helpers that write ufunc loop tables as data (NumPy's type characters)."""

BOOL = "?"
INTS = "bBhHiIlL"
FLOATS = "efd"
COMPLEXES = "FD"
NUMERIC = INTS + FLOATS + COMPLEXES
ALL = BOOL + NUMERIC


def same(chars, nin=2, nout=1):
    """Loops whose operands all have one type: ``same('if')`` -> ``('ii->i', 'ff->f')``."""
    return tuple(c * nin + "->" + c * nout for c in chars)


def to(chars, out, nin=2):
    """Loops from same-typed inputs to the fixed output type ``out``."""
    return tuple(c * nin + "->" + out for c in chars)

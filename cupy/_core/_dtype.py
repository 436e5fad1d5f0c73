"""The dtypes the library supports and their C++ names in generated kernels."""
import numpy

#: numpy type character -> C++ type in device code.
_CTYPES = {
    "?": "bool",
    "b": "signed char", "B": "unsigned char",
    "h": "short", "H": "unsigned short",
    "i": "int", "I": "unsigned int",
    "l": "long long", "L": "unsigned long long",
    "q": "long long", "Q": "unsigned long long",
    "e": "float16", "f": "float", "d": "double",
    "F": "complex<float>", "D": "complex<double>",
}

_dtype_memo = {}


def get_dtype(t):
    """``numpy.dtype(t)``, memoized for hashable ``t``."""
    try:
        return _dtype_memo[t]
    except (KeyError, TypeError):
        pass
    d = numpy.dtype(t)
    try:
        _dtype_memo[t] = d
    except TypeError:
        pass
    return d


def check_supported(dtype):
    """Raise TypeError unless ``dtype`` (a numpy.dtype) can live in a device array."""
    if dtype.char not in _CTYPES or dtype.byteorder == ">":
        raise TypeError(f"Unsupported dtype {dtype}")
    return dtype


def ctype_of(dtype):
    """The C++ type name of a supported ``numpy.dtype``."""
    try:
        return _CTYPES[dtype.char]
    except KeyError:
        raise TypeError(f"Unsupported dtype {dtype}") from None


#: numpy kind -> NumPy's simplified kind order used by NEP 50 weak-scalar rules
#: (bool < integer < float < complex).
KIND_ORDER = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 3}

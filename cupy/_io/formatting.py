"""Text representations of device arrays (NumPy's formatting of a host copy) and NumPy's
helpers that only look at numbers, dtypes or shapes, re-exported."""
import numpy

import cupy

__all__ = ["array_repr", "array_str", "array2string", "base_repr", "binary_repr",
           "format_float_positional", "format_float_scientific", "isdtype", "mintypecode",
           "typename", "iterable", "ndindex", "ndenumerate", "einsum_path"]

base_repr = numpy.base_repr
binary_repr = numpy.binary_repr
format_float_positional = numpy.format_float_positional
format_float_scientific = numpy.format_float_scientific
isdtype = numpy.isdtype
mintypecode = numpy.mintypecode
typename = numpy.typename
iterable = numpy.iterable
ndindex = numpy.ndindex


def einsum_path(subscripts, *operands, optimize="greedy", einsum_call=False):
    """The contraction order of an ``einsum``; only the operands' shapes and dtypes are used.

    .. seealso:: :func:`numpy.einsum_path`
    """
    def stand_in(x):
        if isinstance(x, cupy.ndarray):
            # A zero-stride view with the same shape and dtype: no data, no copy.
            return numpy.broadcast_to(numpy.zeros((), x.dtype), x.shape)
        return x
    return numpy.einsum_path(subscripts, *[stand_in(x) for x in operands], optimize=optimize,
                             einsum_call=einsum_call)


def array_repr(arr, max_line_width=None, precision=None, suppress_small=None):
    """The string representation of an array (as ``repr``).

    .. seealso:: :func:`numpy.array_repr`
    """
    return numpy.array_repr(cupy.asnumpy(arr), max_line_width, precision, suppress_small)


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    """The string representation of the data of an array (as ``str``).

    .. seealso:: :func:`numpy.array_str`
    """
    return numpy.array_str(cupy.asnumpy(a), max_line_width, precision, suppress_small)


def array2string(a, *args, **kwargs):
    """A string representation of an array, with NumPy's formatting options.

    .. seealso:: :func:`numpy.array2string`
    """
    return numpy.array2string(cupy.asnumpy(a), *args, **kwargs)


def ndenumerate(arr):
    """Multidimensional index iterator yielding ``(index, value)`` pairs of a host copy.

    .. seealso:: :class:`numpy.ndenumerate`
    """
    return numpy.ndenumerate(cupy.asnumpy(arr))

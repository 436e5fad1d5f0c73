"""FFTs on the host device: NumPy's pocketfft over views of the device buffers.

Host "device memory" is ordinary host memory, so each array at a device pointer is wrapped as a
``numpy.ndarray`` without copying (``_blas._view``) and ``numpy.fft`` writes the transform
straight into the output's view through its ``out=`` argument. Single precision stays single
precision (NumPy 2's pocketfft computes complex64 in float32, as cuFFT does).

The functions follow the conventions of ``cupy.fft._exec`` (which validates the arguments) so
that one code path above the boundary serves both backends: arrays are given by pointer, shape
and strides in elements; ``dtype`` is the complex type (complex64 or complex128) and real arrays
have its real counterpart; ``axes`` are distinct and non-negative, the last one being the halved
axis of real transforms; ``norm`` is NumPy's (``'backward'``, ``'ortho'`` or ``'forward'``) for
the whole multi-axis transform. A complex-to-real transform leaves its input as it was (cuFFT may
overwrite it; callers must not rely on either).
"""
import math

import numpy

from cupy_backends.host._blas import _view


def _real(dtype):
    return numpy.dtype(dtype.char.lower())


def c2c(x, x_strides, y, y_strides, shape, axes, forward, norm, dtype):
    """Complex-to-complex transform of ``x`` into ``y`` (both of ``shape``; ``y`` may be
    ``x`` with the same strides)."""
    if math.prod(shape) == 0:
        return
    xv = _view(x, shape, x_strides, dtype, readonly=x != y)
    yv = _view(y, shape, y_strides, dtype)
    f = numpy.fft.fftn if forward else numpy.fft.ifftn
    f(xv, axes=axes, norm=norm, out=yv)


def r2c(x, x_strides, y, y_strides, shape, axes, norm, dtype):
    """Real-to-complex forward transform; ``shape`` is the real input's, ``y`` holds
    ``shape[axes[-1]] // 2 + 1`` elements along ``axes[-1]``."""
    if math.prod(shape) == 0:
        return
    out_shape = list(shape)
    out_shape[axes[-1]] = shape[axes[-1]] // 2 + 1
    xv = _view(x, shape, x_strides, _real(dtype), readonly=True)
    yv = _view(y, out_shape, y_strides, dtype)
    numpy.fft.rfftn(xv, axes=axes, norm=norm, out=yv)


def c2r(x, x_strides, y, y_strides, shape, axes, norm, dtype):
    """Complex-to-real inverse transform; ``shape`` is the real output's, ``x`` holds
    ``shape[axes[-1]] // 2 + 1`` elements along ``axes[-1]``."""
    if math.prod(shape) == 0:
        return
    in_shape = list(shape)
    in_shape[axes[-1]] = shape[axes[-1]] // 2 + 1
    xv = _view(x, in_shape, x_strides, dtype, readonly=True)
    yv = _view(y, shape, y_strides, _real(dtype))
    numpy.fft.irfftn(xv, s=[shape[a] for a in axes], axes=axes, norm=norm, out=yv)

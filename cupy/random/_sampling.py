"""What ``RandomState`` and ``Generator`` share: parameters, shapes, checks, launches."""
import operator

import numpy

import cupy
from cupy.random import _kernels


def as_param(x, dtype=numpy.float64):
    """A distribution parameter: a Python scalar, or a ``cupy.ndarray`` (array-likes are
    copied to the device; the numbers themselves are always drawn there)."""
    if isinstance(x, cupy.ndarray):
        return x
    arr = numpy.asarray(x)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"unsupported parameter type {arr.dtype}")
    if arr.ndim == 0:
        return arr.astype(dtype).item()
    return cupy.asarray(arr.astype(dtype, copy=False))


def normalize_size(size):
    """``size`` as a tuple of ints (None stays None)."""
    if size is None:
        return None
    try:
        return tuple(operator.index(s) for s in size)
    except TypeError:
        return (operator.index(size),)


def out_shape(size, params):
    """The output shape: ``size``, which the parameters must broadcast to, or else the
    parameters' broadcast shape."""
    shapes = [p.shape for p in params if isinstance(p, cupy.ndarray)]
    size = normalize_size(size)
    if size is None:
        return numpy.broadcast_shapes(*shapes) if shapes else ()
    if any(s < 0 for s in size):
        raise ValueError("negative dimensions are not allowed")
    if shapes and numpy.broadcast_shapes(size, *shapes) != size:
        raise ValueError("shape mismatch: objects cannot be broadcast to a single shape")
    return size


def any_true(mask):
    """``bool(mask.any())`` for a device or host boolean (array)."""
    if isinstance(mask, cupy.ndarray):
        return bool(mask.any())
    return bool(numpy.any(mask))


def check(param, bad, message):
    """Raise ``ValueError(message)`` where ``bad(param)`` holds for some element."""
    if any_true(bad(param)):
        raise ValueError(message)


def float_dtype(dtype):
    dtype = numpy.dtype(dtype)
    if dtype.char not in "fd":
        raise TypeError(f"Unsupported dtype {dtype} (float32 or float64 expected)")
    return dtype


def draw(bitgen, name, size, dtype, params=(), out=None, raw_params=()):
    """Run sampler ``name`` on a fresh stream of ``bitgen`` into a new (or the given) array.

    ``params`` broadcast with the output; ``raw_params`` follow them and do not (the kernel
    indexes them by hand)."""
    shape = out_shape(size, params)
    if out is None:
        out = cupy.empty(shape, dtype)
    elif not isinstance(out, cupy.ndarray):
        raise TypeError("out must be a cupy.ndarray")
    else:
        if out.dtype != dtype:
            raise TypeError(f"Supplied output array has the wrong type: {out.dtype}, "
                            f"expected {numpy.dtype(dtype)}")
        if size is not None and out.shape != shape:
            raise ValueError("size must match out.shape when used together")
    if out.size == 0:
        return out
    seed, offset = bitgen._next_stream()
    _kernels.sampler(name)(*params, *raw_params, numpy.uint64(seed), numpy.uint32(offset), out)
    return out


# --- integers --------------------------------------------------------------------------------
def integers(bitgen, low, high, size, dtype, closed):
    """Uniform integers in [low, high) (``closed``: [low, high]) of an integer or bool dtype,
    exactly uniform (rejection of masked words)."""
    dtype = numpy.dtype(dtype)
    if dtype.kind not in "biu":
        raise TypeError(f"Unsupported dtype {dtype!r} for randint")
    if dtype.kind == "b":
        lo_bound, hi_bound = 0, 1
    else:
        info = numpy.iinfo(dtype)
        lo_bound, hi_bound = int(info.min), int(info.max)
    if high is None:
        low, high = 0, low
    name = "integers_uint64" if dtype == numpy.uint64 else "integers_int64"
    ptype = numpy.uint64 if dtype == numpy.uint64 else numpy.int64
    lows, highs = _int_param(low), _int_param(high)
    hi_incl = highs if closed else highs - 1
    if _beyond(lows, lo_bound, below=True):
        raise ValueError(f"low is out of bounds for {dtype}")
    if _beyond(hi_incl, hi_bound, below=False):
        raise ValueError(f"high is out of bounds for {dtype}")
    if any_true(lows > hi_incl):
        raise ValueError("low > high" if closed else "low >= high")
    params = [_to_kernel_int(lows, ptype), _to_kernel_int(hi_incl, ptype)]
    return draw(bitgen, name, size, dtype, params)


def _beyond(x, bound, below):
    """Whether some element of ``x`` is below (above) ``bound``; a bound outside the range of
    an array's dtype is never crossed (and must not be converted to it)."""
    if not isinstance(x, cupy.ndarray):
        return x < bound if below else x > bound
    info = numpy.iinfo(x.dtype)
    if below:
        return bound > info.min and bool((x < bound).any())
    return bound < info.max and bool((x > bound).any())


def _int_param(x):
    """An integer bound: a Python int, or an int64/uint64 array (host object arrays hold
    bounds beyond int64)."""
    if isinstance(x, cupy.ndarray):
        if x.dtype.kind not in "biu":
            if x.dtype.kind == "f" and bool((x == x.astype(numpy.int64)).all()):
                return x.astype(numpy.int64)
            raise TypeError("Unsupported dtype for integer bounds")
        return x.astype(numpy.uint64 if x.dtype == numpy.uint64 else numpy.int64)
    arr = numpy.asarray(x)
    if arr.ndim == 0:
        v = arr.item()
        if isinstance(v, float):
            if not v.is_integer():
                raise TypeError("Unsupported dtype for integer bounds")
            v = int(v)
        return int(v)
    if arr.dtype.kind == "f":
        arr = arr.astype(numpy.int64)
    return cupy.asarray(arr.astype(numpy.uint64 if arr.dtype == numpy.uint64 else numpy.int64))


def _to_kernel_int(x, ptype):
    if isinstance(x, cupy.ndarray):
        return x
    return ptype(x)

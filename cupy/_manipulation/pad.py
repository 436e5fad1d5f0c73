"""Padding arrays: pad (every NumPy mode and user callables)."""
import itertools

import numpy

import cupy
from cupy._core.core import ndarray
from cupy._core._kernel import ElementwiseKernel
from cupy._manipulation._util import as_device, slice_at_axis

__all__ = ["pad"]


def _round_if_needed(arr, dtype):
    # Statistics of integer arrays are floats; NumPy rounds them half to even first.
    if numpy.issubdtype(dtype, numpy.integer):
        cupy.around(arr, 0, arr)


def _view_roi(array, original_area_slice, axis):
    """The part of ``padded`` whose axes before ``axis`` are already padded and whose axes
    after it are still the original area."""
    axis += 1
    return array[(slice(None),) * axis + original_area_slice[axis:]]


def _pad_simple(array, pad_width, fill_value=None):
    """An array of the padded shape with ``array`` copied into the middle."""
    new_shape = tuple(left + size + right
                      for size, (left, right) in zip(array.shape, pad_width))
    order = "F" if array.flags.f_contiguous and not array.flags.c_contiguous else "C"
    padded = cupy.empty(new_shape, dtype=array.dtype, order=order)
    if fill_value is not None:
        padded.fill(fill_value)
    original_area_slice = tuple(slice(left, left + size)
                                for size, (left, right) in zip(array.shape, pad_width))
    padded[original_area_slice] = array
    return padded, original_area_slice


def _set_pad_area(padded, axis, width_pair, value_pair):
    padded[slice_at_axis(slice(None, width_pair[0]), axis)] = value_pair[0]
    padded[slice_at_axis(slice(padded.shape[axis] - width_pair[1], None), axis)] = \
        value_pair[1]


def _get_edges(padded, axis, width_pair):
    left_index = width_pair[0]
    left_edge = padded[slice_at_axis(slice(left_index, left_index + 1), axis)]
    right_index = padded.shape[axis] - width_pair[1]
    right_edge = padded[slice_at_axis(slice(right_index - 1, right_index), axis)]
    return left_edge, right_edge


def _ramp(end_value, edge, width, dtype, axis):
    """``numpy.linspace(end_value, edge, width, endpoint=False, dtype=dtype, axis=axis)``
    evaluated on the device with the same operations (so the same rounding)."""
    # linspace computes in the inexact result type of its endpoints; a Python end value is
    # weak (NEP 50), a NumPy scalar is not.
    dt = numpy.result_type(edge.dtype, end_value)
    if dt.kind not in "fc":
        dt = numpy.result_type(dt, 0.0)
    start = cupy.asarray(numpy.asarray(end_value, dtype=dt))
    stop = edge.astype(dt)
    delta = stop - start
    shape = [1] * edge.ndim
    shape[axis] = width
    y = cupy.arange(0, width, dtype=dt).reshape(shape)
    step = delta / width
    if bool((step == 0).any()):
        y = (y / width) * delta
    else:
        y = y * step
    y += start
    if numpy.issubdtype(dtype, numpy.integer):
        cupy.floor(y, out=y)
    return y.astype(dtype)


def _get_linear_ramps(padded, axis, width_pair, end_value_pair):
    edge_pair = _get_edges(padded, axis, width_pair)
    left_ramp, right_ramp = (
        _ramp(end_value, edge, width, padded.dtype, axis)
        for end_value, edge, width in zip(end_value_pair, edge_pair, width_pair))
    right_ramp = right_ramp[slice_at_axis(slice(None, None, -1), axis)]
    return left_ramp, right_ramp


# The k-th smallest element of each lane by counting ranks (no sort needed): element j is
# the answer when fewer than k+1 elements are smaller and at least k+1 are not larger. A
# lane holding NaN gives NaN, as NumPy's median does.
_MEDIAN_SOURCE = """
    const long long base = i * n;
    bool has_nan = false;
    for (long long j = 0; j < n; ++j) {
        if (x[base + j] != x[base + j]) has_nan = true;
    }
    if (has_nan) {
        out = _cupy_cast<R>(x[base]);
        for (long long j = 0; j < n; ++j) {
            if (x[base + j] != x[base + j]) { out = _cupy_cast<R>(x[base + j]); break; }
        }
    } else {
        const long long k_hi = n / 2, k_lo = (n - 1) / 2;
        W lo = W(0), hi = W(0);
        for (long long j = 0; j < n; ++j) {
            const T v = x[base + j];
            long long less = 0, equal = 0;
            for (long long m = 0; m < n; ++m) {
                const T w = x[base + m];
                less += (w < v);
                equal += (w == v);
            }
            if (less <= k_lo && k_lo < less + equal) lo = _cupy_cast<W>(v);
            if (less <= k_hi && k_hi < less + equal) hi = _cupy_cast<W>(v);
        }
        out = _cupy_cast<R>(k_lo == k_hi ? lo : (lo + hi) / W(2));
    }
"""


def _median(a, axis, keepdims=True):
    """``numpy.median(a, axis, keepdims=True)`` for real dtypes."""
    median = getattr(cupy, "median", None)
    if median is not None:
        return median(a, axis=axis, keepdims=keepdims)
    if a.dtype.kind == "c":
        raise NotImplementedError("pad(mode='median') does not support complex arrays yet")
    # NumPy averages integers in float64 and float16 in float32 (rounded back to float16).
    res_dtype = a.dtype if a.dtype.kind == "f" else numpy.dtype(numpy.float64)
    work = numpy.dtype(numpy.float32) if a.dtype == numpy.float16 else res_dtype
    lanes = cupy.ascontiguousarray(cupy.moveaxis(a, axis, -1))
    n = lanes.shape[-1]
    out_shape = lanes.shape[:-1]
    out = cupy.empty(out_shape, res_dtype)
    if n == 0:
        out.fill(numpy.nan)
    elif out.size:
        _median_kernel(work)(lanes, n, out)
    return cupy.expand_dims(out, axis)


_median_kernels = {}


def _median_kernel(work):
    # The averaging type W is fixed per kernel: a typedef in the preamble.
    k = _median_kernels.get(work.char)
    if k is None:
        ctype = {"f": "float", "d": "double"}[work.char]
        k = ElementwiseKernel(
            "raw T x, int64 n", "R out", _MEDIAN_SOURCE,
            f"cupy_pad_median_{work.char}", preamble=f"typedef {ctype} W;")
        _median_kernels[work.char] = k
    return k


def _get_stats(padded, axis, width_pair, length_pair, stat_func):
    left_index = width_pair[0]
    right_index = padded.shape[axis] - width_pair[1]
    max_length = right_index - left_index
    left_length, right_length = length_pair
    if left_length is None or max_length < left_length:
        left_length = max_length
    if right_length is None or max_length < right_length:
        right_length = max_length
    if (left_length == 0 or right_length == 0) and stat_func in (cupy.amax, cupy.amin):
        raise ValueError("stat_length of 0 yields no value for padding")
    left_chunk = padded[slice_at_axis(slice(left_index, left_index + left_length), axis)]
    left_stat = stat_func(left_chunk, axis=axis, keepdims=True)
    _round_if_needed(left_stat, padded.dtype)
    if left_length == right_length == max_length:
        return left_stat, left_stat    # both sides see the whole original area
    right_chunk = padded[slice_at_axis(slice(right_index - right_length, right_index), axis)]
    right_stat = stat_func(right_chunk, axis=axis, keepdims=True)
    _round_if_needed(right_stat, padded.dtype)
    return left_stat, right_stat


def _set_reflect_both(padded, axis, width_pair, method, original_period, include_edge=False):
    """Fills as much of both pad areas as one reflection of the filled part allows; returns
    the widths still to fill."""
    left_pad, right_pad = width_pair
    old_length = padded.shape[axis] - right_pad - left_pad
    if include_edge:
        # Reflect only whole periods of the original area (symmetric mode).
        old_length = old_length // original_period * original_period
        edge_offset = 1
    else:
        old_length = ((old_length - 1) // (original_period - 1) * (original_period - 1) + 1)
        edge_offset = 0
        old_length -= 1    # the edge itself is not repeated
    if left_pad > 0:
        chunk_length = min(old_length, left_pad)
        stop = left_pad - edge_offset
        start = stop + chunk_length
        left_chunk = padded[slice_at_axis(slice(start, stop, -1), axis)]
        if method == "odd":
            edge = padded[slice_at_axis(slice(left_pad, left_pad + 1), axis)]
            left_chunk = 2 * edge - left_chunk
        padded[slice_at_axis(slice(left_pad - chunk_length, left_pad), axis)] = left_chunk
        left_pad -= chunk_length
    if right_pad > 0:
        chunk_length = min(old_length, right_pad)
        start = -right_pad + edge_offset - 2
        stop = start - chunk_length
        right_chunk = padded[slice_at_axis(slice(start, stop, -1), axis)]
        if method == "odd":
            edge = padded[slice_at_axis(slice(-right_pad - 1, -right_pad), axis)]
            right_chunk = 2 * edge - right_chunk
        start = padded.shape[axis] - right_pad
        padded[slice_at_axis(slice(start, start + chunk_length), axis)] = right_chunk
        right_pad -= chunk_length
    return left_pad, right_pad


def _set_wrap_both(padded, axis, width_pair, original_period):
    """Fills both pad areas with one period of the filled part; returns the widths still
    to fill."""
    left_pad, right_pad = width_pair
    period = padded.shape[axis] - right_pad - left_pad
    period = period // original_period * original_period    # whole periods only
    new_left_pad = new_right_pad = 0
    if left_pad > 0:
        slice_end = left_pad + period
        slice_start = slice_end - min(period, left_pad)
        right_chunk = padded[slice_at_axis(slice(slice_start, slice_end), axis)]
        if left_pad > period:
            pad_area = slice_at_axis(slice(left_pad - period, left_pad), axis)
            new_left_pad = left_pad - period
        else:
            pad_area = slice_at_axis(slice(None, left_pad), axis)
        padded[pad_area] = right_chunk
    if right_pad > 0:
        slice_start = -right_pad - period
        slice_end = slice_start + min(period, right_pad)
        left_chunk = padded[slice_at_axis(slice(slice_start, slice_end), axis)]
        if right_pad > period:
            pad_area = slice_at_axis(slice(-right_pad, -right_pad + period), axis)
            new_right_pad = right_pad - period
        else:
            pad_area = slice_at_axis(slice(-right_pad, None), axis)
        padded[pad_area] = left_chunk
    return new_left_pad, new_right_pad


def _as_pairs(x, ndim, as_index=False):
    """``x`` broadcast to one ``(before, after)`` pair per axis (host parameters)."""
    if x is None:
        return ((None, None),) * ndim
    if isinstance(x, ndarray):
        x = x.get()    # a parameter, not array data: it is needed on the host
    x = numpy.array(x)
    if as_index:
        x = numpy.round(x).astype(numpy.intp, copy=False)
    if x.ndim < 3:
        if x.size == 1:
            x = x.ravel()
            if as_index and x < 0:
                raise ValueError("index can't contain negative values")
            return ((x[0], x[0]),) * ndim
        if x.size == 2 and x.shape != (2, 1):
            x = x.ravel()
            if as_index and (x[0] < 0 or x[1] < 0):
                raise ValueError("index can't contain negative values")
            return ((x[0], x[1]),) * ndim
    if as_index and x.min() < 0:
        raise ValueError("index can't contain negative values")
    return numpy.broadcast_to(x, (ndim, 2)).tolist()


_ALLOWED_KWARGS = {
    "empty": [], "edge": [], "wrap": [],
    "constant": ["constant_values"],
    "linear_ramp": ["end_values"],
    "maximum": ["stat_length"],
    "mean": ["stat_length"],
    "median": ["stat_length"],
    "minimum": ["stat_length"],
    "reflect": ["reflect_type"],
    "symmetric": ["reflect_type"],
}


def pad(array, pad_width, mode="constant", **kwargs):
    """Pads an array.

    Args:
        array (array_like): The array to pad.
        pad_width (int, sequence or dict): Values added before and after each axis:
            ``((before_1, after_1), ...)``, ``(before, after)`` or one int for all; a dict
            maps axes to an int or a ``(before, after)`` pair.
        mode (str or callable): ``'constant'`` (``constant_values``), ``'edge'``,
            ``'linear_ramp'`` (``end_values``), ``'maximum'``, ``'mean'``, ``'median'``,
            ``'minimum'`` (``stat_length``), ``'reflect'``, ``'symmetric'``
            (``reflect_type`` ``'even'`` or ``'odd'``), ``'wrap'``, ``'empty'``, or a
            function ``f(vector, iaxis_pad_width, iaxis, kwargs)`` that fills the padded
            1-d ``vector`` (a view of the result) in place.

    Returns:
        cupy.ndarray: The padded array.

    .. seealso:: :func:`numpy.pad`

    Example:
        >>> cupy.pad(cupy.array([1, 2, 3]), (2, 1), mode="reflect")
        array([3, 2, 1, 2, 3, 2])
    """
    array = as_device(array)
    if isinstance(pad_width, dict):
        seq = [(0, 0)] * array.ndim
        for axis, width in pad_width.items():
            if isinstance(width, (int, numpy.integer)):
                seq[axis] = (width, width)
            elif isinstance(width, tuple) and len(width) == 2:
                seq[axis] = tuple(width)
            else:
                raise TypeError(f"invalid pad width for axis {axis}: {width!r}")
        pad_width = seq
    pad_width = numpy.asarray(pad_width)
    if not pad_width.dtype.kind == "i":
        raise TypeError("`pad_width` must be of integral type.")
    pad_width = _as_pairs(pad_width, array.ndim, as_index=True)

    if callable(mode):
        function = mode
        padded, _ = _pad_simple(array, pad_width, fill_value=0)
        for axis in range(padded.ndim):
            # The function fills each 1-d vector along ``axis`` in place through a view.
            view = cupy.moveaxis(padded, axis, -1)
            for ind in itertools.product(*(range(s) for s in view.shape[:-1])):
                function(view[ind + (Ellipsis,)], pad_width[axis], axis, kwargs)
        return padded

    try:
        unsupported_kwargs = set(kwargs) - set(_ALLOWED_KWARGS[mode])
    except KeyError:
        raise ValueError(f"mode '{mode}' is not supported") from None
    if unsupported_kwargs:
        raise ValueError(f"unsupported keyword arguments for mode '{mode}': "
                         f"{unsupported_kwargs}")
    stat_functions = {"maximum": cupy.amax, "minimum": cupy.amin,
                      "mean": cupy.mean, "median": _median}

    padded, original_area_slice = _pad_simple(array, pad_width)
    axes = range(padded.ndim)

    if mode == "constant":
        values = _as_pairs(kwargs.get("constant_values", 0), padded.ndim)
        for axis, width_pair, value_pair in zip(axes, pad_width, values):
            roi = _view_roi(padded, original_area_slice, axis)
            _set_pad_area(roi, axis, width_pair, value_pair)
    elif mode == "empty":
        pass
    elif array.size == 0:
        # Only 'constant' and 'empty' can extend an empty axis.
        for axis, width_pair in zip(axes, pad_width):
            if array.shape[axis] == 0 and any(width_pair):
                raise ValueError(f"can't extend empty axis {axis} using modes other than "
                                 "'constant' or 'empty'")
    elif mode == "edge":
        for axis, width_pair in zip(axes, pad_width):
            roi = _view_roi(padded, original_area_slice, axis)
            _set_pad_area(roi, axis, width_pair, _get_edges(roi, axis, width_pair))
    elif mode == "linear_ramp":
        end_values = _as_pairs(kwargs.get("end_values", 0), padded.ndim)
        for axis, width_pair, value_pair in zip(axes, pad_width, end_values):
            roi = _view_roi(padded, original_area_slice, axis)
            ramp_pair = _get_linear_ramps(roi, axis, width_pair, value_pair)
            _set_pad_area(roi, axis, width_pair, ramp_pair)
    elif mode in stat_functions:
        func = stat_functions[mode]
        length = _as_pairs(kwargs.get("stat_length"), padded.ndim, as_index=True)
        for axis, width_pair, length_pair in zip(axes, pad_width, length):
            roi = _view_roi(padded, original_area_slice, axis)
            stat_pair = _get_stats(roi, axis, width_pair, length_pair, func)
            _set_pad_area(roi, axis, width_pair, stat_pair)
    elif mode in ("reflect", "symmetric"):
        method = kwargs.get("reflect_type", "even")
        include_edge = mode == "symmetric"
        for axis, (left_index, right_index) in zip(axes, pad_width):
            if array.shape[axis] == 1 and (left_index > 0 or right_index > 0):
                # A length-1 axis is extended with its edge (NumPy's legacy behaviour).
                edge_pair = _get_edges(padded, axis, (left_index, right_index))
                _set_pad_area(padded, axis, (left_index, right_index), edge_pair)
                continue
            roi = _view_roi(padded, original_area_slice, axis)
            # Pad areas wider than the original are filled over several reflections.
            while left_index > 0 or right_index > 0:
                left_index, right_index = _set_reflect_both(
                    roi, axis, (left_index, right_index), method, array.shape[axis],
                    include_edge)
    elif mode == "wrap":
        for axis, (left_index, right_index) in zip(axes, pad_width):
            roi = _view_roi(padded, original_area_slice, axis)
            original_period = padded.shape[axis] - right_index - left_index
            while left_index > 0 or right_index > 0:
                left_index, right_index = _set_wrap_both(
                    roi, axis, (left_index, right_index), original_period)
    return padded

"""Random permutations, shuffles and sampling without replacement, all on the device.

A permutation is the order of random 64-bit keys: the keys (padded to a power of two with
keys that sort last) are sorted together with their indices by a bitonic network, one kernel
launch per compare-exchange stage. Ties between keys are broken by index; with 64-bit keys
they are rare enough not to bias the result measurably.
"""
import numpy

import cupy
from cupy.random import _kernels


def _sorted_indices(bitgen, n, keys_name, params=()):
    """Indices 0..n-1 ordered by the keys of sampler ``keys_name`` (an int64 array)."""
    if n == 0:
        return cupy.empty(0, numpy.int64)
    size = 1 << max(0, (n - 1).bit_length())
    key = cupy.empty(size, numpy.uint64)
    idx = cupy.empty(size, numpy.int64)
    seed, offset = bitgen._next_stream()
    _kernels.sampler(keys_name)(*params, numpy.int64(n), numpy.uint64(seed),
                                numpy.uint32(offset), key, idx)
    half = size // 2
    k = 2
    while k <= size:
        j = k // 2
        while j >= 1:
            _kernels.bitonic_step(numpy.int64(j), numpy.int64(k), key, idx, size=half)
            j //= 2
        k *= 2
    return idx[:n]


def permutation_indices(bitgen, n):
    """A uniformly random permutation of ``range(n)`` (int64, on the device)."""
    return _sorted_indices(bitgen, n, "permutation_keys")


def weighted_sample_indices(bitgen, p, k):
    """``k`` distinct indices drawn one after another with probabilities ``p`` (float64 device
    array) renormalized over the ones not yet drawn (Efraimidis & Spirakis, 2006)."""
    return _sorted_indices(bitgen, p.size, "weighted_keys", (p,))[:k]


def gather_rows(src, perm, out=None):
    """``out[r] = src[perm[r]]`` along the first axis."""
    if out is None:
        out = cupy.empty((perm.size,) + src.shape[1:], src.dtype)
    if out.size == 0:
        return out
    inner = 1
    for s in src.shape[1:]:
        inner *= s
    _kernels.gather_rows(src, perm, numpy.int64(inner), out)
    return out


def shuffle_axis0(bitgen, x):
    """Shuffle ``x`` in place along its first axis."""
    if not isinstance(x, cupy.ndarray):
        raise TypeError("The array must be cupy.ndarray")
    if x.ndim == 0:
        raise TypeError("An array with at least one dimension is required")
    if x.shape[0] <= 1 and x.size > 0:
        return
    perm = permutation_indices(bitgen, x.shape[0])
    # The source is a private copy: the gather reads rows that are already overwritten.
    gather_rows(x.copy(), perm, x)


def permuted(bitgen, x, axis, out):
    """``x`` with each 1-d slice along ``axis`` (all of ``x`` for None) shuffled on its own,
    in the order of random 64-bit keys along the axis (``cupy.argsort``, a stable sort: equal
    keys keep their order, as here)."""
    if out is None:
        x = cupy.asarray(x)
        if x.ndim == 0:
            raise TypeError("len() of unsized object")
    else:
        if not isinstance(out, cupy.ndarray):
            raise TypeError("out must be a cupy array")
        x = cupy.asarray(x)
        if out.shape != x.shape:
            raise ValueError("out must have the same shape as x")
        if not numpy.can_cast(x.dtype, out.dtype, casting="safe"):
            raise TypeError(f"Cannot cast array data from {x.dtype!r} to {out.dtype!r} "
                            "according to the rule 'safe'")
    if axis is None:
        flat = x.ravel()
        keys = bitgen.random_raw(flat.shape)
        result = flat[cupy.argsort(keys)].reshape(x.shape)
    else:
        axis = numpy.lib.array_utils.normalize_axis_index(axis, x.ndim)
        keys = bitgen.random_raw(x.shape)
        result = cupy.take_along_axis(x, cupy.argsort(keys, axis=axis), axis=axis)
    if out is None:
        return result
    out[...] = result
    return out

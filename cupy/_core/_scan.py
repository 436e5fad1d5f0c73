"""The scan (prefix reduction) kernel generator: cumsum, cumprod and ``ufunc.accumulate``.

The scanned axis is moved last and the array made C-contiguous, so the kernel sees
``rows x n``. One block scans one row at a time in chunks of ``block`` elements: a
shared-memory inclusive scan (Hillis-Steele, log2(block) barrier steps) inside the chunk, then
the running total of the previous chunks (the carry) is combined in front. The operation
needs no identity: the first chunk of a row has no carry. On the host a block is one thread,
which scans its row serially.
"""
import string

import numpy
from numpy.lib.array_utils import normalize_axis_index

from cupy._core import _dtype
from cupy._core.core import ndarray
from cupy.cuda import compiler
from cupy.cuda import device as _device
from cupy.cuda import get_backend_name
from cupy.cuda.function import PackedArg

_TEMPLATE = string.Template("""\
#include <cupy/reduction.cuh>
${preamble}
#define _CUPY_SCAN_OP(a, b) (${op})
extern "C" __global__ void ${name}(const CArray<${in_t}, 2, false, ptrdiff_t> _x,
                                   const CArray<${out_t}, 2, false, ptrdiff_t> _y) {
    typedef ${scan_t} _type_scan;
    __shared__ __align__(16) char _bytes[${block} * sizeof(_type_scan)];
    _type_scan* const _s = reinterpret_cast<_type_scan*>(_bytes);
    const unsigned int _tid = threadIdx.x;
    const ptrdiff_t _rows = _x.shape()[0];
    const ptrdiff_t _n = _x.shape()[1];
    for (ptrdiff_t _row = blockIdx.x; _row < _rows; _row += gridDim.x) {
        bool _has_carry = false;
        _type_scan _carry;
        for (ptrdiff_t _base = 0; _base < _n; _base += ${block}) {
            const ptrdiff_t _j = _base + _tid;
            const bool _in = _j < _n;
            ptrdiff_t _idx[2] = {_row, _j};
            if (_in) _s[_tid] = _cupy_cast<_type_scan>(_x[_idx]);
            __syncthreads();
            for (unsigned int _off = 1; _off < ${block}; _off *= 2) {
                const bool _upd = _in && _tid >= _off;
                _type_scan _t;
                if (_upd) {
                    const _type_scan _l = _s[_tid - _off];
                    const _type_scan _r = _s[_tid];
                    _t = _CUPY_SCAN_OP(_l, _r);
                }
                __syncthreads();
                if (_upd) _s[_tid] = _t;
                __syncthreads();
            }
            if (_in) {
                _type_scan _v = _s[_tid];
                if (_has_carry) {
                    const _type_scan _r = _v;
                    _v = _CUPY_SCAN_OP(_carry, _r);
                }
                _y[_idx] = _cupy_cast<${out_t}>(_v);
            }
            ptrdiff_t _last = _n - _base;
            if (_last > ${block}) _last = ${block};
            const _type_scan _tot = _s[_last - 1];
            if (_has_carry) {
                const _type_scan _l = _carry;
                _carry = _CUPY_SCAN_OP(_l, _tot);
            } else {
                _carry = _tot;
                _has_carry = true;
            }
            // The next chunk overwrites _s.
            __syncthreads();
        }
    }
}
#undef _CUPY_SCAN_OP
""")

_memo = {}


def _pack_carray(a):
    return PackedArg(numpy.array(
        [a.data.ptr, a.size] + list(a.shape) + list(a.strides), dtype=numpy.int64).tobytes())


_forced_block = 0


def _force_block_size(block):
    """Use ``block`` threads per block (0: the device's choice), so that tests on the host
    backend also run the GPU's shared-memory scan. Returns the previous setting."""
    global _forced_block
    if block < 0 or block & (block - 1):
        raise ValueError("the block size must be 0 or a power of two")
    prev, _forced_block = _forced_block, block
    return prev


def _block_size(n):
    if _forced_block:
        return _forced_block
    if get_backend_name() == "host":
        # The host runs a block's threads as fibers switched at every barrier: one thread
        # scanning its row in a plain loop is far faster.
        return 1
    # Few fixed sizes keep the number of compiled variants small.
    for b in (32, 128):
        if n <= b:
            return b
    return 256


def scan(a, axis, op, scan_type, out_dtype, out=None, preamble="", name="cupy_scan"):
    """Inclusive scan of ``a`` along ``axis`` (None: over the flattened array).

    Args:
        a (cupy.ndarray): input.
        axis (int or None): the scanned axis.
        op (str): C++ expression combining the running value ``a`` with the next ``b``.
        scan_type (numpy.dtype): type the scan is computed in.
        out_dtype (numpy.dtype): dtype of the result.
        out (cupy.ndarray): where to store the result (its shape must match).
        preamble (str): code placed before the kernel (e.g. a helper used by ``op``).

    Returns:
        cupy.ndarray: the scanned array.
    """
    if axis is None:
        a = a.ravel()
        axis = 0
    else:
        axis = normalize_axis_index(axis, max(a.ndim, 1))
    if out is not None and out.shape != a.shape:
        raise ValueError(f"output shape {out.shape} does not match the input's {a.shape}")
    moved = list(range(a.ndim))
    moved.append(moved.pop(axis))
    src = a.transpose(moved)
    src = src.copy() if not src.flags.c_contiguous else src
    n = src.shape[-1] if src.ndim else 1
    rows = src.size // n if n else 0
    res = ndarray(src.shape, dtype=out_dtype)
    if res.size:
        block = _block_size(n)
        key = (_device.get_device_id(), src.dtype.char, out_dtype.char, scan_type.char, op,
               preamble, block)
        f = _memo.get(key)
        if f is None:
            source = _TEMPLATE.substitute(
                preamble=preamble, op=op, name=name, in_t=_dtype.ctype_of(src.dtype),
                out_t=_dtype.ctype_of(out_dtype), scan_t=_dtype.ctype_of(scan_type),
                block=block)
            f = compiler.compile_with_cache(source, ()).get_function(name)
            _memo[key] = f
        x2 = src.reshape(rows, n)
        y2 = res.reshape(rows, n)
        f.launch((min(rows, 1 << 16),), (block,), [_pack_carray(x2), _pack_carray(y2)])
    inverse = [0] * len(moved)
    for i, m in enumerate(moved):
        inverse[m] = i
    res = res.transpose(inverse)
    if out is None:
        # NumPy keeps the input's memory order (order 'K') for C and F layouts.
        if a.flags.f_contiguous and not a.flags.c_contiguous:
            if not res.flags.f_contiguous:
                res = res.copy(order="F")
        elif not res.flags.c_contiguous:
            res = res.copy(order="C")
    if out is not None:
        out[...] = res
        return out
    return res

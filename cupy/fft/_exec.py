"""The FFT boundary: transforms of device arrays, one interface for every backend.

``cupy.fft`` calls the functions here and never asks which backend is active; this module is
the one place that does. On the cuda backend the transforms run as cuFFT plans
(``cupy_backends.cuda.libs.cufft``) through the adapter below; on the host backend through
NumPy's pocketfft over zero-copy views of the buffers (``cupy_backends.host._fft``).

Conventions:

* ``x`` and ``y`` are ``cupy.ndarray``\\ s of any strides (no overlap between them unless
  ``y is x``, allowed for ``c2c`` only); ``y`` is written, never reallocated;
* ``axes`` are distinct, non-negative axes of the arrays; the transform is the
  multi-dimensional DFT over all of them (their order matters only for real transforms, whose
  halved axis is ``axes[-1]``); the sizes are those of the arrays, with no padding or cropping
  here;
* ``norm`` is NumPy's (``'backward'``, ``'ortho'``, ``'forward'``) for the whole transform of
  ``N = prod(sizes)`` points: the forward transform is scaled by 1, ``1/sqrt(N)``, ``1/N``
  and the inverse by ``1/N``, ``1/sqrt(N)``, 1 respectively;
* ``dtype`` support: complex64 and complex128 (with float32 and float64 on the real side);
  single precision is computed in single precision on both backends;
* ``c2r`` may overwrite its input (cuFFT's complex-to-real transforms do): pass a temporary.

Work is ordered on the current stream.

Example:
    >>> x = cupy.arange(4, dtype=cupy.complex128)
    >>> y = cupy.empty_like(x)
    >>> c2c(x, y, (0,), True, "backward")
    >>> y
    array([ 6.+0.j, -2.+2.j, -2.+0.j, -2.-2.j])
"""
import math

import numpy

from cupy._core._per_backend import PerBackend

SUPPORTED = frozenset(numpy.dtype(c) for c in "FD")


def _make_host():
    return _HostExecutor()


# The implementation for the active backend (chosen once, on first use).
_backend = PerBackend(lambda: _CufftExecutor(), _make_host)


def _check(x, y, axes, complex_dtype):
    dtype = numpy.dtype(complex_dtype)
    if dtype not in SUPPORTED:
        raise TypeError(f"the FFT does not support {dtype}")
    if not axes or len(set(axes)) != len(axes) or not all(0 <= a < x.ndim for a in axes):
        raise ValueError(f"axes must be distinct axes of the arrays, got {axes}")
    if x.ndim != y.ndim:
        raise ValueError("x and y must have the same number of dimensions")
    return dtype


def c2c(x, y, axes, forward, norm):
    """Complex-to-complex transform of ``x`` into ``y`` (same shape and dtype)."""
    dtype = _check(x, y, axes, x.dtype)
    if x.shape != y.shape or y.dtype != dtype:
        raise ValueError("c2c needs x and y of the same shape and dtype")
    if y.size:
        _backend().c2c(x, y, tuple(axes), bool(forward), norm)


def _check_half_spectrum(real, spectrum, axes, call):
    """``spectrum`` holds ``real.shape[axes[-1]] // 2 + 1`` elements along ``axes[-1]`` and
    the complex type of ``real``."""
    dtype = _check(real, spectrum, axes, spectrum.dtype)
    shape = list(real.shape)
    shape[axes[-1]] = shape[axes[-1]] // 2 + 1
    if tuple(shape) != spectrum.shape or real.dtype != dtype.char.lower():
        raise ValueError(f"{call} got arrays of mismatched shapes or types")


def r2c(x, y, axes, norm):
    """Real-to-complex forward transform; ``y`` has ``x.shape[axes[-1]] // 2 + 1`` elements
    along ``axes[-1]`` and the complex type of ``x``."""
    _check_half_spectrum(x, y, axes, "r2c")
    if y.size:
        _backend().r2c(x, y, tuple(axes), norm)


def c2r(x, y, axes, norm):
    """Complex-to-real inverse transform (Hermitian input); ``x`` has
    ``y.shape[axes[-1]] // 2 + 1`` elements along ``axes[-1]``. May overwrite ``x``."""
    _check_half_spectrum(y, x, axes, "c2r")
    if y.size:
        _backend().c2r(x, y, tuple(axes), norm)


def _elem_strides(a):
    return tuple(s // a.itemsize for s in a.strides)


class _HostExecutor:
    """pocketfft on the host device (``cupy_backends.host._fft``)."""

    def __init__(self):
        from cupy_backends.host import _fft
        self._lib = _fft

    def c2c(self, x, y, axes, forward, norm):
        self._lib.c2c(x.data.ptr, _elem_strides(x), y.data.ptr, _elem_strides(y), x.shape,
                      axes, forward, norm, x.dtype)

    def r2c(self, x, y, axes, norm):
        self._lib.r2c(x.data.ptr, _elem_strides(x), y.data.ptr, _elem_strides(y), x.shape,
                      axes, norm, y.dtype)

    def c2r(self, x, y, axes, norm):
        self._lib.c2r(x.data.ptr, _elem_strides(x), y.data.ptr, _elem_strides(y), y.shape,
                      axes, norm, x.dtype)


# --- cuFFT --------------------------------------------------------------------------------------

# cuFFT plans have rank 1 to 3.
_MAX_RANK = 3


def _scale(norm, forward, n):
    """NumPy's normalization factor of a transform of ``n`` points."""
    if norm == "ortho":
        return 1 / math.sqrt(n)
    if (norm == "forward") == forward:
        return 1 / n
    return 1


def _layout(shape, strides, rank):
    """cuFFT's advanced layout of a view whose trailing ``rank`` dimensions are transformed:
    ``(batch, dist, embed, stride)``, or None when the view does not fit it (the batch
    dimensions must collapse into one, the transformed ones must nest with a positive
    stride)."""
    n, st = shape[-rank:], list(strides[-rank:])
    # A dimension of size 1 is never stepped over: give it the stride that nests.
    for k in reversed(range(rank)):
        if n[k] == 1:
            st[k] = st[k + 1] * n[k + 1] if k + 1 < rank else 1
    if min(st) <= 0:
        return None
    embed = [n[0]] + [0] * (rank - 1)
    for k in range(rank - 1):
        if st[k] % st[k + 1] or st[k] // st[k + 1] < n[k + 1]:
            return None
        embed[k + 1] = st[k] // st[k + 1]
    dims = [(s, t) for s, t in zip(shape[:-rank], strides[:-rank]) if s != 1]
    batch = math.prod(s for s, _ in dims)
    if not dims:
        return batch, st[0] * n[0], tuple(embed), st[-1]
    for (_, outer), (inner_n, inner) in zip(dims, dims[1:]):
        if outer != inner * inner_n:
            return None
    dist = dims[-1][1]
    if dist <= 0:
        return None
    return batch, dist, tuple(embed), st[-1]


class _CufftPlan:
    """A cuFFT plan made with a caller-supplied work area (``memsize`` bytes of it, borrowed
    from the memory pool at each execution)."""

    __slots__ = ("_lib", "handle", "memsize", "fft_type", "__weakref__")

    def __init__(self, lib, n, batch, in_layout, out_layout, fft_type):
        self._lib = lib
        self.handle = None
        self.fft_type = fft_type
        handle = lib.create()
        try:
            lib.setAutoAllocation(handle, False)
            (_, idist, iembed, istride), (_, odist, oembed, ostride) = in_layout, out_layout
            self.memsize = lib.makePlanMany64(handle, list(n), list(iembed), istride, idist,
                                              list(oembed), ostride, odist, fft_type, batch)
        except BaseException:
            lib.destroy(handle)
            raise
        self.handle = handle

    def execute(self, x_ptr, y_ptr, direction):
        import cupy
        lib = self._lib
        lib.setStream(self.handle, cupy.cuda.get_current_stream().ptr)
        # The pool is stream-ordered: the work area may be released as soon as the
        # execution is queued.
        work = None
        if self.memsize:
            work = cupy.empty(self.memsize, numpy.uint8)
            lib.setWorkArea(self.handle, work.data.ptr)
        t = self.fft_type
        if t == lib.CUFFT_C2C:
            lib.execC2C(self.handle, x_ptr, y_ptr, direction)
        elif t == lib.CUFFT_Z2Z:
            lib.execZ2Z(self.handle, x_ptr, y_ptr, direction)
        elif t == lib.CUFFT_R2C:
            lib.execR2C(self.handle, x_ptr, y_ptr)
        elif t == lib.CUFFT_D2Z:
            lib.execD2Z(self.handle, x_ptr, y_ptr)
        elif t == lib.CUFFT_C2R:
            lib.execC2R(self.handle, x_ptr, y_ptr)
        else:
            lib.execZ2D(self.handle, x_ptr, y_ptr)

    def close(self):
        if self.handle is not None:
            handle, self.handle = self.handle, None
            self._lib.destroy(handle)

    def __del__(self):
        try:
            self.close()
        except Exception:  # pragma: no cover - interpreter shutdown, context gone
            pass


class _CufftExecutor:
    """cuFFT behind the boundary. Each call runs plans of rank <= 3 over the trailing
    dimensions of transposed views; a view that does not fit cuFFT's advanced layout is
    copied to (or computed in) a contiguous temporary. Plans are cached per (thread, device)
    in ``cupy.fft.config.get_plan_cache()``."""

    def __init__(self):
        from cupy_backends.cuda.libs import cufft
        self._lib = cufft
        self._types = {("C2C", "F"): cufft.CUFFT_C2C, ("C2C", "D"): cufft.CUFFT_Z2Z,
                       ("R2C", "F"): cufft.CUFFT_R2C, ("R2C", "D"): cufft.CUFFT_D2Z,
                       ("C2R", "F"): cufft.CUFFT_C2R, ("C2R", "D"): cufft.CUFFT_Z2D}

    def _groups(self, axes):
        """``axes`` split into plans, the last group holding ``axes[-1]``."""
        from cupy.fft import config
        step = _MAX_RANK if config.enable_nd_planning else 1
        return [list(axes[max(0, i - step):i]) for i in range(len(axes), 0, -step)][::-1]

    def _run(self, kind, x, y, group, complex_char, direction=0):
        """One plan over the axes in ``group`` (its last axis innermost), from x into y."""
        import cupy
        from cupy.fft._cache import get_plan_cache
        rank = len(group)
        perm = [a for a in range(x.ndim) if a not in group] + list(group)
        xv, yv = x.transpose(perm), y.transpose(perm)
        n = (yv if kind == "C2R" else xv).shape[-rank:]
        xl = _layout(xv.shape, _elem_strides(xv), rank)
        yl = _layout(yv.shape, _elem_strides(yv), rank)
        if y is x and xl is None:
            xv = yv = cupy.ascontiguousarray(xv)
            xl = yl = _layout(xv.shape, _elem_strides(xv), rank)
        else:
            if xl is None:
                xv = cupy.ascontiguousarray(xv)
                xl = _layout(xv.shape, _elem_strides(xv), rank)
        target = None
        if yl is None:
            target, yv = yv, cupy.empty(yv.shape, yv.dtype)
            yl = _layout(yv.shape, _elem_strides(yv), rank)
        fft_type = self._types[kind, complex_char]
        from cupy.cuda import device
        key = (fft_type, tuple(n), xl, yl, device.get_device_id())
        cache = get_plan_cache()
        plan = cache.get(key)
        if plan is None:
            plan = _CufftPlan(self._lib, n, xl[0], xl, yl, fft_type)
            cache.put(key, plan)
        plan.execute(xv.data.ptr, yv.data.ptr, direction)
        if target is not None:
            target[...] = yv
        if y is x and yv.data.ptr != y.data.ptr:
            y.transpose(perm)[...] = yv

    def _scale_into(self, y, n, forward, norm):
        fct = _scale(norm, forward, n)
        if fct != 1:
            import cupy
            cupy.multiply(y, fct, out=y)

    def c2c(self, x, y, axes, forward, norm):
        lib = self._lib
        direction = lib.CUFFT_FORWARD if forward else lib.CUFFT_INVERSE
        src = x
        for group in reversed(self._groups(axes)):
            self._run("C2C", src, y, group, x.dtype.char, direction)
            src = y
        self._scale_into(y, math.prod(x.shape[a] for a in axes), forward, norm)

    def r2c(self, x, y, axes, norm):
        groups = self._groups(axes)
        self._run("R2C", x, y, groups[-1], y.dtype.char)
        for group in reversed(groups[:-1]):
            self._run("C2C", y, y, group, y.dtype.char, self._lib.CUFFT_FORWARD)
        self._scale_into(y, math.prod(x.shape[a] for a in axes), True, norm)

    def c2r(self, x, y, axes, norm):
        # The axes other than the halved one first, as NumPy does, then a one-dimensional
        # complex-to-real transform: cuFFT's multi-dimensional C2R assumes a Hermitian
        # input, which NumPy's sequence of transforms does not.
        inverse = self._lib.CUFFT_INVERSE
        for group in reversed(self._groups(axes[:-1])):
            self._run("C2C", x, x, group, x.dtype.char, inverse)
        self._run("C2R", x, y, [axes[-1]], x.dtype.char)
        self._scale_into(y, math.prod(y.shape[a] for a in axes), False, norm)

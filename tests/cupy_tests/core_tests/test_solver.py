"""The dense solver boundary (``cupy._core._solver``) on the active backend: cuSOLVER's
conventions (column-major batches, 1-based pivots, statuses in ``info``, the other triangle left
alone) hold for every implementation."""
import numpy
import pytest

import cupy
from cupy._core import _solver

_RTOL = {"f": 1e-5, "F": 1e-5, "d": 1e-12, "D": 1e-12}


def _random(shape, dtype, seed=0):
    rs = numpy.random.RandomState(seed)
    a = rs.uniform(-1, 1, shape)
    if numpy.dtype(dtype).kind == "c":
        a = a + 1j * rs.uniform(-1, 1, shape)
    return a.astype(dtype)


def _col_major(a):
    """A device batch (B, n, m) holding the (B, m, n) host matrices column-major."""
    return cupy.asarray(numpy.ascontiguousarray(a.swapaxes(-1, -2)))


def _from_col_major(x):
    return x.get().swapaxes(-1, -2)


@pytest.mark.parametrize("dtype", ["f", "d", "F", "D"])
def test_getrf_getrs(dtype):
    dt = numpy.dtype(dtype)
    a = _random((3, 4, 4), dtype) + 4 * numpy.eye(4, dtype=dtype)
    a[1] = a[1][[2, 0, 3, 1]]                       # forces row interchanges
    a[2, :, 1] = 0                                  # singular: zero column
    x = _col_major(a)
    ipiv = cupy.zeros((3, 4), numpy.int32)
    info = cupy.zeros(3, numpy.int32)
    _solver.getrf(4, 4, x.data.ptr, 4, 16, ipiv.data.ptr, info.data.ptr, 3, dt)
    status = info.get()
    assert status[0] == 0 and status[1] == 0 and status[2] > 0
    piv = ipiv.get()
    assert piv.min() >= 1 and piv.max() <= 4             # 1-based
    # P L U == a for the nonsingular matrices.
    lu = _from_col_major(x)
    for i in range(2):
        lower = numpy.tril(lu[i], -1) + numpy.eye(4)
        upper = numpy.triu(lu[i])
        pa = a[i].copy()
        for r, p in enumerate(piv[i]):
            pa[[r, p - 1]] = pa[[p - 1, r]]
        numpy.testing.assert_allclose(lower @ upper, pa, rtol=_RTOL[dtype] * 10,
                                      atol=_RTOL[dtype] * 10)
    b = _random((2, 4, 2), dtype, seed=1)
    for trans, op in (("N", lambda m: m), ("T", lambda m: m.T), ("C", lambda m: m.conj().T)):
        bx = _col_major(b)
        _solver.getrs(trans, 4, 2, x.data.ptr, 4, 16, ipiv.data.ptr, bx.data.ptr, 4, 8,
                      info.data.ptr, 2, dt)
        sol = _from_col_major(bx)
        for i in range(2):
            numpy.testing.assert_allclose(op(a[i]) @ sol[i], b[i], rtol=_RTOL[dtype] * 100,
                                          atol=_RTOL[dtype] * 100)


@pytest.mark.parametrize("dtype", ["f", "D"])
@pytest.mark.parametrize("uplo", ["L", "U"])
def test_potrf(dtype, uplo):
    dt = numpy.dtype(dtype)
    r = _random((2, 3, 3), dtype)
    a = r @ r.conj().swapaxes(-1, -2) + 3 * numpy.eye(3, dtype=dtype)
    a[1] = -a[1]                                    # not positive definite
    x = _col_major(a)
    info = cupy.zeros(2, numpy.int32)
    _solver.potrf(uplo, 3, x.data.ptr, 3, 9, info.data.ptr, 2, dt)
    status = info.get()
    assert status[0] == 0 and status[1] > 0
    f = _from_col_major(x)[0]
    if uplo == "L":
        low = numpy.tril(f)
        numpy.testing.assert_allclose(low @ low.conj().T, a[0], rtol=_RTOL[dtype] * 10)
        numpy.testing.assert_array_equal(numpy.triu(f, 1), numpy.triu(a[0], 1))
    else:
        up = numpy.triu(f)
        numpy.testing.assert_allclose(up.conj().T @ up, a[0], rtol=_RTOL[dtype] * 10)
        numpy.testing.assert_array_equal(numpy.tril(f, -1), numpy.tril(a[0], -1))


@pytest.mark.parametrize("dtype", ["d", "F"])
def test_geqrf_orgqr(dtype):
    dt = numpy.dtype(dtype)
    a = _random((2, 5, 3), dtype)
    x = _col_major(a)
    tau = cupy.empty((2, 3), dtype)
    info = cupy.zeros(2, numpy.int32)
    _solver.geqrf(5, 3, x.data.ptr, 5, 15, tau.data.ptr, info.data.ptr, 2, dt)
    r = numpy.triu(_from_col_major(x)[:, :3, :])
    _solver.orgqr(5, 3, 3, x.data.ptr, 5, 15, tau.data.ptr, info.data.ptr, 2, dt)
    assert not info.get().any()
    q = _from_col_major(x)
    numpy.testing.assert_allclose(q @ r, a, rtol=_RTOL[dtype] * 10, atol=_RTOL[dtype] * 10)
    with pytest.raises(ValueError):
        _solver.orgqr(5, 3, 0, x.data.ptr, 5, 15, tau.data.ptr, info.data.ptr, 2, dt)


@pytest.mark.parametrize("dtype", ["f", "D"])
@pytest.mark.parametrize("job", ["A", "S", "N"])
def test_gesvd(dtype, job):
    dt = numpy.dtype(dtype)
    real = numpy.dtype(dt.char.lower())
    a = _random((2, 4, 3), dtype)
    x = _col_major(a)
    s = cupy.empty((2, 3), real)
    ucols = 4 if job == "A" else 3
    u = cupy.empty((2, ucols, 4), dtype)
    vt = cupy.empty((2, 3, 3), dtype)
    info = cupy.zeros(2, numpy.int32)
    _solver.gesvd(job, job, 4, 3, x.data.ptr, 4, 12, s.data.ptr, u.data.ptr, 4, 4 * ucols,
                  vt.data.ptr, 3, 9, info.data.ptr, 2, dt)
    assert not info.get().any()
    numpy.testing.assert_allclose(s.get(), numpy.linalg.svd(a, compute_uv=False),
                                  rtol=_RTOL[dtype] * 10)
    if job != "N":
        uu, vv = _from_col_major(u), _from_col_major(vt)
        rec = (uu[..., :3] * s.get()[:, None, :]) @ vv
        numpy.testing.assert_allclose(rec, a, rtol=_RTOL[dtype] * 10, atol=_RTOL[dtype] * 10)
    with pytest.raises(ValueError):                 # m < n
        _solver.gesvd(job, job, 3, 4, x.data.ptr, 3, 12, s.data.ptr, 0, 3, 0, 0, 4, 0,
                      info.data.ptr, 1, dt)


@pytest.mark.parametrize("dtype", ["f", "D"])
@pytest.mark.parametrize("jobz", ["N", "V"])
def test_syevd(dtype, jobz):
    dt = numpy.dtype(dtype)
    real = numpy.dtype(dt.char.lower())
    r = _random((2, 3, 3), dtype)
    h = r + r.conj().swapaxes(-1, -2)
    x = _col_major(numpy.tril(h))                   # only the lower triangle is read
    w = cupy.empty((2, 3), real)
    info = cupy.zeros(2, numpy.int32)
    _solver.syevd(jobz, "L", 3, x.data.ptr, 3, 9, w.data.ptr, info.data.ptr, 2, dt)
    assert not info.get().any()
    numpy.testing.assert_allclose(w.get(), numpy.linalg.eigvalsh(h), rtol=_RTOL[dtype] * 10,
                                  atol=_RTOL[dtype] * 10)
    if jobz == "V":
        v = _from_col_major(x)
        numpy.testing.assert_allclose(h @ v, v * w.get()[:, None, :], rtol=_RTOL[dtype] * 100,
                                      atol=_RTOL[dtype] * 100)


@pytest.mark.parametrize("dtype", ["f", "d", "F", "D"])
@pytest.mark.parametrize("jobvr", ["N", "V"])
def test_geev(dtype, jobvr):
    dt = numpy.dtype(dtype)
    cdt = numpy.dtype(dtype.upper())
    a = _random((3, 4, 4), dtype)
    a[1] = numpy.diag([1, 2, 3, 4])                 # real eigenvalues
    a[2] = 0
    a[2, :2, :2] = [[0, -1], [1, 0]]                # a conjugate pair, i first
    x = _col_major(a)
    w = cupy.empty((3, 4), cdt)
    vr = cupy.empty((3, 4, 4), dtype) if jobvr == "V" else None
    info = cupy.full(3, 7, numpy.int32)
    _solver.geev(jobvr, 4, x.data.ptr, 4, 16, w.data.ptr, vr.data.ptr if vr is not None else 0,
                 4, 16, info.data.ptr, 3, dt)
    assert not info.get().any()
    wh = w.get()
    tol = _RTOL[dtype] * 100
    numpy.testing.assert_allclose(numpy.sort_complex(wh), numpy.sort_complex(
        numpy.linalg.eigvals(a)), rtol=tol, atol=tol)
    numpy.testing.assert_allclose(wh[2, :2], [1j, -1j], atol=tol)
    if jobvr == "N":
        return
    cols = _from_col_major(vr)
    for i in range(3):
        if dt.kind == "c":
            v = cols[i]
        else:                                       # LAPACK's packing of conjugate pairs
            v = cols[i].astype(cdt)
            for j in range(3):
                if wh[i, j].imag > 0:
                    v[:, j] = cols[i][:, j] + 1j * cols[i][:, j + 1]
                    v[:, j + 1] = cols[i][:, j] - 1j * cols[i][:, j + 1]
        numpy.testing.assert_allclose(a[i] @ v, v * wh[i], rtol=tol, atol=tol)
        numpy.testing.assert_allclose(numpy.linalg.norm(v, axis=0), 1, rtol=tol)


def test_argument_checks():
    p = cupy.zeros(4).data.ptr
    with pytest.raises(TypeError):
        _solver.potrf("L", 1, p, 1, 1, p, 1, numpy.float16)
    with pytest.raises(TypeError):
        _solver.getrf(1, 1, p, 1, 1, p, p, 1, numpy.int32)
    with pytest.raises(ValueError):
        _solver.potrf("X", 1, p, 1, 1, p, 1, numpy.float64)
    with pytest.raises(ValueError):
        _solver.syevd("X", "L", 1, p, 1, 1, p, p, 1, numpy.float64)
    with pytest.raises(ValueError):
        _solver.getrs("X", 1, 1, p, 1, 1, p, p, 1, 1, p, 1, numpy.float64)
    with pytest.raises(ValueError):
        _solver.gesvd("A", "N", 1, 1, p, 1, 1, p, p, 1, 1, p, 1, 1, p, 1, numpy.float64)
    with pytest.raises(ValueError):
        _solver.geev("A", 1, p, 1, 1, p, p, 1, 1, p, 1, numpy.float64)
    with pytest.raises(ValueError):                 # ldvr < n
        _solver.geev("V", 2, p, 2, 4, p, p, 1, 4, p, 1, numpy.float64)


def test_empty_problems_leave_info_alone():
    info = cupy.full(2, 7, numpy.int32)
    _solver.getrf(0, 0, 0, 1, 0, 0, info.data.ptr, 2, numpy.float64)
    _solver.potrf("L", 0, 0, 1, 0, info.data.ptr, 2, numpy.float64)
    _solver.syevd("V", "L", 0, 0, 1, 0, 0, info.data.ptr, 2, numpy.float64)
    _solver.geev("V", 0, 0, 1, 0, 0, 0, 1, 0, info.data.ptr, 2, numpy.float64)
    assert info.get().tolist() == [7, 7]

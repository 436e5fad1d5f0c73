import numpy
import pytest

import cupy
from cupy import testing


class TestIsclose:

    @testing.for_dtypes("lfD")
    @testing.numpy_cupy_array_equal()
    def test_arrays(self, xp, dtype):
        a = xp.array([1e10, 1e-8, 1, 0, 5], dtype=dtype)
        b = xp.array([1.00001e10, 1e-9, 1.0001, 1e-9, 5], dtype=dtype)
        return xp.isclose(a, b), xp.isclose(a, b, rtol=1e-3, atol=0)

    @testing.numpy_cupy_array_equal()
    def test_nan_inf(self, xp):
        a = xp.array([numpy.nan, numpy.inf, -numpy.inf, numpy.inf, 1.])
        b = xp.array([numpy.nan, numpy.inf, numpy.inf, 1., numpy.nan])
        return xp.isclose(a, b), xp.isclose(a, b, equal_nan=True)

    @testing.numpy_cupy_array_equal()
    def test_broadcast_and_scalars(self, xp):
        return (xp.isclose(xp.array([[1.], [2.]]), xp.array([1., 2.000001])),
                xp.isclose(1, 1.0000001), xp.isclose(xp.arange(3), 1))

    @testing.numpy_cupy_array_equal()
    def test_allclose(self, xp):
        a = xp.array([1., numpy.nan])
        # CuPy answers with 0-d arrays (no device sync), NumPy with bools.
        return tuple(xp.asarray(r) for r in (
            xp.allclose(a, a), xp.allclose(a, a, equal_nan=True),
            xp.allclose(xp.array([1e10, 1e-7]), xp.array([1.00001e10, 1e-8])),
            xp.allclose(xp.ones(0), xp.ones(0))))


class TestArrayEqual:

    @testing.numpy_cupy_array_equal()
    def test_array_equal(self, xp):
        a = xp.array([1., numpy.nan, 3.])
        return tuple(xp.asarray(r) for r in (
            xp.array_equal(a, a), xp.array_equal(a, a, equal_nan=True),
            xp.array_equal(xp.arange(3), xp.arange(3.)),
            xp.array_equal(xp.arange(3), xp.arange(4)),
            xp.array_equal(xp.arange(3), xp.arange(3), equal_nan=True),
            xp.array_equal(xp.ones(0), xp.ones((0, 1)))))

    @testing.numpy_cupy_array_equal()
    def test_array_equiv(self, xp):
        a = xp.array([1, 2])
        return tuple(xp.asarray(r) for r in (
            xp.array_equiv(a, xp.array([[1, 2], [1, 2]])),
            xp.array_equiv(a, xp.array([[1, 2], [1, 3]])),
            xp.array_equiv(a, xp.arange(3)), xp.array_equiv(xp.array(2), xp.full(3, 2))))


class TestSignedInf:

    @testing.for_dtypes("?lef")
    @testing.numpy_cupy_array_equal()
    def test_values(self, xp, dtype):
        if numpy.dtype(dtype).kind == "f":
            a = xp.array([numpy.inf, -numpy.inf, 1., numpy.nan, -0.], dtype=dtype)
        else:
            a = xp.array([0, 1, 1], dtype=dtype)
        return xp.isposinf(a), xp.isneginf(a)

    @testing.numpy_cupy_array_equal()
    def test_out(self, xp):
        out = xp.ones((2, 2), dtype=bool)
        r = xp.isneginf(xp.array([[1., -numpy.inf], [numpy.inf, 0.]]), out=out)
        assert r is out
        return out, xp.isposinf(xp.array(numpy.inf))

    def test_complex(self):
        for xp in (numpy, cupy):
            with pytest.raises(TypeError):
                xp.isposinf(xp.array([1j]))
            with pytest.raises(TypeError):
                xp.isneginf(xp.array([1j]))


class TestMemory:

    @pytest.mark.parametrize("shape,order,sl", [
        ((2, 3), "F", None), ((2, 3), "C", None), ((3,), "C", None), ((2, 3), "C", 1)])
    def test_isfortran(self, shape, order, sl):
        a = numpy.ones(shape, order=order)
        b = cupy.ones(shape, order=order)
        if sl is not None:
            a, b = a.T, b.T
        assert cupy.isfortran(b) == numpy.isfortran(a)

    @pytest.mark.parametrize("views", [
        lambda x: (x[::2], x[1::2]),
        lambda x: (x[::2], x[2::4]),
        lambda x: (x[::3], x[1::3]),
        lambda x: (x[:5], x[5:]),
        lambda x: (x[:6], x[5:]),
        lambda x: (x, x.copy()),
        lambda x: (x.reshape(4, 6)[:, ::2], x.reshape(4, 6)[:, 1::2]),
        lambda x: (x.reshape(4, 6)[:, :2], x.reshape(4, 6)[1:, 1:3]),
        lambda x: (x.view(numpy.int16)[1::4], x[::2]),
        lambda x: (x[:0], x),
        lambda x: (x[::-2], x[-2::-2]),
    ])
    def test_shares_memory(self, views):
        na, nb = views(numpy.arange(24, dtype=numpy.int32))
        ca, cb = views(cupy.arange(24, dtype=numpy.int32))
        assert cupy.shares_memory(ca, cb) == numpy.shares_memory(na, nb)
        assert cupy.may_share_memory(ca, cb) == numpy.may_share_memory(na, nb)
        assert cupy.may_share_memory(ca, cb, max_work=-1) == \
            numpy.may_share_memory(na, nb, max_work=-1)

    def test_non_arrays(self):
        assert not cupy.shares_memory([1, 2], [1, 2])
        assert not cupy.may_share_memory(cupy.arange(3), [1, 2])

    def test_too_hard(self):
        for xp in (numpy, cupy):
            x = xp.arange(100)
            with pytest.raises(numpy.exceptions.TooHardError):
                xp.shares_memory(x[::2], x[1::2], max_work=0)
            assert not xp.shares_memory(x[:2], x[2:], max_work=0)
        x = cupy.arange(100)
        with pytest.raises(numpy.exceptions.TooHardError):
            cupy.shares_memory(x[::2], x[1::2], max_work=10)
        assert cupy.may_share_memory(x[::2], x[1::2], max_work=10)

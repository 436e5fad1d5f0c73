import numpy
import pytest

import cupy
from cupy import testing


class TestMultiDot:

    @pytest.mark.parametrize("first,last", [(2, 2), (1, 2), (2, 1), (1, 1)])
    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_chain(self, xp, first, last):
        shapes = [(10, 3), (3, 20), (20, 2), (2, 4)]
        arrays = [testing.shaped_random(s, xp, numpy.float64, seed=i)
                  for i, s in enumerate(shapes)]
        if first == 1:
            arrays[0] = arrays[0][0]
        if last == 1:
            arrays[-1] = arrays[-1][:, 0]
        return xp.linalg.multi_dot(arrays)

    @testing.numpy_cupy_array_equal()
    def test_two_and_out(self, xp):
        a = testing.shaped_arange((2, 3), xp, numpy.int64)
        b = testing.shaped_arange((3, 4), xp, numpy.int64)
        out = xp.empty((2, 3), numpy.int64)
        r = xp.linalg.multi_dot([a, b, b.T], out=out)
        assert r is out
        return xp.linalg.multi_dot([a, b]), out

    def test_errors(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.linalg.multi_dot([xp.ones((2, 2))])
            with pytest.raises(numpy.linalg.LinAlgError):
                xp.linalg.multi_dot([xp.ones((2, 2)), xp.ones((2, 2, 2)), xp.ones((2, 2))])


class TestArrayAPI:

    @testing.numpy_cupy_array_equal()
    def test_views_and_reductions(self, xp):
        a = testing.shaped_arange((2, 3, 3), xp, numpy.int64)
        return (xp.linalg.diagonal(a, offset=1), xp.linalg.matrix_transpose(a),
                xp.matrix_transpose(a[0]), xp.linalg.trace(a, offset=-1),
                xp.linalg.trace(a, dtype=numpy.float32),
                xp.linalg.outer(xp.arange(3), xp.arange(4)),
                xp.linalg.cross(a, xp.array([1, 0, 2])))

    def test_errors(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.linalg.cross(xp.ones(2), xp.ones(2))
            with pytest.raises(ValueError):
                xp.linalg.outer(xp.ones((2, 2)), xp.ones(2))
            with pytest.raises(ValueError):
                xp.linalg.matrix_transpose(xp.ones(2))


class TestVectorProducts:

    @testing.for_dtypes("?lfD")
    @testing.numpy_cupy_allclose(rtol=1e-6)
    def test_vecdot(self, xp, dtype):
        a = testing.shaped_arange((2, 1, 3), xp, dtype)
        b = testing.shaped_reverse_arange((4, 3), xp, dtype)
        return xp.vecdot(a, b), xp.linalg.vecdot(a, b), xp.vecdot(a[0].T, b[:3].T, axis=0)

    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_complex_conjugates_first(self, xp):
        a = xp.array([[1 + 2j, 3 - 1j], [2j, 1]])
        b = xp.array([[2 - 1j, 1j], [1, 1 + 1j]])
        return xp.vecdot(a, b), xp.vecmat(a[0], b), xp.matvec(a, b[0])

    @testing.for_dtypes("lf")
    @testing.numpy_cupy_allclose(rtol=1e-6)
    def test_matvec_vecmat(self, xp, dtype):
        m = testing.shaped_arange((5, 1, 2, 3), xp, dtype)
        v3 = testing.shaped_reverse_arange((4, 3), xp, dtype)
        v2 = testing.shaped_reverse_arange((4, 2), xp, dtype)
        return xp.matvec(m, v3), xp.vecmat(v2, m)

    @testing.numpy_cupy_array_equal()
    def test_empty(self, xp):
        return xp.vecdot(xp.ones((2, 0)), xp.ones(0)), xp.matvec(xp.ones((0, 3)), xp.ones(3))

    @pytest.mark.parametrize("name,a,b", [
        ("vecdot", (3,), (4,)), ("matvec", (2, 3), (2,)), ("vecmat", (3,), (2, 3)),
        ("matvec", (3,), (3,)), ("vecdot", (), (3,))])
    def test_core_mismatch(self, name, a, b):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                getattr(xp, name)(xp.ones(a), xp.ones(b))

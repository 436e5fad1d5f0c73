"""Polynomials: poly1d, roots, poly, polyval, polyadd, polysub, polymul, polydiv, polyder,
polyint, polyfit.

Roots come in no particular order, so they are compared sorted. A ``poly1d`` is compared
through its coefficients (and its printed forms, which must be NumPy's exactly).
"""
import numpy
import pytest

import cupy
from cupy import testing


def _sorted(xp, r):
    return xp.sort_complex(r) if r.dtype.kind == "c" else xp.sort(r)


def _c(p):
    """The coefficients of a poly1d of either library; arrays pass through."""
    return p.coeffs if isinstance(p, (numpy.poly1d, cupy.poly1d)) else p


class TestRoots:

    @pytest.mark.parametrize("p", [
        [1., -3., 2.],                  # real roots
        [1, 0, 1],                      # a conjugate pair (integers become float64)
        [0, 0, 1, 2, 0, 0],             # leading zeros dropped, trailing ones are roots at 0
        [1, 2, 3, 4, 5],
        [2, -4, 0],
        [1j, 2, 1],                     # complex coefficients
        [True, False],
    ])
    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_roots(self, xp, p):
        return _sorted(xp, xp.roots(xp.asarray(p)))

    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=1e-4, atol=1e-5)
    def test_dtypes(self, xp, dtype):
        return _sorted(xp, xp.roots(xp.asarray([1, -6, 11, -6], dtype))), \
            _sorted(xp, xp.roots(xp.asarray([1, 0, 4], dtype)))

    @pytest.mark.parametrize("p", [[5], [0, 0], [3, 0], [0], [0, 7.5, 0]])
    @testing.numpy_cupy_array_equal()
    def test_constants_and_zeros(self, xp, p):
        return xp.roots(xp.asarray(p))

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_roots_of_poly_are_the_roots(self, xp):
        r = xp.asarray([0.5, -2.0, 3.0, 7.0])
        return xp.sort(xp.roots(xp.poly(r)))

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        with pytest.raises(ValueError, match="rank-1"):
            xp.roots(xp.ones((2, 2)))


class TestPoly:

    @pytest.mark.parametrize("z", [
        [1., 2.], [1j, -1j], [1, 2, 3], [1 + 1j, 2], [0.5], [True, True], [1 + 2j, 1 - 2j, 3],
    ])
    @testing.numpy_cupy_allclose(rtol=1e-12, atol=1e-14)
    def test_from_roots(self, xp, z):
        # Conjugate pairs give real coefficients; other complex roots complex ones.
        return xp.poly(xp.asarray(z))

    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=1e-6, atol=1e-6)
    def test_from_roots_dtypes(self, xp, dtype):
        return xp.poly(xp.asarray([1, 2, 3], dtype))

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-10)
    def test_characteristic_polynomial(self, xp):
        a = xp.asarray([[1., 2., 0.], [3., 4., 1.], [0., 1., 2.]])
        rot = xp.asarray([[0, -1], [1, 0]])
        return xp.poly(a), xp.poly(rot)

    def test_no_roots(self):
        assert cupy.poly(cupy.array([])) == numpy.poly(numpy.array([])) == 1.0

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        for bad in (xp.ones((2, 3)), xp.ones((0, 0)), xp.ones((2, 2, 2))):
            with pytest.raises(ValueError, match="1d or non-empty square 2d"):
                xp.poly(bad)


class TestPolyval:

    @testing.numpy_cupy_array_equal()
    def test_polyval(self, xp):
        return xp.polyval(xp.array([3, 0, 1]), xp.array([[1, 2], [5, -1]]))

    @testing.numpy_cupy_allclose(rtol=1e-14)
    def test_mixed_types(self, xp):
        return xp.polyval(xp.array([0.5, -1.0, 2.0]), xp.arange(4)), \
            xp.polyval(xp.array([1j, 2]), xp.array([1.0, 2.0]))

    def test_scalar_is_0d(self):
        y = cupy.polyval(cupy.array([3, 0, 1]), 5)
        assert isinstance(y, cupy.ndarray) and y.shape == () and int(y) == 76

    @testing.numpy_cupy_array_equal()
    def test_composition(self, xp):
        p = xp.poly1d([1, 2, 3])
        q = xp.poly1d([2, -1])
        return xp.polyval(p, q).coeffs, xp.polyval(p.coeffs, q).coeffs, p(q).coeffs


class TestArithmetic:

    @testing.numpy_cupy_array_equal()
    def test_arithmetic(self, xp):
        a = xp.array([1, 2])
        b = xp.array([9, 5, 4])
        return (xp.polyadd(a, b), xp.polysub(a, b), xp.polysub(b, a), xp.polymul(a, b),
                xp.polyder(b), xp.polyder(b, 2), xp.polyder(b, 0), xp.polyder(b, 5))

    @testing.numpy_cupy_array_equal()
    def test_polymul_drops_leading_zeros(self, xp):
        return xp.polymul(xp.array([0, 1, 2]), xp.array([1])), \
            xp.polymul(xp.array([0, 0]), xp.array([3, 1]))

    @testing.numpy_cupy_allclose(rtol=1e-14)
    def test_polyint(self, xp):
        p = xp.array([3., 2., 1.])
        return xp.polyint(p), xp.polyint(p, 3, k=[1., 2., 3.]), xp.polyint(p, 2, k=4.), \
            xp.polyint(p, 0), xp.polyint(xp.array([2, 4]))

    @testing.numpy_cupy_array_equal()
    def test_poly1d_in_poly1d_out(self, xp):
        p = xp.poly1d([1, 2, 3])
        out = (xp.polyadd(p, [1]), xp.polysub([1], p), xp.polymul(p, p), xp.polyder(p),
               xp.polyint(p), xp.polyder(p, 0))
        assert all(isinstance(o, xp.poly1d) for o in out)
        q, r = xp.polydiv(p, [1, 1])
        assert isinstance(q, xp.poly1d) and isinstance(r, xp.poly1d)
        return tuple(o.coeffs for o in out) + (q.coeffs, r.coeffs)

    def test_order_errors(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.polyder(xp.ones(3), -1)
            with pytest.raises(ValueError):
                xp.polyint(xp.ones(3), -1)
            with pytest.raises(ValueError):
                xp.polyint(xp.ones(3), 3, k=[1., 2.])


class TestPolydiv:

    @pytest.mark.parametrize("u,v", [
        ([3., 5., 2.], [2., 1.]),
        ([1, 0, 0, -1], [1, -1]),               # exact: remainder [0.]
        ([1, 2], [1, 2, 3]),                    # lower degree: q = [0.], r = u
        ([4, 2, 1], [2]),                       # by a constant
        ([1j, 2, 3], [1, 1j]),                  # complex
        ([1, 1e-9, 5, 7], [1, 1e-9, 5]),        # remainder's tiny leading term dropped
        ([2., 3., 1e-20, 1e-20], [1., 1.5]),    # all-tiny remainder keeps one term
    ])
    @testing.numpy_cupy_allclose(rtol=1e-12, atol=1e-14)
    def test_polydiv(self, xp, u, v):
        q, r = xp.polydiv(xp.asarray(u), xp.asarray(v))
        return q, r

    @testing.for_dtypes("fdFl")
    @testing.numpy_cupy_allclose(rtol=1e-6, atol=1e-6)
    def test_dtypes(self, xp, dtype):
        return xp.polydiv(xp.asarray([6, 5, 1], dtype), xp.asarray([1, 2], dtype))

    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_reconstruction(self, xp):
        u = xp.asarray([2., -3., 0.5, 4., 1.])
        v = xp.asarray([1.5, 0.25, -1.])
        q, r = xp.polydiv(u, v)
        return xp.polyadd(xp.polymul(q, v), r)


class TestPoly1d:

    @pytest.mark.parametrize("c", [[1, 2, 3], [0, 0, 1.5, -2], [0, 0], [], [4], 3.5,
                                   [1j, 2.5, -3], [1, 0, 0, 0, 1]])
    def test_repr_str_and_attributes(self, c):
        p, q = numpy.poly1d(c), cupy.poly1d(cupy.asarray(c))
        assert repr(q) == repr(p)
        assert str(q) == str(p)
        assert q.order == q.o == p.order and len(q) == len(p)
        for name in ("coeffs", "c", "coef", "coefficients"):
            testing.assert_array_equal(getattr(q, name), getattr(p, name))
        assert q.variable == "x"

    def test_variable_and_float32_repr(self):
        p = numpy.poly1d(numpy.array([1, -2.5, 0.125], numpy.float32), variable="z")
        q = cupy.poly1d(cupy.array([1, -2.5, 0.125], numpy.float32), variable="z")
        assert repr(q) == repr(p) and str(q) == str(p) and q.variable == "z"
        assert q.coeffs.dtype == numpy.float32

    def test_long_str_wraps_like_numpy(self):
        c = numpy.arange(1, 30) * 1.25
        assert str(cupy.poly1d(cupy.asarray(c))) == str(numpy.poly1d(c))

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_from_roots(self, xp):
        p = xp.poly1d([1, 2, -3], r=True)
        return p.coeffs, _sorted(xp, p.roots), _sorted(xp, p.r)

    def test_copy_constructor_and_get(self):
        q = cupy.poly1d([1, 2], variable="t")
        q2 = cupy.poly1d(q)
        assert q2.coeffs is q.coeffs and q2.variable == "t"
        assert cupy.poly1d(q, variable="s").variable == "s"
        h = q.get()
        assert isinstance(h, numpy.poly1d) and h.variable == "t"
        testing.assert_array_equal(h.coeffs, [1, 2])
        q3 = cupy.poly1d(numpy.poly1d([3, 4], variable="u"))
        assert q3.variable == "u"
        testing.assert_array_equal(q3.coeffs, [3, 4])

    @testing.numpy_cupy_array_equal()
    def test_call(self, xp):
        p = xp.poly1d([1, -2, 3])
        return p(xp.arange(-2, 3)), p(xp.asarray([[0.5, 1.5]])), p(2), p(2.5), \
            p(xp.poly1d([1, 1])).coeffs

    @testing.numpy_cupy_allclose(rtol=1e-14)
    def test_arithmetic_with_scalars(self, xp):
        p = xp.poly1d([1., 2., 3.])
        return tuple(q.coeffs for q in (
            p + 1, 1 + p, p - 1, 1 - p, p * 2, 2 * p, p / 2, 2 / p, -p, +p, p * 0,
            p + p[1], p * p[2]))

    @testing.numpy_cupy_allclose(rtol=1e-14)
    def test_arithmetic_with_polynomials(self, xp):
        p = xp.poly1d([1., 2., 3.])
        q = xp.poly1d([2., -1.])
        quot, rem = p / q
        rquot, rrem = [1., 0., 0., 1.] / p
        return tuple(r.coeffs for r in (
            p + q, q + p, p - q, q - p, p * q, q * p, p + [1, 1], [1, 1] + p, p - [1],
            [1] - p, p * [1, 1], [1, 1] * p, quot, rem, rquot, rrem, p - p))

    @testing.numpy_cupy_array_equal()
    def test_pow(self, xp):
        p = xp.poly1d([1, 2])
        f = xp.poly1d(xp.asarray([1, 2], numpy.float32))
        return (p ** 0).coeffs, (p ** 1).coeffs, (p ** 3).coeffs, (f ** 2).coeffs

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_pow_errors(self, xp):
        p = xp.poly1d([1, 2])
        for bad in (-1, 1.5, [2]):
            with pytest.raises(ValueError, match="non-negative integers"):
                p ** bad

    @testing.numpy_cupy_allclose(rtol=1e-14)
    def test_deriv_integ(self, xp):
        p = xp.poly1d([4., 3., 2., 1.])
        return p.deriv().coeffs, p.deriv(2).coeffs, p.deriv(0).coeffs, p.integ().coeffs, \
            p.integ(2, k=[1., 2.]).coeffs, p.integ(k=5).coeffs

    def test_eq_ne(self):
        p = cupy.poly1d([1, 2, 3])
        assert p == cupy.poly1d([0, 1, 2, 3])
        assert not (p != cupy.poly1d([1, 2, 3]))
        assert p != cupy.poly1d([1, 2, 4]) and p != cupy.poly1d([1, 2])
        assert p.__eq__([1, 2, 3]) is NotImplemented
        assert not (p == [1, 2, 3])         # like NumPy: no comparison with arrays
        with pytest.raises(TypeError):
            hash(p)

    def test_getitem_setitem_iter(self):
        for xp in (numpy, cupy):
            p = xp.poly1d([1, 2, 3])
            assert [int(p[k]) for k in range(-1, 5)] == [0, 3, 2, 1, 0, 0]
            assert [int(c) for c in p] == [1, 2, 3]
            p[0] = 7
            p[4] = 5
            testing.assert_array_equal(p.coeffs, [5, 0, 1, 2, 7])
            assert p.order == 4
            with pytest.raises(ValueError):
                p[-1] = 1
        assert cupy.poly1d([1.5, 2])[7].dtype == numpy.float64

    def test_coeffs_in_place_only(self):
        for xp in (numpy, cupy):
            p = xp.poly1d([1, 2])
            p.coeffs *= 2
            testing.assert_array_equal(p.coeffs, [2, 4])
            with pytest.raises(AttributeError):
                p.coeffs = xp.asarray([1])

    def test_errors(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError, match="1d only"):
                xp.poly1d(xp.ones((2, 2)))

    def test_no_implicit_host_conversion(self):
        with pytest.raises(TypeError):
            numpy.asarray(cupy.poly1d([1, 2]))


class TestPolyfit:

    @testing.numpy_cupy_allclose(rtol=1e-8, atol=1e-10)
    def test_polyfit(self, xp):
        x = xp.linspace(0, 1, 20)
        y = 3 * x ** 3 - x + 0.1 * xp.sin(50 * x)
        c2, cov = xp.polyfit(x, y, 2, cov=True)
        c, res, rank, s, rcond = xp.polyfit(x, y, 3, full=True)
        return (xp.polyfit(x, xp.stack([y, y ** 2], 1), 2, w=x + 1), c2, cov, c, res, s,
                xp.asarray(int(rank)), xp.asarray(rcond))

    def test_polyfit_errors(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.polyfit(xp.ones(3), xp.ones(3), -1)
            with pytest.raises(TypeError):
                xp.polyfit(xp.ones(3), xp.ones(4), 1)

    @testing.numpy_cupy_allclose(rtol=1e-8, atol=1e-10)
    def test_fit_then_roots(self, xp):
        x = xp.linspace(-3, 3, 15)
        c = xp.polyfit(x, (x - 1) * (x + 2), 2)
        return _sorted(xp, xp.poly1d(c).roots)

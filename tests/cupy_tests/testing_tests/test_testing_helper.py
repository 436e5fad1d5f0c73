import unittest
import warnings

import numpy
import pytest

from cupy import testing
from cupy.testing import _helper


# Tests that create cupy arrays are in test_testing_loops_arrays.py.

class TestPackageRequirements:

    def test_installed(self):
        assert testing.installed('cupy')
        assert testing.installed('cupy>=0', 'numpy>=1.12')
        assert testing.installed('numpy>=1.10')
        assert not testing.installed('numpy<1.10')
        assert not testing.installed('numpy>1.10,<1.9')
        # A name that is unlikely to be installed.
        assert not testing.installed('supercalifragilisticexpialidocious')

    def test_installed_matches_version(self):
        v = numpy.__version__
        assert testing.installed('numpy=={}'.format(v))
        assert not testing.installed('numpy!={}'.format(v))

    def test_numpy_satisfies(self):
        assert testing.numpy_satisfies('>1.10')
        assert not testing.numpy_satisfies('>=100.0')

    @testing.with_requires('numpy>=100.0')
    def test_with_requires(self):
        assert False, 'this should not happen'

    def test_with_requires_mark(self):
        def f():
            pass
        skipped = testing.with_requires('numpy>=100.0')(f)
        mark, = skipped.pytestmark
        assert mark.name == 'skipif'
        assert mark.args == (True,)
        assert mark.kwargs['reason'] == 'requires: numpy>=100.0'

        def g():
            pass
        kept = testing.with_requires('numpy>=1.0', 'pytest')(g)
        mark, = kept.pytestmark
        assert mark.args == (False,)
        assert mark.kwargs['reason'] == 'requires: numpy>=1.0,pytest'


class TestShapedArange:

    @testing.for_all_dtypes()
    def test_values(self, dtype):
        a = testing.shaped_arange((2, 3), numpy, dtype)
        assert isinstance(a, numpy.ndarray)
        assert a.shape == (2, 3)
        assert a.dtype == dtype
        base = numpy.arange(1, 7).reshape(2, 3)
        if dtype == numpy.bool_:
            expected = base % 2 == 0
        elif numpy.dtype(dtype).kind == 'c':
            expected = (base + 1j * base).astype(dtype)
        else:
            expected = base.astype(dtype)
        numpy.testing.assert_array_equal(a, expected)

    def test_default_dtype(self):
        a = testing.shaped_arange((4,), numpy)
        assert a.dtype == numpy.float32

    @pytest.mark.parametrize('order', ['C', 'F'])
    def test_order(self, order):
        a = testing.shaped_arange((2, 3), numpy, order=order)
        assert a.flags.c_contiguous == (order == 'C')
        assert a.flags.f_contiguous == (order == 'F')
        numpy.testing.assert_array_equal(a, [[1, 2, 3], [4, 5, 6]])

    def test_empty_and_zero_dim(self):
        assert testing.shaped_arange((0, 3), numpy).shape == (0, 3)
        a = testing.shaped_arange((), numpy)
        assert a.shape == ()
        assert a == 1


class TestShapedReverseArange:

    @testing.for_all_dtypes()
    def test_values(self, dtype):
        a = testing.shaped_reverse_arange((2, 3), numpy, dtype)
        assert a.dtype == dtype
        base = numpy.arange(6, 0, -1).reshape(2, 3)
        if dtype == numpy.bool_:
            expected = base % 2 == 0
        elif numpy.dtype(dtype).kind == 'c':
            expected = (base + 1j * base).astype(dtype)
        else:
            expected = base.astype(dtype)
        numpy.testing.assert_array_equal(a, expected)


class TestShapedLinspace:

    @testing.for_float_dtypes()
    def test_float(self, dtype):
        a = testing.shaped_linspace(-1, 1, (2, 3), numpy, dtype)
        assert a.dtype == dtype
        assert a.shape == (2, 3)
        numpy.testing.assert_array_equal(
            a, numpy.linspace(-1, 1, 6).astype(dtype).reshape(2, 3))

    @testing.for_unsigned_dtypes()
    def test_unsigned_clips_start(self, dtype):
        a = testing.shaped_linspace(-4, 4, (5,), numpy, dtype)
        numpy.testing.assert_array_equal(
            a, numpy.linspace(0, 4, 5).astype(dtype))

    def test_bool_clips_to_unit_range(self):
        a = testing.shaped_linspace(-5, 5, (3,), numpy, numpy.bool_)
        numpy.testing.assert_array_equal(a, [False, True, True])


@testing.parameterize(*testing.product({
    'shape': [(3, 2), (), (3, 0, 2)],
}))
class TestShapedRandom(unittest.TestCase):

    @testing.for_all_dtypes()
    def test_shape_and_dtype(self, dtype):
        a = testing.shaped_random(self.shape, numpy, dtype)
        assert isinstance(a, numpy.ndarray)
        assert a.shape == self.shape
        assert a.dtype == dtype

    @testing.for_all_dtypes(no_bool=True, no_complex=True)
    def test_value_range(self, dtype):
        a = testing.shaped_random(self.shape, numpy, dtype)
        assert numpy.all(0 <= a)
        assert numpy.all(a < 10)

    @testing.for_complex_dtypes()
    def test_complex(self, dtype):
        a = testing.shaped_random(self.shape, numpy, dtype)
        assert numpy.all(0 <= a.real)
        assert numpy.all(a.real < 10)
        assert numpy.all(0 <= a.imag)
        assert numpy.all(a.imag < 10)
        if 0 not in self.shape:
            assert numpy.any(a.imag)


class TestShapedRandomMisc(unittest.TestCase):

    def test_bool(self):
        a = testing.shaped_random(10000, numpy, numpy.bool_)
        assert 4000 < numpy.sum(a) < 6000

    def test_int_shape(self):
        a = testing.shaped_random(7, numpy)
        assert a.shape == (7,)

    def test_seed(self):
        a = testing.shaped_random((5,), numpy, seed=1)
        b = testing.shaped_random((5,), numpy, seed=1)
        c = testing.shaped_random((5,), numpy, seed=2)
        numpy.testing.assert_array_equal(a, b)
        assert not numpy.array_equal(a, c)

    def test_scale(self):
        a = testing.shaped_random((100,), numpy, numpy.float64, scale=0.5)
        assert numpy.all(0 <= a) and numpy.all(a < 0.5)
        assert a.max() > 0.25

    def test_order(self):
        a = testing.shaped_random((3, 4), numpy, order='F')
        assert a.flags.f_contiguous and not a.flags.c_contiguous


@testing.parameterize(*testing.product({
    'dtype': [
        numpy.float16, numpy.float32, numpy.float64,
        numpy.complex64, numpy.complex128,
    ],
    'x_s_shapes': [
        ((0, 0), (0,)),
        ((2, 2), (2,)),
        ((2, 3), (2,)),
        ((3, 2), (2,)),
        ((4, 3, 2), (4, 2)),
        # broadcast
        ((2, 2), ()),
    ],
}))
class TestGenerateMatrix(unittest.TestCase):

    def test_generate_matrix(self):
        dtype = self.dtype
        x_shape, s_shape = self.x_s_shapes
        sv = numpy.random.uniform(
            0.5, 1.5, s_shape).astype(dtype().real.dtype)
        x = testing.generate_matrix(
            x_shape, xp=numpy, dtype=dtype, singular_values=sv)
        assert x.shape == x_shape
        assert x.dtype == dtype

        if 0 in x_shape:
            return

        s = numpy.linalg.svd(
            x.astype(numpy.complex128), full_matrices=False,
            compute_uv=False,
        )
        sv = numpy.broadcast_to(sv, s.shape)
        sv_sorted = numpy.sort(sv, axis=-1)[..., ::-1]

        rtol = 1e-3 if dtype == numpy.float16 else 1e-6
        numpy.testing.assert_allclose(s, sv_sorted, rtol=rtol)


class TestGenerateMatrixInvalid(unittest.TestCase):

    def test_no_singular_values(self):
        with self.assertRaises(TypeError):
            testing.generate_matrix((2, 2), xp=numpy)

    def test_invalid_shape(self):
        with self.assertRaises(ValueError):
            testing.generate_matrix((2,), xp=numpy, singular_values=1)

    def test_invalid_dtype_singular_values(self):
        with self.assertRaises(TypeError):
            testing.generate_matrix(
                (2, 2), xp=numpy, singular_values=1 + 0j)

    def test_invalid_dtype(self):
        with self.assertRaises(TypeError):
            testing.generate_matrix(
                (2, 2), xp=numpy, dtype=numpy.int32, singular_values=1)

    def test_negative_singular_values(self):
        with self.assertRaises(ValueError):
            testing.generate_matrix(
                (2, 2), xp=numpy, singular_values=[1, -1])

    def test_shape_mismatch(self):
        with self.assertRaises(ValueError):
            testing.generate_matrix(
                (2, 2), xp=numpy, singular_values=numpy.ones(3))

    def test_shape_mismatch_2(self):
        with self.assertRaises(ValueError):
            testing.generate_matrix(
                (0, 2, 2), xp=numpy, singular_values=numpy.ones(3))


class TestAssertWarns(unittest.TestCase):

    def test_warned(self):
        with testing.assert_warns(UserWarning):
            warnings.warn('x', UserWarning)

    def test_subclass_warned(self):
        with testing.assert_warns(Warning):
            warnings.warn('x', DeprecationWarning)

    def test_warned_even_if_filtered(self):
        # The check must not depend on the filters in force outside.
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            with testing.assert_warns(RuntimeWarning):
                warnings.warn('x', RuntimeWarning)

    def test_not_warned(self):
        with pytest.raises(AssertionError, match='UserWarning not trigger'):
            with testing.assert_warns(UserWarning):
                pass

    def test_other_warning(self):
        with pytest.raises(AssertionError):
            with testing.assert_warns(DeprecationWarning):
                warnings.warn('x', UserWarning)


class TestAssertFunctionIsCalled(unittest.TestCase):

    # shaped_arange calls the internal _as_shape once; the helper is checked
    # against that real call path.
    target = 'cupy.testing._helper._as_shape'

    def test_spy(self):
        orig = _helper._as_shape
        with testing.AssertFunctionIsCalled(
                self.target, wraps=_helper._as_shape):
            a = testing.shaped_arange((2, 3), numpy)
        assert _helper._as_shape is orig
        assert a.shape == (2, 3)

    def test_fail_not_called(self):
        orig = _helper._as_shape
        with pytest.raises(AssertionError):
            with testing.AssertFunctionIsCalled(self.target):
                pass
        assert _helper._as_shape is orig

    def test_fail_called_twice(self):
        with pytest.raises(AssertionError):
            with testing.AssertFunctionIsCalled(
                    self.target, wraps=_helper._as_shape):
                testing.shaped_arange((2, 3), numpy)
                testing.shaped_arange((2, 3), numpy)

    def test_times_called(self):
        with testing.AssertFunctionIsCalled(
                self.target, times_called=2, wraps=_helper._as_shape):
            testing.shaped_arange((2, 3), numpy)
            testing.shaped_arange((2, 3), numpy)

    def test_inner_error(self):
        orig = _helper._as_shape
        with pytest.raises(numpy.exceptions.AxisError):
            with testing.AssertFunctionIsCalled(
                    self.target, wraps=_helper._as_shape):
                testing.shaped_arange((2, 3), numpy)
                raise numpy.exceptions.AxisError('foo')
        assert _helper._as_shape is orig

import copy
import unittest

import numpy
import pytest

from cupy import testing


# Tests with cupy arrays as operands are in test_testing_loops_arrays.py.

@testing.parameterize(
    *testing.product({
        'assertion': ['assert_allclose', 'assert_array_almost_equal',
                      'assert_array_almost_equal_nulp',
                      'assert_array_max_ulp', 'assert_array_equal'],
    })
)
class TestEqualityAssertion(unittest.TestCase):

    def setUp(self):
        self.assertion = getattr(testing, self.assertion)
        val = numpy.random.uniform(-1, 1, (2, 3))
        self.x = numpy.array(val, val.dtype, copy=True)
        self.y = numpy.array(val, val.dtype, copy=True)

    def test_equality(self):
        self.assertion(self.x, self.y)

    def test_inequality(self):
        self.y += 1
        with self.assertRaises(AssertionError):
            self.assertion(self.x, self.y)


class TestListEqualityAssertion(unittest.TestCase):

    def setUp(self):
        self.xs = [numpy.random.uniform(-1, 1, (2, 3)) for _ in range(10)]
        self.ys = copy.deepcopy(self.xs)

    def test_equality(self):
        testing.assert_array_list_equal(self.xs, self.ys)
        testing.assert_array_list_equal(tuple(self.xs), tuple(self.ys))

    def test_inequality(self):
        self.xs[0] += 1
        with self.assertRaisesRegex(
                AssertionError, '^\nArrays are not equal'):
            testing.assert_array_list_equal(self.xs, self.ys)

    def test_different_container_types(self):
        with self.assertRaisesRegex(AssertionError, 'Matching types'):
            testing.assert_array_list_equal(self.xs, tuple(self.ys))

    def test_not_a_list(self):
        with self.assertRaisesRegex(AssertionError, 'List or tuple'):
            testing.assert_array_list_equal(self.xs[0], self.ys[0])

    def test_different_length(self):
        with self.assertRaisesRegex(AssertionError, 'List size'):
            testing.assert_array_list_equal(self.xs, self.ys[:-1])


class TestStridesEqualityAssertion(unittest.TestCase):

    def setUp(self):
        val = numpy.random.uniform(-1, 1, (2, 3))
        self.x = numpy.array(val, val.dtype, copy=True)
        self.y = numpy.array(val, val.dtype, copy=True)

    def test_equality(self):
        testing.assert_array_equal(self.x, self.y, strides_check=True)

    def test_inequality(self):
        self.y = numpy.asfortranarray(self.y)
        # Values are equal: only the strides check can fail.
        testing.assert_array_equal(self.x, self.y)
        with pytest.raises(AssertionError, match='Strides are not equal'):
            testing.assert_array_equal(self.x, self.y, strides_check=True)

    def test_message(self):
        y = numpy.asfortranarray(self.y)
        with pytest.raises(AssertionError) as e:
            testing.assert_array_equal(
                self.x, y, err_msg='foo', strides_check=True)
        msg = str(e.value)
        assert msg.startswith('Strides are not equal: foo')
        assert ' x: {}'.format(self.x.strides) in msg
        assert ' y: {}'.format(y.strides) in msg

        with pytest.raises(AssertionError) as e:
            testing.assert_array_equal(
                self.x, y, verbose=False, strides_check=True)
        assert str(e.value) == 'Strides are not equal:'


class TestAssertArrayEqualStrict(unittest.TestCase):

    def test_strict_dtype(self):
        x = numpy.arange(3, dtype=numpy.int32)
        y = numpy.arange(3, dtype=numpy.int64)
        testing.assert_array_equal(x, y)
        with pytest.raises(AssertionError):
            testing.assert_array_equal(x, y, strict=True)

    def test_err_msg(self):
        with pytest.raises(AssertionError, match='my message'):
            testing.assert_array_equal(
                numpy.zeros(2), numpy.ones(2), err_msg='my message')


class TestLessAssertion(unittest.TestCase):

    def setUp(self):
        val = numpy.random.uniform(-1, 1, (2, 3))
        self.x = numpy.array(val, val.dtype, copy=True)
        self.y = numpy.array(val + 1, val.dtype, copy=True)

    def test_less(self):
        testing.assert_array_less(self.x, self.y)

    def test_not_less(self):
        self.x[0] += 100
        with self.assertRaises(AssertionError):
            testing.assert_array_less(self.x, self.y)

    def test_equal_is_not_less(self):
        with self.assertRaises(AssertionError):
            testing.assert_array_less(self.x, self.x)


class TestTolerances(unittest.TestCase):

    def test_allclose_rtol_atol(self):
        x = numpy.array([1.0, 100.0])
        y = numpy.array([1.0 + 1e-5, 100.0 + 1e-3])
        with pytest.raises(AssertionError):
            testing.assert_allclose(x, y)
        testing.assert_allclose(x, y, rtol=2e-5)
        with pytest.raises(AssertionError):
            testing.assert_allclose(x, y, atol=1e-4)
        testing.assert_allclose(x, y, atol=2e-3)

    def test_almost_equal_decimal(self):
        x = numpy.array([1.0])
        y = numpy.array([1.002])
        testing.assert_array_almost_equal(x, y, decimal=2)
        with pytest.raises(AssertionError):
            testing.assert_array_almost_equal(x, y, decimal=3)

    def test_nulp(self):
        x = numpy.array([1.0], dtype=numpy.float32)
        y = numpy.nextafter(numpy.nextafter(x, 2), 2)
        testing.assert_array_almost_equal_nulp(x, y, nulp=2)
        with pytest.raises(AssertionError):
            testing.assert_array_almost_equal_nulp(x, y, nulp=1)

    def test_max_ulp(self):
        x = numpy.array([1.0], dtype=numpy.float32)
        y = numpy.nextafter(numpy.nextafter(x, 2), 2)
        testing.assert_array_max_ulp(x, y, maxulp=2)
        with pytest.raises(AssertionError):
            testing.assert_array_max_ulp(x, y, maxulp=1)

    def test_scalars(self):
        testing.assert_allclose(1.0, numpy.float64(1.0))
        testing.assert_array_equal(3, numpy.array(3))
        with pytest.raises(AssertionError):
            testing.assert_array_equal(3, numpy.array(4))

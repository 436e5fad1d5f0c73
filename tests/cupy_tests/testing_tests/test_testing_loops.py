import inspect
import re
import unittest

import numpy
import pytest

import cupy
from cupy import testing
from cupy.testing import _loops
from cupy.exceptions import AxisError


# Tests whose bodies return cupy arrays are in test_testing_loops_arrays.py.
# Here the bodies raise or return host scalars, which exercises the
# error rules and the comparison logic on both sides.

class _Exception1(Exception):
    pass


class _Exception2(Exception):
    pass


class TestContainsSignedAndUnsigned(unittest.TestCase):

    def test_include(self):
        kw = {'x': numpy.int32, 'y': numpy.uint32}
        assert _loops._contains_signed_and_unsigned(kw)

        kw = {'x': numpy.float32, 'y': numpy.uint32}
        assert _loops._contains_signed_and_unsigned(kw)

    def test_signed_only(self):
        kw = {'x': numpy.int32}
        assert not _loops._contains_signed_and_unsigned(kw)

        kw = {'x': numpy.float32}
        assert not _loops._contains_signed_and_unsigned(kw)

    def test_unsigned_only(self):
        kw = {'x': numpy.uint32}
        assert not _loops._contains_signed_and_unsigned(kw)

    def test_ignore_not_dtype(self):
        kw = {'x': numpy.int32, 'y': numpy.uint32, 'a': [0, 1]}
        assert _loops._contains_signed_and_unsigned(kw)


class TestCheckCupyNumpyError(unittest.TestCase):

    tbs = {
        cupy: 'xxxx',
        numpy: 'yyyy'
    }

    def test_both_success(self):
        with testing.assert_warns(DeprecationWarning):
            @testing.numpy_cupy_raises()
            def dummy_both_success(self, xp):
                pass

        with self.assertRaises(AssertionError):
            dummy_both_success(self)

    def test_cupy_error(self):
        with testing.assert_warns(DeprecationWarning):
            @testing.numpy_cupy_raises()
            def dummy_cupy_error(self, xp):
                if xp is cupy:
                    raise Exception(self.tbs.get(cupy))

        with self.assertRaisesRegex(AssertionError, self.tbs.get(cupy)):
            dummy_cupy_error(self)

    def test_numpy_error(self):
        with testing.assert_warns(DeprecationWarning):
            @testing.numpy_cupy_raises()
            def dummy_numpy_error(self, xp):
                if xp is numpy:
                    raise Exception(self.tbs.get(numpy))

        with self.assertRaisesRegex(AssertionError, self.tbs.get(numpy)):
            dummy_numpy_error(self)

    def test_cupy_numpy_different_error(self):
        with testing.assert_warns(DeprecationWarning):
            @testing.numpy_cupy_raises()
            def dummy_cupy_numpy_different_error(self, xp):
                if xp is cupy:
                    raise TypeError(self.tbs.get(cupy))
                elif xp is numpy:
                    raise ValueError(self.tbs.get(numpy))

        # Use re.S mode to ignore new line characters
        pattern = re.compile(
            self.tbs.get(cupy) + '.*' + self.tbs.get(numpy), re.S)
        with self.assertRaisesRegex(AssertionError, pattern):
            dummy_cupy_numpy_different_error(self)

    def test_cupy_derived_error(self):
        with testing.assert_warns(DeprecationWarning):
            @testing.numpy_cupy_raises()
            def dummy_cupy_derived_error(self, xp):
                if xp is cupy:
                    raise _Exception1(self.tbs.get(cupy))
                elif xp is numpy:
                    raise _Exception2(self.tbs.get(numpy))

        dummy_cupy_derived_error(self)  # Assert no exceptions

    def test_numpy_derived_error(self):
        with testing.assert_warns(DeprecationWarning):
            @testing.numpy_cupy_raises()
            def dummy_numpy_derived_error(self, xp):
                if xp is cupy:
                    raise Exception(self.tbs.get(cupy))
                elif xp is numpy:
                    raise IndexError(self.tbs.get(numpy))

        # NumPy errors may not derive from CuPy errors, i.e. CuPy errors should
        # be at least as explicit as the NumPy error
        pattern = re.compile(
            self.tbs.get(cupy) + '.*' + self.tbs.get(numpy), re.S)
        with self.assertRaisesRegex(AssertionError, pattern):
            dummy_numpy_derived_error(self)

    def test_same_error(self):
        with testing.assert_warns(DeprecationWarning):
            @testing.numpy_cupy_raises(accept_error=Exception)
            def dummy_same_error(self, xp):
                raise Exception(self.tbs.get(xp))

        dummy_same_error(self)

    def test_cupy_derived_unaccept_error(self):
        with testing.assert_warns(DeprecationWarning):
            @testing.numpy_cupy_raises(accept_error=ValueError)
            def dummy_cupy_derived_unaccept_error(self, xp):
                if xp is cupy:
                    raise IndexError(self.tbs.get(cupy))
                elif xp is numpy:
                    raise Exception(self.tbs.get(numpy))

        # Neither `IndexError` nor `Exception` is derived from `ValueError`,
        # therefore expect an error
        pattern = re.compile(
            self.tbs.get(cupy) + '.*' + self.tbs.get(numpy), re.S)
        with self.assertRaisesRegex(AssertionError, pattern):
            dummy_cupy_derived_unaccept_error(self)

    def test_numpy_derived_unaccept_error(self):
        with testing.assert_warns(DeprecationWarning):
            @testing.numpy_cupy_raises(accept_error=ValueError)
            def dummy_numpy_derived_unaccept_error(self, xp):
                if xp is cupy:
                    raise Exception(self.tbs.get(cupy))
                elif xp is numpy:
                    raise ValueError(self.tbs.get(numpy))

        # `Exception` is not derived from `ValueError`, therefore expect an
        # error
        pattern = re.compile(
            self.tbs.get(cupy) + '.*' + self.tbs.get(numpy), re.S)
        with self.assertRaisesRegex(AssertionError, pattern):
            dummy_numpy_derived_unaccept_error(self)

    def test_forbidden_error(self):
        with testing.assert_warns(DeprecationWarning):
            @testing.numpy_cupy_raises(accept_error=False)
            def dummy_forbidden_error(self, xp):
                raise Exception(self.tbs.get(xp))

        pattern = re.compile(
            self.tbs.get(cupy) + '.*' + self.tbs.get(numpy), re.S)
        with self.assertRaisesRegex(AssertionError, pattern):
            dummy_forbidden_error(self)

    def test_axis_error_different_type(self):
        with testing.assert_warns(DeprecationWarning):
            @testing.numpy_cupy_raises()
            def dummy_axis_error(self, xp):
                if xp is cupy:
                    raise AxisError(self.tbs.get(cupy))
                elif xp is numpy:
                    raise TypeError(self.tbs.get(numpy))

        pattern = re.compile(
            self.tbs.get(cupy) + '.*' + self.tbs.get(numpy), re.S)
        with self.assertRaisesRegex(AssertionError, pattern):
            dummy_axis_error(self)

    def test_axis_error_value_different_type(self):
        with testing.assert_warns(DeprecationWarning):
            @testing.numpy_cupy_raises()
            def dummy_axis_error(self, xp):
                if xp is cupy:
                    raise AxisError(self.tbs.get(cupy))
                elif xp is numpy:
                    raise ValueError(self.tbs.get(numpy))

        pattern = re.compile(
            self.tbs.get(cupy) + '.*' + self.tbs.get(numpy), re.S)
        with self.assertRaisesRegex(AssertionError, pattern):
            dummy_axis_error(self)

    def test_axis_error_index_different_type(self):
        with testing.assert_warns(DeprecationWarning):
            @testing.numpy_cupy_raises()
            def dummy_axis_error(self, xp):
                if xp is cupy:
                    raise AxisError(self.tbs.get(cupy))
                elif xp is numpy:
                    raise IndexError(self.tbs.get(numpy))

        pattern = re.compile(
            self.tbs.get(cupy) + '.*' + self.tbs.get(numpy), re.S)
        with self.assertRaisesRegex(AssertionError, pattern):
            dummy_axis_error(self)

    def test_axis_error_both(self):
        with testing.assert_warns(DeprecationWarning):
            @testing.numpy_cupy_raises()
            def dummy_axis_error(self, xp):
                raise AxisError(self.tbs.get(xp))

        dummy_axis_error(self)


_ALL_COMPARING = [
    'numpy_cupy_allclose', 'numpy_cupy_array_almost_equal',
    'numpy_cupy_array_almost_equal_nulp', 'numpy_cupy_array_max_ulp',
    'numpy_cupy_array_equal', 'numpy_cupy_array_less',
]


def _raise_per_module(cupy_error, numpy_error):
    def body(self, xp):
        if xp is cupy:
            if cupy_error is not None:
                raise cupy_error('from cupy')
        elif numpy_error is not None:
            raise numpy_error('from numpy')
        return numpy.float64(0)
    return body


class _ValueErrorSub(ValueError):
    pass


@testing.parameterize(*testing.product({'decorator': _ALL_COMPARING}))
class TestErrorRules(unittest.TestCase):

    def _run(self, body, **kwargs):
        deco = getattr(testing, self.decorator)(**kwargs)
        return deco(body)(self)

    def test_both_raise_not_accepted(self):
        with pytest.raises(AssertionError,
                           match='Both cupy and numpy raise exceptions'):
            self._run(_raise_per_module(ValueError, ValueError))

    def test_both_raise_accepted(self):
        self._run(_raise_per_module(ValueError, ValueError),
                  accept_error=ValueError)
        self._run(_raise_per_module(ValueError, ValueError),
                  accept_error=True)
        self._run(_raise_per_module(ValueError, ValueError),
                  accept_error=(TypeError, ValueError))

    def test_both_raise_other_than_accepted(self):
        with pytest.raises(AssertionError):
            self._run(_raise_per_module(TypeError, TypeError),
                      accept_error=ValueError)

    def test_cupy_subclass_of_accepted(self):
        self._run(_raise_per_module(_ValueErrorSub, ValueError),
                  accept_error=ValueError)

    def test_numpy_only(self):
        with pytest.raises(AssertionError,
                           match='(?s)Only numpy raises error.*from numpy'):
            self._run(_raise_per_module(None, ValueError),
                      accept_error=True)

    def test_cupy_only(self):
        with pytest.raises(AssertionError,
                           match='(?s)Only cupy raises error.*from cupy'):
            self._run(_raise_per_module(ValueError, None),
                      accept_error=True)

    def test_incompatible_errors_show_both(self):
        with pytest.raises(AssertionError) as e:
            self._run(_raise_per_module(TypeError, ValueError),
                      accept_error=True)
        msg = str(e.value)
        assert 'Different types of errors occurred' in msg
        assert msg.index('from cupy') < msg.index('from numpy')

    def test_axis_error_vs_value_error(self):
        with pytest.raises(AssertionError, match='Different types'):
            self._run(_raise_per_module(AxisError, ValueError),
                      accept_error=True)

    def test_error_before_body_runs_propagates(self):
        # Calling with an unknown argument is a mistake in the test itself:
        # the TypeError surfaces as is rather than as a comparison failure.
        deco = getattr(testing, self.decorator)()
        f = deco(_raise_per_module(None, None))
        with pytest.raises(TypeError):
            f(self, unknown_argument=1)


class TestCupyCi(unittest.TestCase):

    def test_error_from_test_code(self):
        @testing.numpy_cupy_allclose(accept_error=True)
        def body(self, xp):
            raise ValueError('raised here')

        with pytest.MonkeyPatch.context() as mp:
            mp.setenv('CUPY_CI', '1')
            with pytest.raises(AssertionError,
                               match='Error was raised from test code'):
                body(self)
        # Without CUPY_CI the same accepted errors pass.
        with pytest.MonkeyPatch.context() as mp:
            mp.delenv('CUPY_CI', raising=False)
            body(self)


class TestSignature(unittest.TestCase):

    def test_xp_hidden(self):
        @testing.numpy_cupy_allclose()
        def body(self, xp):
            pass

        params = inspect.signature(body).parameters
        # pytest asks fixtures only for parameters without default values.
        assert params['xp'].default is None
        assert params['xp'].kind is inspect.Parameter.KEYWORD_ONLY
        assert body.__name__ == 'body'

    def test_sp_and_scipy_names_hidden(self):
        @testing.numpy_cupy_equal(sp_name='sp', scipy_name='scp')
        def body(self, xp, sp, scp):
            pass

        params = inspect.signature(body).parameters
        for n in ('xp', 'sp', 'scp'):
            assert params[n].default is None

    def test_dtype_hidden(self):
        @testing.for_all_dtypes()
        @testing.numpy_cupy_allclose()
        def body(self, xp, dtype):
            pass

        params = inspect.signature(body).parameters
        assert params['dtype'].default is None
        assert params['xp'].default is None


class TestNumpyCupyEqual(unittest.TestCase):

    @testing.numpy_cupy_equal()
    def test_equal_values(self, xp):
        return (2, 3), 'abc'

    def test_unequal_values(self):
        @testing.numpy_cupy_equal()
        def body(self, xp):
            return (2, 3) if xp is numpy else (3, 2)

        with pytest.raises(AssertionError, match='Results are not equal'):
            body(self)

    def test_name(self):
        @testing.numpy_cupy_equal(name='foo')
        def body(self, foo):
            return foo.__name__

        with pytest.raises(AssertionError):
            body(self)

    def test_errors_never_accepted(self):
        @testing.numpy_cupy_equal()
        def body(self, xp):
            raise ValueError()

        with pytest.raises(AssertionError):
            body(self)


def _per_module(xp, np_result, cp_result):
    return np_result if xp is numpy else cp_result


class TestCompareScalars(unittest.TestCase):
    """Results that are host scalars on both sides."""

    @testing.numpy_cupy_allclose()
    def test_numpy_scalars_close(self, xp):
        return numpy.float32(1.5)

    @testing.numpy_cupy_array_equal()
    def test_python_scalars_equal(self, xp):
        return 3

    @testing.numpy_cupy_array_equal()
    def test_numpy_scalar_and_python_scalar(self, xp):
        # A float64 NumPy scalar and a Python float have the same dtype.
        return _per_module(xp, numpy.float64(2.0), 2.0)

    @testing.numpy_cupy_array_equal()
    def test_tuple_of_scalars(self, xp):
        return numpy.int32(1), numpy.float64(2.0)

    def test_value_mismatch(self):
        @testing.numpy_cupy_allclose()
        def body(self, xp):
            return _per_module(xp, numpy.float32(1), numpy.float32(2))

        with pytest.raises(AssertionError, match='Not equal to tolerance'):
            body(self)

    def test_dtype_mismatch(self):
        @testing.numpy_cupy_array_equal()
        def body(self, xp):
            return _per_module(xp, numpy.float32(1), numpy.float64(1))

        with pytest.raises(AssertionError, match='different dtypes'):
            body(self)

    def test_python_int_vs_float_dtype_mismatch(self):
        @testing.numpy_cupy_array_equal()
        def body(self, xp):
            return _per_module(xp, 1, 1.0)

        with pytest.raises(AssertionError, match='different dtypes'):
            body(self)

    def test_type_check_disabled(self):
        @testing.numpy_cupy_array_equal(type_check=False)
        def body(self, xp):
            return _per_module(xp, numpy.float32(1), numpy.float64(1))

        body(self)

    def test_different_number_of_results(self):
        @testing.numpy_cupy_array_equal()
        def body(self, xp):
            return _per_module(
                xp, (numpy.float32(1), numpy.float32(1)),
                (numpy.float32(1),))

        with pytest.raises(AssertionError):
            body(self)

    def test_less(self):
        @testing.numpy_cupy_array_less()
        def valid(self, xp):
            return _per_module(xp, numpy.float64(2), numpy.float64(1))

        @testing.numpy_cupy_array_less()
        def invalid(self, xp):
            return _per_module(xp, numpy.float64(1), numpy.float64(2))

        valid(self)
        with pytest.raises(AssertionError):
            invalid(self)

    def test_err_msg(self):
        @testing.numpy_cupy_allclose(err_msg='custom message')
        def body(self, xp):
            return _per_module(xp, numpy.float64(1), numpy.float64(2))

        with pytest.raises(AssertionError, match='custom message'):
            body(self)


class TestTolerancePerDtype(unittest.TestCase):

    def _rtol_result(self, xp, dtype):
        # The "cupy" result is one machine epsilon away from 1.
        if xp is numpy:
            return dtype(1)
        return dtype(1 + numpy.finfo(dtype).eps)

    def _atol_result(self, xp, dtype):
        if xp is numpy:
            return dtype(0)
        return dtype(numpy.finfo(dtype).eps)

    @testing.for_float_dtypes()
    @testing.numpy_cupy_allclose(rtol={numpy.float16: 1e-3, 'default': 1e-6})
    def test_rtol_per_dtype(self, xp, dtype):
        return self._rtol_result(xp, dtype)

    @testing.for_float_dtypes()
    @testing.numpy_cupy_allclose(atol={numpy.float16: 1e-3, 'default': 1e-6})
    def test_atol_per_dtype(self, xp, dtype):
        return self._atol_result(xp, dtype)

    def test_rtol_fails_for_float16(self):
        # 1e-6 covers the epsilon of float32 and float64 but not float16.
        @testing.numpy_cupy_allclose(rtol=1e-6)
        def body(self, xp, dtype):
            return self._rtol_result(xp, dtype)

        body(self, dtype=numpy.float32)
        body(self, dtype=numpy.float64)
        with pytest.raises(AssertionError):
            body(self, dtype=numpy.float16)

    def test_atol_fails_for_float16(self):
        @testing.numpy_cupy_allclose(atol=1e-6)
        def body(self, xp, dtype):
            return self._atol_result(xp, dtype)

        body(self, dtype=numpy.float64)
        with pytest.raises(AssertionError):
            body(self, dtype=numpy.float16)

    def test_tolerance_of_each_result(self):
        # Each result is compared with the tolerance of its own dtype.
        @testing.numpy_cupy_allclose(
            rtol={numpy.float16: 1e-3, numpy.float64: 1e-15})
        def ok(self, xp):
            return (self._rtol_result(xp, numpy.float16),
                    self._rtol_result(xp, numpy.float64))

        ok(self)

    def test_missing_dtype_without_default(self):
        @testing.numpy_cupy_allclose(rtol={numpy.float16: 1e-3})
        def body(self, xp):
            return numpy.float32(1)

        with pytest.raises(TypeError, match='Can not find tolerance'):
            body(self)

    def test_rtol_invalid_key(self):
        with self.assertRaises(TypeError):
            testing.numpy_cupy_allclose(rtol={'float16': 1e-3})

    def test_atol_invalid_key(self):
        with self.assertRaises(TypeError):
            testing.numpy_cupy_allclose(atol={'float16': 1e-3})

    def test_dict_requires_type_check(self):
        with self.assertRaises(TypeError):
            testing.numpy_cupy_allclose(
                rtol={'default': 1e-3}, type_check=False)
        with self.assertRaises(TypeError):
            testing.numpy_cupy_allclose(
                atol={'default': 1e-3}, type_check=False)


class TestUnsignedMask(unittest.TestCase):
    """Elements that are negative in the signed computation are ignored."""

    @testing.numpy_cupy_allclose()
    def _differ_when_negative(self, xp, dtype1, dtype2):
        # Converting -1 to an unsigned type: the two modules may disagree.
        value = -1 if xp is numpy else -2
        return numpy.array(value).astype(dtype1)[()]

    @testing.for_unsigned_dtypes('dtype1')
    @testing.for_signed_dtypes('dtype2')
    def test_negative_ignored(self, dtype1, dtype2):
        self._differ_when_negative(dtype1=dtype1, dtype2=dtype2)

    @testing.for_signed_dtypes('dtype1')
    @testing.for_signed_dtypes('dtype2')
    def test_not_ignored_for_signed(self, dtype1, dtype2):
        with pytest.raises(AssertionError):
            self._differ_when_negative(dtype1=dtype1, dtype2=dtype2)

    @testing.numpy_cupy_allclose()
    def _differ_when_positive(self, xp, dtype1, dtype2):
        value = 1 if xp is numpy else 2
        return numpy.array(value).astype(dtype1)[()]

    @testing.for_unsigned_dtypes('dtype1')
    @testing.for_signed_dtypes('dtype2')
    def test_positive_compared(self, dtype1, dtype2):
        with pytest.raises(AssertionError):
            self._differ_when_positive(dtype1=dtype1, dtype2=dtype2)

    def test_signed_counterpart(self):
        for u, s in zip('BHILQ', 'bhilq'):
            assert (_loops._signed_counterpart(numpy.dtype(u).type)
                    is numpy.dtype(s).type)


class TestForDtypes(unittest.TestCase):

    def _collect(self, decorator):
        seen = []

        @decorator
        def body(self, dtype):
            seen.append(dtype)
        body(self)
        return seen

    def test_for_dtypes(self):
        seen = self._collect(testing.for_dtypes(['i', numpy.float32, 'e']))
        assert seen == [numpy.int32, numpy.float32, numpy.float16]

    def test_name(self):
        seen = []

        @testing.for_dtypes([numpy.int8, numpy.int16], name='foo')
        def body(self, foo):
            seen.append(foo)
        body(self)
        assert seen == [numpy.int8, numpy.int16]

    def test_for_all_dtypes(self):
        seen = self._collect(testing.for_all_dtypes())
        expected = {numpy.dtype(c).type for c in '?bhilqBHILQefdFD'}
        assert set(seen) == expected
        assert len(seen) == len(expected)

    def test_for_all_dtypes_options(self):
        seen = self._collect(testing.for_all_dtypes(
            no_float16=True, no_bool=True, no_complex=True))
        assert set(seen) == {numpy.dtype(c).type for c in 'bhilqBHILQfd'}

    def test_for_float_dtypes(self):
        assert set(self._collect(testing.for_float_dtypes())) == {
            numpy.float16, numpy.float32, numpy.float64}
        assert set(self._collect(testing.for_float_dtypes(
            no_float16=True))) == {numpy.float32, numpy.float64}

    def test_for_signed_unsigned_int(self):
        signed = {numpy.dtype(c).type for c in 'bhilq'}
        unsigned = {numpy.dtype(c).type for c in 'BHILQ'}
        assert set(self._collect(testing.for_signed_dtypes())) == signed
        assert set(self._collect(testing.for_unsigned_dtypes())) == unsigned
        assert set(self._collect(testing.for_int_dtypes())) == (
            signed | unsigned | {numpy.bool_})
        assert set(self._collect(testing.for_int_dtypes(no_bool=True))) == (
            signed | unsigned)

    def test_for_complex_dtypes(self):
        assert self._collect(testing.for_complex_dtypes()) == [
            numpy.complex64, numpy.complex128]

    def test_failure_stops_loop(self):
        seen = []

        @testing.for_dtypes([numpy.int8, numpy.int16, numpy.int32])
        def body(self, dtype):
            seen.append(dtype)
            assert dtype != numpy.int16

        with pytest.raises(AssertionError):
            body(self)
        assert seen == [numpy.int8, numpy.int16]

    def test_skip_continues_loop(self):
        seen = []

        @testing.for_dtypes([numpy.int8, numpy.int16, numpy.int32])
        def body(self, dtype):
            if dtype == numpy.int8:
                raise unittest.SkipTest('unittest skip')
            if dtype == numpy.int16:
                pytest.skip('pytest skip')
            seen.append(dtype)

        body(self)
        assert seen == [numpy.int32]


class TestForDtypesCombination(unittest.TestCase):

    def _collect(self, decorator):
        seen = []

        @decorator
        def body(self, a, b):
            seen.append((a, b))
        body(self)
        return seen

    def test_full(self):
        types = [numpy.int8, numpy.float32, numpy.uint16]
        seen = self._collect(testing.for_dtypes_combination(
            types, names=('a', 'b'), full=True))
        assert sorted(seen, key=str) == sorted(
            [(x, y) for x in types for y in types], key=str)

    def test_partial_covers_every_type_for_every_name(self):
        types = list(testing._loops._dtypes)
        seen = self._collect(testing.for_dtypes_combination(
            types, names=('a', 'b'), full=False))
        assert len(set(seen)) == len(seen)
        assert {a for a, _ in seen} == set(types)
        assert {b for _, b in seen} == set(types)
        assert len(seen) <= 2 * len(types)

    def test_full_from_environment(self):
        types = [numpy.int8, numpy.float32, numpy.uint16]
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv('CUPY_TEST_FULL_COMBINATION', '1')
            seen = self._collect(testing.for_dtypes_combination(
                types, names=('a', 'b')))
        assert len(seen) == 9

    def test_single_type(self):
        seen = []

        @testing.for_dtypes_combination([numpy.int8], names=('a',))
        def body(self, a):
            seen.append(a)
        body(self)
        assert seen == [numpy.int8]

    def test_named_variants(self):
        def types_of(decorator):
            return {t for pair in self._collect(decorator) for t in pair}

        assert types_of(testing.for_all_dtypes_combination(
            names=('a', 'b'), full=True)) == set(testing._loops._dtypes) | {
                numpy.complex64, numpy.complex128}
        assert types_of(testing.for_all_dtypes_combination(
            names=('a', 'b'), no_float16=True, no_bool=True,
            no_complex=True, full=True)) == {
                numpy.dtype(c).type for c in 'bhilqBHILQfd'}
        assert types_of(testing.for_signed_dtypes_combination(
            names=('a', 'b'), full=True)) == {
                numpy.dtype(c).type for c in 'bhilq'}
        assert types_of(testing.for_unsigned_dtypes_combination(
            names=('a', 'b'), full=True)) == {
                numpy.dtype(c).type for c in 'BHILQ'}
        assert types_of(testing.for_int_dtypes_combination(
            names=('a', 'b'), full=True)) == {
                numpy.dtype(c).type for c in 'bhilqBHILQ?'}
        assert types_of(testing.for_int_dtypes_combination(
            names=('a', 'b'), no_bool=True, full=True)) == {
                numpy.dtype(c).type for c in 'bhilqBHILQ'}

    def test_skip_continues_loop(self):
        seen = []

        @testing.for_dtypes_combination(
            [numpy.int8, numpy.int16], names=('a', 'b'), full=True)
        def body(self, a, b):
            if a == b:
                pytest.skip('same')
            seen.append((a, b))

        body(self)
        assert sorted(seen, key=str) == sorted(
            [(numpy.int8, numpy.int16), (numpy.int16, numpy.int8)], key=str)


class TestForOrders(unittest.TestCase):

    def test_for_orders(self):
        seen = []

        @testing.for_orders(['C', 'F', 'A'])
        def body(self, order):
            seen.append(order)
        body(self)
        assert seen == ['C', 'F', 'A']

    def test_for_CF_orders(self):
        seen = []

        @testing.for_CF_orders(name='o')
        def body(self, o):
            seen.append(o)
        body(self)
        assert seen == [None, 'C', 'F', 'c', 'f']

    def test_failure_propagates(self):
        @testing.for_orders(['C', 'F'])
        def body(self, order):
            assert order == 'C'

        with pytest.raises(AssertionError):
            body(self)


@testing.parameterize(
    {'shape': (1, 2, 3), 'order': 'C',
     'expected': [(0, 1, 2), (1, 2), (2,)]},
    {'shape': (1, 2, 3), 'order': 'f',
     'expected': [(0,), (0, 1), (0, 1, 2)]},
    {'shape': (4,), 'order': 'c', 'expected': [(0,)]},
)
class TestForContiguousAxes(unittest.TestCase):

    def test_axes(self):
        seen = []

        @testing.for_contiguous_axes()
        def body(self, axis):
            seen.append(axis)
        body(self)
        assert seen == self.expected


class TestForContiguousAxesInvalidOrder(unittest.TestCase):

    shape = (2, 3)
    order = 'K'

    def test_invalid_order(self):
        @testing.for_contiguous_axes()
        def body(self, axis):
            pass

        with pytest.raises(ValueError):
            body(self)


@testing.parameterize(*testing.product({
    'framework': ['unittest', 'pytest']
}))
class TestSkip(unittest.TestCase):

    def _skip(self, reason):
        if self.framework == 'unittest':
            self.skipTest(reason)
        else:
            pytest.skip(reason)

    def _check_skipped(self, decorator, **kw):
        ran = []

        @decorator
        def body(self, xp):
            ran.append(xp)
            self._skip('same reason')

        with pytest.raises((unittest.SkipTest,
                            pytest.skip.Exception)) as e:
            body(self, **kw)
        assert 'same reason' in str(e.value)
        assert ran == [cupy, numpy]

    def test_allclose(self):
        self._check_skipped(testing.numpy_cupy_allclose())

    def test_array_almost_equal(self):
        self._check_skipped(testing.numpy_cupy_array_almost_equal())

    def test_array_almost_equal_nulp(self):
        self._check_skipped(testing.numpy_cupy_array_almost_equal_nulp())

    def test_array_max_ulp(self):
        self._check_skipped(testing.numpy_cupy_array_max_ulp())

    def test_array_equal(self):
        self._check_skipped(testing.numpy_cupy_array_equal())

    def test_less(self):
        self._check_skipped(testing.numpy_cupy_array_less())

    def test_equal(self):
        self._check_skipped(testing.numpy_cupy_equal())

    def test_dtypes(self):
        seen = []

        @testing.for_all_dtypes()
        def body(self, dtype):
            if dtype is numpy.float32:
                self._skip('Test for skipping a dtype in @for_all_dtypes')
                assert False
            seen.append(dtype)

        body(self)
        assert numpy.float32 not in seen
        assert len(seen) == len(testing._loops._make_all_dtypes(
            False, False, False)) - 1


@testing.parameterize(*testing.product({
    'framework': ['unittest', 'pytest']
}))
class TestSkipFail(unittest.TestCase):

    def _skip(self, reason):
        if self.framework == 'unittest':
            raise unittest.SkipTest(reason)
        else:
            pytest.skip(reason)

    def test_different_reason(self):
        @testing.numpy_cupy_allclose()
        def body(self, xp):
            if xp is numpy:
                self._skip('skip1')
            else:
                self._skip('skip2')

        with pytest.raises(AssertionError, match='different causes'):
            body(self)

    def test_different_exception_classes(self):
        @testing.numpy_cupy_allclose()
        def body(self, xp):
            if xp is numpy:
                raise unittest.SkipTest('skip')
            pytest.skip('skip')

        with pytest.raises(AssertionError, match='different exceptions'):
            body(self)

    def test_only_numpy(self):
        @testing.numpy_cupy_allclose()
        def body(self, xp):
            if xp is numpy:
                self._skip('skip')
            return numpy.float64(1)

        with pytest.raises(AssertionError, match='Only numpy raises'):
            body(self)

    def test_only_cupy(self):
        @testing.numpy_cupy_allclose()
        def body(self, xp):
            if xp is cupy:
                self._skip('skip')
            return numpy.float64(1)

        with pytest.raises(AssertionError, match='Only cupy raises'):
            body(self)


class TestDeprecations(unittest.TestCase):

    def test_numpy_cupy_raises_warns(self):
        with pytest.warns(DeprecationWarning):
            testing.numpy_cupy_raises()

    def test_numpy_cupy_array_list_equal_warns(self):
        with pytest.warns(DeprecationWarning):
            testing.numpy_cupy_array_list_equal()

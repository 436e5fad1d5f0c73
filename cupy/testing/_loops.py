"""Decorators that run a test body with NumPy and with CuPy and compare.

The decorated body takes the array module as an argument (``xp`` by default),
is called once with ``cupy`` and once with ``numpy``, and the two results (or
the two raised errors) are checked against each other.
"""
import os
import traceback
import warnings

import numpy

import cupy
from cupy.exceptions import AxisError
from cupy.testing import _array
from cupy.testing._for_loops import (  # NOQA
    _complex_dtypes, _dtypes, _float_dtypes, _int_bool_dtypes, _int_dtypes,
    _make_all_dtypes, _regular_dtypes, _regular_float_dtypes, _signed_dtypes,
    _skip_classes, _unsigned_dtypes, _wraps_partial,
    for_all_dtypes, for_all_dtypes_combination, for_CF_orders,
    for_complex_dtypes, for_contiguous_axes, for_dtypes,
    for_dtypes_combination, for_float_dtypes, for_int_dtypes,
    for_int_dtypes_combination, for_orders, for_signed_dtypes,
    for_signed_dtypes_combination, for_unsigned_dtypes,
    for_unsigned_dtypes_combination)
from cupy.testing._pytest_impl import is_available


if is_available():
    import _pytest.outcomes
    _is_pytest_available = True
else:
    _is_pytest_available = False


def _format_exception(exc):
    if exc is None:
        return None
    return ''.join(traceback.TracebackException.from_exception(exc).format())


def _call_func(impl, args, kw):
    # pytest's Skipped derives from BaseException, so it is listed apart.
    exceptions = Exception,
    if _is_pytest_available:
        exceptions += _pytest.outcomes.Skipped,

    try:
        result = impl(*args, **kw)
        error = None
    except exceptions as e:
        tb = e.__traceback__
        if tb.tb_next is None:
            # The call itself failed (e.g. an unexpected keyword argument),
            # before any line of the body ran: that is a bug of the test,
            # not a behaviour to compare.
            raise e
        result = None
        error = e

    return result, error


def _sparse_modules(sp_name, scipy_name):
    # cupyx.scipy is imported only for tests that ask for it.
    mods = {}
    if sp_name:
        import cupyx.scipy.sparse
        mods[sp_name] = cupyx.scipy.sparse
    if scipy_name:
        import cupyx.scipy
        mods[scipy_name] = cupyx.scipy
    return mods


def _call_func_cupy(impl, args, kw, name, sp_name, scipy_name):
    assert isinstance(name, str)
    assert sp_name is None or isinstance(sp_name, str)
    assert scipy_name is None or isinstance(scipy_name, str)
    kw = kw.copy()
    kw.update(_sparse_modules(sp_name, scipy_name))
    kw[name] = cupy
    return _call_func(impl, args, kw)


def _call_func_numpy(impl, args, kw, name, sp_name, scipy_name):
    assert isinstance(name, str)
    assert sp_name is None or isinstance(sp_name, str)
    assert scipy_name is None or isinstance(scipy_name, str)
    kw = kw.copy()
    kw[name] = numpy
    if sp_name:
        import scipy.sparse
        kw[sp_name] = scipy.sparse
    if scipy_name:
        import scipy
        kw[scipy_name] = scipy
    return _call_func(impl, args, kw)


def _call_func_numpy_cupy(impl, args, kw, name, sp_name, scipy_name):
    cupy_result, cupy_error = _call_func_cupy(
        impl, args, kw, name, sp_name, scipy_name)
    numpy_result, numpy_error = _call_func_numpy(
        impl, args, kw, name, sp_name, scipy_name)
    return cupy_result, cupy_error, numpy_result, numpy_error


# Public error classes whose membership must agree between the two errors:
# code written as `except ValueError:` must behave the same with both
# modules.
_numpy_errors = [
    AttributeError, Exception, IndexError, TypeError, ValueError,
    NotImplementedError, DeprecationWarning,
    AxisError, numpy.linalg.LinAlgError,
]


def _check_numpy_cupy_error_compatible(cupy_error, numpy_error):
    """Checks if try/except blocks are equivalent up to public error classes.
    """
    return all(isinstance(cupy_error, err) == isinstance(numpy_error, err)
               for err in _numpy_errors)


def _fail_test_with_unexpected_errors(
        tb, msg_format, cupy_error, numpy_error):
    # msg_format may contain the placeholders '{cupy_error}' and
    # '{numpy_error}', replaced by the formatted tracebacks.
    msg = msg_format.format(
        cupy_error=_format_exception(cupy_error),
        numpy_error=_format_exception(numpy_error))
    # The traceback of the error is kept so that `pytest --pdb` stops there.
    raise AssertionError(msg).with_traceback(tb)


def _check_cupy_numpy_error(cupy_error, numpy_error,
                            accept_error=False):
    # Both skipped for the same reason: the test is skipped.
    if (isinstance(cupy_error, _skip_classes)
            and isinstance(numpy_error, _skip_classes)):
        if cupy_error.__class__ is not numpy_error.__class__:
            raise AssertionError(
                'Both numpy and cupy were skipped but with different '
                'exceptions.')
        if cupy_error.args != numpy_error.args:
            raise AssertionError(
                'Both numpy and cupy were skipped but with different causes.')
        raise numpy_error

    # In CI, an error raised by the test file itself (rather than by the
    # library it calls) means the test is broken.
    if os.environ.get('CUPY_CI', '') != '' and cupy_error is not None:
        frame = traceback.extract_tb(cupy_error.__traceback__)[-1]
        filename = os.path.basename(frame.filename)
        if filename == 'test_helper.py':
            # The tests of the testing helpers raise on purpose.
            pass
        elif filename.startswith('test_'):
            _fail_test_with_unexpected_errors(
                cupy_error.__traceback__,
                'Error was raised from test code.\n\n{cupy_error}',
                cupy_error, None)

    if accept_error is True:
        accept_error = Exception
    elif not accept_error:
        accept_error = ()
    if cupy_error is None and numpy_error is None:
        raise AssertionError(
            'Both cupy and numpy are expected to raise errors, but not')
    elif cupy_error is None:
        _fail_test_with_unexpected_errors(
            numpy_error.__traceback__,
            'Only numpy raises error\n\n{numpy_error}',
            None, numpy_error)
    elif numpy_error is None:
        _fail_test_with_unexpected_errors(
            cupy_error.__traceback__,
            'Only cupy raises error\n\n{cupy_error}',
            cupy_error, None)

    elif not _check_numpy_cupy_error_compatible(cupy_error, numpy_error):
        _fail_test_with_unexpected_errors(
            cupy_error.__traceback__,
            '''Different types of errors occurred

cupy
{cupy_error}

numpy
{numpy_error}
''',
            cupy_error, numpy_error)

    elif not (isinstance(cupy_error, accept_error)
              and isinstance(numpy_error, accept_error)):
        _fail_test_with_unexpected_errors(
            cupy_error.__traceback__,
            '''Both cupy and numpy raise exceptions

cupy
{cupy_error}

numpy
{numpy_error}
''',
            cupy_error, numpy_error)


def _signed_counterpart(dtype):
    return numpy.dtype(numpy.dtype(dtype).char.lower()).type


def _make_positive_masks(impl, args, kw, name, sp_name, scipy_name):
    # Re-runs the CuPy body with every unsigned dtype argument replaced by
    # its signed counterpart, and returns, per output, where that result is
    # non-negative: only there are the unsigned results comparable.
    kw = kw.copy()
    ks = [k for k, v in kw.items() if v in _unsigned_dtypes]
    for k in ks:
        kw[k] = _signed_counterpart(kw[k])
    result, error = _call_func_cupy(
        impl, args, kw, name, sp_name, scipy_name)
    assert error is None
    if not isinstance(result, (tuple, list)):
        result = result,
    return [_array._as_numpy(r) >= 0 for r in result]


def _contains_signed_and_unsigned(kw):
    def isdtype(v):
        if isinstance(v, numpy.dtype):
            return True
        elif isinstance(v, str):  # expecting dtype character codes
            return True
        elif isinstance(v, type) and issubclass(v, numpy.number):
            return True
        else:
            return False
    vs = set(v for v in kw.values() if isdtype(v))
    return any(d in vs for d in _unsigned_dtypes) and \
        any(d in vs for d in _float_dtypes + _signed_dtypes)


def _wraps_partial_xp(wrapped, name, sp_name, scipy_name):
    names = [name, sp_name, scipy_name]
    names = [n for n in names if n is not None]
    return _wraps_partial(wrapped, *names)


def _make_decorator(check_func, name, type_check, contiguous_check,
                    accept_error, sp_name=None, scipy_name=None,
                    check_sparse_format=True):
    assert isinstance(name, str)
    assert sp_name is None or isinstance(sp_name, str)
    assert scipy_name is None or isinstance(scipy_name, str)

    def decorator(impl):
        @_wraps_partial_xp(impl, name, sp_name, scipy_name)
        def test_func(*args, **kw):
            (cupy_result, cupy_error,
             numpy_result, numpy_error) = _call_func_numpy_cupy(
                impl, args, kw, name, sp_name, scipy_name)
            assert cupy_result is not None or cupy_error is not None
            assert numpy_result is not None or numpy_error is not None

            if cupy_error or numpy_error:
                _check_cupy_numpy_error(cupy_error,
                                        numpy_error,
                                        accept_error=accept_error)
                return

            if not isinstance(cupy_result, (tuple, list)):
                cupy_result = cupy_result,
            if not isinstance(numpy_result, (tuple, list)):
                numpy_result = numpy_result,

            assert len(cupy_result) == len(numpy_result), (
                'numpy and cupy return different numbers of results:\n'
                'cupy: {}\nnumpy: {}'.format(
                    len(cupy_result), len(numpy_result)))

            cupy_numpy_result_ndarrays = [
                _convert_output_to_ndarray(
                    cupy_r, numpy_r, sp_name, check_sparse_format)
                for cupy_r, numpy_r in zip(cupy_result, numpy_result)]

            if type_check:
                for cupy_r, numpy_r in cupy_numpy_result_ndarrays:
                    if cupy_r.dtype != numpy_r.dtype:
                        raise AssertionError(
                            '''ndarrays of different dtypes are returned.
cupy: {}
numpy: {}'''.format(cupy_r.dtype, numpy_r.dtype))

            # Only contiguity that NumPy guarantees is required of CuPy: an
            # operation may return a contiguous array where NumPy does not.
            if contiguous_check:
                for cupy_r, numpy_r in zip(cupy_result, numpy_result):
                    if isinstance(numpy_r, numpy.ndarray):
                        if (numpy_r.flags.c_contiguous
                                and not cupy_r.flags.c_contiguous):
                            raise AssertionError(
                                'The state of c_contiguous flag is false. '
                                '(cupy_result:{} numpy_result:{})'.format(
                                    cupy_r.flags.c_contiguous,
                                    numpy_r.flags.c_contiguous))
                        if (numpy_r.flags.f_contiguous
                                and not cupy_r.flags.f_contiguous):
                            raise AssertionError(
                                'The state of f_contiguous flag is false. '
                                '(cupy_result:{} numpy_result:{})'.format(
                                    cupy_r.flags.f_contiguous,
                                    numpy_r.flags.f_contiguous))

            for cupy_r, numpy_r in cupy_numpy_result_ndarrays:
                if cupy_r.shape != numpy_r.shape:
                    raise AssertionError(
                        'ndarrays of different shapes are returned.\n'
                        'cupy: {}\nnumpy: {}'.format(
                            cupy_r.shape, numpy_r.shape))

            # Converting a negative value to an unsigned integer type is
            # undefined behaviour in C, and GPUs and CPUs give different
            # results. When the body mixes signed and unsigned dtypes,
            # elements that would be negative are left out of the comparison.
            masks = [None] * len(cupy_result)
            if _contains_signed_and_unsigned(kw):
                needs_mask = [
                    cupy_r.dtype in _unsigned_dtypes
                    for cupy_r, _ in cupy_numpy_result_ndarrays]
                if any(needs_mask):
                    masks = _make_positive_masks(
                        impl, args, kw, name, sp_name, scipy_name)
                    for i, flag in enumerate(needs_mask):
                        if not flag:
                            masks[i] = None

            for (cupy_r, numpy_r), mask in zip(
                    cupy_numpy_result_ndarrays, masks):
                skip = False
                if mask is not None:
                    if cupy_r.shape == ():
                        skip = (mask == 0).all()
                    else:
                        cupy_r = _array._as_numpy(cupy_r)[mask]
                        numpy_r = numpy_r[mask]

                if not skip:
                    check_func(cupy_r, numpy_r)
        return test_func
    return decorator


def _convert_output_to_ndarray(c_out, n_out, sp_name, check_sparse_format):
    """Checks types of CuPy/NumPy results and returns comparable arrays.

    Parameters
    ----------
    c_out : cupy.ndarray, cupyx.scipy.sparse matrix, cupy.poly1d or scalar
        The CuPy result.
    n_out : numpy.ndarray, scipy.sparse matrix, numpy.poly1d or scalar
        The NumPy result.
    sp_name : str or None
        Argument name whose value is either ``scipy.sparse`` or
        ``cupyx.scipy.sparse`` module; sparse results are only recognised
        when given.
    check_sparse_format : bool
        If ``True``, the formats of sparse matrices must be equal.

    Returns
    -------
    tuple
        The pair of CuPy-side and NumPy-side arrays (or NumPy scalars).

    Raises
    ------
    AssertionError
        If the two results are of kinds that cannot be compared, e.g. CuPy
        returned a ``numpy.ndarray`` where NumPy returned an array.
    """
    if sp_name is not None:
        import cupyx.scipy.sparse
        if cupyx.scipy.sparse.issparse(c_out):
            import scipy.sparse
            assert scipy.sparse.issparse(n_out)
            if check_sparse_format:
                assert c_out.format == n_out.format
            return c_out.toarray(), n_out.toarray()
    if isinstance(c_out, numpy.generic) and isinstance(n_out, numpy.generic):
        # Both returned NumPy scalars (CuPy does for some reductions of
        # host values); their dtypes are compared as they are.
        return c_out, n_out
    if numpy.isscalar(c_out) and numpy.isscalar(n_out):
        # A Python scalar on either side: both become 0-dim host arrays with
        # the dtype NumPy's conversion gives, as cupy.array would.
        return numpy.array(c_out), numpy.array(n_out)
    if (isinstance(c_out, cupy.ndarray)
            and isinstance(n_out, (numpy.ndarray, numpy.generic))):
        return c_out, n_out
    poly1d = getattr(cupy, 'poly1d', None)
    if (poly1d is not None and isinstance(c_out, poly1d)
            and isinstance(n_out, numpy.poly1d)):
        assert c_out.variable == n_out.variable
        return c_out.coeffs, n_out.coeffs
    raise AssertionError(
        'numpy and cupy returns different type of return value:\n'
        'cupy: {}\nnumpy: {}'.format(
            type(c_out), type(n_out)))


def _check_tolerance_keys(rtol, atol):
    def _check(tol):
        if isinstance(tol, dict):
            for k in tol.keys():
                if type(k) is type:
                    continue
                if type(k) is str and k == 'default':
                    continue
                msg = ('Keys of the tolerance dictionary need to be type '
                       'objects as `numpy.float32` and `cupy.float32` or '
                       '`\'default\'` string.')
                raise TypeError(msg)
    _check(rtol)
    _check(atol)


def _resolve_tolerance(type_check, result, rtol, atol):
    # A dict tolerance is looked up by the dtype of the result it applies
    # to, falling back to its 'default' entry.
    def _resolve(dtype, tol):
        if isinstance(tol, dict):
            tol1 = tol.get(dtype.type)
            if tol1 is None:
                tol1 = tol.get('default')
                if tol1 is None:
                    raise TypeError(
                        'Can not find tolerance for {}'.format(dtype.type))
            return tol1
        else:
            return tol

    dtype = result.dtype
    rtol1 = _resolve(dtype, rtol)
    atol1 = _resolve(dtype, atol)
    return rtol1, atol1


_COMMON_PARAMS_DOC = '''
    name : str
        Argument name whose value is either ``numpy`` or ``cupy`` module.
    type_check : bool
        If ``True``, consistency of dtype is also checked.
    accept_error : bool, Exception or tuple of Exception
        Specify acceptable errors. When both NumPy test and CuPy test raise
        errors of compatible types, and both are instances of the classes
        specified with this argument, the errors are ignored and not raised.
        If it is ``True`` all error types are acceptable. If it is ``False``
        no error is acceptable.
    sp_name : str or None
        Argument name whose value is either ``scipy.sparse`` or
        ``cupyx.scipy.sparse`` module. If ``None``, no argument is given for
        the modules.
    scipy_name : str or None
        Argument name whose value is either ``scipy`` or ``cupyx.scipy``
        module. If ``None``, no argument is given for the modules.'''


def numpy_cupy_allclose(rtol=1e-7, atol=0, err_msg='', verbose=True,
                        name='xp', type_check=True, accept_error=False,
                        sp_name=None, scipy_name=None, contiguous_check=True,
                        *, _check_sparse_format=True):
    """Decorator that checks NumPy results and CuPy ones are close.

    The decorated test fixture is required to return the arrays whose values
    are close between the ``numpy`` case and the ``cupy`` case. For example,
    this test case checks that ``numpy.zeros`` and ``cupy.zeros`` return the
    same value.

    >>> class TestFoo(unittest.TestCase):
    ...     @testing.numpy_cupy_allclose()
    ...     def test_foo(self, xp):
    ...         return xp.zeros(10)

    Parameters
    ----------
    rtol : float or dict
        Relative tolerance. Besides a float value, a dictionary that maps
        dtypes (type objects such as ``numpy.float32``) to float values can
        be supplied to adjust the tolerance per dtype; each result is
        compared with the tolerance of its own dtype. If the dictionary has
        the ``'default'`` string as a key, its value is used for dtypes
        without an entry.
    atol : float or dict
        Absolute tolerance. Besides a float value, a dictionary can be
        supplied as for ``rtol``.
    err_msg : str
        The error message to be printed in case of failure.
    verbose : bool
        If ``True``, the conflicting values are appended to the error
        message.{common}
    contiguous_check : bool
        If ``True``, a CuPy result must be C- (resp. F-) contiguous wherever
        the NumPy result is.

    Returns
    -------
    callable
        The decorator.

    See Also
    --------
    cupy.testing.assert_allclose
    """
    _check_tolerance_keys(rtol, atol)

    # Without the dtype check the two results may differ in dtype, so there
    # is no single dtype to pick a tolerance by.
    if not type_check:
        if isinstance(rtol, dict) or isinstance(atol, dict):
            raise TypeError('When `type_check` is `False`, `rtol` and `atol` '
                            'must be supplied as float.')

    def check_func(c, n):
        rtol1, atol1 = _resolve_tolerance(type_check, c, rtol, atol)
        _array.assert_allclose(c, n, rtol1, atol1, err_msg, verbose)
    return _make_decorator(check_func, name, type_check, contiguous_check,
                           accept_error, sp_name, scipy_name,
                           _check_sparse_format)


def numpy_cupy_array_almost_equal(decimal=6, err_msg='', verbose=True,
                                  name='xp', type_check=True,
                                  accept_error=False, sp_name=None,
                                  scipy_name=None):
    """Decorator that checks NumPy results and CuPy ones are almost equal.

    The decorated test fixture is required to return the same arrays in the
    sense of :func:`cupy.testing.assert_array_almost_equal` (except the type
    of array module) for ``xp`` being ``numpy`` and ``cupy``.

    Parameters
    ----------
    decimal : int
        Desired precision.
    err_msg : str
        The error message to be printed in case of failure.
    verbose : bool
        If ``True``, the conflicting values are appended to the error
        message.{common}

    Returns
    -------
    callable
        The decorator.

    See Also
    --------
    cupy.testing.assert_array_almost_equal
    """
    def check_func(x, y):
        _array.assert_array_almost_equal(x, y, decimal, err_msg, verbose)
    return _make_decorator(check_func, name, type_check, False,
                           accept_error, sp_name, scipy_name)


def numpy_cupy_array_almost_equal_nulp(nulp=1, name='xp', type_check=True,
                                       accept_error=False, sp_name=None,
                                       scipy_name=None):
    """Decorator that checks results of NumPy and CuPy are equal w.r.t. spacing.

    The decorated test fixture is required to return the same arrays in the
    sense of :func:`cupy.testing.assert_array_almost_equal_nulp` (except the
    type of array module) for ``xp`` being ``numpy`` and ``cupy``.

    Parameters
    ----------
    nulp : int
        The maximum number of units in the last place for tolerance.{common}

    Returns
    -------
    callable
        The decorator.

    See Also
    --------
    cupy.testing.assert_array_almost_equal_nulp
    """  # NOQA
    def check_func(x, y):
        _array.assert_array_almost_equal_nulp(x, y, nulp)
    return _make_decorator(check_func, name, type_check, False,
                           accept_error, sp_name, scipy_name=None)


def numpy_cupy_array_max_ulp(maxulp=1, dtype=None, name='xp', type_check=True,
                             accept_error=False, sp_name=None,
                             scipy_name=None):
    """Decorator that checks results of NumPy and CuPy ones are equal w.r.t. ulp.

    The decorated test fixture is required to return the same arrays in the
    sense of :func:`cupy.testing.assert_array_max_ulp` (except the type of
    array module) for ``xp`` being ``numpy`` and ``cupy``.

    Parameters
    ----------
    maxulp : int
        The maximum number of units in the last place that elements of the
        two results can differ.
    dtype : numpy.dtype, optional
        Data-type to convert the two results to if given.{common}

    Returns
    -------
    callable
        The decorator.

    See Also
    --------
    cupy.testing.assert_array_max_ulp
    """  # NOQA
    def check_func(x, y):
        _array.assert_array_max_ulp(x, y, maxulp, dtype)
    return _make_decorator(check_func, name, type_check, False,
                           accept_error, sp_name, scipy_name)


def numpy_cupy_array_equal(err_msg='', verbose=True, name='xp',
                           type_check=True, accept_error=False, sp_name=None,
                           scipy_name=None, strides_check=False):
    """Decorator that checks NumPy results and CuPy ones are equal.

    The decorated test fixture is required to return the same arrays in the
    sense of :func:`cupy.testing.assert_array_equal` (except the type of
    array module) for ``xp`` being ``numpy`` and ``cupy``. A list or tuple
    of arrays may be returned; the elements are compared pairwise.

    Parameters
    ----------
    err_msg : str
        The error message to be printed in case of failure.
    verbose : bool
        If ``True``, the conflicting values are appended to the error
        message.{common}
    strides_check : bool
        If ``True``, consistency of strides is also checked.

    Returns
    -------
    callable
        The decorator.

    See Also
    --------
    cupy.testing.assert_array_equal
    """
    def check_func(x, y):
        _array.assert_array_equal(x, y, err_msg, verbose, strides_check)
    return _make_decorator(check_func, name, type_check, False,
                           accept_error, sp_name, scipy_name)


def numpy_cupy_array_list_equal(
        err_msg='', verbose=True, name='xp', sp_name=None, scipy_name=None):
    """Decorator that checks the resulting lists of NumPy and CuPy are equal.

    Deprecated: :func:`numpy_cupy_array_equal` compares lists of arrays too.

    Parameters
    ----------
    err_msg : str
        The error message to be printed in case of failure.
    verbose : bool
        If ``True``, the conflicting values are appended to the error
        message.
    name : str
        Argument name whose value is either ``numpy`` or ``cupy`` module.
    sp_name : str or None
        Argument name whose value is either ``scipy.sparse`` or
        ``cupyx.scipy.sparse`` module.
    scipy_name : str or None
        Argument name whose value is either ``scipy`` or ``cupyx.scipy``
        module.

    Returns
    -------
    callable
        The decorator.

    See Also
    --------
    cupy.testing.assert_array_list_equal
    """  # NOQA
    warnings.warn(
        'numpy_cupy_array_list_equal is deprecated.'
        ' Use numpy_cupy_array_equal instead.',
        DeprecationWarning)

    def check_func(x, y):
        _array.assert_array_equal(x, y, err_msg, verbose)
    return _make_decorator(check_func, name, False, False,
                           False, sp_name, scipy_name)


def numpy_cupy_array_less(err_msg='', verbose=True, name='xp',
                          type_check=True, accept_error=False, sp_name=None,
                          scipy_name=None):
    """Decorator that checks the CuPy result is less than NumPy result.

    The decorated test fixture is required to return a smaller array when
    ``xp`` is ``cupy`` than when ``xp`` is ``numpy``.

    Parameters
    ----------
    err_msg : str
        The error message to be printed in case of failure.
    verbose : bool
        If ``True``, the conflicting values are appended to the error
        message.{common}

    Returns
    -------
    callable
        The decorator.

    See Also
    --------
    cupy.testing.assert_array_less
    """
    def check_func(x, y):
        _array.assert_array_less(x, y, err_msg, verbose)
    return _make_decorator(check_func, name, type_check, False,
                           accept_error, sp_name, scipy_name)


def numpy_cupy_equal(name='xp', sp_name=None, scipy_name=None):
    """Decorator that checks NumPy results are equal to CuPy ones.

    The decorated test fixture is required to return equal values (compared
    with ``!=``, e.g. shapes, Python scalars or strings) for ``xp`` being
    ``numpy`` and ``cupy``.

    Parameters
    ----------
    name : str
        Argument name whose value is either ``numpy`` or ``cupy`` module.
    sp_name : str or None
        Argument name whose value is either ``scipy.sparse`` or
        ``cupyx.scipy.sparse`` module.
    scipy_name : str or None
        Argument name whose value is either ``scipy`` or ``cupyx.scipy``
        module.

    Returns
    -------
    callable
        The decorator.
    """
    def decorator(impl):
        @_wraps_partial_xp(impl, name, sp_name, scipy_name)
        def test_func(*args, **kw):
            (cupy_result, cupy_error,
             numpy_result, numpy_error) = _call_func_numpy_cupy(
                impl, args, kw, name, sp_name, scipy_name)

            if cupy_error or numpy_error:
                _check_cupy_numpy_error(
                    cupy_error, numpy_error,
                    accept_error=False)
                return

            if cupy_result != numpy_result:
                message = '''Results are not equal:
cupy: %s
numpy: %s''' % (str(cupy_result), str(numpy_result))
                raise AssertionError(message)
        return test_func
    return decorator


def numpy_cupy_raises(name='xp', sp_name=None, scipy_name=None,
                      accept_error=Exception):
    """Decorator that checks the NumPy and CuPy throw same errors.

    Deprecated: use ``pytest.raises`` for each module instead.

    Parameters
    ----------
    name : str
        Argument name whose value is either ``numpy`` or ``cupy`` module.
    sp_name : str or None
        Argument name whose value is either ``scipy.sparse`` or
        ``cupyx.scipy.sparse`` module.
    scipy_name : str or None
        Argument name whose value is either ``scipy`` or ``cupyx.scipy``
        module.
    accept_error : bool, Exception or tuple of Exception
        Acceptable errors, as for :func:`numpy_cupy_allclose`.

    Returns
    -------
    callable
        The decorator. The decorated test fails unless both bodies raise
        errors that pass the same checks as in :func:`numpy_cupy_allclose`.
    """
    warnings.warn(
        'cupy.testing.numpy_cupy_raises is deprecated.',
        DeprecationWarning)

    def decorator(impl):
        @_wraps_partial_xp(impl, name, sp_name, scipy_name)
        def test_func(*args, **kw):
            (cupy_result, cupy_error,
             numpy_result, numpy_error) = _call_func_numpy_cupy(
                impl, args, kw, name, sp_name, scipy_name)

            _check_cupy_numpy_error(cupy_error,
                                    numpy_error,
                                    accept_error=accept_error)
        return test_func
    return decorator


# The shared parameter descriptions are spliced into the docstrings.
for _f in (numpy_cupy_allclose, numpy_cupy_array_almost_equal,
           numpy_cupy_array_almost_equal_nulp, numpy_cupy_array_max_ulp,
           numpy_cupy_array_equal, numpy_cupy_array_less):
    if _f.__doc__:  # None under `python -OO`
        _f.__doc__ = _f.__doc__.replace('{common}', _COMMON_PARAMS_DOC)
del _f

"""NumPy-style assertions that accept both NumPy and CuPy arrays.

Every function moves its operands to the host and defers the comparison to
:mod:`numpy.testing`, so failure messages read exactly like NumPy's.
"""
import numpy
import numpy.testing

import cupy


def _as_numpy(a):
    """Returns ``a`` as a host object that :mod:`numpy.testing` accepts.

    Host values (NumPy arrays and scalars, Python scalars, nested sequences
    of them) pass through untouched so that their type and dtype reach NumPy
    exactly as given; anything else goes through :func:`cupy.asnumpy`.
    """
    if isinstance(a, (numpy.ndarray, numpy.generic, bool, int, float,
                      complex)):
        return a
    if isinstance(a, (list, tuple)) and all(
            isinstance(x, (numpy.ndarray, numpy.generic, bool, int, float,
                           complex)) for x in a):
        return a
    return cupy.asnumpy(a)


def assert_allclose(actual, desired, rtol=1e-7, atol=0, err_msg='',
                    verbose=True):
    """Raises an AssertionError if objects are not equal up to desired tolerance.

    Parameters
    ----------
    actual : numpy.ndarray or cupy.ndarray
        The actual object to check.
    desired : numpy.ndarray or cupy.ndarray
        The desired, expected object.
    rtol : float
        Relative tolerance.
    atol : float
        Absolute tolerance.
    err_msg : str
        The error message to be printed in case of failure.
    verbose : bool
        If ``True``, the conflicting values are appended to the error message.

    See Also
    --------
    numpy.testing.assert_allclose
    """  # NOQA
    numpy.testing.assert_allclose(
        _as_numpy(actual), _as_numpy(desired),
        rtol=rtol, atol=atol, err_msg=err_msg, verbose=verbose)


def assert_array_almost_equal(x, y, decimal=6, err_msg='', verbose=True):
    """Raises an AssertionError if objects are not equal up to desired precision.

    Parameters
    ----------
    x : numpy.ndarray or cupy.ndarray
        The actual object to check.
    y : numpy.ndarray or cupy.ndarray
        The desired, expected object.
    decimal : int
        Desired precision.
    err_msg : str
        The error message to be printed in case of failure.
    verbose : bool
        If ``True``, the conflicting values are appended to the error message.

    See Also
    --------
    numpy.testing.assert_array_almost_equal
    """  # NOQA
    numpy.testing.assert_array_almost_equal(
        _as_numpy(x), _as_numpy(y), decimal=decimal,
        err_msg=err_msg, verbose=verbose)


def assert_array_almost_equal_nulp(x, y, nulp=1):
    """Compares two arrays relatively to their spacing.

    Parameters
    ----------
    x : numpy.ndarray or cupy.ndarray
        The actual object to check.
    y : numpy.ndarray or cupy.ndarray
        The desired, expected object.
    nulp : int
        The maximum number of units in the last place for tolerance.

    See Also
    --------
    numpy.testing.assert_array_almost_equal_nulp
    """
    numpy.testing.assert_array_almost_equal_nulp(
        _as_numpy(x), _as_numpy(y), nulp=nulp)


def assert_array_max_ulp(a, b, maxulp=1, dtype=None):
    """Checks that all items of arrays differ in at most N Units in the Last Place.

    Parameters
    ----------
    a : numpy.ndarray or cupy.ndarray
        The actual object to check.
    b : numpy.ndarray or cupy.ndarray
        The desired, expected object.
    maxulp : int
        The maximum number of units in the last place that elements of ``a``
        and ``b`` can differ.
    dtype : numpy.dtype, optional
        Data-type to convert ``a`` and ``b`` to if given.

    See Also
    --------
    numpy.testing.assert_array_max_ulp
    """  # NOQA
    numpy.testing.assert_array_max_ulp(
        _as_numpy(a), _as_numpy(b), maxulp=maxulp, dtype=dtype)


def assert_array_equal(x, y, err_msg='', verbose=True, strides_check=False,
                       **kwargs):
    """Raises an AssertionError if two array_like objects are not equal.

    Parameters
    ----------
    x : numpy.ndarray or cupy.ndarray
        The actual object to check.
    y : numpy.ndarray or cupy.ndarray
        The desired, expected object.
    err_msg : str
        The error message to be printed in case of failure.
    verbose : bool
        If ``True``, the conflicting values are appended to the error message.
    strides_check : bool
        If ``True``, consistency of strides is also checked.
    **kwargs
        Passed to :func:`numpy.testing.assert_array_equal`, e.g.
        ``strict=True`` to also require equal shapes and dtypes.

    See Also
    --------
    numpy.testing.assert_array_equal
    """
    numpy.testing.assert_array_equal(
        _as_numpy(x), _as_numpy(y), err_msg=err_msg,
        verbose=verbose, **kwargs)

    if strides_check:
        if x.strides != y.strides:
            msg = ['Strides are not equal:']
            if err_msg:
                msg = [msg[0] + ' ' + err_msg]
            if verbose:
                msg.append(' x: {}'.format(x.strides))
                msg.append(' y: {}'.format(y.strides))
            raise AssertionError('\n'.join(msg))


def assert_array_list_equal(xlist, ylist, err_msg='', verbose=True):
    """Compares lists of arrays pairwise with ``assert_array_equal``.

    Each element of ``xlist`` and ``ylist`` must be either
    :class:`numpy.ndarray` or :class:`cupy.ndarray`. Both must be of the same
    container type (``list`` or ``tuple``) and have the same length;
    otherwise this function raises ``AssertionError``. The elements are
    compared pairwise with :func:`numpy.testing.assert_array_equal`.

    Parameters
    ----------
    xlist : list or tuple
        The actual objects.
    ylist : list or tuple
        The desired, expected objects.
    err_msg : str
        The error message to be printed in case of failure.
    verbose : bool
        If ``True``, the conflicting values are appended to the error message.

    See Also
    --------
    numpy.testing.assert_array_equal
    """
    x_type = type(xlist)
    y_type = type(ylist)
    if x_type is not y_type:
        raise AssertionError(
            'Matching types of list or tuple are expected, '
            'but were different types '
            '(xlist:{} ylist:{})'.format(x_type, y_type))
    if x_type not in (list, tuple):
        raise AssertionError(
            'List or tuple is expected, but was {}'.format(x_type))
    if len(xlist) != len(ylist):
        raise AssertionError('List size is different')
    for x, y in zip(xlist, ylist):
        numpy.testing.assert_array_equal(
            _as_numpy(x), _as_numpy(y), err_msg=err_msg,
            verbose=verbose)


def assert_array_less(x, y, err_msg='', verbose=True):
    """Raises an AssertionError if array_like objects are not ordered by less than.

    Parameters
    ----------
    x : numpy.ndarray or cupy.ndarray
        The smaller object to check.
    y : numpy.ndarray or cupy.ndarray
        The larger object to compare.
    err_msg : str
        The error message to be printed in case of failure.
    verbose : bool
        If ``True``, the conflicting values are appended to the error message.

    See Also
    --------
    numpy.testing.assert_array_less
    """  # NOQA
    numpy.testing.assert_array_less(
        _as_numpy(x), _as_numpy(y), err_msg=err_msg,
        verbose=verbose)

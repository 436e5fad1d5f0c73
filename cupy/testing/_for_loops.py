"""Decorators that run a test body over dtypes, orders and axes.

Each decorator adds keyword arguments to the test and runs the body once per
value inside the same test; the failing value is printed so it shows in the
captured output of the failure.
"""
import functools
import inspect
import os
import random
import unittest

import numpy

from cupy.testing import _parameterized
from cupy.testing._pytest_impl import is_available

# Exceptions meaning "skipped": unittest's, and pytest's (which derives from
# BaseException, not Exception).
if is_available():
    import _pytest.outcomes
    _skip_classes = (unittest.SkipTest, _pytest.outcomes.Skipped)
else:
    _skip_classes = (unittest.SkipTest,)


def _wraps_partial(wrapped, *names):
    # The wrapper supplies the arguments `names` itself. Hiding them from the
    # signature (as keyword arguments with defaults) keeps pytest from looking
    # for fixtures of those names.
    def decorator(impl):
        impl = functools.wraps(wrapped)(impl)
        impl.__signature__ = inspect.signature(
            functools.partial(wrapped, **{name: None for name in names}))
        return impl
    return decorator


_complex_dtypes = (numpy.complex64, numpy.complex128)
_regular_float_dtypes = (numpy.float64, numpy.float32)
_float_dtypes = _regular_float_dtypes + (numpy.float16,)
_signed_dtypes = tuple(numpy.dtype(i).type for i in 'bhilq')
_unsigned_dtypes = tuple(numpy.dtype(i).type for i in 'BHILQ')
_int_dtypes = _signed_dtypes + _unsigned_dtypes
_int_bool_dtypes = _int_dtypes + (numpy.bool_,)
_regular_dtypes = _regular_float_dtypes + _int_bool_dtypes
_dtypes = _float_dtypes + _int_bool_dtypes


def for_dtypes(dtypes, name='dtype'):
    """Decorator for parameterized dtype test.

    This decorator adds a keyword argument specified by ``name`` to the test
    fixture. Then, it runs the fixture once for each element of ``dtypes``,
    passing ``numpy.dtype(element).type`` to the named argument. A value for
    which the body skips is reported and the loop goes on.

    Parameters
    ----------
    dtypes : list of dtypes
        dtypes to be tested.
    name : str
        Argument name to which specified dtypes are passed.

    Returns
    -------
    callable
        The decorator.
    """
    def decorator(impl):
        @_wraps_partial(impl, name)
        def test_func(*args, **kw):
            for dtype in dtypes:
                try:
                    kw[name] = numpy.dtype(dtype).type
                    impl(*args, **kw)
                except _skip_classes as e:
                    print('skipped: {} = {} ({})'.format(name, dtype, e))
                except Exception:
                    print(name, 'is', dtype)
                    raise

        return test_func
    return decorator


def _make_all_dtypes(no_float16, no_bool, no_complex):
    if no_float16:
        dtypes = _regular_float_dtypes
    else:
        dtypes = _float_dtypes

    if no_bool:
        dtypes += _int_dtypes
    else:
        dtypes += _int_bool_dtypes

    if not no_complex:
        dtypes += _complex_dtypes

    return dtypes


def for_all_dtypes(name='dtype', no_float16=False, no_bool=False,
                   no_complex=False):
    """Decorator that checks the fixture with all dtypes.

    dtypes to be tested: ``numpy.complex64`` (optional),
    ``numpy.complex128`` (optional), ``numpy.float16`` (optional),
    ``numpy.float32``, ``numpy.float64``, ``numpy.dtype('b')``,
    ``numpy.dtype('h')``, ``numpy.dtype('i')``, ``numpy.dtype('l')``,
    ``numpy.dtype('q')``, ``numpy.dtype('B')``, ``numpy.dtype('H')``,
    ``numpy.dtype('I')``, ``numpy.dtype('L')``, ``numpy.dtype('Q')``, and
    ``numpy.bool_`` (optional).

    It is typically combined with a decorator that compares NumPy and CuPy:

    >>> class TestMean(unittest.TestCase):
    ...     @testing.for_all_dtypes()
    ...     @testing.numpy_cupy_allclose()
    ...     def test_mean_all(self, xp, dtype):
    ...         a = testing.shaped_arange((2, 3), xp, dtype)
    ...         return a.mean()

    Parameters
    ----------
    name : str
        Argument name to which specified dtypes are passed.
    no_float16 : bool
        If ``True``, ``numpy.float16`` is omitted from candidate dtypes.
    no_bool : bool
        If ``True``, ``numpy.bool_`` is omitted from candidate dtypes.
    no_complex : bool
        If ``True``, ``numpy.complex64`` and ``numpy.complex128`` are
        omitted from candidate dtypes.

    Returns
    -------
    callable
        The decorator.

    See Also
    --------
    cupy.testing.for_dtypes
    """
    return for_dtypes(_make_all_dtypes(no_float16, no_bool, no_complex),
                      name=name)


def for_float_dtypes(name='dtype', no_float16=False):
    """Decorator that checks the fixture with float dtypes.

    dtypes to be tested are ``numpy.float16`` (optional), ``numpy.float32``,
    and ``numpy.float64``.

    Parameters
    ----------
    name : str
        Argument name to which specified dtypes are passed.
    no_float16 : bool
        If ``True``, ``numpy.float16`` is omitted from candidate dtypes.

    See Also
    --------
    cupy.testing.for_dtypes, cupy.testing.for_all_dtypes
    """
    if no_float16:
        return for_dtypes(_regular_float_dtypes, name=name)
    else:
        return for_dtypes(_float_dtypes, name=name)


def for_signed_dtypes(name='dtype'):
    """Decorator that checks the fixture with signed dtypes.

    dtypes to be tested are ``numpy.dtype('b')``, ``numpy.dtype('h')``,
    ``numpy.dtype('i')``, ``numpy.dtype('l')``, and ``numpy.dtype('q')``.

    Parameters
    ----------
    name : str
        Argument name to which specified dtypes are passed.

    See Also
    --------
    cupy.testing.for_dtypes, cupy.testing.for_all_dtypes
    """
    return for_dtypes(_signed_dtypes, name=name)


def for_unsigned_dtypes(name='dtype'):
    """Decorator that checks the fixture with unsigned dtypes.

    dtypes to be tested are ``numpy.dtype('B')``, ``numpy.dtype('H')``,
    ``numpy.dtype('I')``, ``numpy.dtype('L')``, and ``numpy.dtype('Q')``.

    Parameters
    ----------
    name : str
        Argument name to which specified dtypes are passed.

    See Also
    --------
    cupy.testing.for_dtypes, cupy.testing.for_all_dtypes
    """
    return for_dtypes(_unsigned_dtypes, name=name)


def for_int_dtypes(name='dtype', no_bool=False):
    """Decorator that checks the fixture with integer and optionally bool dtypes.

    dtypes to be tested are ``numpy.dtype('b')``, ``numpy.dtype('h')``,
    ``numpy.dtype('i')``, ``numpy.dtype('l')``, ``numpy.dtype('q')``,
    ``numpy.dtype('B')``, ``numpy.dtype('H')``, ``numpy.dtype('I')``,
    ``numpy.dtype('L')``, ``numpy.dtype('Q')``, and ``numpy.bool_``
    (optional).

    Parameters
    ----------
    name : str
        Argument name to which specified dtypes are passed.
    no_bool : bool
        If ``True``, ``numpy.bool_`` is omitted from candidate dtypes.

    See Also
    --------
    cupy.testing.for_dtypes, cupy.testing.for_all_dtypes
    """  # NOQA
    if no_bool:
        return for_dtypes(_int_dtypes, name=name)
    else:
        return for_dtypes(_int_bool_dtypes, name=name)


def for_complex_dtypes(name='dtype'):
    """Decorator that checks the fixture with complex dtypes.

    dtypes to be tested are ``numpy.complex64`` and ``numpy.complex128``.

    Parameters
    ----------
    name : str
        Argument name to which specified dtypes are passed.

    See Also
    --------
    cupy.testing.for_dtypes, cupy.testing.for_all_dtypes
    """
    return for_dtypes(_complex_dtypes, name=name)


def for_dtypes_combination(types, names=('dtype',), full=None):
    """Decorator that checks the fixture with a product set of dtypes.

    The decorator adds the keyword arguments specified by ``names`` to the
    test fixture and runs it with (possibly a subset of) the product set of
    ``types``. If ``full`` is ``True``, all combinations are tested. Since
    such an exhaustive test can be costly, if ``full`` is ``False`` only a
    random subset is tested in which every dtype appears at least once for
    every name. If ``full`` is ``None``, the behavior is determined by the
    environment variable ``CUPY_TEST_FULL_COMBINATION``: ``'1'`` means
    ``full=True``, anything else ``full=False``.

    Parameters
    ----------
    types : list of dtypes
        dtypes to be tested.
    names : list of str
        Argument names to which dtypes are passed.
    full : bool or None
        Whether to test all combinations.

    Returns
    -------
    callable
        The decorator.
    """
    types = list(types)

    if len(types) == 1:
        name, = names
        return for_dtypes(types, name)

    if full is None:
        full = int(os.environ.get('CUPY_TEST_FULL_COMBINATION', '0')) != 0

    if full:
        combination = _parameterized.product({name: types for name in names})
    else:
        ts = []
        for _ in range(len(names)):
            # Each name walks through all types once in order, then once in
            # a shuffled order, pairing it with the other names' types.
            shuffled_types = types[:]
            random.shuffle(shuffled_types)
            ts.append(types + shuffled_types)

        combination = [tuple(zip(names, typs)) for typs in zip(*ts)]
        combination = [dict(assoc_list) for assoc_list in set(combination)]

    def decorator(impl):
        @_wraps_partial(impl, *names)
        def test_func(*args, **kw):
            for dtypes in combination:
                kw_copy = kw.copy()
                kw_copy.update(dtypes)

                try:
                    impl(*args, **kw_copy)
                except _skip_classes as e:
                    msg = ', '.join(
                        '{} = {}'.format(name, dtype)
                        for name, dtype in dtypes.items())
                    print('skipped: {} ({})'.format(msg, e))
                except Exception:
                    print(dtypes)
                    raise

        return test_func
    return decorator


def for_all_dtypes_combination(names=('dtyes',),
                               no_float16=False, no_bool=False, full=None,
                               no_complex=False):
    """Decorator that checks the fixture with a product set of all dtypes.

    Parameters
    ----------
    names : list of str
        Argument names to which dtypes are passed. (The default,
        ``('dtyes',)``, is kept as CuPy spells it.)
    no_float16 : bool
        If ``True``, ``numpy.float16`` is omitted from candidate dtypes.
    no_bool : bool
        If ``True``, ``numpy.bool_`` is omitted from candidate dtypes.
    full : bool or None
        Whether to test all combinations (see
        :func:`cupy.testing.for_dtypes_combination`).
    no_complex : bool
        If ``True``, ``numpy.complex64`` and ``numpy.complex128`` are
        omitted from candidate dtypes.

    See Also
    --------
    cupy.testing.for_dtypes_combination
    """
    types = _make_all_dtypes(no_float16, no_bool, no_complex)
    return for_dtypes_combination(types, names, full)


def for_signed_dtypes_combination(names=('dtype',), full=None):
    """Decorator for parameterized test w.r.t. the product set of signed dtypes.

    Parameters
    ----------
    names : list of str
        Argument names to which dtypes are passed.
    full : bool or None
        Whether to test all combinations (see
        :func:`cupy.testing.for_dtypes_combination`).

    See Also
    --------
    cupy.testing.for_dtypes_combination
    """  # NOQA
    return for_dtypes_combination(_signed_dtypes, names=names, full=full)


def for_unsigned_dtypes_combination(names=('dtype',), full=None):
    """Decorator for parameterized test w.r.t. the product set of unsigned dtypes.

    Parameters
    ----------
    names : list of str
        Argument names to which dtypes are passed.
    full : bool or None
        Whether to test all combinations (see
        :func:`cupy.testing.for_dtypes_combination`).

    See Also
    --------
    cupy.testing.for_dtypes_combination
    """  # NOQA
    return for_dtypes_combination(_unsigned_dtypes, names=names, full=full)


def for_int_dtypes_combination(names=('dtype',), no_bool=False, full=None):
    """Decorator for parameterized test w.r.t. the product set of int and boolean.

    Parameters
    ----------
    names : list of str
        Argument names to which dtypes are passed.
    no_bool : bool
        If ``True``, ``numpy.bool_`` is omitted from candidate dtypes.
    full : bool or None
        Whether to test all combinations (see
        :func:`cupy.testing.for_dtypes_combination`).

    See Also
    --------
    cupy.testing.for_dtypes_combination
    """  # NOQA
    if no_bool:
        types = _int_dtypes
    else:
        types = _int_bool_dtypes
    return for_dtypes_combination(types, names, full)


def for_orders(orders, name='order'):
    """Decorator to parameterize tests with order.

    This decorator adds a keyword argument specified by ``name`` to the test
    fixture. Then, the fixture runs once for each element of ``orders``.

    Parameters
    ----------
    orders : list of order
        Orders to be tested.
    name : str
        Argument name to which the specified order is passed.

    Returns
    -------
    callable
        The decorator.
    """
    def decorator(impl):
        @_wraps_partial(impl, name)
        def test_func(*args, **kw):
            for order in orders:
                try:
                    kw[name] = order
                    impl(*args, **kw)
                except Exception:
                    print(name, 'is', order)
                    raise

        return test_func
    return decorator


def for_CF_orders(name='order'):
    """Decorator that checks the fixture with orders 'C' and 'F'.

    The orders passed are ``None``, ``'C'``, ``'F'``, ``'c'`` and ``'f'``.

    Parameters
    ----------
    name : str
        Argument name to which the specified order is passed.

    See Also
    --------
    cupy.testing.for_orders
    """
    return for_orders([None, 'C', 'F', 'c', 'f'], name)


def for_contiguous_axes(name='axis'):
    """Decorator for parametrizing tests with possible contiguous axes.

    The test must be a method of a class with ``shape`` and ``order``
    attributes (typically set by :func:`cupy.testing.parameterize`). For
    ``shape = (1, 2, 3)``, the tested axes are ``[(2,), (1, 2), (0, 1, 2)]``
    for the C order, and ``[(0,), (0, 1), (0, 1, 2)]`` for the F order.

    Parameters
    ----------
    name : str
        Argument name to which specified axes are passed.

    Returns
    -------
    callable
        The decorator.
    """
    def decorator(impl):
        @_wraps_partial(impl, name)
        def test_func(self, *args, **kw):
            ndim = len(self.shape)
            order = self.order
            for i in range(ndim):
                a = ()
                if order in ('c', 'C'):
                    for j in range(ndim-1, i-1, -1):
                        a = (j,) + a
                elif order in ('f', 'F'):
                    for j in range(0, i+1):
                        a = a + (j,)
                else:
                    raise ValueError('Please specify the array order.')
                try:
                    kw[name] = a
                    impl(self, *args, **kw)
                except Exception:
                    print(name, 'is', a, ', ndim is', ndim, ', shape is',
                          self.shape, ', order is', order)
                    raise
        return test_func
    return decorator

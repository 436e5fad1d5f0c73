"""Test helpers: requirement checks, deterministic input arrays, warnings."""
import contextlib
import importlib.metadata
import inspect
import math
import unittest
import warnings
from unittest import mock

import numpy

import cupy
from cupy.testing._pytest_impl import is_available

if is_available():
    import pytest

    _skipif = pytest.mark.skipif
else:
    _skipif = unittest.skipIf


def with_requires(*requirements):
    """Runs a test case only when given requirements are satisfied.

    >>> from cupy import testing
    >>> class Test(unittest.TestCase):
    ...     @testing.with_requires('numpy>=1.18')
    ...     def test_for_numpy_1_18(self):
    ...         pass

    Parameters
    ----------
    *requirements : str
        Requirement specifiers such as ``'numpy>=1.18'``.

    Returns
    -------
    callable
        A skip decorator (pytest's when pytest is available).
    """
    msg = 'requires: {}'.format(','.join(requirements))
    return _skipif(not installed(*requirements), reason=msg)


def installed(*specifiers):
    """Returns True if the current environment satisfies the specifiers.

    Parameters
    ----------
    *specifiers : str
        Requirement specifiers (e.g., ``'numpy>=1.20.0'``).

    Returns
    -------
    bool
        ``True`` if every named distribution is installed with a version in
        the given range (pre-releases included).
    """
    # `packaging` is only needed by callers of this function.
    from packaging.requirements import Requirement

    for spec in specifiers:
        req = Requirement(spec)
        try:
            found = importlib.metadata.version(req.name)
        except importlib.metadata.PackageNotFoundError:
            return False
        expected = req.specifier
        if expected and (not expected.contains(found, prereleases=True)):
            return False
    return True


def numpy_satisfies(version_range):
    """Returns True if numpy version satisfies the specified criteria.

    Parameters
    ----------
    version_range : str
        A version specifier (e.g., ``'>=1.13.0'``).

    Returns
    -------
    bool
    """
    return installed('numpy{}'.format(version_range))


def _as_shape(shape):
    if isinstance(shape, (int, numpy.integer)):
        return (int(shape),)
    return tuple(shape)


def shaped_arange(shape, xp=cupy, dtype=numpy.float32, order='C'):
    """Returns an array with given shape, array module, and dtype.

    Parameters
    ----------
    shape : tuple of int
        Shape of returned ndarray.
    xp : numpy or cupy
        Array module to use.
    dtype : dtype
        Dtype of returned ndarray.
    order : {'C', 'F'}
        Order of returned ndarray.

    Returns
    -------
    numpy.ndarray or cupy.ndarray
        The array filled with :math:`1, \\cdots, N` with specified dtype
        with given shape, array module. Here, :math:`N` is the size of the
        returned array. If ``dtype`` is ``numpy.bool_``, evens (resp. odds)
        are converted to ``True`` (resp. ``False``). For complex dtypes the
        imaginary part equals the real part.
    """
    dtype = numpy.dtype(dtype)
    a = numpy.arange(1, math.prod(_as_shape(shape)) + 1, 1)
    if dtype == '?':
        a = a % 2 == 0
    elif dtype.kind == 'c':
        a = a + a * 1j
    return xp.array(a.astype(dtype).reshape(shape), order=order)


def shaped_reverse_arange(shape, xp=cupy, dtype=numpy.float32):
    """Returns an array filled with decreasing numbers.

    Parameters
    ----------
    shape : tuple of int
        Shape of returned ndarray.
    xp : numpy or cupy
        Array module to use.
    dtype : dtype
        Dtype of returned ndarray.

    Returns
    -------
    numpy.ndarray or cupy.ndarray
        The array filled with :math:`N, \\cdots, 1` with specified dtype
        with given shape, array module. Here, :math:`N` is the size of the
        returned array. If ``dtype`` is ``numpy.bool_``, evens (resp. odds)
        are converted to ``True`` (resp. ``False``).
    """
    dtype = numpy.dtype(dtype)
    size = math.prod(_as_shape(shape))
    a = numpy.arange(size, 0, -1)
    if dtype == '?':
        a = a % 2 == 0
    elif dtype.kind == 'c':
        a = a + a * 1j
    return xp.array(a.astype(dtype).reshape(shape))


def shaped_linspace(start, stop, shape, xp=cupy, dtype=numpy.float32):
    """Returns an array of evenly spaced values with given shape.

    Parameters
    ----------
    start : int or float
        The starting value.
    stop : int or float
        The end value (included).
    shape : tuple of int
        Shape of returned ndarray.
    xp : numpy or cupy
        Array module to use.
    dtype : dtype
        Dtype of returned ndarray.

    Returns
    -------
    numpy.ndarray or cupy.ndarray
        ``numpy.linspace(start, stop, N)`` cast to ``dtype`` and reshaped,
        where :math:`N` is the size of the returned array. The range is
        clipped to :math:`[0, 1]` for ``numpy.bool_`` and to non-negative
        values for unsigned dtypes, so that the cast does not wrap around.
    """
    dtype = numpy.dtype(dtype)
    size = math.prod(_as_shape(shape))
    if dtype == '?':
        start = max(start, 0)
        stop = min(stop, 1)
    elif dtype.kind == 'u':
        start = max(start, 0)
    a = numpy.linspace(start, stop, size)
    return xp.array(a.astype(dtype).reshape(shape))


def shaped_random(
        shape, xp=cupy, dtype=numpy.float32, scale=10, seed=0, order='C'):
    """Returns an array filled with random values.

    The values are drawn on the host with NumPy's global generator seeded by
    ``seed``, so NumPy and CuPy calls with equal arguments give equal arrays.

    Parameters
    ----------
    shape : tuple of int
        Shape of returned ndarray.
    xp : numpy or cupy
        Array module to use.
    dtype : dtype
        Dtype of returned ndarray.
    scale : float
        Scaling factor of elements.
    seed : int
        Random seed.
    order : {'C', 'F'}
        Order of returned ndarray.

    Returns
    -------
    numpy.ndarray or cupy.ndarray
        If ``dtype`` is ``numpy.bool_``, the elements are independently drawn
        from ``True`` and ``False`` with same probabilities. Otherwise, the
        array is filled with samples independently and identically drawn from
        the uniform distribution over :math:`[0, scale)` (both the real and
        the imaginary parts for complex dtypes) with specified dtype.
    """
    numpy.random.seed(seed)
    dtype = numpy.dtype(dtype)
    dims = _as_shape(shape)
    if dtype == '?':
        a = numpy.random.randint(2, size=shape)
    elif dtype.kind == 'c':
        a = numpy.random.rand(*dims) + 1j * numpy.random.rand(*dims)
        a *= scale
    else:
        a = numpy.random.rand(*dims) * scale
    return xp.asarray(a, dtype=dtype, order=order)


def generate_matrix(
        shape, xp=cupy, dtype=numpy.float32, *, singular_values=None):
    r"""Returns a matrix with specified singular values.

    Generates a random matrix (or a stack of matrices) that has the given
    singular values. It is useful for inputs of tests that are unstable when
    the input is badly conditioned. Denote the shape of the generated array
    by :math:`(B..., M, N)` and :math:`K = \min\{M, N\}`; :math:`B...` may
    be empty.

    Parameters
    ----------
    shape : tuple of int
        Shape of the generated array, i.e., :math:`(B..., M, N)`.
    xp : numpy or cupy
        Array module to use.
    dtype : dtype
        Dtype of the generated array; must be floating or complex.
    singular_values : array_like
        Singular values of the generated matrices. It must be real,
        non-negative, and broadcastable to shape :math:`(B..., K)`.

    Returns
    -------
    numpy.ndarray or cupy.ndarray
        A random matrix that has the specified singular values.
    """
    if len(shape) <= 1:
        raise ValueError(
            'shape {} is invalid for matrices: too few axes'.format(shape)
        )

    if singular_values is None:
        raise TypeError('singular_values is not given')
    singular_values = xp.asarray(singular_values)

    dtype = numpy.dtype(dtype)
    if dtype.kind not in 'fc':
        raise TypeError('dtype {} is not supported'.format(dtype))

    if not xp.isrealobj(singular_values):
        raise TypeError('singular_values is not real')
    if (singular_values < 0).any():
        raise ValueError('negative singular value is given')

    # The left and right singular vectors of a random matrix are random
    # orthonormal bases; recombining them with the requested singular values
    # gives a matrix with exactly those values.
    a = xp.random.randn(*shape)
    if dtype.kind == 'c':
        a = a + 1j * xp.random.randn(*shape)
    u, s, vh = xp.linalg.svd(a, full_matrices=False)
    sv = xp.broadcast_to(singular_values, s.shape)
    a = xp.einsum('...ik,...k,...kj->...ij', u, sv, vh)
    return a.astype(dtype)


@contextlib.contextmanager
def assert_warns(expected):
    """Context manager that checks a warning of a class is emitted inside.

    Parameters
    ----------
    expected : type
        The warning class (or a tuple of classes) expected.

    Raises
    ------
    AssertionError
        If no warning of the class was emitted in the block.
    """
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        yield

    if any(isinstance(m.message, expected) for m in w):
        return

    try:
        exc_name = expected.__name__
    except AttributeError:
        exc_name = str(expected)

    raise AssertionError('%s not triggerred' % exc_name)


class NumpyAliasTestBase(unittest.TestCase):
    """Base of tests checking that a ``cupy`` function mirrors ``numpy``'s.

    Subclasses set ``func`` to the function name.
    """

    @property
    def func(self):
        raise NotImplementedError()

    @property
    def cupy_func(self):
        return getattr(cupy, self.func)

    @property
    def numpy_func(self):
        return getattr(numpy, self.func)


class NumpyAliasBasicTestBase(NumpyAliasTestBase):
    """Checks the signature and the presence of an own docstring."""

    def test_argspec(self):
        f = inspect.signature
        assert f(self.cupy_func) == f(self.numpy_func)

    def test_docstring(self):
        cupy_func = self.cupy_func
        numpy_func = self.numpy_func
        assert hasattr(cupy_func, '__doc__')
        assert cupy_func.__doc__ is not None
        assert cupy_func.__doc__ != ''
        assert cupy_func.__doc__ is not numpy_func.__doc__


class NumpyAliasValuesTestBase(NumpyAliasTestBase):
    """Checks that the functions give equal values for ``self.args``."""

    def test_values(self):
        assert self.cupy_func(*self.args) == self.numpy_func(*self.args)


@contextlib.contextmanager
def assert_function_is_called(*args, times_called=1, **kwargs):
    """Checks that a function is called a given number of times in a block.

    The target is replaced by :func:`unittest.mock.patch` for the duration
    of the block; pass ``wraps=original`` to keep its behaviour.

    Parameters
    ----------
    *args
        Positional arguments of :func:`unittest.mock.patch`, starting with
        the dotted name of the target.
    times_called : int
        The number of calls expected. Default is ``1``.
    **kwargs
        Keyword arguments of :func:`unittest.mock.patch`.
    """
    with mock.patch(*args, **kwargs) as handle:
        yield
        assert handle.call_count == times_called


AssertFunctionIsCalled = assert_function_is_called

"""Array comparison for tests."""
import io

import numpy

from chainer.backends import cuda


def _to_cpu_array(x):
    from chainer import variable
    if isinstance(x, variable.Variable):
        x = x.array
    if cuda.available and isinstance(x, cuda.ndarray):
        x = x.get()
    return numpy.asarray(x)


def assert_allclose(x, y, atol=1e-5, rtol=1e-4, verbose=True):
    """Assert ``|x - y| <= atol + rtol * |y|`` elementwise.

    Accepts NumPy/cupy arrays, Variables and scalars; on failure the
    message shows the worst element.

    Parameters
    ----------
    x, y : array-like
    atol, rtol : float
    verbose : bool

    Examples
    --------
    >>> testing.assert_allclose(numpy.ones(2), numpy.ones(2) + 1e-7)
    """
    x = _to_cpu_array(x)
    y = _to_cpu_array(y)
    try:
        numpy.testing.assert_allclose(
            x, y, atol=atol, rtol=rtol, verbose=verbose)
    except AssertionError as e:
        f = io.StringIO()
        f.write(str(e) + '\n\n')
        f.write('assert_allclose failed: \n')
        f.write('  shape: {} {}\n'.format(x.shape, y.shape))
        f.write('  dtype: {} {}\n'.format(x.dtype, y.dtype))
        if x.shape == y.shape and x.size > 0:
            xx = numpy.atleast_1d(x).astype(numpy.float64)
            yy = numpy.atleast_1d(y).astype(numpy.float64)
            err = numpy.abs(xx - yy)
            tol_err = atol + rtol * numpy.abs(yy)
            with numpy.errstate(invalid='ignore'):
                i = numpy.unravel_index(
                    numpy.nanargmax(numpy.where(
                        numpy.isnan(err), numpy.inf, err - tol_err)),
                    err.shape)
            rel_err = 'inf' if yy[i] == 0 else err[i] / numpy.abs(yy[i])
            f.write('  i: {}\n'.format(i))
            f.write('  x[i]: {}\n'.format(xx[i]))
            f.write('  y[i]: {}\n'.format(yy[i]))
            f.write('  relative error[i]: {}\n'.format(rel_err))
            f.write('  absolute error[i]: {}\n'.format(err[i]))
            f.write('  relative tolerance * |y[i]|: {}\n'.format(
                rtol * numpy.abs(yy[i])))
            f.write('  absolute tolerance: {}\n'.format(atol))
            f.write('  total tolerance: {}\n'.format(tol_err[i]))
        opts = numpy.get_printoptions()
        try:
            numpy.set_printoptions(threshold=10000)
            f.write('x: ' + numpy.array2string(x, prefix='x: ') + '\n')
            f.write('y: ' + numpy.array2string(y, prefix='y: ') + '\n')
        finally:
            numpy.set_printoptions(**opts)
        raise AssertionError(f.getvalue())

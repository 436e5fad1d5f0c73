"""sum, prod, nansum, nanprod, cumsum, cumprod against NumPy."""
import numpy
import pytest
from numpy.exceptions import AxisError

import cupy
from cupy import testing

# float16 results: NumPy rounds every partial sum of a float16 sum to float16 while we
# accumulate in float32 and round once, so the two differ by a few float16 ulps (~1e-3 each).
_F16_TOL = {numpy.float16: 1e-2, "default": 1e-6}
SHAPES = [(), (0,), (5,), (2, 3, 4), (3, 0, 2)]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("axis", [None, 0, -1, (0, -1)])
@pytest.mark.parametrize("keepdims", [False, True])
@testing.for_all_dtypes()
# axis=(0, -1) of a 1-d array repeats an axis: ValueError in both libraries.
@testing.numpy_cupy_allclose(rtol=_F16_TOL, type_check=True, accept_error=ValueError)
def test_sum_axes(xp, dtype, shape, axis, keepdims):
    a = testing.shaped_arange(shape, xp, dtype)
    if a.ndim == 0 and axis is not None:
        axis = None
    return xp.sum(a, axis=axis, keepdims=keepdims)


@pytest.mark.parametrize("axis", [None, 0, 1, 2, (1, 2), (0, 2)])
@testing.for_all_dtypes()
@testing.numpy_cupy_allclose(rtol=_F16_TOL)
def test_prod_axes(xp, dtype, axis):
    a = testing.shaped_arange((2, 3, 2), xp, dtype)
    return xp.prod(a, axis=axis)


@pytest.mark.parametrize("axis", [None, 0, 1, 2])
@testing.for_all_dtypes()
@testing.numpy_cupy_allclose(rtol=_F16_TOL)
def test_sum_noncontiguous(xp, dtype, axis):
    a = testing.shaped_arange((4, 6, 5), xp, dtype)[::2, ::-1, 1:]
    return a.sum(axis=axis)


@pytest.mark.parametrize("axis", [None, 0, 1])
@testing.for_float_dtypes(no_float16=True)
@testing.numpy_cupy_allclose(rtol=1e-5)
def test_sum_transposed_large(xp, dtype, axis):
    # Large enough for the kernel to split the reduced range over several blocks.
    a = testing.shaped_random((300, 2000), xp, dtype, seed=0).T
    return a.sum(axis=axis)


@pytest.mark.parametrize("n", [1, 31, 257, 4097, 100003])
@testing.numpy_cupy_allclose(rtol=1e-12)
def test_sum_sizes(xp, n):
    return xp.sum(testing.shaped_random((n,), xp, numpy.float64, seed=1))


@testing.numpy_cupy_array_equal()
def test_sum_exact_int_large(xp):
    # Integers are exact whatever the order of combination, split or not.
    return xp.arange(10 ** 6, dtype=numpy.int64).reshape(1000, 1000).sum(axis=0)


@pytest.mark.parametrize("dtype,out_dtype", [(numpy.int8, numpy.int64),
                                             (numpy.uint16, numpy.uint64),
                                             (numpy.bool_, numpy.int64),
                                             (numpy.float16, numpy.float16),
                                             (numpy.complex64, numpy.complex64)])
def test_sum_result_dtype(dtype, out_dtype):
    assert cupy.sum(cupy.ones(3, dtype=dtype)).dtype == out_dtype
    assert numpy.sum(numpy.ones(3, dtype=dtype)).dtype == out_dtype


@testing.for_all_dtypes_combination(names=["src", "dst"], no_complex=True, no_bool=True)
@testing.numpy_cupy_allclose(rtol=_F16_TOL)
def test_sum_dtype_arg(xp, src, dst):
    a = testing.shaped_arange((2, 3), xp, src)
    return a.sum(axis=1, dtype=dst)


@testing.for_all_dtypes(no_bool=True)
@testing.numpy_cupy_allclose(rtol=_F16_TOL)
def test_sum_out(xp, dtype):
    a = testing.shaped_arange((3, 4), xp, dtype)
    out = xp.full((1, 4), 7, dtype=dtype)
    r = xp.sum(a, axis=0, out=out, keepdims=True)
    assert r is out
    return out


@testing.numpy_cupy_allclose()
def test_sum_out_other_dtype(xp):
    out = xp.zeros((), dtype=numpy.int64)
    xp.sum(xp.array([1.5, 2.5, 3.5]), out=out)
    return out


def test_sum_bad_axis():
    for xp in (numpy, cupy):
        a = xp.zeros((2, 3))
        with pytest.raises(AxisError):
            xp.sum(a, axis=2)
        with pytest.raises(AxisError):
            xp.sum(a, axis=-3)
        with pytest.raises(ValueError):
            xp.sum(a, axis=(0, 0))


def test_sum_out_bad_shape():
    with pytest.raises(ValueError):
        cupy.sum(cupy.zeros((2, 3)), axis=0, out=cupy.zeros((2,)))


@testing.for_complex_dtypes()
@testing.numpy_cupy_allclose(rtol=1e-5)
def test_sum_complex(xp, dtype):
    a = testing.shaped_random((4, 5), xp, dtype, seed=2)
    return a.sum(axis=1)


@pytest.mark.parametrize("func", ["nansum", "nanprod"])
@pytest.mark.parametrize("axis", [None, 0, 1])
@testing.for_float_dtypes()
@testing.numpy_cupy_allclose(rtol=_F16_TOL)
def test_nansum_nanprod(xp, dtype, func, axis):
    a = testing.shaped_arange((3, 4), xp, dtype) / 4
    a[1, 2] = xp.nan
    a[0, 0] = xp.nan
    return getattr(xp, func)(a, axis=axis)


@testing.for_int_dtypes()
@testing.numpy_cupy_allclose()
def test_nansum_int(xp, dtype):
    return xp.nansum(testing.shaped_arange((3, 4), xp, dtype), axis=0)


@pytest.mark.parametrize("shape,axis", [((0,), None), ((5,), None), ((5,), 0), ((4, 3), 0),
                                        ((4, 3), 1), ((4, 3), -1), ((2, 300, 3), 1),
                                        ((2, 3, 4), None), ((1000,), 0)])
@testing.for_all_dtypes()
@testing.numpy_cupy_allclose(rtol=_F16_TOL)
def test_cumsum(xp, dtype, shape, axis):
    # Small values keep float16 and narrow integers away from overflow.
    a = testing.shaped_random(shape, xp, dtype, scale=3, seed=13)
    return xp.cumsum(a, axis=axis)


@pytest.mark.parametrize("axis", [None, 0, 1])
@testing.for_all_dtypes(no_float16=True)
@testing.numpy_cupy_allclose(rtol=1e-6)
def test_cumprod(xp, dtype, axis):
    a = testing.shaped_random((3, 4), xp, dtype, scale=3, seed=14) + 1
    return xp.cumprod(a.T, axis=axis)


@testing.numpy_cupy_allclose()
def test_cumsum_dtype_out(xp):
    a = testing.shaped_arange((3, 4), xp, numpy.int8)
    out = xp.zeros((3, 4), dtype=numpy.float64)
    xp.cumsum(a, axis=0, dtype=numpy.float32, out=out)
    return out


def test_cumsum_bad_axis():
    for xp in (numpy, cupy):
        with pytest.raises(AxisError):
            xp.cumsum(xp.zeros((2, 3)), axis=2)


@testing.numpy_cupy_allclose()
def test_cumsum_method_noncontiguous(xp):
    return testing.shaped_arange((5, 6), xp, numpy.float64)[::2, ::-2].cumsum(axis=0)


@pytest.fixture(params=[0, 32, 256], ids=["device", "block32", "block256"])
def scan_block(request):
    """Each device's scan block, and the GPU's shared-memory scan in 32- and 256-thread blocks
    (the host backend otherwise scans a row with one thread)."""
    from cupy._core import _scan
    prev = _scan._force_block_size(request.param)
    yield request.param
    _scan._force_block_size(prev)


@pytest.mark.parametrize("shape,axis", [((1000,), 0), ((3, 300), 1), ((300, 3), 0),
                                        ((5, 33), None)])
def test_scan_blocks(scan_block, shape, axis):
    x = testing.shaped_random(shape, numpy, numpy.int64, seed=5)
    testing.assert_array_equal(cupy.cumsum(cupy.array(x), axis=axis).get(),
                               numpy.cumsum(x, axis=axis))
    y = testing.shaped_random(shape, numpy, numpy.float64, seed=6) + 0.5
    testing.assert_allclose(cupy.cumprod(cupy.array(y), axis=axis).get(),
                            numpy.cumprod(y, axis=axis), rtol=1e-12)

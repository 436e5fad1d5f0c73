"""cupy.ReductionKernel: parameters, placeholders, axes, keepdims, out, errors."""
import warnings

import numpy
import pytest

import cupy
from cupy import testing


def _l2():
    return cupy.ReductionKernel("T x", "T y", "x * x", "a + b", "y = sqrt(a)", "0", "l2norm")


@pytest.mark.parametrize("axis", [None, 0, 1, (0, 1), -1])
@pytest.mark.parametrize("keepdims", [False, True])
@testing.for_float_dtypes(no_float16=True)
def test_l2norm(dtype, axis, keepdims):
    x = testing.shaped_random((5, 7), numpy, dtype, seed=7)
    r = _l2()(cupy.array(x), axis=axis, keepdims=keepdims)
    e = numpy.sqrt((x * x).sum(axis=axis, keepdims=keepdims))
    testing.assert_allclose(r.get(), e, rtol=1e-5)
    assert r.dtype == dtype


def test_no_identity_max_and_indices():
    k = cupy.ReductionKernel("T x", "int64 y", "x", "max(a, b)", "y = a + _out_ind.size()",
                             None, "maxplus")
    x = numpy.arange(24, dtype=numpy.int64).reshape(4, 6)[:, ::-1]
    r = k(cupy.array(x), axis=1)
    testing.assert_array_equal(r.get(), x.max(axis=1) + 4)
    with pytest.raises(ValueError, match="no identity"):
        k(cupy.zeros((2, 0), numpy.int64), axis=1)


def test_explicit_types_scalar_and_reduce_type():
    k = cupy.ReductionKernel("T x, float64 w", "float64 y", "x * w", "a + b", "y = a", "0",
                             "weighted", reduce_type="double")
    x = numpy.arange(10, dtype=numpy.int8)
    testing.assert_allclose(k(cupy.array(x), 0.5).get(), x.sum() * 0.5)


def test_raw_and_out():
    # _J is the position along the reduced axes; a raw input is indexed by hand.
    k = cupy.ReductionKernel("T x, raw T w", "T y", "x * w[_J]", "a + b", "y = a", "0",
                             "dot_rows")
    x = numpy.arange(12, dtype=numpy.float64).reshape(3, 4)
    w = numpy.array([1.0, -1.0, 2.0, 0.5])
    out = cupy.empty((3,), numpy.float64)
    r = k(cupy.array(x), cupy.array(w), axis=1, out=out)
    assert r is out
    testing.assert_allclose(out.get(), x @ w)


def test_empty_reduction_with_identity():
    k = cupy.ReductionKernel("T x", "T y", "x", "a + b", "y = a", "0", "s")
    testing.assert_array_equal(k(cupy.zeros((3, 0)), axis=1).get(), numpy.zeros(3))


def test_errors():
    with pytest.raises(ValueError):
        cupy.ReductionKernel("T x", "T y", "x", "a + b", "y = a", "0", "bad name")
    k = cupy.ReductionKernel("T x", "T y", "x", "a + b", "y = a", "0", "s2")
    with pytest.raises(TypeError):
        k()
    with pytest.raises(ValueError):
        k(cupy.zeros((2, 3)), axis=0, out=cupy.zeros((2,)))
    with pytest.raises(numpy.exceptions.AxisError):
        k(cupy.zeros((2, 3)), axis=2)


@pytest.mark.parametrize("shape,axis", [((1000, 3000), 0), ((3000, 1000), 1),
                                        ((2, 50000), None), ((64, 33, 17), (0, 2))])
def test_layouts_large(shape, axis):
    # Outer-axis (strided), inner-axis and split full reductions: integer sums are exact.
    k = cupy.ReductionKernel("T x", "T y", "x", "a + b", "y = a", "0", "isum")
    x = numpy.arange(numpy.prod(shape), dtype=numpy.int64).reshape(shape) % 1009
    testing.assert_array_equal(k(cupy.array(x), axis=axis).get(), x.sum(axis=axis))


@pytest.fixture(params=[0, 256, 32], ids=["device", "block256", "block32"])
def block_size(request):
    """Each device's block size, and the GPU's tree reduction inside 256- and 32-thread blocks
    (the host backend otherwise reduces with one thread per block)."""
    from cupy._core import _reduction
    prev = _reduction._force_block_size(request.param)
    yield request.param
    _reduction._force_block_size(prev)


@pytest.mark.parametrize("shape,axis", [
    ((1000,), None),                  # one output, range split across blocks
    ((3, 5000), 1),                   # inner (contiguous) axis, split ranges
    ((5000, 3), 0),                   # outer axis: lanes interleaved over outputs
    ((7, 9, 11), (0, 2)),             # several outputs, non-merged axes
    ((300, 5), 1),                    # many outputs per block
    ((2, 0, 3), 1),                   # empty reduced range: the identity
])
def test_block_layouts(block_size, shape, axis):
    x = testing.shaped_random(shape, numpy, numpy.float64, seed=3)
    a = cupy.array(x)
    testing.assert_allclose(a.sum(axis=axis).get(), x.sum(axis=axis), rtol=1e-12)
    if x.size:
        testing.assert_array_equal(a.max(axis=axis).get(), x.max(axis=axis))
        testing.assert_array_equal(a.argmax(axis=axis if isinstance(axis, int) else None).get(),
                                   x.argmax(axis=axis if isinstance(axis, int) else None))
    testing.assert_allclose(_l2()(a, axis=axis).get(),
                            numpy.sqrt((x * x).sum(axis=axis)), rtol=1e-12)


def test_long_float32_sum_is_accurate():
    # Long ranges are cut into partial sums (on the host: at most 4096 elements summed in a
    # row), so a float32 sum of a million 0.1s stays within 1e-4 of the exact value; one serial
    # float32 loop is about 1e-2 off.
    x = numpy.full(10**6 + 7, 0.1, numpy.float32)
    exact = x.astype(numpy.float64).sum()
    testing.assert_allclose(float(cupy.array(x).sum()), exact, rtol=1e-4)


# The host reduces an outer axis by tiles of neighbouring outputs (dense tiles are vectorized;
# a tile that crosses a row of the outputs or a strided output takes the general loop; ranges
# over 4096 are reduced in runs), and an inner axis with several accumulators per thread.
_TILE_CASES = [
    ((50, 1000), 0, None),                # dense tiles, the last one partial
    ((5000, 300), 0, None),               # two runs per output
    ((40, 7, 45), 0, (slice(None), slice(None), slice(0, 30))),   # tiles cross output rows
    ((60, 900), 0, (slice(None), slice(None, None, 3))),           # strided outputs
    ((3, 5003), 1, None),                 # inner axis: accumulators plus a tail
    ((9, 4, 301), (0, 1), None),          # several reduced axes (the indexed loop)
]


@pytest.mark.parametrize("shape,axis,index", _TILE_CASES)
@pytest.mark.parametrize("dtype", [numpy.int64, numpy.float32, numpy.complex128, numpy.bool_,
                                   numpy.float16])
def test_host_tiles_and_accumulators(shape, axis, index, dtype):
    x = testing.shaped_random(shape, numpy, dtype, seed=11)
    if index is not None:
        x = x[index]
    a = cupy.array(testing.shaped_random(shape, numpy, dtype, seed=11))
    if index is not None:
        a = a[index]
    exact = dtype in (numpy.int64, numpy.bool_)
    rtol = {numpy.float16: 1e-2, numpy.float32: 1e-5}.get(dtype, 1e-12)
    check = testing.assert_array_equal if exact else (
        lambda r, e: testing.assert_allclose(r, e, rtol=rtol))
    # float16 sums accumulate in float32 here (NumPy's float16 accumulator overflows).
    acc = numpy.float32 if dtype == numpy.float16 else None
    check(a.sum(axis=axis).get(), x.sum(axis=axis, dtype=acc).astype(a.sum(axis=axis).dtype))
    if dtype != numpy.complex128:
        testing.assert_array_equal(a.max(axis=axis).get(), x.max(axis=axis))
    if isinstance(axis, int):
        testing.assert_array_equal(a.argmin(axis=axis).get(), x.argmin(axis=axis))
    if dtype in (numpy.float32, numpy.complex128):
        testing.assert_allclose(a.mean(axis=axis).get(), x.mean(axis=axis), rtol=rtol)


@pytest.mark.parametrize("shape,axis", [((5003,), 0), ((4999, 130), 0), ((130, 4999), 1)])
def test_argmax_ties_keep_the_first_position(shape, axis):
    # Accumulators and tiles see the elements out of order; the first maximum still wins.
    x = numpy.zeros(shape, numpy.float32)
    first, second = [slice(None)] * len(shape), [slice(None)] * len(shape)
    first[axis], second[axis] = 3, shape[axis] - 5
    x[tuple(first)] = x[tuple(second)] = 1.0
    testing.assert_array_equal(cupy.array(x).argmax(axis=axis).get(), x.argmax(axis=axis))
    x[tuple(first)] = numpy.nan
    testing.assert_array_equal(cupy.array(x).argmax(axis=axis).get(), x.argmax(axis=axis))


def test_outer_axis_kernel_reads_the_position():
    # _J (position along the reduced axis) in the map expression of a tiled reduction.
    k = cupy.ReductionKernel("T x, raw T w", "T y", "x * w[_J]", "a + b", "y = a", "0",
                             "weighted_rows")
    x = testing.shaped_random((300, 200), numpy, numpy.float64, seed=5)
    w = testing.shaped_random((300,), numpy, numpy.float64, seed=6)
    testing.assert_allclose(k(cupy.array(x), cupy.array(w), axis=0).get(), w @ x, rtol=1e-12)


def test_long_float32_outer_axis_sum_is_accurate():
    # Runs of at most 4096 rows: a serial float32 sum of 20000 0.1s is 1.7e-4 off.
    x = numpy.full((20000, 130), 0.1, numpy.float32)
    r = cupy.array(x).sum(axis=0).get()
    testing.assert_allclose(r, numpy.full(130, 2000.0), rtol=1e-4)


@pytest.mark.parametrize("dtype", [numpy.float32, numpy.float64])
@pytest.mark.parametrize("func", ["max", "min", "nanmax", "nanmin"])
@pytest.mark.parametrize("shape,axis", [((1003,), None), ((37, 1003), 1), ((1003, 37), 0),
                                        ((300, 200), 0)])
def test_extrema_nan_in_vectorized_loops(dtype, func, shape, axis):
    # Long rows go through the host's accumulator and tile loops, where the float extrema are
    # branch-free: NaN must still propagate (max/min) or lose (nanmax/nanmin) wherever it is.
    x = testing.shaped_random(shape, numpy, dtype, seed=3) - 0.5
    flat = x.reshape(-1)
    flat[[0, 9, 17, len(flat) // 2 + 1, len(flat) - 1]] = numpy.nan
    flat[[5, 40]] = numpy.inf
    flat[[6, 41]] = -numpy.inf
    if axis is not None:
        # One slice entirely NaN (NaN for every function).
        idx = [slice(None)] * x.ndim
        idx[1 - axis] = 2
        x[tuple(idx)] = numpy.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        expected = getattr(numpy, func)(x, axis=axis)
        result = getattr(cupy, func)(cupy.array(x), axis=axis)
    testing.assert_array_equal(result.get(), expected)

"""indices, ix_, ravel_multi_index, unravel_index and the diagonal/triangle index helpers."""
import numpy
import pytest

import cupy
from cupy import testing


# --- indices -----------------------------------------------------------------------------------

@pytest.mark.parametrize("dims", [(), (4,), (2, 3), (2, 0, 3), (1, 2, 3)])
@testing.numpy_cupy_array_equal()
def test_indices(xp, dims):
    return xp.indices(dims)


@pytest.mark.parametrize("dims", [(), (4,), (2, 3), (2, 0, 3)])
@testing.numpy_cupy_array_equal()
def test_indices_sparse(xp, dims):
    return list(xp.indices(dims, sparse=True))


@testing.for_dtypes([numpy.int32, numpy.float32, numpy.uint8])
@testing.numpy_cupy_array_equal()
def test_indices_dtype(xp, dtype):
    return xp.indices((2, 3), dtype=dtype)


def test_indices_returns_device_arrays():
    assert isinstance(cupy.indices((2,)), cupy.ndarray)
    assert all(isinstance(a, cupy.ndarray) for a in cupy.indices((2, 2), sparse=True))


# --- ix_ ---------------------------------------------------------------------------------------

@testing.numpy_cupy_array_equal()
def test_ix(xp):
    return list(xp.ix_(xp.array([1, 2]), xp.array([True, False, True]), [0, 3, 1]))


@testing.numpy_cupy_array_equal()
def test_ix_host_sequences(xp):
    return list(xp.ix_((1, 2), range(3), [], numpy.array([1.5, 2.0])))


@testing.numpy_cupy_array_equal()
def test_ix_index(xp):
    a = testing.shaped_arange((3, 4), xp)
    return a[xp.ix_(xp.array([2, 0]), xp.array([False, True, True, False]))]


def test_ix_empty_call():
    assert cupy.ix_() == ()


@pytest.mark.parametrize("arg", [[[1]], 3])
def test_ix_not_1d(arg):
    for xp in (numpy, cupy):
        with pytest.raises(ValueError):
            xp.ix_(arg)


# --- ravel_multi_index -------------------------------------------------------------------------

@testing.for_dtypes([numpy.int8, numpy.int32, numpy.uint16, numpy.int64])
@testing.numpy_cupy_array_equal()
def test_ravel_multi_index_dtypes(xp, dtype):
    rows = xp.array([[1, 2, 0], [3, 0, 2]], dtype=dtype)
    return xp.ravel_multi_index(tuple(rows), (3, 4))


@pytest.mark.parametrize("order", ["C", "F"])
@testing.numpy_cupy_array_equal()
def test_ravel_multi_index_order(xp, order):
    idx = (xp.array([[0, 1], [2, 1]]), xp.array([3, 0]), xp.array(4))
    return xp.ravel_multi_index(idx, (3, 4, 5), order=order)


@pytest.mark.parametrize("mode", ["wrap", "clip", ("clip", "wrap"), ("raise", "clip")])
@testing.numpy_cupy_array_equal()
def test_ravel_multi_index_modes(xp, mode):
    return xp.ravel_multi_index((xp.array([0, 1, 2]), xp.array([-9, 5, 13])), (3, 4),
                                mode=mode)


@testing.numpy_cupy_array_equal()
def test_ravel_multi_index_array_argument(xp):
    return (xp.ravel_multi_index(xp.array([[1, 2], [0, 3]]), (3, 4)),
            xp.ravel_multi_index((1, 2), (3, 4)),
            xp.ravel_multi_index((), ()),
            xp.ravel_multi_index((xp.array([], numpy.int64),), (3,)))


@testing.numpy_cupy_array_equal()
def test_ravel_multi_index_noncontiguous(xp):
    rows = testing.shaped_arange((4, 6), xp, numpy.int64)[::2, ::-3] % 3
    return xp.ravel_multi_index((rows, rows.T[:, :1]), (3, 3))


@pytest.mark.parametrize("multi_index,dims,kw", [
    (([1, 3], [0, 1]), (3, 4), {}),                  # out of range
    (([1, -1], [0, 1]), (3, 4), {}),                 # negative
    (([1, 2],), (3, 4), {}),                         # wrong number of arrays
    (([1.0, 2.0], [0, 1]), (3, 4), {}),              # float indices
    (([1], [2]), (3, 4), {"order": "X"}),
    (([1], [2]), (3, 4), {"mode": "X"}),
    (([1], [2]), (3, 4), {"mode": ("clip",)}),       # one mode per axis
    (([0], [0]), (0, 4), {"mode": "wrap"}),          # empty shape
    (([1], [2]), (2 ** 40, 2 ** 40), {}),            # size overflows
    (([1, 2], [2, 0, 1]), (3, 4), {}),               # shapes do not broadcast
])
def test_ravel_multi_index_errors(multi_index, dims, kw):
    errors = []
    for xp in (numpy, cupy):
        mi = tuple(xp.array(i) for i in multi_index)
        with pytest.raises((ValueError, TypeError)) as e:
            xp.ravel_multi_index(mi, dims, **kw)
        errors.append(type(e.value))
    assert errors[0] is errors[1]


# --- unravel_index -----------------------------------------------------------------------------

@testing.for_dtypes([numpy.int16, numpy.uint32, numpy.int64, numpy.bool_])
@testing.numpy_cupy_array_equal()
def test_unravel_index_dtypes(xp, dtype):
    return list(xp.unravel_index(xp.array([1, 0, 5, 3], dtype=dtype), (2, 3)))


@pytest.mark.parametrize("order", ["C", "F"])
@pytest.mark.parametrize("shape", [(7,), (2, 3, 4), (4, 1, 6)])
@testing.numpy_cupy_array_equal()
def test_unravel_index_order(xp, order, shape):
    n = int(numpy.prod(shape))
    idx = testing.shaped_arange((3, n), xp, numpy.int64)[:, ::-1] % n
    return list(xp.unravel_index(idx, shape, order=order))


@testing.numpy_cupy_array_equal()
def test_unravel_index_scalars(xp):
    return (list(xp.unravel_index(xp.array(4), (2, 3))) + list(xp.unravel_index(4, 6)) +
            list(xp.unravel_index(xp.array([], numpy.int64), (2, 3))))


def test_unravel_index_empty_shape():
    assert cupy.unravel_index(0, ()) == ()


def test_ravel_unravel_roundtrip():
    shape = (3, 5, 7)
    idx = cupy.arange(105)[::-2]
    coords = cupy.unravel_index(idx, shape, order="F")
    testing.assert_array_equal(cupy.ravel_multi_index(coords, shape, order="F"), idx)


@pytest.mark.parametrize("indices,shape,kw", [
    ([1, 6], (2, 3), {}),
    ([1, -1], (2, 3), {}),
    ([0], (2, 0), {}),
    ([1.0], (2, 3), {}),
    ([], (2, 3), {}),                   # an empty list is inferred as float
    ([0], (2, 3), {"order": "A"}),
])
def test_unravel_index_errors(indices, shape, kw):
    errors = []
    for xp in (numpy, cupy):
        with pytest.raises((ValueError, TypeError)) as e:
            xp.unravel_index(indices, shape, **kw)
        errors.append(type(e.value))
    assert errors[0] is errors[1]


# --- diag_indices, tril/triu_indices -----------------------------------------------------------

@pytest.mark.parametrize("n,ndim", [(0, 2), (3, 2), (4, 3), (2, 1)])
@testing.numpy_cupy_array_equal()
def test_diag_indices(xp, n, ndim):
    return list(xp.diag_indices(n, ndim))


@testing.numpy_cupy_array_equal()
def test_diag_indices_from(xp):
    a = testing.shaped_arange((3, 3, 3), xp)
    return list(xp.diag_indices_from(a)) + [a[xp.diag_indices_from(a)]]


@pytest.mark.parametrize("shape", [(3,), (3, 4)])
def test_diag_indices_from_errors(shape):
    for xp in (numpy, cupy):
        with pytest.raises(ValueError):
            xp.diag_indices_from(xp.zeros(shape))


@pytest.mark.parametrize("n,k,m", [(0, 0, None), (3, 0, None), (3, 1, 4), (4, -2, 3),
                                   (3, 5, None), (3, -5, None)])
@testing.numpy_cupy_array_equal()
def test_tril_triu_indices(xp, n, k, m):
    return list(xp.tril_indices(n, k, m)) + list(xp.triu_indices(n, k, m))


@pytest.mark.parametrize("n", [0, 1, 4])
@pytest.mark.parametrize("k", [-2, 0, 1])
@pytest.mark.parametrize("func", ["triu", "tril"])
@testing.numpy_cupy_array_equal()
def test_mask_indices(xp, n, k, func):
    return list(xp.mask_indices(n, getattr(xp, func), k))


@pytest.mark.parametrize("k", [-1, 0, 2])
@testing.numpy_cupy_array_equal()
def test_tril_triu_indices_from(xp, k):
    a = testing.shaped_arange((3, 5), xp)
    return list(xp.tril_indices_from(a, k)) + list(xp.triu_indices_from(a, k)) + [
        a[xp.triu_indices_from(a, k)]]


@pytest.mark.parametrize("shape", [(3,), (2, 3, 4)])
def test_tril_triu_indices_from_errors(shape):
    for xp in (numpy, cupy):
        for f in (xp.tril_indices_from, xp.triu_indices_from):
            with pytest.raises(ValueError):
                f(xp.zeros(shape))

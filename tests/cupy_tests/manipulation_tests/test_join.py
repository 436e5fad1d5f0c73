"""concatenate, stack, hstack, vstack, dstack, column_stack, block against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing


@pytest.mark.parametrize("axis", [0, 1, 2, -1])
@testing.for_all_dtypes_combination(names=("d1", "d2"), no_complex=True)
@testing.numpy_cupy_array_equal()
def test_concatenate(xp, d1, d2, axis):
    shape = [2, 3, 4]
    a = testing.shaped_arange(tuple(shape), xp, d1)
    shape[axis] = 1
    b = testing.shaped_reverse_arange(tuple(shape), xp, d2)
    return xp.concatenate((a, b, a), axis=axis)


@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_concatenate_noncontiguous_and_empty(xp, dtype):
    a = testing.shaped_arange((4, 6), xp, dtype)[::2, ::-2]
    b = xp.zeros((0, 3), dtype)
    c = testing.shaped_arange((3, 3), xp, dtype).T
    return xp.concatenate([a, b, c])


@testing.numpy_cupy_array_equal()
def test_concatenate_axis_none_and_lists(xp):
    return xp.concatenate([testing.shaped_arange((2, 3), xp), [7, 8]], axis=None)


@testing.numpy_cupy_array_equal()
def test_concatenate_dtype(xp):
    a = testing.shaped_arange((2, 2), xp, numpy.float64) + 0.5
    return xp.concatenate([a, a], dtype=numpy.int32, casting="unsafe")


@testing.numpy_cupy_array_equal()
def test_concatenate_out(xp):
    out = xp.full((4, 2), -1, numpy.float32)
    r = xp.concatenate([xp.ones((1, 2), numpy.int8), xp.zeros((3, 2), numpy.int16)], out=out)
    assert r is out
    return out


@testing.numpy_cupy_array_equal()
def test_concatenate_out_aliases_input(xp):
    out = testing.shaped_arange((6,), xp, numpy.int64)
    xp.concatenate([out[3:], out[:3]], out=out)
    return out


@pytest.mark.parametrize("args,kw", [
    (([],), {}),
    (([numpy.zeros(())],), {}),
    (([numpy.zeros((2, 3)), numpy.zeros((2, 2))],), {}),
    (([numpy.zeros((2, 3)), numpy.zeros(3)],), {}),
    (([numpy.zeros(3)],), {"axis": 1}),
    (([numpy.zeros(3)],), {"dtype": numpy.int64}),
    (([numpy.zeros(3)],), {"dtype": float, "out": numpy.zeros(3)}),
    (([numpy.zeros(3)],), {"out": numpy.zeros(4)}),
    (([numpy.zeros(3)],), {"out": numpy.zeros((3, 1))}),
    (([numpy.zeros(3)],), {"out": numpy.zeros(3, numpy.int32)}),
])
def test_concatenate_errors(args, kw):
    errs = []
    for xp in (numpy, cupy):
        a = [[xp.asarray(x) for x in args[0]]]
        k = {n: xp.asarray(v) if isinstance(v, numpy.ndarray) else v for n, v in kw.items()}
        with pytest.raises((ValueError, TypeError, numpy.exceptions.AxisError)) as e:
            xp.concatenate(*a, **k)
        errs.append((type(e.value), str(e.value)))
    assert errs[0][0] is errs[1][0]
    assert errs[0][1] == errs[1][1]


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -3])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_stack(xp, dtype, axis):
    a = testing.shaped_arange((2, 3), xp, dtype)
    return xp.stack((a, a[::-1], a), axis=axis)


@testing.numpy_cupy_array_equal()
def test_stack_out_dtype(xp):
    a = testing.shaped_arange((3,), xp, numpy.float64)
    b = xp.stack([a, a], axis=1, dtype=numpy.float32)
    out = xp.empty((2, 3), numpy.complex128)
    xp.stack([a, a], out=out)
    return xp.concatenate([b.ravel(), out.real.astype(numpy.float32).ravel()])


@pytest.mark.parametrize("arrays,axis", [([], 0), ([numpy.zeros(3), numpy.zeros(2)], 0),
                                         ([numpy.zeros(3)], 2)])
@testing.numpy_cupy_array_equal(accept_error=(ValueError, numpy.exceptions.AxisError))
def test_stack_errors(xp, arrays, axis):
    return xp.stack([xp.asarray(a) for a in arrays], axis=axis)


@pytest.mark.parametrize("func", ["hstack", "vstack", "dstack", "column_stack"])
@pytest.mark.parametrize("shapes", [[(), ()], [(3,), (3,)], [(2, 3), (2, 3)],
                                    [(2, 3, 4), (2, 3, 4)]])
@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_stack_family(xp, func, shapes):
    arrays = [testing.shaped_arange(s, xp, numpy.int32) * (i + 1)
              for i, s in enumerate(shapes)]
    return getattr(xp, func)(arrays)


@pytest.mark.parametrize("func", ["hstack", "vstack"])
@testing.numpy_cupy_array_equal()
def test_hvstack_dtype(xp, func):
    a = testing.shaped_arange((2, 2), xp, numpy.float64) / 3
    return getattr(xp, func)([a, a], dtype=numpy.float32)


@pytest.mark.parametrize("func", ["hstack", "vstack"])
@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_hvstack_empty(xp, func):
    return getattr(xp, func)([])


def test_row_stack_deprecated():
    with pytest.warns(DeprecationWarning):
        r = cupy.row_stack([cupy.arange(2), cupy.arange(2)])
    assert r.shape == (2, 2)


@testing.numpy_cupy_array_equal()
def test_block_2d(xp):
    a = testing.shaped_arange((2, 2), xp, numpy.int32)
    return xp.block([[a, xp.zeros((2, 1), numpy.float32)],
                     [xp.ones((1, 3), numpy.int8)]])


@testing.numpy_cupy_array_equal()
def test_block_scalars_and_1d(xp):
    return xp.block([1, xp.arange(3), 2.5])


@testing.numpy_cupy_array_equal()
def test_block_3d(xp):
    a = testing.shaped_arange((1, 2, 2), xp)
    return xp.block([[[a, a]], [[a, a]]])


@testing.numpy_cupy_array_equal()
def test_block_single_array_copies(xp):
    a = testing.shaped_arange((2, 2), xp)
    b = xp.block(a)
    b[0, 0] = 100
    return a


@pytest.mark.parametrize("arrays,same_message", [
    ([], True), ([[]], True), ((1, 2), True), ([[1, 2], 3], True),
    # NumPy words shape mismatches differently for small and large blocks.
    ([[numpy.zeros((2, 2)), numpy.zeros((3, 1))]], False)])
def test_block_errors(arrays, same_message):
    msgs = []
    for xp in (numpy, cupy):
        with pytest.raises((ValueError, TypeError)) as e:
            xp.block(arrays)
        msgs.append((type(e.value), str(e.value)))
    assert msgs[0][0] is msgs[1][0]
    if same_message:
        assert msgs[0][1] == msgs[1][1]

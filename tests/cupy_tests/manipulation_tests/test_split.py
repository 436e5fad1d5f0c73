"""split, array_split, hsplit, vsplit, dsplit, unstack against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing


@pytest.mark.parametrize("sections", [1, 2, 3, 5, 7, [1, 3], [3, 1, 10], [], [-2], 2.0])
@pytest.mark.parametrize("axis", [0, -1])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_array_split(xp, dtype, sections, axis):
    a = testing.shaped_arange((5, 5), xp, dtype)
    return xp.array_split(a, sections, axis=axis)


@pytest.mark.parametrize("sections", [2, [2, 4], 6])
@testing.numpy_cupy_array_equal()
def test_split(xp, sections):
    return xp.split(testing.shaped_arange((3, 6), xp)[:, ::-1], sections, axis=1)


@pytest.mark.parametrize("sections,axis", [(4, 0), (0, 0), (2, 3)])
def test_split_errors(sections, axis):
    errors = []
    for xp in (numpy, cupy):
        with pytest.raises((ValueError, IndexError, ZeroDivisionError)) as e:
            xp.split(xp.zeros((6, 6)), sections, axis=axis)
        errors.append((type(e.value), str(e.value)))
    assert errors[0] == errors[1]


def test_split_pieces_are_views():
    a = cupy.zeros(6)
    cupy.split(a, 3)[1][0] = 4
    assert float(a[2]) == 4


@pytest.mark.parametrize("func,shape", [("hsplit", (4,)), ("hsplit", (2, 4)),
                                        ("vsplit", (4, 2)), ("dsplit", (2, 2, 4))])
@testing.numpy_cupy_array_equal()
def test_hvdsplit(xp, func, shape):
    return getattr(xp, func)(testing.shaped_arange(shape, xp), 2)


@pytest.mark.parametrize("func,shape", [("hsplit", ()), ("vsplit", (4,)), ("dsplit", (2, 4))])
def test_hvdsplit_errors(func, shape):
    errors = []
    for xp in (numpy, cupy):
        with pytest.raises(ValueError) as e:
            getattr(xp, func)(xp.zeros(shape), 2)
        errors.append(str(e.value))
    assert errors[0] == errors[1]


@pytest.mark.parametrize("axis", [0, 1, -1])
@testing.numpy_cupy_array_equal()
def test_unstack(xp, axis):
    return list(xp.unstack(testing.shaped_arange((2, 3), xp), axis=axis))

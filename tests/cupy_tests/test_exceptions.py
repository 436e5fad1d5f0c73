import numpy
import numpy.exceptions
import pytest

import cupy.exceptions


@pytest.mark.parametrize('name', [
    'AxisError', 'ComplexWarning', 'DTypePromotionError',
    'ModuleDeprecationWarning', 'RankWarning', 'TooHardError',
    'VisibleDeprecationWarning',
])
def test_same_class_as_numpy(name):
    # Identity, not just equal names: `except numpy.exceptions.X` must catch
    # what cupy raises and vice versa.
    assert getattr(cupy.exceptions, name) is getattr(numpy.exceptions, name)
    assert name in cupy.exceptions.__all__


def test_axis_error_caught_by_numpy_handlers():
    with pytest.raises(numpy.exceptions.AxisError):
        raise cupy.exceptions.AxisError(2, 1)
    # AxisError is also a ValueError and an IndexError, as in NumPy.
    assert issubclass(cupy.exceptions.AxisError, ValueError)
    assert issubclass(cupy.exceptions.AxisError, IndexError)


def test_axis_error_raised_by_numpy_is_cupy_axis_error():
    with pytest.raises(cupy.exceptions.AxisError):
        numpy.zeros((2, 3)).sum(axis=5)


def test_warnings_are_warnings():
    for w in (cupy.exceptions.ComplexWarning,
              cupy.exceptions.VisibleDeprecationWarning,
              cupy.exceptions.RankWarning):
        assert issubclass(w, Warning)
    with pytest.warns(cupy.exceptions.ComplexWarning):
        numpy.zeros(2, dtype=numpy.float64)[...] = numpy.ones(
            2, dtype=numpy.complex128)

import numpy
import pytest

from chainer import utils
from chainer.utils import array


@pytest.mark.parametrize('shape,target', [
    ((2, 3), (2, 3)), ((2, 3), (1, 3)), ((2, 3), (3,)), ((4, 2, 3), (2, 1)),
    ((2, 3), ()),
])
def test_sum_to(shape, target):
    x = numpy.random.rand(*shape)
    y = array.sum_to(x, target)
    assert y.shape == target
    # sum_to is the adjoint of broadcasting: <bcast(v), x> == <v, sum_to(x)>
    v = numpy.random.rand(*target)
    numpy.testing.assert_allclose((numpy.broadcast_to(v, shape) * x).sum(),
                                  (v * y).sum())


def test_as_vec_as_mat():
    x = numpy.zeros((2, 3, 4))
    assert array.as_vec(x).shape == (24,)
    assert array.as_mat(x).shape == (2, 12)


def test_force_array():
    assert isinstance(utils.force_array(numpy.float32(1)), numpy.ndarray)
    assert utils.force_array(numpy.float64(1), numpy.float32).dtype == \
        numpy.float32
    a = numpy.zeros(2)
    assert utils.force_array(a) is a


def test_size_of_shape():
    assert utils.size_of_shape((2, 3)) == 6
    assert utils.size_of_shape(()) == 1

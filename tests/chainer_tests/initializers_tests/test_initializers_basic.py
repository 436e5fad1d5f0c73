import numpy
import pytest

import chainer
from chainer import initializer
from chainer import initializers


def test_get_fans_matrix_and_kernel():
    assert initializer.get_fans((5, 3)) == (3, 5)
    assert initializer.get_fans((8, 4, 3, 2)) == (24, 48)


@pytest.mark.parametrize('shape', [(3,), (), [2, 3]])
def test_get_fans_rejects_bad_shapes(shape):
    with pytest.raises(ValueError):
        initializer.get_fans(shape)


def test_constant_scalar_and_array():
    a = numpy.empty((2, 3), numpy.float32)
    initializers.Constant(1.5)(a)
    numpy.testing.assert_array_equal(a, numpy.full((2, 3), 1.5))
    initializers.Constant(numpy.array([1., 2., 3.]))(a)
    numpy.testing.assert_array_equal(a, [[1, 2, 3], [1, 2, 3]])


def test_constant_rejects_non_scalar():
    with pytest.raises(ValueError):
        initializers.Constant([1, 2])


def test_zero_one_nan():
    a = numpy.empty(4, numpy.float64)
    initializers.Zero()(a)
    assert (a == 0).all()
    initializers.One()(a)
    assert (a == 1).all()
    initializers.NaN()(a)
    assert numpy.isnan(a).all()
    assert isinstance(initializers.Zero(), initializers.Constant)
    assert initializers.One(numpy.float16).dtype == numpy.float16


def test_dtype_mismatch_is_rejected():
    a = numpy.empty(2, numpy.float64)
    with pytest.raises(ValueError):
        initializers.Constant(0., dtype=numpy.float32)(a)
    with pytest.raises(ValueError):
        initializers.Normal(dtype=numpy.float32)(a)


def test_identity():
    a = numpy.empty((3, 3), numpy.float32)
    initializers.Identity(scale=2.)(a)
    numpy.testing.assert_array_equal(a, 2 * numpy.eye(3))
    with pytest.raises(ValueError):
        initializers.Identity()(numpy.empty((2, 3), numpy.float32))
    with pytest.raises(ValueError):
        initializers.Identity()(numpy.empty((2, 2, 2), numpy.float32))


def test_generate_array_dtype_rules():
    a = initializers.generate_array(initializers.One(), (2,), numpy)
    assert a.dtype == numpy.float32
    a = initializers.generate_array(
        initializers.One(numpy.float64), (2,), numpy)
    assert a.dtype == numpy.float64
    a = initializers.generate_array(
        initializers.One(), 3, numpy, dtype=numpy.float16)
    assert a.dtype == numpy.float16 and a.shape == (3,)
    with pytest.raises(ValueError):
        initializers.generate_array(
            initializers.One(numpy.float64), (2,), numpy,
            dtype=numpy.float32)


def test_generate_array_follows_config_dtype():
    with chainer.using_config('dtype', numpy.float64):
        a = initializers.generate_array(initializers.Zero(), (2,), numpy)
    assert a.dtype == numpy.float64


def test_generate_array_device_consistency():
    a = initializers.generate_array(
        initializers.One(), (2,), numpy, device='@numpy')
    assert isinstance(a, numpy.ndarray)
    if chainer.backends.cuda.available:
        with pytest.raises(ValueError):
            initializers.generate_array(
                initializers.One(), (2,), chainer.backends.cuda.cupy,
                device='@numpy')


def test_get_initializer():
    assert isinstance(initializers._get_initializer(None),
                      initializers.LeCunNormal)
    c = initializers._get_initializer(3)
    assert isinstance(c, initializers.Constant) and c.fill_value == 3
    arr = numpy.ones(2)
    assert initializers._get_initializer(arr).fill_value is arr
    normal = initializers.Normal()
    assert initializers._get_initializer(normal) is normal
    with pytest.raises(TypeError):
        initializers._get_initializer(object())


def test_initializer_base_is_abstract():
    with pytest.raises(NotImplementedError):
        chainer.Initializer()(numpy.empty(1))
    assert chainer.initializers.Initializer is chainer.Initializer

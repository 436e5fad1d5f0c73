import numpy
import pytest

from chainer import iterators


def test_shuffle_order_sampler_uses_given_random_state():
    sampler = iterators.ShuffleOrderSampler(numpy.random.RandomState(4))
    expected = numpy.random.RandomState(4)
    for _ in range(3):
        order = sampler(numpy.arange(6), 2)
        numpy.testing.assert_array_equal(order, expected.permutation(6))
        assert sorted(order.tolist()) == list(range(6))


def test_shuffle_order_sampler_depends_on_length_only():
    sampler = iterators.ShuffleOrderSampler(numpy.random.RandomState(1))
    order = sampler(numpy.array([9, 8, 7]), 0)
    numpy.testing.assert_array_equal(
        order, numpy.random.RandomState(1).permutation(3))


def test_shuffle_order_sampler_default_uses_global_state():
    sampler = iterators.ShuffleOrderSampler()
    numpy.random.seed(11)
    order = sampler(numpy.arange(8), 0)
    numpy.testing.assert_array_equal(
        order, numpy.random.RandomState(11).permutation(8))


def test_order_sampler_base_raises():
    with pytest.raises(NotImplementedError):
        iterators.OrderSampler()(numpy.arange(3), 0)

import gc

import numpy
import pytest

import chainer
import chainer.functions as F
from chainer import testing


def _var(*shape):
    return chainer.Variable(numpy.random.uniform(.5, 1, shape))


class TestAccumulation(object):

    def test_variable_used_twice(self):
        x = _var(3)
        y = F.sum(x * x + x)
        y.backward()
        numpy.testing.assert_allclose(x.grad, 2 * x.array + 1)

    def test_same_input_twice_in_one_function(self):
        x = _var(3)
        y = F.sum(F.add(x, x))
        y.backward()
        numpy.testing.assert_allclose(x.grad, numpy.full(3, 2.))

    def test_diamond_graph(self):
        x = _var(3)
        h = F.exp(x)
        y = F.sum(h * 2 + h * 3)
        y.backward()
        numpy.testing.assert_allclose(x.grad, 5 * numpy.exp(x.array))

    def test_repeated_backward_accumulates_into_leaves(self):
        x = _var(3)
        F.sum(x * 2).backward()
        F.sum(x * 3).backward()
        numpy.testing.assert_allclose(x.grad, numpy.full(3, 5.))

    def test_existing_grad_is_kept_when_cleared(self):
        x = _var(3)
        F.sum(x * 2).backward()
        x.cleargrad()
        F.sum(x * 3).backward()
        numpy.testing.assert_allclose(x.grad, numpy.full(3, 3.))

    def test_deep_chain_order(self):
        # Only a correct topological order gives the exact result here.
        x = _var(2)
        h = x
        for _ in range(50):
            h = h + x
        F.sum(h).backward()
        numpy.testing.assert_allclose(x.grad, numpy.full(2, 51.))


class TestRetainGrad(object):

    def test_intermediate_grad_dropped_by_default(self):
        x = _var(3)
        h = x * 2
        y = F.sum(h)
        y.backward()
        assert h.grad is None

    def test_retain_grad(self):
        x = _var(3)
        h = x * 2
        y = F.sum(h * h)
        y.backward(retain_grad=True)
        numpy.testing.assert_allclose(h.grad, 2 * h.array)
        numpy.testing.assert_allclose(x.grad, 8 * x.array)


class TestDoubleBackprop(object):

    def test_second_derivative(self):
        x = _var(3)
        y = F.sum(x ** 3)
        y.backward(enable_double_backprop=True)
        gx = x.grad_var
        assert gx.creator is not None
        numpy.testing.assert_allclose(gx.array, 3 * x.array ** 2)
        x.cleargrad()
        F.sum(gx).backward()
        numpy.testing.assert_allclose(x.grad, 6 * x.array)

    def test_no_graph_without_flag(self):
        x = _var(3)
        F.sum(x ** 3).backward()
        assert x.grad_var.creator is None

    def test_grad_of_grad_with_chainer_grad(self):
        x = _var(2)
        y = F.sum(F.exp(x) * x)
        gx, = chainer.grad([y], [x], enable_double_backprop=True)
        ggx, = chainer.grad([F.sum(gx)], [x])
        # d/dx (e^x (x + 1)) = e^x (x + 2)
        numpy.testing.assert_allclose(
            ggx.array, numpy.exp(x.array) * (x.array + 2))


class TestUnchainBackward(object):

    def test_unchain_backward(self):
        x = _var(3)
        h = x * 2
        y = h * 3
        z = F.sum(y)
        y.unchain_backward()
        assert y.creator is None
        assert h.creator is None
        assert z.creator is not None
        z.backward()
        assert x.grad is None
        numpy.testing.assert_allclose(y.grad, numpy.ones(3))


class TestNoBackpropMode(object):

    def test_no_graph(self):
        x = _var(3)
        with chainer.no_backprop_mode():
            y = x * 2
        assert y.creator is None
        assert chainer.config.enable_backprop

    def test_force_backprop_mode(self):
        x = _var(3)
        with chainer.no_backprop_mode():
            with chainer.force_backprop_mode():
                y = x * 2
        assert y.creator is not None

    def test_backward_through_no_backprop_region(self):
        x = _var(3)
        with chainer.no_backprop_mode():
            h = x * 2
        y = F.sum(h * x)
        y.backward()
        numpy.testing.assert_allclose(x.grad, h.array)


class TestChainerGrad(object):

    def test_basic(self):
        x = _var(3)
        w = _var(3)
        y = F.sum(x * w)
        gx, gw = chainer.grad([y], [x, w])
        numpy.testing.assert_allclose(gx.array, w.array)
        numpy.testing.assert_allclose(gw.array, x.array)
        assert x.grad is None and w.grad is None

    def test_set_grad(self):
        x = _var(3)
        y = F.sum(x * 2)
        chainer.grad([y], [x], set_grad=True)
        numpy.testing.assert_allclose(x.grad, numpy.full(3, 2.))

    def test_grad_outputs_and_grad_inputs(self):
        x = _var(3)
        y = x * 2
        gy = chainer.Variable(numpy.arange(3.))
        gx0 = chainer.Variable(numpy.ones(3))
        gx, = chainer.grad([y], [x], grad_outputs=[gy], grad_inputs=[gx0])
        numpy.testing.assert_allclose(gx.array, 2 * numpy.arange(3.) + 1)

    def test_intermediate_input(self):
        x = _var(3)
        h = x * 2
        y = F.sum(h * h)
        gh, gx = chainer.grad([y], [h, x])
        numpy.testing.assert_allclose(gh.array, 2 * h.array)
        numpy.testing.assert_allclose(gx.array, 8 * x.array)

    def test_unreachable_input_is_none(self):
        x = _var(3)
        z = _var(3)
        y = F.sum(x * 2)
        gz, = chainer.grad([y], [z])
        assert gz is None

    def test_retain_grad(self):
        x = _var(3)
        h = x * 2
        y = F.sum(h)
        chainer.grad([y], [x], retain_grad=True)
        numpy.testing.assert_allclose(h.grad, numpy.ones(3))

    def test_loss_scale(self):
        x = _var(3)
        gx, = chainer.grad([F.sum(x)], [x], loss_scale=4.)
        numpy.testing.assert_allclose(gx.array, numpy.full(3, 4.))

    def test_argument_errors(self):
        x = _var(3)
        y = F.sum(x)
        with pytest.raises(TypeError):
            chainer.grad(y, [x])
        with pytest.raises(TypeError):
            chainer.grad([y], x)
        with pytest.raises(ValueError):
            chainer.grad([y], [x], grad_outputs=[None, None])
        with pytest.raises(ValueError):
            chainer.grad([y], [x], grad_inputs=[None, None])


class TestChainerBackward(object):

    def test_multiple_outputs(self):
        x = _var(3)
        y1 = x * 2
        y2 = x * 3
        chainer.backward([y1, y2], [chainer.Variable(numpy.ones(3)),
                                    chainer.Variable(numpy.ones(3))])
        numpy.testing.assert_allclose(x.grad, numpy.full(3, 5.))

    def test_uses_grad_var(self):
        x = _var(3)
        y = x * 2
        y.grad = numpy.ones(3)
        chainer.backward([y])
        numpy.testing.assert_allclose(x.grad, numpy.full(3, 2.))

    def test_type_errors(self):
        x = _var(3)
        with pytest.raises(TypeError):
            chainer.backward(x)
        with pytest.raises(TypeError):
            chainer.backward([x.array])


def test_graph_does_not_keep_outputs_alive():
    x = _var(3)
    y = x * 2
    node = y.creator_node
    ref = node.outputs[0]
    del y
    gc.collect()
    assert ref() is None


def test_grad_type_mismatch_detected():
    class BadGrad(chainer.FunctionNode):
        def forward(self, inputs):
            return inputs[0] * 2,

        def backward(self, indexes, grad_outputs):
            return chainer.Variable(numpy.ones(5, numpy.float32)),

    x = chainer.Variable(numpy.ones(3, numpy.float32))
    y, = BadGrad().apply((x,))
    y.grad = numpy.ones(3, numpy.float32)
    with pytest.raises(ValueError, match='Shape of data and grad mismatch'):
        y.backward()


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestDtypePreserved(object):

    def test_grad_dtype(self):
        x = chainer.Variable(numpy.ones(3, self.dtype))
        y = F.sum(x * 2 + 1)
        y.backward()
        assert x.grad.dtype == self.dtype
        numpy.testing.assert_array_equal(x.grad, numpy.full(3, 2))

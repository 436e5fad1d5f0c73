import weakref

import numpy
import pytest

import chainer
from chainer.utils import type_check


class Double(chainer.Function):

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1,
                          in_types[0].dtype.kind == 'f')

    def forward_cpu(self, inputs):
        return inputs[0] * 2,

    def backward_cpu(self, inputs, grad_outputs):
        return grad_outputs[0] * 2,


class MulTwoOutputs(chainer.Function):

    def forward(self, inputs):
        x, w = inputs
        return x * w, x + w

    def backward(self, inputs, grad_outputs):
        x, w = inputs
        g0, g1 = grad_outputs
        gx = numpy.zeros_like(x)
        gw = numpy.zeros_like(w)
        if g0 is not None:
            gx += g0 * w
            gw += g0 * x
        if g1 is not None:
            gx += g1
            gw += g1
        return gx, gw


class TestOldStyleFunction(object):

    def test_single_output_is_variable(self):
        x = chainer.Variable(numpy.array([1., 2.], numpy.float32))
        f = Double()
        y = f(x)
        assert isinstance(y, chainer.Variable)
        numpy.testing.assert_array_equal(y.array, [2, 4])
        assert y.creator is f
        assert isinstance(y.creator_node, chainer.FunctionAdapter)
        assert y.creator_node.function is f
        assert f.label == 'Double'
        assert f.node.label == 'Double'
        assert f.inputs[0] is x.node
        assert f.rank == 0

    def test_backward(self):
        x = chainer.Variable(numpy.array([1., 2.], numpy.float32))
        y = Double()(x)
        y.grad = numpy.ones(2, numpy.float32)
        y.backward()
        numpy.testing.assert_array_equal(x.grad, [2, 2])

    def test_multiple_outputs_and_unused_grad(self):
        x = chainer.Variable(numpy.array([1., 2.]))
        w = chainer.Variable(numpy.array([3., 4.]))
        y0, y1 = MulTwoOutputs()(x, w)
        chainer.functions.sum(y0).backward()
        numpy.testing.assert_array_equal(x.grad, w.array)
        numpy.testing.assert_array_equal(w.grad, x.array)

    def test_type_check_message(self):
        with pytest.raises(type_check.InvalidType) as e:
            Double()(numpy.array([1, 2]))
        assert 'Invalid operation is performed in: Double (Forward)' in str(
            e.value)

    def test_graph_keeps_function_alive(self):
        x = chainer.Variable(numpy.array([1.], numpy.float32))
        f = Double()
        ref = weakref.ref(f)
        y = f(x)
        del f
        assert ref() is not None
        del y
        assert ref() is None

    def test_double_backprop_through_old_style_fails(self):
        x = chainer.Variable(numpy.array([1., 2.], numpy.float32))
        y = chainer.functions.sum(Double()(x))
        y.backward(enable_double_backprop=True)
        gx = x.grad_var
        with pytest.raises(RuntimeError, match='twice-differentiate'):
            chainer.functions.sum(gx).backward()

    def test_default_backward_returns_none(self):
        class NoGrad(chainer.Function):
            def forward(self, inputs):
                return inputs[0] + 1,

        x = chainer.Variable(numpy.ones(2))
        y = NoGrad()(x)
        y.grad = numpy.ones(2)
        y.backward()
        assert x.grad is None

    def test_retain_outputs_output_data(self):
        class Exp(chainer.Function):
            def forward(self, inputs):
                self.retain_inputs(())
                self.retain_outputs((0,))
                return numpy.exp(inputs[0]),

            def backward(self, inputs, grad_outputs):
                assert inputs[0] is None  # not retained
                y, = self.output_data
                return y * grad_outputs[0],

        x = chainer.Variable(numpy.array([0., 1.]))
        y = Exp()(x)
        y.grad = numpy.ones(2)
        y.backward()
        numpy.testing.assert_allclose(x.grad, numpy.exp(x.array))

import numpy
import pytest

import chainer
from chainer import backend
from chainer.backends import cuda
from chainer.utils import type_check


class MulAdd(chainer.FunctionNode):
    """y0 = x0 * x1 + x2, y1 = x0 (two outputs, retains inputs)."""

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x0, x1, x2 = inputs
        return x0 * x1 + x2, x0.copy()

    def backward(self, indexes, grad_outputs):
        x0, x1 = self.get_retained_inputs()
        gy0, gy1 = grad_outputs
        g0 = gy0 * x1
        if gy1 is not None:
            g0 = g0 + gy1
        ret = []
        for i in indexes:
            ret.append((g0, gy0 * x0, gy0)[i])
        return tuple(ret)


def _inputs(dtype=numpy.float32):
    return [numpy.random.uniform(-1, 1, (3,)).astype(dtype)
            for _ in range(3)]


class TestApply(object):

    def test_outputs_are_variables_with_creator(self):
        f = MulAdd()
        x = [chainer.Variable(a) for a in _inputs()]
        y0, y1 = f.apply(x)
        assert isinstance(y0, chainer.Variable)
        assert y0.creator_node is f and y1.creator is f
        assert f.inputs == tuple(v.node for v in x)
        assert all(o() is not None for o in f.outputs)
        numpy.testing.assert_allclose(
            y0.array, x[0].array * x[1].array + x[2].array)

    def test_arrays_accepted_and_not_requiring_grad(self):
        a = _inputs()
        y0, _ = MulAdd().apply(a)
        assert not y0.requires_grad

    def test_rank(self):
        x = chainer.Variable(_inputs()[0])
        y, = chainer.functions.identity(x),
        z = chainer.functions.identity(y)
        assert x.rank == 0 and y.rank == 1 and z.rank == 2
        assert z.creator_node.rank == 1

    def test_backward_through_two_outputs(self):
        x = [chainer.Variable(a) for a in _inputs()]
        y0, y1 = MulAdd().apply(x)
        loss = chainer.functions.sum(y0) + chainer.functions.sum(y1 * 2)
        loss.backward()
        numpy.testing.assert_allclose(x[0].grad, x[1].array + 2,
                                      rtol=1e-6)
        numpy.testing.assert_allclose(x[1].grad, x[0].array)
        numpy.testing.assert_allclose(x[2].grad, numpy.ones(3))

    def test_unused_output_gets_none_grad(self):
        x = [chainer.Variable(a) for a in _inputs()]
        y0, _ = MulAdd().apply(x)
        chainer.functions.sum(y0).backward()
        numpy.testing.assert_allclose(x[0].grad, x[1].array)

    def test_no_graph_in_no_backprop_mode(self):
        f = MulAdd()
        with chainer.no_backprop_mode():
            y0, _ = f.apply(_inputs())
        assert y0.creator is None
        assert f.inputs is None

    def test_retained_inputs_data(self):
        f = MulAdd()
        x = [chainer.Variable(a) for a in _inputs()]
        f.apply(x)
        assert f.inputs[0].data is x[0].array
        assert f.inputs[2].data is None  # not retained

    def test_type_check_failure(self):
        with pytest.raises(type_check.InvalidType) as e:
            MulAdd().apply(_inputs()[:2])
        msg = str(e.value)
        assert 'Invalid operation is performed in: MulAdd (Forward)' in msg
        assert 'Expect: in_types.size == 3' in msg
        assert 'Actual: 2 != 3' in msg

    def test_type_check_dtype_message(self):
        ints = [numpy.arange(3) for _ in range(3)]
        with pytest.raises(type_check.InvalidType) as e:
            MulAdd().apply(ints)
        assert 'Expect: in_types[0].dtype.kind == f' in str(e.value)
        assert 'Actual: i != f' in str(e.value)

    def test_type_check_can_be_disabled(self):
        ints = [numpy.arange(3) for _ in range(3)]
        with chainer.using_config('type_check', False):
            y0, _ = MulAdd().apply(ints)
        numpy.testing.assert_array_equal(y0.array, ints[0] * ints[1] + 2 *
                                         numpy.arange(3) * 0 + ints[2])

    def test_forward_must_return_tuple(self):
        class Bad(chainer.FunctionNode):
            def forward(self, inputs):
                return inputs[0]

        with pytest.raises(TypeError, match='forward output must be a tuple'):
            Bad().apply((numpy.zeros(2),))

    def test_not_callable(self):
        with pytest.raises(TypeError):
            MulAdd()(numpy.zeros(1))

    def test_debug_mode_detects_nan(self):
        class MakeNaN(chainer.FunctionNode):
            def forward(self, inputs):
                return inputs[0] * numpy.nan,

        MakeNaN().apply((numpy.ones(2),))  # fine outside debug mode
        with chainer.using_config('debug', True):
            with pytest.raises(RuntimeError, match='NaN is detected'):
                MakeNaN().apply((numpy.ones(2),))


class TestForwardDispatch(object):

    def test_forward_cpu_called_for_numpy(self):
        calls = []

        class F(chainer.FunctionNode):
            def forward_cpu(self, inputs):
                calls.append('cpu')
                return inputs[0].copy(),

            def forward_gpu(self, inputs):
                calls.append('gpu')
                return inputs[0].copy(),

        F().apply((numpy.zeros(1),))
        assert calls == ['cpu']

    def test_default_forward_not_implemented(self):
        with pytest.raises(NotImplementedError):
            chainer.FunctionNode().apply((numpy.zeros(1),))


class TestRetainedOutputs(object):

    def test_get_retained_outputs_recreates_dead_output(self):
        class Exp(chainer.FunctionNode):
            def forward(self, inputs):
                self.retain_outputs((0,))
                return numpy.exp(inputs[0]),

            def backward(self, indexes, grad_outputs):
                y, = self.get_retained_outputs()
                return y * grad_outputs[0],

        x = chainer.Variable(numpy.array([0.5, 1.0]))
        f = Exp()
        y, = f.apply((x,))
        numpy.testing.assert_array_equal(f.output_data[0], y.array)
        z = chainer.functions.sum(y * 1.0)
        del y  # the node keeps the retained data
        z.backward()
        numpy.testing.assert_allclose(x.grad, numpy.exp(x.array))
        y2, = f.get_retained_outputs()
        numpy.testing.assert_allclose(y2.array, numpy.exp(x.array))


class TestBackwardAccumulate(object):

    def test_overridden_backward_accumulate_receives_existing(self):
        received = []

        class Twice(chainer.FunctionNode):
            def forward(self, inputs):
                return inputs[0] * 2,

            def backward_accumulate(self, indexes, grad_outputs,
                                    grad_inputs):
                received.append(grad_inputs)
                g = grad_outputs[0] * 2
                if grad_inputs[0] is not None:
                    g = g + grad_inputs[0]
                return g,

        x = chainer.Variable(numpy.ones(2))
        y = chainer.functions.sum(Twice().apply((x,))[0] + x * 3)
        y.backward()
        numpy.testing.assert_allclose(x.grad, numpy.full(2, 5.))
        assert len(received) == 1

    def test_wrong_number_of_grads(self):
        class Bad(chainer.FunctionNode):
            def forward(self, inputs):
                return inputs[0] + inputs[1],

            def backward(self, indexes, grad_outputs):
                return (grad_outputs[0],) * 3

        x = chainer.Variable(numpy.ones(2))
        w = chainer.Variable(numpy.ones(2))
        y, = Bad().apply((x, w))
        y.grad = numpy.ones(2)
        with pytest.raises(ValueError, match='number of gradients'):
            y.backward()


class TestUnchain(object):

    def test_unchain(self):
        x = chainer.Variable(numpy.ones(2))
        y = x * 2
        f = y.creator_node
        f.unchain()
        assert y.creator is None
        assert f.inputs is None


def test_function_hooks_called():
    events = []

    class Hook(object):
        name = 'recorder'

        def forward_preprocess(self, func, in_data):
            events.append(('fpre', func.label))

        def forward_postprocess(self, func, in_data):
            events.append(('fpost', func.label))

        def backward_preprocess(self, func, in_data, out_grad):
            events.append(('bpre', func.label))

        def backward_postprocess(self, func, in_data, out_grad):
            events.append(('bpost', func.label))

    hooks = chainer.get_function_hooks()
    hooks['recorder'] = Hook()
    try:
        x = chainer.Variable(numpy.ones(2))
        y = chainer.functions.exp(x)
        y.grad = numpy.ones(2)
        y.backward()
    finally:
        del hooks['recorder']
    # Exp's backward multiplies Variables, which runs hooked forwards too.
    assert events == [('fpre', 'exp'), ('fpost', 'exp'),
                      ('bpre', 'exp'), ('fpre', '_ * _'), ('fpost', '_ * _'),
                      ('bpost', 'exp')]


def test_local_hook():
    events = []

    class Hook(object):
        name = 'h'

        def forward_preprocess(self, func, in_data):
            pass

        def forward_postprocess(self, func, in_data):
            pass

        def backward_preprocess(self, func, in_data, out_grad):
            events.append(func.label)

        def backward_postprocess(self, func, in_data, out_grad):
            pass

    x = chainer.Variable(numpy.ones(2))
    y = chainer.functions.exp(x)
    y.creator_node.add_hook(Hook())
    with pytest.raises(KeyError):
        y.creator_node.add_hook(Hook())
    y.grad = numpy.ones(2)
    y.backward()
    assert events == ['exp']
    y.creator_node.delete_hook('h')


def test_get_array_module_on_variable():
    v = chainer.Variable(numpy.zeros(1))
    assert backend.get_array_module(v) is numpy
    assert cuda.get_array_module(v) is numpy

import copy
import pickle
import warnings

import numpy
import pytest

import chainer
from chainer import backend
import chainer.functions as F
from chainer import testing


def _var(shape=(2, 3), dtype=numpy.float32, **kwargs):
    return chainer.Variable(
        numpy.random.uniform(-1, 1, shape).astype(dtype), **kwargs)


class TestVariableAttributes(object):

    def test_array_properties(self):
        a = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
        x = chainer.Variable(a, name='x')
        assert x.array is a
        assert x.data is a
        assert x.shape == (2, 3)
        assert x.ndim == 2
        assert x.size == 6
        assert x.dtype == numpy.float32
        assert len(x) == 2
        assert x.name == 'x'
        assert x.creator is None and x.creator_node is None
        assert x.grad is None and x.grad_var is None
        assert x.requires_grad
        assert x.xp is numpy
        assert x.device == backend.CpuDevice()
        assert x.label == '(2, 3), float32'

    def test_len_of_scalar_raises(self):
        with pytest.raises(TypeError):
            len(chainer.Variable(numpy.array(1.0)))

    def test_rejects_non_arrays(self):
        with pytest.raises(TypeError, match='numpy.ndarray or cuda.ndarray'):
            chainer.Variable(1.0)
        with pytest.raises(TypeError):
            chainer.Variable([1.0, 2.0])

    def test_volatile_rejected(self):
        with pytest.raises(ValueError):
            chainer.Variable(numpy.zeros(1), volatile=True)

    def test_none_data(self):
        x = chainer.Variable()
        assert x.array is None
        assert repr(x) == 'variable(None)'

    def test_array_setter_updates_node(self):
        x = _var()
        x.array = numpy.zeros((4,), numpy.float64)
        assert x.shape == (4,)
        assert x.node.shape == (4,)
        assert x.node.dtype == numpy.float64

    def test_repr_and_str(self):
        x = chainer.Variable(numpy.array([1., 2.], numpy.float32))
        assert repr(x) == 'variable([1., 2.])'
        assert str(x) == 'variable([1. 2.])'
        x.name = 'w'
        assert repr(x) == 'variable w([1., 2.])'
        empty = chainer.Variable(numpy.zeros((0, 3)))
        assert repr(empty) == 'variable([], shape=(0, 3))'

    def test_summary(self):
        assert _var(name='a').summary() == '<variable a>'
        assert _var().summary().startswith('<variable at 0x')

    def test_comparison_is_forbidden(self):
        x = _var()
        for op in (lambda: x == x, lambda: x != x, lambda: x < x,
                   lambda: bool(x)):
            with pytest.raises(NotImplementedError):
                op()
        # Still hashable, so variables can be dict keys / set members.
        assert len({x, x}) == 1

    def test_grad_setter_checks(self):
        x = _var()
        x.grad = numpy.ones((2, 3), numpy.float32)
        assert isinstance(x.grad_var, chainer.Variable)
        with pytest.raises(TypeError, match='Dtype'):
            x.grad = numpy.ones((2, 3), numpy.float64)
        with pytest.raises(ValueError, match='Shape'):
            x.grad = numpy.ones((3, 2), numpy.float32)
        x.grad = None
        assert x.grad_var is None

    def test_grad_var_setter(self):
        x = _var()
        g = chainer.Variable(numpy.ones((2, 3), numpy.float32))
        x.grad_var = g
        assert x.grad_var is g
        assert x.grad is g.array

    def test_item(self):
        assert chainer.Variable(numpy.array([2.5])).item() == 2.5

    def test_copy_has_new_node(self):
        x = _var(name='x')
        y = copy.copy(x)
        assert y.array is x.array
        assert y.node is not x.node
        assert y.name == 'x'

    def test_pickle(self):
        x = _var(name='p')
        x.grad = numpy.ones((2, 3), numpy.float32)
        y = pickle.loads(pickle.dumps(x))
        numpy.testing.assert_array_equal(y.array, x.array)
        numpy.testing.assert_array_equal(y.grad, x.grad)
        assert y.name == 'p'


class TestVariableGradOps(object):

    def test_cleargrad(self):
        x = _var()
        x.grad = numpy.ones((2, 3), numpy.float32)
        x.cleargrad()
        assert x.grad is None

    def test_zerograd_deprecated(self):
        x = _var()
        with pytest.warns(DeprecationWarning):
            x.zerograd()
        numpy.testing.assert_array_equal(x.grad, numpy.zeros((2, 3)))
        x.grad[:] = 3
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            x.zerograd()
        assert (x.grad == 0).all()

    def test_addgrad(self):
        x = _var()
        y = _var()
        y.grad = numpy.full((2, 3), 2, numpy.float32)
        x.addgrad(y)
        numpy.testing.assert_array_equal(x.grad, y.grad)
        assert x.grad is not y.grad
        x.addgrad(y)
        numpy.testing.assert_array_equal(x.grad, numpy.full((2, 3), 4))

    def test_addgrad_none_is_noop(self):
        x = _var()
        x.addgrad(_var())
        assert x.grad is None

    def test_copydata(self):
        x = _var()
        y = _var()
        before = x.array
        x.copydata(y)
        assert x.array is before  # copied in place
        numpy.testing.assert_array_equal(x.array, y.array)


class TestVariableShapeMethods(object):

    def test_reshape_forms(self):
        x = _var((2, 3))
        assert x.reshape(3, 2).shape == (3, 2)
        assert x.reshape((6,)).shape == (6,)
        assert x.reshape([1, 6]).shape == (1, 6)
        assert x.reshape(-1).shape == (6,)

    def test_transpose_forms(self):
        x = _var((2, 3, 4))
        assert x.transpose().shape == (4, 3, 2)
        assert x.transpose(1, 0, 2).shape == (3, 2, 4)
        assert x.transpose((2, 0, 1)).shape == (4, 2, 3)
        assert x.transpose(None).shape == (4, 3, 2)
        assert x.T.shape == (4, 3, 2)

    def test_getitem(self):
        x = _var((3, 4))
        numpy.testing.assert_array_equal(x[1].array, x.array[1])
        numpy.testing.assert_array_equal(x[:, [0, 2]].array,
                                         x.array[:, [0, 2]])
        assert isinstance(x[0, 0], chainer.Variable)


class TestVariableBackward(object):

    def test_scalar_loss_gets_unit_grad(self):
        x = _var((3,))
        y = F.sum(x * 2)
        y.backward()
        numpy.testing.assert_array_equal(y.grad, numpy.float32(1))
        numpy.testing.assert_array_equal(x.grad, numpy.full(3, 2))

    def test_size_one_nonscalar_warns(self):
        x = _var((1,))
        y = x * 3
        with pytest.warns(DeprecationWarning):
            y.backward()
        numpy.testing.assert_array_equal(x.grad, [3])

    def test_nonscalar_without_grad_leaves_input_grad_none(self):
        x = _var((3,))
        y = x * 2
        y.backward()
        assert y.grad is None
        assert x.grad is None

    def test_leaf_backward_is_noop(self):
        x = _var((3,))
        x.backward()
        assert x.grad is None

    def test_loss_scale(self):
        x = _var((3,))
        y = F.sum(x * 2)
        y.backward(loss_scale=8)
        numpy.testing.assert_array_equal(x.grad, numpy.full(3, 16))
        assert x._loss_scale == 8

    def test_requires_grad_false(self):
        x = _var((3,), requires_grad=False)
        w = _var((3,))
        y = F.sum(x * w)
        y.backward()
        assert x.grad is None
        numpy.testing.assert_allclose(w.grad, x.array)

    def test_unchain(self):
        x = _var((3,))
        y = x * 2
        z = F.sum(y * 3)
        y.unchain()
        assert y.creator is None
        z.backward()
        assert x.grad is None


class TestToDevice(object):

    def test_to_cpu_keeps_numpy(self):
        x = _var()
        x.grad = numpy.ones((2, 3), numpy.float32)
        a = x.array
        x.to_cpu()
        assert x.array is a
        assert isinstance(x.grad, numpy.ndarray)

    def test_to_device_numpy(self):
        x = _var()
        x.to_device('@numpy')
        assert x.device == chainer.get_device('@numpy')
        x.to_device(-1)
        assert x.xp is numpy

    @testing.attr.gpu
    def test_to_gpu_and_back(self):
        x = _var()
        x.to_gpu()
        assert x.xp is chainer.backends.cuda.cupy
        x.to_cpu()
        assert isinstance(x.array, numpy.ndarray)


class TestParameter(object):

    def test_array_initializer(self):
        a = numpy.arange(3, dtype=numpy.float32)
        p = chainer.Parameter(a)
        assert p.array is a
        assert p.is_initialized
        assert p.grad is None

    def test_scalar_initializer_with_shape(self):
        p = chainer.Parameter(0.5, (2, 3), name='p')
        numpy.testing.assert_array_equal(p.array, numpy.full((2, 3), 0.5))
        assert p.dtype == numpy.float32
        assert numpy.isnan(p.grad).all()
        assert p.name == 'p'

    def test_none_initializer_fills_nan(self):
        p = chainer.Parameter(shape=(2,))
        assert numpy.isnan(p.array).all()

    def test_lazy_initialization(self):
        p = chainer.Parameter(2.0)
        assert not p.is_initialized
        assert p.array is None
        assert p.dtype == numpy.float32
        p.initialize((3,))
        numpy.testing.assert_array_equal(p.array, [2, 2, 2])
        assert numpy.isnan(p.grad).all()

    def test_lazy_after_cleargrad_has_no_grad(self):
        p = chainer.Parameter(2.0)
        p.cleargrad()
        p.initialize((3,))
        assert p.grad is None

    def test_callable_initializer_with_dtype(self):
        class Ones(object):
            dtype = numpy.float64

            def __call__(self, array):
                array[...] = 1

        p = chainer.Parameter(Ones(), (2,))
        assert p.dtype == numpy.float64
        numpy.testing.assert_array_equal(p.array, [1, 1])

    def test_array_initializer_with_shape(self):
        p = chainer.Parameter(numpy.array([1., 2.], numpy.float32), (3, 2))
        numpy.testing.assert_array_equal(p.array, [[1, 2]] * 3)

    def test_update_rule(self):
        calls = []

        class Rule(object):
            def update(self, param):
                calls.append(param)

        p = chainer.Parameter(1.0, (2,))
        p.update()  # no rule: nothing happens
        p.update_rule = Rule()
        p.update()
        assert calls == [p]

    def test_update_uninitialized_raises(self):
        p = chainer.Parameter(1.0)
        p.update_rule = object()
        with pytest.raises(RuntimeError):
            p.update()

    def test_parameter_in_graph(self):
        p = chainer.Parameter(numpy.array([1., 2.], numpy.float32))
        loss = F.sum(p * p)
        loss.backward()
        numpy.testing.assert_array_equal(p.grad, [2, 4])

    def test_pickle_and_copy(self):
        p = chainer.Parameter(numpy.array([1., 2.], numpy.float32))
        q = pickle.loads(pickle.dumps(p))
        assert isinstance(q, chainer.Parameter)
        numpy.testing.assert_array_equal(q.array, p.array)
        r = copy.copy(p)
        assert isinstance(r, chainer.Parameter) and r.array is p.array


def test_as_variable_and_as_array():
    a = numpy.zeros(2)
    v = chainer.as_variable(a)
    assert isinstance(v, chainer.Variable) and not v.requires_grad
    assert chainer.as_variable(v) is v
    assert chainer.as_array(v) is a
    assert chainer.as_array(a) is a


def test_debug_print():
    x = _var(name='x')
    text = x.debug_print()
    assert text.startswith('<variable x>')
    assert 'grad: None' in text

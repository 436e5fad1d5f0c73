import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _grad_tol(dtype):
    # float16 has an 11-bit mantissa: values are rounded to ~1e-3.
    if dtype == numpy.float16:
        return {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64}
    return {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}


def _rand(shape, dtype):
    return numpy.random.uniform(-1, 1, shape).astype(dtype)


# (function, numpy reference, input shapes)
_cases = {
    'stack0': (lambda *xs: F.stack(xs), numpy.stack, [(3, 4)] * 3),
    'stack1': (lambda *xs: F.stack(xs, 1),
               lambda xs: numpy.stack(xs, 1), [(3, 4)] * 2),
    'stack_last': (lambda *xs: F.stack(xs, 2),
                   lambda xs: numpy.stack(xs, 2), [(3, 4)] * 2),
    'stack_neg': (lambda *xs: F.stack(xs, -1),
                  lambda xs: numpy.stack(xs, -1), [(3, 4)] * 2),
    'stack_neg_first': (lambda *xs: F.stack(xs, -3),
                        lambda xs: numpy.stack(xs, -3), [(3, 4)] * 2),
    'stack_0d': (lambda *xs: F.stack(xs), numpy.stack, [()] * 3),
    'hstack_0d': (lambda *xs: F.hstack(xs), numpy.hstack, [()] * 3),
    'hstack_1d': (lambda *xs: F.hstack(xs), numpy.hstack,
                  [(2,), (3,), (1,)]),
    'hstack_2d': (lambda *xs: F.hstack(xs), numpy.hstack,
                  [(2, 3), (2, 1), (2, 2)]),
    'hstack_3d': (lambda *xs: F.hstack(xs), numpy.hstack,
                  [(2, 3, 4), (2, 1, 4)]),
    'vstack_0d': (lambda *xs: F.vstack(xs), numpy.vstack, [()] * 2),
    'vstack_1d': (lambda *xs: F.vstack(xs), numpy.vstack, [(3,)] * 3),
    'vstack_2d': (lambda *xs: F.vstack(xs), numpy.vstack,
                  [(2, 3), (1, 3), (4, 3)]),
    'vstack_3d': (lambda *xs: F.vstack(xs), numpy.vstack,
                  [(2, 3, 2), (1, 3, 2)]),
    'dstack_0d': (lambda *xs: F.dstack(xs), numpy.dstack, [()] * 2),
    'dstack_1d': (lambda *xs: F.dstack(xs), numpy.dstack, [(3,)] * 2),
    'dstack_2d': (lambda *xs: F.dstack(xs), numpy.dstack, [(2, 3)] * 3),
    'dstack_3d': (lambda *xs: F.dstack(xs), numpy.dstack,
                  [(2, 3, 1), (2, 3, 4)]),
    'dstack_4d': (lambda *xs: F.dstack(xs), numpy.dstack,
                  [(2, 3, 1, 2), (2, 3, 2, 2)]),
}


@testing.parameterize(*testing.product({
    'case': sorted(_cases),
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestStackFamily(object):

    def setup_method(self):
        self.func, self.ref, shapes = _cases[self.case]
        self.xs = tuple(_rand(s, self.dtype) for s in shapes)
        self.gy = _rand(self.ref(self.xs).shape, self.dtype)
        self.ggxs = tuple(_rand(s, self.dtype) for s in shapes)

    def test_forward(self, backend_config):
        xs = backend_config.get_array(self.xs)
        y = self.func(*[chainer.Variable(x) for x in xs])
        assert y.dtype == self.dtype
        numpy.testing.assert_array_equal(cuda.to_cpu(y.array),
                                         self.ref(self.xs))

    def test_backward(self, backend_config):
        xs, gy = backend_config.get_array((self.xs, self.gy))
        gradient_check.check_backward(self.func, xs, gy,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.xs, self.gy, self.ggxs))
        gradient_check.check_double_backward(
            self.func, x_data, y_grad, x_grad_grad, **_grad_tol(self.dtype))


def _f32(*shape):
    return numpy.zeros(shape, numpy.float32)


@pytest.mark.parametrize('func,xs', [
    (lambda xs: F.stack(xs), [_f32(2, 3), _f32(3, 2)]),
    (lambda xs: F.stack(xs), [_f32(2, 3), numpy.zeros((2, 3))]),
    (lambda xs: F.stack(xs, 3), [_f32(2, 3)]),
    (lambda xs: F.stack(xs, -4), [_f32(2, 3)]),
    (lambda xs: F.stack(xs), []),
    (F.hstack, [_f32(2, 3), _f32(3, 3)]),
    (F.hstack, [_f32(3), _f32(3, 1)]),
    (F.hstack, [_f32(3), numpy.zeros(3)]),
    (F.vstack, [_f32(3), _f32(4)]),
    (F.vstack, [_f32(2, 3), _f32(2, 4)]),
    (F.dstack, [_f32(2, 3), _f32(2, 4)]),
    (F.dstack, [_f32(2, 3, 4), _f32(1, 3, 4)]),
    (F.dstack, []),
])
def test_stack_family_invalid(func, xs):
    with pytest.raises(type_check.InvalidType):
        func(xs)

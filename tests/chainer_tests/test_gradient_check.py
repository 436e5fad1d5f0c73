import numpy
import pytest

import chainer
from chainer import gradient_check
import chainer.functions as F
from chainer import testing


class TestNumericalGrad(object):

    def test_square(self):
        x = numpy.random.uniform(-1, 1, (3, 2))
        gy = numpy.random.uniform(-1, 1, (3, 2))
        gx, = gradient_check.numerical_grad(lambda: (x * x,), (x,), (gy,))
        numpy.testing.assert_allclose(gx, 2 * x * gy, atol=1e-6)

    def test_two_inputs_two_outputs(self):
        a = numpy.random.rand(3)
        b = numpy.random.rand(3)
        g1 = numpy.random.rand(3)
        g2 = numpy.random.rand(3)
        ga, gb = gradient_check.numerical_grad(
            lambda: (a * b, a + b), (a, b), (g1, g2))
        numpy.testing.assert_allclose(ga, b * g1 + g2, atol=1e-6)
        numpy.testing.assert_allclose(gb, a * g1 + g2, atol=1e-6)

    def test_none_grad_output_ignored(self):
        x = numpy.random.rand(2)
        gx, = gradient_check.numerical_grad(
            lambda: (x * 2, x * 100), (x,), (numpy.ones(2), None))
        numpy.testing.assert_allclose(gx, [2, 2], atol=1e-6)

    def test_inputs_restored(self):
        x = numpy.random.rand(4)
        orig = x.copy()
        gradient_check.numerical_grad(lambda: (x ** 2,), (x,),
                                      (numpy.ones(4),))
        numpy.testing.assert_array_equal(x, orig)

    def test_int_input_rejected(self):
        with pytest.raises(RuntimeError):
            gradient_check.numerical_grad(
                lambda: (numpy.zeros(1),), (numpy.zeros(1, numpy.int32),),
                (numpy.ones(1),))

    def test_detect_nondifferentiable(self):
        x = numpy.array([0.0])
        with pytest.raises(gradient_check.NondifferentiableError):
            gradient_check.numerical_grad(
                lambda: (numpy.abs(x),), (x,), (numpy.ones(1),),
                detect_nondifferentiable=True)
        y = numpy.array([0.7])
        gy, = gradient_check.numerical_grad(
            lambda: (y ** 2,), (y,), (numpy.ones(1),),
            detect_nondifferentiable=True)
        numpy.testing.assert_allclose(gy, [1.4], atol=1e-6)


class Cube(chainer.FunctionNode):
    """x ** 3 with a configurable (possibly wrong) backward factor."""

    def __init__(self, factor=3.0, double_ok=True):
        self.factor = factor
        self.double_ok = double_ok

    def forward(self, inputs):
        self.retain_inputs((0,))
        return inputs[0] ** 3,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        if self.double_ok:
            return grad_outputs[0] * self.factor * x * x,
        # Correct first derivative computed from raw arrays: the graph is
        # cut, so the second derivative is wrong (zero).
        return grad_outputs[0] * chainer.Variable(
            self.factor * x.array * x.array),


class TestCheckBackward(object):

    def setup_method(self):
        self.x = numpy.random.uniform(.5, 1, (3, 2))
        self.gy = numpy.random.uniform(-1, 1, (3, 2))
        self.ggx = numpy.random.uniform(-1, 1, (3, 2))

    def test_correct(self):
        gradient_check.check_backward(
            lambda x: Cube().apply((x,))[0], self.x, self.gy)

    def test_wrong_backward_detected(self):
        with pytest.raises(AssertionError, match='check_backward failed'):
            gradient_check.check_backward(
                lambda x: Cube(factor=2.5).apply((x,))[0], self.x, self.gy)

    def test_double_backward_correct(self):
        gradient_check.check_double_backward(
            lambda x: Cube().apply((x,))[0], self.x, self.gy, self.ggx)

    def test_double_backward_wrong_detected(self):
        with pytest.raises(AssertionError,
                           match='check_double_backward failed'):
            gradient_check.check_double_backward(
                lambda x: Cube(double_ok=False).apply((x,))[0],
                self.x, self.gy, self.ggx)

    def test_loss_function_without_y_grad(self):
        gradient_check.check_backward(lambda x: F.sum(x * x), self.x, None)

    def test_y_grad_required_for_nonscalar(self):
        with pytest.raises(ValueError, match='y_grad argument cannot'):
            gradient_check.check_backward(lambda x: x * x, self.x, None)

    def test_y_grad_shape_mismatch(self):
        with pytest.raises(ValueError):
            gradient_check.check_backward(
                lambda x: x * x, self.x, numpy.ones((2, 3)))

    def test_params(self):
        w = chainer.Parameter(numpy.random.rand(3, 2))
        gradient_check.check_backward(lambda x: x * w, self.x, self.gy,
                                      params=(w,))
        gradient_check.check_double_backward(
            lambda x: x * x * w, self.x, self.gy, self.ggx, params=(w,),
            params_grad_grad=(numpy.random.rand(3, 2),))

    def test_wrong_param_grad_detected(self):
        class BadParamGrad(chainer.FunctionNode):
            def forward(self, inputs):
                self.retain_inputs((0, 1))
                return inputs[0] * inputs[1],

            def backward(self, indexes, grad_outputs):
                x, w = self.get_retained_inputs()
                gy, = grad_outputs
                return gy * w, gy * x * 2

        w = chainer.Parameter(numpy.random.rand(3, 2))
        with pytest.raises(AssertionError):
            gradient_check.check_backward(
                lambda x: BadParamGrad().apply((x, w))[0], self.x, self.gy,
                params=(w,))

    def test_int_input_gets_no_grad(self):
        idx = numpy.array([2, 0], numpy.int32)
        gradient_check.check_backward(
            lambda x, i: x[i], (self.x, idx), numpy.ones((2, 2)))

    def test_no_grads_argument(self):
        a = numpy.random.rand(3, 2)
        gradient_check.check_backward(
            lambda x, y: x * chainer.Variable(y.array), (self.x, a),
            self.gy, no_grads=[False, True])

    def test_no_grads_violated(self):
        a = numpy.random.rand(3, 2)
        with pytest.raises(RuntimeError, match='must be None'):
            gradient_check.check_backward(
                lambda x, y: x * y, (self.x, a), self.gy,
                no_grads=[False, True])

    def test_no_grads_length_mismatch(self):
        with pytest.raises(ValueError):
            gradient_check.check_backward(
                lambda x: x, self.x, self.gy, no_grads=[False, False])

    def test_multiple_outputs_with_none_grad(self):
        gradient_check.check_backward(
            lambda x: (x * 2, x * x), self.x, (None, self.gy))

    def test_dtype_float64_reference_for_float16(self):
        x = self.x.astype(numpy.float16)
        gy = self.gy.astype(numpy.float16)
        # float16 has an 11-bit mantissa: the analytic gradient carries
        # ~1e-3 relative error, so tolerances are loosened accordingly.
        gradient_check.check_backward(
            lambda v: Cube().apply((v,))[0], x, gy, dtype=numpy.float64,
            atol=1e-2, rtol=1e-2)

    def test_invalid_dtype(self):
        with pytest.raises(ValueError):
            gradient_check.check_backward(lambda x: x, self.x, self.gy,
                                          dtype=numpy.int32)

    def test_detect_nondifferentiable(self):
        x = numpy.array([0.0, 1.0])
        with pytest.raises(gradient_check.NondifferentiableError):
            gradient_check.check_backward(
                F.absolute, x, numpy.ones(2), detect_nondifferentiable=True)


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestCheckBackwardDtypes(object):

    def test_exp(self):
        x = numpy.random.uniform(-1, 1, (4,)).astype(self.dtype)
        gy = numpy.random.uniform(-1, 1, (4,)).astype(self.dtype)
        # Looser tolerance for float16 (11-bit mantissa).
        tol = {'atol': 5e-3, 'rtol': 5e-2} if self.dtype == numpy.float16 \
            else {'atol': 1e-4, 'rtol': 1e-3}
        gradient_check.check_backward(F.exp, x, gy, dtype=numpy.float64,
                                      **tol)

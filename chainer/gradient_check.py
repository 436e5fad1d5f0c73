"""Numerical checks of backward implementations.

:func:`check_backward` compares the analytic gradient (from ``backward``)
with a central finite difference, both projected on one random unit
direction in the joint space of all inputs and parameters.  Projecting
keeps the check O(1) forward evaluations regardless of input size.

Examples
--------
>>> x = numpy.random.uniform(-1, 1, (3, 2)).astype(numpy.float32)
>>> gy = numpy.random.uniform(-1, 1, (3, 2)).astype(numpy.float32)
>>> gradient_check.check_backward(F.exp, x, gy, dtype=numpy.float64)
"""
import io
import math

import numpy

import chainer
from chainer import backend
from chainer import function_node
from chainer import testing
from chainer import variable


class NondifferentiableError(Exception):
    """Raised when a numeric gradient is taken at a kink or jump."""


def _as_tuple(x):
    if isinstance(x, tuple):
        return x
    if isinstance(x, list):
        return tuple(x)
    return x,


def _copy_arrays(xs):
    xp = backend.get_array_module(*[x for x in xs if x is not None])
    return [None if x is None else xp.array(x, dtype=numpy.float64)
            for x in xs]


def numerical_grad(f, inputs, grad_outputs, eps=1e-3,
                   detect_nondifferentiable=False, diff_atol=0,
                   diff_rtol=1e-2, center_outputs=None):
    """Gradient by central differences: sum_j gy_j * dy_j/dx.

    ``f`` takes no arguments; it must read the arrays in ``inputs``, which
    are modified in place element by element.

    Parameters
    ----------
    f : callable
        Returns a tuple of output arrays.
    inputs : tuple of ndarray
        Float arrays (modified temporarily).
    grad_outputs : tuple of ndarray or None
        Upstream gradients (None entries are skipped).
    eps : float
        Step size.
    detect_nondifferentiable : bool
        Also evaluate at +-2 eps and raise :class:`NondifferentiableError`
        when a quadratic does not fit the five samples.
    diff_atol, diff_rtol : float
        Tolerances of that quadratic fit.
    center_outputs : tuple of ndarray, optional
        Outputs at the unperturbed point (saves one evaluation).

    Returns
    -------
    list of ndarray
        One gradient per input, in the input's dtype.

    Examples
    --------
    >>> x = numpy.array([1.0, 2.0])
    >>> gradient_check.numerical_grad(lambda: (x * x,), (x,),
    ...                               (numpy.ones(2),))
    [array([2., 4.])]
    """
    assert eps > 0
    for x in inputs:
        if x.dtype.kind != 'f':
            raise RuntimeError(
                'The dtype of input arrays must be kind of float')
    inputs = tuple(inputs)
    grad_outputs = tuple(grad_outputs)
    xp = backend.get_array_module(*inputs)
    if detect_nondifferentiable:
        eps_scales = (-2, -1, 0, 1, 2)
    else:
        eps_scales = (-1, 1)

    grads = [xp.zeros(x.shape, numpy.float64) for x in inputs]
    for x, gx in zip(inputs, grads):
        orig_x = x.copy()
        for i in numpy.ndindex(x.shape):
            orig = orig_x[i]
            ys_list = []
            for scale in eps_scales:
                if scale == 0 and center_outputs is not None:
                    ys_list.append(_copy_arrays(center_outputs))
                    continue
                x[i] = orig + scale * eps
                ys_list.append(_copy_arrays(_as_tuple(f())))
            x[i] = orig

            if detect_nondifferentiable:
                _detect_nondifferentiable(
                    xp, ys_list, diff_atol, diff_rtol, i, x, eps)
                ym, yp = ys_list[1], ys_list[3]
            else:
                ym, yp = ys_list
            for y1, y2, gy in zip(yp, ym, grad_outputs):
                if gy is None or y1 is None:
                    continue
                if not numpy.isscalar(gy):
                    gy = gy.astype(numpy.float64, copy=False)
                dot = ((y1 - y2) * gy).sum()
                gx[i] += dot / (2 * eps)
    return [g.astype(x.dtype, copy=False) for g, x in zip(grads, inputs)]


def _detect_nondifferentiable(xp, ys_list, diff_atol, diff_rtol, index, x,
                              eps):
    def fail(reason):
        s = io.StringIO()
        s.write('Tried to compute the numeric gradient on a '
                'non-differentiable point.\n\n')
        s.write('i: {}\nx: {}\neps: {}\n'.format(index, x[index], eps))
        s.write('reason: {}\n'.format(reason))
        raise NondifferentiableError(s.getvalue())

    n_out = len(ys_list[0])
    any_nonfinite = False
    for i_out in range(n_out):
        if ys_list[0][i_out] is None:
            continue
        isfinites = [xp.isfinite(ys[i_out]) for ys in ys_list]
        # A change of finiteness within the stencil is a singularity; a
        # consistently non-finite region (log on x < 0) is not.
        if any((isfinites[0] != f).any() for f in isfinites[1:]):
            fail('finiteness of output {} changes'.format(i_out))
        any_nonfinite |= not all(f.all() for f in isfinites)
    if any_nonfinite:
        return
    for i_out in range(n_out):
        if ys_list[0][i_out] is None:
            continue
        stack = xp.stack([ys[i_out].ravel() for ys in ys_list])
        stack = numpy.asarray(backend.CpuDevice().send(stack))
        if stack.shape[1] == 0:
            continue
        t = numpy.arange(len(ys_list), dtype=numpy.float64)
        _, (residuals, _, _, _) = numpy.polynomial.polynomial.polyfit(
            t, stack, deg=2, full=True)
        if residuals.size == 0:
            continue
        residuals = numpy.sqrt(residuals / len(ys_list))
        ymax = stack.max(axis=0)
        ymin = stack.min(axis=0)
        det = diff_atol + diff_rtol * (ymax - ymin) < residuals
        det[ymax == ymin] = False  # a constant output is differentiable
        if det.any():
            fail('outputs {} do not fit a quadratic (residual {})'.format(
                i_out, residuals[det]))


class _GradientSetter(function_node.FunctionNode):
    """Joins all outputs into one scalar whose backward emits ``grad``."""

    def __init__(self, grad):
        self.grad = grad

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        # A 0-dim output makes Variable.backward seed its gradient with 1.
        return xp.zeros((), dtype=numpy.float64),

    def backward(self, indexes, grad_outputs):
        return tuple(None if self.grad[i] is None
                     else variable.Variable(self.grad[i]) for i in indexes)


def _set_y_grad(ys, y_grad):
    if y_grad is not None:
        if len(ys) != len(y_grad):
            raise ValueError(
                'Upstream gradients must contain equally many elements as '
                'number of output elements.\n'
                'Actual: {} != {}'.format(len(ys), len(y_grad)))
        for y, gy in zip(ys, y_grad):
            if y is None or gy is None:
                continue
            if gy.shape != y.shape:
                raise ValueError(
                    'Shape mismatch between output and upstream gradient: '
                    '{} != {}'.format(y.shape, gy.shape))
            if gy.dtype != y.dtype:
                raise ValueError(
                    'dtype mismatch between output and upstream gradient: '
                    '{} != {}'.format(y.dtype, gy.dtype))
    else:
        if len(ys) != 1 or ys[0] is None or ys[0].shape != ():
            raise ValueError(
                'y_grad argument cannot be omitted if the target function '
                'is not a loss function, which has a single output with '
                'shape ().\nActual output shapes: {}'.format(', '.join(
                    str(None if y is None else y.shape) for y in ys)))
        y_grad = (ys[0].xp.ones_like(ys[0].array),)
    pairs = [(y, gy) for y, gy in zip(ys, y_grad) if y is not None]
    setter = _GradientSetter(tuple(gy for _, gy in pairs))
    y_backward, = setter.apply(tuple(y for y, _ in pairs))
    return y_backward, y_grad


def _clear_grads(xs):
    for x in xs:
        if x is not None:
            x.grad_var = None


class _CheckBackward(object):

    def __init__(self, func, x_data, y_grad, params, eps, atol, rtol,
                 no_grads, dtype, detect_nondifferentiable):
        x_data = _as_tuple(x_data)
        if y_grad is not None:
            y_grad = _as_tuple(y_grad)
        params = _as_tuple(params)
        for p in params:
            if not isinstance(p, variable.Variable):
                raise TypeError('params must be Variables, got {}'.format(
                    type(p)))
        if no_grads is None:
            no_grads = [x is None or x.dtype.kind != 'f' for x in x_data]
        else:
            if len(no_grads) != len(x_data):
                raise ValueError(
                    'Length of no_grads param and xs should be same.\n'
                    'Actual: {0} != {1}'.format(len(no_grads), len(x_data)))
        if dtype is not None and numpy.dtype(dtype).kind != 'f':
            raise ValueError('`dtype` is allowed only float type')
        self.func = func
        self.x_data = x_data
        self.y_grad = y_grad
        self.params = params
        self.no_grads = no_grads
        self.eps = eps
        self.atol = atol
        self.rtol = rtol
        self.dtype = dtype
        self.detect_nondifferentiable = detect_nondifferentiable

    def run(self):
        # Type checks were exercised by the forward tests; skipping them
        # here keeps the many numeric evaluations fast.
        with chainer.using_config('type_check', False):
            self._run()

    def _run(self):
        xs, ys = self._forward_for_backward_gradients()
        ys0 = tuple(None if y is None else y.array for y in ys)
        y_backward, y_grad = _set_y_grad(ys, self.y_grad)
        self.y_grad = y_grad
        # func may have called backward itself; start from clean grads.
        _clear_grads(xs)
        _clear_grads(self.params)
        y_backward.backward()

        directions = self._sample_directions()
        gx_backward = self._directional_backward_gradients(xs, directions)
        gx_numeric = self._directional_numeric_gradients(directions, ys0)
        self._compare_gradients(gx_numeric, gx_backward, directions)

    def _forward_for_backward_gradients(self):
        xs = [None if x is None else
              variable.Variable(x, requires_grad=x.dtype.kind == 'f')
              for x in self.x_data]
        ys = _as_tuple(self.func(*xs))
        for y in ys:
            if y is not None and not isinstance(y, variable.Variable):
                raise TypeError(
                    'func must return Variables, got {}'.format(type(y)))
        _clear_grads(xs)
        _clear_grads(self.params)
        return xs, ys

    def _grad_targets(self):
        shapes = [x.shape for x, no_grad in zip(self.x_data, self.no_grads)
                  if not no_grad]
        shapes += [p.shape for p in self.params]
        return shapes

    def _xp(self):
        arrays = [x for x in self.x_data if x is not None]
        arrays += [p.array for p in self.params]
        return backend.get_array_module(*arrays)

    def _sample_directions(self):
        xp = self._xp()
        shapes = self._grad_targets()
        directions = [numpy.random.normal(size=shape) for shape in shapes]
        norm = math.sqrt(sum(float(numpy.square(d).sum())
                             for d in directions))
        if norm != 0:
            directions = [d / norm for d in directions]
        if xp is not numpy:
            directions = [xp.asarray(d) for d in directions]
        return directions

    def _directional_backward_gradients(self, xs, directions):
        gxs = []
        for i, (no_grad, x) in enumerate(zip(self.no_grads, xs)):
            if no_grad:
                if x is not None and x.grad is not None:
                    raise RuntimeError(
                        'gradient of int variable must be None (input '
                        '{})'.format(i))
            else:
                gxs.append(x.grad)
        for p in self.params:
            gxs.append(p.grad)
        gx_accum = 0.0
        for g, d in zip(gxs, directions):
            # A missing gradient is a zero gradient; the numeric gradient
            # still has to agree with that.
            if g is not None:
                gx_accum += float((g.astype(numpy.float64) * d).sum())
        return gx_accum

    def _directional_numeric_gradients(self, directions, y0_data):
        xp = self._xp()
        dtype = self.dtype
        x_data = self.x_data
        params = self.params
        params_data = [p.array for p in params]
        delta = xp.array(0., numpy.float64)

        def cast(data):
            if dtype is None or data is None or data.dtype.kind != 'f':
                return data
            return data.astype(dtype, copy=False)

        def perturb(data, direction):
            out_dtype = data.dtype if dtype is None else dtype
            return xp.asarray(
                (data.astype(numpy.float64) + delta * direction).astype(
                    out_dtype))

        def g():
            # Called with delta = +-eps (and 0, +-2eps when detecting
            # non-differentiable points) by numerical_grad.
            g_x_data = []
            j = 0
            for x, no_grad in zip(x_data, self.no_grads):
                if no_grad:
                    g_x_data.append(cast(x))
                else:
                    g_x_data.append(perturb(x, directions[j]))
                    j += 1
            for param, data in zip(params, params_data):
                param.array = perturb(data, directions[j])
                j += 1
            xs = [None if x is None else variable.Variable(x)
                  for x in g_x_data]
            try:
                ys = _as_tuple(self.func(*xs))
            finally:
                for param, data in zip(params, params_data):
                    param.array = data
            return tuple(None if y is None else y.array for y in ys)

        y_grad = tuple(None if gy is None else cast(gy)
                       for gy in self.y_grad)
        center = None
        if self.detect_nondifferentiable and dtype is None:
            center = y0_data
        gx, = numerical_grad(
            g, (delta,), y_grad, eps=self.eps,
            detect_nondifferentiable=self.detect_nondifferentiable,
            center_outputs=center, diff_atol=0, diff_rtol=self.rtol)
        return float(gx)

    def _compare_gradients(self, gx_numeric, gx_backward, directions):
        try:
            testing.assert_allclose(gx_numeric, gx_backward,
                                    atol=self.atol, rtol=self.rtol)
        except AssertionError as e:
            f = io.StringIO()
            f.write('check_backward failed (eps={} atol={} rtol={})\n'.format(
                self.eps, self.atol, self.rtol))
            for i, x in enumerate(self.x_data):
                f.write('inputs[{}]:\n{}\n'.format(i, x))
            for i, gy in enumerate(self.y_grad):
                f.write('grad_outputs[{}]:\n{}\n'.format(i, gy))
            for i, d in enumerate(directions):
                f.write('directions[{}]:\n{}\n'.format(i, d))
            f.write('gradients (numeric):  {}\n'.format(gx_numeric))
            f.write('gradients (backward): {}\n'.format(gx_backward))
            f.write('\nx: numeric gradient, y: backward gradient\n')
            f.write(str(e))
            raise AssertionError(f.getvalue())


def check_backward(func, x_data, y_grad, params=(), eps=1e-3, atol=1e-5,
                   rtol=1e-4, no_grads=None, dtype=None,
                   detect_nondifferentiable=False):
    """Check ``backward`` of ``func`` against a numerical gradient.

    Parameters
    ----------
    func : callable
        Takes Variables (one per ``x_data`` entry), returns a Variable or
        a tuple of Variables.
    x_data : ndarray or tuple of ndarray
        Inputs; non-float ones get no gradient by default.
    y_grad : ndarray, tuple of ndarray (entries may be None) or None
        Upstream gradients; None only for a function returning a scalar.
    params : Variable or tuple of Variable
        Extra variables (e.g. link parameters) whose gradients are checked.
    eps : float
        Finite-difference step.
    atol, rtol : float
        Tolerances for comparing the directional derivatives.
    no_grads : list of bool, optional
        Inputs whose gradient must be None.
    dtype : dtype-like, optional
        Float dtype the numerical forward runs in (float64 gives a far
        more accurate reference for float16/float32 functions).
    detect_nondifferentiable : bool
        Raise :class:`NondifferentiableError` near kinks.

    Raises
    ------
    AssertionError
        When the gradients differ.

    Examples
    --------
    >>> x = numpy.random.uniform(.5, 1, (3,)).astype(numpy.float64)
    >>> gradient_check.check_backward(F.log, x, numpy.ones(3))
    """
    _CheckBackward(func, x_data, y_grad, params, eps, atol, rtol, no_grads,
                   dtype, detect_nondifferentiable).run()


def check_double_backward(func, x_data, y_grad, x_grad_grad, params=(),
                          params_grad_grad=(), eps=1e-3, atol=1e-4,
                          rtol=1e-3, no_grads=None, dtype=None,
                          detect_nondifferentiable=False):
    """Check the gradient of the gradient (second-order backward).

    The first-order gradients w.r.t. ``x_data`` (and ``params``) are
    computed with ``enable_double_backprop=True`` and checked with
    :func:`check_backward` as functions of ``x_data`` and ``y_grad``.

    Parameters
    ----------
    func, x_data, y_grad, params, eps, atol, rtol, dtype,
    detect_nondifferentiable
        As in :func:`check_backward`.
    x_grad_grad : ndarray or tuple of ndarray
        Upstream gradients of the first-order input gradients (one per
        float input).
    params_grad_grad : ndarray or tuple of ndarray
        Same for ``params``.
    no_grads : list of bool, optional
        Applies to ``x_data + y_grad``.

    Examples
    --------
    >>> x = numpy.random.uniform(-1, 1, (3,))
    >>> gy, ggx = numpy.ones(3), numpy.random.uniform(-1, 1, (3,))
    >>> gradient_check.check_double_backward(F.exp, x, gy, ggx)
    """
    x_data = _as_tuple(x_data)
    params = _as_tuple(params)
    y_grad = _as_tuple(y_grad)
    n_x = len(x_data)
    first_order_no_grads = [x.dtype.kind != 'f' for x in x_data]

    def first_order_grad(*inputs):
        xs = inputs[:n_x]
        gys = inputs[n_x:]
        ys = _as_tuple(func(*xs))
        if len(ys) != len(gys):
            raise ValueError(
                'Number of outputs and y_grad differ: {} != {}'.format(
                    len(ys), len(gys)))
        # Gradients left over from a previous call would be accumulated.
        _clear_grads(xs)
        _clear_grads(params)
        pairs = [(y, gy) for y, gy in zip(ys, gys)
                 if y is not None and gy is not None]
        chainer.backward([y for y, _ in pairs], [gy for _, gy in pairs],
                         enable_double_backprop=True)
        gxs = []
        errors = []
        for i, (no_grad, x) in enumerate(zip(first_order_no_grads, xs)):
            if no_grad:
                if x.grad is not None:
                    errors.append(
                        '[{}]: Gradient was calculated while expected to '
                        'not.'.format(i))
            else:
                gxs.append(x.grad_var)
        if errors:
            raise RuntimeError('\n'.join(errors))
        return tuple(gxs + [p.grad_var for p in params])

    inputs = x_data + y_grad
    grad_grad = _as_tuple(x_grad_grad) + _as_tuple(params_grad_grad)
    try:
        check_backward(first_order_grad, inputs, grad_grad, params=params,
                       eps=eps, atol=atol, rtol=rtol, no_grads=no_grads,
                       dtype=dtype,
                       detect_nondifferentiable=detect_nondifferentiable)
    except AssertionError as e:
        f = io.StringIO()
        f.write('check_double_backward failed '
                '(eps={} atol={} rtol={})\n'.format(eps, atol, rtol))
        for i, x in enumerate(x_data):
            f.write('input[{}]:\n{}\n'.format(i, x))
        for i, gy in enumerate(y_grad):
            f.write('grad_output[{}]:\n{}\n'.format(i, gy))
        for i, ggx in enumerate(_as_tuple(x_grad_grad)):
            f.write('grad_grad_input[{}]:\n{}\n'.format(i, ggx))
        f.write('\n')
        f.write(str(e))
        raise AssertionError(f.getvalue())

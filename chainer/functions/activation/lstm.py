"""Long short-term memory cell step."""
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


def _extract_gates(x):
    # Gates are interleaved along axis 1: x[:, 4k + g] is gate g (a, i,
    # f, o) of unit k.
    r = x.reshape((len(x), x.shape[1] // 4, 4) + x.shape[2:])
    return [r[:, :, i] for i in range(4)]


def _sigmoid(x, xp):
    # tanh form avoids overflow of exp(-x) for very negative x.
    half = x.dtype.type(0.5)
    return xp.tanh(x * half) * half + half


class _Tanh(function_node.FunctionNode):
    """tanh whose backward ``gy * (1 - y^2)`` uses the output Variable."""

    def forward(self, inputs):
        x, = inputs
        self.retain_outputs((0,))
        return backend.get_array_module(x).tanh(x),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        return gy * (1 - y * y),


class _Sigmoid(function_node.FunctionNode):
    """Logistic sigmoid; backward ``gy * y * (1 - y)`` via Variables."""

    def forward(self, inputs):
        x, = inputs
        self.retain_outputs((0,))
        return _sigmoid(x, backend.get_array_module(x)),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        return gy * y * (1 - y),


class LSTM(function_node.FunctionNode):
    """One LSTM step on ``(c_prev, x)`` returning ``(c, h)``.

    Only the first ``len(x)`` rows of ``c_prev`` are updated; the rest are
    copied to ``c`` (mini-batches that shrink over time).
    """

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('c', 'x'))
        c_type, x_type = in_types
        type_check.expect(
            c_type.dtype.kind == 'f',
            x_type.dtype == c_type.dtype,
            c_type.ndim >= 2,
            x_type.ndim >= 2,
            c_type.ndim == x_type.ndim,
            x_type.shape[0] <= c_type.shape[0],
            x_type.shape[1] == 4 * c_type.shape[1],
        )
        for i in range(2, type_check.eval(c_type.ndim)):
            type_check.expect(x_type.shape[i] == c_type.shape[i])

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        c_prev, x = inputs
        xp = backend.get_array_module(c_prev, x)
        batch = len(x)
        a, i, f, o = _extract_gates(x)
        a = xp.tanh(a)
        i = _sigmoid(i, xp)
        f = _sigmoid(f, xp)
        o = _sigmoid(o, xp)
        c_next = c_prev.copy()
        c_next[:batch] = a * i + f * c_prev[:batch]
        h = o * xp.tanh(c_next[:batch])
        return c_next, h

    def backward(self, indexes, grad_outputs):
        # The step is rebuilt from differentiable nodes so that the
        # returned gradients can be differentiated again.
        from chainer.functions.array.concat import concat
        from chainer.functions.array.get_item import get_item
        from chainer.functions.array.reshape import reshape
        from chainer.functions.array.stack import stack
        c_prev, x = self.get_retained_inputs()
        gc, gh = grad_outputs
        xp = backend.get_array_module(x.array)
        batch = len(x)
        dtype = x.dtype
        if gc is None:
            gc = xp.zeros(c_prev.shape, dtype)
        if gh is None:
            gh = xp.zeros((batch,) + c_prev.shape[1:], dtype)

        r = reshape(x, (batch, x.shape[1] // 4, 4) + x.shape[2:])
        a_in, i_in, f_in, o_in = [get_item(r, (slice(None), slice(None), k))
                                  for k in range(4)]
        a, = _Tanh().apply((a_in,))
        i, = _Sigmoid().apply((i_in,))
        f, = _Sigmoid().apply((f_in,))
        o, = _Sigmoid().apply((o_in,))
        c_prev_b = get_item(c_prev, slice(0, batch))
        c, = _Tanh().apply((a * i + f * c_prev_b,))
        tanh_c = c  # tanh of the new cell state

        gc_b = get_item(gc, slice(0, batch))
        gc_total = gc_b + gh * o * (1 - tanh_c * tanh_c)
        ret = []
        if 0 in indexes:
            gc_prev = gc_total * f
            if batch < c_prev.shape[0]:
                # Rows beyond the batch were copied through unchanged.
                rest = get_item(gc, slice(batch, None))
                gc_prev = concat((gc_prev, rest), axis=0)
            ret.append(gc_prev)
        if 1 in indexes:
            ga = gc_total * i * (1 - a * a)
            gi = gc_total * a * i * (1 - i)
            gf = gc_total * c_prev_b * f * (1 - f)
            go = gh * tanh_c * o * (1 - o)
            gx = stack((ga, gi, gf, go), axis=2)
            ret.append(reshape(gx, x.shape))
        return ret


def lstm(c_prev, x):
    """Long Short-Term Memory units as an activation function.

    With the four gate pre-activations :math:`a, i, f, o` taken from
    ``x``,

    .. math::
        c &= \\tanh(a)\\,\\sigma(i) + c_{prev}\\,\\sigma(f), \\\\
        h &= \\tanh(c)\\,\\sigma(o).

    Parameters
    ----------
    c_prev : Variable or ndarray
        Previous cell state, shape ``(B, n_units, ...)``.
    x : Variable or ndarray
        Gate pre-activations of shape ``(B', 4 * n_units, ...)`` with
        ``B' <= B``.  Gates are interleaved along the second axis:
        ``x[:, 4k]``, ``x[:, 4k + 1]``, ``x[:, 4k + 2]`` and
        ``x[:, 4k + 3]`` are the ``a``, ``i``, ``f`` and ``o`` inputs of
        unit ``k``.  Rows of ``c_prev`` beyond ``B'`` are passed through.

    Returns
    -------
    tuple of Variable
        ``(c, h)``: the new cell state (shape of ``c_prev``) and the
        output, shape ``(B', n_units, ...)``.

    Examples
    --------
    >>> c_prev = numpy.zeros((3, 2), numpy.float32)
    >>> x = numpy.zeros((3, 8), numpy.float32)
    >>> c, h = F.lstm(c_prev, x)
    >>> c.shape, h.shape
    ((3, 2), (3, 2))
    """
    return LSTM().apply((c_prev, x))

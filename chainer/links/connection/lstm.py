"""LSTM layers: stateful :class:`LSTM` and :class:`StatelessLSTM`."""
import chainer
from chainer import initializers
from chainer import link
from chainer.links.connection import linear
from chainer import utils
from chainer import variable


def _extract_gates(x):
    # The pre-activation of the four gates is interleaved along axis 1
    # (a, i, f, o, a, i, f, o, ...), the layout chainer.functions.lstm uses.
    r = x.reshape((len(x), x.shape[1] // 4, 4) + x.shape[2:])
    return [r[:, :, i] for i in range(4)]


class LSTMBase(link.Chain):
    """Parameters shared by the LSTM links: ``upward`` and ``lateral``.

    ``upward`` maps the input to the ``4 * out_size`` gate
    pre-activations, ``lateral`` maps the previous output.
    """

    def __init__(self, in_size, out_size=None, lateral_init=None,
                 upward_init=None, bias_init=None, forget_bias_init=None):
        if out_size is None:
            out_size, in_size = in_size, None
        super(LSTMBase, self).__init__()
        if bias_init is None:
            bias_init = 0
        if forget_bias_init is None:
            forget_bias_init = 1
        self.state_size = out_size
        self.lateral_init = lateral_init
        self.upward_init = upward_init
        self.bias_init = bias_init
        self.forget_bias_init = forget_bias_init
        with self.init_scope():
            self.upward = linear.Linear(in_size, 4 * out_size, initialW=0)
            self.lateral = linear.Linear(out_size, 4 * out_size, initialW=0,
                                         nobias=True)
            if in_size is not None:
                self._initialize_params()

    def _initialize_params(self):
        lateral_init = initializers._get_initializer(self.lateral_init)
        upward_init = initializers._get_initializer(self.upward_init)
        bias_init = initializers._get_initializer(self.bias_init)
        forget_bias_init = initializers._get_initializer(
            self.forget_bias_init)
        n = self.state_size
        # Each gate block is initialised separately so fan-in/fan-out
        # based initializers see the per-gate shape.
        for i in range(0, 4 * n, n):
            lateral_init(self.lateral.W.array[i:i + n, :])
            upward_init(self.upward.W.array[i:i + n, :])
        a, i, f, o = _extract_gates(
            self.upward.b.array.reshape(1, 4 * n, 1))
        bias_init(a)
        bias_init(i)
        forget_bias_init(f)
        bias_init(o)


class StatelessLSTM(LSTMBase):
    """LSTM layer that takes and returns the state explicitly.

    Call as ``c_new, h_new = lstm(c, h, x)``; ``c`` and ``h`` may be None
    at the first step.

    Examples
    --------
    >>> lstm = chainer.links.StatelessLSTM(3, 4)
    >>> lstm.upward.W.shape, lstm.lateral.W.shape
    ((16, 3), (16, 4))
    """

    def forward(self, c, h, x):
        """Return ``(c_new, h_new)`` for one step."""
        if self.upward.W.array is None:
            in_size = utils.size_of_shape(x.shape[1:])
            self.upward._initialize_params(in_size)
            self._initialize_params()
        lstm_in = self.upward(x)
        if h is not None:
            lstm_in += self.lateral(h)
        if c is None:
            xp = self.xp
            with chainer.using_device(self.device):
                c = variable.Variable(
                    xp.zeros((x.shape[0], self.state_size), dtype=x.dtype))
        return chainer.functions.lstm(c, lstm_in)


class LSTM(LSTMBase):
    """Fully-connected LSTM layer that keeps its state between calls.

    Parameters
    ----------
    in_size : int or None
        None (or a single argument) defers the input size to the first
        call.
    out_size : int
    lateral_init, upward_init : initializer, optional
        For the recurrent and input weights (default LeCunNormal).
    bias_init : initializer, optional
        Bias of the input, cell and output gates (default 0).
    forget_bias_init : initializer, optional
        Bias of the forget gate (default 1).

    Attributes
    ----------
    c, h : Variable or None
        Cell state and output of the previous step.

    Examples
    --------
    >>> lstm = chainer.links.LSTM(3, 2)
    >>> lstm.h is None
    True
    >>> lstm.upward.b.array.reshape(2, 4)[:, 2]   # forget-gate bias
    array([1., 1.], dtype=float32)
    """

    def __init__(self, in_size, out_size=None, lateral_init=None,
                 upward_init=None, bias_init=None, forget_bias_init=None):
        if out_size is None:
            in_size, out_size = None, in_size
        super(LSTM, self).__init__(in_size, out_size, lateral_init,
                                   upward_init, bias_init, forget_bias_init)
        self.reset_state()

    def _to_device_self(self, device):
        super(LSTM, self)._to_device_self(device)
        if self.c is not None:
            self.c.to_device(device)
        if self.h is not None:
            self.h.to_device(device)

    def set_state(self, c, h):
        """Set the cell state and output (Variables)."""
        if not isinstance(c, variable.Variable) or \
                not isinstance(h, variable.Variable):
            raise TypeError('c and h must be Variables')
        c.to_device(self.device)
        h.to_device(self.device)
        self.c = c
        self.h = h

    def reset_state(self):
        """Forget the state (start a new sequence)."""
        self.c = self.h = None

    def forward(self, x):
        """Run one step; the batch may shrink (but not grow) over time."""
        if self.upward.W.array is None:
            in_size = utils.size_of_shape(x.shape[1:])
            self.upward._initialize_params(in_size)
            self._initialize_params()
        batch = x.shape[0]
        lstm_in = self.upward(x)
        h_rest = None
        if self.h is not None:
            h_size = self.h.shape[0]
            if batch == 0:
                h_rest = self.h
            elif h_size < batch:
                raise TypeError('The batch size of x must be equal to or '
                                'less than the size of the previous state h.')
            elif h_size > batch:
                h_update = self.h[:batch]
                h_rest = self.h[batch:]
                lstm_in += self.lateral(h_update)
            else:
                lstm_in += self.lateral(self.h)
        if self.c is None:
            with chainer.using_device(self.device):
                self.c = variable.Variable(self.xp.zeros(
                    (batch, self.state_size), dtype=x.dtype))
        self.c, y = chainer.functions.lstm(self.c, lstm_in)
        if h_rest is None:
            self.h = y
        elif len(y.array) == 0:
            self.h = h_rest
        else:
            self.h = chainer.functions.concat([y, h_rest], axis=0)
        return y

"""Fully-connected layer."""
import chainer
from chainer import initializers
from chainer import link
from chainer import utils
from chainer import variable


class Linear(link.Link):
    """Fully-connected layer ``y = x W^T + b``.

    Parameters
    ----------
    in_size : int or None
        Input size; None defers creating ``W`` to the first call.  When
        only one positional size is given it is the output size.
    out_size : int, optional
    nobias : bool
        If True there is no bias (``b`` is None).
    initialW : initializer, scalar or array, optional
        Defaults to :class:`~chainer.initializers.LeCunNormal`.
    initial_bias : initializer, scalar or array, optional
        Defaults to 0.

    Attributes
    ----------
    W : Parameter
        Shape ``(out_size, in_size)``.
    b : Parameter or None
        Shape ``(out_size,)``.

    Examples
    --------
    >>> l = chainer.links.Linear(2)   # lazy: input size found on call
    >>> l.W.array is None
    True
    >>> l(numpy.ones((1, 5), numpy.float32)).shape
    (1, 2)
    >>> l.W.shape
    (2, 5)
    """

    def __init__(self, in_size, out_size=None, nobias=False,
                 initialW=None, initial_bias=None):
        super(Linear, self).__init__()
        if out_size is None:
            in_size, out_size = None, in_size
        self.in_size = in_size
        self.out_size = out_size
        with self.init_scope():
            W_initializer = initializers._get_initializer(initialW)
            self.W = variable.Parameter(W_initializer)
            if in_size is not None:
                self._initialize_params(in_size)
            if nobias:
                self.b = None
            else:
                if initial_bias is None:
                    initial_bias = 0
                bias_initializer = initializers._get_initializer(initial_bias)
                self.b = variable.Parameter(bias_initializer, out_size)

    def _initialize_params(self, in_size):
        self.W.initialize((self.out_size, in_size))

    def forward(self, x, n_batch_axes=1):
        """Apply the layer.

        Parameters
        ----------
        x : Variable or array
        n_batch_axes : int
            Leading axes treated as batch; the rest are flattened.
        """
        if self.W.array is None:
            in_size = utils.size_of_shape(x.shape[n_batch_axes:])
            self._initialize_params(in_size)
        F = chainer.functions
        if n_batch_axes == 1:
            return F.linear(x, self.W, self.b)
        return F.linear(x, self.W, self.b, n_batch_axes=n_batch_axes)

    def __repr__(self):
        return '{}(in_size={}, out_size={}, nobias={})'.format(
            type(self).__name__,
            None if self.W.array is None else self.W.shape[1],
            self.out_size, self.b is None)

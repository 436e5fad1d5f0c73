"""Maximum over groups of units: ``maxout``."""
from chainer import backend
from chainer import function_node
from chainer.functions.array.reshape import reshape
from chainer import utils
from chainer.utils import type_check


class Maxout(function_node.FunctionNode):
    """Max over consecutive groups of ``pool_size`` entries on ``axis``."""

    def __init__(self, pool_size, axis):
        self.pool_size = pool_size
        self.axis = axis

    @property
    def label(self):
        return 'maxout'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim > self.axis,
            -x_type.ndim <= self.axis,
        )
        type_check.expect(
            x_type.shape[self.axis] % self.pool_size == 0)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        axis = self.axis % x.ndim
        self._axis = axis
        shape = (x.shape[:axis] + (x.shape[axis] // self.pool_size,
                                   self.pool_size) + x.shape[axis + 1:])
        x = x.reshape(shape)
        # One-hot mask of the (first) maximum: ties send the gradient to a
        # single entry, as an argmax-based max does.
        idx = xp.expand_dims(x.argmax(axis=axis + 1), axis + 1)
        pool_shape = [1] * x.ndim
        pool_shape[axis + 1] = self.pool_size
        self.mask = xp.arange(self.pool_size).reshape(pool_shape) == idx
        self._grouped_shape = shape
        return utils.force_array(x.max(axis=axis + 1), x.dtype),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        axis = self._axis
        # Scatter gy to the argmax positions: a product with a constant
        # mask, hence differentiable again.
        expanded = gy.shape[:axis + 1] + (1,) + gy.shape[axis + 1:]
        gx = reshape(gy, expanded) * self.mask
        return reshape(gx, self.inputs[0].shape),


def maxout(x, pool_size, axis=1):
    """Maxout activation.

    Splits ``axis`` into groups of ``pool_size`` consecutive entries and
    keeps the maximum of each:

    .. math::
        y_{i} = \\max_{0 \\le k < p} x_{i p + k}

    Parameters
    ----------
    x : Variable or ndarray
        Input whose ``x.shape[axis]`` is a multiple of ``pool_size``.
    pool_size : int
        Number of entries in each group (``p``).
    axis : int
        Axis to pool over (negative values count from the end).

    Returns
    -------
    Variable
        Output whose ``axis`` is ``pool_size`` times smaller.

    Raises
    ------
    ValueError
        If ``pool_size`` is not positive.
    chainer.utils.type_check.InvalidType
        If ``x.shape[axis]`` is not a multiple of ``pool_size``.

    Examples
    --------
    >>> x = numpy.array([[0, 1, 2, 3, 5, 4]], numpy.float32)
    >>> F.maxout(x, 2).array
    array([[1., 3., 5.]], dtype=float32)
    """
    if pool_size <= 0:
        raise ValueError('pool_size must be a positive integer.')
    y, = Maxout(pool_size, axis).apply((x,))
    return y

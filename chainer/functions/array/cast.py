"""dtype conversion."""
import numpy

from chainer import function_node
from chainer.utils import type_check


class Cast(function_node.FunctionNode):
    """Convert to dtype ``typ``; the gradient is cast back."""

    def __init__(self, typ):
        self.type = numpy.dtype(typ)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def forward(self, x):
        self._in_type = x[0].dtype
        return x[0].astype(self.type, copy=False),

    def backward(self, indexes, g):
        if self._in_type.kind != 'f':
            # Gradients are defined for floating inputs only.
            return None,
        return cast(g[0], self._in_type),


def cast(x, typ):
    """Cast an array to a dtype.

    Parameters
    ----------
    x : Variable or ndarray
    typ : dtype-like

    Returns
    -------
    Variable

    Examples
    --------
    >>> F.cast(numpy.array([1, 2]), numpy.float32).dtype
    dtype('float32')
    """
    return Cast(typ).apply((x,))[0]

"""Depth-wise concatenation (along the third axis)."""
import numpy

from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Dstack(function_node.FunctionNode):
    """``xp.dstack``: inputs are promoted to 3-D, joined along axis 2."""

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        type_check._argname((in_types[0],), ('x0',))
        ndim = type_check.eval(in_types[0].ndim)
        for i in range(1, type_check.eval(in_types.size())):
            type_check._argname((in_types[i],), ('x{}'.format(i),))
            type_check.expect(
                in_types[0].dtype == in_types[i].dtype,
                in_types[0].ndim == in_types[i].ndim,
            )
            if ndim <= 2:
                type_check.expect(in_types[0].shape == in_types[i].shape)
                continue
            for d in range(ndim):
                if d == 2:
                    continue
                type_check.expect(in_types[0].shape[d] == in_types[i].shape[d])

    def forward(self, xs):
        xp = backend.get_array_module(*xs)
        return xp.dstack(xs),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.reshape import reshape
        from chainer.functions.array.split_axis import split_axis
        gy, = grad_outputs
        shapes = [x.shape for x in self.inputs]
        ndim = len(shapes[0])
        # Inputs with ndim < 3 got a trailing length-1 axis.
        sizes = numpy.array(
            [s[2] if ndim >= 3 else 1 for s in shapes[:-1]]).cumsum()
        gxs = split_axis(gy, sizes, 2)
        return tuple(reshape(gxs[i], shapes[i]) for i in indexes)


def dstack(xs):
    """Concatenate variables along the third axis (depth-wise).

    Parameters
    ----------
    xs : list of Variable or ndarray
        Arrays of the same ndim and dtype.  Arrays with ndim < 3 must have
        equal shapes and are viewed as ``(1, N, 1)`` (1-D) or ``(M, N, 1)``
        (2-D); higher ones must agree except along axis 2.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x1 = numpy.array(((1, 2), (3, 4)))
    >>> x2 = numpy.array(((5, 6), (7, 8)))
    >>> F.dstack((x1, x2)).shape
    (2, 2, 2)
    """
    y, = Dstack().apply(xs)
    return y

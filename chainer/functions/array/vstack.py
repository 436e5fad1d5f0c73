"""Vertical (row-wise) concatenation."""
import numpy

from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Vstack(function_node.FunctionNode):
    """``xp.vstack``: 0-d/1-d inputs become rows; joins along axis 0."""

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
            if ndim <= 1:
                type_check.expect(in_types[0].shape == in_types[i].shape)
                continue
            for d in range(1, ndim):
                type_check.expect(in_types[0].shape[d] == in_types[i].shape[d])

    def forward(self, xs):
        xp = backend.get_array_module(*xs)
        return xp.vstack(xs),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.reshape import reshape
        from chainer.functions.array.split_axis import split_axis
        gy, = grad_outputs
        shapes = [x.shape for x in self.inputs]
        ndim = len(shapes[0])
        # Low-dimensional inputs each contributed one row.
        sizes = numpy.array(
            [s[0] if ndim >= 2 else 1 for s in shapes[:-1]]).cumsum()
        gxs = split_axis(gy, sizes, 0)
        return tuple(reshape(gxs[i], shapes[i]) for i in indexes)


def vstack(xs):
    """Concatenate variables vertically (row-wise).

    Parameters
    ----------
    xs : list of Variable or ndarray
        Arrays of the same ndim and dtype.  0-d and 1-d arrays must have
        equal shapes and each becomes one row; higher ones are joined
        along axis 0, where the other axes must agree.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x1 = numpy.array((1, 2, 3))
    >>> x2 = numpy.array((2, 3, 4))
    >>> F.vstack((x1, x2)).array
    array([[1, 2, 3],
           [2, 3, 4]])
    """
    y, = Vstack().apply(xs)
    return y

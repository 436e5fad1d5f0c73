"""Horizontal (column-wise) concatenation."""
import numpy

from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Hstack(function_node.FunctionNode):
    """``xp.hstack``: axis 0 for 0-d/1-d inputs, axis 1 otherwise."""

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
                continue
            for d in range(ndim):
                if d == 1:
                    continue
                type_check.expect(in_types[0].shape[d] == in_types[i].shape[d])

    def forward(self, xs):
        xp = backend.get_array_module(*xs)
        return xp.hstack(xs),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.reshape import reshape
        from chainer.functions.array.split_axis import split_axis
        gy, = grad_outputs
        shapes = [x.shape for x in self.inputs]
        ndim = len(shapes[0])
        axis = 1 if ndim >= 2 else 0
        # 0-d inputs became length-1 pieces of a vector.
        sizes = numpy.array(
            [s[axis] if ndim else 1 for s in shapes[:-1]]).cumsum()
        gxs = split_axis(gy, sizes, axis)
        return tuple(reshape(gxs[i], shapes[i]) for i in indexes)


def hstack(xs):
    """Concatenate variables horizontally (column-wise).

    Parameters
    ----------
    xs : list of Variable or ndarray
        Arrays of the same ndim and dtype.  0-d and 1-d arrays are joined
        along axis 0; higher ones along axis 1, where other axes must
        agree.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x1 = numpy.array((1, 2, 3))
    >>> x2 = numpy.array((2, 3, 4))
    >>> F.hstack((x1, x2)).array
    array([1, 2, 3, 2, 3, 4])
    """
    y, = Hstack().apply(xs)
    return y

"""Classification accuracy: ``accuracy``."""
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Accuracy(function_node.FunctionNode):
    """Fraction of samples whose argmax over axis 1 equals the label."""

    def __init__(self, ignore_label=None):
        self.ignore_label = ignore_label

    @property
    def label(self):
        return 'accuracy'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            t_type.dtype.kind == 'i',
        )
        t_ndim = type_check.eval(t_type.ndim)
        type_check.expect(
            x_type.ndim >= t_type.ndim,
            x_type.shape[0] == t_type.shape[0],
            x_type.shape[2: t_ndim + 1] == t_type.shape[1:],
        )
        for i in range(t_ndim + 1, type_check.eval(x_type.ndim)):
            # Trailing axes of x beyond t are allowed only with size 1.
            type_check.expect(x_type.shape[i] == 1)

    def forward(self, inputs):
        y, t = inputs
        xp = backend.get_array_module(*inputs)
        pred = y.argmax(axis=1).reshape(t.shape)
        if self.ignore_label is None:
            return xp.asarray((pred == t).mean(dtype=y.dtype)),
        mask = t != self.ignore_label
        total = mask.sum()
        count = ((pred == t) & mask).sum()
        # Computed on the device, with no read-back of the counts; when
        # every label is ignored, count is 0 and the result 0, not 0 / 0.
        return xp.asarray(count / xp.maximum(total, 1), dtype=y.dtype),

    def backward(self, indexes, grad_outputs):
        # Accuracy is piecewise constant: no gradient flows back.
        return (None,) * len(indexes)


def accuracy(y, t, ignore_label=None):
    """Fraction of correct predictions in a minibatch.

    .. math::
        \\mathrm{acc} = \\frac{1}{|S|}
            \\sum_{i \\in S} [\\arg\\max_c y_{ic} = t_i]

    where :math:`S` holds the samples whose label is not
    ``ignore_label``.

    Parameters
    ----------
    y : Variable or ndarray
        Scores of shape ``(B, C, ...)`` and a floating point dtype.
    t : Variable or ndarray
        Integer labels of shape ``(B, ...)``.
    ignore_label : int or None
        Label excluded from both the count and the total.  When every
        label is ignored the accuracy is 0.

    Returns
    -------
    Variable
        Scalar with the dtype of ``y``; not differentiable.

    Examples
    --------
    >>> y = numpy.array([[.1, .7, .2], [8., 1., 2.], [-8., 1., 2.]],
    ...                 numpy.float32)
    >>> t = numpy.array([1, 0, 0], numpy.int32)
    >>> F.accuracy(y, t).array
    array(0.6666667, dtype=float32)
    >>> F.accuracy(y, numpy.array([1, 0, -1], numpy.int32),
    ...            ignore_label=-1).array
    array(1., dtype=float32)
    """
    acc, = Accuracy(ignore_label=ignore_label).apply((y, t))
    return acc

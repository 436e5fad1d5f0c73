"""Padding an array (``numpy.pad`` / ``cupy.pad``)."""
import numpy

from chainer import backend
from chainer import function_node
from chainer.utils import type_check

# Modes whose output is a pure gather of input elements along each axis
# (with ``reflect_type='even'``, the default); their gradient is a
# scatter-add over the same indices.
_GATHER_MODES = ('edge', 'reflect', 'symmetric', 'wrap')


class Pad(function_node.FunctionNode):
    """Pad with ``xp.pad(x, pad_width, mode, **keywords)``.

    Gradients are supported for ``'constant'`` (padding values are
    constants, so the gradient is the central slice) and for the gather
    modes ``'edge'``, ``'reflect'``, ``'symmetric'`` and ``'wrap'``.
    """

    def __init__(self, pad_width, mode, **keywords):
        self.pad_width = pad_width
        self.mode = mode
        self.keywords = keywords

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def _pad_bw(self, ndim):
        # Every accepted pad_width form broadcasts to (ndim, 2).
        return numpy.broadcast_to(
            numpy.asarray(self.pad_width, dtype=numpy.int64), (ndim, 2))

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.pad(x, self.pad_width, mode=self.mode, **self.keywords),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.get_item import GetItemGrad
        from chainer.functions.array.get_item import get_item
        gy, = grad_outputs
        in_shape = self.inputs[0].shape
        pad_bw = self._pad_bw(len(in_shape))
        if self.mode == 'constant':
            slices = tuple(slice(int(b), int(b) + n)
                           for n, (b, _) in zip(in_shape, pad_bw))
            return get_item(gy, slices),
        if (self.mode in _GATHER_MODES and
                self.keywords.get('reflect_type', 'even') == 'even'):
            # Output index along each axis -> input index along that axis.
            # Padding is separable, so y = x[ix_(m_0, m_1, ...)].
            maps = [numpy.pad(numpy.arange(n), (int(b), int(a)),
                              mode=self.mode)
                    for n, (b, a) in zip(in_shape, pad_bw)]
            xp = backend.get_array_module(gy)
            index = tuple(xp.asarray(m) for m in numpy.ix_(*maps))
            return GetItemGrad(index, in_shape).apply((gy,))
        raise NotImplementedError(
            'gradient of pad is not implemented for mode={!r} with '
            'keywords {}'.format(self.mode, self.keywords))


def pad(x, pad_width, mode, **keywords):
    """Pad an array.

    Parameters
    ----------
    x : Variable or ndarray
        Float input array.
    pad_width : int or array-like
        Number of values padded to the edges of each axis, in any form
        accepted by :func:`numpy.pad` (``n``, ``(before, after)`` or
        ``((before_1, after_1), ..., (before_N, after_N))``).
    mode : str
        Padding mode passed to :func:`numpy.pad` / ``cupy.pad``, e.g.
        ``'constant'`` (pad with ``constant_values``, 0 by default),
        ``'edge'``, ``'reflect'``, ``'symmetric'`` or ``'wrap'``.  Other
        modes compute the forward pass only.
    **keywords
        Passed on to ``pad`` (for example ``constant_values``).

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.array([1., 2., 3.], numpy.float32)
    >>> F.pad(x, (1, 2), 'constant').array
    array([0., 1., 2., 3., 0., 0.], dtype=float32)
    >>> F.pad(x, 2, 'reflect').array
    array([3., 2., 1., 2., 3., 2., 1.], dtype=float32)
    """
    y, = Pad(pad_width, mode, **keywords).apply((x,))
    return y

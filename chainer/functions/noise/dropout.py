"""Dropout regularization: ``dropout``."""
import numpy

import chainer
from chainer import backend
from chainer.backends import cuda
from chainer import configuration
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


class Dropout(function_node.FunctionNode):
    """Multiply by a random mask of ``0`` and ``1 / (1 - ratio)``.

    Attributes
    ----------
    mask : ndarray or None
        The scaled mask used by the last forward (or the one given).
    """

    def __init__(self, dropout_ratio, mask=None, return_mask=False):
        if not 0.0 <= dropout_ratio < 1.0:
            raise ValueError('dropout_ratio must be in the range [0, 1)')
        self.dropout_ratio = dropout_ratio
        self.mask = mask
        self.return_mask = return_mask

    @property
    def label(self):
        return 'dropout'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        if self.mask is None:
            xp = backend.get_array_module(x)
            # Scaling the kept units by 1 / (1 - ratio) keeps the expected
            # activation unchanged, so nothing changes at test time.
            scale = x.dtype.type(1. / (1 - self.dropout_ratio))
            if isinstance(x, cuda.ndarray):
                # Mask and output in one kernel; float32 uniforms (as in
                # Chainer) halve the random bits to draw.
                rand = xp.random.rand(*x.shape, dtype=numpy.float32)
                self.mask, y = cuda.elementwise(
                    'T x, R r, T scale, R ratio', 'T mask, T y',
                    '''mask = scale * T(r >= ratio ? 1 : 0);
                       y = x * mask;''',
                    'dropout_fwd')(x, rand, scale, self.dropout_ratio)
                return y,
            flag = xp.random.rand(*x.shape) >= self.dropout_ratio
            self.mask = utils.force_array(scale * flag, x.dtype)
        elif self.mask.shape != x.shape:
            raise ValueError(
                'mask shape {} does not match the input shape {}'.format(
                    self.mask.shape, x.shape))
        return utils.force_array(x * self.mask, x.dtype),

    def backward(self, indexes, grad_outputs):
        return DropoutGrad(self.mask).apply(grad_outputs)


class DropoutGrad(function_node.FunctionNode):
    """``gy * mask``; linear, so its own derivative has the same form."""

    def __init__(self, mask):
        self.mask = mask

    def forward(self, inputs):
        gy, = inputs
        return utils.force_array(gy * self.mask, gy.dtype),

    def backward(self, indexes, grad_outputs):
        return DropoutGrad(self.mask).apply(grad_outputs)


def _parse_kwargs(kwargs):
    if 'train' in kwargs:
        raise ValueError(
            'train argument is not supported anymore. '
            'Use chainer.using_config')
    mask = kwargs.pop('mask', None)
    return_mask = kwargs.pop('return_mask', False)
    if kwargs:
        raise TypeError(
            'dropout() got unexpected keyword argument(s) {}'.format(
                ', '.join(repr(k) for k in sorted(kwargs))))
    return mask, return_mask


def dropout(x, ratio=.5, **kwargs):
    """Drop elements of ``x`` at random during training.

    In training mode (``chainer.config.train`` is True) each element is
    zeroed with probability ``ratio`` and the others are scaled:

    .. math:: y = \\frac{m \\odot x}{1 - \\mathrm{ratio}},
              \\quad m_i \\sim \\mathrm{Bernoulli}(1 - \\mathrm{ratio})

    Outside training ``x`` is returned as a Variable unchanged.

    Parameters
    ----------
    x : Variable or ndarray
        Input of a floating point dtype.
    ratio : float
        Probability of dropping an element, in ``[0, 1)``.
    mask : ndarray, optional
        Keyword only.  Scaled mask to use instead of a random one (values
        ``0`` and ``1 / (1 - ratio)``, shape of ``x``), e.g. one returned
        earlier with ``return_mask=True``.
    return_mask : bool, optional
        Keyword only.  Also return the mask used (None outside training).

    Returns
    -------
    Variable or tuple of (Variable, ndarray or None)
        The output, and the mask when ``return_mask`` is True.

    Examples
    --------
    >>> x = numpy.ones((2, 3), numpy.float32)
    >>> with chainer.using_config('train', False):
    ...     y = F.dropout(x)
    >>> bool((y.array == x).all())
    True
    >>> y, mask = F.dropout(x, ratio=0.5, return_mask=True)
    >>> bool(numpy.isin(mask, [0., 2.]).all())
    True
    >>> bool((y.array == x * mask).all())
    True
    """
    mask, return_mask = _parse_kwargs(dict(kwargs))
    if configuration.config.train:
        func = Dropout(ratio, mask, return_mask)
        out, = func.apply((x,))
        mask = func.mask
    else:
        out = chainer.as_variable(x)
        mask = None
    if return_mask:
        return out, mask
    return out

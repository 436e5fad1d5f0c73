"""Scaled exponential linear unit: ``selu``."""
from chainer.functions.activation.elu import elu as _elu


def selu(x,
         alpha=1.6732632423543772848170429916717,
         scale=1.0507009873554804934193349852946):
    """Scaled exponential linear unit.

    .. math::
        f(x) = \\lambda \\begin{cases} x & (x > 0) \\\\
                              \\alpha (\\exp(x) - 1) & (x \\le 0)
               \\end{cases}

    The default ``alpha`` and ``scale`` (``lambda``) make activations
    self-normalizing (Klambauer et al., 2017).

    Parameters
    ----------
    x : Variable or ndarray
        Input of a floating point dtype.
    alpha : float
        Scale of the exponential part.
    scale : float
        Overall scale ``lambda``.

    Returns
    -------
    Variable
        Output with the shape and dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([[-1, 0], [2, -3]], numpy.float32)
    >>> F.selu(x).array
    array([[-1.1113307,  0.       ],
           [ 2.101402 , -1.6705688]], dtype=float32)
    """
    return scale * _elu(x, alpha=alpha)

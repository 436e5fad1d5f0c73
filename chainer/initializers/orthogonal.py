"""Orthogonal initializer (Saxe et al., 2014)."""
import numpy

from chainer import backend
from chainer import initializer
from chainer import utils
from chainer.initializers.constant import _check_dtype

# mode -> (requires in_dim <= out_dim, requires in_dim >= out_dim)
_orthogonal_constraints = {
    'auto': (False, False),
    'projection': (True, False),
    'embedding': (False, True),
    'basis': (True, True),
}


class Orthogonal(initializer.Initializer):
    """Fill with a scaled (semi-)orthogonal matrix.

    The array is viewed as ``(out_dim, in_dim)`` with ``out_dim =
    shape[0]``; its rows (or columns, whichever are fewer) are orthonormal
    vectors times ``scale``.

    Parameters
    ----------
    scale : float
    dtype : dtype-like, optional
    mode : {'auto', 'projection', 'embedding', 'basis'}
        'projection' forbids ``in_dim > out_dim``; 'embedding' forbids
        ``in_dim < out_dim``; 'basis' requires a square view.
    rng : numpy.random.RandomState, optional

    Examples
    --------
    >>> a = numpy.empty((3, 3), numpy.float64)
    >>> chainer.initializers.Orthogonal(scale=1.0)(a)
    >>> numpy.allclose(a.dot(a.T), numpy.eye(3))
    True
    """

    def __init__(self, scale=1.1, dtype=None, mode='auto', rng=None):
        self.scale = scale
        self.mode = mode
        self.rng = rng
        try:
            self._checks = _orthogonal_constraints[mode]
        except KeyError:
            raise ValueError('Invalid mode: {}. Choose from {}.'.format(
                repr(mode),
                ', '.join(repr(m) for m in _orthogonal_constraints)))
        super(Orthogonal, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        rng = numpy.random if self.rng is None else self.rng
        if not array.shape:
            # A scalar is a 1x1 orthogonal matrix: +scale or -scale.
            array[...] = self.scale * (2 * int(rng.randint(2)) - 1)
            return
        if not array.size:
            raise ValueError('Array to be initialized must be non-empty.')
        out_dim = len(array)
        in_dim = utils.size_of_shape(array.shape[1:])
        if (in_dim > out_dim and self._checks[0]) or \
                (in_dim < out_dim and self._checks[1]):
            raise ValueError(
                'Cannot make orthogonal {}. shape = {}, interpreted as '
                '{}-dim input and {}-dim output.'.format(
                    self.mode, array.shape, in_dim, out_dim))
        transpose = in_dim > out_dim
        a = rng.normal(size=(out_dim, in_dim))
        if transpose:
            a = a.T
        # QR on the host: orthogonality needs float64 accuracy anyway.
        q, r = numpy.linalg.qr(a)
        # Sign fix makes the distribution uniform over orthogonal matrices.
        q *= numpy.copysign(self.scale, numpy.diag(r))
        if transpose:
            q = q.T
        backend.copyto(array, q.reshape(array.shape).astype(
            array.dtype, copy=False))

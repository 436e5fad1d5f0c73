"""Layer normalization layer."""
import chainer
from chainer import link
from chainer import utils
from chainer import variable


class LayerNormalization(link.Link):
    """Normalise each sample over its features, then scale and shift.

    Parameters
    ----------
    size : int or None
        Feature size; None infers it from the first input.
    eps : float
    initial_gamma, initial_beta : initializer, optional
        Defaults 1 and 0.

    Examples
    --------
    >>> ln = chainer.links.LayerNormalization(4)
    >>> ln.gamma.array
    array([1., 1., 1., 1.], dtype=float32)
    """

    def __init__(self, size=None, eps=1e-6, initial_gamma=None,
                 initial_beta=None):
        super(LayerNormalization, self).__init__()
        if initial_gamma is None:
            initial_gamma = 1
        if initial_beta is None:
            initial_beta = 0
        with self.init_scope():
            self.gamma = variable.Parameter(initial_gamma)
            self.beta = variable.Parameter(initial_beta)
            self.eps = eps
        if size is not None:
            self._initialize_params(size)

    def _initialize_params(self, size):
        self.gamma.initialize(size)
        self.beta.initialize(size)

    def forward(self, x):
        """Normalise the 2-D input ``x`` (batch, features)."""
        if self.gamma.array is None:
            self._initialize_params(utils.size_of_shape(x.shape[1:]))
        return chainer.functions.layer_normalization(
            x, self.gamma, self.beta, self.eps)

"""Batch normalization layer with running statistics."""
import numpy

import chainer
from chainer import configuration
from chainer import initializers
from chainer import link
from chainer import variable


class BatchNormalization(link.Link):
    """Batch normalization with learnable scale/shift and running stats.

    In training mode (``chainer.config.train``) the batch statistics
    normalise the input and update the running averages ``avg_mean`` and
    ``avg_var`` (unbiased variance) with ``decay``; in test mode the
    running averages are used and nothing is updated.

    Parameters
    ----------
    size : int, tuple of int or None
        Shape of the statistics; None infers it from the first input
        (requires ``axis``).
    decay : float
        Running average decay.
    eps : float
        Added to the variance.
    dtype : dtype-like, optional
        dtype of the statistics and parameters.
    use_gamma, use_beta : bool
        Whether to learn the scale / shift (otherwise fixed 1 / 0).
    initial_gamma, initial_beta : initializer, optional
    axis : int or tuple of int, optional
        Axes reduced over.  By default the leading axes not covered by
        ``size`` (the batch axis, plus spatial axes for images).
    initial_avg_mean, initial_avg_var : initializer, optional

    Attributes
    ----------
    avg_mean, avg_var : ndarray (persistent)
    N : int (persistent)
        Number of batches seen by fine-tuning.

    Examples
    --------
    >>> bn = chainer.links.BatchNormalization(3)
    >>> sorted(bn._persistent)
    ['N', 'avg_mean', 'avg_var']
    >>> bn.avg_var
    array([1., 1., 1.], dtype=float32)
    """

    gamma = None
    beta = None
    avg_mean = None
    avg_var = None

    def __init__(self, size=None, decay=0.9, eps=2e-5, dtype=None,
                 use_gamma=True, use_beta=True, initial_gamma=None,
                 initial_beta=None, axis=None, initial_avg_mean=None,
                 initial_avg_var=None):
        super(BatchNormalization, self).__init__()
        if size is None and axis is None:
            raise RuntimeError('size or axis is required')
        self._initial_avg_mean = initial_avg_mean
        self._initial_avg_var = initial_avg_var
        self.N = 0
        self.register_persistent('N')
        self.decay = decay
        self.eps = eps
        if isinstance(axis, int):
            axis = (axis,)
        self.axis = axis
        self._highprec_dtype = chainer.get_dtype(
            dtype, map_mixed16=numpy.float32)
        # Registered now so a lazily-shaped link can still be loaded.
        self.register_persistent('avg_mean')
        self.register_persistent('avg_var')
        with self.init_scope():
            if use_gamma:
                if initial_gamma is None:
                    initial_gamma = 1
                gamma_initializer = initializers._get_initializer(
                    initial_gamma)
                gamma_initializer.dtype = self._highprec_dtype
                self.gamma = variable.Parameter(gamma_initializer)
            if use_beta:
                if initial_beta is None:
                    initial_beta = 0
                beta_initializer = initializers._get_initializer(
                    initial_beta)
                beta_initializer.dtype = self._highprec_dtype
                self.beta = variable.Parameter(beta_initializer)
        if size is not None:
            self._initialize_params(size)

    def _initialize_params(self, shape):
        self.avg_mean = self._init_array(self._initial_avg_mean, 0, shape)
        self._initial_avg_mean = None
        self.avg_var = self._init_array(self._initial_avg_var, 1, shape)
        self._initial_avg_var = None
        if self.gamma is not None:
            self.gamma.initialize(shape)
        if self.beta is not None:
            self.beta.initialize(shape)

    def _init_array(self, initializer, default_value, size):
        if initializer is None:
            initializer = default_value
        initializer = initializers._get_initializer(initializer)
        return initializers.generate_array(
            initializer, size, self.xp, dtype=self._highprec_dtype,
            device=self.device)

    def forward(self, x, **kwargs):
        """Normalise ``x``.

        Parameters
        ----------
        x : Variable or array
        finetune : bool (keyword)
            Accumulate the exact average of the batch statistics
            (decay ``1 - 1/N``) instead of the exponential one.
        """
        if 'test' in kwargs:
            raise ValueError('test argument is not supported anymore. Use '
                             'chainer.using_config(\'train\', False)')
        finetune = kwargs.pop('finetune', False)
        if kwargs:
            raise TypeError('unexpected keyword argument(s): {}'.format(
                ', '.join(sorted(kwargs))))
        if self.avg_mean is None:
            param_shape = tuple(
                d for i, d in enumerate(x.shape) if i not in self.axis)
            self._initialize_params(param_shape)

        gamma = self.gamma
        if gamma is None:
            with chainer.using_device(self.device):
                gamma = self.xp.ones(
                    self.avg_mean.shape, dtype=self._highprec_dtype)
        beta = self.beta
        if beta is None:
            with chainer.using_device(self.device):
                beta = self.xp.zeros(
                    self.avg_mean.shape, dtype=self._highprec_dtype)

        F = chainer.functions
        axis_kw = {} if self.axis is None else {'axis': self.axis}
        if configuration.config.train:
            if finetune:
                self.N += 1
                decay = 1. - 1. / self.N
            else:
                decay = self.decay
            avg_mean = self.avg_mean
            avg_var = self.avg_var
            if chainer.config.in_recomputing:
                # A recomputed forward pass must not count the batch twice.
                if finetune:
                    self.N -= 1
                avg_mean = None
                avg_var = None
            return F.batch_normalization(
                x, gamma, beta, eps=self.eps, running_mean=avg_mean,
                running_var=avg_var, decay=decay, **axis_kw)
        return F.fixed_batch_normalization(
            x, gamma, beta, self.avg_mean, self.avg_var, self.eps,
            **axis_kw)

    def start_finetuning(self):
        """Reset the batch counter used by ``finetune=True``."""
        self.N = 0

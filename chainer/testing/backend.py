"""Running one test on several backends (NumPy, cupy).

:func:`inject_backend_tests` gives test methods a ``backend_config``
argument and runs them once per :class:`BackendConfig`; the test moves its
inputs with ``backend_config.get_array`` and compares the results with
host-side expectations.  A ``conftest.py`` turns the configurations into
pytest parameters with :func:`parametrize_backend_configs`, which may drop
some of them (a CI budget policy, for instance).

Examples
--------
>>> @testing.inject_backend_tests(['test_forward'],
...                               [{}, {'use_cuda': True}])
... class TestExp(object):
...     def test_forward(self, backend_config):
...         x = backend_config.get_array(numpy.zeros(2, numpy.float32))
...         testing.assert_allclose(F.exp(x).array, numpy.ones(2))
"""
import functools

import pytest

from chainer import backend
from chainer.backends import cuda

# Chainer v7 keys that select accelerated paths this package lacks; they
# are accepted with their default ("do not use") values only.
_UNSUPPORTED_KEYS = {
    'use_cudnn': 'never',
    'cudnn_deterministic': False,
    'autotune': False,
    'cudnn_fast_batch_normalization': False,
    'use_ideep': 'never',
    'use_chainerx': False,
    'chainerx_device': None,
}


class BackendConfig(object):
    """The device (and configuration) one test run uses.

    Parameters
    ----------
    params : dict
        ``use_cuda`` (bool, default False) selects cupy arrays on device
        ``cuda_device`` (int, default 0); without it the test runs on
        NumPy.  Chainer v7's cuDNN/iDeep/ChainerX keys are accepted only
        with their default values.

    Attributes
    ----------
    use_cuda : bool
    cuda_device : int or None
    device : chainer.backend.Device
        Created on first use, so that collecting a cupy configuration
        needs no cupy.
    xp : module
        ``numpy`` or ``cupy``.

    Examples
    --------
    >>> config = testing.BackendConfig({})
    >>> config.name
    '@numpy'
    >>> type(config.get_array(numpy.ones(2))) is numpy.ndarray
    True
    """

    def __init__(self, params):
        if not isinstance(params, dict):
            raise TypeError('params must be a dict, got {}'.format(
                type(params)))
        params = dict(params)
        self.use_cuda = bool(params.pop('use_cuda', False))
        self.cuda_device = params.pop('cuda_device', None)
        if self.use_cuda and self.cuda_device is None:
            self.cuda_device = 0
        if not self.use_cuda and self.cuda_device is not None:
            raise ValueError('cuda_device needs use_cuda=True')
        for key, value in params.items():
            if key not in _UNSUPPORTED_KEYS:
                raise ValueError('unknown backend option: {}'.format(key))
            if value != _UNSUPPORTED_KEYS[key]:
                raise ValueError('{}={!r} is not supported'.format(
                    key, value))
        self._device = None

    @property
    def name(self):
        """Device specifier: ``'@numpy'`` or ``'@cupy:N'``."""
        if self.use_cuda:
            return '@cupy:{}'.format(self.cuda_device)
        return '@numpy'

    @property
    def device(self):
        if self._device is None:
            self._device = backend.get_device(self.name)
        return self._device

    @property
    def xp(self):
        return self.device.xp

    @property
    def marks(self):
        """pytest marks of this configuration (GPU tests skip without cupy).
        """
        if not self.use_cuda:
            return []
        return [pytest.mark.gpu,
                pytest.mark.skipif(
                    not cuda.available,
                    reason='cupy with ndarray is not available')]

    def get_array(self, np_array):
        """Send arrays (possibly nested in lists, tuples or dicts) here.

        Parameters
        ----------
        np_array : numpy.ndarray, None, list, tuple or dict

        Returns
        -------
        The same structure with the arrays on :attr:`device`.
        """
        return self.device.send(np_array)

    def __enter__(self):
        self._context = self.device.create_context()
        self._context.__enter__()
        return self

    def __exit__(self, typ, value, traceback):
        context = self._context
        del self._context
        return context.__exit__(typ, value, traceback)

    def __repr__(self):
        return '<BackendConfig {}>'.format(self.name)

    def __str__(self):
        return self.name


def inject_backend_tests(method_names, params):
    """Run test methods once per backend configuration.

    Each named method gains a ``backend_config`` argument (a
    :class:`BackendConfig`).  Also usable on a plain test function.

    Parameters
    ----------
    method_names : list of str or None
        Methods to inject into; None means every ``test*`` method.
    params : list of dict
        One dict per configuration (see :class:`BackendConfig`).

    Returns
    -------
    callable
        A class (or function) decorator.

    Examples
    --------
    >>> @testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
    ... def test_zeros(backend_config):
    ...     assert backend_config.xp.zeros(1).shape == (1,)
    """
    if not isinstance(params, (list, tuple)) or \
            not all(isinstance(p, dict) for p in params):
        raise TypeError('params must be a list of dicts')
    configs = tuple(BackendConfig(p) for p in params)

    def decorator(obj):
        if not isinstance(obj, type):
            return _with_configs(obj, configs)
        names = method_names
        if names is None:
            names = [n for n in dir(obj) if n.startswith('test')
                     and callable(getattr(obj, n))]
        for name in names:
            setattr(obj, name, _with_configs(getattr(obj, name), configs))
        return obj
    return decorator


def _with_configs(func, configs):
    # A fresh function object: the one given may be shared with other
    # classes through inheritance.
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    wrapper._chainer_backend_configs = configs
    return wrapper


def parametrize_backend_configs(metafunc):
    """Parametrize ``backend_config`` from :func:`inject_backend_tests`.

    Call from a ``pytest_generate_tests`` hook.

    Parameters
    ----------
    metafunc : pytest.Metafunc
    """
    configs = getattr(metafunc.function, '_chainer_backend_configs', None)
    if configs is None:
        return
    metafunc.parametrize(
        'backend_config',
        [pytest.param(c, id=c.name, marks=c.marks) for c in configs])


__all__ = ['BackendConfig', 'inject_backend_tests',
           'parametrize_backend_configs']

import numpy
import pytest

from chainer.backends import cuda
from chainer import testing


class TestBackendConfig(object):

    def test_numpy(self):
        config = testing.BackendConfig({})
        assert config.name == '@numpy' and str(config) == '@numpy'
        assert not config.use_cuda and config.cuda_device is None
        assert config.xp is numpy and config.marks == []
        xs = config.get_array((numpy.ones(2), [numpy.zeros(1), None]))
        assert type(xs) is tuple and xs[1][1] is None
        assert type(xs[0]) is numpy.ndarray

    def test_cuda_names_device_zero_by_default(self):
        config = testing.BackendConfig({'use_cuda': True})
        assert config.name == '@cupy:0' and config.cuda_device == 0
        assert repr(config) == '<BackendConfig @cupy:0>'
        assert [m.name for m in config.marks] == ['gpu', 'skipif']

    def test_chainer_v7_keys_with_default_values(self):
        config = testing.BackendConfig({'use_cudnn': 'never',
                                        'use_ideep': 'never',
                                        'use_chainerx': False})
        assert config.name == '@numpy'

    @pytest.mark.parametrize('params,error', [
        ({'use_cudnn': 'always'}, ValueError),
        ({'use_chainerx': True}, ValueError),
        ({'cuda_device': 0}, ValueError),
        ({'device': 0}, ValueError),
        ([('use_cuda', True)], TypeError),
    ])
    def test_invalid(self, params, error):
        with pytest.raises(error):
            testing.BackendConfig(params)


def test_inject_into_named_methods_only():
    class T(object):
        def test_a(self):
            pass

        def test_b(self):
            pass

    base_a = T.test_a
    decorated = testing.inject_backend_tests(
        ['test_a'], [{}, {'use_cuda': True}])(T)
    assert decorated is T
    configs = T.test_a._chainer_backend_configs
    assert [c.name for c in configs] == ['@numpy', '@cupy:0']
    assert not hasattr(T.test_b, '_chainer_backend_configs')
    # The original function is left as it was (subclasses may share it).
    assert not hasattr(base_a, '_chainer_backend_configs')


def test_inject_none_means_every_test_method():
    class T(object):
        def test_a(self):
            pass

        def helper(self):
            pass

    testing.inject_backend_tests(None, [{}])(T)
    assert hasattr(T.test_a, '_chainer_backend_configs')
    assert not hasattr(T.helper, '_chainer_backend_configs')


def test_inject_rejects_non_dict_params():
    with pytest.raises(TypeError):
        testing.inject_backend_tests(None, {'use_cuda': True})


@testing.parameterize({'dtype': numpy.float32}, {'dtype': numpy.float64})
@testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
class TestInjected(object):

    def test_array_lives_on_the_configured_device(self, backend_config):
        x = backend_config.get_array(numpy.ones(2, self.dtype))
        assert isinstance(x, backend_config.xp.ndarray)
        assert x.dtype == self.dtype
        if cuda.available:
            assert isinstance(x, cuda.ndarray) == backend_config.use_cuda

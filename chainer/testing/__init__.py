"""Test helpers compatible with ``chainer.testing``.

Examples
--------
>>> @testing.parameterize(*testing.product({'dtype': [numpy.float32],
...                                          'shape': [(2,), (3, 2)]}))
... class TestFoo(object):
...     def test_shape(self):
...         assert numpy.zeros(self.shape, self.dtype).shape == self.shape
"""
from chainer.testing import attr  # NOQA
from chainer.testing import condition  # NOQA
from chainer.testing.array import assert_allclose  # NOQA
from chainer.testing.backend import BackendConfig  # NOQA
from chainer.testing.backend import inject_backend_tests  # NOQA
from chainer.testing.helper import fix_random  # NOQA
from chainer.testing.helper import with_requires  # NOQA
from chainer.testing.parameterized import parameterize  # NOQA
from chainer.testing.parameterized import product  # NOQA
from chainer.testing.parameterized import product_dict  # NOQA


def run_module(name, file):
    """Run the tests of a module with pytest when executed as a script."""
    if name == '__main__':
        import pytest
        pytest.main([file, '-vvs', '-x', '--pdb'])

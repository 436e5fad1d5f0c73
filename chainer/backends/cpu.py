"""CPU (NumPy) backend."""
import numpy

from chainer import _backend


class CpuDevice(_backend.Device):
    """Device for NumPy arrays, named ``'@numpy'``.

    Examples
    --------
    >>> d = chainer.backend.CpuDevice()
    >>> d.send(numpy.ones(2)).__class__ is numpy.ndarray
    True
    """

    name = '@numpy'
    xp = numpy
    supported_array_types = (numpy.ndarray,)

    def __eq__(self, other):
        return isinstance(other, CpuDevice)

    def __hash__(self):
        return hash(self.name)

    @staticmethod
    def from_array(array):
        """Return a CpuDevice if ``array`` is a NumPy array, else None."""
        if isinstance(array, (numpy.ndarray, numpy.generic)):
            return CpuDevice()
        return None

    def send_array(self, array):
        return _array_to_cpu(array)


def _array_to_cpu(array, stream=None):
    if array is None:
        return None
    if isinstance(array, numpy.ndarray):
        return array
    if isinstance(array, (numpy.generic, int, float, bool, complex)):
        return numpy.asarray(array)
    from chainer.backends import cuda
    if cuda.available and isinstance(array, cuda.ndarray):
        if stream is not None:
            return array.get(stream)
        return array.get()
    raise TypeError(
        'Actual type: {0}.\n'
        'The array sent to CPU must be numpy.ndarray or cupy.ndarray, '
        'or a NumPy scalar.'.format(type(array)))

"""GPU (cupy) backend.

``available`` is True only when the ``cupy`` package imports *and* provides
an ``ndarray`` type; every cupy use in chainer is guarded by that flag so the
package works on machines (or cupy builds) without GPU arrays.

Examples
--------
>>> from chainer.backends import cuda
>>> x = numpy.arange(3.0)
>>> cuda.to_cpu(x) is x
True
"""
import functools
import threading
import warnings

import numpy

from chainer import _backend
from chainer.backends import cpu

try:
    import cupy
    _cupy_ok = hasattr(cupy, 'ndarray')
except Exception as e:  # any import failure means "no GPU backend"
    cupy = None
    _cupy_ok = False
    _resolution_error = e
else:
    _resolution_error = None

available = bool(_cupy_ok)
cudnn_enabled = False
cudnn = None

if available:
    cuda = cupy.cuda
    ndarray = cupy.ndarray
    Device = cupy.cuda.Device
    Event = cupy.cuda.Event
    Stream = cupy.cuda.Stream
else:
    cupy = None  # a cupy without ndarray cannot hold chainer arrays
    cuda = None

    class ndarray(object):
        """Placeholder type so ``isinstance(x, cuda.ndarray)`` is False."""

    Event = object
    Stream = object


class DummyDeviceType(object):
    """Device-like object used when no GPU is involved (CPU arrays).

    ``id`` is -1, ``use()`` and the context manager do nothing.
    """

    id = -1

    def __init__(self):
        pass

    def __int__(self):
        return -1

    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass

    def use(self):
        pass

    def synchronize(self):
        pass

    def __eq__(self, other):
        return isinstance(other, DummyDeviceType)

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(-1)


DummyDevice = DummyDeviceType()

if not available:
    Device = DummyDeviceType


def check_cuda_available():
    """Raise RuntimeError unless the cupy backend is usable."""
    if not available:
        msg = ('CUDA environment is not correctly set up.\n'
               'cupy with an ndarray type is required.')
        if _resolution_error is not None:
            msg += '\n(%s: %s)' % (type(_resolution_error).__name__,
                                   _resolution_error)
        raise RuntimeError(msg)


class GpuDevice(_backend.Device):
    """Device for cupy arrays on one GPU, named ``'@cupy:N'``.

    Parameters
    ----------
    device : cupy.cuda.Device
        The underlying cupy device.

    Examples
    --------
    >>> d = chainer.get_device('@cupy:0')  # doctest: +SKIP
    >>> str(d)  # doctest: +SKIP
    '@cupy:0'
    """

    xp = None
    supported_array_types = ()

    def __init__(self, device):
        check_cuda_available()
        if not isinstance(device, cupy.cuda.Device):
            raise TypeError('GpuDevice must be constructed with '
                            'cupy.cuda.Device, got {}'.format(type(device)))
        self.device = device
        self.xp = cupy
        self.supported_array_types = (cupy.ndarray,)

    @staticmethod
    def from_device_id(device_id):
        """Return the GpuDevice for an integer id (must be >= 0)."""
        check_cuda_available()
        if not (isinstance(device_id, int) and device_id >= 0):
            raise ValueError('Invalid CUDA device ID: {}'.format(device_id))
        return GpuDevice(cupy.cuda.Device(device_id))

    @staticmethod
    def from_array(array):
        """Return the device holding a cupy array, or None."""
        if available and isinstance(array, cupy.ndarray):
            return GpuDevice(array.device)
        return None

    @property
    def name(self):
        return '@cupy:{}'.format(self.device.id)

    def __eq__(self, other):
        return isinstance(other, GpuDevice) and \
            other.device.id == self.device.id

    def __hash__(self):
        return hash(self.name)

    def create_context(self):
        return cupy.cuda.Device(self.device.id)

    def send_array(self, array):
        return _array_to_gpu(array, self.device, None)

    def use(self):
        self.device.use()


def get_device_from_id(device_id):
    """Return ``cupy.cuda.Device(device_id)``, or DummyDevice for None/-1."""
    if device_id is not None and device_id >= 0:
        check_cuda_available()
        return cupy.cuda.Device(int(device_id))
    return DummyDevice


def get_device_from_array(*arrays):
    """Return the cupy device of the first cupy array, else DummyDevice."""
    for array in arrays:
        if available and isinstance(array, cupy.ndarray) \
                and array.device is not None:
            return array.device
    return DummyDevice


def get_device(*args):
    """Deprecated: use :func:`chainer.backend.get_device`."""
    warnings.warn('get_device is deprecated. Please use get_device_from_id '
                  'or get_device_from_array instead.', DeprecationWarning)
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool):
            return get_device_from_id(arg)
        if available and isinstance(arg, cupy.ndarray):
            return arg.device
    return DummyDevice


def _get_device_or_current(device):
    if device is None:
        return cupy.cuda.Device()
    if isinstance(device, int) and not isinstance(device, bool):
        return cupy.cuda.Device(device)
    if isinstance(device, GpuDevice):
        return device.device
    return device


def to_gpu(array, device=None, stream=None):
    """Copy an array (or nested lists/tuples of arrays) to a GPU.

    Parameters
    ----------
    array : numpy.ndarray, cupy.ndarray, scalar, None, list or tuple
        Array(s) to transfer.
    device : int, cupy.cuda.Device or None
        Destination device (current device when None).

    Returns
    -------
    cupy.ndarray (or the same nesting of them).
    """
    check_cuda_available()
    if stream is not None:
        warnings.warn('The stream option is deprecated in chainer.backends.'
                      'cuda.to_gpu.', DeprecationWarning)
    dev = _get_device_or_current(device)
    return _backend._convert_arrays(
        array, lambda a: _array_to_gpu(a, dev, stream))


def _array_to_gpu(array, device, stream):
    if array is None:
        return None
    if isinstance(array, (numpy.number, numpy.bool_, int, float, bool)):
        array = numpy.asarray(array)
    if isinstance(array, cupy.ndarray):
        if device is None or array.device.id == device.id:
            return array
        with device:
            return cupy.array(array, copy=True)
    if not isinstance(array, numpy.ndarray):
        raise TypeError(
            'The array sent to gpu must be an array or a NumPy scalar.'
            '\nActual type: {0}.'.format(type(array)))
    if device is None:
        return cupy.asarray(array)
    with device:
        return cupy.asarray(array)


def to_cpu(array, stream=None):
    """Copy an array (or nested lists/tuples of arrays) to host memory.

    NumPy arrays are returned as they are; NumPy scalars become 0-dim arrays.

    Examples
    --------
    >>> cuda.to_cpu(numpy.float32(1)).shape
    ()
    """
    return _backend._convert_arrays(
        array, lambda a: cpu._array_to_cpu(a, stream))


def copy(array, out=None, out_device=None, stream=None):
    """Copy a cupy array, possibly to another device."""
    check_cuda_available()
    if out is None:
        dev = _get_device_or_current(out_device) if out_device is not None \
            else array.device
        with dev:
            out = cupy.empty_like(array)
    with array.device:
        out[...] = cupy.asarray(array)
    return out


def get_array_module(*args):
    """Return ``cupy`` when any argument is a cupy array, else ``numpy``.

    Variables are unwrapped to their arrays first.
    """
    from chainer import backend
    return backend.get_array_module(*args)


_memoized_funcs = []
_memo_lock = threading.Lock()


def memoize(for_each_device=False):
    """Cache a function's results keyed by its arguments (and device)."""
    def decorator(f):
        memo = {}
        _memoized_funcs.append(memo)

        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            key = (args, tuple(sorted(kwargs.items())))
            if for_each_device and available:
                key = (cupy.cuda.get_device_id(),) + key
            with _memo_lock:
                if key in memo:
                    return memo[key]
            result = f(*args, **kwargs)
            with _memo_lock:
                memo[key] = result
            return result
        return wrapper
    return decorator


def clear_memo():
    """Drop every cache made by :func:`memoize`."""
    for memo in _memoized_funcs:
        memo.clear()


@memoize(for_each_device=True)
def elementwise(in_params, out_params, operation, name, **kwargs):
    """Build (once per device) a ``cupy.ElementwiseKernel``.

    Examples
    --------
    >>> add = cuda.elementwise('T x, T y', 'T z', 'z = x + y',
    ...                        'my_add')  # doctest: +SKIP
    """
    check_cuda_available()
    return cupy.ElementwiseKernel(
        in_params, out_params, operation, name, **kwargs)


@memoize(for_each_device=True)
def reduce(in_params, out_params, map_expr, reduce_expr, post_map_expr,
           identity, name, **kwargs):
    """Build (once per device) a ``cupy.ReductionKernel``."""
    check_cuda_available()
    return cupy.ReductionKernel(
        in_params, out_params, map_expr, reduce_expr, post_map_expr,
        identity, name, **kwargs)


@memoize(for_each_device=True)
def raw(code, name, *args, **kwargs):
    """Build (once per device) a ``cupy.RawKernel``."""
    check_cuda_available()
    return cupy.RawKernel(code, name, *args, **kwargs)


def using_device(*args):
    """Context manager making the device of the given arrays current."""
    for arg in args:
        if available and isinstance(arg, cupy.ndarray):
            return arg.device
    return DummyDevice


_max_workspace_size = 8 * 1024 * 1024


def get_max_workspace_size():
    """Return the cuDNN workspace limit in bytes."""
    return _max_workspace_size


def set_max_workspace_size(size):
    """Set the cuDNN workspace limit in bytes."""
    global _max_workspace_size
    _max_workspace_size = size


def should_use_cudnn(level, lowest_version=0):
    """Return whether cuDNN should be used (always False: not bundled)."""
    if level not in ('==always', '>=auto'):
        raise ValueError('invalid cuDNN level: {}'.format(level))
    return False


def should_use_cudnn_tensor_core(dtype):
    """Return whether cuDNN tensor cores should be used (always False)."""
    return False


def fuse(*args, **kwargs):
    """Return the function unchanged: kernel fusion is an optimisation only.

    Usable both as ``@fuse`` and ``@fuse()``.
    """
    if len(args) == 1 and callable(args[0]) and not kwargs:
        return args[0]
    return lambda f: f

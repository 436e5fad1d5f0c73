"""Device-agnostic helpers: devices, array modules and copies.

Examples
--------
>>> from chainer import backend
>>> backend.get_array_module(numpy.ones(2)) is numpy
True
>>> backend.get_device(-1)
<CpuDevice @numpy>
"""
import numpy

from chainer import _backend
from chainer.backends import cpu
from chainer.backends import cuda

Device = _backend.Device
CpuDevice = cpu.CpuDevice
GpuDevice = cuda.GpuDevice


def _unwrap(x):
    from chainer import variable
    if isinstance(x, variable.Variable):
        return x.array
    return x


def get_array_module(*args):
    """Return ``cupy`` if any argument holds a cupy array, else ``numpy``.

    Parameters
    ----------
    *args
        Arrays, Variables or anything else (ignored).

    Returns
    -------
    module
        ``cupy`` or ``numpy``.

    Examples
    --------
    >>> chainer.backend.get_array_module(chainer.Variable(numpy.ones(1)))
    <module 'numpy' ...>
    """
    if cuda.available:
        for arg in args:
            if isinstance(_unwrap(arg), cuda.cupy.ndarray):
                return cuda.cupy
    return numpy


def _get_device_cupy_or_numpy(device_spec):
    if device_spec is None or device_spec < 0:
        return CpuDevice()
    return GpuDevice.from_device_id(device_spec)


def get_device(device_spec):
    """Return a :class:`Device` from a device specifier.

    Parameters
    ----------
    device_spec : Device, str, int, tuple, cupy.cuda.Device or None
        ``'@numpy'``, ``'@cupy:N'``, an integer (negative = NumPy,
        N >= 0 = GPU N), ``(numpy,)``, ``(cupy, N)``, a Device, a
        ``cupy.cuda.Device``, or None (NumPy).

    Returns
    -------
    Device

    Examples
    --------
    >>> str(chainer.get_device('@numpy'))
    '@numpy'
    """
    if isinstance(device_spec, _backend.Device):
        return device_spec
    if device_spec is None:
        return CpuDevice()
    if isinstance(device_spec, (int, numpy.integer)) \
            and not isinstance(device_spec, bool):
        return _get_device_cupy_or_numpy(int(device_spec))
    if isinstance(device_spec, str):
        # Legacy integer ids given as strings (e.g. a ``--device`` option defaulting to
        # '-1'), as Chainer v7 accepts them.
        try:
            legacy_id = int(device_spec)
        except ValueError:
            legacy_id = None
        if legacy_id is not None:
            return _get_device_cupy_or_numpy(legacy_id)
        if device_spec == '@numpy':
            return CpuDevice()
        if device_spec.startswith('@cupy:'):
            id_str = device_spec[len('@cupy:'):]
            try:
                dev_id = int(id_str)
            except ValueError:
                raise ValueError(
                    'Invalid device specifier: {}'.format(device_spec))
            if dev_id < 0 or id_str != str(dev_id):
                raise ValueError(
                    'Invalid device specifier: {}'.format(device_spec))
            return GpuDevice.from_device_id(dev_id)
        raise ValueError('Invalid device specifier: {}'.format(device_spec))
    if isinstance(device_spec, tuple):
        if len(device_spec) >= 1 and device_spec[0] is numpy:
            if len(device_spec) != 1:
                raise ValueError(
                    'Device specifier (numpy,) takes no id: {}'.format(
                        device_spec))
            return CpuDevice()
        if cuda.available and len(device_spec) == 2 \
                and device_spec[0] is cuda.cupy:
            return GpuDevice.from_device_id(device_spec[1])
        raise ValueError('Invalid device specifier: {}'.format(device_spec))
    if cuda.available and isinstance(device_spec, cuda.cupy.cuda.Device):
        return GpuDevice(device_spec)
    raise ValueError('Invalid device specifier: {}'.format(device_spec))


def get_device_from_array(array):
    """Return the device on which ``array`` (or a Variable's array) lives.

    Examples
    --------
    >>> chainer.backend.get_device_from_array(numpy.zeros(1))
    <CpuDevice @numpy>
    """
    array = _unwrap(array)
    device = GpuDevice.from_array(array) if cuda.available else None
    if device is not None:
        return device
    return CpuDevice()


def using_device(device_spec):
    """Context manager making a device current."""
    return get_device(device_spec).create_context()


def copyto(dst, src):
    """Copy ``src`` into ``dst`` across devices.

    Parameters
    ----------
    dst : numpy.ndarray or cupy.ndarray
        Destination, modified in place.
    src : numpy.ndarray or cupy.ndarray
        Source.

    Examples
    --------
    >>> dst = numpy.zeros(2)
    >>> chainer.backend.copyto(dst, numpy.ones(2))
    >>> dst
    array([1., 1.])
    """
    if isinstance(dst, numpy.ndarray):
        numpy.copyto(dst, numpy.asarray(cpu._array_to_cpu(src)))
    elif cuda.available and isinstance(dst, cuda.cupy.ndarray):
        if isinstance(src, (numpy.ndarray, numpy.generic, int, float)):
            src = numpy.asarray(src)
            if dst.flags.c_contiguous or dst.flags.f_contiguous:
                dst.set(src)
            else:
                cuda.cupy.copyto(dst, cuda.to_gpu(src, device=dst.device))
        elif isinstance(src, cuda.cupy.ndarray):
            cuda.cupy.copyto(dst, src)
        else:
            raise TypeError('cannot copy from non-array object of type {}'
                            .format(type(src)))
    else:
        raise TypeError('cannot copy to non-array object of type {}'.format(
            type(dst)))


def is_arrays_compatible(arrays):
    """Return whether all non-None arrays belong to the same array type."""
    arrays = [a for a in arrays if a is not None]
    if not arrays:
        return True
    if cuda.available and isinstance(arrays[0], cuda.cupy.ndarray):
        types = cuda.cupy.ndarray
    else:
        types = numpy.ndarray
    return all(isinstance(a, types) for a in arrays)

"""Converters that turn a list of examples into batched arrays."""

import contextlib
import functools
import sys

import numpy


class Converter(object):

    """Base class of converters.

    A converter is a callable ``converter(batch, device)`` that turns a list
    of examples into a mini-batch, usually arrays placed on ``device``.
    Subclassing this class, or decorating a function with :func:`converter`,
    tells Chainer that the callable accepts a device object (rather than only
    an integer device id) as its ``device`` argument.

    .. admonition:: Example

       >>> class Sum(Converter):
       ...     def __call__(self, batch, device=None):
       ...         return sum(batch)
       >>> Sum()([1, 2, 3])
       6

    """

    def __call__(self, batch, device):
        """Converts a batch.

        Args:
            batch (list): A list of examples.
            device: The device to which the result is sent.

        Returns:
            The converted batch.

        """
        raise NotImplementedError(
            'Concrete class must implement __call__.')


class _ArbitraryCallableConverter(Converter):

    # Wraps a plain function decorated by ``converter()``.

    def __init__(self, base_callable):
        if not callable(base_callable):
            raise TypeError(
                'Can only wrap a callable. Actual: {}'.format(
                    type(base_callable)))
        self.base_callable = base_callable
        functools.update_wrapper(self, base_callable)

    def __call__(self, *args, **kwargs):
        return self.base_callable(*args, **kwargs)


def converter():
    """Decorator to make a converter from a function.

    The decorated function is wrapped in a :class:`Converter` instance, so
    callers know that it accepts a device object as ``device``.

    .. admonition:: Example

       >>> @converter()
       ... def first_items(batch, device=None):
       ...     return [b[0] for b in batch]
       >>> isinstance(first_items, Converter)
       True
       >>> first_items([(1, 2), (3, 4)])
       [1, 3]

    """

    def wrap(func):
        return _ArbitraryCallableConverter(func)

    return wrap


def _call_converter(converter, batch, device):
    # Converters defined with the decorator or as subclasses accept device
    # objects; legacy plain functions are given the device spec unchanged.
    if isinstance(converter, Converter) and device is not None:
        from chainer import backend
        device = backend.get_device(device)
    return converter(batch, device)


def to_device(device, x):
    """Sends an array to a given device.

    Args:
        device: A device specifier accepted by
            ``chainer.backend.get_device`` (e.g. ``-1`` or ``'@numpy'`` for
            NumPy, ``'@cupy:0'`` or ``0`` for a GPU) or ``None``, which leaves
            ``x`` as it is.
        x: An array, or a (nested) tuple/list/dict of arrays.

    Returns:
        ``x`` itself if ``device`` is ``None``, otherwise ``x`` sent to the
        device.

    .. admonition:: Example

       >>> a = numpy.arange(3)
       >>> to_device(None, a) is a
       True

    """
    if device is None:
        return x
    # Imported here because chainer.backend itself depends on parts of
    # chainer that import this module.
    from chainer import backend
    return backend.get_device(device).send(x)


@converter()
def concat_examples(batch, device=None, padding=None):
    """Concatenates a list of examples into arrays.

    Each example is an array, a tuple of arrays or a dict of arrays; the
    result has the same structure, with arrays stacked along a new first
    axis. Scalars and lists are converted with :func:`numpy.asarray`.

    Args:
        batch (list): A non-empty list of examples.
        device: A device specifier, or ``None`` to leave arrays where they
            are. See :func:`to_device`.
        padding: Scalar value used to pad arrays of different shapes up to
            the largest shape in each dimension. ``None`` requires equal
            shapes. For tuple or dict examples a tuple or dict of values may
            be given to pad each entry differently.

    Returns:
        An array, a tuple of arrays or a dict of arrays.

    .. admonition:: Example

       >>> x = [numpy.array([1, 2]), numpy.array([3])]
       >>> concat_examples(x, padding=0)
       array([[1, 2],
              [3, 0]])
       >>> b = [(numpy.array([1]), 5), (numpy.array([2]), 6)]
       >>> concat_examples(b)
       (array([[1],
              [2]]), array([5, 6]))

    """
    if len(batch) == 0:
        raise ValueError('batch is empty')

    first_elem = batch[0]

    if isinstance(first_elem, tuple):
        result = []
        if not isinstance(padding, tuple):
            padding = [padding] * len(first_elem)

        for i in range(len(first_elem)):
            result.append(to_device(device, _concat_arrays(
                [example[i] for example in batch], padding[i])))

        return tuple(result)

    elif isinstance(first_elem, dict):
        result = {}
        if not isinstance(padding, dict):
            padding = {key: padding for key in first_elem}

        for key in first_elem:
            result[key] = to_device(device, _concat_arrays(
                [example[key] for example in batch], padding[key]))

        return result

    else:
        return to_device(device, _concat_arrays(batch, padding))


def _cupy_or_none(array):
    # cupy is looked up only when an array of its type shows up, so NumPy-only
    # use never imports it.
    if type(array).__module__.split('.')[0] == 'cupy':
        return sys.modules.get('cupy')
    return None


def _array_module_and_context(array):
    cupy = _cupy_or_none(array)
    if cupy is None:
        return numpy, contextlib.nullcontext()
    device = getattr(array, 'device', None)
    if device is None or not hasattr(device, '__enter__'):
        return cupy, contextlib.nullcontext()
    return cupy, device


def _is_array(x):
    return isinstance(x, numpy.ndarray) or _cupy_or_none(x) is not None


def _concat_arrays(arrays, padding):
    # Built-in values (int, float, list) are turned into one NumPy array.
    if not _is_array(arrays[0]):
        arrays = numpy.asarray(arrays)

    if padding is not None:
        return _concat_arrays_with_padding(arrays, padding)

    xp, context = _array_module_and_context(arrays[0])
    with context:
        return xp.concatenate([array[None] for array in arrays])


def _concat_arrays_with_padding(arrays, padding):
    shape = numpy.array(arrays[0].shape, dtype=int)
    for array in arrays[1:]:
        if numpy.any(shape != array.shape):
            numpy.maximum(shape, array.shape, out=shape)
    shape = tuple(numpy.insert(shape, 0, len(arrays)))

    xp, context = _array_module_and_context(arrays[0])
    with context:
        result = xp.full(shape, padding, dtype=arrays[0].dtype)
        for i in range(len(arrays)):
            src = arrays[i]
            slices = tuple(slice(dim) for dim in src.shape)
            result[(i,) + slices] = src

    return result


class ConcatWithAsyncTransfer(object):

    """Converter that concatenates examples and transfers them on a stream.

    It behaves like :func:`concat_examples`; when ``device`` is a GPU the
    host-to-device copies are issued on ``stream`` so they can overlap with
    computation running on ``compute_stream``. The compute stream is made
    to wait for the copies before the batch is returned, so the arrays are
    safe to use on it.

    Args:
        stream (cupy.cuda.Stream): Stream used for the transfers. ``None``
            uses the current stream.
        compute_stream (cupy.cuda.Stream): Stream that consumes the batch.
            ``None`` means the current stream.

    .. admonition:: Example

       >>> conv = ConcatWithAsyncTransfer()
       >>> conv([numpy.array([1, 2]), numpy.array([3, 4])], None)
       array([[1, 2],
              [3, 4]])

    """

    def __init__(self, stream=None, compute_stream=None):
        self._stream = stream
        self.compute_stream = compute_stream

    def __call__(self, batch, device=None, padding=None):
        """Concatenates ``batch`` and sends it to ``device``.

        Args:
            batch (list): A non-empty list of examples.
            device: ``None`` or a device specifier. See :func:`to_device`.
            padding: See :func:`concat_examples`.

        Returns:
            Same structure as :func:`concat_examples`.

        """
        host = concat_examples(batch, None, padding)
        if device is None:
            return host

        from chainer import backend
        dev = backend.get_device(device)
        if dev.xp is numpy:
            return dev.send(host)

        import cupy
        stream = self._stream
        with dev:
            if stream is None:
                stream = cupy.cuda.get_current_stream()
            with stream:
                out = _map_arrays(
                    lambda a: cupy.asarray(numpy.ascontiguousarray(a)), host)
            event = stream.record()
            compute_stream = self.compute_stream
            if compute_stream is None:
                compute_stream = cupy.cuda.get_current_stream()
            compute_stream.wait_event(event)
        return out


def _map_arrays(func, x):
    if isinstance(x, tuple):
        return tuple(func(a) for a in x)
    if isinstance(x, dict):
        return {k: func(a) for k, a in x.items()}
    return func(x)

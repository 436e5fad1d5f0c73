"""Abstract device class shared by the CPU and GPU backends."""


class Device(object):
    """A device on which arrays live and computations run.

    Concrete devices are :class:`chainer.backend.CpuDevice` (NumPy) and
    :class:`chainer.backend.GpuDevice` (cupy).  Obtain one with
    :func:`chainer.get_device`.

    Examples
    --------
    >>> device = chainer.get_device('@numpy')
    >>> device.xp is numpy
    True
    >>> str(device)
    '@numpy'
    """

    name = None
    xp = None
    supported_array_types = ()

    def __enter__(self):
        self._ctx = self.create_context()
        self._ctx.__enter__()
        return self

    def __exit__(self, typ, value, traceback):
        ctx = self._ctx
        del self._ctx
        return ctx.__exit__(typ, value, traceback)

    def __eq__(self, other):
        raise NotImplementedError

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.name)

    def __str__(self):
        return self.name

    def __repr__(self):
        return '<{} {}>'.format(type(self).__name__, self.name)

    def create_context(self):
        """Return a context manager that makes this device current."""
        return _DummyContext()

    def send_array(self, array):
        """Transfer one array to this device."""
        raise NotImplementedError

    def send(self, arrays):
        """Transfer arrays (possibly nested in lists/tuples/dicts) here.

        Parameters
        ----------
        arrays : array, None, list, tuple or dict
            Arrays to transfer; containers are traversed recursively and
            rebuilt with the same type.

        Returns
        -------
        The transferred arrays in the same structure.
        """
        return _convert_arrays(arrays, self.send_array)

    def use(self):
        """Make this device current (a no-op on the CPU)."""
        pass

    def is_array_supported(self, array):
        """Return whether ``array`` lives on this kind of device."""
        return isinstance(array, self.supported_array_types)


class _DummyContext(object):
    def __enter__(self):
        return None

    def __exit__(self, typ, value, traceback):
        return None


def _convert_arrays(arrays, func):
    if isinstance(arrays, (list, tuple)):
        d = [_convert_arrays(a, func) for a in arrays]
        if isinstance(arrays, list):
            return d
        if hasattr(arrays, '_fields'):  # namedtuple: rebuild field-wise
            return type(arrays)(*d)
        return tuple(d)
    if isinstance(arrays, dict):
        return {k: _convert_arrays(v, func) for k, v in arrays.items()}
    if arrays is None:
        return None
    return func(arrays)

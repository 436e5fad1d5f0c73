"""Global and thread-local configuration (``chainer.config``).

Chainer looks configuration entries up first in a thread-local object and
falls back to a process-wide one, so ``using_config`` in one thread does not
leak into another thread while defaults stay shared.
"""
import contextlib
import sys
import threading


class GlobalConfig(object):
    """Process-wide configuration holding the default values.

    Parameters
    ----------
    name : str
        Name shown by :meth:`show`.
    """

    def __init__(self, name):
        self.name = name

    def show(self, file=sys.stdout):
        """Print all entries sorted by name.

        Examples
        --------
        >>> chainer.global_config.show()  # doctest: +SKIP
        autotune             False
        ...
        """
        keys = sorted(k for k in self.__dict__ if k != 'name')
        _print_attrs(self, keys, file)


class LocalConfig(object):
    """Thread-local configuration that falls back to a :class:`GlobalConfig`.

    Parameters
    ----------
    global_config : GlobalConfig
        Configuration consulted for entries not set in the current thread.

    Examples
    --------
    >>> chainer.config.train
    True
    >>> with chainer.using_config('train', False):
    ...     chainer.config.train
    False
    """

    def __init__(self, global_config):
        super(LocalConfig, self).__setattr__('_global', global_config)
        super(LocalConfig, self).__setattr__('_local', threading.local())

    def __delattr__(self, name):
        delattr(self._local, name)

    def __getattr__(self, name):
        dic = self._local.__dict__
        if name in dic:
            return dic[name]
        return getattr(self._global, name)

    def __setattr__(self, name, value):
        setattr(self._local, name, value)

    def show(self, file=sys.stdout):
        """Print the effective value of every entry, sorted by name."""
        keys = sorted(set(k for k in self._global.__dict__ if k != 'name')
                      | set(self._local.__dict__))
        _print_attrs(self, keys, file)


def _print_attrs(obj, keys, file):
    max_len = max((len(k) for k in keys), default=0)
    for key in keys:
        spacer = ' ' * (max_len - len(key))
        file.write(u'{} {}{}\n'.format(key, spacer, getattr(obj, key)))


global_config = GlobalConfig('chainer.global_config')
config = LocalConfig(global_config)


@contextlib.contextmanager
def using_config(name, value, config=config):
    """Temporarily set a configuration entry in the current thread.

    Parameters
    ----------
    name : str
        Name of the entry.
    value
        Value used inside the ``with`` block.
    config : LocalConfig
        Configuration object to modify (default: ``chainer.config``).

    Examples
    --------
    >>> with chainer.using_config('enable_backprop', False):
    ...     y = x * 2  # doctest: +SKIP
    """
    if hasattr(config._local, name):
        old_value = getattr(config, name)
        setattr(config, name, value)
        try:
            yield
        finally:
            setattr(config, name, old_value)
    else:
        setattr(config, name, value)
        try:
            yield
        finally:
            delattr(config, name)

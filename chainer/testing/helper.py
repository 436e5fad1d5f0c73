"""Miscellaneous test decorators."""
import functools
import importlib.metadata
import re
import unittest

import numpy


def with_requires(*requirements):
    """Skip a test unless the named distributions are installed.

    Parameters
    ----------
    *requirements : str
        ``'scipy'`` or ``'numpy>=1.20'`` (only ``>=`` is compared).
    """
    missing = []
    for req in requirements:
        m = re.match(r'^\s*([A-Za-z0-9_.\-]+)\s*(>=\s*([0-9.]+))?\s*$', req)
        if m is None:
            missing.append(req)
            continue
        try:
            ver = importlib.metadata.version(m.group(1))
        except importlib.metadata.PackageNotFoundError:
            missing.append(req)
            continue
        if m.group(3):
            def key(v):
                return tuple(int(p) for p in re.findall(r'\d+', v)[:3])
            if key(ver) < key(m.group(3)):
                missing.append(req)
    return unittest.skipIf(
        bool(missing), 'requires: {}'.format(', '.join(missing)))


def fix_random(seed=0):
    """Seed NumPy's global RNG before each test (methods or classes)."""
    def decorator(obj):
        if isinstance(obj, type):
            for name in dir(obj):
                if name.startswith('test'):
                    setattr(obj, name, decorator(getattr(obj, name)))
            for name in ('setUp', 'setup_method'):
                if name in obj.__dict__:
                    setattr(obj, name, decorator(obj.__dict__[name]))
            return obj

        @functools.wraps(obj)
        def wrapper(*args, **kwargs):
            state = numpy.random.get_state()
            numpy.random.seed(seed)
            try:
                return obj(*args, **kwargs)
            finally:
                numpy.random.set_state(state)
        return wrapper
    return decorator

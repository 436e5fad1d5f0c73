"""Random sampling on the device (``numpy.random``'s legacy and new APIs).

All numbers come from the counter-based generator Philox4x32-10, evaluated in our own
kernels: a seed gives the same numbers on every backend (not NumPy's numbers).

Example:
    >>> cupy.random.seed(0)
    >>> cupy.random.rand(2, 2).shape
    (2, 2)
    >>> rng = cupy.random.default_rng(0)
    >>> rng.integers(10, size=3).dtype
    dtype('int64')
"""
from cupy.random._bit_generator import BitGenerator, Philox  # NOQA
from cupy.random._generator import *  # NOQA
from cupy.random._generator import (  # NOQA
    RandomState, get_random_state, reset_states, set_random_state, seed)
from cupy.random._generator_api import Generator, default_rng  # NOQA

"""Exception and warning classes shared with NumPy.

CuPy raises the very classes that :mod:`numpy.exceptions` defines rather than
look-alikes, so code written as ``except numpy.exceptions.AxisError`` catches
errors raised by ``cupy`` and vice versa.
"""
from numpy.exceptions import AxisError  # NOQA
from numpy.exceptions import ComplexWarning  # NOQA
from numpy.exceptions import DTypePromotionError  # NOQA
from numpy.exceptions import ModuleDeprecationWarning  # NOQA
from numpy.exceptions import RankWarning  # NOQA
from numpy.exceptions import TooHardError  # NOQA
from numpy.exceptions import VisibleDeprecationWarning  # NOQA

__all__ = [
    'AxisError',
    'ComplexWarning',
    'DTypePromotionError',
    'ModuleDeprecationWarning',
    'RankWarning',
    'TooHardError',
    'VisibleDeprecationWarning',
]

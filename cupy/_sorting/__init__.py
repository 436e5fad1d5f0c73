"""Sorting, searching, counting and set routines."""
from cupy._sorting.search import *  # NOQA
from cupy._sorting.argmaxmin import *  # NOQA
from cupy._sorting.count import *  # NOQA
from cupy._sorting.sort import *  # NOQA
from cupy._sorting.binsearch import *  # NOQA
from cupy._sorting.sets import *  # NOQA

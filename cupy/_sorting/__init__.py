"""Searching and counting."""
from cupy._sorting.search import *  # NOQA
from cupy._sorting.argmaxmin import *  # NOQA
from cupy._sorting.count import *  # NOQA

"""Indexing routines."""
from cupy._indexing.nonzero import *  # NOQA
from cupy._indexing.generate import *  # NOQA
from cupy._indexing.indexing import *  # NOQA
from cupy._indexing.insert import *  # NOQA

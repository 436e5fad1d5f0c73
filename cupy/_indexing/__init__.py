"""Indexing routines."""
from cupy._indexing.nonzero import *  # NOQA

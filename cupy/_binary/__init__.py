"""Bitwise operations."""
from cupy._binary.elementwise import *  # NOQA
from cupy._binary.packing import *  # NOQA

"""Bitwise operations."""
from cupy._binary.elementwise import *  # NOQA

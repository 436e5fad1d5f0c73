"""Discrete Fourier transforms (the ``numpy.fft`` counterpart).

The transforms (:mod:`._fft`) keep NumPy 2's semantics and run on the FFT boundary
:mod:`._exec`: cuFFT plans on a GPU (cached per thread and device, see :mod:`.config`),
NumPy's pocketfft over the buffers on the host device. Frequencies and shifts are in
:mod:`._helper`.
"""
from cupy.fft._fft import (  # NOQA
    fft, ifft, fft2, ifft2, fftn, ifftn, rfft, irfft, rfft2, irfft2, rfftn, irfftn, hfft,
    ihfft)
from cupy.fft._helper import fftfreq, rfftfreq, fftshift, ifftshift  # NOQA
from cupy.fft import config  # NOQA

# cuFFT bindings (see cufft.pyx).

ctypedef int cufftResult
ctypedef int cufftHandle

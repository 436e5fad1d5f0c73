# cuSOLVER Dense bindings (see cusolver.pyx).

ctypedef int cusolverStatus_t
ctypedef void* cusolverDnHandle_t

# cuBLAS bindings (see cublas.pyx).

ctypedef int cublasStatus_t
ctypedef void* cublasHandle_t

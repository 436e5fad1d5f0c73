# CUDA driver API entry points, resolved from libcuda on first use (see driver.pyx).
from libc.stdint cimport intptr_t

ctypedef int CUresult
ctypedef int CUdevice
ctypedef void* CUcontext
ctypedef void* CUmodule
ctypedef void* CUfunction
ctypedef void* CUstream
ctypedef void* CUevent
ctypedef unsigned long long CUdeviceptr

# The order of the fields is the order of driver.pyx's _SYMBOLS.
cdef struct DriverAPI:
    CUresult (*cuInit)(unsigned int) noexcept nogil
    CUresult (*cuDriverGetVersion)(int*) noexcept nogil
    CUresult (*cuGetErrorName)(CUresult, const char**) noexcept nogil
    CUresult (*cuGetErrorString)(CUresult, const char**) noexcept nogil
    # devices and contexts
    CUresult (*cuDeviceGetCount)(int*) noexcept nogil
    CUresult (*cuDeviceGet)(CUdevice*, int) noexcept nogil
    CUresult (*cuDeviceGetAttribute)(int*, int, CUdevice) noexcept nogil
    CUresult (*cuDeviceGetName)(char*, int, CUdevice) noexcept nogil
    CUresult (*cuDeviceTotalMem)(size_t*, CUdevice) noexcept nogil
    CUresult (*cuDevicePrimaryCtxRetain)(CUcontext*, CUdevice) noexcept nogil
    CUresult (*cuDevicePrimaryCtxRelease)(CUdevice) noexcept nogil
    CUresult (*cuCtxSetCurrent)(CUcontext) noexcept nogil
    CUresult (*cuCtxGetCurrent)(CUcontext*) noexcept nogil
    CUresult (*cuCtxGetDevice)(CUdevice*) noexcept nogil
    CUresult (*cuCtxSynchronize)() noexcept nogil
    # memory
    CUresult (*cuMemAlloc)(CUdeviceptr*, size_t) noexcept nogil
    CUresult (*cuMemFree)(CUdeviceptr) noexcept nogil
    CUresult (*cuMemAllocAsync)(CUdeviceptr*, size_t, CUstream) noexcept nogil
    CUresult (*cuMemFreeAsync)(CUdeviceptr, CUstream) noexcept nogil
    CUresult (*cuMemGetInfo)(size_t*, size_t*) noexcept nogil
    CUresult (*cuMemHostAlloc)(void**, size_t, unsigned int) noexcept nogil
    CUresult (*cuMemFreeHost)(void*) noexcept nogil
    CUresult (*cuMemcpy)(CUdeviceptr, CUdeviceptr, size_t) noexcept nogil
    CUresult (*cuMemcpyAsync)(CUdeviceptr, CUdeviceptr, size_t, CUstream) noexcept nogil
    CUresult (*cuMemcpyHtoD)(CUdeviceptr, const void*, size_t) noexcept nogil
    CUresult (*cuMemcpyDtoH)(void*, CUdeviceptr, size_t) noexcept nogil
    CUresult (*cuMemcpyDtoD)(CUdeviceptr, CUdeviceptr, size_t) noexcept nogil
    CUresult (*cuMemcpyHtoDAsync)(CUdeviceptr, const void*, size_t, CUstream) noexcept nogil
    CUresult (*cuMemcpyDtoHAsync)(void*, CUdeviceptr, size_t, CUstream) noexcept nogil
    CUresult (*cuMemcpyDtoDAsync)(CUdeviceptr, CUdeviceptr, size_t, CUstream) noexcept nogil
    CUresult (*cuMemsetD8)(CUdeviceptr, unsigned char, size_t) noexcept nogil
    CUresult (*cuMemsetD8Async)(CUdeviceptr, unsigned char, size_t, CUstream) noexcept nogil
    CUresult (*cuPointerGetAttribute)(void*, int, CUdeviceptr) noexcept nogil
    # streams and events
    CUresult (*cuStreamCreate)(CUstream*, unsigned int) noexcept nogil
    CUresult (*cuStreamCreateWithPriority)(CUstream*, unsigned int, int) noexcept nogil
    CUresult (*cuStreamDestroy)(CUstream) noexcept nogil
    CUresult (*cuStreamSynchronize)(CUstream) noexcept nogil
    CUresult (*cuStreamQuery)(CUstream) noexcept nogil
    CUresult (*cuStreamWaitEvent)(CUstream, CUevent, unsigned int) noexcept nogil
    CUresult (*cuEventCreate)(CUevent*, unsigned int) noexcept nogil
    CUresult (*cuEventDestroy)(CUevent) noexcept nogil
    CUresult (*cuEventRecord)(CUevent, CUstream) noexcept nogil
    CUresult (*cuEventSynchronize)(CUevent) noexcept nogil
    CUresult (*cuEventQuery)(CUevent) noexcept nogil
    CUresult (*cuEventElapsedTime)(float*, CUevent, CUevent) noexcept nogil
    # modules and kernels
    CUresult (*cuModuleLoadData)(CUmodule*, const void*) noexcept nogil
    CUresult (*cuModuleUnload)(CUmodule) noexcept nogil
    CUresult (*cuModuleGetFunction)(CUfunction*, CUmodule, const char*) noexcept nogil
    CUresult (*cuModuleGetGlobal)(CUdeviceptr*, size_t*, CUmodule, const char*) noexcept nogil
    CUresult (*cuLaunchKernel)(CUfunction, unsigned int, unsigned int, unsigned int,
                               unsigned int, unsigned int, unsigned int, unsigned int,
                               CUstream, void**, void**) noexcept nogil
    CUresult (*cuFuncGetAttribute)(int*, int, CUfunction) noexcept nogil
    CUresult (*cuFuncSetAttribute)(CUfunction, int, int) noexcept nogil
    CUresult (*cuOccupancyMaxActiveBlocksPerMultiprocessor)(int*, CUfunction, int, size_t) noexcept nogil

# CUresult values the bindings treat specially.
cdef enum:
    CUDA_SUCCESS = 0
    CUDA_ERROR_NOT_READY = 600

# The resolved table; loads libcuda and runs cuInit on the first call.
cdef DriverAPI* get_api() except NULL
# Raise CUDADriverError(status, call) unless status is CUDA_SUCCESS. ``detail`` may be None.
cdef int check(CUresult status, const char* call, detail=*) except -1

# Raw CUDA driver API entry points, resolved from libcuda at first use (see driver.pyx).
from libc.stdint cimport intptr_t

ctypedef int CUresult
ctypedef int CUdevice
ctypedef void* CUcontext
ctypedef void* CUmodule
ctypedef void* CUfunction
ctypedef void* CUstream
ctypedef void* CUevent
ctypedef unsigned long long CUdeviceptr

cdef struct DriverAPI:
    CUresult (*cuInit)(unsigned int) nogil
    CUresult (*cuDriverGetVersion)(int*) nogil
    CUresult (*cuDeviceGetCount)(int*) nogil
    CUresult (*cuDeviceGet)(CUdevice*, int) nogil
    CUresult (*cuDeviceGetAttribute)(int*, int, CUdevice) nogil
    CUresult (*cuDeviceGetName)(char*, int, CUdevice) nogil
    CUresult (*cuDeviceTotalMem)(size_t*, CUdevice) nogil
    CUresult (*cuDevicePrimaryCtxRetain)(CUcontext*, CUdevice) nogil
    CUresult (*cuCtxSetCurrent)(CUcontext) nogil
    CUresult (*cuCtxGetCurrent)(CUcontext*) nogil
    CUresult (*cuCtxGetDevice)(CUdevice*) nogil
    CUresult (*cuCtxSynchronize)() nogil
    CUresult (*cuMemAlloc)(CUdeviceptr*, size_t) nogil
    CUresult (*cuMemFree)(CUdeviceptr) nogil
    CUresult (*cuMemcpy)(CUdeviceptr, CUdeviceptr, size_t) nogil
    CUresult (*cuMemcpyAsync)(CUdeviceptr, CUdeviceptr, size_t, CUstream) nogil
    CUresult (*cuMemsetD8)(CUdeviceptr, unsigned char, size_t) nogil
    CUresult (*cuMemsetD8Async)(CUdeviceptr, unsigned char, size_t, CUstream) nogil
    CUresult (*cuMemHostAlloc)(void**, size_t, unsigned int) nogil
    CUresult (*cuMemFreeHost)(void*) nogil
    CUresult (*cuMemGetInfo)(size_t*, size_t*) nogil
    CUresult (*cuStreamCreateWithPriority)(CUstream*, unsigned int, int) nogil
    CUresult (*cuStreamDestroy)(CUstream) nogil
    CUresult (*cuStreamSynchronize)(CUstream) nogil
    CUresult (*cuStreamQuery)(CUstream) nogil
    CUresult (*cuStreamWaitEvent)(CUstream, CUevent, unsigned int) nogil
    CUresult (*cuEventCreate)(CUevent*, unsigned int) nogil
    CUresult (*cuEventDestroy)(CUevent) nogil
    CUresult (*cuEventRecord)(CUevent, CUstream) nogil
    CUresult (*cuEventSynchronize)(CUevent) nogil
    CUresult (*cuEventQuery)(CUevent) nogil
    CUresult (*cuEventElapsedTime)(float*, CUevent, CUevent) nogil
    CUresult (*cuModuleLoadData)(CUmodule*, const void*) nogil
    CUresult (*cuModuleUnload)(CUmodule) nogil
    CUresult (*cuModuleGetFunction)(CUfunction*, CUmodule, const char*) nogil
    CUresult (*cuModuleGetGlobal)(CUdeviceptr*, size_t*, CUmodule, const char*) nogil
    CUresult (*cuLaunchKernel)(CUfunction, unsigned int, unsigned int, unsigned int,
                               unsigned int, unsigned int, unsigned int, unsigned int,
                               CUstream, void**, void**) nogil
    CUresult (*cuFuncGetAttribute)(int*, int, CUfunction) nogil
    CUresult (*cuFuncSetAttribute)(CUfunction, int, int) nogil
    CUresult (*cuOccupancyMaxActiveBlocksPerMultiprocessor)(int*, CUfunction, int, size_t) nogil
    CUresult (*cuGetErrorName)(CUresult, const char**) nogil
    CUresult (*cuGetErrorString)(CUresult, const char**) nogil

# The resolved table (loads the driver on first call).
cdef DriverAPI* get_api() except NULL
cdef int check(CUresult status, const char* call) except -1

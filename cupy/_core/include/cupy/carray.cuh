// Device-side views of ndarrays and the element loop used by generated kernels.
//
// The byte layout of CArray and CIndexer is the contract with cupy/_core/_carray.pyx, which
// packs them on the host: every field is 8 bytes wide, so there is no padding.
#pragma once

#include <cupy/float16.cuh>

#ifndef __CUDACC_RTC__
#include <stddef.h>
#endif

// Loop over [0, n) shared by all threads of the grid, with the index type of ``n``.
// On a GPU: a grid-stride loop (neighbouring threads touch neighbouring elements, so memory
// accesses coalesce). On the host device: each thread takes one contiguous run of elements,
// which a CPU core streams through (threads run one after another inside a block, so a
// strided assignment would make every thread touch every cache line).
#ifdef __CUPY_HOST__
#define CUPY_FOR(i, n)                                                                         \
    for (decltype(n) _cupy_n = (n),                                                            \
             _cupy_threads = static_cast<decltype(n)>(blockDim.x)                              \
                             * static_cast<decltype(n)>(gridDim.x),                            \
             _cupy_chunk = (_cupy_n + _cupy_threads - 1) / _cupy_threads,                      \
             i = (static_cast<decltype(n)>(blockIdx.x) * static_cast<decltype(n)>(blockDim.x)  \
                  + static_cast<decltype(n)>(threadIdx.x)) * _cupy_chunk,                      \
             _cupy_end = (i + _cupy_chunk < _cupy_n) ? i + _cupy_chunk : _cupy_n;              \
         i < _cupy_end; ++i)
// The same run of this thread as bounds ``[begin, end)`` (host device only).
#define CUPY_HOST_RANGE(begin, end, n)                                                         \
    const decltype(n) _cupy_rn = (n);                                                          \
    const decltype(n) _cupy_rthreads = static_cast<decltype(n)>(blockDim.x)                    \
                                       * static_cast<decltype(n)>(gridDim.x);                  \
    const decltype(n) _cupy_rchunk = (_cupy_rn + _cupy_rthreads - 1) / _cupy_rthreads;         \
    const decltype(n) begin = (static_cast<decltype(n)>(blockIdx.x)                            \
                               * static_cast<decltype(n)>(blockDim.x)                          \
                               + static_cast<decltype(n)>(threadIdx.x)) * _cupy_rchunk;        \
    const decltype(n) end = (begin + _cupy_rchunk < _cupy_rn) ? begin + _cupy_rchunk : _cupy_rn;
#else
#define CUPY_FOR(i, n)                                                                         \
    for (auto i = static_cast<decltype(n)>(blockIdx.x) * blockDim.x + threadIdx.x; i < (n);     \
         i += static_cast<decltype(n)>(blockDim.x) * gridDim.x)
#endif

// An N-d strided view of typed device memory. ``strides`` are in bytes (NumPy's convention).
// ``c_contiguous`` promises that element k lives at data[k], which the linear operator[] uses.
// ``IndexT`` is the type of index arithmetic: int when every offset fits in 31 bits.
template <typename T, int N, bool c_contiguous = false, typename IndexT = ptrdiff_t>
class CArray {
public:
    static const int ndim = N;
    typedef T value_type;

private:
    T* data_;
    ptrdiff_t size_;
    ptrdiff_t shape_[N];
    ptrdiff_t strides_[N];

public:
    __device__ T* data() const { return data_; }
    __device__ ptrdiff_t size() const { return size_; }
    __device__ const ptrdiff_t* shape() const { return shape_; }
    __device__ const ptrdiff_t* strides() const { return strides_; }

    // Element at the multi-index ``idx`` (N entries).
    __device__ T& operator[](const ptrdiff_t* idx) const {
        if (c_contiguous && N == 1) {
            return data_[static_cast<IndexT>(idx[0])];
        }
        char* p = reinterpret_cast<char*>(data_);
        for (int d = 0; d < N; ++d) {
            p += static_cast<IndexT>(strides_[d]) * static_cast<IndexT>(idx[d]);
        }
        return *reinterpret_cast<T*>(p);
    }

    // Element number ``i`` in C order.
    __device__ T& operator[](IndexT i) const {
        if (c_contiguous) {
            return data_[i];
        }
        char* p = reinterpret_cast<char*>(data_);
        for (int d = N - 1; d >= 0; --d) {
            const IndexT extent = static_cast<IndexT>(shape_[d]);
            p += static_cast<IndexT>(strides_[d]) * (i % extent);
            i /= extent;
        }
        return *reinterpret_cast<T*>(p);
    }
};

template <typename T, bool c_contiguous, typename IndexT>
class CArray<T, 0, c_contiguous, IndexT> {
public:
    static const int ndim = 0;
    typedef T value_type;

private:
    T* data_;
    ptrdiff_t size_;

public:
    __device__ T* data() const { return data_; }
    __device__ ptrdiff_t size() const { return size_; }
    __device__ const ptrdiff_t* shape() const { return nullptr; }
    __device__ const ptrdiff_t* strides() const { return nullptr; }
    __device__ T& operator[](const ptrdiff_t*) const { return *data_; }
    __device__ T& operator[](IndexT) const { return *data_; }
};

// The iteration space of a kernel: ``set(i)`` turns a C-order element number into the
// multi-index ``get()``. Kernels copy the parameter into a local before calling ``set``.
template <int N, typename IndexT = ptrdiff_t>
class CIndexer {
public:
    static const int ndim = N;

private:
    ptrdiff_t size_;
    ptrdiff_t shape_[N];
    ptrdiff_t index_[N];

public:
    __device__ ptrdiff_t size() const { return size_; }
    __device__ const ptrdiff_t* shape() const { return shape_; }

    __device__ void set(IndexT i) {
        for (int d = N - 1; d > 0; --d) {
            const IndexT extent = static_cast<IndexT>(shape_[d]);
            index_[d] = i % extent;
            i /= extent;
        }
        index_[0] = i;
    }

    __device__ const ptrdiff_t* get() const { return index_; }
};

template <typename IndexT>
class CIndexer<0, IndexT> {
public:
    static const int ndim = 0;

private:
    ptrdiff_t size_;

public:
    __device__ ptrdiff_t size() const { return size_; }
    __device__ const ptrdiff_t* shape() const { return nullptr; }
    __device__ void set(IndexT) {}
    __device__ const ptrdiff_t* get() const { return nullptr; }
};

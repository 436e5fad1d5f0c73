// Value conversion between the dtypes of generated kernels, with NumPy's meaning.
#pragma once

#include <cupy/float16.cuh>

template <typename To, typename From>
__device__ inline To _cupy_cast(const From& x) {
    return static_cast<To>(x);
}

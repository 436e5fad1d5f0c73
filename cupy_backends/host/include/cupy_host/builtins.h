// The CUDA device built-in library for the host device: vector types, integer and math
// intrinsics, rounding-mode intrinsics, atomics, half precision and bfloat16. Included by
// prelude.h after the keyword macros, and by the CUDA shim headers (cuda_fp16.h, ...).
#ifndef CUPY_HOST_BUILTINS_H
#define CUPY_HOST_BUILTINS_H

#include "cupy_host/builtins/vector_types.h"
#include "cupy_host/builtins/integer.h"
#include "cupy_host/builtins/math.h"
#include "cupy_host/builtins/rounding.h"
#include "cupy_host/builtins/atomics.h"
#include "cupy_host/builtins/half.h"
#include "cupy_host/builtins/bfloat16.h"

#endif  // CUPY_HOST_BUILTINS_H

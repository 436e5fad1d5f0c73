// What every generated elementwise kernel includes. Kernels touching complex values also
// include <cupy/complex.cuh> (CCCL's complex is costly to parse, so only they pay for it).
#pragma once

#include <cupy/carray.cuh>
#include <cupy/cast.cuh>
#include <cupy/float16.cuh>

// Everything a generated elementwise kernel includes.
#pragma once

#include <cupy/carray.cuh>
#include <cupy/cast.cuh>
#include <cupy/complex.cuh>
#include <cupy/float16.cuh>

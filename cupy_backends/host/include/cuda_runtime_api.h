// Host device: the names this CUDA header gives device code come from the built-in library
// (the prelude includes it before every kernel; this include serves code compiled without it).
#pragma once
#include "cupy_host/builtins.h"

// Host device: everything this CUDA header declares for device code is in the prelude
// (cupy_host/prelude.h, force-included before every kernel). Present so that #include works.
#pragma once

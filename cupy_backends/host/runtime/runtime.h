// Private declarations of the host device runtime (launcher, thread pool, fibers).
//
// Kernel modules see only the C symbols declared in cupy_host/prelude.h; the layout of
// KernelEntry below must match `__cupy_host_kernel` there.
#pragma once

#include <atomic>
#include <csetjmp>
#include <cstddef>
#include <cstdint>
#include <mutex>

// Runtime-internal TLS stays out of the static TLS block (which is small and shared with every
// library loaded later); only the built-ins that kernel code reads are initial-exec.
#define CUPY_HOST_DYNAMIC_TLS __attribute__((tls_model("global-dynamic")))

namespace cupy_host {

struct Dim3 {
    unsigned x, y, z;
};

enum KernelMode : int { MODE_PLAIN = 0, MODE_FIBERS = 1 };

// One exported kernel of a module (the module's `__cupy_host_kernels` table).
struct KernelEntry {
    const char* name;
    void (*block_fn)(void**);   // plain mode: runs every thread of the current block
    void (*thread_fn)(void**);  // fiber mode: runs one thread
    int mode;
    int num_params;
};

// CUresult codes used by the runtime.
enum Status : int {
    ST_OK = 0,
    ST_INVALID_VALUE = 1,
    ST_OUT_OF_MEMORY = 2,
    ST_ASSERT = 710,
    ST_ILLEGAL_INSTRUCTION = 715,
    ST_LAUNCH_FAILED = 719,
};

// State of one launch, shared by the threads that run its blocks.
struct Launch {
    const KernelEntry* kernel;
    void** args;
    Dim3 grid, block;
    unsigned smem;
    long nblocks;
    long chunk;
    std::atomic<long> next_block{0};
    std::atomic<int> status{0};
    std::mutex* msg_mutex;
    char msg[512];

    // Records the first failure; later ones are dropped (the first is the cause).
    void fail(int st, const char* text);
    bool failed() const { return status.load(std::memory_order_relaxed) != 0; }
};

// Runs blocks [first, last) of `L` on the calling OS thread (plain loop or fibers).
void run_blocks(Launch* L, long first, long last);

// Fiber mode: runs block `blockIdx` (already set) with every thread as a fiber.
void run_block_fibers(Launch* L);

// Per OS thread: the launch being run and the plain-mode escape for assert/trap.
struct WorkerState {
    Launch* launch;   // zero-initialised: __thread needs a trivial type
    bool in_fibers;
    jmp_buf escape;
};
WorkerState& worker_state();

// Leaves the current block after an error was recorded: longjmp (plain) or abandon (fibers).
[[noreturn]] void abort_block();
[[noreturn]] void abort_fiber_block();

// "block [x,y,z], thread [x,y,z]" of the calling kernel thread.
void where(char* buf, size_t n);

}  // namespace cupy_host

// Built-in variables of the running kernel thread; initial-exec so kernel code reads them with
// one %fs-relative load.
extern __thread cupy_host::Dim3 threadIdx;
extern __thread cupy_host::Dim3 blockIdx;
extern __thread cupy_host::Dim3 blockDim;
extern __thread cupy_host::Dim3 gridDim;
extern __thread char* __cupy_host_dynsmem;

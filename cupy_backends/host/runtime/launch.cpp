// Launcher of the host device: validates a launch, spreads its blocks over a thread pool and
// turns device-side failures (assert, __trap, barrier deadlock) into a launch status.
//
// The pool is the calling thread plus N-1 detached workers. A pool thread runs one block at a
// time from start to end, which is what makes `static thread_local` storage per-block shared
// memory. Launches with few threads run on the caller alone: waking workers costs more.
#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include "runtime.h"

__thread cupy_host::Dim3 threadIdx;
__thread cupy_host::Dim3 blockIdx;
__thread cupy_host::Dim3 blockDim;
__thread cupy_host::Dim3 gridDim;
__thread char* __cupy_host_dynsmem;

namespace cupy_host {
namespace {

// The per-kernel limit (48 KiB unless raised with cuFuncSetAttribute) is checked before the
// launch reaches the runtime; this is the device-wide opt-in maximum.
constexpr unsigned kMaxDynamicSmem = 227 * 1024;
constexpr long kDefaultParallelThreshold = 16384;
// How long a worker polls for the next launch, and the caller for the workers' end, before
// sleeping on a condition variable: waking a sleeping thread takes tens of microseconds,
// more than a launch of a few hundred thousand elements, and launches come in quick series.
constexpr std::chrono::microseconds kSpin(50);

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

__thread WorkerState tls_worker CUPY_HOST_DYNAMIC_TLS;
__thread size_t tls_dynsmem_capacity CUPY_HOST_DYNAMIC_TLS;
__thread char tls_last_error[512] CUPY_HOST_DYNAMIC_TLS;

// The pool's synchronisation objects are leaked on purpose: destroying a condition variable at
// exit while detached workers wait on it hangs the process.
struct Pool {
    std::mutex* mutex = new std::mutex();
    std::condition_variable* wake = new std::condition_variable();
    std::condition_variable* done = new std::condition_variable();
    std::mutex* launch_mutex = new std::mutex();  // one launch in the pool at a time
    int workers = 0;        // started worker threads (never stopped)
    int nthreads = 0;       // configured pool size, caller included
    long parallel_threshold = kDefaultParallelThreshold;
    Launch* job = nullptr;
    unsigned long seq = 0;
    int participants = 0;
    int joined = 0;         // workers that took the current job
    int finished = 0;
    // Copies of seq and finished that spinning threads read without the mutex.
    std::atomic<unsigned long> seq_seen{0};
    std::atomic<int> finished_seen{0};
};

// Polls ``ready`` for up to kSpin; returns whether it became true.
template <typename Ready>
bool spin_until(Ready ready) {
    const auto until = std::chrono::steady_clock::now() + kSpin;
    for (int i = 0;; ++i) {
        if (ready()) return true;
        if ((i & 63) == 63 && std::chrono::steady_clock::now() >= until) return false;
        cpu_relax();
    }
}

Pool& pool() {
    static Pool* p = new Pool();
    return *p;
}

int default_threads() {
    if (const char* env = getenv("CUPY_HOST_NUM_THREADS")) {
        int n = atoi(env);
        if (n > 0) return n;
    }
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int n = CPU_COUNT(&set);
        if (n > 0) return n;
    }
    unsigned n = std::thread::hardware_concurrency();
    return n ? static_cast<int>(n) : 1;
}

void work(Launch* L) {
    worker_state().launch = L;
    for (;;) {
        if (L->failed()) break;
        long first = L->next_block.fetch_add(L->chunk, std::memory_order_relaxed);
        if (first >= L->nblocks) break;
        long last = first + L->chunk < L->nblocks ? first + L->chunk : L->nblocks;
        run_blocks(L, first, last);
    }
    worker_state().launch = nullptr;
}

void worker_main(int index) {
    Pool& p = pool();
    unsigned long seen = 0;
    for (;;) {
        Launch* L;
        spin_until([&] { return p.seq_seen.load(std::memory_order_acquire) != seen; });
        {
            std::unique_lock<std::mutex> lk(*p.mutex);
            p.wake->wait(lk, [&] { return p.seq != seen; });
            seen = p.seq;
            // A worker that wakes after the caller has closed the launch has nothing to join.
            if (index >= p.participants || p.job == nullptr) continue;
            L = p.job;
            ++p.joined;
        }
        work(L);
        {
            std::lock_guard<std::mutex> lk(*p.mutex);
            ++p.finished;
            p.finished_seen.store(p.finished, std::memory_order_release);
        }
        p.done->notify_one();
    }
}

void ensure_workers(Pool& p, int n) {
    while (p.workers < n) {
        int index = p.workers++;
        std::thread(worker_main, index).detach();
    }
}

bool ensure_dynsmem(size_t bytes) {
    if (bytes <= tls_dynsmem_capacity && __cupy_host_dynsmem) return true;
    size_t cap = bytes < 1024 ? 1024 : bytes;
    void* p = nullptr;
    if (posix_memalign(&p, 64, cap) != 0) return false;
    free(__cupy_host_dynsmem);
    __cupy_host_dynsmem = static_cast<char*>(p);
    tls_dynsmem_capacity = cap;
    return true;
}

int invalid(const char* fmt, unsigned a, unsigned b, unsigned c) {
    snprintf(tls_last_error, sizeof tls_last_error, fmt, a, b, c);
    return ST_INVALID_VALUE;
}

int validate(const unsigned* g, const unsigned* b, unsigned smem) {
    if (b[0] == 0 || b[1] == 0 || b[2] == 0)
        return invalid("block dimensions must be positive, got (%u, %u, %u)", b[0], b[1], b[2]);
    if (b[0] > 1024 || b[1] > 1024 || b[2] > 64)
        return invalid("block dimensions (%u, %u, %u) exceed the limits (1024, 1024, 64)",
                       b[0], b[1], b[2]);
    if (static_cast<unsigned long long>(b[0]) * b[1] * b[2] > 1024)
        return invalid("block (%u, %u, %u) has more than 1024 threads", b[0], b[1], b[2]);
    if (g[0] == 0 || g[1] == 0 || g[2] == 0)
        return invalid("grid dimensions must be positive, got (%u, %u, %u)", g[0], g[1], g[2]);
    if (g[0] > 2147483647u || g[1] > 65535 || g[2] > 65535)
        return invalid("grid dimensions (%u, %u, %u) exceed the limits (2147483647, 65535, 65535)",
                       g[0], g[1], g[2]);
    if (smem > kMaxDynamicSmem)
        return invalid("dynamic shared memory of %u bytes exceeds the limit of %u bytes%c", smem,
                       kMaxDynamicSmem, '.');
    return ST_OK;
}

}  // namespace

WorkerState& worker_state() { return tls_worker; }

void Launch::fail(int st, const char* text) {
    std::lock_guard<std::mutex> lk(*msg_mutex);
    if (status.load(std::memory_order_relaxed) != 0) return;
    snprintf(msg, sizeof msg, "%s", text);
    status.store(st, std::memory_order_release);
}

void where(char* buf, size_t n) {
    snprintf(buf, n, "block [%u,%u,%u], thread [%u,%u,%u]", blockIdx.x, blockIdx.y, blockIdx.z,
             threadIdx.x, threadIdx.y, threadIdx.z);
}

[[noreturn]] void abort_block() {
    if (tls_worker.in_fibers) abort_fiber_block();
    longjmp(tls_worker.escape, 1);
}

void run_blocks(Launch* L, long first, long last) {
    if (!ensure_dynsmem(L->smem)) {
        L->fail(ST_OUT_OF_MEMORY, "cannot allocate dynamic shared memory");
        return;
    }
    blockDim = L->block;
    gridDim = L->grid;
    const long gx = L->grid.x, gxy = gx * L->grid.y;
    const bool fibers = L->kernel->mode == MODE_FIBERS;
    void (*block_fn)(void**) = L->kernel->block_fn;
    void** args = L->args;
    // Plain mode leaves a failing block by longjmp; the kernel's frames hold only trivial
    // objects, so nothing is skipped that needs cleanup.
    if (!fibers && setjmp(tls_worker.escape) != 0) return;
    for (long b = first; b < last; ++b) {
        if (L->failed()) return;
        blockIdx.x = static_cast<unsigned>(b % gx);
        blockIdx.y = static_cast<unsigned>((b / gx) % L->grid.y);
        blockIdx.z = static_cast<unsigned>(b / gxy);
        if (fibers)
            run_block_fibers(L);
        else
            block_fn(args);
    }
}

}  // namespace cupy_host

using namespace cupy_host;

extern "C" {

// Sets the pool size (caller included; <= 0 restores the default) and the number of threads
// below which a launch runs on the caller alone (< 0 restores the default).
__attribute__((visibility("default"))) void cupy_host_configure(int nthreads, long threshold) {
    Pool& p = pool();
    std::lock_guard<std::mutex> lk(*p.launch_mutex);
    p.nthreads = nthreads > 0 ? nthreads : default_threads();
    p.parallel_threshold = threshold >= 0 ? threshold : kDefaultParallelThreshold;
}

__attribute__((visibility("default"))) int cupy_host_num_threads() {
    Pool& p = pool();
    std::lock_guard<std::mutex> lk(*p.launch_mutex);
    if (p.nthreads == 0) p.nthreads = default_threads();
    return p.nthreads;
}

// The message of the last failed launch on the calling thread.
__attribute__((visibility("default"))) const char* cupy_host_last_error() {
    return tls_last_error;
}

// Runs a kernel to completion. Returns a CUresult; on failure the message is available from
// cupy_host_last_error() on the same thread. Must not be called from inside a kernel.
// ``parallel_threshold``: the launch runs on the caller alone below this many threads (< 0:
// the pool's setting); kernels that give each thread a long run of work pass a small value.
__attribute__((visibility("default"))) int cupy_host_launch(const KernelEntry* kernel,
                                                            const unsigned* grid,
                                                            const unsigned* block, unsigned smem,
                                                            void** args,
                                                            long parallel_threshold) {
    tls_last_error[0] = '\0';
    if (tls_worker.launch != nullptr) {
        snprintf(tls_last_error, sizeof tls_last_error, "a kernel cannot launch another kernel");
        return ST_LAUNCH_FAILED;
    }
    if (kernel == nullptr) {
        snprintf(tls_last_error, sizeof tls_last_error, "null kernel handle");
        return ST_INVALID_VALUE;
    }
    if (int st = validate(grid, block, smem)) return st;

    static std::mutex* msg_mutex = new std::mutex();
    Launch L;
    L.kernel = kernel;
    L.args = args;
    L.grid = Dim3{grid[0], grid[1], grid[2]};
    L.block = Dim3{block[0], block[1], block[2]};
    L.smem = smem;
    L.nblocks = static_cast<long>(grid[0]) * grid[1] * grid[2];
    L.msg_mutex = msg_mutex;
    L.msg[0] = '\0';
    const long threads = L.nblocks * block[0] * block[1] * block[2];

    Pool& p = pool();
    std::unique_lock<std::mutex> launch_lock(*p.launch_mutex);
    if (p.nthreads == 0) p.nthreads = default_threads();
    int helpers = p.nthreads - 1;
    if (helpers > L.nblocks - 1) helpers = static_cast<int>(L.nblocks - 1);
    if (threads < (parallel_threshold >= 0 ? parallel_threshold : p.parallel_threshold)) {
        helpers = 0;
    }

    if (helpers <= 0) {
        L.chunk = L.nblocks;
        work(&L);
    } else {
        // Several chunks per thread balance uneven blocks; not so many that the counter is hot.
        long chunk = L.nblocks / (static_cast<long>(helpers + 1) * 16);
        L.chunk = chunk > 0 ? chunk : 1;
        ensure_workers(p, helpers);
        {
            std::lock_guard<std::mutex> lk(*p.mutex);
            p.job = &L;
            p.participants = helpers;
            p.joined = 0;
            p.finished = 0;
            p.finished_seen.store(0, std::memory_order_relaxed);
            ++p.seq;
            p.seq_seen.store(p.seq, std::memory_order_release);
        }
        p.wake->notify_all();
        work(&L);
        // Every block is taken. Close the launch and wait only for the workers that joined
        // it: a sleeping worker takes longer to wake than a launch of 1e5 elements on the
        // caller alone.
        int joined;
        {
            std::lock_guard<std::mutex> lk(*p.mutex);
            p.job = nullptr;
            joined = p.joined;
        }
        spin_until([&] {
            return p.finished_seen.load(std::memory_order_acquire) == joined;
        });
        std::unique_lock<std::mutex> lk(*p.mutex);
        p.done->wait(lk, [&] { return p.finished == joined; });
    }
    // Device printf goes to host stdio; flush so output appears by the end of the launch.
    fflush(stdout);
    int st = L.status.load(std::memory_order_acquire);
    if (st) snprintf(tls_last_error, sizeof tls_last_error, "%s", L.msg);
    return st;
}

// --- called from kernel code ----------------------------------------------------------------

[[noreturn]] __attribute__((visibility("default"))) void __cupy_host_assert_fail(
        const char* expr, const char* file, unsigned line, const char* func) {
    char loc[96], buf[512];
    where(loc, sizeof loc);
    snprintf(buf, sizeof buf, "%s: %s:%u: %s: Assertion `%s` failed.", loc, file ? file : "?",
             line, func ? func : "?", expr ? expr : "?");
    if (tls_worker.launch) tls_worker.launch->fail(ST_ASSERT, buf);
    abort_block();
}

[[noreturn]] __attribute__((visibility("default"))) void __cupy_host_trap() {
    char loc[96], buf[256];
    where(loc, sizeof loc);
    snprintf(buf, sizeof buf, "%s: __trap() called", loc);
    if (tls_worker.launch) tls_worker.launch->fail(ST_ILLEGAL_INSTRUCTION, buf);
    abort_block();
}

}  // extern "C"

// Fiber mode: every CUDA thread of a block is a fiber on one OS thread.
//
// Barriers hand off directly from fiber to fiber: the waiting thread bumps an arrival count and
// switches to the next ready fiber; the last to arrive releases the others and continues. Exited
// threads count as arrived. When no fiber is ready while some are alive, the block deadlocked
// (divergent barrier) and the launch fails instead of hanging.
#include <sys/mman.h>

#include <cstdio>
#include <cstring>

#include "runtime.h"

#if !defined(__x86_64__)
#error "the host runtime's fiber switch is written for x86-64"
#endif

extern "C" {
// Saves callee-saved registers on the current stack, stores rsp in *save, switches to `to`.
void cupy_host_ctx_switch(void** save, void* to);
void cupy_host_fiber_start();
__attribute__((visibility("hidden"))) void cupy_host_fiber_main(void* fiber);
}

asm(R"(
    .text
    .p2align 4
    .globl cupy_host_ctx_switch
    .hidden cupy_host_ctx_switch
    .type cupy_host_ctx_switch,@function
cupy_host_ctx_switch:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .size cupy_host_ctx_switch, .-cupy_host_ctx_switch

    .globl cupy_host_fiber_start
    .hidden cupy_host_fiber_start
    .type cupy_host_fiber_start,@function
cupy_host_fiber_start:
    movq %r12, %rdi
    call cupy_host_fiber_main
    ud2
    .size cupy_host_fiber_start, .-cupy_host_fiber_start
)");

namespace cupy_host {
namespace {

constexpr int kMaxThreads = 1024;
constexpr size_t kGuard = 4096;
constexpr size_t kSlot = 80 * 1024;  // guard page + >= 64 KB usable + colour offset
constexpr size_t kColourStep = 256;  // staggers stack tops so frames do not share cache sets
constexpr int kColours = 16;

enum FiberState : int { READY, WAIT_BLOCK, WAIT_WARP, DONE };

struct Fiber {
    void* sp;
    int state;
    int index;
    Dim3 tid;
    unsigned sync_gen;  // barrier generation this fiber waits on
};

struct Warp {
    int alive;
    int arrived;
    unsigned gen;
    unsigned alive_mask;
    unsigned mask[2];                 // lanes that wrote slot[round & 1]
    unsigned long long slot[2][32];   // double-buffered exchange (see warp_exchange)
};

struct Scheduler {
    char* stacks = nullptr;
    int prepared = 0;
    int n = 0;
    int cur = -1;
    int alive = 0;
    int arrived = 0;
    unsigned gen = 0;
    int acc[2];     // __syncthreads_count accumulators, by generation parity
    int acc_n[2];   // threads that took part in that generation
    void* home_sp = nullptr;
    Launch* launch = nullptr;
    Fiber fibers[kMaxThreads];
    Warp warps[kMaxThreads / 32];
};

// Read on every barrier: initial-exec (8 bytes of static TLS).
__thread Scheduler* tls_sched __attribute__((tls_model("initial-exec")));

Scheduler* scheduler() {
    if (!tls_sched) {
        auto* s = new Scheduler();
        void* p = mmap(nullptr, kSlot * kMaxThreads, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED) {
            delete s;
            return nullptr;
        }
        s->stacks = static_cast<char*>(p);
        tls_sched = s;
    }
    return tls_sched;
}

bool prepare_stacks(Scheduler* s, int n) {
    for (; s->prepared < n; ++s->prepared) {
        char* slot = s->stacks + kSlot * s->prepared;
        if (mprotect(slot + kGuard, kSlot - kGuard, PROT_READ | PROT_WRITE) != 0) return false;
    }
    return true;
}

inline void switch_to(Scheduler* s, void** save, int next) {
    Fiber& f = s->fibers[next];
    s->cur = next;
    threadIdx = f.tid;
    cupy_host_ctx_switch(save, f.sp);
}

[[noreturn]] void go_home(Scheduler* s) {
    void* dummy;
    s->cur = -1;
    cupy_host_ctx_switch(&dummy, s->home_sp);
    __builtin_unreachable();
}

int next_ready(Scheduler* s) {
    for (int k = 1; k <= s->n; ++k) {
        int i = s->cur + k;
        if (i >= s->n) i -= s->n;
        if (s->fibers[i].state == READY) return i;
    }
    return -1;
}

[[noreturn]] void deadlock(Scheduler* s) {
    int at_block = 0, at_warp = 0;
    for (int i = 0; i < s->n; ++i) {
        at_block += s->fibers[i].state == WAIT_BLOCK;
        at_warp += s->fibers[i].state == WAIT_WARP;
    }
    char buf[256];
    snprintf(buf, sizeof buf,
             "barrier divergence/deadlock in block [%u,%u,%u]: %d of %d live threads wait at "
             "__syncthreads, %d at warp-level operations",
             blockIdx.x, blockIdx.y, blockIdx.z, at_block, s->alive, at_warp);
    s->launch->fail(ST_LAUNCH_FAILED, buf);
    go_home(s);
}

// Suspends the current fiber (already marked waiting) and runs another one.
void yield_waiting(Scheduler* s) {
    int me = s->cur;
    int next = next_ready(s);
    if (next < 0) deadlock(s);
    switch_to(s, &s->fibers[me].sp, next);
    // Resumed: the scheduler that resumed us set cur and threadIdx.
}

void release_block(Scheduler* s) {
    for (int i = 0; i < s->n; ++i)
        if (s->fibers[i].state == WAIT_BLOCK) s->fibers[i].state = READY;
    s->acc_n[s->gen & 1] = s->arrived;
    s->acc[(s->gen + 1) & 1] = 0;
    s->arrived = 0;
    ++s->gen;
}

void release_warp(Scheduler* s, int w) {
    Warp& wp = s->warps[w];
    int first = w * 32, last = first + 32 < s->n ? first + 32 : s->n;
    for (int i = first; i < last; ++i)
        if (s->fibers[i].state == WAIT_WARP) s->fibers[i].state = READY;
    wp.mask[(wp.gen + 1) & 1] = 0;
    wp.arrived = 0;
    ++wp.gen;
}

Scheduler* current_or_fail(const char* what) {
    Scheduler* s = tls_sched;
    if (s && s->cur >= 0) return s;
    char buf[256], loc[96];
    where(loc, sizeof loc);
    snprintf(buf, sizeof buf,
             "%s reached in a kernel compiled without barrier support (%s); the module was built "
             "in plain mode", what, loc);
    Launch* L = worker_state().launch;
    if (L) L->fail(ST_LAUNCH_FAILED, buf);
    abort_block();
}

}  // namespace

[[noreturn]] void abort_fiber_block() { go_home(tls_sched); }

void run_block_fibers(Launch* L) {
    Scheduler* s = scheduler();
    int n = static_cast<int>(L->block.x * L->block.y * L->block.z);
    if (!s || !prepare_stacks(s, n)) {
        L->fail(ST_OUT_OF_MEMORY, "cannot allocate fiber stacks");
        return;
    }
    s->launch = L;
    s->n = n;
    s->alive = n;
    s->arrived = 0;
    s->gen = 0;
    s->acc[0] = s->acc[1] = 0;
    int nwarps = (n + 31) / 32;
    for (int w = 0; w < nwarps; ++w) {
        Warp& wp = s->warps[w];
        int lanes = n - w * 32 < 32 ? n - w * 32 : 32;
        wp.alive = lanes;
        wp.arrived = 0;
        wp.gen = 0;
        wp.alive_mask = lanes == 32 ? 0xffffffffu : ((1u << lanes) - 1);
        wp.mask[0] = wp.mask[1] = 0;
    }
    int i = 0;
    for (unsigned z = 0; z < L->block.z; ++z)
        for (unsigned y = 0; y < L->block.y; ++y)
            for (unsigned x = 0; x < L->block.x; ++x, ++i) {
                Fiber& f = s->fibers[i];
                f.state = READY;
                f.index = i;
                f.tid = Dim3{x, y, z};
                char* top = s->stacks + kSlot * (i + 1) - kColourStep * (i % kColours);
                void** sp = reinterpret_cast<void**>(top - 56);
                sp[0] = nullptr;     // r15
                sp[1] = nullptr;     // r14
                sp[2] = nullptr;     // r13
                sp[3] = &f;          // r12: argument of cupy_host_fiber_main
                sp[4] = nullptr;     // rbx
                sp[5] = nullptr;     // rbp
                sp[6] = reinterpret_cast<void*>(&cupy_host_fiber_start);
                f.sp = sp;
            }
    worker_state().in_fibers = true;
    s->cur = -1;
    switch_to(s, &s->home_sp, 0);
    worker_state().in_fibers = false;
    s->cur = -1;
}

}  // namespace cupy_host

using namespace cupy_host;

extern "C" void cupy_host_fiber_main(void* fp) {
    Fiber* f = static_cast<Fiber*>(fp);
    Scheduler* s = tls_sched;
    s->launch->kernel->thread_fn(s->launch->args);
    // Thread exited: it counts as arrived at every later barrier.
    f->state = DONE;
    --s->alive;
    Warp& wp = s->warps[f->index / 32];
    --wp.alive;
    wp.alive_mask &= ~(1u << (f->index & 31));
    if (wp.arrived > 0 && wp.arrived == wp.alive) release_warp(s, f->index / 32);
    if (s->arrived > 0 && s->arrived == s->alive) release_block(s);
    if (s->alive == 0) go_home(s);
    int next = next_ready(s);
    if (next < 0) deadlock(s);
    void* dead;
    switch_to(s, &dead, next);
    __builtin_unreachable();
}

extern "C" int __cupy_host_syncthreads_reduce(int pred, int op) {
    Scheduler* s = current_or_fail("__syncthreads");
    Fiber& f = s->fibers[s->cur];
    unsigned g = s->gen;
    s->acc[g & 1] += pred != 0;
    ++s->arrived;
    if (s->arrived == s->alive) {
        release_block(s);
    } else {
        f.state = WAIT_BLOCK;
        yield_waiting(s);
    }
    int count = s->acc[g & 1];
    switch (op) {
        case 1: return count == s->acc_n[g & 1];  // and
        case 2: return count != 0;                // or
        default: return count;
    }
}

extern "C" void __cupy_host_syncthreads() { __cupy_host_syncthreads_reduce(0, 0); }

// Every live lane of the warp stores `v`, waits for the others, and gets the warp's 32 slots
// plus the mask of lanes that wrote. The two buffers alternate: a lane can write a buffer again
// only after passing the next barrier, by which time every lane has read it.
extern "C" const unsigned long long* __cupy_host_warp_exchange(unsigned long long v,
                                                              unsigned* arrived) {
    Scheduler* s = current_or_fail("a warp-level operation");
    Fiber& f = s->fibers[s->cur];
    int w = f.index / 32, lane = f.index & 31;
    Warp& wp = s->warps[w];
    unsigned buf = wp.gen & 1;
    wp.slot[buf][lane] = v;
    wp.mask[buf] |= 1u << lane;
    ++wp.arrived;
    if (wp.arrived == wp.alive) {
        release_warp(s, w);
    } else {
        f.state = WAIT_WARP;
        yield_waiting(s);
    }
    *arrived = wp.mask[buf];
    return wp.slot[buf];
}

extern "C" unsigned __cupy_host_activemask() {
    Scheduler* s = current_or_fail("__activemask");
    return s->warps[s->fibers[s->cur].index / 32].alive_mask;
}

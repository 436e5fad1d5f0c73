"""CUDA device built-ins used from RawKernels give the GPU's results (on either backend).

Every kernel here is also compiled by NVRTC under CUPY_NVRTC_CHECK, which proves the names exist in CUDA.
"""
import numpy
import pytest
import scipy.special

import cupy


def _dev(a):
    mem = cupy.cuda.alloc(max(a.nbytes, 1))
    mem.copy_from_host(a.ctypes.data, a.nbytes)
    return mem


def _host(mem, like):
    out = numpy.empty_like(like)
    mem.copy_to_host(out.ctypes.data, out.nbytes)
    return out


def _launch(code, name, n, *args):
    k = cupy.RawKernel(code, name)
    k(((n + 127) // 128,), (128,), args)
    cupy.cuda.Device().synchronize()


INTEGER = r'''
extern "C" __global__ void ints(const unsigned int* x, const unsigned int* y, unsigned int* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    unsigned int a = x[i], b = y[i];
    out[8 * i + 0] = __popc(a);
    out[8 * i + 1] = __clz((int)a);
    out[8 * i + 2] = __brev(a);
    out[8 * i + 3] = __ffs((int)a);
    out[8 * i + 4] = __umulhi(a, b);
    out[8 * i + 5] = __byte_perm(a, b, 0x5140);
    out[8 * i + 6] = min(a, b) + max((int)a, (int)b);
    out[8 * i + 7] = __float_as_uint(__uint_as_float(a));
}
'''


def _ref_ints(a, b):
    a, b = int(a), int(b)
    def s32(v):
        return v - (1 << 32) if v >= 1 << 31 else v
    clz = 32 - a.bit_length()
    brev = int(f"{a:032b}"[::-1], 2)
    ffs = (a & -a).bit_length()
    mulhi = (a * b) >> 32
    v = (b << 32) | a
    perm = 0
    for k, sel in enumerate((0x0, 0x4, 0x1, 0x5)):
        perm |= ((v >> (8 * sel)) & 0xff) << (8 * k)
    mm = (min(a, b) + (max(s32(a), s32(b)) & 0xffffffff)) & 0xffffffff
    return [bin(a).count("1"), clz, brev, ffs, mulhi, perm, mm, a]


def test_integer_intrinsics_match_reference():
    rng = numpy.random.default_rng(1)
    n = 500
    x = rng.integers(0, 2 ** 32, n, dtype=numpy.uint64).astype(numpy.uint32)
    y = rng.integers(0, 2 ** 32, n, dtype=numpy.uint64).astype(numpy.uint32)
    x[:4] = [0, 1, 0x80000000, 0xffffffff]
    out = numpy.zeros(8 * n, numpy.uint32)
    dout = _dev(out)
    _launch(INTEGER, "ints", n, _dev(x), _dev(y), dout, numpy.int32(n))
    got = _host(dout, out).reshape(n, 8)
    expected = numpy.array([_ref_ints(a, b) for a, b in zip(x, y)], dtype=numpy.uint64)
    numpy.testing.assert_array_equal(got, expected.astype(numpy.uint32))


ATOMICS = r'''
extern "C" __global__ void atomics(unsigned int* inc, int* minmax, float* fmax_, unsigned int* bits,
                                   unsigned long long* cas, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    atomicInc(inc, 9u);                 // wraps to 0 after 9
    atomicMin(&minmax[0], 1000 - i);
    atomicMax(&minmax[1], i * 3);
    // Float max through atomicCAS on the bit pattern (CUDA has no float atomicMax).
    int* fbits = (int*)fmax_;
    int seen = *fbits;
    while (__int_as_float(seen) < i * 0.25f) {
        int prev = atomicCAS(fbits, seen, __float_as_int(i * 0.25f));
        if (prev == seen) break;
        seen = prev;
    }
    atomicOr(&bits[0], 1u << (i % 32));
    atomicAnd(&bits[1], ~(1u << (i % 31)));
    atomicXor(&bits[2], (unsigned int)i);
    unsigned long long old = *cas, assumed;
    do { assumed = old; old = atomicCAS(cas, assumed, assumed + i); } while (old != assumed);
}
'''


def test_atomics_under_concurrency():
    n = 1000
    inc = numpy.zeros(1, numpy.uint32)
    mm = numpy.array([2 ** 31 - 1, -(2 ** 31)], numpy.int32)
    fm = numpy.array([-1.0], numpy.float32)
    bits = numpy.array([0, 0xffffffff, 0], numpy.uint32)
    cas = numpy.zeros(1, numpy.uint64)
    d = [_dev(a) for a in (inc, mm, fm, bits, cas)]
    _launch(ATOMICS, "atomics", n, *d, numpy.int32(n))
    assert _host(d[0], inc)[0] == n % 10
    numpy.testing.assert_array_equal(_host(d[1], mm), [1000 - (n - 1), 3 * (n - 1)])
    assert _host(d[2], fm)[0] == (n - 1) * 0.25
    xor = 0
    for i in range(n):
        xor ^= i
    numpy.testing.assert_array_equal(_host(d[3], bits), [0xffffffff, 0x80000000, xor])
    assert _host(d[4], cas)[0] == n * (n - 1) // 2


HALF = r'''
#include <cuda_fp16.h>
extern "C" __global__ void halves(const __half* a, const __half* b, __half* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    out[4 * i + 0] = __hadd(a[i], b[i]);
    out[4 * i + 1] = __hmul(a[i], b[i]);
    out[4 * i + 2] = __hsub(a[i], b[i]);
    out[4 * i + 3] = __float2half(__half2float(a[i]) / 3.0f);
}
'''


def test_half_arithmetic_is_bit_exact():
    rng = numpy.random.default_rng(2)
    n = 1000
    a = (rng.standard_normal(n) * 100).astype(numpy.float16)
    b = (rng.standard_normal(n) * 100).astype(numpy.float16)
    out = numpy.zeros(4 * n, numpy.float16)
    dout = _dev(out)
    _launch(HALF, "halves", n, _dev(a), _dev(b), dout, numpy.int32(n))
    got = _host(dout, out).reshape(n, 4)
    with numpy.errstate(over="ignore"):  # products past 65504 become inf on both sides
        ab = a * b
    expected = numpy.stack([a + b, ab, a - b,
                            (a.astype(numpy.float32) / numpy.float32(3)).astype(numpy.float16)], 1)
    numpy.testing.assert_array_equal(got.view(numpy.uint16), expected.view(numpy.uint16))


MATH = r'''
extern "C" __global__ void maths(const double* x, double* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    double v = x[i];
    out[6 * i + 0] = erfinv(v);
    out[6 * i + 1] = normcdf(v * 3.0);
    out[6 * i + 2] = rsqrt(v + 2.0);
    out[6 * i + 3] = sinpi(v);
    out[6 * i + 4] = rcbrt(v + 2.0);
    out[6 * i + 5] = (double)rsqrtf((float)(v + 2.0));
}
'''


def test_math_functions_match_scipy():
    x = numpy.linspace(-0.999, 0.999, 301)
    out = numpy.zeros(6 * x.size)
    dout = _dev(out)
    _launch(MATH, "maths", x.size, _dev(x), dout, numpy.int32(x.size))
    got = _host(dout, out).reshape(x.size, 6)
    # Double-precision functions: CUDA documents <= 2-5 ulp for these; 1e-13 relative allows that.
    numpy.testing.assert_allclose(got[:, 0], scipy.special.erfinv(x), rtol=1e-13, atol=1e-15)
    numpy.testing.assert_allclose(got[:, 1], scipy.special.ndtr(3 * x), rtol=1e-13, atol=1e-16)
    numpy.testing.assert_allclose(got[:, 2], 1 / numpy.sqrt(x + 2), rtol=1e-14)
    numpy.testing.assert_allclose(got[:, 3], numpy.sin(numpy.pi * x), rtol=1e-13, atol=1e-15)
    numpy.testing.assert_allclose(got[:, 4], 1 / numpy.cbrt(x + 2), rtol=1e-14)
    # rsqrtf: CUDA's single-precision rsqrtf has 2 ulp maximum error.
    numpy.testing.assert_allclose(got[:, 5], 1 / numpy.sqrt(x + 2), rtol=3e-7)


VECTORS = r'''
extern "C" __global__ void vectors(float4* out, double2* d, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    out[i] = make_float4(i, i + 0.5f, -i, 2.0f * i);
    d[i] = make_double2(i * 0.25, -i * 0.125);
}
'''


def test_vector_types_layout():
    n = 64
    f4 = numpy.zeros((n, 4), numpy.float32)
    d2 = numpy.zeros((n, 2), numpy.float64)
    df, dd = _dev(f4), _dev(d2)
    _launch(VECTORS, "vectors", n, df, dd, numpy.int32(n))
    i = numpy.arange(n, dtype=numpy.float32)
    numpy.testing.assert_array_equal(_host(df, f4), numpy.stack([i, i + 0.5, -i, 2 * i], 1))
    numpy.testing.assert_array_equal(_host(dd, d2), numpy.stack([i * 0.25, -i * 0.125], 1))


BF16 = r'''
#include <cuda_bf16.h>
extern "C" __global__ void bf16_ops(const float* a, const float* b, unsigned short* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    __nv_bfloat16 x = __float2bfloat16(a[i]), y = __float2bfloat16(b[i]);
    out[5 * i + 0] = __bfloat16_as_ushort(x);
    out[5 * i + 1] = __bfloat16_as_ushort(__hadd(x, y));
    out[5 * i + 2] = __bfloat16_as_ushort(__hmul(x, y));
    out[5 * i + 3] = __bfloat16_as_ushort(__hdiv(x, y));
    out[5 * i + 4] = __bfloat16_as_ushort(__float2bfloat16(__bfloat162float(x) * 0.1f));
}
'''


def _bf16_bits(f32):
    """Round-to-nearest-even float32 -> bfloat16 bits (finite inputs)."""
    u = f32.astype(numpy.float32).view(numpy.uint32).astype(numpy.uint64)
    return ((u + 0x7fff + ((u >> 16) & 1)) >> 16).astype(numpy.uint16)


def _bf16_value(bits):
    return (bits.astype(numpy.uint32) << 16).view(numpy.float32)


def test_bfloat16_arithmetic_is_correctly_rounded():
    rng = numpy.random.default_rng(3)
    n = 2000
    a = (rng.standard_normal(n) * 50).astype(numpy.float32)
    b = (rng.standard_normal(n) * 50).astype(numpy.float32)
    b[b == 0] = 1
    out = numpy.zeros(5 * n, numpy.uint16)
    dout = _dev(out)
    _launch(BF16, "bf16_ops", n, _dev(a), _dev(b), dout, numpy.int32(n))
    got = _host(dout, out).reshape(n, 5)
    xa, xb = _bf16_value(_bf16_bits(a)), _bf16_value(_bf16_bits(b))
    expected = numpy.stack([_bf16_bits(a), _bf16_bits(xa + xb), _bf16_bits(xa * xb),
                            _bf16_bits(xa / xb), _bf16_bits(xa * numpy.float32(0.1))], 1)
    numpy.testing.assert_array_equal(got, expected)

"""The host device's CUDA built-in library (cupy_host/builtins.h) against NumPy/SciPy and exact references.

Each test compiles a small C++ program with g++ that includes builtins.h, feeds it binary input on
stdin and reads binary output from stdout. ``builtins_names.cu`` uses every name the library
provides; it is compiled by NVRTC for sm_90 (the names are real CUDA names) and by g++ with the
prelude (the host declares them all).
"""
import hashlib
import math
import os
import shutil
import subprocess
from fractions import Fraction

import numpy
import pytest
import scipy.special

from cupy_backends.host import _compiler

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES_SOURCE = os.path.join(HERE, "builtins_names.cu")
FLAGS = ["-std=c++17", "-O1", "-ffp-contract=off", "-I", _compiler.INCLUDE_DIR]
HARNESS = r'''
#define __device__
#define __host__
#define __forceinline__ inline __attribute__((always_inline))
#include "cupy_host/builtins.h"
#include <cstdio>
#include <vector>
template <typename T> std::vector<T> read_all(size_t n) {
    std::vector<T> v(n);
    if (n && fread(v.data(), sizeof(T), n, stdin) != n) abort();
    return v;
}
template <typename T> void write_all(const std::vector<T>& v) { fwrite(v.data(), sizeof(T), v.size(), stdout); }
template <typename T> void write_one(T v) { fwrite(&v, sizeof(T), 1, stdout); }
'''

pytestmark = pytest.mark.skipif(shutil.which("g++") is None, reason="g++ is not installed")


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    root = tmp_path_factory.mktemp("builtins")
    cache = {}

    def _build(body, extra=()):
        src = HARNESS + body
        key = hashlib.sha256((src + repr(extra)).encode()).hexdigest()[:16]
        if key not in cache:
            cpp, exe = root / f"{key}.cpp", root / key
            cpp.write_text(src)
            subprocess.run(["g++", *FLAGS, *extra, str(cpp), "-o", str(exe)], check=True,
                           capture_output=True, text=True)
            cache[key] = str(exe)
        return cache[key]
    return _build


def _run(exe, *inputs, args=()):
    data = b"".join(numpy.ascontiguousarray(a).tobytes() for a in inputs)
    res = subprocess.run([exe, *map(str, args)], input=data, capture_output=True, check=True)
    return res.stdout


# --- exact rounding reference ---------------------------------------------------------------------

class Format:
    """A binary floating-point format: precision p (with the hidden bit), smallest exponent and
    largest finite value, for rounding exact rationals."""

    def __init__(self, p, emin, emax, dtype):
        self.p, self.emin, self.emax, self.dtype = p, emin, emax, dtype
        self.max = Fraction(2 ** p - 1) * Fraction(2) ** (emax - p + 1)

    def round(self, x, mode="rn"):
        x = Fraction(x)
        if x == 0:
            return 0.0
        sign = -1 if x < 0 else 1
        a = abs(x)
        e = a.numerator.bit_length() - a.denominator.bit_length()
        if Fraction(2) ** e > a:
            e -= 1
        q = Fraction(2) ** (max(e, self.emin) - self.p + 1)
        s = a / q
        fl = s.numerator // s.denominator
        if mode == "rn":
            rem = s - fl
            n = fl + (1 if rem > Fraction(1, 2) or (rem == Fraction(1, 2) and fl % 2) else 0)
        elif mode == "rz" or (mode == "ru" and sign < 0) or (mode == "rd" and sign > 0):
            n = fl
        else:
            n = fl if s == fl else fl + 1
        r = n * q
        if r > self.max:  # overflow: infinity unless the mode rounds towards zero here
            r = self.max if (mode == "rz" or (mode == "ru" and sign < 0) or (mode == "rd" and sign > 0)) else None
        return sign * math.inf if r is None else sign * float(r)


HALF = Format(11, -14, 15, numpy.float16)
BF16 = Format(8, -126, 127, None)
F32 = Format(24, -126, 127, numpy.float32)
F64 = Format(53, -1022, 1023, numpy.float64)
MODES = ("rn", "rz", "ru", "rd")


def _random_bits(rng, n, dtype, finite=True):
    u = {2: numpy.uint16, 4: numpy.uint32, 8: numpy.uint64}[numpy.dtype(dtype).itemsize]
    v = rng.integers(0, numpy.iinfo(u).max, n, dtype=u, endpoint=True).view(dtype)
    return v[numpy.isfinite(v)] if finite else v


# --- half precision ---------------------------------------------------------------------------------

HALF_CONVERT = r'''
int main() {
    auto h = read_all<unsigned short>(65536);
    size_t n; fread(&n, sizeof n, 1, stdin);
    auto f = read_all<float>(n);
    auto d = read_all<double>(n);
    std::vector<float> back; for (auto b : h) back.push_back(__half2float(__ushort_as_half(b)));
    write_all(back);
    std::vector<unsigned short> o;
    for (float v : f) {
        o.push_back(__half_as_ushort(__float2half(v))); o.push_back(__half_as_ushort(__float2half_rn(v)));
        o.push_back(__half_as_ushort(__float2half_rz(v))); o.push_back(__half_as_ushort(__float2half_ru(v)));
        o.push_back(__half_as_ushort(__float2half_rd(v))); o.push_back(__half_as_ushort(__half(v)));
    }
    for (double v : d) { o.push_back(__half_as_ushort(__double2half(v))); o.push_back(__half_as_ushort(__half(v))); }
    write_all(o);
}
'''


def test_half_conversions_are_bit_exact(build):
    rng = numpy.random.default_rng(0)
    bits = numpy.arange(65536, dtype=numpy.uint16)
    # floats in and around the half range: random bits, plus exact ties between halves.
    f = numpy.concatenate([_random_bits(rng, 3000, numpy.float32),
                           rng.uniform(-7e4, 7e4, 2000).astype(numpy.float32),
                           (rng.standard_normal(2000) * 1e-5).astype(numpy.float32)])
    mids = numpy.arange(0x3c00, 0x3d00, dtype=numpy.uint16).view(numpy.float16).astype(numpy.float32)
    f = numpy.concatenate([f, mids + numpy.float32(2.0 ** -11), mids - numpy.float32(2.0 ** -12)])
    d = numpy.concatenate([rng.uniform(-7e4, 7e4, 2000), _random_bits(rng, 2000, numpy.float64)])
    d = numpy.concatenate([d, f.astype(numpy.float64) + 2.0 ** -40])[: len(f)]
    out = _run(build(HALF_CONVERT), bits, numpy.array([len(f)], numpy.uint64), f, d)
    back = numpy.frombuffer(out[: 65536 * 4], numpy.float32)
    ref = bits.view(numpy.float16).astype(numpy.float32)
    nan = numpy.isnan(ref)  # NaN payloads differ between converters (quieting); only NaN-ness counts
    numpy.testing.assert_array_equal(numpy.isnan(back), nan)
    numpy.testing.assert_array_equal(back[~nan].view(numpy.uint32), ref[~nan].view(numpy.uint32))
    o = numpy.frombuffer(out[65536 * 4:], numpy.uint16)
    fo, do = o[: 6 * len(f)].reshape(-1, 6), o[6 * len(f):].reshape(-1, 2)
    ref_rn = f.astype(numpy.float16).view(numpy.uint16)
    for col in (0, 1, 5):
        numpy.testing.assert_array_equal(fo[:, col], ref_rn)
    for col, mode in zip((2, 3, 4), ("rz", "ru", "rd")):
        expected = numpy.array([HALF.round(float(v), mode) for v in f], numpy.float16)
        numpy.testing.assert_array_equal(fo[:, col].view(numpy.float16), expected, err_msg=mode)
    ref_d = d.astype(numpy.float16).view(numpy.uint16)  # NumPy rounds double -> half once
    numpy.testing.assert_array_equal(do[:, 0], ref_d)
    numpy.testing.assert_array_equal(do[:, 1], ref_d)


LOWP_ARITH = r'''
template <typename LP> void run(size_t n) {
    auto a = read_all<unsigned short>(n), b = read_all<unsigned short>(n), c = read_all<unsigned short>(n);
    using T = cupy_host_detail::lp_traits<LP>;
    std::vector<unsigned short> o;
    for (size_t i = 0; i < n; ++i) {
        LP x = T::from_bits(a[i]), y = T::from_bits(b[i]), z = T::from_bits(c[i]);
        LP r[] = {__hadd(x, y), __hsub(x, y), __hmul(x, y), __hdiv(x, y), __hfma(x, y, z), x + y, x * y,
                  __hmax(x, y), __hmin(x, y), __hneg(x), __habs(x), hsqrt(x), __hadd_sat(x, y)};
        for (LP v : r) o.push_back(T::bits(v));
        o.push_back((unsigned short)(__hlt(x, y) | __hge(x, y) << 1 | __hequ(x, y) << 2 | __hisnan(x) << 3));
    }
    write_all(o);
}
int main(int argc, char** argv) {
    size_t n; fread(&n, sizeof n, 1, stdin);
    if (argv[1][0] == 'h') run<__half>(n); else run<__nv_bfloat16>(n);
}
'''


def _bf16_to_f64(bits):
    return (bits.astype(numpy.uint32) << 16).view(numpy.float32).astype(numpy.float64)


@pytest.mark.parametrize("kind", ["half", "bfloat16"])
def test_lowp_arithmetic_is_correctly_rounded(build, kind):
    rng = numpy.random.default_rng(1)
    n = 1500
    fmt = HALF if kind == "half" else BF16
    to_f64 = ((lambda b: b.view(numpy.float16).astype(numpy.float64)) if kind == "half" else _bf16_to_f64)
    a, b, c = (rng.integers(0, 65536, n, dtype=numpy.uint16) for _ in range(3))
    # Exponents close enough that sums and products do not all over- or underflow.
    a = (a & 0x83ff) | (0x3000 if kind == "half" else 0x3c00) + (a & 0x0c00)
    b[: n // 2] = (b[: n // 2] & 0x83ff) | 0x3c00
    b[n // 2: n // 2 + 8] = [0x7e00, 0xfe00, 0x7c00, 0, 0x8000, 0, 0x7fc0, 0x8000] if kind == "half" else \
        [0x7fc0, 0xffc0, 0x7f80, 0, 0x8000, 0, 0x7fc0, 0x8000]
    out = numpy.frombuffer(_run(build(LOWP_ARITH), numpy.array([n], numpy.uint64), a, b, c,
                                args=(kind,)), numpy.uint16).reshape(n, 14)
    x, y, z = to_f64(a), to_f64(b), to_f64(c)
    got = to_f64(out[:, :13])
    with numpy.errstate(all="ignore"):
        exact_ops = [x + y, x - y, x * y]  # exact in double for 16-bit operands within range
    for col, ref in zip((0, 1, 2, 5, 6), (exact_ops[0], exact_ops[1], exact_ops[2], exact_ops[0], exact_ops[2])):
        for i in range(n):
            e = ref[i]
            want = e if math.isnan(e) or math.isinf(e) else fmt.round(e)
            assert (math.isnan(want) and math.isnan(got[i, col])) or got[i, col] == want, (kind, col, i)
    for i in range(n):
        xi, yi, zi = x[i], y[i], z[i]
        if all(map(math.isfinite, (xi, yi, zi))):
            if yi != 0:
                assert got[i, 3] == fmt.round(Fraction(xi) / Fraction(yi)), (kind, "div", i)
            assert got[i, 4] == fmt.round(Fraction(xi) * Fraction(yi) + Fraction(zi)), (kind, "fma", i)
            if xi >= 0:
                r = got[i, 11]  # sqrt: r is the nearest of its neighbours to the root
                assert abs(Fraction(r) ** 2 - Fraction(xi)) <= abs(Fraction(fmt.round(r * (1 + 2.0 ** -fmt.p), "ru")) ** 2 - Fraction(xi))
    with numpy.errstate(invalid="ignore"):
        numpy.testing.assert_array_equal(got[:, 7], numpy.fmax(x, y))   # NaN yields the other operand
        numpy.testing.assert_array_equal(got[:, 8], numpy.fmin(x, y))
        numpy.testing.assert_array_equal(got[:, 9], -x)
        numpy.testing.assert_array_equal(got[:, 10], numpy.abs(x))
        sat = numpy.clip(got[:, 0], 0, 1)
        numpy.testing.assert_array_equal(got[:, 12], numpy.where(numpy.isnan(got[:, 0]), 0, sat))
        flags = (x < y) | (x >= y) << 1 | ~((x < y) | (x > y)) << 2 | numpy.isnan(x) << 3
    numpy.testing.assert_array_equal(out[:, 13], flags)


def test_bfloat16_conversion_is_round_to_nearest_even_of_float_bits(build):
    body = r'''
int main() {
    size_t n; fread(&n, sizeof n, 1, stdin);
    auto f = read_all<float>(n); auto d = read_all<double>(n);
    std::vector<unsigned short> o;
    for (size_t i = 0; i < n; ++i) {
        o.push_back(__bfloat16_as_ushort(__float2bfloat16(f[i])));
        o.push_back(__bfloat16_as_ushort(__float2bfloat16_rz(f[i])));
        o.push_back(__bfloat16_as_ushort(__float2bfloat16_ru(f[i])));
        o.push_back(__bfloat16_as_ushort(__float2bfloat16_rd(f[i])));
        o.push_back(__bfloat16_as_ushort(__double2bfloat16(d[i])));
        o.push_back(__bfloat16_as_ushort(__ll2bfloat16_rn(fabs(d[i]) < 9e18 ? (long long)d[i] : 0)));
    }
    write_all(o);
}
'''
    rng = numpy.random.default_rng(2)
    f = _random_bits(rng, 4000, numpy.float32)
    ties = (rng.integers(0, 2 ** 31, 500, dtype=numpy.uint32) & 0xffff0000 | 0x8000).view(numpy.float32)
    f = numpy.concatenate([f, ties[numpy.isfinite(ties)]])
    d = numpy.concatenate([rng.uniform(-1e6, 1e6, len(f) - 100), rng.uniform(-2.0 ** 62, 2.0 ** 62, 100)])
    d[:500] = f[:500].astype(numpy.float64) * (1 + 2.0 ** -30)  # just past float ties: one rounding
    out = numpy.frombuffer(_run(build(body), numpy.array([len(f)], numpy.uint64), f, d), numpy.uint16).reshape(-1, 6)
    u = f.view(numpy.uint32).astype(numpy.uint64)
    rne = ((u + 0x7fff + ((u >> 16) & 1)) >> 16).astype(numpy.uint16)
    numpy.testing.assert_array_equal(out[:, 0], rne)
    for col, mode in zip((1, 2, 3), ("rz", "ru", "rd")):
        want = [BF16.round(float(v), mode) for v in f]
        numpy.testing.assert_array_equal(_bf16_to_f64(out[:, col]), want, err_msg=mode)
    numpy.testing.assert_array_equal(_bf16_to_f64(out[:, 4]), [BF16.round(v) for v in d])
    numpy.testing.assert_array_equal(_bf16_to_f64(out[:, 5]), [BF16.round(int(v) if abs(v) < 9e18 else 0) for v in d])


# --- rounding-mode intrinsics -------------------------------------------------------------------------

ROUNDED = r'''
template <typename T, typename F> void each(const std::vector<T>& a, const std::vector<T>& b, F f) {
    std::vector<T> o; for (size_t i = 0; i < a.size(); ++i) f(o, a[i], b[i]); write_all(o);
}
#define FOUR(name, ...) o.push_back(name##_rn(__VA_ARGS__)); o.push_back(name##_rz(__VA_ARGS__)); \
    o.push_back(name##_ru(__VA_ARGS__)); o.push_back(name##_rd(__VA_ARGS__));
int main() {
    size_t n; fread(&n, sizeof n, 1, stdin);
    auto fa = read_all<float>(n), fb = read_all<float>(n); auto da = read_all<double>(n), db = read_all<double>(n);
    each(fa, fb, [](std::vector<float>& o, float a, float b) {
        FOUR(__fadd, a, b) FOUR(__fsub, a, b) FOUR(__fmul, a, b) FOUR(__fdiv, a, b) FOUR(__fmaf, a, b, a)
        FOUR(__frcp, b) FOUR(__fsqrt, fabsf(a)) });
    each(da, db, [](std::vector<double>& o, double a, double b) {
        FOUR(__dadd, a, b) FOUR(__dsub, a, b) FOUR(__dmul, a, b) FOUR(__ddiv, a, b) FOUR(__fma, a, b, a)
        FOUR(__drcp, b) FOUR(__dsqrt, fabs(a)) });
    std::vector<float> c;
    for (double v : da) { c.push_back(__double2float_rn(v)); c.push_back(__double2float_rz(v));
                          c.push_back(__double2float_ru(v)); c.push_back(__double2float_rd(v)); }
    write_all(c);
    write_one(__fadd_rd(1.0f, -1.0f)); write_one(__fadd_rn(1.0f, -1.0f));
    write_one(fegetround() == FE_TONEAREST ? 1.0f : 0.0f);
}
'''


def _check_sqrt(fmt, a, r, mode):
    a, r = Fraction(a), Fraction(r)
    up = Fraction(fmt.round(float(r) * (1 + 2.0 ** (1 - fmt.p)), "ru"))  # the next value above r
    down = Fraction(fmt.round(float(r) * (1 - 2.0 ** (-fmt.p)), "rd")) if r else Fraction(0)
    if mode in ("rz", "rd"):
        return r * r <= a < up * up
    if mode == "ru":
        return down * down < a <= r * r
    return (r - (r - down) / 2) ** 2 <= a <= (r + (up - r) / 2) ** 2


def test_rounding_mode_intrinsics_are_exact(build):
    rng = numpy.random.default_rng(3)
    n = 400
    def operands(dtype, n):
        bits = _random_bits(rng, 4 * n, dtype)
        bits = bits[bits != 0][:n]
        scale = numpy.ldexp(numpy.ones(n, dtype), rng.integers(-20, 20, n)).astype(dtype)
        near = (rng.standard_normal(n) * scale).astype(dtype)
        near[near == 0] = 1
        return numpy.where(numpy.arange(n) % 2 == 0, bits, near).astype(dtype)
    fa, fb = operands(numpy.float32, n), operands(numpy.float32, n)
    da, db = operands(numpy.float64, n), operands(numpy.float64, n)
    out = _run(build(ROUNDED), numpy.array([n], numpy.uint64), fa, fb, da, db)
    fo = numpy.frombuffer(out[: n * 28 * 4], numpy.float32).reshape(n, 7, 4)
    do = numpy.frombuffer(out[n * 28 * 4: n * 28 * 12], numpy.float64).reshape(n, 7, 4)
    co = numpy.frombuffer(out[n * 28 * 12: n * 28 * 12 + n * 16], numpy.float32).reshape(n, 4)
    tail = numpy.frombuffer(out[n * 28 * 12 + n * 16:], numpy.float32)
    for fmt, a, b, o in ((F32, fa, fb, fo), (F64, da, db, do)):
        for i in range(n):
            x, y = Fraction(float(a[i])), Fraction(float(b[i]))
            exact = [x + y, x - y, x * y, x / y, x * y + x, 1 / y]
            for k, e in enumerate(exact):
                for m, mode in enumerate(MODES):
                    want = fmt.round(e, mode)
                    assert o[i, k, m] == want, (fmt.p, k, mode, float(a[i]), float(b[i]))
            for m, mode in enumerate(MODES):
                assert _check_sqrt(fmt, abs(float(a[i])), float(o[i, 6, m]), mode), (fmt.p, mode, a[i])
    for i in range(n):
        for m, mode in enumerate(MODES):
            assert co[i, m] == F32.round(float(da[i]), mode), (mode, da[i])
    assert tail[0] == 0 and math.copysign(1, tail[0]) == -1  # exact zero sum is -0 when rounding down
    assert math.copysign(1, tail[1]) == 1
    assert tail[2] == 1  # the caller's rounding mode is restored


CONVERT = r'''
int main() {
    size_t n; fread(&n, sizeof n, 1, stdin);
    auto f = read_all<float>(n); auto d = read_all<double>(n); auto l = read_all<long long>(n);
    std::vector<long long> o; std::vector<double> c;
    for (size_t i = 0; i < n; ++i) {
        o.push_back(__float2int_rn(f[i])); o.push_back(__float2int_rz(f[i])); o.push_back(__float2int_ru(f[i]));
        o.push_back(__float2int_rd(f[i])); o.push_back(__float2uint_rn(f[i])); o.push_back(__double2int_rn(d[i]));
        o.push_back(__double2ll_rz(d[i])); o.push_back(__double2uint_ru(d[i])); o.push_back(__float2ll_rd(f[i]));
        c.push_back(__ll2double_rn(l[i])); c.push_back(__ll2double_rz(l[i])); c.push_back(__ll2double_ru(l[i]));
        c.push_back(__ll2float_rd(l[i])); c.push_back(__int2float_rz((int)l[i])); c.push_back(__ull2float_ru((unsigned long long)l[i]));
    }
    write_all(o); write_all(c);
}
'''


def test_conversions_round_and_saturate_like_cvt(build):
    rng = numpy.random.default_rng(4)
    n = 600
    f = numpy.concatenate([rng.uniform(-3e9, 3e9, n // 3), rng.uniform(-10, 10, n // 3),
                           numpy.arange(n - 2 * (n // 3)) * 0.5 - 50]).astype(numpy.float32)
    f[:4] = [numpy.nan, numpy.inf, -numpy.inf, 2.5]
    d = numpy.concatenate([rng.uniform(-1e19, 1e19, n // 2), rng.uniform(-1e3, 1e3, n - n // 2)])
    d[:2] = [numpy.nan, -0.5]
    l = rng.integers(-2 ** 63, 2 ** 63 - 1, n, dtype=numpy.int64)
    out = _run(build(CONVERT), numpy.array([n], numpy.uint64), f, d, l)
    o = numpy.frombuffer(out[: n * 72], numpy.int64).reshape(n, 9)
    c = numpy.frombuffer(out[n * 72:], numpy.float64).reshape(n, 6)

    def cvt(x, rnd, lo, hi):
        if math.isnan(x):
            return 0
        if math.isinf(x):
            return hi if x > 0 else lo
        v = {"rn": round, "rz": math.trunc, "ru": math.ceil, "rd": math.floor}[rnd](Fraction(x))
        return min(max(v, lo), hi)
    I32, U32, I64 = (-2 ** 31, 2 ** 31 - 1), (0, 2 ** 32 - 1), (-2 ** 63, 2 ** 63 - 1)
    for i in range(n):
        x, y = float(f[i]), float(d[i])
        want = [cvt(x, "rn", *I32), cvt(x, "rz", *I32), cvt(x, "ru", *I32), cvt(x, "rd", *I32),
                cvt(x, "rn", *U32), cvt(y, "rn", *I32), cvt(y, "rz", *I64), cvt(y, "ru", *U32), cvt(x, "rd", *I64)]
        got = [int(v) for v in o[i]]
        got[4] &= 0xffffffff
        got[7] &= 0xffffffff
        assert got == want, (x, y)
        li = int(l[i])
        i32 = (li + 2 ** 31) % 2 ** 32 - 2 ** 31
        u64 = li % 2 ** 64
        assert list(c[i]) == [F64.round(li), F64.round(li, "rz"), F64.round(li, "ru"), F32.round(li, "rd"),
                              F32.round(i32, "rz"), F32.round(u64, "ru")], li


# --- integer intrinsics -------------------------------------------------------------------------------

INTEGER = r'''
int main() {
    size_t n; fread(&n, sizeof n, 1, stdin);
    auto a = read_all<unsigned int>(n), b = read_all<unsigned int>(n), s = read_all<unsigned int>(n);
    auto p = read_all<unsigned long long>(n), q = read_all<unsigned long long>(n);
    std::vector<unsigned long long> o;
    for (size_t i = 0; i < n; ++i) {
        unsigned int x = a[i], y = b[i], k = s[i]; int sx = (int)x, sy = (int)y;
        unsigned long long u = p[i], v = q[i];
        unsigned long long r[] = {
            (unsigned)__popc(x), (unsigned)__popcll(u), (unsigned)__clz(sx), (unsigned)__clzll((long long)u),
            (unsigned)__ffs(sx), (unsigned)__ffsll((long long)u), __brev(x), __brevll(u), __byte_perm(x, y, k),
            __funnelshift_l(x, y, k), __funnelshift_lc(x, y, k), __funnelshift_r(x, y, k), __funnelshift_rc(x, y, k),
            (unsigned)__mul24(sx, sy), __umul24(x, y), (unsigned)__mulhi(sx, sy), __umulhi(x, y),
            (unsigned long long)__mul64hi((long long)u, (long long)v), __umul64hi(u, v), __sad(sx, sy, k),
            __usad(x, y, k), (unsigned)__hadd(sx, sy), (unsigned)__rhadd(sx, sy), __uhadd(x, y), __urhadd(x, y),
            min(sx, y), max(x, sy), (unsigned)min(sx, sy), (unsigned long long)max((long long)u, (long long)v),
            min((long long)u, v), umin(x, y), (unsigned long long)llmax((long long)u, (long long)v)};
        for (auto w : r) o.push_back(w);
    }
    write_all(o);
}
'''


def _s(v, bits):
    return v - (1 << bits) if v >> (bits - 1) else v


def _ref_integer(x, y, k, u, v):
    m32, m64 = 2 ** 32 - 1, 2 ** 64 - 1
    sx, sy, su, sv = _s(x, 32), _s(y, 32), _s(u, 64), _s(v, 64)
    perm = 0
    for j in range(4):
        perm |= (((y << 32 | x) >> (8 * ((k >> (4 * j)) & 7))) & 0xff) << (8 * j)
    wide = y << 32 | x
    s24 = lambda t: _s(t & 0xffffff, 24)
    return [bin(x).count("1"), bin(u).count("1"), 32 - x.bit_length(), 64 - u.bit_length(),
            (x & -x).bit_length(), (u & -u).bit_length(), int(f"{x:032b}"[::-1], 2), int(f"{u:064b}"[::-1], 2),
            perm, ((wide << (k & 31)) >> 32) & m32, ((wide << min(k, 32)) >> 32) & m32,
            (wide >> (k & 31)) & m32, (wide >> min(k, 32)) & m32,
            (s24(x) * s24(y)) & m32, ((x & 0xffffff) * (y & 0xffffff)) & m32, ((sx * sy) >> 32) & m32,
            (x * y) >> 32, ((su * sv) >> 64) & m64, (u * v) >> 64, (abs(sx - sy) + k) & m32, (abs(x - y) + k) & m32,
            ((sx + sy) >> 1) & m32, ((sx + sy + 1) >> 1) & m32, (x + y) >> 1, (x + y + 1) >> 1,
            min(x, y), max(x, y),  # CUDA's min(int, unsigned) compares as unsigned
            min(sx, sy) & m32, max(su, sv) & m64, min(u, v), min(x, y), max(su, sv) & m64]


def test_integer_intrinsics_match_reference(build):
    rng = numpy.random.default_rng(5)
    n = 2000
    a = rng.integers(0, 2 ** 32, n, dtype=numpy.uint64).astype(numpy.uint32)
    b = rng.integers(0, 2 ** 32, n, dtype=numpy.uint64).astype(numpy.uint32)
    s = rng.integers(0, 2 ** 32, n, dtype=numpy.uint64).astype(numpy.uint32)
    s[: n // 2] %= 40  # shift counts around 32 for the funnel shifts
    p = rng.integers(0, 2 ** 64 - 1, n, dtype=numpy.uint64, endpoint=True)
    q = rng.integers(0, 2 ** 64 - 1, n, dtype=numpy.uint64, endpoint=True)
    a[:6] = [0, 1, 0x80000000, 0xffffffff, 0x7fffffff, 0x00800000]
    p[:4] = [0, 1, 2 ** 63, 2 ** 64 - 1]
    got = numpy.frombuffer(_run(build(INTEGER), numpy.array([n], numpy.uint64), a, b, s, p, q),
                           numpy.uint64).reshape(n, 32)
    for i in range(n):
        want = _ref_integer(int(a[i]), int(b[i]), int(s[i]), int(p[i]), int(q[i]))
        assert [int(w) for w in got[i]] == want, i


# --- math functions -----------------------------------------------------------------------------------

MATH = r'''
int main() {
    size_t n; fread(&n, sizeof n, 1, stdin);
    auto x = read_all<double>(n);
    std::vector<double> o;
    for (double v : x) {
        float f = (float)v; double s, c; float sf, cf;
        sincospi(v, &s, &c); sincospif(f, &sf, &cf);
        double r[] = {erfinv(v), erfcinv(v + 1.0), erfcx(v * 20), normcdf(v * 10), normcdfinv((v + 1) / 2),
                      cyl_bessel_i0(v * 30), cyl_bessel_i1(v * 30), sinpi(v * 5), cospi(v * 5), s, c,
                      rsqrt(fabs(v)), rcbrt(v), erfinvf(f), erfcxf(f * 20), normcdff(f * 10), cyl_bessel_i0f(f * 30),
                      sinpif(f * 5), sf, cf, rsqrtf(fabsf(f)), __saturatef(f * 2), __expf(f), __fdividef(f, 3.0f),
                      erfcinv(fabs(v) * 1e-300), normcdfinv(fabs(v) * 1e-20)};
        for (double w : r) o.push_back(w);
    }
    write_all(o);
}
'''


def test_math_functions_match_scipy(build):
    rng = numpy.random.default_rng(6)
    x = numpy.concatenate([rng.uniform(-1, 1, 3000), [0.0, 0.5, -0.5, 0.999999, -0.999999, 1e-300]])
    n = len(x)
    got = numpy.frombuffer(_run(build(MATH), numpy.array([n], numpy.uint64), x), numpy.float64).reshape(n, 26)
    f = x.astype(numpy.float32).astype(numpy.float64)
    sp = scipy.special
    # Tolerances: CUDA documents at most 2-8 ulp for these double functions (erfcinv 6, normcdfinv 7,
    # i0/i1 6); relative 2^-47 ~ 32 ulp leaves room for SciPy's own error. Single-precision results are
    # computed in double and rounded, within 1 ulp (2^-23) of the true value.
    d_tol, f_tol = 2.0 ** -47, 2.0 ** -22
    # SciPy's erfcx loses about x^2 ulp for negative x (it forms exp(x*x)); there the reference is
    # 2 exp(x^2) - erfcx(-x) in extended precision.
    xl = numpy.longdouble(x * 20)
    erfcx_ref = numpy.where(x < 0, (2 * numpy.exp(xl * xl)).astype(numpy.float64) - sp.erfcx(-x * 20),
                            sp.erfcx(x * 20))
    checks = [(0, sp.erfinv(x), d_tol), (1, sp.erfcinv(x + 1), d_tol), (2, erfcx_ref, d_tol),
              (3, sp.ndtr(x * 10), 2.0 ** -45),  # SciPy's ndtr is off by up to 1e-14 in the lower tail (4, sp.ndtri((x + 1) / 2), d_tol), (5, sp.i0(x * 30), d_tol),
              (6, sp.i1(x * 30), d_tol), (11, 1 / numpy.sqrt(abs(x)), d_tol),
              (12, 1 / numpy.cbrt(x), d_tol), (13, sp.erfinv(f), f_tol), (14, sp.erfcx(numpy.float32(f * 20)), f_tol),
              (15, sp.ndtr(numpy.float32(f * 10).astype(numpy.float64)), f_tol),
              (16, sp.i0(numpy.float32(f * 30).astype(numpy.float64)), f_tol),
              (20, 1 / numpy.sqrt(abs(f)), f_tol),
              (22, numpy.exp(f), f_tol), (23, f / 3, f_tol), (24, sp.erfcinv(abs(x) * 1e-300), d_tol),
              (25, sp.ndtri(abs(x) * 1e-20), d_tol)]
    with numpy.errstate(all="ignore"):
        for col, ref, tol in checks:
            ok = numpy.isclose(got[:, col], ref, rtol=tol, atol=0) | (numpy.isinf(ref) & (got[:, col] == ref))
            assert ok.all(), (col, x[~ok][:3], got[~ok, col][:3], ref[~ok][:3])
    # The pi-scaled functions reduce their argument exactly (x mod 2 is exact), so they match
    # sin/cos of pi times the reduced argument to a few ulp of 1.
    numpy.testing.assert_allclose(got[:, 7], numpy.sin(numpy.pi * ((x * 5) % 2)), rtol=1e-14, atol=1e-15)
    numpy.testing.assert_allclose(got[:, 8], numpy.cos(numpy.pi * ((x * 5) % 2)), rtol=1e-14, atol=1e-15)
    s_ref = numpy.sin(numpy.pi * x)
    assert numpy.allclose(got[:, 9], s_ref, rtol=1e-14, atol=1e-15)
    assert numpy.allclose(got[:, 10], numpy.cos(numpy.pi * x), rtol=1e-14, atol=1e-15)
    numpy.testing.assert_allclose(got[:, 17], numpy.sin(numpy.pi * (numpy.float32(f * 5).astype(numpy.float64) % 2)), rtol=f_tol, atol=1e-7)
    numpy.testing.assert_allclose(got[:, 18], numpy.sin(numpy.pi * f), rtol=f_tol, atol=1e-7)
    numpy.testing.assert_allclose(got[:, 19], numpy.cos(numpy.pi * f), rtol=f_tol, atol=1e-7)
    numpy.testing.assert_array_equal(got[:, 21], numpy.clip(numpy.float32(f * 2), 0, 1))


def test_math_special_values(build):
    body = r'''
int main() {
    double r[] = {sinpi(1.0), sinpi(-2.0), sinpi(0.5), cospi(0.5), cospi(1.0), sinpi(1e300), sinpi(3.0 + 0.25),
                  erfinv(1.0), erfinv(-1.0), erfinv(1.5), erfcinv(0.0), erfcinv(2.0), erfcx(-30.0), erfcx(1e10),
                  normcdfinv(0.5), norm3d(1e300, 1e300, 0.0), rnorm3d(3e-320, 4e-320, 0.0), norm4d(INFINITY, NAN, 0, 0),
                  (double)__saturatef(NAN), rsqrt(0.0), rsqrt(-0.0), cyl_bessel_i1(-2.0), (double)rhypotf(3, 4),
                  (double)CUDART_PI_F, CUDART_PI, CUDART_INF, CUDART_SQRT_2PI, __int2double_rn(-7)};
    write_all(std::vector<double>(r, r + sizeof r / sizeof *r));
}
'''
    body = body.replace('#include', '')
    exe = build('#include <math_constants.h>\n' + body)
    got = numpy.frombuffer(_run(exe), numpy.float64)
    sqrt2 = math.sqrt(2.0)
    want = [0.0, -0.0, 1.0, 0.0, -1.0, 0.0, math.sin(math.pi * 1.25), math.inf, -math.inf, math.nan, math.inf,
            -math.inf, math.inf, 1 / (1e10 * math.sqrt(math.pi)), 0.0, sqrt2 * 1e300, 1 / 5e-320, math.inf,
            0.0, math.inf, -math.inf, -scipy.special.i1(2.0), float(numpy.float32(0.2)),
            float(numpy.float32(math.pi)), math.pi, math.inf, math.sqrt(2 * math.pi), -7.0]
    for i, (g, w) in enumerate(zip(got, want)):
        if math.isnan(w):
            assert math.isnan(g), i
        else:
            # A few ulp: CUDA documents up to 6 ulp for cyl_bessel_i1, the loosest function here.
            assert g == pytest.approx(w, rel=2e-15, abs=0), (i, g, w)
            assert math.copysign(1, g) == math.copysign(1, w), (i, g, w)


# --- atomics under real threads ----------------------------------------------------------------------

ATOMICS = r'''
#include <thread>
int main() {
    const int T = 8, N = 100000;
    int ai = 0; unsigned au = 0; unsigned long long aull = 0; float af = 0; double ad = 0;
    int mx = -1 << 30, mn = 1 << 30; unsigned long long umx = 0; long long lmn = 0;
    unsigned inc = 0, dec = 0; int cas = 0; unsigned orv = 0, xr = 0; int sub = T * N;
    __half ah = 0.0f; __nv_bfloat16 ab = 0.0f; float fmax_cas = -1e30f;
    std::vector<unsigned long long> exch_seen(T, 0);
    unsigned long long exch = 0;
    std::vector<std::thread> ts;
    for (int t = 0; t < T; ++t) ts.emplace_back([&, t] {
        for (int i = 0; i < N; ++i) {
            atomicAdd(&ai, 1); atomicAdd_block(&au, 2u); atomicAdd_system(&aull, 3ull);
            atomicAdd(&af, 1.0f); atomicAdd(&ad, 0.5); atomicSub(&sub, 1);
            int v = (i * 7919 + t * 104729) % 1000003 - 500000;
            atomicMax(&mx, v); atomicMin(&mn, v);
            atomicMax(&umx, (unsigned long long)v * 3u); atomicMin(&lmn, (long long)v * -1000000000ll);
            atomicInc(&inc, 999u); atomicDec(&dec, 999u);
            int old = cas, assumed;
            do { assumed = old; old = atomicCAS(&cas, assumed, assumed + 1); } while (old != assumed);
            atomicXor(&xr, 1u << t);
            exch_seen[t] += atomicExch(&exch, (unsigned long long)(t * N + i + 1));
            float fv = (float)v; unsigned int* fp = (unsigned int*)&fmax_cas;
            unsigned int fo = *fp, fa;
            do { fa = fo; if (__uint_as_float(fa) >= fv) break; fo = atomicCAS(fp, fa, __float_as_uint(fv)); } while (fo != fa);
            if (i < 100) { atomicAdd(&ah, __half(1.0f)); atomicAdd(&ab, __nv_bfloat16(1.0f)); }
        }
        atomicOr(&orv, 1u << (3 * t));
    });
    for (auto& th : ts) th.join();
    unsigned long long seen = exch; for (auto s : exch_seen) seen += s;
    double r[] = {(double)ai, (double)au, (double)aull, af, ad, (double)sub, (double)mx, (double)mn, (double)umx,
                  (double)lmn, (double)inc, (double)dec, (double)cas, (double)orv, (double)xr, (double)seen,
                  (double)(float)ah, (double)(float)ab, fmax_cas};
    write_all(std::vector<double>(r, r + 19));
}
'''


def test_atomics_are_atomic_under_threads(build):
    got = numpy.frombuffer(_run(build(ATOMICS, extra=("-pthread",))), numpy.float64)
    T, N = 8, 100000
    vals = [(i * 7919 + t * 104729) % 1000003 - 500000 for t in range(T) for i in range(N)]
    total = T * N
    # atomicInc: ((old >= 999) ? 0 : old + 1) from 0; atomicDec: ((old == 0 || old > 999) ? 999 : old - 1).
    want = [total, 2 * total, 3 * total, total, 0.5 * total, 0, max(vals), min(vals),
            max(v * 3 % 2 ** 64 for v in vals), min(v * -1000000000 for v in vals),
            total % 1000, (-total) % 1000, total, sum(1 << (3 * t) for t in range(T)), 0,
            total * (total + 1) // 2, 200.0, 200.0, float(max(vals))]
    # 800000 float additions of 1.0 are exact below 2^24. Adding 800 ones in half precision is exact
    # (below 2048); in bfloat16 the sum sticks at 256, where 256 + 1 rounds back to 256.
    want[16], want[17] = 800.0, 256.0
    assert [float(g) for g in got] == [float(w) for w in want]


# --- vector types and the names check ------------------------------------------------------------------

def test_vector_types_have_cuda_layout(build):
    types = ["char1", "char2", "char3", "char4", "uchar2", "short2", "short3", "short4", "ushort4", "int2",
             "int3", "int4", "uint3", "long1", "long2", "long4", "longlong2", "ulonglong4", "float2", "float3",
             "float4", "double1", "double2", "double3", "double4", "double4_32a", "long4_16a", "dim3", "__half",
             "__half2", "__nv_bfloat16", "__nv_bfloat162"]
    body = "int main() { std::vector<unsigned long long> o = {%s};\n" % ", ".join(
        f"sizeof({t}), alignof({t})" for t in types)
    body += "dim3 g; dim3 h(5, 6); uint3 u = make_uint3(7, 8, 9); dim3 k(u); uint3 back = h;\n"
    body += "for (unsigned v : {g.x, g.y, g.z, h.x, h.y, h.z, k.z, back.y}) o.push_back(v); write_all(o); }\n"
    got = numpy.frombuffer(_run(build("#include <initializer_list>\n" + body)), numpy.uint64)
    want = {"char1": (1, 1), "char2": (2, 2), "char3": (3, 1), "char4": (4, 4), "uchar2": (2, 2),
            "short2": (4, 4), "short3": (6, 2), "short4": (8, 8), "ushort4": (8, 8), "int2": (8, 8),
            "int3": (12, 4), "int4": (16, 16), "uint3": (12, 4), "long1": (8, 8), "long2": (16, 16),
            "long4": (32, 16), "longlong2": (16, 16), "ulonglong4": (32, 16), "float2": (8, 8),
            "float3": (12, 4), "float4": (16, 16), "double1": (8, 8), "double2": (16, 16), "double3": (24, 8),
            "double4": (32, 16), "double4_32a": (32, 32), "long4_16a": (32, 16), "dim3": (12, 4),
            "__half": (2, 2), "__half2": (4, 4), "__nv_bfloat16": (2, 2), "__nv_bfloat162": (4, 4)}
    assert [int(v) for v in got[: 2 * len(types)]] == [x for t in types for x in want[t]]
    assert [int(v) for v in got[2 * len(types):]] == [1, 1, 1, 5, 6, 1, 9, 6]


def test_every_name_compiles_with_gxx_and_the_prelude():
    subprocess.run(["g++", *FLAGS, "-fsyntax-only", "-Werror", "-include", "cupy_host/prelude.h",
                    "-x", "c++", NAMES_SOURCE], check=True, capture_output=True, text=True)


def test_every_name_is_a_cuda_name():
    """NVRTC for sm_90 accepts the same source: every name above exists in CUDA with these types."""
    from cupy_backends.cuda._cuda_backend import compile_nvrtc
    from cupy_backends.cuda.libs import nvrtc
    from cupy_backends.program import ProgramSpec
    if not nvrtc.is_available():
        pytest.skip("NVRTC is not installed")
    with open(NAMES_SOURCE) as fh:
        source = fh.read()
    code = compile_nvrtc(ProgramSpec(source, "builtins_names.cu", (), (), "sm_90"))
    assert code.image[:4] == b"\x7fELF"

"""The FFT boundary (cupy.fft._exec): argument checks, and the cuFFT adapter driven through a
simulated cuFFT on the host device, so that its layouts, plan keys, work areas, scaling and
plan caching are tested without a GPU. The simulation follows cuFFT's documented advanced
data layout and overwrites the input of complex-to-real transforms, as cuFFT may."""
import math

import numpy
import pytest

import cupy
from cupy import testing
from cupy.fft import _exec
from cupy.fft import config
from cupy_backends.cuda.libs import cufft
from cupy_backends.host._blas import _view

_host = cupy.cuda.get_backend_name() == "host"
needs_host = pytest.mark.skipif(not _host, reason="the simulation reads device memory on the host")


class FakeCufft:
    """cuFFT's plan API over NumPy: plans interpret the advanced layout literally."""

    def __init__(self):
        self.plans = {}
        self.destroyed = []
        self.executions = []
        self._next = 1
        for name in dir(cufft):
            if name.startswith("CUFFT_"):
                setattr(self, name, getattr(cufft, name))

    def create(self):
        h, self._next = self._next, self._next + 1
        self.plans[h] = {"auto": True}
        return h

    def destroy(self, h):
        del self.plans[h]
        self.destroyed.append(h)

    def setAutoAllocation(self, h, auto):
        self.plans[h]["auto"] = auto

    def makePlanMany64(self, h, n, inembed, istride, idist, onembed, ostride, odist, t,
                       batch):
        assert 1 <= len(n) <= 3 and len(inembed) == len(onembed) == len(n)
        assert min(istride, idist, ostride, odist, batch) > 0
        self.plans[h].update(n=list(n), iembed=list(inembed), istride=istride, idist=idist,
                             oembed=list(onembed), ostride=ostride, odist=odist, type=t,
                             batch=batch)
        return 1024

    def setStream(self, h, stream):
        self.plans[h]["stream"] = stream

    def setWorkArea(self, h, ptr):
        self.plans[h]["work"] = ptr

    @staticmethod
    def _strides(embed, stride, dist):
        out = [stride]
        for e in reversed(embed[1:]):
            out.insert(0, out[0] * e)
        return [dist] + out

    def _views(self, p, x, y, in_dtype, out_dtype):
        n = p["n"]
        t = p["type"]
        in_n, out_n = list(n), list(n)
        if t in (self.CUFFT_R2C, self.CUFFT_D2Z):
            out_n[-1] = n[-1] // 2 + 1
        if t in (self.CUFFT_C2R, self.CUFFT_Z2D):
            in_n[-1] = n[-1] // 2 + 1
        xv = _view(x, [p["batch"]] + in_n, self._strides(p["iembed"], p["istride"], p["idist"]),
                   numpy.dtype(in_dtype))
        yv = _view(y, [p["batch"]] + out_n,
                   self._strides(p["oembed"], p["ostride"], p["odist"]), numpy.dtype(out_dtype))
        return xv, yv, tuple(range(1, len(n) + 1))

    def _exec(self, h, x, y, in_dtype, out_dtype, direction=None):
        p = self.plans[h]
        assert not p["auto"] and p.get("work") and "stream" in p
        self.executions.append(h)
        xv, yv, axes = self._views(p, x, y, in_dtype, out_dtype)
        t = p["type"]
        if t in (self.CUFFT_C2C, self.CUFFT_Z2Z):
            if direction == self.CUFFT_FORWARD:
                yv[...] = numpy.fft.fftn(xv, axes=axes)
            else:
                yv[...] = numpy.fft.ifftn(xv, axes=axes, norm="forward")
        elif t in (self.CUFFT_R2C, self.CUFFT_D2Z):
            yv[...] = numpy.fft.rfftn(xv, axes=axes)
        else:
            yv[...] = numpy.fft.irfftn(xv, s=p["n"], axes=axes, norm="forward")
            xv[...] = numpy.nan     # the input is not preserved

    def execC2C(self, h, x, y, d):
        self._exec(h, x, y, "F", "F", d)

    def execZ2Z(self, h, x, y, d):
        self._exec(h, x, y, "D", "D", d)

    def execR2C(self, h, x, y):
        self._exec(h, x, y, "f", "F")

    def execD2Z(self, h, x, y):
        self._exec(h, x, y, "d", "D")

    def execC2R(self, h, x, y):
        self._exec(h, x, y, "F", "f")

    def execZ2D(self, h, x, y):
        self._exec(h, x, y, "D", "d")


@pytest.fixture
def fake(monkeypatch):
    lib = FakeCufft()
    executor = _exec._CufftExecutor()
    executor._lib = lib
    monkeypatch.setattr(_exec, "_backend", lambda: executor)
    cache = config.get_plan_cache()
    cache.clear()
    yield lib
    cache.clear()


class TestLayout:

    @pytest.mark.parametrize("shape,strides,rank,expected", [
        ((4, 8), (8, 1), 1, (4, 8, (8,), 1)),
        ((4, 8), (1, 4), 1, (4, 1, (8,), 4)),             # axis 0 of a C array, moved last
        ((2, 3, 8), (24, 8, 1), 2, (2, 24, (3, 8), 1)),
        ((2, 3, 8), (48, 16, 1), 2, (2, 48, (3, 16), 1)),  # a padded row pitch
        ((5, 4, 3, 2), (24, 6, 2, 1), 3, (5, 24, (4, 3, 2), 1)),
        ((8,), (2,), 1, (1, 16, (8,), 2)),
        ((1, 8), (999, 1), 1, (1, 8, (8,), 1)),
        ((3, 1, 8), (8, 77, 1), 2, (3, 8, (1, 8), 1)),     # a size-1 axis takes any stride
        ((2, 3, 8), (24, 8, 1), 1, (6, 8, (8,), 1)),       # batch axes that collapse
    ])
    def test_fits(self, shape, strides, rank, expected):
        assert _exec._layout(shape, strides, rank) == expected

    @pytest.mark.parametrize("shape,strides,rank", [
        ((4, 8), (8, -1), 1),          # negative stride
        ((4, 8), (0, 1), 1),           # broadcast batch
        ((2, 3, 8), (48, 8, 2), 1),    # batch axes that do not collapse
        ((3, 8), (4, 1), 2),           # rows overlap
        ((3, 8), (9, 2), 2),           # not nested
    ])
    def test_does_not_fit(self, shape, strides, rank):
        assert _exec._layout(shape, strides, rank) is None


class TestBoundaryChecks:

    def test_rejects_bad_arguments(self):
        x = cupy.zeros((2, 4), numpy.complex128)
        with pytest.raises(ValueError):
            _exec.c2c(x, x, (0, 0), True, "backward")
        with pytest.raises(ValueError):
            _exec.c2c(x, x, (), True, "backward")
        with pytest.raises(ValueError):
            _exec.c2c(x, cupy.zeros((2, 5), numpy.complex128), (1,), True, "backward")
        with pytest.raises(TypeError):
            _exec.c2c(x.real.copy(), x.real.copy(), (1,), True, "backward")
        with pytest.raises(ValueError):
            _exec.r2c(cupy.zeros((2, 4)), cupy.zeros((2, 4), numpy.complex128), (1,),
                      "backward")
        with pytest.raises(ValueError):
            _exec.c2r(cupy.zeros((2, 3), numpy.complex64), cupy.zeros((2, 4)), (1,),
                      "backward")

    @pytest.mark.parametrize("norm,forward,n,expected", [
        ("backward", True, 4, 1), ("backward", False, 4, 0.25), ("ortho", True, 4, 0.5),
        ("ortho", False, 4, 0.5), ("forward", True, 4, 0.25), ("forward", False, 4, 1)])
    def test_scale(self, norm, forward, n, expected):
        assert _exec._scale(norm, forward, n) == expected


@needs_host
class TestCufftAdapterSimulated:

    @pytest.mark.parametrize("func,shape,kw", [
        ("fft", (4, 8), {}), ("fft", (4, 8), {"axis": 0}), ("ifft", (3, 5, 6), {"axis": 1}),
        ("fft2", (3, 4, 6), {}), ("fftn", (2, 3, 4, 5), {}), ("ifftn", (2, 3, 4, 5), {}),
        ("fftn", (2, 3, 4, 5), {"axes": (0, 2)}), ("fftn", (3, 4, 5), {"axes": (2, 0, 1)}),
        ("rfft", (4, 9), {}), ("rfft", (9, 4), {"axis": 0}), ("rfftn", (2, 3, 4, 6), {}),
        ("rfftn", (3, 4, 6), {"axes": (2, 0)}), ("rfft2", (5, 6, 7), {"norm": "ortho"}),
        ("irfft", (4, 5), {}), ("irfft", (5, 4), {"axis": 0, "n": 9}),
        ("irfftn", (2, 3, 4, 5), {}), ("irfft2", (3, 4, 5), {"norm": "forward"}),
        ("irfftn", (3, 4, 5), {"axes": (2, 0)}), ("hfft", (3, 5), {}),
        ("ihfft", (3, 8), {"norm": "forward"}), ("fft", (4, 8), {"norm": "ortho"}),
        ("ifft", (4, 8), {"norm": "forward"}), ("fft", (4, 8), {"n": 11}),
    ])
    @pytest.mark.parametrize("dtype", [numpy.float32, numpy.complex128])
    @pytest.mark.parametrize("view", ["contiguous", "transposed", "reversed", "strided"])
    def test_matches_numpy(self, fake, func, shape, kw, dtype, view):
        if func in ("rfft", "rfftn", "rfft2", "ihfft"):
            dtype = numpy.dtype(dtype).char.lower()
        a = testing.shaped_random(shape, numpy, dtype, seed=1)
        a_dev = cupy.asarray(a)
        if view == "transposed":
            a, a_dev = a.T, a_dev.T
        elif view == "reversed":
            a, a_dev = a[..., ::-1], a_dev[..., ::-1]
        elif view == "strided":
            a, a_dev = a[::2], a_dev[::2]
        kw = dict(kw)
        if view == "transposed" and "axes" in kw:
            kw["axes"] = tuple(a.ndim - 1 - ax for ax in kw["axes"])
        before = a_dev.copy()
        result = getattr(cupy.fft, func)(a_dev, **kw)
        expected = getattr(numpy.fft, func)(a, **kw)
        tol = 1e-4 if result.dtype in (numpy.complex64, numpy.float32) else 1e-10
        testing.assert_allclose(result, expected, rtol=tol, atol=tol)
        assert result.dtype == expected.dtype
        testing.assert_array_equal(a_dev, before)    # the C2R input was a temporary
        assert fake.executions

    def test_more_than_three_axes_split_into_plans(self, fake):
        a = testing.shaped_random((2, 3, 2, 3, 2), numpy, numpy.complex128)
        r = cupy.fft.fftn(cupy.asarray(a))
        testing.assert_allclose(r, numpy.fft.fftn(a), rtol=1e-10, atol=1e-10)
        ranks = sorted(len(fake.plans[h]["n"]) for h in set(fake.executions))
        assert ranks == [2, 3]

    def test_nd_planning_off_runs_one_axis_per_plan(self, fake, monkeypatch):
        monkeypatch.setattr(config, "enable_nd_planning", False)
        a = testing.shaped_random((3, 4, 5), numpy, numpy.complex64)
        r = cupy.fft.fftn(cupy.asarray(a))
        testing.assert_allclose(r, numpy.fft.fftn(a), rtol=1e-4, atol=1e-4)
        assert len(fake.executions) == 3
        assert all(len(p["n"]) == 1 for p in fake.plans.values())

    def test_plans_are_cached_and_reused(self, fake):
        cache = config.get_plan_cache()
        a = cupy.asarray(testing.shaped_random((4, 8), numpy, numpy.complex128))
        cupy.fft.fft(a)
        assert cache.get_curr_size() == 1 and cache.get_curr_memsize() == 1024
        cupy.fft.fft(a)
        cupy.fft.ifft(a)           # same plan, other direction
        assert cache.get_curr_size() == 1 and len(fake.plans) == 1
        assert len(fake.executions) == 3
        cupy.fft.fft(a, axis=0)
        assert cache.get_curr_size() == 2
        cache.set_size(1)
        assert cache.get_curr_size() == 1 and len(fake.destroyed) == 1
        cache.clear()
        assert not fake.plans

    def test_disabled_cache_frees_each_plan(self, fake):
        import gc
        cache = config.get_plan_cache()
        cache.set_size(0)
        try:
            a = cupy.asarray(testing.shaped_random((4, 8), numpy, numpy.complex128))
            cupy.fft.fft(a)
            cupy.fft.fft(a)
            gc.collect()
            assert cache.get_curr_size() == 0
            assert len(fake.destroyed) == 2 and not fake.plans
        finally:
            cache.set_size(16)

    def test_plan_keys_include_layout(self, fake):
        a = cupy.asarray(testing.shaped_random((4, 8), numpy, numpy.complex128))
        cupy.fft.fft(a)
        cupy.fft.fft(a[::2])
        cupy.fft.fft(cupy.asarray(testing.shaped_random((4, 8), numpy, numpy.complex64)))
        assert config.get_plan_cache().get_curr_size() == 3
        layouts = {(p["idist"], p["batch"], p["type"]) for p in fake.plans.values()}
        assert layouts == {(8, 4, cufft.CUFFT_Z2Z), (16, 2, cufft.CUFFT_Z2Z),
                           (8, 4, cufft.CUFFT_C2C)}

    def test_empty_input_makes_no_plan(self, fake):
        cupy.fft.fft(cupy.zeros((0, 8), numpy.complex64))
        assert not fake.plans and math.prod((0, 8)) == 0

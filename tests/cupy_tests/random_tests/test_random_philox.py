"""Philox4x32-10: known answers of the device code, and the stream layout of cupy.random
checked word for word against a pure-Python reference."""
import numpy
import pytest

import cupy

_M32 = 0xFFFFFFFF


def philox4x32_10(ctr, key):
    """Reference Philox4x32-10 (Salmon et al. 2011), in Python integers."""
    c0, c1, c2, c3 = ctr
    k0, k1 = key
    for r in range(10):
        if r:
            k0 = (k0 + 0x9E3779B9) & _M32
            k1 = (k1 + 0xBB67AE85) & _M32
        p0 = 0xD2511F53 * c0
        p1 = 0xCD9E8D57 * c2
        c0, c1, c2, c3 = (p1 >> 32) ^ c1 ^ k0, p1 & _M32, (p0 >> 32) ^ c3 ^ k1, p0 & _M32
    return [c0, c1, c2, c3]


def element_words(seed, index, offset, nblocks=1):
    """The 32-bit words element ``index`` of launch ``offset`` reads."""
    key = (seed & _M32, seed >> 32)
    words = []
    for b in range(nblocks):
        words += philox4x32_10((index & _M32, index >> 32, b, offset), key)
    return words


# Random123's known-answer vectors (kat_vectors) for philox4x32 with 10 rounds.
KAT = [
    ((0, 0, 0, 0), (0, 0), (0x6627E8D5, 0xE169C58D, 0xBC57AC4C, 0x9B00DBD8)),
    ((_M32,) * 4, (_M32, _M32), (0x408F276D, 0x41C83B0E, 0xA20BC7C6, 0x6D5451FD)),
    ((0x243F6A88, 0x85A308D3, 0x13198A2E, 0x03707344), (0xA4093822, 0x299F31D0),
     (0xD16CFE09, 0x94FDCCEB, 0x5001E420, 0x24126EA1)),
]


def test_reference_matches_known_answers():
    for ctr, key, expected in KAT:
        assert philox4x32_10(ctr, key) == list(expected)


def test_device_block_function_known_answers():
    kernel = cupy.ElementwiseKernel(
        "uint32 c0, uint32 c1, uint32 c2, uint32 c3, uint32 k0, uint32 k1", "raw uint32 out",
        """
        unsigned int c[4] = {c0, c1, c2, c3};
        cupy_random::philox4x32_10(c, k0, k1);
        for (int j = 0; j < 4; ++j) out[4 * i + j] = c[j];
        """, name="test_philox_kat", preamble="#include <cupy/random/philox.cuh>")
    cols = [cupy.array([v[0][j] for v in KAT], dtype=numpy.uint32) for j in range(4)]
    keys = [cupy.array([v[1][j] for v in KAT], dtype=numpy.uint32) for j in range(2)]
    out = cupy.zeros(4 * len(KAT), numpy.uint32)
    kernel(*cols, *keys, out)
    expected = numpy.array([w for v in KAT for w in v[2]], dtype=numpy.uint32)
    numpy.testing.assert_array_equal(out.get(), expected)


def raw_reference(seed, offset, n):
    out = []
    for i in range(n):
        w = element_words(seed, i, offset)
        out.append(w[0] | (w[1] << 32))
    return numpy.array(out, dtype=numpy.uint64)


@pytest.mark.parametrize("seed", [0, 1, 12345, 2**32 + 7, 2**64 - 1])
def test_random_raw_stream_layout(seed):
    bg = cupy.random.Philox(seed)
    first = bg.random_raw(37).get()
    second = bg.random_raw(37).get()
    numpy.testing.assert_array_equal(first, raw_reference(seed, 0, 37))
    numpy.testing.assert_array_equal(second, raw_reference(seed, 1, 37))
    assert not numpy.array_equal(first, second)


def test_stream_does_not_depend_on_shape():
    a = cupy.random.Philox(3).random_raw((4, 5)).get().ravel()
    b = cupy.random.Philox(3).random_raw(20).get()
    numpy.testing.assert_array_equal(a, b)


def test_advance_and_state():
    a = cupy.random.Philox(99)
    a.advance(1000)
    numpy.testing.assert_array_equal(a.random_raw(5).get(), raw_reference(99, 1000, 5))
    state = a.state
    assert state["bit_generator"] == "Philox" and state["state"]["offset"] == 1001
    x = a.random_raw(5).get()
    b = cupy.random.Philox(0)
    b.state = state
    numpy.testing.assert_array_equal(b.random_raw(5).get(), x)
    with pytest.raises(ValueError):
        b.state = {"bit_generator": "PCG64", "state": {}}


def test_uniform_double_uses_53_bits_of_the_stream():
    x = cupy.random.RandomState(2024).random_sample(50).get()
    raw = raw_reference(2024, 0, 50)
    numpy.testing.assert_array_equal(x, (raw >> numpy.uint64(11)).astype(numpy.float64) * 2.0**-53)


def test_uniform_float_uses_24_bits_of_the_stream():
    x = cupy.random.default_rng(11).random(50, dtype=numpy.float32).get()
    ref = [(element_words(11, i, 0)[0] >> 8) * 2.0**-24 for i in range(50)]
    numpy.testing.assert_array_equal(x, numpy.array(ref, dtype=numpy.float32))


def test_bounded_integers_follow_masked_rejection():
    # randint(3, 8): range 4 inclusive -> mask 7, words rejected while (w & 7) > 4.
    x = cupy.random.RandomState(5).randint(3, 8, size=64).get()
    ref = []
    for i in range(64):
        words = iter(element_words(5, i, 0, nblocks=40))
        v = next(words) & 7
        while v > 4:
            v = next(words) & 7
        ref.append(3 + v)
    numpy.testing.assert_array_equal(x, ref)


def test_same_seed_same_numbers_different_seed_different_numbers():
    a = cupy.random.RandomState(7).standard_normal(100).get()
    b = cupy.random.RandomState(7).standard_normal(100).get()
    c = cupy.random.RandomState(8).standard_normal(100).get()
    numpy.testing.assert_array_equal(a, b)
    assert not numpy.array_equal(a, c)


def test_seed_forms():
    # Sequences are hashed: order matters; ints below 2**64 are the key itself.
    a = cupy.random.Philox([1, 2]).random_raw(4).get()
    b = cupy.random.Philox([2, 1]).random_raw(4).get()
    assert not numpy.array_equal(a, b)
    numpy.testing.assert_array_equal(cupy.random.Philox(numpy.uint32(9)).random_raw(3).get(),
                                     raw_reference(9, 0, 3))
    with pytest.raises(ValueError):
        cupy.random.Philox(-1)
    with pytest.raises(TypeError):
        cupy.random.Philox(1.5)
    assert cupy.random.Philox(None).state["state"]["key"] != cupy.random.Philox(None).state[
        "state"]["key"]

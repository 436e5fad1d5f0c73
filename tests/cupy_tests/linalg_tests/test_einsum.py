"""einsum: explicit and implicit outputs, ellipses, diagonals, sums, broadcasting, the sublist
form, contraction orders, types and errors."""
import numpy
import pytest

import cupy
from cupy import testing

# float16 products accumulate in float32 here (BLAS) and round differently in NumPy; float32
# sums run in a different order.
_TOL = {numpy.float16: 1e-2, numpy.float32: 1e-5, numpy.complex64: 1e-5, "default": 1e-12}

# The memory layout of einsum's result depends on the contraction order and is not part of
# NumPy's contract (its own result is C- or F-ordered depending on the path it takes), so
# the comparisons below do not check contiguity.


def _operands(xp, shapes, dtype=numpy.float64):
    out = []
    for i, shape in enumerate(shapes):
        a = testing.shaped_arange(shape, numpy, dtype)
        if i % 2 and numpy.dtype(dtype).kind not in "bu":
            a = a - 2                                       # mixed signs
        out.append(xp.asarray(a))
    return out


_CASES = [
    ("ij,jk", [(2, 3), (3, 4)]),                    # implicit matrix product
    ("ij,jk->ik", [(2, 3), (3, 4)]),
    ("ij,kj->ik", [(2, 3), (4, 3)]),
    ("ij->ji", [(2, 3)]),                           # a view
    ("ba", [(2, 3)]),                               # implicit output is sorted: a transpose
    ("Ba", [(2, 3)]),                               # upper case sorts first
    ("ii", [(3, 3)]),                               # trace
    ("ii->i", [(3, 3)]),                            # diagonal (a view)
    ("iii->i", [(2, 2, 2)]),
    ("iij->ji", [(3, 3, 2)]),
    ("i->", [(4,)]),
    ("ij->", [(2, 3)]),
    ("ij->j", [(2, 3)]),
    ("i,i", [(3,), (3,)]),                          # inner product
    ("i,j->ij", [(3,), (4,)]),                      # outer product
    ("i,j", [(3,), (4,)]),
    ("ij,ij->ij", [(2, 3), (2, 3)]),                # elementwise
    ("ij,ij->", [(2, 3), (2, 3)]),
    ("ijk,jil->kl", [(3, 4, 5), (4, 3, 2)]),
    ("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),       # batched product
    ("bij,bjk->ik", [(2, 3, 4), (2, 4, 5)]),
    ("ijj,jk", [(2, 3, 3), (3, 4)]),
    ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 5)]),
    ("ij,jk,kl", [(2, 3), (3, 4), (4, 2)]),
    ("i,i,i->", [(3,), (3,), (3,)]),
    ("a,ab,abc->ac", [(3,), (3, 2), (3, 2, 4)]),
    ("...ij,...jk", [(5, 1, 2, 3), (4, 3, 2)]),     # broadcast ellipses
    ("...ij,...jk->...ik", [(2, 3), (2, 3, 2)]),
    ("i...->...", [(2, 3, 4)]),
    ("...i->...", [(2, 3, 4)]),
    ("...,...", [(2, 1), (3,)]),
    ("i...i", [(3, 2, 3)]),
    ("...ik,...k,...kj->...ij", [(2, 3, 3), (2, 3), (2, 3, 3)]),
    ("ij,ij->", [(1, 3), (2, 3)]),                  # a length-1 label broadcasts
    ("ij,jk", [(2, 1), (3, 4)]),
    (",i", [(), (3,)]),                             # 0-d operands
    ("", [()]),
    ("ij,jk->ik", [(0, 3), (3, 4)]),                # empty
    ("ij,jk->ik", [(2, 0), (0, 4)]),
    ("i->", [(0,)]),
]


class TestEinsum:

    @pytest.mark.parametrize("subscripts,shapes", _CASES)
    @pytest.mark.parametrize("optimize", [False, True])
    @testing.numpy_cupy_allclose(rtol=_TOL, contiguous_check=False)
    def test_cases(self, xp, subscripts, shapes, optimize):
        return xp.einsum(subscripts, *_operands(xp, shapes), optimize=optimize)

    @pytest.mark.parametrize("subscripts,shapes", [
        ("ij,jk->ik", [(2, 3), (3, 4)]), ("ii->i", [(3, 3)]), ("i->", [(5,)]),
        ("i,j->ij", [(3,), (2,)]), ("bij,bjk->bik", [(2, 3, 4), (2, 4, 2)])])
    @testing.for_dtypes("?bBlefdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, contiguous_check=False)
    def test_dtypes(self, xp, dtype, subscripts, shapes):
        # Sums stay in the operands' type (integers wrap, bool is any/all), as in NumPy.
        return xp.einsum(subscripts, *_operands(xp, shapes, dtype))

    @pytest.mark.parametrize("optimize", ["greedy", "optimal",
                                          ["einsum_path", (1, 2), (0, 1)],
                                          ["einsum_path", (0, 1, 2)]])
    @testing.numpy_cupy_allclose(rtol=1e-12, contiguous_check=False)
    def test_optimize(self, xp, optimize):
        a, b, c = _operands(xp, [(2, 3), (3, 4), (4, 5)])
        return xp.einsum("ij,jk,kl->il", a, b, c, optimize=optimize)

    @testing.numpy_cupy_allclose(rtol=1e-12, contiguous_check=False)
    def test_sublist_form(self, xp):
        a, b = _operands(xp, [(2, 3), (3, 4)])
        return (xp.einsum(a, [0, 1], b, [1, 2], [0, 2]),
                xp.einsum(a, [0, 1], b, [1, 51]),
                xp.einsum(a, [Ellipsis, 1], [Ellipsis]),
                xp.einsum(xp.asarray(testing.shaped_arange((3, 3), numpy)), [7, 7]))

    @testing.numpy_cupy_allclose(rtol=1e-12, contiguous_check=False)
    def test_spaces(self, xp):
        a, b = _operands(xp, [(2, 3), (3, 4)])
        return xp.einsum(" ij , jk -> ik ", a, b)

    @pytest.mark.parametrize("dtype_a,dtype_b", [
        (numpy.int8, numpy.float32), (numpy.bool_, numpy.int64), (numpy.uint8, numpy.int8),
        (numpy.float16, numpy.complex64), (numpy.float64, numpy.complex64)])
    @testing.numpy_cupy_allclose(rtol=_TOL, contiguous_check=False)
    def test_mixed_dtypes(self, xp, dtype_a, dtype_b):
        a, = _operands(xp, [(2, 3)], dtype_a)
        b, = _operands(xp, [(3, 2)], dtype_b)
        return xp.einsum("ij,jk->ik", a, b)

    @pytest.mark.parametrize("dtype,casting", [
        (numpy.float32, "same_kind"), (numpy.complex128, "safe"), (numpy.int64, "unsafe")])
    @testing.numpy_cupy_allclose(rtol=_TOL, contiguous_check=False)
    def test_dtype_argument(self, xp, dtype, casting):
        a, b = _operands(xp, [(2, 3), (3,)])
        return xp.einsum("ij,j->i", a, b, dtype=dtype, casting=casting)

    def test_diagonal_is_a_view(self):
        a = cupy.zeros((3, 3))
        d = cupy.einsum("ii->i", a)
        d[...] = 1
        testing.assert_array_equal(a, cupy.eye(3))

    @pytest.mark.parametrize("xp", [numpy, cupy])
    @pytest.mark.parametrize("subscripts,shapes", [
        ("ij,jk", [(2, 3), (4, 4)]),            # mismatched label lengths
        ("ii", [(2, 3)]),                       # diagonal of a non-square pair
        ("i->ii", [(2,)]),                      # repeated output label
        ("ij->k", [(2, 2)]),                    # output label not in the inputs
        ("i.j", [(2, 2)]),                      # a lone '.'
        ("i,j", [(2,)]),                        # too few operands
        ("i", [(2,), (2,)]),                    # too many operands
        ("ij", [(2,)]),                         # too many subscripts
        ("i", [(2, 3)]),                        # too few subscripts, no ellipsis
        ("...i->i", [(2, 3)]),                  # ellipsis dimensions not in the output
        ("i1", [(2, 2)]),                       # not a letter
        ("i-i", [(2,)]),
        ("i->i->i", [(2,)]),
    ])
    def test_invalid_subscripts(self, xp, subscripts, shapes):
        with pytest.raises(ValueError):
            xp.einsum(subscripts, *[xp.ones(s) for s in shapes])

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_other_errors(self, xp):
        with pytest.raises(TypeError):
            xp.einsum("i,i", xp.ones(2), xp.ones(2, numpy.int64), dtype=numpy.int64)
        with pytest.raises(ValueError):
            xp.einsum(xp.ones(2), [52])
        with pytest.raises(TypeError):
            xp.einsum("i", xp.ones(2), bogus=True)
        with pytest.raises(ValueError):
            xp.einsum()

"""Arithmetic ufuncs: add, subtract, multiply, divide, negative, positive, ..."""
from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import FLOATS, COMPLEXES, INTS, NUMERIC, same

__all__ = ["add", "subtract", "multiply", "true_divide", "divide", "negative", "positive"]

add = create_ufunc(
    "add", (("??->?", "out0 = in0 || in1"),) + same(NUMERIC), "out0 = in0 + in1",
    identity=0,
    doc="""Add arguments elementwise.

    .. seealso:: :data:`numpy.add`

    Example:
        >>> cupy.add(cupy.arange(3), 1)
        array([1, 2, 3])
    """)

subtract = create_ufunc(
    "subtract", same(NUMERIC), "out0 = in0 - in1",
    doc="""Subtract arguments elementwise.

    .. seealso:: :data:`numpy.subtract`
    """)

multiply = create_ufunc(
    "multiply", (("??->?", "out0 = in0 && in1"),) + same(NUMERIC), "out0 = in0 * in1",
    identity=1,
    doc="""Multiply arguments elementwise.

    .. seealso:: :data:`numpy.multiply`
    """)

true_divide = create_ufunc(
    "true_divide",
    tuple(c + c + "->d" for c in "?" + INTS) + same(FLOATS + COMPLEXES),
    "out0 = static_cast<out0_type>(in0) / static_cast<out0_type>(in1)",
    doc="""Divide arguments elementwise (integers divide as float64).

    .. seealso:: :data:`numpy.true_divide`
    """)
divide = true_divide

negative = create_ufunc(
    "negative", same(NUMERIC, 1), "out0 = -in0",
    doc="""Numerical negative, elementwise.

    .. seealso:: :data:`numpy.negative`
    """)

positive = create_ufunc(
    "positive", same(NUMERIC, 1), "out0 = +in0",
    doc="""Numerical positive (a copy), elementwise.

    .. seealso:: :data:`numpy.positive`
    """)

"""Gathering routines: take, take_along_axis, choose, compress, diagonal, select, extract."""
import numpy

import cupy
from cupy._core.core import ndarray
from cupy._indexing import _kernels
from cupy._manipulation._util import as_device, normalize_axis_index
from cupy._manipulation.basic import _may_overlap

__all__ = ["take", "take_along_axis", "choose", "compress", "diagonal", "select", "extract"]


def _result_buffer(out, shape, dtype, mode, sources, what):
    """The array a gather writes: ``out`` itself when it can take the result directly, else
    a new array whose values are copied into ``out`` afterwards (NumPy buffers ``out`` in
    'raise' mode, so an error leaves it untouched; overlapping inputs need a buffer too)."""
    if out is None:
        return cupy.empty(shape, dtype)
    if not isinstance(out, ndarray):
        raise TypeError(f"out must be a cupy.ndarray, not {type(out).__name__}")
    if out.shape != tuple(shape):
        if what == "choose":
            raise TypeError("choose: invalid shape for output array.")
        raise ValueError(f"output array does not match result of ndarray.{what}")
    if out.dtype == dtype and mode not in (_kernels.RAISE, _kernels.RAISE_NONNEGATIVE) and \
            not any(_may_overlap(out, s) for s in sources):
        return out
    return cupy.empty(shape, dtype)


def _finish(result, out):
    if out is None or result is out:
        return result
    out[...] = result
    return out


def take(a, indices, axis=None, out=None, mode="raise"):
    """Takes elements of an array at the given indices along an axis.

    Args:
        a (cupy.ndarray): Array to take elements from.
        indices (int or array_like): Indices of the elements; negative indices count from
            the end of the axis.
        axis (int or None): The axis to take along; ``None`` takes from the flattened array.
        out (cupy.ndarray): Array to store the result in; its dtype must cast safely to
            ``a``'s (NumPy's rule).
        mode (str): ``'raise'`` (out-of-range indices raise IndexError), ``'wrap'`` (indices
            wrap around) or ``'clip'`` (indices are clipped into the axis; negative indices
            become 0).

    Returns:
        cupy.ndarray: ``a.shape[:axis] + indices.shape + a.shape[axis + 1:]`` elements.

    .. seealso:: :func:`numpy.take`

    Example:
        >>> cupy.take(cupy.array([[1, 2], [3, 4]]), [1, -1], axis=1)
        array([[2, 2],
               [4, 4]])
    """
    a = as_device(a)
    m = _kernels.clip_mode(mode)
    idx = _kernels.as_index_array(indices)
    if axis is None:
        # ``a`` is addressed by its C-order element number: no flattened copy is needed.
        n, pre, post, axis = a.size, (), (), 0
    else:
        axis = normalize_axis_index(axis, a.ndim)
        n, pre, post = a.shape[axis], a.shape[:axis], a.shape[axis + 1:]
    shape = pre + idx.shape + post
    if out is not None and isinstance(out, ndarray) and not numpy.can_cast(
            out.dtype, a.dtype, "safe"):
        raise TypeError(f"Cannot cast array data from {out.dtype!r} to {a.dtype!r} "
                        "according to the rule 'safe'")
    if n == 0 and idx.size:
        raise IndexError("cannot do a non-empty take from an empty axes.")
    result = _result_buffer(out, shape, a.dtype, m, (a, idx), "take")
    if result.size:
        idx_view = idx[(None,) * len(pre) + (Ellipsis,) + (None,) * len(post)]
        bad = _kernels.take_axis(a, idx_view, n, _kernels.prod(post), idx.size, result, m)
        if bad is not None:
            raise IndexError(f"index {bad} is out of bounds for axis {axis} with size {n}")
    return _finish(result, out)


def take_along_axis(arr, indices, axis=-1):
    """Takes values from the input array by matching 1-d index and data slices.

    Args:
        arr (cupy.ndarray): Source array.
        indices (cupy.ndarray): Integer indices with as many dimensions as ``arr``; they
            broadcast against ``arr`` in every axis but ``axis``.
        axis (int or None): The axis to take along; ``None`` treats ``arr`` as flattened
            (``indices`` must then be 1-d).

    Returns:
        cupy.ndarray: The gathered values.

    .. seealso:: :func:`numpy.take_along_axis`

    Example:
        >>> a = cupy.array([[10, 30, 20], [60, 40, 50]])
        >>> cupy.take_along_axis(a, cupy.array([[0], [2]]), axis=1)
        array([[10],
               [50]])
    """
    arr = as_device(arr)
    indices, axis, n, src, shape = _kernels.along_axis_layout(arr, indices, axis)
    out = cupy.empty(shape, arr.dtype)
    if out.size == 0:
        return out
    if n == 0:
        raise _kernels.empty_axis_error(indices, axis)
    post = _kernels.prod(shape[axis + 1:])
    bad = _kernels.take_axis(src, indices, n, post, shape[axis], out, _kernels.RAISE)
    if bad is not None:
        raise IndexError(f"index {bad} is out of bounds for axis {axis} with size {n}")
    return out


def _choice_operand(c):
    """A choice as a dtype operand of NumPy's promotion (Python scalars stay weak)."""
    if isinstance(c, (ndarray, numpy.ndarray)):
        return c.dtype
    if type(c) in (bool, int, float, complex):
        return c
    return numpy.asarray(c)


def choose(a, choices, out=None, mode="raise"):
    """Constructs an array from an index array and a set of arrays to choose from.

    ``a``, and each choice, broadcast together; the element of the result at a position is
    the element of ``choices[a[position]]`` there.

    Args:
        a (int array_like): Index of the choice at each position.
        choices (sequence of array_like or cupy.ndarray): The choices; an array stands for
            the sequence of its slices along the first axis.
        out (cupy.ndarray): Array to store the result in (values are cast to its dtype).
        mode (str): ``'raise'`` (an entry outside ``[0, n)`` raises ValueError), ``'wrap'``
            or ``'clip'``.

    Returns:
        cupy.ndarray: The result, of the choices' common dtype.

    .. seealso:: :func:`numpy.choose`

    Example:
        >>> cupy.choose(cupy.array([0, 1, 0]), [cupy.array([1, 2, 3]), 10])
        array([ 1, 10,  3])
    """
    m = _kernels.clip_mode(mode)
    if m == _kernels.RAISE:
        m = _kernels.RAISE_NONNEGATIVE
    a = _kernels.as_index_array(a, "safe", by_value=False)
    if isinstance(choices, ndarray):
        if choices.ndim == 0:
            raise ValueError("0-d arrays can't be used as choices")
        n, dtype = choices.shape[0], choices.dtype
        shape = numpy.broadcast_shapes(a.shape, choices.shape[1:])
        # A broadcast view: the choices are read in place. Each choice, choices[k], aligns
        # with ``a`` by its trailing axes.
        each = (1,) * (len(shape) - choices.ndim + 1) + choices.shape[1:]
        stacked = cupy.broadcast_to(choices.reshape((n,) + each), (n,) + shape)
    else:
        choices = list(choices)
        n = len(choices)
        if n == 0:
            raise ValueError("0-length sequence.")
        dtype = numpy.result_type(*[_choice_operand(c) for c in choices])
        devs = []
        for c in choices:
            if isinstance(c, ndarray):
                devs.append(c.astype(dtype, copy=False))
            else:
                # NumPy converts each choice to the common dtype unsafely (300 -> int8 44).
                devs.append(cupy.asarray(numpy.asarray(c).astype(dtype)))
        shape = numpy.broadcast_shapes(a.shape, *[d.shape for d in devs])
        stacked = cupy.empty((n,) + shape, dtype)
        for k, d in enumerate(devs):
            stacked[k] = d
    result = _result_buffer(out, shape, dtype, m, (a, stacked), "choose")
    if result.size:
        flag = _kernels.ErrorFlag(m == _kernels.RAISE_NONNEGATIVE)
        _kernels._choose(a, stacked, n, result.size, m, flag.array, result)
        if flag.value() is not None:
            raise ValueError("invalid entry in choice array")
    return _finish(result, out)


def compress(condition, a, axis=None, out=None):
    """Returns the slices of an array along an axis where a condition is true.

    Args:
        condition (1-d array_like): Selects the slices; it may be shorter than the axis
            (the rest are dropped) but not longer with a true entry past the end.
        a (cupy.ndarray): The array to select from.
        axis (int or None): The axis to select along; ``None`` selects from the flattened
            array.
        out (cupy.ndarray): Array to store the result in.

    .. seealso:: :func:`numpy.compress`

    Example:
        >>> cupy.compress([False, True], cupy.array([[1, 2], [3, 4]]), axis=0)
        array([[3, 4]])
    """
    cond = as_device(condition)
    if cond.ndim != 1:
        raise ValueError("condition must be a 1-d array")
    return take(a, cupy.nonzero(cond)[0], axis=axis, out=out)


def diagonal(a, offset=0, axis1=0, axis2=1):
    """Returns the specified diagonals (a view of ``a``).

    Args:
        a (cupy.ndarray): Array with at least two dimensions.
        offset (int): Offset of the diagonal from the main one (positive: above).
        axis1 (int): First axis of the 2-d sub-arrays.
        axis2 (int): Second axis of the 2-d sub-arrays.

    .. seealso:: :func:`numpy.diagonal`

    Example:
        >>> cupy.diagonal(cupy.arange(9).reshape(3, 3), 1)
        array([1, 5])
    """
    return as_device(a).diagonal(offset, axis1, axis2)


def _select_operand(x):
    # NumPy keeps Python numbers as they are so that they promote weakly (NEP 50).
    if type(x) in (int, float, complex) or isinstance(x, ndarray):
        return x
    return numpy.asarray(x)


def select(condlist, choicelist, default=0):
    """Returns an array drawn from elements of ``choicelist``, depending on conditions.

    At each position the first true condition selects its choice; where none is true the
    result holds ``default``.

    Args:
        condlist (list of bool arrays): The conditions.
        choicelist (list of array_like): The choices, one per condition.
        default (scalar or array_like): The value where every condition is false.

    Returns:
        cupy.ndarray: Of the choices' and ``default``'s common dtype, and the conditions' and
        choices' broadcast shape.

    .. seealso:: :func:`numpy.select`

    Example:
        >>> x = cupy.arange(6)
        >>> cupy.select([x < 2, x > 3], [x, x ** 2], 42)
        array([ 0,  1, 42, 42, 16, 25])
    """
    if len(condlist) != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    if len(condlist) == 0:
        raise ValueError("select with an empty condition list is not possible")
    choices = [_select_operand(c) for c in choicelist] + [_select_operand(default)]
    try:
        dtype = numpy.result_type(*[c.dtype if isinstance(c, ndarray) else c for c in choices])
    except TypeError as e:
        raise TypeError(f"Choicelist and default value do not have a common dtype: {e}") \
            from None
    conds = [as_device(c) for c in condlist]
    for i, c in enumerate(conds):
        if c.dtype != numpy.bool_:
            raise TypeError(f"invalid entry {i} in condlist: should be boolean ndarray")
    choices = [c if type(c) in (int, float, complex) else as_device(c) for c in choices]
    shape = numpy.broadcast_shapes(*[c.shape for c in conds],
                                   *[c.shape if isinstance(c, ndarray) else () for c in choices])
    result = cupy.empty(shape, dtype)
    cupy.copyto(result, choices[-1], casting="unsafe")
    # Later writes win, so the first true condition's choice is written last.
    for choice, cond in zip(choices[-2::-1], conds[::-1]):
        cupy.copyto(result, choice, casting="unsafe", where=cond)
    return result


def extract(condition, arr):
    """Returns the elements of an array where a condition is true (both flattened).

    Args:
        condition (array_like): Non-zero entries select the element at the same flat
            position of ``arr``.
        arr (cupy.ndarray): Source array.

    .. seealso:: :func:`numpy.extract`

    Example:
        >>> cupy.extract(cupy.array([[0, 1], [1, 0]]), cupy.array([[1, 2], [3, 4]]))
        array([2, 3])
    """
    cond = as_device(condition)
    return take(arr, cupy.nonzero(cond.ravel())[0])

"""``einsum``: Einstein summation with NumPy's semantics, built from array operations.

The subscripts are parsed into one integer label per axis (letters by code point; the axes an
ellipsis covers get -1, -2, ... counted from the right, so that they broadcast like NumPy's).
Then:

1. each operand takes its diagonals for labels repeated within it (strided views), is cast to
   the result type, and sums the labels that no other operand and not the output uses;
2. operands are contracted pairwise, in order (``optimize=False``) or along the path
   ``numpy.einsum_path`` finds (it only looks at shapes): labels that both share and that are
   still needed are batch axes, shared labels no longer needed are summed by one batched
   matrix product (``matmul``, i.e. BLAS), products without shared sums are broadcast
   multiplications;
3. the last operand sums what the output does not keep and is transposed to the output order.

Labels of length 1 broadcast against any length, as in NumPy.
"""
import numpy

import cupy
from cupy._core.core import ndarray

__all__ = ["einsum"]

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


# --- parsing ---------------------------------------------------------------------------------

def _sublist_to_str(sub):
    """NumPy's sublist form: ints in [0, 52) stand for A-Z, a-z; Ellipsis for '...'."""
    out = []
    for s in sub:
        if s is Ellipsis:
            out.append("...")
            continue
        try:
            i = int(s)
        except TypeError:
            raise TypeError("each subscript must be either an integer or an ellipsis") from None
        if not 0 <= i < 52:
            raise ValueError(f"subscript is not within the valid range [0, 52), got {i}")
        out.append(_LETTERS[i])
    return "".join(out)


def _parse_args(args):
    """``(subscripts string, operands)`` from either calling convention."""
    if not args:
        raise ValueError("must specify the einstein sum subscripts string and at least one "
                         "operand")
    if isinstance(args[0], str):
        return args[0].replace(" ", ""), list(args[1:])
    operands = list(args[0::2])
    subs = [_sublist_to_str(s) for s in args[1::2]]
    if len(args) % 2:                           # a trailing output sublist
        operands = operands[:-1]
        return ",".join(subs) + "->" + _sublist_to_str(args[-1]), operands
    return ",".join(subs), operands


def _parse_term(term, where):
    """Letters and the ellipsis position (None when absent) of one subscripts term."""
    if term.count(".") not in (0, 3) or (term.count(".") == 3 and "..." not in term):
        raise ValueError(f"einstein sum subscripts string contains a '.' that is not part of "
                         f"an ellipsis ('...') in {where}")
    ell = term.find("...")
    letters = term.replace("...", "")
    for c in letters:
        if c not in _LETTERS:
            raise ValueError(f"invalid subscript '{c}' in einstein sum subscripts string, "
                             f"subscripts must be letters")
    return letters, (None if ell < 0 else ell)


def _input_labels(term, ndim, i):
    letters, ell = _parse_term(term, f"operand {i}")
    if ell is None:
        if ndim > len(letters):
            raise ValueError("operand has more dimensions than subscripts given in einstein "
                             "sum, but no '...' ellipsis provided to broadcast the extra "
                             "dimensions.")
        if ndim < len(letters):
            raise ValueError(f"einstein sum subscripts string contains too many subscripts "
                             f"for operand {i}")
        return [ord(c) for c in letters], 0
    n_ell = ndim - len(letters)
    if n_ell < 0:
        raise ValueError(f"einstein sum subscripts string contains too many subscripts for "
                         f"operand {i}")
    return ([ord(c) for c in letters[:ell]] + list(range(-n_ell, 0))
            + [ord(c) for c in letters[ell:]]), n_ell


def _parse(subscripts, operands):
    """(input labels per operand, output labels)."""
    inputs, arrow, output = subscripts.partition("->")
    if "-" in inputs or ">" in inputs or "-" in output or ">" in output:
        raise ValueError("einstein sum subscript string does not contain proper '->' "
                         "output specified")
    if not arrow:
        output = None
    terms = inputs.split(",")
    if len(terms) > len(operands):
        raise ValueError("fewer operands provided to einstein sum function than specified in "
                         "the subscripts string")
    if len(terms) < len(operands):
        raise ValueError("more operands provided to einstein sum function than specified in "
                         "the subscripts string")
    labels, n_ell = [], 0
    for i, (term, op) in enumerate(zip(terms, operands)):
        lab, e = _input_labels(term, op.ndim, i)
        labels.append(lab)
        n_ell = max(n_ell, e)
    ell_labels = list(range(-n_ell, 0))
    if output is None:
        counts = {}
        for lab in labels:
            for x in lab:
                if x >= 0:
                    counts[x] = counts.get(x, 0) + 1
        out = ell_labels + sorted(x for x, c in counts.items() if c == 1)
        return labels, out
    letters, ell = _parse_term(output, "the output")
    seen = set()
    for c in letters:
        if c in seen:
            raise ValueError(f"einstein sum subscripts string includes output subscript '{c}' "
                             f"multiple times")
        seen.add(c)
        if not any(ord(c) in lab for lab in labels):
            raise ValueError(f"einstein sum subscripts string included output subscript "
                             f"'{c}' which never appeared in an input")
    if ell is None:
        if n_ell:
            raise ValueError("output has more dimensions than subscripts given in einstein "
                             "sum, but no '...' ellipsis provided to broadcast the extra "
                             "dimensions.")
        return labels, [ord(c) for c in letters]
    return labels, ([ord(c) for c in letters[:ell]] + ell_labels
                    + [ord(c) for c in letters[ell:]])


def _label_str(label):
    return "..." if label < 0 else chr(label)


def _check_sizes(operands, labels):
    """Each label's size (broadcast over operands); mismatches raise like NumPy."""
    sizes = {}
    for op, lab in zip(operands, labels):
        for n, x in zip(op.shape, lab):
            s = sizes.get(x, 1)
            if s != n and s != 1 and n != 1:
                shapes = " ".join(str(o.shape) for o in operands)
                raise ValueError(f"operands could not be broadcast together with remapped "
                                 f"shapes: {shapes} (label '{_label_str(x)}': {s} != {n})")
            sizes[x] = max(s, n) if s != n else n
    return sizes


# --- operations on (array, labels) -----------------------------------------------------------

def _diagonals(a, lab, i):
    """Take the diagonal for every label repeated in ``lab`` (views)."""
    while True:
        x = next((y for y in lab if lab.count(y) > 1), None)
        if x is None:
            return a, lab
        p = lab.index(x)
        q = lab.index(x, p + 1)
        if a.shape[p] != a.shape[q]:
            raise ValueError(f"dimensions in operand {i} for collapsing index "
                             f"'{_label_str(x)}' don't match ({a.shape[p]} != {a.shape[q]})")
        a = a.diagonal(0, p, q)
        lab = [y for k, y in enumerate(lab) if k not in (p, q)] + [x]


def _sum_unneeded(a, lab, keep, dtype):
    axes = tuple(k for k, x in enumerate(lab) if x not in keep)
    if not axes:
        return a, lab
    return a.sum(axis=axes, dtype=dtype), [x for x in lab if x in keep]


def _squeeze_label(a, lab, x):
    k = lab.index(x)
    return a.reshape(a.shape[:k] + a.shape[k + 1:]), lab[:k] + lab[k + 1:]


def _prod(values):
    p = 1
    for v in values:
        p *= v
    return p


def _contract_pair(a, la, b, lb, keep, dtype):
    """Contract two labelled operands, keeping the labels in ``keep``."""
    # A shared label of length 1 on one side that is summed: it sums on the other side only.
    for x in [x for x in la if x in lb and x not in keep]:
        na, nb = a.shape[la.index(x)], b.shape[lb.index(x)]
        if na != nb:
            if na == 1:
                a, la = _squeeze_label(a, la, x)
            else:
                b, lb = _squeeze_label(b, lb, x)
    a, la = _sum_unneeded(a, la, keep | set(lb), dtype)
    b, lb = _sum_unneeded(b, lb, keep | set(la), dtype)
    batch = [x for x in la if x in lb]          # all kept now
    summed = [x for x in batch if x not in keep]
    batch = [x for x in batch if x in keep]
    fa = [x for x in la if x not in lb]
    fb = [x for x in lb if x not in la]
    ia, ib = {x: k for k, x in enumerate(la)}, {x: k for k, x in enumerate(lb)}
    dim_a = [a.shape[ia[x]] for x in fa]
    dim_b = [b.shape[ib[x]] for x in fb]
    if not summed:
        # An outer product over the free labels, broadcast over the batch labels.
        at = a.transpose([ia[x] for x in batch + fa]).reshape(
            [a.shape[ia[x]] for x in batch] + dim_a + [1] * len(fb))
        bt = b.transpose([ib[x] for x in batch + fb]).reshape(
            [b.shape[ib[x]] for x in batch] + [1] * len(fa) + dim_b)
        return cupy.multiply(at, bt), batch + fa + fb
    k = _prod(a.shape[ia[x]] for x in summed)
    at = a.transpose([ia[x] for x in batch + fa + summed]).reshape(
        [a.shape[ia[x]] for x in batch] + [_prod(dim_a), k])
    bt = b.transpose([ib[x] for x in batch + summed + fb]).reshape(
        [b.shape[ib[x]] for x in batch] + [k, _prod(dim_b)])
    c = cupy.matmul(at, bt)
    return c.reshape(c.shape[:len(batch)] + tuple(dim_a + dim_b)), batch + fa + fb


# --- the public function ---------------------------------------------------------------------

def _path(subscripts, operands, optimize):
    n = len(operands)
    if n == 1:
        return [(0,)]
    if optimize is False:
        return [(0, 1)] * (n - 1)
    if optimize is True:
        optimize = "greedy"
    # einsum_path looks only at shapes: zero-stride stand-ins cost no memory.
    dummies = [numpy.broadcast_to(numpy.empty((), numpy.int8), op.shape) for op in operands]
    return numpy.einsum_path(subscripts, *dummies, optimize=optimize)[0][1:]


def einsum(*operands, dtype=None, casting="safe", optimize=False, **kwargs):
    """Evaluate the Einstein summation convention on the operands (NumPy's ``einsum``).

    ``subscripts`` names each operand's axes with letters, ``','`` separating operands;
    ``'->'`` introduces the output's labels (explicit mode); without it the output is the
    labels that occur once, in alphabetical order (implicit mode). Repeated labels within an
    operand take diagonals; labels missing from the output are summed; ``'...'`` stands for
    broadcast leading axes. The alternative form ``einsum(op0, sublist0, op1, sublist1, ...,
    [sublistout])`` uses integers in [0, 52) as labels.

    Args:
        subscripts (str): the specification (first positional argument).
        *operands (cupy.ndarray): the arrays.
        dtype: the type of the computation and result (default: NumPy's promotion of the
            operands' types).
        casting ({'no', 'equiv', 'safe', 'same_kind', 'unsafe'}): the rule the operands must
            follow when cast to ``dtype``.
        optimize (bool, str or list): ``False`` contracts left to right; ``True``,
            ``'greedy'`` or ``'optimal'`` use the order ``numpy.einsum_path`` chooses; a list
            ``['einsum_path', (i, j), ...]`` gives the order explicitly.

    Returns:
        cupy.ndarray: the result (a view of the operand when only axes are rearranged or
        diagonals taken).

    Example:
        >>> a = cupy.arange(6.).reshape(2, 3)
        >>> cupy.einsum('ij,kj->ik', a, a)
        array([[ 5., 14.],
               [14., 50.]])
        >>> cupy.einsum('ii', cupy.arange(9).reshape(3, 3))
        array(12)
    """
    if kwargs:
        raise TypeError(f"einsum() got unexpected keyword argument(s) "
                        f"{', '.join(sorted(kwargs))}")
    subscripts, ops = _parse_args(operands)
    ops = [op if isinstance(op, ndarray) else cupy.asarray(op) for op in ops]
    labels, out_labels = _parse(subscripts, ops)
    if dtype is None:
        dtype = numpy.result_type(*[op.dtype for op in ops])
    else:
        dtype = numpy.dtype(dtype)
        for i, op in enumerate(ops):
            if not numpy.can_cast(op.dtype, dtype, casting):
                raise TypeError(f"Iterator operand {i} dtype could not be cast from "
                                f"{op.dtype!r} to {dtype!r} according to the rule "
                                f"{casting!r}")
    path = _path(subscripts, ops, optimize)
    for i, (op, lab) in enumerate(zip(ops, labels)):
        ops[i], labels[i] = _diagonals(op, lab, i)
    _check_sizes(ops, labels)
    out_set = set(out_labels)
    # Per operand: cast, and sum what nothing else uses.
    for i in range(len(ops)):
        others = set(out_set)
        for j, lab in enumerate(labels):
            if j != i:
                others.update(lab)
        a = ops[i].astype(dtype, copy=False)
        ops[i], labels[i] = _sum_unneeded(a, labels[i], others, dtype)
    pending = list(zip(ops, labels))
    for contraction in path:
        # Popped from the back, as einsum_path numbers them, but combined in operand order.
        taken = [pending.pop(k) for k in sorted(contraction, reverse=True)][::-1]
        needed = set(out_set)
        for _, lab in pending:
            needed.update(lab)
        a, la = taken[0]
        for step, (b, lb) in enumerate(taken[1:], 2):
            keep = set(needed)
            for _, lab in taken[step:]:
                keep.update(lab)
            a, la = _contract_pair(a, la, b, lb, keep, dtype)
        if len(taken) == 1:
            a, la = _sum_unneeded(a, la, needed, dtype)
        pending.append((a, la))
    (a, la), = pending
    a, la = _sum_unneeded(a, la, out_set, dtype)
    return a.transpose([la.index(x) for x in out_labels])

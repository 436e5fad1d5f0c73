"""Counting into bins: histogram, histogram_bin_edges, histogram2d, histogramdd, bincount,
digitize.

Bin positions come from :func:`cupy.searchsorted` on the edges and the counts from an atomic
scatter (:func:`cupy.add.at`); values outside the edges go to a spill bin that is dropped,
so no data-dependent compaction (and no device-to-host size read) is needed. Only the data
range, when autodetected, is read back to the host.
"""
import builtins
import operator
import warnings

import numpy

import cupy

__all__ = ["histogram", "histogram_bin_edges", "histogram2d", "histogramdd", "bincount",
           "digitize"]


def bincount(x, weights=None, minlength=0):
    """Number of occurrences of each value in a 1-d array of non-negative integers.

    With ``weights``, each occurrence adds its weight (the result is float64).

    .. seealso:: :func:`numpy.bincount`

    Example:
        >>> cupy.bincount(cupy.array([0, 1, 1, 3]))
        array([1, 2, 0, 1])
    """
    x = cupy.asarray(x)
    if x.ndim != 1:
        raise ValueError("object too deep for desired array" if x.ndim > 1 else
                         "object of too small depth for desired array")
    if x.dtype.kind not in "biu" or not numpy.can_cast(x.dtype, numpy.intp, "safe"):
        raise TypeError(f"Cannot cast array data from {x.dtype!r} to "
                        f"{numpy.dtype(numpy.intp)!r} according to the rule 'safe'")
    minlength = operator.index(minlength)
    if minlength < 0:
        raise ValueError("'minlength' must not be negative")
    if weights is not None:
        weights = cupy.asarray(weights)
        if weights.shape != x.shape:
            raise ValueError("The weights and list don't have the same length.")
    length = minlength
    if x.size:
        # The output length depends on the data: two scalars read back.
        if int(x.min()) < 0:
            raise ValueError("'list' argument must have no negative elements")
        length = max(int(x.max()) + 1, minlength)
    if weights is None:
        out = cupy.zeros(length, numpy.intp)
        cupy.add.at(out, x, 1)
    else:
        out = cupy.zeros(length, numpy.float64)
        cupy.add.at(out, x, weights.astype(numpy.float64))
    return out


def digitize(x, bins, right=False):
    """Indices of the bins to which each value belongs.

    ``bins`` must be monotonic (increasing or decreasing); ``right`` makes the intervals
    closed on the right instead of the left.

    .. seealso:: :func:`numpy.digitize`

    Example:
        >>> cupy.digitize(cupy.array([0.5, 1.0, 2.5]), cupy.array([0.0, 1.0, 2.0]))
        array([1, 2, 3])
    """
    x = cupy.asarray(x)
    bins = cupy.asarray(bins)
    if x.dtype.kind == "c":
        raise TypeError("x may not be complex")
    if bins.ndim != 1:
        raise ValueError("object too deep for desired array" if bins.ndim > 1 else
                         "object of too small depth for desired array")
    increasing = bool(cupy.all(bins[1:] >= bins[:-1]))
    if not increasing and not bool(cupy.all(bins[1:] <= bins[:-1])):
        raise ValueError("bins must be monotonically increasing or decreasing")
    side = "left" if right else "right"
    if increasing:
        return cupy.searchsorted(bins, x, side=side)
    # Decreasing bins: search the reversed (increasing) edges and mirror the position.
    return bins.size - cupy.searchsorted(bins[::-1], x, side=side)


def _ndim(x):
    return x.ndim if isinstance(x, cupy.ndarray) else numpy.ndim(x)


def _outer_edges(a, range):
    """(first, last) edges as Python scalars, from ``range`` or the data's extent."""
    if range is not None:
        first, last = range
        if first > last:
            raise ValueError("max must be larger than min in range parameter.")
        if not (numpy.isfinite(first) and numpy.isfinite(last)):
            raise ValueError(f"supplied range of [{first}, {last}] is not finite")
    elif a.size == 0:
        first, last = 0, 1
    else:
        first, last = a.min().item(), a.max().item()
        if not (numpy.isfinite(first) and numpy.isfinite(last)):
            raise ValueError(f"autodetected range of [{first}, {last}] is not finite")
    if first == last:
        first = first - 0.5
        last = last + 0.5
    return first, last


def _hist_bin_width(a, name):
    """NumPy's bin width estimators for string ``bins`` (data statistics read back)."""
    n = a.size
    if name == "sqrt":
        return float(cupy.ptp(a)) / numpy.sqrt(n)
    if name == "sturges":
        return float(cupy.ptp(a)) / (numpy.log2(n) + 1.0)
    if name == "rice":
        return float(cupy.ptp(a)) / (2.0 * n ** (1.0 / 3))
    if name == "scott":
        return (24.0 * numpy.pi ** 0.5 / n) ** (1.0 / 3.0) * float(cupy.std(a))
    if name == "fd":
        q75, q25 = (float(v) for v in cupy.percentile(a, [75.0, 25.0]))
        return 2.0 * (q75 - q25) * n ** (-1.0 / 3.0)
    if name == "doane":
        if n <= 2:
            return 0.0
        sg1 = numpy.sqrt(6.0 * (n - 2) / ((n + 1.0) * (n + 3)))
        sigma = float(cupy.std(a))
        if sigma <= 0.0:
            return 0.0
        g1 = float(cupy.mean(((a - cupy.mean(a)) / sigma) ** 3))
        return float(cupy.ptp(a)) / (1.0 + numpy.log2(n) +
                                     numpy.log2(1.0 + numpy.absolute(g1) / sg1))
    if name == "stone":
        return _hist_bin_stone(a)
    if name == "auto":
        fd_bw = _hist_bin_width(a, "fd")
        sturges_bw = _hist_bin_width(a, "sturges")
        return min(fd_bw, sturges_bw) if fd_bw else sturges_bw
    raise ValueError(f"{name!r} is not a valid estimator for `bins`")


def _hist_bin_stone(a):
    """Stone's estimator (NumPy's ``_hist_bin_stone``): the width of the number of equal bins
    in [1, max(100, sqrt(n))] that minimises the leave-one-out risk estimate. The risks of all
    candidates are computed on the device and read back once."""
    n = a.size
    ptp = float(cupy.ptp(a))
    if n <= 1 or ptp == 0:
        return 0.0
    upper = max(100, int(numpy.sqrt(n)))
    extent = (float(a.min()), float(a.max()))
    risks = []
    for nbins in builtins.range(1, upper + 1):
        p = histogram(a, bins=nbins, range=extent)[0] / n
        risks.append((2 - (n + 1) * p.dot(p)) / (ptp / nbins))
    nbins = int(cupy.argmin(cupy.stack(risks))) + 1
    if nbins == upper:
        warnings.warn("The number of bins estimated may be suboptimal.", RuntimeWarning,
                      stacklevel=5)
    return ptp / nbins


_ESTIMATORS = ("auto", "fd", "doane", "rice", "scott", "sqrt", "stone", "sturges")


def _bin_edges(a, bins, range, weights):
    """(edges, number of equal bins or None for explicit edges)."""
    if isinstance(bins, str):
        if bins not in _ESTIMATORS:
            raise ValueError(f"{bins!r} is not a valid estimator for `bins`")
        if weights is not None:
            raise TypeError("Automated estimation of the number of bins is not "
                            "supported for weighted data")
        first, last = _outer_edges(a, range)
        if range is not None:
            a = a[(a >= first) & (a <= last)]
        if a.size == 0:
            n_equal = 1
        else:
            width = _hist_bin_width(a, bins)
            if width and a.dtype.kind in "biu" and width < 1:
                width = 1
            n_equal = int(numpy.ceil((last - first) / width)) if width else 1
        bins = n_equal
    if _ndim(bins) == 0:
        try:
            n_equal = operator.index(bins.item() if isinstance(bins, cupy.ndarray)
                                     else bins)
        except TypeError as e:
            raise TypeError("`bins` must be an integer, a string, or an array") from e
        if n_equal < 1:
            raise ValueError("`bins` must be positive, when an integer")
        first, last = _outer_edges(a, range)
        dt = numpy.result_type(first, last, a.dtype)
        if dt.kind in "biu":
            dt = numpy.dtype(numpy.float64)
        return cupy.linspace(first, last, n_equal + 1, endpoint=True, dtype=dt), n_equal
    edges = cupy.asarray(bins)
    if edges.ndim != 1:
        raise ValueError("`bins` must be 1d, when an array")
    if edges.size > 1 and not bool(cupy.all(edges[1:] >= edges[:-1])):
        raise ValueError("`bins` must increase monotonically, when an array")
    return edges, None


def _ravel_and_weights(a, weights):
    a = cupy.asarray(a)
    if weights is not None:
        weights = cupy.asarray(weights)
        if weights.shape != a.shape:
            raise ValueError("weights should have the same shape as a.")
        weights = weights.ravel()
    return a.ravel(), weights


def histogram_bin_edges(a, bins=10, range=None, weights=None):
    """The bin edges :func:`histogram` would use.

    ``bins`` is a count of equal-width bins over ``range`` (default: the data's extent),
    a monotonic sequence of edges, or one of NumPy's estimator names ('auto', 'fd',
    'doane', 'rice', 'scott', 'sqrt', 'stone', 'sturges').

    .. seealso:: :func:`numpy.histogram_bin_edges`

    Example:
        >>> cupy.histogram_bin_edges(cupy.array([0.0, 1.0, 4.0]), bins=2)
        array([0., 2., 4.])
    """
    a, weights = _ravel_and_weights(a, weights)
    return _bin_edges(a, bins, range, weights)[0]


def _bin_index(x, edges):
    """Bin of each value (the last bin closed on the right); ``len(edges) - 1`` when
    outside the edges or NaN."""
    nb = edges.size - 1
    idx = cupy.searchsorted(edges, x, side="right") - 1
    idx = cupy.where(x == edges[-1], nb - 1, idx)
    return cupy.where((idx < 0) | (idx >= nb), nb, idx)


def histogram(a, bins=10, range=None, density=None, weights=None):
    """Histogram of the data: (counts or densities, bin edges).

    Every bin is half-open ``[left, right)`` except the last, which includes its right
    edge; values outside the edges are not counted. With ``weights`` the counts have the
    weights' dtype; ``density`` normalises to a probability density.

    .. seealso:: :func:`numpy.histogram`

    Example:
        >>> cupy.histogram(cupy.array([1, 2, 1]), bins=[0, 1, 2, 3])
        (array([0, 2, 1]), array([0, 1, 2, 3]))
    """
    a, weights = _ravel_and_weights(a, weights)
    edges, _ = _bin_edges(a, bins, range, weights)
    nb = edges.size - 1
    idx = _bin_index(a, edges)
    if weights is None:
        n = cupy.zeros(nb + 1, numpy.intp)
        cupy.add.at(n, idx, 1)
    else:
        # NumPy sums the weights in double precision (bincount) and casts back.
        acc = numpy.complex128 if weights.dtype.kind == "c" else numpy.float64
        n = cupy.zeros(nb + 1, acc)
        cupy.add.at(n, idx, weights.astype(acc))
        n = n.astype(weights.dtype)
    n = n[:nb]
    if density:
        db = cupy.asarray(edges[1:] - edges[:-1], numpy.float64)
        return n / db / n.sum(), edges
    return n, edges


def histogramdd(sample, bins=10, range=None, density=None, weights=None):
    """Multidimensional histogram of ``D``-dimensional samples: (counts, list of edges).

    ``sample`` is an ``(N, D)`` array or a sequence of ``D`` 1-d arrays; ``bins`` is one
    specification (count or edges) for every dimension or a sequence of ``D`` of them.
    The counts are float64, as in NumPy.

    .. seealso:: :func:`numpy.histogramdd`

    Example:
        >>> h, e = cupy.histogramdd(cupy.array([[0.0, 0.0], [1.0, 1.0]]), bins=2)
        >>> h
        array([[1., 0.],
               [0., 1.]])
    """
    if isinstance(sample, cupy.ndarray) or (
            isinstance(sample, numpy.ndarray) and sample.ndim == 2):
        sample = cupy.atleast_2d(cupy.asarray(sample))
        N, D = sample.shape
        cols = [sample[:, i] for i in builtins.range(D)]
    else:
        cols = [cupy.asarray(s).ravel() for s in sample]
        D = len(cols)
        N = cols[0].size if D else 0
    common = numpy.result_type(*[c.dtype for c in cols]) if D else numpy.float64
    try:
        M = len(bins)
        if M != D:
            raise ValueError("The dimension of bins must be equal to the dimension of "
                             "the sample x.")
    except TypeError:
        bins = D * [bins]
    if range is None:
        range = (None,) * D
    elif len(range) != D:
        raise ValueError("range argument must have one entry per dimension")
    if weights is not None:
        weights = cupy.asarray(weights)
        if weights.shape != (N,):
            raise ValueError("weights should have the same shape as the first dimension "
                             "of sample.")
    edges, nbin, flat = [], [], cupy.zeros(N, numpy.intp)
    for i in builtins.range(D):
        if _ndim(bins[i]) == 0:
            try:
                n = operator.index(bins[i].item() if isinstance(bins[i], cupy.ndarray)
                                   else bins[i])
            except TypeError as e:
                raise TypeError(f"`bins[{i}]` must be an integer, when a scalar") from e
            if n < 1:
                raise ValueError(f"`bins[{i}]` must be positive, when an integer")
            smin, smax = _outer_edges(cols[i], range[i])
            # NumPy's edges take the (stacked) sample's dtype when the data gives the range.
            dt = numpy.result_type(common, 0.0) if range[i] is None and N else numpy.float64
            e = cupy.linspace(smin, smax, n + 1, dtype=dt)
        else:
            e = cupy.asarray(bins[i])
            if e.ndim != 1:
                raise ValueError(f"`bins[{i}]` must be a scalar or 1d array")
            if e.size > 1 and not bool(cupy.all(e[1:] >= e[:-1])):
                raise ValueError(f"`bins[{i}]` must be monotonically increasing, when an "
                                 "array")
        edges.append(e)
        nbin.append(e.size - 1)
    # A single spill bin past the product of all bins collects samples outside any edge.
    total = 1
    for i in builtins.range(D - 1, -1, -1):
        idx = _bin_index(cols[i], edges[i])
        outside = idx == nbin[i]
        flat = cupy.where(outside | (flat < 0), -1, flat + idx * total)
        total *= nbin[i]
    flat = cupy.where(flat < 0, total, flat)
    hist = cupy.zeros(total + 1, numpy.float64)
    cupy.add.at(hist, flat, 1.0 if weights is None else weights.astype(numpy.float64))
    hist = hist[:total].reshape(nbin)
    if density:
        s = hist.sum()
        for i in builtins.range(D):
            shape = [1] * D
            shape[i] = nbin[i]
            hist = hist / (edges[i][1:] - edges[i][:-1]).reshape(shape)
        hist = hist / s
    return hist, edges


def histogram2d(x, y, bins=10, range=None, density=None, weights=None):
    """Two-dimensional histogram: (counts, x edges, y edges).

    ``bins`` is a count or edges for both axes, or a pair of them.

    .. seealso:: :func:`numpy.histogram2d`

    Example:
        >>> h, xe, ye = cupy.histogram2d(cupy.array([0.0, 1.0]), cupy.array([0.0, 1.0]), 2)
        >>> h
        array([[1., 0.],
               [0., 1.]])
    """
    try:
        N = len(bins)
    except TypeError:
        N = 1
    if N != 1 and N != 2:
        xedges = yedges = cupy.asarray(bins)
        bins = [xedges, yedges]
    hist, edges = histogramdd([x, y], bins, range, density, weights)
    return hist, edges[0], edges[1]


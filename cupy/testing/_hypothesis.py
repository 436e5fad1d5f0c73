"""Statistical hypothesis tests for checking random number generators."""
import numpy


def chi_square_test(observed, expected, alpha=0.05, df=None):
    """Goodness-of-fit test with Pearson's chi-squared test.

    Parameters
    ----------
    observed : numpy.ndarray of ints
        Number of times each category is observed.
    expected : numpy.ndarray of floats
        Number of times each category is expected to be observed.
    alpha : float
        Significance level; only 0.05 and 0.01 are supported.
    df : int, optional
        Degrees of freedom. If ``None``, ``observed.size - 1``.

    Returns
    -------
    bool
        ``True`` if the null hypothesis (``observed`` follows ``expected``)
        is **not** rejected, ``False`` otherwise.
    """
    if df is None:
        df = observed.size - 1

    if alpha not in (0.01, 0.05):
        raise ValueError('support only alpha == 0.05 or 0.01')

    # The critical value is the (1 - alpha) quantile of the chi-squared
    # distribution with df degrees of freedom.
    import scipy.stats
    critical = scipy.stats.chi2.ppf(1 - alpha, df)
    chi_square = numpy.sum((observed - expected) ** 2 / expected)
    return bool(chi_square < critical)

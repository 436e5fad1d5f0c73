import numpy
import pytest

from cupy.testing import _hypothesis


def test_uniform_accepted():
    observed = numpy.array([100, 98, 103, 99])
    expected = numpy.full(4, 100.0)
    assert _hypothesis.chi_square_test(observed, expected)
    assert _hypothesis.chi_square_test(observed, expected, alpha=0.01)


def test_skewed_rejected():
    observed = numpy.array([150, 50, 100, 100])
    expected = numpy.full(4, 100.0)
    assert not _hypothesis.chi_square_test(observed, expected)


@pytest.mark.parametrize('alpha, critical', [(0.05, 3.841), (0.01, 6.635)])
def test_critical_value_df1(alpha, critical):
    # With two categories of expectation 100 and observations 100 +- d the
    # statistic is d**2 / 50; tabulated critical values for df=1 are used.
    expected = numpy.array([100.0, 100.0])
    below = numpy.sqrt(critical * 50) - 0.01
    above = numpy.sqrt(critical * 50) + 0.01
    assert _hypothesis.chi_square_test(
        numpy.array([100 + below, 100 - below]), expected, alpha=alpha)
    assert not _hypothesis.chi_square_test(
        numpy.array([100 + above, 100 - above]), expected, alpha=alpha)


def test_df_argument():
    # The statistic is 4.5: below the df=5 critical value (11.070) used by
    # default for 6 categories, above the df=1 one (3.841).
    observed = numpy.array([115, 85, 100, 100, 100, 100])
    expected = numpy.full(6, 100.0)
    assert _hypothesis.chi_square_test(observed, expected)
    assert not _hypothesis.chi_square_test(observed, expected, df=1)


def test_invalid_alpha():
    with pytest.raises(ValueError):
        _hypothesis.chi_square_test(
            numpy.array([1, 1]), numpy.array([1.0, 1.0]), alpha=0.1)

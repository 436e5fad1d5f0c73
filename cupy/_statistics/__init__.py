"""Statistics: order statistics and quantiles, means and variances, correlation, histograms."""
from cupy._statistics.order import *  # NOQA
from cupy._statistics.meanvar import *  # NOQA
from cupy._statistics.order_quantile import *  # NOQA
from cupy._statistics.nan_extras import *  # NOQA
from cupy._statistics.histogram import *  # NOQA
from cupy._statistics.correlation import *  # NOQA

"""Statistics: order statistics, means and variances."""
from cupy._statistics.order import *  # NOQA
from cupy._statistics.meanvar import *  # NOQA

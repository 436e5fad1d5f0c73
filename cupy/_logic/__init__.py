"""Logic functions: comparisons, logical operations, content tests, truth reductions."""
from cupy._logic.comparison import *  # NOQA
from cupy._logic.ops import *  # NOQA
from cupy._logic.content import *  # NOQA
from cupy._logic.truth import *  # NOQA
from cupy._logic.extras import *  # NOQA

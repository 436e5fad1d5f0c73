"""Array manipulation routines (shape, joining, splitting, tiling, rearranging, padding)."""
from cupy._manipulation.basic import *  # NOQA
from cupy._manipulation.shape import *  # NOQA
from cupy._manipulation.transpose import *  # NOQA
from cupy._manipulation.dims import *  # NOQA
from cupy._manipulation.join import *  # NOQA
from cupy._manipulation.split import *  # NOQA
from cupy._manipulation.tiling import *  # NOQA
from cupy._manipulation.rearrange import *  # NOQA
from cupy._manipulation.add_remove import *  # NOQA
from cupy._manipulation.kind import *  # NOQA
from cupy._manipulation.pad import *  # NOQA

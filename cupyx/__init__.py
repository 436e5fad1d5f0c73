"""cupyx: routines beyond NumPy's API."""
from cupyx._scatter import scatter_add, scatter_max, scatter_min  # NOQA

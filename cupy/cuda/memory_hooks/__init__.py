"""Ready-made memory hooks."""
from cupy.cuda.memory_hooks.debug_print import DebugPrintHook  # NOQA
from cupy.cuda.memory_hooks.line_profile import LineProfileHook  # NOQA

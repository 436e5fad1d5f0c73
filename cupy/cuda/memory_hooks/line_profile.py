import os
import sys
import traceback

from cupy.cuda import memory_hook

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class _StackFrame:
    def __init__(self, parent, frame=None):
        self.parent = parent
        self.frame = frame
        self.children = {}
        self.used_bytes = 0
        self.acquired_bytes = 0

    def child(self, frame):
        key = (frame.filename, frame.lineno, frame.name)
        c = self.children.get(key)
        if c is None:
            c = self.children[key] = _StackFrame(self, frame)
        return c

    def add(self, used, acquired):
        node = self
        while node is not None:
            node.used_bytes += used
            node.acquired_bytes += acquired
            node = node.parent


def _human(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.2f}{unit}" if unit != "B" else f"{n}B"
        n /= 1024


class LineProfileHook(memory_hook.MemoryHook):
    """Records, per line of Python code, the bytes taken from the pool (``used``) and the bytes
    newly allocated from the device (``acquired``).

    Args:
        max_depth (int): frames kept per call stack.

    Example:
        >>> import cupy
        >>> from cupy.cuda import memory_hooks
        >>> hook = memory_hooks.LineProfileHook()
        >>> with hook:
        ...     a = cupy.zeros(1000)
        >>> hook.print_report()   # doctest: +SKIP
    """

    name = "LineProfileHook"

    def __init__(self, max_depth=0):
        self._root = _StackFrame(None)
        self._max_depth = max_depth

    def _frames(self):
        # Frames of user code only: drop this package's own frames.
        stack = [f for f in traceback.extract_stack()
                 if not os.path.abspath(f.filename).startswith(_PACKAGE_DIR + os.sep + "cupy")]
        if self._max_depth > 0:
            stack = stack[-self._max_depth:]
        return stack

    def _record(self, used, acquired):
        node = self._root
        for f in self._frames():
            node = node.child(f)
        node.add(used, acquired)

    def malloc_preprocess(self, device_id, size, mem_size):
        self._record(mem_size, 0)

    def alloc_preprocess(self, device_id, mem_size):
        self._record(0, mem_size)

    def print_report(self, file=sys.stdout):
        """Write the per-line report to ``file``."""
        def visit(node, depth):
            if node.frame is not None:
                f = node.frame
                file.write(f"{'  ' * depth}{_human(node.used_bytes)} "
                           f"({_human(node.acquired_bytes)}) "
                           f"{f.filename}:{f.lineno}:{f.name}\n")
            for c in node.children.values():
                visit(c, depth + (node.frame is not None))
        visit(self._root, 0)
        file.flush()

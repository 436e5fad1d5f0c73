import sys

from cupy.cuda import memory_hook


class DebugPrintHook(memory_hook.MemoryHook):
    """Prints one JSON line per pool event.

    Args:
        file: output stream (``sys.stdout`` by default).
        flush (bool): flush after each line.

    Example:
        >>> import cupy
        >>> from cupy.cuda import memory_hooks
        >>> with memory_hooks.DebugPrintHook():
        ...     a = cupy.zeros(10)   # doctest: +SKIP
        {"hook":"alloc","device_id":0,"mem_size":512,"mem_ptr":...}
        {"hook":"malloc","device_id":0,"size":80,"mem_size":512,"mem_ptr":...,"pmem_id":"0x..."}
    """

    name = "DebugPrintHook"

    def __init__(self, file=None, flush=True):
        self.file = sys.stdout if file is None else file
        self.flush = flush

    def _print(self, msg):
        self.file.write(msg)
        self.file.write("\n")
        if self.flush:
            self.file.flush()

    def alloc_postprocess(self, device_id, mem_size, mem_ptr):
        self._print(f'{{"hook":"alloc","device_id":{device_id},'
                    f'"mem_size":{mem_size},"mem_ptr":{mem_ptr}}}')

    def malloc_postprocess(self, device_id, size, mem_size, mem_ptr, pmem_id):
        self._print(f'{{"hook":"malloc","device_id":{device_id},"size":{size},'
                    f'"mem_size":{mem_size},"mem_ptr":{mem_ptr},"pmem_id":"{pmem_id:#x}"}}')

    def free_postprocess(self, device_id, mem_size, mem_ptr, pmem_id):
        self._print(f'{{"hook":"free","device_id":{device_id},'
                    f'"mem_size":{mem_size},"mem_ptr":{mem_ptr},"pmem_id":"{pmem_id:#x}"}}')

# cython: language_level=3
"""User-written CUDA C++ kernels: RawKernel and RawModule.

Both compile lazily, on first use, once per device (through
:func:`cupy.cuda.compiler.compile_with_cache`, which adds the memo and disk cache layers).
When the kernel's ``__global__`` signature can be found in the source, launches check the
argument count and raise ``TypeError`` on a mismatch, before anything reaches the device.
"""
import re

from cupy.cuda._backend cimport active
from cupy.cuda.function cimport Function, Module
from cupy_backends.backend cimport Backend

from cupy.cuda import compiler


_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_OPEN = {"(": ")", "[": "]", "{": "}", "<": ">"}
_CLOSE = frozenset(")]}>")


def _count_params(str src, Py_ssize_t pos):
    """Number of parameters in the list that starts at ``src[pos]`` (just after ``(``);
    None if it cannot be told (variadic, unbalanced)."""
    cdef Py_ssize_t depth = 0
    cdef Py_ssize_t commas = 0
    cdef Py_ssize_t i = pos
    cdef Py_ssize_t n = len(src)
    while i < n:
        c = src[i]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            if depth == 0:
                if c != ")":
                    return None
                body = src[pos:i].strip()
                if "..." in body:
                    return None
                if body == "" or body == "void":
                    return 0
                return commas + 1
            depth -= 1
        elif c == "," and depth == 0:
            commas += 1
        i += 1
    return None


def _kernel_num_params(str code, str name):
    """Parameter count of the ``__global__`` function ``name`` (a name or a name expression
    such as ``'ns::f<float, 2>'``) in ``code``; -1 when it cannot be determined."""
    base = name.split("<", 1)[0].strip().rsplit("::", 1)[-1].strip()
    if not base.isidentifier():
        return -1
    src = _COMMENTS.sub(" ", code)
    counts = set()
    for m in re.finditer(r"\b" + re.escape(base) + r"\s*\(", src):
        # A definition or declaration has __global__ in the same statement, before the name.
        start = max(src.rfind(";", 0, m.start()), src.rfind("{", 0, m.start()),
                    src.rfind("}", 0, m.start()))
        if "__global__" not in src[start + 1:m.start()]:
            continue
        count = _count_params(src, m.end())
        if count is None:
            return -1
        counts.add(count)
    return counts.pop() if len(counts) == 1 else -1


cdef tuple _check_common(options, str backend, bint translate_cucomplex,
                         bint enable_cooperative_groups, bint jitify):
    return compiler.check_compile_request(options, backend, translate_cucomplex,
                                          enable_cooperative_groups, jitify)


cdef class RawKernel:
    """A user-defined CUDA kernel, compiled from source on first use.

    Args:
        code (str): CUDA C++ source containing the kernel.
        name (str): name of the kernel; declare it ``extern "C"`` so that the name is not
            mangled (or use :class:`RawModule` with ``name_expressions`` for templates).
        options (tuple of str): compiler options (``-DN=4``, ``--std=c++17``, ...).
        backend (str): ``'nvrtc'`` (``'nvcc'`` is accepted and compiled the same way).
        translate_cucomplex (bool): not supported; must be False.
        enable_cooperative_groups (bool): not supported; must be False.
        jitify (bool): not supported; must be False.

    Example:
        >>> add = cupy.RawKernel(r'''
        ... extern "C" __global__ void add(const float* x, const float* y, float* z, int n) {
        ...     int i = blockDim.x * blockIdx.x + threadIdx.x;
        ...     if (i < n) z[i] = x[i] + y[i];
        ... }''', 'add')
        >>> add((4,), (256,), (x, y, z, numpy.int32(1000)))
    """


    def __init__(self, str code not None, str name not None, options=(), str backend="nvrtc",
                 *, bint translate_cucomplex=False, bint enable_cooperative_groups=False,
                 bint jitify=False):
        self.options = _check_common(options, backend, translate_cucomplex,
                                     enable_cooperative_groups, jitify)
        self.code = code
        self.name = name
        self.backend = backend
        self.translate_cucomplex = translate_cucomplex
        self.enable_cooperative_groups = enable_cooperative_groups
        self.jitify = jitify
        self.file_path = None
        self._kernels = {}
        self._num_params = _kernel_num_params(code, name)

    def __call__(self, grid, block, args, *, size_t shared_mem=0, stream=None,
                 enable_cooperative_groups=None):
        """Launch the kernel.

        Args:
            grid (int or tuple of int): number of blocks (1-3 dimensions).
            block (int or tuple of int): threads per block (1-3 dimensions).
            args (tuple): kernel arguments: device arrays / MemoryPointers, NumPy scalars
                (passed with their exact C type), Python scalars (``bool``, ``long long``,
                ``double``, ``complex<double>``), structured NumPy scalars (structs by value).
            shared_mem (int): dynamic shared memory per block, in bytes.
            stream (cupy.cuda.Stream): the stream; the current stream by default.
            enable_cooperative_groups (bool): not supported; must be None or False.
        """
        if enable_cooperative_groups:
            raise NotImplementedError("cooperative group launches are not supported")
        self._kernel().launch(grid, block, args, shared_mem, stream)

    cdef Function _kernel(self):
        cdef Backend be = active()
        cdef int device = be.get_device()
        f = self._kernels.get(device)
        if f is None:
            if self._owner is not None:
                module = self._owner._module()
            else:
                module = compiler.compile_with_cache(self.code, self.options,
                                                     backend=self.backend)
            f = (<Module>module).get_function(self.name)
            (<Function>f).num_params = self._num_params
            self._kernels[device] = f
        return <Function>f

    @property
    def kernel(self):
        """The compiled :class:`cupy.cuda.Function` for the current device."""
        return self._kernel()

    def compile(self, log_stream=None):
        """Compile the kernel for the current device now (it is otherwise compiled on first
        use); the compiler log, if any, is written to ``log_stream``."""
        if self._owner is not None:
            self._owner._module(log_stream)
        elif log_stream is not None:
            compiler.compile_with_cache(self.code, self.options, backend=self.backend,
                                        log_stream=log_stream)
        self._kernel()

    @property
    def attributes(self):
        """Dict of the kernel's attributes (``num_regs``, ``max_threads_per_block``, ...)."""
        return self._kernel().attributes

    @property
    def max_threads_per_block(self):
        return self._kernel().max_threads_per_block

    @property
    def shared_size_bytes(self):
        return self._kernel().shared_size_bytes

    @property
    def const_size_bytes(self):
        return self._kernel().const_size_bytes

    @property
    def local_size_bytes(self):
        return self._kernel().local_size_bytes

    @property
    def num_regs(self):
        return self._kernel().num_regs

    @property
    def ptx_version(self):
        return self._kernel().ptx_version

    @property
    def binary_version(self):
        return self._kernel().binary_version

    @property
    def cache_mode_ca(self):
        return self._kernel().cache_mode_ca

    @property
    def max_dynamic_shared_size_bytes(self):
        return self._kernel().max_dynamic_shared_size_bytes

    @max_dynamic_shared_size_bytes.setter
    def max_dynamic_shared_size_bytes(self, value):
        self._kernel().max_dynamic_shared_size_bytes = value

    @property
    def preferred_shared_memory_carveout(self):
        return self._kernel().preferred_shared_memory_carveout

    @preferred_shared_memory_carveout.setter
    def preferred_shared_memory_carveout(self, value):
        self._kernel().preferred_shared_memory_carveout = value

    def __repr__(self):
        return f"<RawKernel {self.name}>"


cdef class RawModule:
    """A CUDA C++ module with several kernels and ``__device__`` variables.

    Args:
        code (str): CUDA C++ source. Exactly one of ``code`` and ``path`` must be given.
        path (str): path of a compiled image (a CUBIN on the cuda backend) to load.
        options (tuple of str): compiler options.
        backend (str): ``'nvrtc'`` (``'nvcc'`` is accepted and compiled the same way).
        translate_cucomplex (bool): not supported; must be False.
        enable_cooperative_groups (bool): not supported; must be False.
        name_expressions (sequence of str): C++ names of template kernels / variables to
            instantiate (e.g. ``'my_sum<float, 4>'``); pass the same string to
            :meth:`get_function`.
        jitify (bool): not supported; must be False.

    Example:
        >>> mod = cupy.RawModule(code=r'''
        ... template<typename T> __global__ void fill(T* x, T v) { x[threadIdx.x] = v; }
        ... ''', name_expressions=('fill<float>', 'fill<double>'))
        >>> fill = mod.get_function('fill<float>')
    """


    def __init__(self, code=None, path=None, options=(), str backend="nvrtc", *,
                 bint translate_cucomplex=False, bint enable_cooperative_groups=False,
                 name_expressions=None, bint jitify=False):
        if (code is None) == (path is None):
            raise TypeError("Exactly one of code and path keyword arguments must be given.")
        if code is not None and not isinstance(code, str):
            raise TypeError(f"code must be str, got {type(code).__name__}")
        self.options = _check_common(options, backend, translate_cucomplex,
                                     enable_cooperative_groups, jitify)
        if name_expressions is not None:
            if path is not None:
                raise ValueError("name_expressions requires code, not path")
            name_expressions = tuple(name_expressions)
            for n in name_expressions:
                if not isinstance(n, str):
                    raise TypeError(f"name_expressions must be str, got {n!r}")
        self.code = code
        self.file_path = path
        self.backend = backend
        self.translate_cucomplex = translate_cucomplex
        self.enable_cooperative_groups = enable_cooperative_groups
        self.name_expressions = name_expressions
        self.jitify = jitify
        self._modules = {}
        self._kernels = {}

    cdef Module _module(self, log_stream=None):
        cdef Backend be = active()
        cdef int device = be.get_device()
        m = self._modules.get(device)
        if m is None:
            if self.code is not None:
                m = compiler.compile_with_cache(self.code, self.options, backend=self.backend,
                                                name_expressions=self.name_expressions,
                                                log_stream=log_stream)
            else:
                m = Module()
                m.load_file(self.file_path)
            self._modules[device] = m
        return <Module>m

    @property
    def module(self):
        """The loaded :class:`cupy.cuda.Module` for the current device."""
        return self._module()

    def compile(self, log_stream=None):
        """Compile the module for the current device now (otherwise done on first use)."""
        self._module(log_stream)

    def get_function(self, str name):
        """The kernel ``name``: a plain ``extern "C"`` name or one of ``name_expressions``.

        Returns:
            RawKernel: the kernel, sharing this module's compiled code.
        """
        cdef RawKernel k = self._kernels.get(name)
        if k is None:
            k = RawKernel.__new__(RawKernel)
            k.code = self.code
            k.name = name
            k.options = self.options
            k.backend = self.backend
            k.translate_cucomplex = self.translate_cucomplex
            k.enable_cooperative_groups = self.enable_cooperative_groups
            k.jitify = self.jitify
            k.file_path = self.file_path
            k._kernels = {}
            k._num_params = -1 if self.code is None else _kernel_num_params(self.code, name)
            k._owner = self
            # Resolve now so that a wrong name fails here, as in CuPy.
            k._kernel()
            self._kernels[name] = k
        return k

    def get_global(self, str name):
        """A MemoryPointer to the ``__device__`` variable ``name`` (or a name expression)."""
        return self._module().get_global_var(name)

    def __repr__(self):
        return f"<RawModule {self.file_path or 'from source'}>"

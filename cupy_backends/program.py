"""Spec objects passed across the backend boundary for compiling programs.

A backend's ``compile(ProgramSpec) -> ObjectCode`` turns CUDA C++ source into a loadable image:
a CUBIN for the cuda backend, a shared object for the host backend. The image plus its name map
is what the kernel cache stores and what ``module_load`` accepts.
"""
from __future__ import annotations

import dataclasses


class CompileException(Exception):
    """A kernel failed to compile. Carries the source, the options and the compiler log."""

    def __init__(self, msg, source, name, options, backend="nvrtc"):
        self._msg = msg
        self.source = source
        self.name = name
        self.options = tuple(options)
        self.backend = backend
        super().__init__(msg, source, name, options, backend)

    @property
    def log(self):
        return self._msg

    def __reduce__(self):
        return (type(self), (self._msg, self.source, self.name, self.options, self.backend))

    def __str__(self):
        return self._msg

    def dump(self, f):
        """Write the numbered source and the log to the file-like object ``f``."""
        lines = self.source.split("\n")
        digits = len(str(len(lines)))
        f.write(f"{self.backend} compilation failed ({self.name}) with options {self.options}\n")
        for i, line in enumerate(lines, 1):
            f.write(f"{i:0{digits}d} {line}\n")
        f.write(self._msg)
        f.flush()


@dataclasses.dataclass(frozen=True)
class ProgramSpec:
    """What to compile.

    Attributes:
        source: CUDA C++ source.
        name: a file-like name used in diagnostics (e.g. ``'my_kernel.cu'``).
        options: compiler options, NVRTC spelling (``-D...``, ``-I...``, ``-std=c++17``);
            ``--gpu-architecture``/``-arch`` are added by the backend from ``arch``.
        name_expressions: C++ names of kernels to instantiate and export (template kernels,
            e.g. ``'my_sum<float, 4>'``). Non-template ``__global__`` functions need not be listed.
        arch: the target: ``'sm_90'`` etc. for cuda, ``'host'`` for the host backend.
    """

    source: str
    name: str = "kernel.cu"
    options: tuple = ()
    name_expressions: tuple = ()
    arch: str = ""


@dataclasses.dataclass(frozen=True)
class ObjectCode:
    """A compiled program.

    Attributes:
        image: bytes that ``Backend.module_load`` accepts (CUBIN or a host shared object).
        lowered_names: ``{name_expression: symbol}``; ``module_get_function`` takes the symbol.
            For plain ``extern "C"`` kernels the symbol may equal the name.
        log: the compiler's log (warnings), possibly empty.
        kind: ``'cubin'`` or ``'host-so'``.
    """

    image: bytes
    lowered_names: dict
    log: str = ""
    kind: str = "cubin"

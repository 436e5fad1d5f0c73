"""Persistent kernel cache: compiled programs stored on disk, keyed by a content hash.

The key is computed by :mod:`cupy.cuda.compiler` (a sha256 over everything that decides the
binary); this module only stores and retrieves :class:`~cupy_backends.program.ObjectCode` for a
key, never trusting what it reads.

File format (one file per key, ``<cache_dir>/<key>.kcache``)::

    offset  size  field
    0       8     magic + format version: b"CUPYKC" + b"\\x00\\x01"
    8       32    sha256 of every byte from offset 40 to the end of the file
    40      4     header length H (little-endian uint32)
    44      H     header: UTF-8 JSON {"key", "kind", "lowered_names", "log", "meta"}
    44+H    ...   the image (CUBIN or host shared object)

A file whose magic, digest, header or key does not match is a miss: the caller recompiles and
overwrites it, so a truncated or corrupted file can never yield a wrong kernel. Writes go to a
temporary file in the same directory followed by ``os.replace``, so readers (other threads or
processes) see either the old file or the complete new one, never a partial write.
"""
from __future__ import annotations

import abc
import dataclasses
import hashlib
import json
import os
import struct
import tempfile
from typing import Optional

from cupy_backends.program import ObjectCode

_MAGIC = b"CUPYKC\x00\x01"
_DIGEST_SIZE = 32
_HEADER_LEN = struct.Struct("<I")
_PAYLOAD_OFFSET = len(_MAGIC) + _DIGEST_SIZE
_SUFFIX = ".kcache"


def default_cache_dir() -> str:
    """The cache directory: ``$CUPY_CACHE_DIR`` or ``~/.cupy/kernel_cache``."""
    return os.environ.get("CUPY_CACHE_DIR") or os.path.expanduser("~/.cupy/kernel_cache")


def is_disk_cache_enabled() -> bool:
    """False when ``CUPY_CACHE_IN_MEMORY=1`` (compiled kernels then live only in the process)."""
    return os.environ.get("CUPY_CACHE_IN_MEMORY", "0") != "1"


@dataclasses.dataclass(frozen=True)
class CacheEntry:
    """What the cache stores for a key.

    Attributes:
        object_code: the compiled program.
        meta: small JSON-able facts about it, e.g. ``{"nvrtc_checked": True}`` once the source
            has also been proven to compile with NVRTC.
    """

    object_code: ObjectCode
    meta: dict = dataclasses.field(default_factory=dict)


class KernelCache(abc.ABC):
    """A store of compiled programs keyed by a hex digest."""

    @abc.abstractmethod
    def load(self, key: str) -> Optional[CacheEntry]:
        """Return the entry for ``key``, or None on a miss (absent, unreadable or corrupted)."""

    @abc.abstractmethod
    def save(self, key: str, entry: CacheEntry, source: Optional[str] = None) -> None:
        """Store ``entry`` under ``key``; ``source`` may be kept beside it for debugging."""


def encode(key: str, entry: CacheEntry) -> bytes:
    """Serialise ``entry`` in the file format described in the module docstring."""
    code = entry.object_code
    header = json.dumps(
        {
            "key": key,
            "kind": code.kind,
            "lowered_names": dict(code.lowered_names),
            "log": code.log,
            "meta": dict(entry.meta),
        },
        sort_keys=True,
    ).encode("utf-8")
    payload = _HEADER_LEN.pack(len(header)) + header + bytes(code.image)
    return _MAGIC + hashlib.sha256(payload).digest() + payload


def decode(key: str, data: bytes) -> Optional[CacheEntry]:
    """Parse and verify a file's bytes; None if anything does not check out."""
    if len(data) < _PAYLOAD_OFFSET + _HEADER_LEN.size or not data.startswith(_MAGIC):
        return None
    payload = memoryview(data)[_PAYLOAD_OFFSET:]
    if hashlib.sha256(payload).digest() != data[len(_MAGIC):_PAYLOAD_OFFSET]:
        return None
    (header_len,) = _HEADER_LEN.unpack_from(payload)
    start = _HEADER_LEN.size
    if start + header_len > len(payload):
        return None
    try:
        header = json.loads(bytes(payload[start:start + header_len]).decode("utf-8"))
        if header["key"] != key:
            return None
        code = ObjectCode(
            image=bytes(payload[start + header_len:]),
            lowered_names=dict(header["lowered_names"]),
            log=str(header["log"]),
            kind=str(header["kind"]),
        )
        return CacheEntry(code, dict(header["meta"]))
    except (ValueError, KeyError, TypeError):
        return None


def _atomic_write(path: str, data: bytes) -> None:
    directory = os.path.dirname(path)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=os.path.basename(path))
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class DiskKernelCache(KernelCache):
    """Kernel cache in a directory (created with mode 0700: kernels are code the process runs).

    Args:
        cache_dir: the directory; ``default_cache_dir()`` when None.
        save_source: also write ``<key>.cu`` with the source (``CUPY_CACHE_SAVE_CUDA_SOURCE=1``).
    """

    def __init__(self, cache_dir: Optional[str] = None, save_source: Optional[bool] = None):
        self.cache_dir = os.path.abspath(cache_dir or default_cache_dir())
        if save_source is None:
            save_source = os.environ.get("CUPY_CACHE_SAVE_CUDA_SOURCE", "0") == "1"
        self.save_source = save_source

    def path_of(self, key: str) -> str:
        """The file that holds ``key``'s entry."""
        return os.path.join(self.cache_dir, key + _SUFFIX)

    def load(self, key: str) -> Optional[CacheEntry]:
        try:
            with open(self.path_of(key), "rb") as f:
                data = f.read()
        except OSError:
            return None
        return decode(key, data)

    def save(self, key: str, entry: CacheEntry, source: Optional[str] = None) -> None:
        os.makedirs(self.cache_dir, mode=0o700, exist_ok=True)
        _atomic_write(self.path_of(key), encode(key, entry))
        if self.save_source and source is not None:
            _atomic_write(os.path.join(self.cache_dir, key + ".cu"), source.encode("utf-8"))

# cython: language_level=3
"""Streams and events: ``Stream``, ``ExternalStream``, ``Event``, the current stream.

The current stream is kept per thread and per device (like CuPy): ``with stream:`` or
``stream.use()`` changes it only for the calling thread. The null stream (handle 0) is current
until something else is made current.
"""
import threading

from libc.stdint cimport intptr_t

from cupy.cuda._backend cimport active
from cupy_backends.backend cimport Backend


cdef class _ThreadLocal:
    """Per-thread state: the current stream of each device and the stack saved by ``with``."""
    cdef dict current      # device id -> _BaseStream
    cdef list stack        # (device id, previous stream) entries pushed by __enter__

    def __init__(self):
        self.current = {}
        self.stack = []


_tls = threading.local()
# Threads that ever made a stream current; while zero the null stream is current everywhere.
cdef int _n_stream_threads = 0


cdef _ThreadLocal _get_tls():
    global _n_stream_threads
    try:
        return _tls.state
    except AttributeError:
        state = _ThreadLocal()
        _tls.state = state
        _n_stream_threads += 1
        return state


cdef int _device_of(_BaseStream s) except -1:
    return s.device_id if s.device_id >= 0 else active().get_device()


cpdef _BaseStream get_current_stream(int device_id=-1):
    """Return the current stream of the calling thread on ``device_id`` (default: current device).

    Example:
        >>> import cupy
        >>> cupy.cuda.get_current_stream() == cupy.cuda.Stream.null
        True
    """
    if _n_stream_threads == 0:    # nobody made a stream current: don't create per-thread state
        return Stream.null
    if device_id < 0:
        device_id = active().get_device()
    s = _get_tls().current.get(device_id)
    if s is None:
        return Stream.null
    return s


cpdef intptr_t get_current_stream_ptr() except? -1:
    """The handle of the current stream (0 for the null stream); the cheap form for hot paths."""
    if _n_stream_threads == 0:
        return 0
    cdef _ThreadLocal st = _get_tls()
    if not st.current:
        return 0
    s = st.current.get(active().get_device())
    if s is None:
        return 0
    return (<_BaseStream>s).ptr


cdef class _BaseStream:
    """Common part of :class:`Stream` and :class:`ExternalStream`."""

    def __init__(self, intptr_t ptr=0, int device_id=-1):
        self.ptr = ptr
        self.device_id = device_id

    def __eq__(self, other):
        if not isinstance(other, _BaseStream):
            return NotImplemented
        return self.ptr == (<_BaseStream>other).ptr and self.device_id == (<_BaseStream>other).device_id

    def __hash__(self):
        return hash((self.ptr, self.device_id))

    def __repr__(self):
        return f"<{type(self).__name__} {self.ptr:#x} (device {self.device_id})>"

    def __enter__(self):
        cdef _ThreadLocal st = _get_tls()
        dev = _device_of(self)
        st.stack.append((dev, st.current.get(dev)))
        st.current[dev] = self
        return self

    def __exit__(self, *exc):
        cdef _ThreadLocal st = _get_tls()
        dev, prev = st.stack.pop()
        if prev is None:
            st.current.pop(dev, None)
        else:
            st.current[dev] = prev

    def use(self):
        """Make this stream the current stream of the calling thread (on its device)."""
        _get_tls().current[_device_of(self)] = self
        return self

    def synchronize(self):
        """Wait until all work queued on this stream has completed."""
        active().stream_synchronize(self.ptr)

    @property
    def done(self):
        """True when all work queued on this stream has completed."""
        return active().stream_query(self.ptr)

    def record(self, event=None):
        """Record ``event`` (a new :class:`Event` when None) on this stream and return it."""
        if event is None:
            event = Event()
        elif not isinstance(event, Event):
            raise TypeError(f"event must be a cupy.cuda.Event, got {type(event).__name__}")
        active().event_record((<Event>event).ptr, self.ptr)
        return event

    def wait_event(self, event):
        """Make later work on this stream wait until ``event`` has completed."""
        if not isinstance(event, Event):
            raise TypeError(f"event must be a cupy.cuda.Event, got {type(event).__name__}")
        active().stream_wait_event(self.ptr, (<Event>event).ptr)

    @property
    def is_capturing(self):
        """Always False: stream capture (CUDA graphs) is not supported."""
        return False


class Stream(_BaseStream):
    """A stream of the current device.

    Args:
        null (bool): the null (legacy default) stream instead of a new stream.
        non_blocking (bool): a stream that does not synchronize with the null stream.
        ptds (bool): the per-thread default stream.
        priority (int or None): scheduling priority (lower is higher priority).

    Example:
        >>> import cupy
        >>> s = cupy.cuda.Stream(non_blocking=True)
        >>> with s:
        ...     a = cupy.arange(3)
        >>> s.synchronize()
    """
    null = None
    ptds = None

    def __init__(self, null=False, non_blocking=False, ptds=False, priority=None):
        self._owned = False
        if null and ptds:
            raise ValueError("null and ptds cannot be set at the same time")
        if null:
            super().__init__(0, -1)
        elif ptds:
            super().__init__(2, -1)    # cudaStreamPerThread
        else:
            be = active()
            dev = be.get_device()
            ptr = be.stream_create(bool(non_blocking), 0 if priority is None else int(priority))
            super().__init__(ptr, dev)
            self._owned = True

    def __del__(self):
        if self._owned and self.ptr:
            try:
                active().stream_destroy(self.ptr)
            except Exception:    # the backend may already be gone at interpreter exit
                pass


Stream.null = Stream(null=True)
Stream.ptds = Stream(ptds=True)


class ExternalStream(_BaseStream):
    """A stream created elsewhere (e.g. by another library), given by its handle.

    The stream is not destroyed when this object is.

    Args:
        ptr (int): the stream handle.
        device_id (int): the device of the stream; the current device when -1.
    """

    def __init__(self, intptr_t ptr, int device_id=-1):
        if device_id < 0:
            device_id = active().get_device()
        super().__init__(ptr, device_id)


cdef class Event:
    """A marker in a stream, for synchronization and timing.

    Args:
        block (bool): :meth:`synchronize` blocks the thread instead of spinning.
        disable_timing (bool): the event carries no time stamp (cheaper).
        interprocess (bool): the event may be shared between processes (needs
            ``disable_timing=True``).

    Example:
        >>> import cupy
        >>> start, end = cupy.cuda.Event(), cupy.cuda.Event()
        >>> start.record(); end.record(); end.synchronize()
        >>> cupy.cuda.get_elapsed_time(start, end) >= 0
        True
    """

    def __init__(self, block=False, disable_timing=False, interprocess=False):
        if interprocess and not disable_timing:
            raise ValueError("Timing must be disabled for interprocess events")
        self.ptr = active().event_create(bool(block), bool(disable_timing), bool(interprocess))
        self._owned = True

    def __dealloc__(self):
        if self._owned and self.ptr:
            try:
                active().event_destroy(self.ptr)
            except Exception:
                pass

    def __repr__(self):
        return f"<Event {self.ptr:#x}>"

    def record(self, stream=None):
        """Record the event on ``stream`` (the current stream when None)."""
        cdef intptr_t s
        if stream is None:
            s = get_current_stream_ptr()
        elif isinstance(stream, _BaseStream):
            s = (<_BaseStream>stream).ptr
        else:
            raise TypeError(f"stream must be a cupy.cuda.Stream, got {type(stream).__name__}")
        active().event_record(self.ptr, s)

    def synchronize(self):
        """Wait until the work before the event's last record has completed."""
        active().event_synchronize(self.ptr)

    @property
    def done(self):
        """True when the work before the event's last record has completed."""
        return active().event_query(self.ptr)


def get_elapsed_time(Event start_event, Event end_event):
    """Milliseconds between two recorded events (waits for ``end_event``).

    Args:
        start_event (Event): the earlier event.
        end_event (Event): the later event.

    Returns:
        float: elapsed time in milliseconds.
    """
    end_event.synchronize()
    return active().event_elapsed_time(start_event.ptr, end_event.ptr)

"""chainer: define-by-run autograd with the Chainer v7 API.

Runs on NumPy arrays and, when available, on cupy arrays.

Examples
--------
>>> import chainer, numpy
>>> x = chainer.Variable(numpy.array([1., 2.], numpy.float32))
>>> y = chainer.functions.sum(x * x)
>>> y.backward()
>>> x.grad
array([2., 4.], dtype=float32)
"""
import collections
import importlib
import os
import threading

import numpy

from chainer import configuration  # NOQA
from chainer.configuration import config  # NOQA
from chainer.configuration import global_config  # NOQA
from chainer.configuration import using_config  # NOQA

__version__ = "7.8.1"

_thread_local = threading.local()


def _env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value not in ('0', '', 'false', 'False')


class _Mixed16(object):
    """Marker for ``config.dtype``: float16 compute with float32 masters."""

    dtype = numpy.dtype(numpy.float16)

    def __repr__(self):
        return "dtype('mixed16')"


mixed16 = _Mixed16()

global_config.train = True
global_config.enable_backprop = True
global_config.type_check = _env_bool('CHAINER_TYPE_CHECK', True)
global_config.debug = _env_bool('CHAINER_DEBUG', False)
global_config.use_cudnn = os.environ.get('CHAINER_USE_CUDNN', 'auto')
global_config.use_cudnn_tensor_core = 'auto'
global_config.cudnn_deterministic = _env_bool(
    'CHAINER_CUDNN_DETERMINISTIC', False)
global_config.autotune = False
global_config.use_ideep = os.environ.get('CHAINER_USE_IDEEP', 'never')
global_config.lazy_grad_sum = _env_bool('CHAINER_LAZY_GRAD_SUM', False)
global_config.keep_graph_on_report = _env_bool(
    'CHAINER_KEEP_GRAPH_ON_REPORT', False)
global_config.use_static_graph = True
global_config.schedule_func = None
global_config.in_recomputing = False
global_config.warn_nondeterministic = False
global_config.compute_mode = None
global_config.use_cuda_graph = False
_dtype_env = os.environ.get('CHAINER_DTYPE', 'float32')
global_config.dtype = mixed16 if _dtype_env == 'mixed16' \
    else numpy.dtype(_dtype_env)


def get_dtype(dtype=None, map_mixed16=None):
    """Return ``dtype`` or, when None, the default ``chainer.config.dtype``.

    Parameters
    ----------
    dtype : dtype-like or None
    map_mixed16 : dtype-like, optional
        What ``mixed16`` maps to (float16 when not given).

    Examples
    --------
    >>> chainer.get_dtype()
    dtype('float32')
    """
    if dtype is None:
        dtype = config.dtype
    if dtype is mixed16:
        return numpy.dtype(numpy.float16 if map_mixed16 is None
                           else map_mixed16)
    return numpy.dtype(dtype)


def is_debug():
    """Return whether debug mode (NaN checks, extra checks) is on."""
    return bool(config.debug)


def set_debug(debug):
    """Turn debug mode on or off for the current thread."""
    config.debug = debug


class DebugMode(object):
    """Context manager enabling/disabling debug mode.

    Examples
    --------
    >>> with chainer.DebugMode(True):
    ...     chainer.is_debug()
    True
    """

    def __init__(self, debug):
        self._using = using_config('debug', debug)

    def __enter__(self):
        self._using.__enter__()

    def __exit__(self, *args):
        self._using.__exit__(*args)


def get_function_hooks():
    """Return the thread's ordered dict of global function hooks."""
    try:
        ret = _thread_local.function_hooks
    except AttributeError:
        ret = collections.OrderedDict()
        _thread_local.function_hooks = ret
    return ret


def _get_link_hooks():
    try:
        ret = _thread_local.link_hooks
    except AttributeError:
        ret = collections.OrderedDict()
        _thread_local.link_hooks = ret
    return ret


from chainer import _backend  # NOQA
from chainer._backprop import backward  # NOQA
from chainer import backend  # NOQA
from chainer import backends  # NOQA
from chainer.backend import get_device  # NOQA
from chainer.backend import using_device  # NOQA
from chainer import variable  # NOQA
from chainer.variable import as_array  # NOQA
from chainer.variable import as_variable  # NOQA
from chainer.variable import Parameter  # NOQA
from chainer.variable import Variable  # NOQA
from chainer import function_node  # NOQA
from chainer.function_node import FunctionNode  # NOQA
from chainer.function_node import grad  # NOQA
from chainer import function  # NOQA
from chainer.function import force_backprop_mode  # NOQA
from chainer.function import Function  # NOQA
from chainer.function import FunctionAdapter  # NOQA
from chainer.function import no_backprop_mode  # NOQA
from chainer import utils  # NOQA
from chainer import functions  # NOQA

_Device = _backend.Device
Device = _backend.Device


def get_array_types():
    """Return the array types chainer accepts (numpy and, if usable, cupy)."""
    return variable._array_types()


def is_arrays_compatible(arrays):
    """Return whether all arrays are of the same backend."""
    return backend.is_arrays_compatible(arrays)


def _import_optional(name):
    """Import ``chainer.<name>`` if that module exists.

    Only the absence of the module itself is tolerated; an import error
    raised *inside* an existing module propagates.
    """
    full = 'chainer.' + name
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as e:
        if e.name != full:
            raise
        return None


_OPTIONAL_EXPORTS = (
    ('initializer', ('Initializer',)),
    ('initializers', ()),
    ('function_hook', ('FunctionHook',)),
    ('link_hook', ('LinkHook',)),
    ('link', ('Link', 'Chain', 'ChainList', 'Sequential')),
    ('sequential', ('Sequential',)),
    ('optimizer', ('Optimizer', 'GradientMethod', 'UpdateRule',
                   'Hyperparameter')),
    ('reporter', ('Reporter', 'report', 'report_scope',
                  'get_current_reporter', 'Summary', 'DictSummary')),
    ('serializer', ('Serializer', 'Deserializer', 'AbstractSerializer')),
    ('dataset', ()),
    ('datasets', ()),
    ('iterators', ()),
    ('links', ()),
    ('optimizers', ()),
    ('serializers', ()),
    ('training', ()),
)

for _name, _attrs in _OPTIONAL_EXPORTS:
    _mod = _import_optional(_name)
    if _mod is None:
        continue
    globals()[_name] = _mod
    for _attr in _attrs:
        if hasattr(_mod, _attr):
            globals()[_attr] = getattr(_mod, _attr)
del _name, _attrs, _mod

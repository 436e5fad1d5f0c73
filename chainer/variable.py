"""Variables: arrays that remember how they were computed.

A :class:`Variable` wraps an array and points (through its
:class:`VariableNode`) to the :class:`~chainer.FunctionNode` that created
it, forming the computational graph used by :meth:`Variable.backward`.
"""
import copy as copy_module
import warnings
import weakref

import numpy

import chainer
from chainer import _backprop
from chainer import backend
from chainer.backends import cuda


def _array_types():
    if cuda.available:
        return (numpy.ndarray, cuda.ndarray)
    return (numpy.ndarray,)


def _check_grad_type(func, x, is_node_x, gx):
    """Raise if gradient ``gx`` does not match the data of ``x``.

    ``is_node_x`` tells whether ``x`` is a VariableNode (whose data may have
    been released, in which case the recorded dtype/shape are used).
    """
    if gx is None:
        return
    if is_node_x:
        x_shape, x_dtype = x.shape, x.dtype
        x_data = x.data
    else:
        x_data = x.array
        if x_data is None:
            return
        x_shape, x_dtype = x_data.shape, x_data.dtype
    if x_shape is None and x_data is None:
        return

    def fail(exc, detail):
        msg = detail
        if func is not None:
            msg = 'Error in function {}:\n{}'.format(func.label, detail)
        raise exc(msg)

    if x_data is not None and \
            not backend.is_arrays_compatible((gx, x_data)):
        fail(TypeError, 'Type of data and grad mismatch\ngrad: %s != data: %s'
             % (type(gx), type(x_data)))
    if not isinstance(gx, _array_types()):
        fail(TypeError, 'Type of grad is invalid:\n%s' % type(gx))
    if x_dtype is not None and gx.dtype != x_dtype:
        fail(TypeError, 'Dtype of data and grad mismatch\ngrad: %s != data: %s'
             % (gx.dtype, x_dtype))
    if x_shape is not None and gx.shape != tuple(x_shape):
        fail(ValueError,
             'Shape of data and grad mismatch\ngrad: %s != data: %s'
             % (gx.shape, tuple(x_shape)))


def variable_repr(var):
    """``repr`` of a Variable: ``variable([1., 2.])``."""
    arr = _to_cpu_for_print(var.array)
    prefix = 'variable ' + var.name if var.name else 'variable'
    if arr is None:
        lst = 'None'
    elif arr.size > 0 or arr.shape == (0,):
        lst = numpy.array2string(arr, separator=', ', prefix=prefix + '(')
    else:
        lst = '[], shape=%s' % (repr(arr.shape),)
    return '%s(%s)' % (prefix, lst)


def variable_str(var):
    """``str`` of a Variable: ``variable([1. 2.])``."""
    arr = _to_cpu_for_print(var.array)
    prefix = 'variable ' + var.name if var.name else 'variable'
    if arr is None:
        lst = 'None'
    else:
        lst = numpy.array2string(arr, separator=' ', prefix=prefix + '(')
    return '%s(%s)' % (prefix, lst)


def _to_cpu_for_print(arr):
    if arr is None or isinstance(arr, numpy.ndarray):
        return arr
    return cuda.to_cpu(arr)


class VariableNode(object):
    """Node of a variable in the backward graph.

    The node outlives its :class:`Variable` when a function keeps it as an
    input, so it stores dtype/shape and, if retained, the data itself.

    Attributes
    ----------
    dtype : numpy.dtype
    shape : tuple of int
    data : ndarray or None
        Retained data (None unless :meth:`retain_data` was called).
    name : str or None
    """

    _creator_node = None
    _data = None
    _rank = 0
    # The label of the old-style Function which produced a gradient; used
    # to reject gradients created by old-style functions in double backprop.
    _old_style_grad_generator = None

    def __init__(self, variable, name, **kwargs):
        if kwargs:
            raise TypeError('unexpected keyword argument(s): {}'.format(
                ', '.join(kwargs)))
        self._variable = weakref.ref(variable)
        self.name = name
        self._requires_grad = variable.requires_grad
        vdata = variable.raw_array
        self._update_data_info(vdata)

    @property
    def creator(self):
        """Old-style Function (or FunctionNode) that created this node."""
        node = self._creator_node
        if node is None:
            return None
        from chainer import function
        if isinstance(node, function.FunctionAdapter):
            return node.function
        return node

    @creator.setter
    def creator(self, func):
        self.creator_node = func

    @property
    def creator_node(self):
        """FunctionNode that created this node (None for leaves)."""
        return self._creator_node

    @creator_node.setter
    def creator_node(self, func):
        from chainer import function
        if isinstance(func, function.Function):
            func = func.node
        self._creator_node = func
        if func is not None:
            self._rank = func.rank + 1

    @property
    def data(self):
        """Retained data array (None unless retained)."""
        return self._data

    @data.setter
    def data(self, d):
        self._data = d
        self._update_data_info(d)

    @property
    def grad(self):
        """Gradient array of the variable, if the variable is alive."""
        var = self._variable()
        return None if var is None else var.grad

    @property
    def grad_var(self):
        """Gradient Variable of the variable, if the variable is alive."""
        var = self._variable()
        return None if var is None else var.grad_var

    @property
    def label(self):
        """Short text: shape and dtype, e.g. ``(2, 3), float32``."""
        if self.shape == ():
            return str(self.dtype)
        return '(%s), %s' % (', '.join(map(str, self.shape)),
                             str(self.dtype))

    @property
    def rank(self):
        """Topological rank: creator's rank + 1 (0 for leaves)."""
        return self._rank

    @property
    def requires_grad(self):
        """Whether gradients are computed for this node."""
        return self._requires_grad

    def get_variable(self):
        """Return the variable, or a new one sharing this node if gone."""
        var = self._variable()
        if var is not None:
            return var
        var = Variable(self._data, name=self.name,
                       requires_grad=self._requires_grad)
        var._node = self
        return var

    def get_variable_or_none(self):
        """Return the variable if it is still alive, else None."""
        return self._variable()

    def set_creator(self, creator):
        """Set an old-style Function as the creator."""
        self.creator = creator

    def set_creator_node(self, creator_node):
        """Set a FunctionNode as the creator."""
        self.creator_node = creator_node

    def unchain(self):
        """Remove the reference to the creator."""
        self.creator_node = None

    def retain_data(self):
        """Keep the variable's array in the node (needed by backward)."""
        variable = self._variable()
        if variable is not None:
            self.data = variable.array
        else:
            raise RuntimeError('cannot retain variable data: the variable '
                               'has been already released')

    def _update_data_info(self, d):
        if d is None:
            self.dtype = None
            self.shape = None
        else:
            self.dtype = d.dtype
            self.shape = d.shape
        # A retained array must always be the variable's current array.
        if self._data is not None:
            self._data = d

    def _check_old_style_gradient(self):
        if self._old_style_grad_generator is not None:
            raise RuntimeError(
                'cannot twice-differentiate an old style Function "%s"' %
                self._old_style_grad_generator)


def _create_variable(data, name, grad, requires_grad):
    return Variable(data, name=name, grad=grad, requires_grad=requires_grad)


class Variable(object):
    """Array with a reference to the function that computed it.

    Parameters
    ----------
    data : numpy.ndarray, cupy.ndarray or None
        Initial array.
    name : str, optional
        Name used in ``repr`` and graph dumps.
    grad : ndarray, optional
        Initial gradient array.
    requires_grad : bool
        Whether backprop computes a gradient for this variable.

    Examples
    --------
    >>> x = chainer.Variable(numpy.array([1., 2.], numpy.float32))
    >>> y = x * x
    >>> y.grad = numpy.ones(2, numpy.float32)
    >>> y.backward()
    >>> x.grad
    array([2., 4.], dtype=float32)
    >>> x
    variable([1., 2.])
    """

    # Makes ``ndarray + Variable`` call Variable.__radd__.
    __array_priority__ = 200
    _grad_var = None
    _loss_scale = None

    def __init__(self, data=None, name=None, grad=None, requires_grad=True,
                 **kwargs):
        if kwargs:
            if 'volatile' in kwargs:
                raise ValueError(
                    'volatile argument is not supported anymore. '
                    'Use chainer.using_config')
            raise TypeError('unexpected keyword argument(s): {}'.format(
                ', '.join(kwargs)))
        if data is not None and not isinstance(data, _array_types()):
            msg = '''numpy.ndarray or cuda.ndarray are expected.
Actual: {0}'''.format(type(data))
            raise TypeError(msg)
        self._data = [data]
        self._requires_grad = requires_grad
        self._node = VariableNode(self, name)
        self._grad_var = None if grad is None else Variable(grad)
        self._loss_scale = None

    def __copy__(self):
        return self._copy_to(Variable())

    def _copy_to(self, target):
        target.__dict__ = copy_module.copy(self.__dict__)
        target._node = VariableNode(target, self.name)
        return target

    def __reduce__(self):
        args = (self.array, self.name, self.grad, self._requires_grad)
        return _create_variable, args

    def __repr__(self):
        return variable_repr(self)

    def __str__(self):
        return variable_str(self)

    def summary(self):
        """Return ``<variable NAME>`` or ``<variable at 0x...>``."""
        if self.name:
            return '<variable %s>' % self.name
        return '<variable at 0x%x>' % id(self)

    def debug_print(self):
        """Return a multi-line description (summary, shape, stats, grad)."""
        def array_stats(arr):
            xp = backend.get_array_module(arr)
            if arr.size == 0:
                return '- shape: %s\n- dtype: %s\n' % (arr.shape, arr.dtype)
            return ('- device: %s\n- backend: %s\n- shape: %s\n- dtype: %s\n'
                    '- statistics: mean=%.8f, std=%.8f\n') % (
                backend.get_device_from_array(arr), type(arr),
                arr.shape, arr.dtype, float(xp.mean(arr)),
                float(xp.std(arr)))
        lines = [self.summary()]
        if self.array is None:
            lines.append('- data: None')
        else:
            lines.append(array_stats(self.array).rstrip('\n'))
        if self.grad is None:
            lines.append('- grad: None')
        else:
            lines.append('- grad: mean=%.8f, std=%.8f' % (
                float(self.grad.mean()), float(self.grad.std())))
        return '\n'.join(lines)

    def __pos__(self):
        return self

    def __len__(self):
        if self.array is None or self.ndim == 0:
            raise TypeError('len() of unsized object')
        return self.shape[0]

    # Comparisons would silently build bool arrays or compare identities;
    # Chainer forbids them so that ``if x == y`` cannot hide a bug.
    def __eq__(self, other):
        raise NotImplementedError()

    def __ne__(self, other):
        raise NotImplementedError()

    def __lt__(self, other):
        raise NotImplementedError()

    def __le__(self, other):
        raise NotImplementedError()

    def __gt__(self, other):
        raise NotImplementedError()

    def __ge__(self, other):
        raise NotImplementedError()

    def __bool__(self):
        raise NotImplementedError()

    __nonzero__ = __bool__
    __hash__ = object.__hash__

    @property
    def name(self):
        return self._node.name

    @name.setter
    def name(self, n):
        self._node.name = n

    @property
    def label(self):
        """Short text with shape and dtype."""
        return self._node.label

    @property
    def creator(self):
        """Function (old-style or FunctionNode) that created this variable."""
        return self._node.creator

    @creator.setter
    def creator(self, func):
        self._node.creator = func

    @property
    def creator_node(self):
        """FunctionNode that created this variable (None for leaves)."""
        return self._node.creator_node

    @creator_node.setter
    def creator_node(self, func):
        self._node.creator_node = func

    @property
    def array(self):
        """The underlying array."""
        return self._data[0]

    @array.setter
    def array(self, d):
        self._data[0] = d
        self._node._update_data_info(d)

    @property
    def raw_array(self):
        """The underlying array (same as :attr:`array`)."""
        return self._data[0]

    data = array

    @property
    def grad(self):
        """Gradient array (None when not computed)."""
        gv = self._grad_var
        return None if gv is None else gv.array

    @grad.setter
    def grad(self, g):
        if g is not None:
            _check_grad_type(None, self, False, g)
        self._set_grad_without_check(g)

    def _set_grad_without_check(self, g):
        self._grad_var = None if g is None else Variable(g)

    @property
    def grad_var(self):
        """Gradient as a Variable (has a graph after double backprop)."""
        return self._grad_var

    @grad_var.setter
    def grad_var(self, g):
        if g is not None:
            _check_grad_type(None, self, False, g.array)
        self._set_grad_var_without_check(g)

    def _set_grad_var_without_check(self, g):
        self._grad_var = g

    def _set_grad_var_if_available(self, g):
        self._set_grad_var_without_check(g)

    @property
    def shape(self):
        return self.array.shape

    @property
    def ndim(self):
        return self.array.ndim

    @property
    def size(self):
        return self.array.size

    @property
    def dtype(self):
        return self.array.dtype

    @property
    def rank(self):
        return self._node.rank

    @property
    def node(self):
        """The :class:`VariableNode` of this variable."""
        return self._node

    @property
    def requires_grad(self):
        """Whether the variable requires gradient computation."""
        return self._requires_grad

    @property
    def T(self):
        """Transposition (``chainer.functions.transpose``)."""
        from chainer.functions.array.transpose import transpose
        return transpose(self)

    @property
    def xp(self):
        """Array module (numpy or cupy) of the data."""
        return self.device.xp

    @property
    def device(self):
        """:class:`~chainer.backend.Device` holding the data."""
        arr = self.array
        if arr is None:
            dev = getattr(self, '_initial_device', None)
            return dev if dev is not None else backend.CpuDevice()
        return backend.get_device_from_array(arr)

    def item(self):
        """Return the single element as a Python scalar."""
        return self.array.item()

    def to_cpu(self):
        """Move data and gradient to host memory (in place)."""
        self._to_device(backend.CpuDevice())

    def to_gpu(self, device=None):
        """Move data and gradient to a GPU (in place).

        Parameters
        ----------
        device : int or None
            GPU id; current device when None.
        """
        cuda.check_cuda_available()
        if device is None:
            device = cuda.cupy.cuda.Device()
        elif not isinstance(device, (cuda.GpuDevice,)):
            device = cuda.get_device_from_id(device)
        if not isinstance(device, cuda.GpuDevice):
            device = cuda.GpuDevice(device)
        self._to_device(device)

    def to_device(self, device):
        """Move data and gradient to any device specifier (in place).

        Examples
        --------
        >>> x = chainer.Variable(numpy.ones(2))
        >>> x.to_device('@numpy')
        >>> x.device
        <CpuDevice @numpy>
        """
        self._to_device(chainer.get_device(device))

    def _to_device(self, device):
        arr = self.array
        if arr is None:
            self._initial_device = device
            return
        new_arr = device.send(arr)
        node = self._node
        retained = node._data is not None
        self._data = [new_arr]
        node._update_data_info(new_arr)
        if retained:
            node._data = new_arr
        gv = self._grad_var
        if gv is not None:
            gv._to_device(device)

    def cleargrad(self):
        """Set the gradient to None (before a fresh backward)."""
        self._grad_var = None

    def zerograd(self):
        """Fill the gradient with zeros (deprecated; use cleargrad)."""
        warnings.warn('Variable.zerograd is deprecated. Use '
                      'Variable.cleargrad instead.', DeprecationWarning)
        if self.array is None:
            return
        gv = self._grad_var
        if gv is None:
            xp = self.xp
            self._grad_var = Variable(xp.zeros_like(self.array))
        else:
            gv.unchain()
            gv.array.fill(0)

    def copydata(self, var):
        """Copy the array of ``var`` into this variable's array.

        Works across devices; shapes must match.  An uninitialised
        (None) array becomes a copy on ``var``'s device.
        """
        src = var.array
        dst = self.array
        if src is None:
            if dst is None:
                return
            var.initialize(self.shape)
            src = var.array
        if dst is None:
            self.initialize(src.shape)
            dst = self.array
        backend.copyto(dst, src)

    def addgrad(self, var):
        """Add the gradient of ``var`` to this variable's gradient.

        Works across devices; if this variable has no gradient yet it
        becomes a copy of ``var.grad`` on this variable's device.
        """
        src = var.grad_var
        if src is None:
            return
        if self.array is None:
            self.initialize(var.shape)
        dst = self._grad_var
        src_array = src.array
        device = self.device
        if dst is None:
            # send() returns the same array on the same device; copy so the
            # two variables never share a gradient buffer.
            self.grad = device.send(src_array).copy()
            return
        if backend.get_device_from_array(src_array) != device:
            src_array = device.send(src_array)
        dst.array += src_array

    def set_creator(self, gen_func):
        """Set an old-style Function as the creator."""
        self._node.set_creator(gen_func)

    def set_creator_node(self, fnode):
        """Set a FunctionNode as the creator."""
        self._node.set_creator_node(fnode)

    def backward(self, retain_grad=False, enable_double_backprop=False,
                 loss_scale=None):
        """Run backpropagation from this variable.

        If the variable has one element and no gradient, the gradient is
        initialised with ones; otherwise :attr:`grad` must be set first
        (when it is not, no gradient reaches the inputs).

        Parameters
        ----------
        retain_grad : bool
            Keep gradients of intermediate variables.
        enable_double_backprop : bool
            Build a graph of the backward computation so the gradients
            can be differentiated again.
        loss_scale : float, optional
            Multiply the initial gradient by this value; optimizers divide
            it back out (avoids float16 underflow).

        Examples
        --------
        >>> x = chainer.Variable(numpy.array([3.0]))
        >>> y = x ** 2
        >>> y.backward(enable_double_backprop=True)
        >>> gx = x.grad_var
        >>> x.cleargrad()
        >>> gx.backward()
        >>> x.grad
        array([2.])
        """
        with chainer.using_config('enable_backprop', enable_double_backprop):
            self._backward_main(retain_grad, loss_scale)

    def _backward_main(self, retain_grad, loss_scale):
        self._node._check_old_style_gradient()
        if self.creator_node is None:
            return
        if self.array.size == 1 and self._grad_var is None:
            if self.array.ndim != 0:
                warnings.warn(
                    'Treating a variable with only one element as a scalar'
                    ' in Variable.backward is deprecated. A scalar variable'
                    ' must be a 0-dimensional array. Apply'
                    ' chainer.functions.squeeze to obtain a scalar variable.'
                    ' If the size of this variable accidentally becomes one,'
                    ' set zero to grad.',
                    DeprecationWarning)
            gx = self.xp.ones_like(self.array)
            if loss_scale is not None:
                gx *= loss_scale
            self.grad = gx
        _backprop.backprop_to_all(
            [(self._node, self._grad_var)], retain_grad, loss_scale)

    def reshape(self, *shape):
        """Reshape (``chainer.functions.reshape``).

        Accepts ``x.reshape(2, 3)`` and ``x.reshape((2, 3))``.
        """
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = shape[0]
        from chainer.functions.array.reshape import reshape
        return reshape(self, tuple(shape))

    def transpose(self, *axes):
        """Permute axes (``chainer.functions.transpose``)."""
        if len(axes) == 0:
            axes = None
        elif len(axes) == 1 and (isinstance(axes[0], (tuple, list)) or
                                 axes[0] is None):
            axes = axes[0]
        from chainer.functions.array.transpose import transpose
        return transpose(self, axes)

    def __getitem__(self, slices):
        from chainer.functions.array.get_item import get_item
        return get_item(self, slices)

    def unchain(self):
        """Cut the link to the creator (this becomes a leaf)."""
        self.creator_node = None

    def unchain_backward(self):
        """Cut every link in the graph behind this variable.

        Examples
        --------
        >>> x = chainer.Variable(numpy.ones(1))
        >>> y = x * 2
        >>> z = y * 3
        >>> z.unchain_backward()
        >>> z.creator is None, y.creator is None
        (False, True)
        """
        cand_funcs = []
        seen_set = set()

        def add_cand(cand):
            if cand is not None and cand not in seen_set:
                cand_funcs.append(cand)
                seen_set.add(cand)

        add_cand(self.creator_node)
        while cand_funcs:
            func = cand_funcs.pop()
            for var in func.inputs:
                add_cand(var.creator_node)
            func.unchain()

    def retain_data(self):
        """Keep the array in the node for use by backward."""
        self._node.data = self.array

    # Arithmetic operators delegate to chainer.functions.math.basic_math;
    # the module is imported lazily because it itself imports this one.
    def __neg__(self):
        return _basic_math().neg(self)

    def __abs__(self):
        return _basic_math().absolute(self)

    def __add__(self, rhs):
        return _basic_math().add(self, rhs)

    def __radd__(self, lhs):
        return _basic_math().add(lhs, self)

    def __sub__(self, rhs):
        return _basic_math().sub(self, rhs)

    def __rsub__(self, lhs):
        return _basic_math().rsub(self, lhs)

    def __mul__(self, rhs):
        return _basic_math().mul(self, rhs)

    def __rmul__(self, lhs):
        return _basic_math().mul(lhs, self)

    def __truediv__(self, rhs):
        return _basic_math().div(self, rhs)

    def __rtruediv__(self, lhs):
        return _basic_math().rdiv(self, lhs)

    __div__ = __truediv__
    __rdiv__ = __rtruediv__

    def __floordiv__(self, rhs):
        return _basic_math().floordiv(self, rhs)

    def __rfloordiv__(self, lhs):
        return _basic_math().rfloordiv(self, lhs)

    def __pow__(self, rhs):
        return _basic_math().pow(self, rhs)

    def __rpow__(self, lhs):
        return _basic_math().rpow(self, lhs)

    def __matmul__(self, rhs):
        return _basic_math().matmul(self, rhs)

    def __rmatmul__(self, lhs):
        return _basic_math().rmatmul(self, lhs)


def _basic_math():
    from chainer.functions.math import basic_math
    return basic_math


def as_variable(obj):
    """Return ``obj`` if it is a Variable, else wrap it (no grad required).

    Examples
    --------
    >>> v = chainer.as_variable(numpy.ones(2))
    >>> v.requires_grad
    False
    """
    if isinstance(obj, Variable):
        return obj
    return Variable(obj, requires_grad=False)


def as_array(obj):
    """Return the array of a Variable, or ``obj`` itself otherwise."""
    if isinstance(obj, Variable):
        return obj.array
    return obj


# Parameter subclasses Variable, so it is defined after it; importing it
# here keeps ``chainer.variable.Parameter`` available.
from chainer._parameter import Parameter  # NOQA

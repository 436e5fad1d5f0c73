"""FunctionNode: a differentiable operation in the computational graph.

Subclasses implement ``forward`` (on arrays) and ``backward`` (on
Variables, using other FunctionNodes so that gradients are differentiable
again).

Examples
--------
>>> class Square(chainer.FunctionNode):
...     def forward(self, inputs):
...         x, = inputs
...         self.retain_inputs((0,))
...         return x * x,
...     def backward(self, indexes, grad_outputs):
...         x, = self.get_retained_inputs()
...         gy, = grad_outputs
...         return 2 * x * gy,
>>> x = chainer.Variable(numpy.array([3.0]))
>>> y, = Square().apply((x,))
>>> y.backward()
>>> x.grad
array([6.])
"""
import collections
import weakref

import numpy

import chainer
from chainer import _backprop
from chainer import configuration
from chainer.backends import cuda
from chainer.utils import type_check
from chainer import variable


def _device_context(arrays):
    # Run forward on the GPU that holds the inputs; DummyDevice otherwise.
    if cuda.available:
        return cuda.get_device_from_array(*arrays)
    return cuda.DummyDevice


class FunctionNode(object):
    """Base class of differentiable functions.

    Attributes
    ----------
    inputs : tuple of VariableNode
        Input nodes (set by :meth:`apply` when backprop is enabled).
    outputs : tuple of weakref to VariableNode
        Output nodes; weak so that outputs can be freed.
    rank : int
        Topological order: the largest rank of the inputs.
    lazy_grad_sum : bool
        Copy of ``chainer.config.lazy_grad_sum`` at apply time.
    """

    inputs = None
    outputs = None
    _output_count = None
    rank = 0
    lazy_grad_sum = False
    _input_indexes_to_retain = None
    _output_indexes_to_retain = None
    _retained_output_data = None
    _local_function_hooks = None

    @property
    def local_function_hooks(self):
        """Ordered dict of hooks registered on this node only."""
        if self._local_function_hooks is None:
            self._local_function_hooks = collections.OrderedDict()
        return self._local_function_hooks

    @property
    def _n_local_function_hooks(self):
        hooks = self._local_function_hooks
        return 0 if hooks is None else len(hooks)

    @property
    def label(self):
        """Name in messages and graphs; the class name by default."""
        return self.__class__.__name__

    @property
    def _impl_name(self):
        return self.__class__.__name__

    @property
    def output_data(self):
        """Tuple of retained output arrays (None for not retained)."""
        if self._retained_output_data is None:
            raise RuntimeError('retained output data is gone')
        out_data = [None] * len(self.outputs)
        for index, data in zip(self._output_indexes_to_retain,
                               self._retained_output_data):
            out_data[index] = data
        return tuple(out_data)

    def __call__(self, *args, **kwargs):
        raise TypeError(
            'FunctionNode is not callable; use apply(inputs) instead.')

    def apply(self, inputs):
        """Compute outputs and, if backprop is enabled, record the graph.

        Parameters
        ----------
        inputs : tuple or list of Variable or ndarray
            Input values; arrays are wrapped (without requiring grad).

        Returns
        -------
        tuple of Variable
            One Variable per array returned by :meth:`forward`.
        """
        input_vars = [variable.as_variable(x) for x in inputs]
        requires_grad = any(x.requires_grad for x in input_vars)
        in_data = tuple(x.array for x in input_vars)

        if configuration.config.type_check:
            self._check_data_type_forward(in_data)

        hooks = list(chainer.get_function_hooks().values())
        if self._n_local_function_hooks:
            merged = collections.OrderedDict(chainer.get_function_hooks())
            merged.update(self.local_function_hooks)
            hooks = list(merged.values())
        for hook in hooks:
            hook.forward_preprocess(self, in_data)

        with _device_context(in_data):
            self._input_indexes_to_retain = None
            self._output_indexes_to_retain = None
            outputs = self.forward(in_data)

        if not isinstance(outputs, tuple):
            raise TypeError(
                'forward output must be a tuple ({})\nActual: {}'.format(
                    self.label, type(outputs)))
        # NumPy reductions return scalars; keep them as 0-dim arrays.
        outputs = tuple(numpy.asarray(y) if isinstance(y, numpy.generic)
                        else y for y in outputs)
        if not chainer.backend.is_arrays_compatible(outputs):
            raise TypeError(
                'incompatible array types are mixed in the forward output '
                '({}).\nActual: {}'.format(
                    self.label, ', '.join(str(type(x)) for x in outputs)))

        for hook in hooks:
            hook.forward_postprocess(self, in_data)

        if chainer.is_debug():
            for out in outputs:
                if out is not None and out.dtype.kind == 'f' and \
                        chainer.backend.get_array_module(out).isnan(
                            out).any():
                    msg = ('NaN is detected on forward computation of '
                           '{}'.format(self.label))
                    raise RuntimeError(msg)

        ret = tuple(variable.Variable(y, requires_grad=requires_grad)
                    for y in outputs)

        if configuration.config.enable_backprop:
            self.rank = max([x.rank for x in input_vars]) \
                if input_vars else 0
            for y in ret:
                y.creator_node = self
            self.inputs = tuple(x.node for x in input_vars)
            # Weak references: the graph must not keep outputs alive.
            self.outputs = tuple(weakref.ref(y.node) for y in ret)

            if self._input_indexes_to_retain is not None:
                for index in self._input_indexes_to_retain:
                    input_vars[index].retain_data()
            if self._output_indexes_to_retain is not None:
                retained_data = []
                for index in self._output_indexes_to_retain:
                    ret[index].retain_data()
                    retained_data.append(outputs[index])
                self._retained_output_data = tuple(retained_data)
            self.lazy_grad_sum = configuration.config.lazy_grad_sum
        return ret

    def _check_data_type_forward(self, in_data):
        in_type = type_check.get_types(in_data, 'in_types', False)
        with type_check.get_function_check_context(self):
            self.check_type_forward(in_type)

    def check_type_forward(self, in_types):
        """Check input types with :func:`chainer.utils.type_check.expect`.

        Parameters
        ----------
        in_types : chainer.utils.type_check.TypeInfoTuple
            Symbolic types of the inputs.
        """
        pass

    def forward(self, inputs):
        """Compute output arrays; dispatches to forward_cpu/forward_gpu.

        Parameters
        ----------
        inputs : tuple of ndarray

        Returns
        -------
        tuple of ndarray
        """
        assert len(inputs) > 0
        if cuda.available and isinstance(inputs[0], cuda.ndarray):
            return self.forward_gpu(inputs)
        return self.forward_cpu(inputs)

    def forward_cpu(self, inputs):
        """Forward on NumPy arrays."""
        raise NotImplementedError

    def forward_gpu(self, inputs):
        """Forward on cupy arrays."""
        raise NotImplementedError

    def retain_inputs(self, indexes):
        """Keep the given inputs for backward (call inside forward).

        Parameters
        ----------
        indexes : tuple of int
        """
        self._input_indexes_to_retain = indexes

    def retain_outputs(self, indexes):
        """Keep the given outputs for backward (call inside forward)."""
        self._output_indexes_to_retain = indexes

    def backward(self, target_input_indexes, grad_outputs):
        """Compute gradients of the inputs given those of the outputs.

        Parameters
        ----------
        target_input_indexes : tuple of int
            Sorted indexes of the inputs that need a gradient.
        grad_outputs : tuple of Variable or None
            Gradients of the outputs (None when an output is unused).

        Returns
        -------
        tuple of Variable or None
            Either aligned with ``target_input_indexes`` or with all inputs.
        """
        return (None,) * len(target_input_indexes)

    def backward_accumulate(self, target_input_indexes, grad_outputs,
                            grad_inputs):
        """Like :meth:`backward` but adds gradients already computed.

        Override it when summing inside the backward is cheaper.

        Parameters
        ----------
        grad_inputs : tuple of Variable or None
            Gradients accumulated so far, aligned with
            ``target_input_indexes``.
        """
        gxs = self.backward(target_input_indexes, grad_outputs)
        len_gxs = len(gxs)
        if len_gxs == len(self.inputs):
            gxs = tuple(gxs[i] for i in target_input_indexes)
        elif len_gxs != len(target_input_indexes):
            msg = 'number of gradients returned by %s (%s) is incorrect.' \
                % (self._impl_name, self.label)
            raise ValueError(msg)
        return tuple(gx if g_input is None else
                     g_input if gx is None else gx + g_input
                     for gx, g_input in zip(gxs, grad_inputs))

    def get_retained_inputs(self):
        """Return the retained inputs as Variables."""
        if self._input_indexes_to_retain is None or self.inputs is None:
            return ()
        inputs = self.inputs
        return tuple(inputs[index].get_variable()
                     for index in self._input_indexes_to_retain)

    def get_retained_outputs(self):
        """Return the retained outputs as Variables.

        An output whose Variable was freed is recreated from the retained
        array with this node as creator.
        """
        if self._output_indexes_to_retain is None or self.outputs is None:
            return ()
        ret = []
        outputs = self.outputs
        new_outputs = list(outputs)
        outputs_modified = False
        for index, data in zip(self._output_indexes_to_retain,
                               self._retained_output_data):
            output = outputs[index]()
            if output is None:
                output_var = variable.Variable(data)
                output_var.creator_node = self
                new_outputs[index] = weakref.ref(output_var.node)
                outputs_modified = True
            else:
                output_var = output.get_variable()
            ret.append(output_var)
        if outputs_modified:
            self.outputs = tuple(new_outputs)
        return tuple(ret)

    def unchain(self):
        """Detach this node from the graph (inputs and outputs)."""
        for y in self.outputs or ():
            y_ref = y()
            if y_ref is not None:
                y_ref.unchain()
        self.inputs = None

    def add_hook(self, hook, name=None):
        """Register a function hook on this node only."""
        if name is None:
            name = getattr(hook, 'name', type(hook).__name__)
        hooks = self.local_function_hooks
        if name in hooks:
            raise KeyError('Hook %s already exists' % name)
        hooks[name] = hook
        if hasattr(hook, 'added'):
            hook.added(self)

    def delete_hook(self, name):
        """Unregister a local function hook."""
        hook = self.local_function_hooks[name]
        if hasattr(hook, 'deleted'):
            hook.deleted(self)
        del self.local_function_hooks[name]

    def _get_error_message(self, message):
        lines = [message,
                 '  function={} ({})'.format(self._impl_name, self.label)]
        if self.inputs:
            for i, input in enumerate(self.inputs):
                lines.append('    input {}: shape={} dtype={}'.format(
                    i, input.shape, input.dtype))
        if self.outputs:
            for i, output_ref in enumerate(self.outputs):
                output = output_ref()
                if output is None:
                    lines.append('    output {}: not available'.format(i))
                else:
                    lines.append('    output {}: shape={} dtype={}'.format(
                        i, output.shape, output.dtype))
        return '\n'.join(lines)


def grad(outputs, inputs, grad_outputs=None, grad_inputs=None,
         set_grad=False, retain_grad=False, enable_double_backprop=False,
         loss_scale=None):
    """Compute gradients of ``outputs`` with respect to ``inputs``.

    Unlike :meth:`Variable.backward` only the paths from ``inputs`` to
    ``outputs`` are traversed and, unless ``set_grad`` is True, no
    ``grad`` attribute is changed.

    Parameters
    ----------
    outputs : tuple or list of Variable
    inputs : tuple or list of Variable
    grad_outputs : tuple or list of Variable or None, optional
        Output gradients; None entries (or None) mean ones.
    grad_inputs : tuple or list of Variable or None, optional
        Initial input gradients added to the results.
    set_grad : bool
        Also store results in ``inputs[i].grad_var``.
    retain_grad : bool
        Store gradients of intermediate variables.
    enable_double_backprop : bool
        Build a graph for the gradients.
    loss_scale : float, optional
        Scale the initial output gradients.

    Returns
    -------
    list of Variable or None
        Gradient of each input (None if unreachable).

    Examples
    --------
    >>> x = chainer.Variable(numpy.array([1.0, 2.0]))
    >>> y = chainer.functions.sum(x * x)
    >>> gx, = chainer.grad([y], [x])
    >>> gx.array
    array([2., 4.])
    """
    if not isinstance(outputs, (tuple, list)):
        raise TypeError(
            'outputs must be a tuple or a list, not {}.'.format(
                type(outputs)))
    if not isinstance(inputs, (tuple, list)):
        raise TypeError(
            'inputs must be a tuple or a list, not {}.'.format(type(inputs)))
    if grad_outputs is not None:
        if not isinstance(grad_outputs, (tuple, list)):
            raise TypeError(
                'grad_outputs must be a tuple or a list or None, not '
                '{}.'.format(type(grad_outputs)))
        if len(outputs) != len(grad_outputs):
            raise ValueError(
                'grad_outputs must be of the same length as outputs.\n'
                'len(outputs) = {}, len(grad_outputs) = {}'.format(
                    len(outputs), len(grad_outputs)))
    if grad_inputs is not None:
        if not isinstance(grad_inputs, (tuple, list)):
            raise TypeError(
                'grad_inputs must be a tuple or a list or None, not '
                '{}.'.format(type(grad_inputs)))
        if len(inputs) != len(grad_inputs):
            raise ValueError(
                'grad_inputs must be of the same length as inputs.\n'
                'len(inputs) = {}, len(grad_inputs) = {}'.format(
                    len(inputs), len(grad_inputs)))
    for v in outputs:
        # Gradients made by old-style Functions cannot be differentiated.
        v.node._check_old_style_gradient()

    grads = _backprop.GradTable()
    if grad_outputs is None:
        grad_outputs = (None,) * len(outputs)
    for y, gy in zip(outputs, grad_outputs):
        if gy is None:
            gy_data = y.xp.ones_like(y.array)
            if loss_scale is not None:
                gy_data *= loss_scale
            gy = variable.Variable(gy_data, requires_grad=False)
        grads[y.node] = gy
    if grad_inputs is not None:
        for x, gx in zip(inputs, grad_inputs):
            if gx is not None:
                grads[x.node] = gx

    with chainer.using_config('enable_backprop', enable_double_backprop):
        ret_dict = _backprop.backprop_to_inputs(
            [y.node for y in outputs], [x.node for x in inputs], grads,
            retain_grad, loss_scale)

    ret = [ret_dict[x.node] for x in inputs]
    if set_grad:
        for x, gx in zip(inputs, ret):
            x.grad_var = gx
    return ret

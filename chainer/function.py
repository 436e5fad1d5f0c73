"""Old-style ``chainer.Function`` (forward/backward on arrays).

A :class:`Function` is run through a :class:`FunctionAdapter`, a
FunctionNode that calls the function's array-level ``backward``.  Its
gradients cannot be differentiated again.

Examples
--------
>>> class Twice(chainer.Function):
...     def forward(self, inputs):
...         return inputs[0] * 2,
...     def backward(self, inputs, grad_outputs):
...         return grad_outputs[0] * 2,
>>> x = chainer.Variable(numpy.array([1.0]))
>>> y = Twice()(x)
>>> y.backward()
>>> x.grad
array([2.])
"""
import weakref

from chainer import configuration
from chainer import function_node
from chainer.backends import cuda
from chainer import variable


def no_backprop_mode():
    """Context in which no computational graph is recorded.

    Examples
    --------
    >>> x = chainer.Variable(numpy.ones(1))
    >>> with chainer.no_backprop_mode():
    ...     y = x + 1
    >>> y.creator is None
    True
    """
    return configuration.using_config('enable_backprop', False)


def force_backprop_mode():
    """Context in which the graph is recorded even inside no_backprop_mode."""
    return configuration.using_config('enable_backprop', True)


def _is_gpu(arrays):
    return cuda.available and any(
        isinstance(x, cuda.ndarray) for x in arrays)


class FunctionAdapter(function_node.FunctionNode):
    """FunctionNode wrapping an old-style :class:`Function`.

    Parameters
    ----------
    function : Function
    """

    _function = None
    _weak_function = None

    def __init__(self, function):
        super(FunctionAdapter, self).__init__()
        # Until the function is called it owns the adapter; afterwards the
        # adapter (kept alive by the graph) owns the function.
        self._weak_function = weakref.ref(function)
        function._owned_node = self

    @property
    def function(self):
        """The wrapped old-style Function."""
        function = self._function
        if function is None:
            function = self._weak_function()
        return function

    @property
    def label(self):
        return self.function.label

    @property
    def _impl_name(self):
        return self.function.__class__.__name__

    def check_type_forward(self, in_types):
        self.function.check_type_forward(in_types)

    def forward(self, inputs):
        # Old-style backward receives all inputs, so keep them by default.
        self.retain_inputs(tuple(range(len(inputs))))
        return self.function.forward(inputs)

    def backward(self, target_input_indexes, grad_outputs):
        in_data = tuple(input.data for input in self.inputs)
        grad_out_data = tuple(None if grad is None else grad.array
                              for grad in grad_outputs)
        with function_node._device_context(in_data + grad_out_data):
            gxs = self.function.backward(in_data, grad_out_data)
        for x, gx in zip(self.inputs, gxs):
            variable._check_grad_type(self, x, True, gx)

        ret = []
        for i in target_input_indexes:
            if gxs[i] is None:
                g = None
            else:
                # requires_grad stays True so that a further backprop
                # through this gradient reaches the check below and fails.
                g = variable.Variable(gxs[i])
                g.node._old_style_grad_generator = self.function.label
            ret.append(g)
        return tuple(ret)


class Function(object):
    """Old-style differentiable function on arrays.

    Override ``forward`` (or ``forward_cpu``/``forward_gpu``) and
    ``backward`` (or ``backward_cpu``/``backward_gpu``); both take and
    return tuples of arrays.  Calling the function returns one Variable or
    a tuple of Variables.
    """

    _node = None
    _owned_node = None

    def __call__(self, *inputs):
        node = self.node
        # Swap ownership: from now on the node keeps the function alive.
        node._function = self
        node._weak_function = None
        self._node = weakref.ref(node)
        self._owned_node = None

        ret = node.apply(inputs)
        if len(ret) == 1:
            return ret[0]
        return tuple(ret)

    @property
    def inputs(self):
        """Input VariableNodes."""
        return self.node.inputs

    @property
    def outputs(self):
        """Weak references to output VariableNodes."""
        return self.node.outputs

    @property
    def node(self):
        """The :class:`FunctionAdapter` running this function."""
        noderef = self._node
        nd = noderef() if noderef is not None else self._owned_node
        if nd is None:
            FunctionAdapter(self)
            nd = self._owned_node
        return nd

    @property
    def local_function_hooks(self):
        return self.node.local_function_hooks

    @property
    def label(self):
        """Name used in messages (class name by default)."""
        return self.__class__.__name__

    @property
    def output_data(self):
        """Retained output arrays."""
        return self.node.output_data

    @property
    def rank(self):
        return self.node.rank

    def check_type_forward(self, in_types):
        """Check input types (see FunctionNode.check_type_forward)."""
        pass

    def forward(self, inputs):
        """Dispatch to forward_cpu or forward_gpu."""
        if _is_gpu(inputs):
            return self.forward_gpu(inputs)
        return self.forward_cpu(inputs)

    def forward_cpu(self, inputs):
        raise NotImplementedError()

    def forward_gpu(self, inputs):
        raise NotImplementedError()

    def backward(self, inputs, grad_outputs):
        """Dispatch to backward_cpu or backward_gpu.

        ``grad_outputs`` entries are None for outputs without gradient.
        """
        if _is_gpu(inputs + grad_outputs):
            return self.backward_gpu(inputs, grad_outputs)
        return self.backward_cpu(inputs, grad_outputs)

    def backward_cpu(self, inputs, grad_outputs):
        return tuple(None for _ in inputs)

    def backward_gpu(self, inputs, grad_outputs):
        return tuple(None for _ in inputs)

    def unchain(self):
        """Detach from the graph."""
        self.node.unchain()

    def add_hook(self, hook, name=None):
        self.node.add_hook(hook, name)

    def delete_hook(self, name):
        self.node.delete_hook(name)

    def retain_inputs(self, indexes):
        """Retain only these inputs (all are retained by default)."""
        self.node.retain_inputs(indexes)

    def retain_outputs(self, indexes, retain_after_backward=False):
        """Retain outputs for backward (see :attr:`output_data`)."""
        self.node.retain_outputs(indexes)

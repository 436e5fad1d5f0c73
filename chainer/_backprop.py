"""Backward graph traversal used by ``Variable.backward`` and ``chainer.grad``.

Functions are processed in decreasing order of rank (a topological order of
the graph), so every function runs its backward only after all gradients of
its outputs have been accumulated.
"""
import collections
import heapq

import chainer


def _pure(grad):
    return [] if grad is None else [grad]


def _reduce(grad_list):
    """Sum a list of gradient Variables in place; return the sum or None."""
    if not grad_list:
        return None
    if len(grad_list) >= 2:
        from chainer.functions.math import basic_math
        grad_list[:] = [basic_math.add(*grad_list)]
    return grad_list[0]


def _pop_or_none(grad_list):
    return grad_list.pop() if grad_list else None


class GradTable(object):
    """Gradients (lists of Variables, summed lazily) keyed by VariableNode.

    Parameters
    ----------
    accumulate_grad_inputs : bool
        When True a leaf node's existing ``grad_var`` is the starting value
        of its gradient, which is how repeated ``backward`` calls accumulate.
    """

    def __init__(self, accumulate_grad_inputs=False):
        self.grads = {}
        self._load_if_new = accumulate_grad_inputs

    def __setitem__(self, node, grad):
        assert node is not None
        self.grads[node] = _pure(grad)

    def accumulate(self, node, grad):
        self.get_as_list(node).append(grad)

    def get_as_list(self, node):
        assert node is not None
        grads = self.grads
        if node not in grads:
            if self._load_if_new and node.creator_node is None:
                node._check_old_style_gradient()
                grads[node] = _pure(node.grad_var)
            else:
                grads[node] = []
        return grads[node]

    def pop(self, node):
        if node is None:
            return None
        grads = self.grads
        if node in grads:
            return _reduce(grads.pop(node))
        if self._load_if_new:
            return node.grad_var
        return None


class _FuncHeap(object):
    """Max-heap of FunctionNodes by rank; each function is pushed once."""

    def __init__(self):
        self._heap = []
        self._seen = set()

    def push(self, func):
        if func not in self._seen:
            # heapq is a min-heap: negate the rank; the counter breaks ties
            # deterministically without comparing FunctionNodes.
            heapq.heappush(self._heap, (-func.rank, len(self._seen), func))
            self._seen.add(func)

    def pop(self):
        return heapq.heappop(self._heap)[2]

    def __bool__(self):
        return bool(self._heap)


def _function_hooks(func):
    hooks = chainer.get_function_hooks()
    local = getattr(func, 'local_function_hooks', None)
    if local:
        merged = collections.OrderedDict(hooks)
        merged.update(local)
        return list(merged.values())
    return list(hooks.values())


def backprop_step(func, target_input_indexes, grad_outputs, grad_inputs,
                  is_debug=False):
    """Run one function's backward and append the results to grad_inputs.

    Parameters
    ----------
    func : FunctionNode
    target_input_indexes : tuple of int
        Indexes of the inputs needing gradients (sorted).
    grad_outputs : tuple of Variable or None
        Gradients of the outputs.
    grad_inputs : dict
        VariableNode -> list of gradient Variables; updated in place and
        each list is reduced to at most one element.
    """
    from chainer import function_node
    if type(func).backward_accumulate is not \
            function_node.FunctionNode.backward_accumulate:
        grad_inputs_tuple = tuple(
            _pop_or_none(grad_inputs[func.inputs[i]])
            for i in target_input_indexes)
        gxs = func.backward_accumulate(
            target_input_indexes, grad_outputs, grad_inputs_tuple)
    else:
        gxs = func.backward(target_input_indexes, grad_outputs)
        if is_debug:
            for gx in gxs:
                if not (gx is None or isinstance(gx, chainer.Variable)):
                    raise ValueError(func._get_error_message(
                        'type of gradients returned from backward is '
                        'incorrect: {} != expected {}'.format(
                            type(gx), chainer.Variable)))
    gxs = tuple(gxs)
    len_gxs = len(gxs)
    if len_gxs == len(func.inputs) and \
            len_gxs != len(target_input_indexes):
        gxs = tuple(gxs[i] for i in target_input_indexes)
    elif len_gxs != len(target_input_indexes):
        msg = 'number of gradients returned from backward is incorrect: '
        if len(func.inputs) == len(target_input_indexes):
            msg += '%s != expected %s' % (len_gxs, len(func.inputs))
        else:
            msg += '%s != expected %s or %s' % (
                len_gxs, len(func.inputs), len(target_input_indexes))
        raise ValueError(func._get_error_message(msg))

    for i, gx in zip(target_input_indexes, gxs):
        if gx is None or gx.array is None:
            continue
        if not isinstance(gx, chainer.Variable):
            raise TypeError(func._get_error_message(
                'backward must return Variables or None, got {}'.format(
                    type(gx))))
        node_x = func.inputs[i]
        if is_debug and node_x.shape is not None and \
                gx.shape != node_x.shape:
            raise ValueError(func._get_error_message(
                'shape of gradients returned from backward is incorrect: '
                'input-index={}, actual {} != expected {}'.format(
                    i, gx.shape, node_x.shape)))
        grad_inputs[node_x].append(gx)

    for gx in grad_inputs.values():
        _reduce(gx)


def _run_backward(func, target_input_indexes, out_grad, in_grad, is_debug):
    in_data = tuple(x.data for x in func.inputs)
    out_grad_array = tuple(None if g is None else g.array for g in out_grad)
    hooks = _function_hooks(func)
    for hook in hooks:
        hook.backward_preprocess(func, in_data, out_grad_array)
    backprop_step(func, target_input_indexes, out_grad, in_grad, is_debug)
    for hook in hooks:
        hook.backward_postprocess(func, in_data, out_grad_array)


def backprop_to_all(outputs, retain_grad, loss_scale):
    """Propagate gradients from outputs to every leaf of the graph.

    Parameters
    ----------
    outputs : list of (VariableNode, Variable or None)
        Start nodes with their gradients.
    retain_grad : bool
        Store gradients on intermediate variables too.
    loss_scale : float or None
        Recorded on the leaves (optimizers divide it out).

    Leaf variables that already have a gradient get the new one added.  A
    function whose output gradients are all None is skipped: no gradient
    can flow through it (this is what happens when ``backward`` is called
    on a non-scalar variable whose ``grad`` was not set).
    """
    cand_funcs = _FuncHeap()
    grads = GradTable(accumulate_grad_inputs=True)
    leaf_nodes = set()

    for y, gy in outputs:
        grads.accumulate(y, gy)
        func = y.creator_node
        if func is None:
            leaf_nodes.add(y)
        else:
            cand_funcs.push(func)

    is_debug = chainer.is_debug()
    while cand_funcs:
        func = cand_funcs.pop()
        inputs = func.inputs
        if inputs is None:  # unchained function
            continue
        target_input_indexes = tuple(
            i for i, x in enumerate(inputs) if x.requires_grad)
        outputs_ = [y() for y in func.outputs]  # weak references
        out_grad = tuple(
            grads.pop(y) if y is not None and y.creator_node is not None
            else None for y in outputs_)
        if not target_input_indexes:
            continue
        if all(g is None for g in out_grad):
            continue

        # Keep input order deterministic rather than using a set.
        in_grad = collections.OrderedDict()
        for i in target_input_indexes:
            x = inputs[i]
            if x not in in_grad:
                in_grad[x] = grads.get_as_list(x)

        _run_backward(func, target_input_indexes, out_grad, in_grad,
                      is_debug)

        if retain_grad:
            # All gradients of this function's outputs are final now.
            for y, gy in zip(outputs_, out_grad):
                if y is not None:
                    y_var = y.get_variable_or_none()
                    if y_var is not None:
                        y_var._set_grad_var_if_available(gy)
        del out_grad

        from chainer import variable
        for x, gx in in_grad.items():
            if not gx:
                continue
            for gx_elem in gx:
                if gx_elem is not None:
                    variable._check_grad_type(func, x, True, gx_elem.array)
            if x.creator_node is None:
                leaf_nodes.add(x)
            else:
                cand_funcs.push(x.creator_node)

    for x in leaf_nodes:
        x_var = x.get_variable_or_none()
        gx = grads.pop(x)
        if x_var is not None:
            x_var._set_grad_var_without_check(gx)
            x_var._loss_scale = loss_scale


def _nodes_requiring_grad(outputs, input_nodes):
    """VariableNodes lying on some path from an input to an output."""
    memo = {}

    def visit(node):
        # Iterative DFS: deep graphs (long RNNs) exceed the recursion limit.
        stack = [(node, False)]
        while stack:
            n, expanded = stack.pop()
            if n in memo and not expanded:
                continue
            creator = n.creator_node
            parents = [] if creator is None or creator.inputs is None \
                else list(creator.inputs)
            if not expanded:
                memo[n] = n in input_nodes
                stack.append((n, True))
                for p in parents:
                    if p not in memo:
                        stack.append((p, False))
            else:
                memo[n] = n in input_nodes or any(
                    memo.get(p, False) for p in parents)

    for y in outputs:
        visit(y)
    return set(n for n, req in memo.items() if req)


def backprop_to_inputs(output_nodes, input_nodes, grads, retain_grad,
                       loss_scale):
    """Core of :func:`chainer.grad`: gradients of outputs w.r.t. inputs.

    Parameters
    ----------
    output_nodes : list of VariableNode
    input_nodes : list of VariableNode
    grads : GradTable
        Pre-filled with the output (and initial input) gradients.
    retain_grad : bool
    loss_scale : float or None

    Returns
    -------
    dict
        VariableNode -> gradient Variable (or None) for every input node.
    """
    input_set = set(input_nodes)
    grad_required = _nodes_requiring_grad(output_nodes, input_set)
    cand_funcs = _FuncHeap()
    for y in output_nodes:
        if y.creator_node is not None:
            cand_funcs.push(y.creator_node)

    ret_dict = {}
    is_debug = chainer.is_debug()
    while cand_funcs:
        func = cand_funcs.pop()
        if func.inputs is None:
            continue
        ys = [y() for y in func.outputs]
        gys = tuple(grads.pop(y) if y is not None else None for y in ys)
        for node, gy in zip(ys, gys):
            if node is None:
                continue
            if node in input_set:
                ret_dict[node] = gy
            if retain_grad:
                y_var = node.get_variable_or_none()
                if y_var is not None:
                    y_var._set_grad_var_without_check(gy)
                    y_var._loss_scale = loss_scale

        input_indexes = []
        x_grads = collections.OrderedDict()
        for i, x in enumerate(func.inputs):
            if x not in grad_required or not x.requires_grad:
                continue
            input_indexes.append(i)
            if x not in x_grads:
                x_grads[x] = grads.get_as_list(x)
        if not input_indexes or all(g is None for g in gys):
            continue

        _run_backward(func, tuple(input_indexes), gys, x_grads, is_debug)

        for node, g in x_grads.items():
            if not g:
                continue
            creator = node.creator_node
            if creator is not None:
                cand_funcs.push(creator)

    for x in input_nodes:
        if x not in ret_dict:
            ret_dict[x] = grads.pop(x)
    return ret_dict


def backward(outputs, grad_outputs=None, **kwargs):
    """Run backpropagation from several output variables at once.

    Parameters
    ----------
    outputs : tuple or list of Variable
    grad_outputs : tuple or list of Variable or None, optional
        Gradients of the outputs; when None, each output's ``grad_var`` is
        used (no default gradient is created, unlike Variable.backward).
    enable_double_backprop : bool
        Keyword-only; build a graph of the backward computation.

    Examples
    --------
    >>> x = chainer.Variable(numpy.array([1.0, 2.0]))
    >>> y = x * 3
    >>> chainer.backward([y], [chainer.Variable(numpy.ones(2))])
    >>> x.grad
    array([3., 3.])
    """
    enable_double_backprop = kwargs.pop('enable_double_backprop', False)
    if 'retain_grad' in kwargs:
        raise TypeError('chainer.backward does not support retain_grad')
    if 'loss_scale' in kwargs:
        raise TypeError('chainer.backward does not support loss_scale '
                        'option')
    if kwargs:
        raise TypeError('unexpected keyword argument(s): {}'.format(
            ', '.join(kwargs)))
    if not isinstance(outputs, (tuple, list)):
        raise TypeError(
            'outputs must be a tuple or a list, not {}.'.format(
                type(outputs)))
    for v in outputs:
        if not isinstance(v, chainer.Variable):
            raise TypeError(
                'each output must be a Variable, not {}'.format(type(v)))
    if grad_outputs is not None:
        if not isinstance(grad_outputs, (tuple, list)):
            raise TypeError(
                'grad_outputs must be None, a tuple, or a list, not '
                '{}.'.format(type(grad_outputs)))
        if len(outputs) != len(grad_outputs):
            raise ValueError(
                'grad_outputs must be of the same length as outputs.\n'
                'len(outputs) = {}, len(grad_outputs) = {}'.format(
                    len(outputs), len(grad_outputs)))
        for gy in grad_outputs:
            if gy is not None and not isinstance(gy, chainer.Variable):
                raise TypeError(
                    'each grad_output must be a Variable or None, not '
                    '{}'.format(type(gy)))
    else:
        grad_outputs = [y.grad_var for y in outputs]
        for y in outputs:
            y.grad_var = None

    pairs = [(y.node, gy) for y, gy in zip(outputs, grad_outputs)
             if gy is not None]
    if not pairs:
        return
    with chainer.using_config('enable_backprop', enable_double_backprop):
        backprop_to_all(pairs, False, None)

"""Identity function (useful to insert a node into the graph)."""
from chainer import function_node


class Identity(function_node.FunctionNode):
    """Return the inputs unchanged; gradients pass through."""

    def check_type_forward(self, in_types):
        pass

    def forward(self, xs):
        return xs

    def backward(self, indexes, gys):
        return tuple(gys[i] for i in indexes)


def identity(*inputs):
    """Return the inputs as new Variables with an Identity creator.

    Returns
    -------
    Variable, or tuple of Variables when several inputs are given.

    Examples
    --------
    >>> y = F.identity(numpy.ones(2))
    >>> y.creator.label
    'Identity'
    """
    ret = Identity().apply(inputs)
    return ret[0] if len(ret) == 1 else ret

"""Sequential: a ChainList whose layers are applied one after another.

Examples
--------
>>> import chainer.functions as F, chainer.links as L
>>> model = chainer.Sequential(L.Linear(3, 4), F.relu, L.Linear(4, 2))
>>> model(numpy.ones((1, 3), numpy.float32)).shape
(1, 2)
"""
import copy

from chainer import link as _link


class Sequential(_link.ChainList):
    """Apply layers (links or any callables) in order.

    Links among the layers are registered as children, so their
    parameters are visible to optimizers and serializers; other callables
    (functions, lambdas) are just called.  A layer returning a tuple has
    it unpacked as the arguments of the next layer.

    Parameters
    ----------
    *layers : callable
        Initial layers.

    Examples
    --------
    >>> seq = chainer.Sequential(chainer.links.Linear(2, 2))
    >>> seq.append(lambda x: x * 2)
    >>> len(seq), len(list(seq.children()))
    (2, 1)
    """

    def __init__(self, *layers):
        super(Sequential, self).__init__()
        self._layers = []
        for layer in layers:
            self.append(layer)

    def __len__(self):
        return len(self._layers)

    def __getitem__(self, i):
        return self._layers[i]

    def __setitem__(self, i, layer):
        if not callable(layer):
            raise ValueError(
                'All elements of the argument should be callable. But '
                'given {} is not callable.'.format(layer))
        del self[i]
        n = len(self._layers)
        self.insert(i if i >= 0 else i + n + 1, layer)

    def __delitem__(self, i):
        layer = self._layers.pop(i)
        if isinstance(layer, _link.Link):
            # Remove this very object (the same link may not be equal-
            # compared reliably) and rename the children after it.
            for j, child in enumerate(self._children):
                if child is layer:
                    del self._children[j]
                    break
            self._rename_children()

    def __iter__(self):
        return iter(self._layers)

    def __reversed__(self):
        return reversed(self._layers)

    def __contains__(self, item):
        return any(layer is item for layer in self._layers)

    def __add__(self, other):
        if not isinstance(other, Sequential):
            raise ValueError(
                'add (+) operator supports only objects of Sequential '
                'class, but {} is given.'.format(str(type(other))))
        ret = Sequential()
        for layer in self:
            ret.append(layer)
        for layer in other:
            ret.append(layer)
        return ret

    def __iadd__(self, other):
        if not isinstance(other, Sequential):
            raise ValueError(
                'add (+) operator supports only objects of Sequential '
                'class, but {} is given.'.format(str(type(other))))
        for layer in other:
            self.append(layer)
        return self

    def _rename_children(self):
        for j, child in enumerate(self._children):
            child.name = str(j)

    def forward(self, *x):
        """Apply the layers in order to the inputs."""
        if not self._layers:
            raise RuntimeError('Sequential does not have any layer.')
        for layer in self._layers:
            if isinstance(x, tuple):
                x = layer(*x)
            else:
                x = layer(x)
        return x

    def index(self, value, start=0, end=None):
        """Return the position of ``value`` among the layers."""
        if end is None:
            end = len(self._layers)
        for i in range(start, end):
            if self._layers[i] is value:
                return i
        raise ValueError('{} is not in Sequential'.format(value))

    def count(self, value):
        """Return how many times ``value`` appears among the layers."""
        return sum(layer is value for layer in self._layers)

    def insert(self, i, layer):
        """Insert ``layer`` before position ``i``."""
        n = len(self._layers)
        if not (-n <= i < (n + 1)):
            raise IndexError('Index out of range: {}'.format(i))
        if i < 0:
            i += n
        if not callable(layer):
            raise ValueError(
                'All elements of a Sequential should be callable. But '
                'given {} is not callable.'.format(layer))
        if isinstance(layer, _link.Link):
            # The child position is the number of links before ``i``.
            pos = sum(isinstance(lay, _link.Link) for lay in self._layers[:i])
            self._children.insert(pos, layer)
            self._rename_children()
        self._layers.insert(i, layer)

    def append(self, layer):
        """Add ``layer`` at the end."""
        self.insert(len(self), layer)

    def add_link(self, link):
        self.append(link)

    def extend(self, sequential):
        """Append every layer of ``sequential`` (any iterable of layers)."""
        for layer in sequential:
            self.append(layer)

    def pop(self, i=-1):
        """Remove and return the layer at ``i`` (the last by default)."""
        layer = self._layers[i]
        del self[i]
        return layer

    def clear(self):
        """Remove all layers."""
        for i in range(len(self) - 1, -1, -1):
            del self[i]

    def remove(self, layer):
        """Remove the first occurrence of ``layer``."""
        del self[self.index(layer)]

    def remove_by_layer_type(self, type_name):
        """Remove all layers whose class (or function) name is
        ``type_name``."""
        for i in range(len(self) - 1, -1, -1):
            if _layer_type_name(self._layers[i]) == type_name:
                del self[i]

    def count_by_layer_type(self, type_name):
        """Count layers whose class (or function) name is ``type_name``."""
        return sum(_layer_type_name(lay) == type_name for lay in self._layers)

    def copy(self, mode='share'):
        """Copy: links are copied with ``mode``, other layers shallowly."""
        ret = Sequential()
        for layer in self:
            if isinstance(layer, _link.Link):
                ret.append(layer.copy(mode))
            else:
                ret.append(copy.copy(layer))
        return ret

    def flatten(self):
        """Return a Sequential with nested Sequentials expanded in place."""
        ret = Sequential()
        for layer in self:
            if isinstance(layer, Sequential):
                ret.extend(layer.flatten())
            else:
                ret.append(layer)
        return ret

    def __repr__(self):
        names = ', '.join(_layer_type_name(lay) for lay in self._layers)
        return '{}({})'.format(type(self).__name__, names)


def _layer_type_name(layer):
    if hasattr(layer, '__name__'):
        return layer.__name__
    return type(layer).__name__

"""Array manipulation functions."""
from chainer.functions.array.broadcast import broadcast  # NOQA
from chainer.functions.array.broadcast import broadcast_to  # NOQA
from chainer.functions.array.cast import cast  # NOQA
from chainer.functions.array.get_item import get_item  # NOQA
from chainer.functions.array.reshape import reshape  # NOQA
from chainer.functions.array.transpose import transpose  # NOQA

__all__ = [
    'broadcast',
    'broadcast_to',
    'cast',
    'get_item',
    'reshape',
    'transpose',
]

"""Helpers shared by convolution links."""


def _pair(x):
    # Convolution hyper-parameters accept an int for both spatial axes.
    if hasattr(x, '__getitem__'):
        return tuple(x)
    return x, x


def _parse_conv_kwargs(kwargs):
    """Extract ``dilate`` and ``groups``; reject removed arguments."""
    if 'deterministic' in kwargs:
        raise ValueError(
            'deterministic argument is not supported anymore. Use '
            'chainer.using_config(\'cudnn_deterministic\', value) context '
            'where value is either `True` or `False`.')
    dilate = kwargs.pop('dilate', 1)
    groups = kwargs.pop('groups', 1)
    if kwargs:
        raise TypeError('got unexpected keyword argument(s): {}'.format(
            ', '.join(sorted(kwargs))))
    return dilate, groups

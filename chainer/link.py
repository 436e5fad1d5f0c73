"""Links: objects holding parameters, composed into models.

:class:`Link` owns parameters and persistent values; :class:`Chain` holds
named child links and :class:`ChainList` an ordered list of them.

Examples
--------
>>> import chainer.links as L
>>> class MLP(chainer.Chain):
...     def __init__(self):
...         super(MLP, self).__init__()
...         with self.init_scope():
...             self.l1 = L.Linear(3, 4)
...             self.l2 = L.Linear(4, 2)
...     def forward(self, x):
...         return self.l2(chainer.functions.relu(self.l1(x)))
>>> sorted(name for name, _ in MLP().namedparams())
['/l1/W', '/l1/b', '/l2/W', '/l2/b']
"""
import collections
import contextlib
import copy
import warnings

import numpy

import chainer
from chainer import backend
from chainer.backends import cuda
from chainer import variable


def _is_shape(value):
    if value is None:
        return True
    if isinstance(value, (int, numpy.integer)):
        return True
    try:
        return all(isinstance(v, (int, numpy.integer)) for v in value)
    except TypeError:
        return False


def _ensure_shape_dtype(value):
    # ``value`` is a shape or a ``(shape, dtype)`` pair (old Link kwargs).
    if _is_shape(value):
        return value, numpy.float32
    shape, dtype = value
    return shape, dtype


class _HookCallbackArgs(object):
    """What link hooks receive: ``link``, ``forward_name``, ``args``,
    ``kwargs`` and, after the call, ``out``."""

    def __init__(self, link, forward_name, args, kwargs, out=None):
        self.link = link
        self.forward_name = forward_name
        self.args = args
        self.kwargs = kwargs
        self.out = out


class Link(object):
    """Building block of models: holds parameters and persistent values.

    Parameters registered inside :meth:`init_scope` (or by
    :meth:`add_param`) are visited by :meth:`params`, updated by optimizers
    and saved by serializers; :meth:`add_persistent` registers other
    values (e.g. running averages) that are saved but not trained.

    Parameters
    ----------
    **params
        Deprecated: ``name=shape`` or ``name=(shape, dtype)`` pairs each
        registering an uninitialised (NaN-filled) parameter.

    Attributes
    ----------
    name : str or None
        Name given by the parent link.

    Examples
    --------
    >>> class Scale(chainer.Link):
    ...     def __init__(self):
    ...         super(Scale, self).__init__()
    ...         with self.init_scope():
    ...             self.a = chainer.Parameter(2.0, (1,))
    ...     def forward(self, x):
    ...         return x * chainer.functions.broadcast_to(self.a, x.shape)
    >>> link = Scale()
    >>> link(numpy.ones((1,), numpy.float32)).array
    array([2.], dtype=float32)
    >>> [name for name, _ in link.namedparams()]
    ['/a']
    """

    _local_link_hooks = None

    def __init__(self, **params):
        self._params = set()
        self._persistent = set()
        self._within_init_scope = False
        self.name = None
        self._device = backend.CpuDevice()
        for name, value in params.items():
            shape, dtype = _ensure_shape_dtype(value)
            self.add_param(name, shape, dtype=dtype)

    # --- registration -----------------------------------------------------

    @property
    def within_init_scope(self):
        """True inside :meth:`init_scope`: attributes set then register."""
        return getattr(self, '_within_init_scope', False)

    @contextlib.contextmanager
    def init_scope(self):
        """Context in which assigned Parameters (and links) are registered.

        Examples
        --------
        >>> link = chainer.Link()
        >>> with link.init_scope():
        ...     link.w = chainer.Parameter(0., (2,))
        >>> [p.name for p in link.params()]
        ['w']
        """
        old_flag = self.within_init_scope
        self._within_init_scope = True
        try:
            yield
        finally:
            self._within_init_scope = old_flag

    def __setattr__(self, name, value):
        if self.within_init_scope and isinstance(value, variable.Parameter):
            value.name = name
            self._params.add(name)
            self._persistent.discard(name)
        super(Link, self).__setattr__(name, value)

    def __delattr__(self, name):
        self._params.discard(name)
        self._persistent.discard(name)
        super(Link, self).__delattr__(name)

    def add_param(self, name, shape=None, dtype=numpy.float32,
                  initializer=None):
        """Register a parameter (NaN-filled unless ``initializer`` given).

        Parameters
        ----------
        name : str
        shape : int or tuple of int, optional
            Left out for lazy initialisation.
        dtype : dtype-like
        initializer : initializer, scalar or array, optional

        Examples
        --------
        >>> link = chainer.Link()
        >>> link.add_param('w', (2,), initializer=1.)
        >>> link.w.array
        array([1., 1.], dtype=float32)
        """
        if name in self.__dict__:
            raise AttributeError(
                'cannot register a new parameter %s: attribute exists'
                % name)
        from chainer import initializers
        if initializer is None:
            initializer = initializers.NaN(dtype)
        param = variable.Parameter(initializer, shape)
        with self.init_scope():
            setattr(self, name, param)

    def add_persistent(self, name, value):
        """Register a persistent (saved but not trained) value.

        Examples
        --------
        >>> link = chainer.Link()
        >>> link.add_persistent('count', 0)
        >>> link.count
        0
        """
        d = self.__dict__
        if name in d:
            raise AttributeError(
                'cannot register a new persistent value %s: attribute exists'
                % name)
        self._persistent.add(name)
        self._params.discard(name)
        d[name] = value

    def register_persistent(self, name):
        """Mark an existing attribute as persistent."""
        if not hasattr(self, name):
            raise AttributeError(
                'cannot register non-existent attribute %s as a persistent '
                'value' % name)
        self._persistent.add(name)
        self._params.discard(name)

    # --- devices ----------------------------------------------------------

    @property
    def device(self):
        """:class:`~chainer.backend.Device` of the link's arrays."""
        return self._device

    @property
    def xp(self):
        """Array module (numpy or cupy) of the link's arrays."""
        return self._device.xp

    def _to_device_self(self, device):
        # Moves only this link's own params and persistents; children are
        # reached through links().
        d = self.__dict__
        for name in self._params:
            d[name].to_device(device)
        for name in self._persistent:
            value = d[name]
            if isinstance(value, chainer.get_array_types()):
                d[name] = device.send(value)
        self._device = device

    def to_device(self, device):
        """Move all arrays of this link and its descendants to ``device``.

        Parameters
        ----------
        device : device specifier
            E.g. ``'@numpy'``, ``'@cupy:0'`` or an integer.

        Returns
        -------
        Link
            ``self``.
        """
        device = chainer.get_device(device)
        for link in self.links():
            link._to_device_self(device)
        return self

    def to_cpu(self):
        """Move all arrays to host memory; returns ``self``."""
        return self.to_device(backend.CpuDevice())

    def to_gpu(self, device=None):
        """Move all arrays to a GPU (current one when None); returns self."""
        cuda.check_cuda_available()
        if device is None:
            device = backend.GpuDevice(cuda.cupy.cuda.Device())
        elif not isinstance(device, backend.Device):
            device = backend.GpuDevice.from_device_id(int(device))
        return self.to_device(device)

    # --- traversal --------------------------------------------------------

    def params(self, include_uninit=True):
        """Iterate over parameters of this link and its descendants.

        Parameters
        ----------
        include_uninit : bool
            Whether to include parameters whose array is not created yet.
        """
        d = self.__dict__
        for name in sorted(self._params):
            if include_uninit or d[name].array is not None:
                yield d[name]

    def namedparams(self, include_uninit=True):
        """Iterate over ``(path, param)`` pairs, paths like ``'/l1/W'``."""
        d = self.__dict__
        for name in sorted(self._params):
            if include_uninit or d[name].array is not None:
                yield '/' + name, d[name]

    def links(self, skipself=False):
        """Iterate over this link (unless ``skipself``) and descendants."""
        if not skipself:
            yield self

    def namedlinks(self, skipself=False):
        """Iterate over ``(path, link)`` pairs; this link's path is '/'."""
        if not skipself:
            yield '/', self

    def children(self):
        """Iterate over direct child links (none for a plain Link)."""
        return iter(())

    def count_params(self):
        """Return the total number of elements of initialised parameters.

        Examples
        --------
        >>> chainer.links.Linear(3, 2).count_params()
        8
        """
        size = 0
        for name, param in self.namedparams():
            if param.array is None:
                warnings.warn(
                    'Parameter \'{}\' has not been initialized, so the '
                    'resulting count will not include the number of '
                    'parameters in it.'.format(name))
                continue
            size += param.size
        return size

    # --- copies and gradients ---------------------------------------------

    def copy(self, mode='share'):
        """Return a copy of this link hierarchy.

        Parameters
        ----------
        mode : {'share', 'copy', 'init'}
            'share': new Parameter objects sharing the arrays (gradients
            cleared); 'copy': deep copy; 'init': deep copy with
            parameters re-initialised by their initializers.

        Examples
        --------
        >>> l = chainer.links.Linear(2, 2)
        >>> c = l.copy()
        >>> c.W is l.W, c.W.array is l.W.array
        (False, True)
        """
        if mode == 'share':
            ret = copy.copy(self)
            ret._params = set(self._params)
            ret._persistent = set(self._persistent)
            ret.name = None
            d = ret.__dict__
            for name in ret._params:
                d[name] = copy.copy(d[name])
                d[name].grad = None
            return ret
        if mode == 'copy':
            return copy.deepcopy(self)
        if mode == 'init':
            ret = copy.deepcopy(self)
            for param in ret.params(include_uninit=False):
                param.initialize(param.shape)
            return ret
        raise ValueError(
            'The \'mode\' argument should be either \'init\', \'copy\', or '
            '\'share\'. But {} was given.'.format(mode))

    def copyparams(self, link, copy_persistent=True):
        """Copy parameter (and persistent) values from a same-shaped link."""
        src = link.__dict__
        dst = self.__dict__
        for name in self._params:
            dst[name].copydata(src[name])
        if copy_persistent:
            array_types = chainer.get_array_types()
            for name in self._persistent:
                d = dst[name]
                s = src[name]
                if isinstance(d, array_types) and isinstance(s, array_types):
                    backend.copyto(d, s)
                else:
                    dst[name] = copy.deepcopy(s)

    def cleargrads(self):
        """Set all parameter gradients to None."""
        for param in self.params():
            param.cleargrad()

    def zerograds(self):
        """Fill all parameter gradients with zeros (deprecated)."""
        warnings.warn(
            'Link.zerograds is deprecated. Use Link.cleargrads instead.',
            DeprecationWarning)
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', DeprecationWarning)
            for param in self.params():
                param.zerograd()

    def addgrads(self, link):
        """Add the gradients of a same-shaped link to this link's."""
        src = link.__dict__
        dst = self.__dict__
        for name in self._params:
            dst[name].addgrad(src[name])

    def enable_update(self):
        """Let optimizers update all parameters again."""
        for param in self.params():
            rule = param.update_rule
            if rule is not None:
                rule.enabled = True

    def disable_update(self):
        """Freeze all parameters (their update rules skip updates)."""
        for param in self.params():
            rule = param.update_rule
            if rule is not None:
                rule.enabled = False

    @property
    def update_enabled(self):
        """True if any parameter has an enabled update rule."""
        for param in self.params():
            if param.update_rule is not None and param.update_rule.enabled:
                return True
        return False

    # --- serialization ----------------------------------------------------

    def serialize(self, serializer):
        """Save or load parameters and persistents through ``serializer``.

        An uninitialised parameter is initialised from the loaded array.
        """
        d = self.__dict__
        for name in sorted(self._params):
            param = d[name]
            data = serializer(name, param.array)
            if param.array is None and data is not None:
                param.initialize(data.shape)
                with chainer.using_device(param.device):
                    param.array[...] = param.device.send(
                        numpy.asarray(data))
        for name in sorted(self._persistent):
            d[name] = serializer(name, d[name])

    def repeat(self, n_repeat, mode='init'):
        """Return a Sequential of ``n_repeat`` copies of this link.

        Parameters
        ----------
        n_repeat : int
        mode : {'init', 'copy', 'share'}
            How each copy is made (see :meth:`copy`).

        Examples
        --------
        >>> seq = chainer.links.Linear(2, 2).repeat(3)
        >>> len(seq)
        3
        """
        from chainer import sequential
        ret = sequential.Sequential()
        if n_repeat <= 0:
            return ret
        if mode not in ('init', 'copy', 'share'):
            raise ValueError(
                'The \'mode\' argument should be either \'init\','
                '\'copy\', or \'share\'. But {} was given.'.format(mode))
        for _ in range(n_repeat):
            ret.append(self.copy(mode))
        return ret

    # --- calling ----------------------------------------------------------

    @property
    def local_link_hooks(self):
        """Ordered dict of hooks applied to calls of this link only."""
        if self._local_link_hooks is None:
            self._local_link_hooks = collections.OrderedDict()
        return self._local_link_hooks

    def add_hook(self, hook, name=None):
        """Register a link hook (with ``forward_preprocess`` /
        ``forward_postprocess`` methods) on this link; returns self."""
        hooks = self.local_link_hooks
        if name is None:
            name = getattr(hook, 'name', type(hook).__name__)
        if name in hooks:
            raise KeyError('hook %s already exists' % name)
        hooks[name] = hook
        added = getattr(hook, 'added', None)
        if added is not None:
            added(self)
        return self

    def delete_hook(self, name):
        """Remove the local link hook registered as ``name``."""
        hook = self.local_link_hooks.pop(name)
        deleted = getattr(hook, 'deleted', None)
        if deleted is not None:
            deleted(self)

    def __call__(self, *args, **kwargs):
        hooks = list(chainer._get_link_hooks().values())
        if self._local_link_hooks:
            hooks.extend(self._local_link_hooks.values())
        forward = self.forward
        if not hooks:
            return forward(*args, **kwargs)
        cb_args = _HookCallbackArgs(self, 'forward', args, kwargs)
        for hook in hooks:
            hook.forward_preprocess(cb_args)
        out = forward(*args, **kwargs)
        cb_args.out = out
        for hook in hooks:
            hook.forward_postprocess(cb_args)
        return out

    def forward(self, *args, **kwargs):
        """Compute the link's output; defined by subclasses."""
        raise NotImplementedError(
            '{} does not define forward'.format(type(self).__name__))

    def __repr__(self):
        return '<{}>'.format(type(self).__name__)


class Chain(Link):
    """Link holding named child links.

    Children are registered by assigning links inside :meth:`init_scope`.
    Parameter paths are prefixed with the child names ('/l1/W').

    Parameters
    ----------
    **links
        Deprecated: children registered by keyword.

    Examples
    --------
    >>> c = chainer.Chain()
    >>> with c.init_scope():
    ...     c.fc = chainer.links.Linear(2, 3)
    >>> [name for name, _ in c.namedlinks()]
    ['/', '/fc']
    """

    def __init__(self, **links):
        super(Chain, self).__init__()
        self._children = set()
        for name, link in links.items():
            self.add_link(name, link)

    def __getitem__(self, name):
        """Return the attribute (child link) called ``name``."""
        return getattr(self, name)

    def __setattr__(self, name, value):
        if self.within_init_scope and isinstance(value, Link):
            if hasattr(self, name):
                raise AttributeError(
                    'cannot register a new link %s: attribute exists' % name)
            value.name = name
            self._children.add(name)
        super(Chain, self).__setattr__(name, value)

    def __delattr__(self, name):
        self._children.discard(name)
        super(Chain, self).__delattr__(name)

    def add_link(self, name, link):
        """Register ``link`` as the child ``name``."""
        if name in self.__dict__:
            raise AttributeError(
                'cannot register a new link %s: attribute exists' % name)
        if not isinstance(link, Link):
            raise TypeError('cannot register a non-link object as a child')
        with self.init_scope():
            setattr(self, name, link)

    def copy(self, mode='share'):
        ret = super(Chain, self).copy(mode)
        if mode in ('copy', 'init'):
            return ret  # deep copies already duplicated the children
        ret._children = set(ret._children)
        d = ret.__dict__
        for name in ret._children:
            copied = d[name].copy(mode)
            copied.name = name
            d[name] = copied
        return ret

    def params(self, include_uninit=True):
        for param in super(Chain, self).params(include_uninit):
            yield param
        d = self.__dict__
        for name in sorted(self._children):
            for param in d[name].params(include_uninit):
                yield param

    def namedparams(self, include_uninit=True):
        for ret in super(Chain, self).namedparams(include_uninit):
            yield ret
        d = self.__dict__
        for name in sorted(self._children):
            prefix = '/' + name
            for path, param in d[name].namedparams(include_uninit):
                yield prefix + path, param

    def links(self, skipself=False):
        if not skipself:
            yield self
        d = self.__dict__
        for name in sorted(self._children):
            for link in d[name].links():
                yield link

    def namedlinks(self, skipself=False):
        if not skipself:
            yield '/', self
        d = self.__dict__
        for name in sorted(self._children):
            child = d[name]
            prefix = '/' + name
            yield prefix, child
            for path, link in child.namedlinks(True):
                yield prefix + path, link

    def children(self):
        d = self.__dict__
        for name in sorted(self._children):
            yield d[name]

    def copyparams(self, link, copy_persistent=True):
        super(Chain, self).copyparams(link, copy_persistent)
        src = link.__dict__
        dst = self.__dict__
        for name in self._children:
            dst[name].copyparams(src[name], copy_persistent)

    def addgrads(self, link):
        super(Chain, self).addgrads(link)
        src = link.__dict__
        dst = self.__dict__
        for name in self._children:
            dst[name].addgrads(src[name])

    def serialize(self, serializer):
        super(Chain, self).serialize(serializer)
        d = self.__dict__
        for name in sorted(self._children):
            d[name].serialize(serializer[name])


class ChainList(Link):
    """Link holding an ordered list of child links, named '0', '1', ...

    Parameters
    ----------
    *links : Link
        Initial children.

    Examples
    --------
    >>> cl = chainer.ChainList(chainer.links.Linear(2, 3),
    ...                        chainer.links.Linear(3, 1))
    >>> len(cl), [name for name, _ in cl.namedparams()][:2]
    (2, ['/0/W', '/0/b'])
    """

    def __init__(self, *links):
        super(ChainList, self).__init__()
        self._children = []
        for link in links:
            self.add_link(link)

    def __setattr__(self, name, value):
        if self.within_init_scope and isinstance(value, Link):
            raise TypeError(
                'cannot register a new link within a "with chainlist.'
                'init_scope():" block.')
        super(ChainList, self).__setattr__(name, value)

    def __getitem__(self, index):
        """Return the child (or list of children for a slice)."""
        return self._children[index]

    def __iter__(self):
        return iter(self._children)

    def __len__(self):
        return len(self._children)

    def add_link(self, link):
        """Append ``link`` as the next child."""
        if not isinstance(link, Link):
            raise TypeError('cannot register a non-link object as a child')
        link.name = str(len(self._children))
        self._children.append(link)

    def append(self, link):
        """Same as :meth:`add_link`."""
        self.add_link(link)

    def copy(self, mode='share'):
        ret = super(ChainList, self).copy(mode)
        if mode in ('copy', 'init'):
            return ret
        ret._children = list(ret._children)
        children = ret._children
        for i, child in enumerate(children):
            child = child.copy(mode)
            child.name = str(i)
            children[i] = child
        return ret

    def params(self, include_uninit=True):
        for param in super(ChainList, self).params(include_uninit):
            yield param
        for link in self._children:
            for param in link.params(include_uninit):
                yield param

    def namedparams(self, include_uninit=True):
        for ret in super(ChainList, self).namedparams(include_uninit):
            yield ret
        for idx, link in enumerate(self._children):
            prefix = '/%d' % idx
            for path, param in link.namedparams(include_uninit):
                yield prefix + path, param

    def links(self, skipself=False):
        if not skipself:
            yield self
        for child in self._children:
            for link in child.links():
                yield link

    def namedlinks(self, skipself=False):
        if not skipself:
            yield '/', self
        for idx, child in enumerate(self._children):
            prefix = '/%d' % idx
            yield prefix, child
            for path, link in child.namedlinks(True):
                yield prefix + path, link

    def children(self):
        for child in self._children:
            yield child

    def copyparams(self, link, copy_persistent=True):
        super(ChainList, self).copyparams(link, copy_persistent)
        for idx, child in enumerate(self._children):
            child.copyparams(link._children[idx], copy_persistent)

    def addgrads(self, link):
        super(ChainList, self).addgrads(link)
        for idx, child in enumerate(self._children):
            child.addgrads(link._children[idx])

    def serialize(self, serializer):
        super(ChainList, self).serialize(serializer)
        for idx, child in enumerate(self._children):
            child.serialize(serializer['%d' % idx])


def _sequential():
    from chainer import sequential
    return sequential.Sequential


def __getattr__(name):
    # ``chainer.link.Sequential`` lives in chainer.sequential, which
    # imports this module; resolve it on first access.
    if name == 'Sequential':
        return _sequential()
    raise AttributeError(
        'module {!r} has no attribute {!r}'.format(__name__, name))

"""Optimizers: update rules, hyperparameters and optimizer hooks.

An :class:`Optimizer` is set up on a link; a :class:`GradientMethod`
gives each parameter an :class:`UpdateRule` whose
:class:`Hyperparameter` falls back on the optimizer's.

Examples
--------
>>> import chainer.links as L
>>> model = L.Linear(2, 1)
>>> opt = chainer.optimizers.SGD(lr=0.1).setup(model)
>>> model.W.update_rule.hyperparam.lr
0.1
"""
import collections
import copy
import warnings

import numpy

import chainer
from chainer import link as link_module


class Hyperparameter(object):
    """Set of hyperparameter values that falls back on a parent.

    Attribute lookups not found here go to the parent, so an update rule
    sees the optimizer's values unless it overrides them.

    Parameters
    ----------
    parent : Hyperparameter, optional

    Examples
    --------
    >>> parent = chainer.optimizer.Hyperparameter()
    >>> parent.lr = 0.1
    >>> child = chainer.optimizer.Hyperparameter(parent)
    >>> child.lr
    0.1
    >>> child.lr = 0.2
    >>> parent.lr, child.lr
    (0.1, 0.2)
    """

    def __init__(self, parent=None):
        self._parent = parent

    def __getattr__(self, name):
        if '_parent' not in self.__dict__:
            raise AttributeError('_parent is not set up yet')
        return getattr(self._parent, name)

    def __repr__(self):
        d = self.get_dict()
        keys = sorted(d.keys())
        values_repr = ', '.join('%s=%s' % (k, d[k]) for k in keys)
        return 'Hyperparameter(%s)' % values_repr

    @property
    def parent(self):
        """Parent hyperparameter or None."""
        return self._parent

    def set_parent(self, parent):
        """Replace the parent."""
        self._parent = parent

    def get_dict(self):
        """Return all values (own values override the parent's)."""
        d = {} if self._parent is None else self._parent.get_dict()
        for k, v in self.__dict__.items():
            if k != '_parent':
                d[k] = v
        return d


class HyperparameterProxy(object):
    """Descriptor exposing ``optimizer.hyperparam.<name>`` as an attribute.

    Examples
    --------
    >>> opt = chainer.optimizers.SGD(lr=0.5)
    >>> opt.lr = 0.25
    >>> opt.hyperparam.lr
    0.25
    """

    def __init__(self, attr_name):
        self._attr_name = attr_name
        self.__doc__ = 'Alias to ``self.hyperparam.{}``'.format(attr_name)

    def __get__(self, obj, type=None):
        if obj is None:
            return self
        return getattr(obj.hyperparam, self._attr_name)

    def __set__(self, obj, value):
        setattr(obj.hyperparam, self._attr_name, value)


def _check_hook_timing(timing):
    if timing not in ('pre', 'post', 'auto'):
        raise ValueError("timing must be one of ('pre', 'post', 'auto')")


class UpdateRule(object):
    """Rule updating one parameter, with its own state and hooks.

    Subclasses implement :meth:`init_state` (create ``self.state``
    entries) and :meth:`update_core_cpu` / :meth:`update_core_gpu`.

    Parameters
    ----------
    parent_hyperparam : Hyperparameter, optional
        Fallback values (usually the optimizer's).

    Attributes
    ----------
    enabled : bool
        When False :meth:`update` does nothing.
    hyperparam : Hyperparameter
    t : int
        Number of updates done.
    """

    is_elementwise = False

    def __init__(self, parent_hyperparam=None):
        self._pre_update_hooks = collections.OrderedDict()
        self._post_update_hooks = collections.OrderedDict()
        self._state = None
        self.enabled = True
        self.hyperparam = Hyperparameter(parent_hyperparam)
        self.t = 0

    @property
    def state(self):
        """Dict of state arrays (None before the first update)."""
        return self._state

    def add_hook(self, hook, name=None, timing='auto'):
        """Add a hook ``hook(rule, param)`` called around each update.

        Parameters
        ----------
        hook : callable
        name : str, optional
            Defaults to ``hook.name`` or ``hook.__name__``.
        timing : {'pre', 'post', 'auto'}
            'auto' uses ``hook.timing`` (default 'pre').
        """
        if not callable(hook):
            raise TypeError('hook function must be callable')
        _check_hook_timing(timing)
        if timing == 'auto':
            timing = getattr(hook, 'timing', 'pre')
        if name is None:
            name = getattr(hook, 'name', getattr(hook, '__name__', None))
            if name is None:
                raise ValueError(
                    'the name of the hook function is not specified')
        if name in self._pre_update_hooks or name in self._post_update_hooks:
            raise ValueError('hook "{}" already exists'.format(name))
        if timing == 'pre':
            self._pre_update_hooks[name] = hook
        else:
            self._post_update_hooks[name] = hook

    def remove_hook(self, name):
        """Remove the hook registered as ``name``."""
        try:
            del self._pre_update_hooks[name]
        except KeyError:
            del self._post_update_hooks[name]

    def update(self, param):
        """Update ``param`` (pre hooks, :meth:`update_core`, post hooks)."""
        if not self.enabled:
            return
        self.t += 1
        self._prepare(param)
        for hook in self._pre_update_hooks.values():
            hook(self, param)
        self.update_core(param)
        for hook in self._post_update_hooks.values():
            hook(self, param)

    def update_core(self, param):
        """Dispatch to the CPU or GPU implementation."""
        with chainer.using_device(param.device):
            if param.device.xp is numpy:
                self.update_core_cpu(param)
            else:
                self.update_core_gpu(param)

    def update_core_cpu(self, param):
        raise NotImplementedError

    def update_core_gpu(self, param):
        # Array code written with ``xp`` works on both; rules override
        # this only to fuse kernels.
        self.update_core_cpu(param)

    def init_state(self, param):
        """Create the state arrays for ``param`` (none by default)."""
        pass

    def _prepare(self, param):
        with chainer.using_device(param.device):
            state = self._state
            if state is None:
                state = self._state = {}
                self.init_state(param)
            # State loaded from a file (or created on another device)
            # follows the parameter.
            for name, value in state.items():
                if isinstance(value, chainer.get_array_types()):
                    state[name] = param.device.send(value)

    def serialize(self, serializer):
        """Save or load ``t`` and the state arrays."""
        self.t = serializer('t', self.t)
        from chainer import serializer as serializer_module
        if self.state is None:
            if isinstance(serializer, serializer_module.Deserializer):
                # Learn the state's keys by initialising a dummy state;
                # the shallow copy shares the new ``_state`` dict.
                self._state = {}
                self_copy = copy.copy(self)
                arr = numpy.empty(1, dtype=numpy.float32)
                self_copy.init_state(chainer.Variable(arr, grad=arr))
                for key in list(self._state):
                    try:
                        value = serializer(key, None)
                    except KeyError:
                        if self.enabled:
                            raise
                        value = None
                    if value is None:
                        # Not in the snapshot: let the first update create
                        # the state.
                        self._state = None
                        break
                    self._state[key] = value
        else:
            for key in self._state:
                self._state[key] = serializer(key, self._state[key])


class Optimizer(object):
    """Base class of optimizers.

    Attributes
    ----------
    target : Link
        Set by :meth:`setup`.
    t : int
        Number of :meth:`update` calls.
    epoch : int
        Counted by :meth:`new_epoch`.
    """

    target = None
    t = 0
    epoch = 0
    _pre_update_hooks = None
    _post_update_hooks = None
    _loss_scale = None
    use_auto_new_epoch = False

    def setup(self, link):
        """Set the link to optimize; returns ``self``."""
        if not isinstance(link, link_module.Link):
            raise TypeError('optimization target must be a link')
        self.target = link
        self.t = 0
        self.epoch = 0
        self._pre_update_hooks = collections.OrderedDict()
        self._post_update_hooks = collections.OrderedDict()
        return self

    def update(self, lossfun=None, *args, **kwds):
        """Update parameters (see :meth:`GradientMethod.update`)."""
        raise NotImplementedError

    def new_epoch(self, auto=False):
        """Increment :attr:`epoch`.

        Parameters
        ----------
        auto : bool
            Must match ``use_auto_new_epoch`` (updaters pass True).
        """
        if auto:
            if not self.use_auto_new_epoch:
                raise RuntimeError('invalid new_epoch call with auto=True.\n'
                                   'Fix the optimizer to use new_epoch with '
                                   'auto=True.')
        elif self.use_auto_new_epoch:
            raise RuntimeError('duplicated new_epoch with the auto new_epoch'
                               '.\nFix to call new_epoch without auto=True.')
        self.epoch += 1

    def add_hook(self, hook, name=None, timing='auto'):
        """Register an optimizer hook.

        Parameters
        ----------
        hook : callable
            Called as ``hook(optimizer)``, or ``hook(rule, param)`` for
            each parameter when ``hook.call_for_each_param`` is True.
        name : str, optional
            Defaults to ``hook.name``.
        timing : {'pre', 'post', 'auto'}
            Before or after the parameter updates; 'auto' reads
            ``hook.timing`` (default 'pre').
        """
        if not callable(hook):
            raise TypeError('hook function is not callable')
        if self._pre_update_hooks is None:
            raise RuntimeError('call `setup` method before `add_hook` method')
        _check_hook_timing(timing)
        if timing == 'auto':
            timing = getattr(hook, 'timing', None)
            if timing is None:
                warnings.warn(
                    "Hook timing attribute not in {}. Changing to default "
                    "timing = 'pre'.".format(hook), FutureWarning)
                timing = 'pre'
        if name is None:
            name = getattr(hook, 'name', getattr(hook, '__name__', None))
        if name in self._pre_update_hooks or name in self._post_update_hooks:
            raise KeyError('hook "{}" already exists'.format(name))
        if timing == 'pre':
            self._pre_update_hooks[name] = hook
        else:
            self._post_update_hooks[name] = hook

    def remove_hook(self, name):
        """Remove the hook registered as ``name``."""
        try:
            del self._pre_update_hooks[name]
        except KeyError:
            del self._post_update_hooks[name]

    def call_hooks(self, timing='pre'):
        """Call the hooks registered for ``timing`` in insertion order."""
        if timing not in ('pre', 'post'):
            raise ValueError("timing must be either 'pre' or 'post'")
        hooks = (self._pre_update_hooks if timing == 'pre'
                 else self._post_update_hooks)
        for hook in hooks.values():
            self._call_hook(hook)
            self.reallocate_cleared_grads()

    def _call_hook(self, hook):
        if getattr(hook, 'call_for_each_param', False):
            for param in self.target.params():
                hook(param.update_rule, param)
        else:
            hook(self)

    def reallocate_cleared_grads(self):
        """Give zero gradients to initialised params without one."""
        for name, param in self.target.namedparams(False):
            if param.grad is None:
                device = param.device
                with chainer.using_device(device):
                    param._set_grad_without_check(
                        device.xp.zeros_like(param.array))

    def serialize(self, serializer):
        """Save or load ``t``, ``epoch`` and every update rule's state."""
        self.t = serializer('t', self.t)
        self.epoch = serializer('epoch', self.epoch)
        for name, param in self.target.namedparams():
            rule = getattr(param, 'update_rule', None)
            if rule is not None:
                rule.serialize(serializer[name])


class GradientMethod(Optimizer):
    """Optimizer updating each parameter from its gradient.

    Subclasses implement :meth:`create_update_rule`.

    Attributes
    ----------
    hyperparam : Hyperparameter
        Parent of every update rule's hyperparameters.
    """

    def __init__(self):
        super(GradientMethod, self).__init__()
        self.hyperparam = Hyperparameter()

    def setup(self, link):
        super(GradientMethod, self).setup(link)
        for param in link.params():
            param.update_rule = self.create_update_rule()
        return self

    def create_update_rule(self):
        """Return a new :class:`UpdateRule` for one parameter."""
        raise NotImplementedError

    def update(self, lossfun=None, *args, **kwds):
        """Update all parameters of the target.

        Parameters
        ----------
        lossfun : callable, optional
            If given, gradients are cleared, ``lossfun(*args, **kwds)`` is
            called and backpropagated first; otherwise the gradients
            already stored are used.

        Examples
        --------
        >>> model = chainer.links.Linear(1, 1, initialW=1., initial_bias=0.)
        >>> opt = chainer.optimizers.SGD(lr=0.5).setup(model)
        >>> x = numpy.ones((1, 1), numpy.float32)
        >>> opt.update(lambda: chainer.functions.sum(model(x)))
        >>> model.W.array
        array([[0.5]], dtype=float32)
        """
        if lossfun is not None:
            use_cleargrads = getattr(self, '_use_cleargrads', True)
            loss = lossfun(*args, **kwds)
            if use_cleargrads:
                self.target.cleargrads()
            else:
                self.target.zerograds()
            loss.backward(loss_scale=self._loss_scale)
            del loss
        self.reallocate_cleared_grads()
        self.call_hooks('pre')
        self.t += 1
        for param in self.target.params():
            param.update()
        self.reallocate_cleared_grads()
        self.call_hooks('post')

    def use_cleargrads(self, use=True):
        """Deprecated switch between cleargrads (True) and zerograds."""
        warnings.warn('GradientMethod.use_cleargrads is deprecated.',
                      DeprecationWarning)
        self._use_cleargrads = use

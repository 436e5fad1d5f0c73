"""Classifier: wraps a predictor with a loss and accuracy."""
import importlib

import chainer
from chainer import link


def _report(values, observer):
    # chainer.reporter is optional; without it nothing is reported.
    try:
        reporter = importlib.import_module('chainer.reporter')
    except ModuleNotFoundError as e:
        if e.name != 'chainer.reporter':
            raise
        return
    reporter.report(values, observer)


class Classifier(link.Chain):
    """Predictor plus loss: ``loss = lossfun(predictor(*x), t)``.

    The loss (and, when :attr:`compute_accuracy`, the accuracy) is
    reported with ``chainer.report`` under 'loss' and 'accuracy'.

    Parameters
    ----------
    predictor : Link
        Registered as the child ``predictor``.
    lossfun : callable, optional
        Defaults to ``chainer.functions.softmax_cross_entropy``.
    accfun : callable, optional
        Defaults to ``chainer.functions.accuracy``.
    label_key : int or str
        Which positional (int) or keyword (str) argument is the label.

    Attributes
    ----------
    y, loss, accuracy
        Results of the last call.
    compute_accuracy : bool

    Examples
    --------
    >>> model = chainer.links.Classifier(chainer.links.Linear(3, 2))
    >>> [name for name, _ in model.namedparams()]
    ['/predictor/W', '/predictor/b']
    """

    compute_accuracy = True

    def __init__(self, predictor, lossfun=None, accfun=None, label_key=-1):
        if not isinstance(label_key, (int, str)):
            raise TypeError('label_key must be int or str, but is %s'
                            % type(label_key))
        super(Classifier, self).__init__()
        if lossfun is None:
            lossfun = chainer.functions.softmax_cross_entropy
        if accfun is None:
            accfun = chainer.functions.accuracy
        self.lossfun = lossfun
        self.accfun = accfun
        self.y = None
        self.loss = None
        self.accuracy = None
        self.label_key = label_key
        with self.init_scope():
            self.predictor = predictor

    def forward(self, *args, **kwargs):
        """Compute and return the loss; the label is taken out of the
        arguments according to ``label_key``."""
        if isinstance(self.label_key, int):
            if not (-len(args) <= self.label_key < len(args)):
                raise ValueError(
                    'Label key %d is out of bounds' % self.label_key)
            t = args[self.label_key]
            if self.label_key == -1:
                args = args[:-1]
            else:
                args = args[:self.label_key] + args[self.label_key + 1:]
        else:
            if self.label_key not in kwargs:
                raise ValueError(
                    'Label key "%s" is not found' % self.label_key)
            t = kwargs.pop(self.label_key)

        self.y = None
        self.loss = None
        self.accuracy = None
        self.y = self.predictor(*args, **kwargs)
        self.loss = self.lossfun(self.y, t)
        _report({'loss': self.loss}, self)
        if self.compute_accuracy:
            self.accuracy = self.accfun(self.y, t)
            _report({'accuracy': self.accuracy}, self)
        return self.loss

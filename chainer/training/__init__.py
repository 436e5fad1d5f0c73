"""Training loop abstraction: trainer, updaters, triggers and extensions.

Examples
--------
>>> from chainer import training
>>> from chainer.training import extensions
>>> updater = training.updaters.StandardUpdater(  # doctest: +SKIP
...     train_iter, optimizer, device=-1)
>>> trainer = training.Trainer(updater, (20, 'epoch'))  # doctest: +SKIP
>>> trainer.extend(extensions.LogReport())  # doctest: +SKIP
>>> trainer.run()  # doctest: +SKIP
"""

from chainer.training import extension  # NOQA
from chainer.training import util  # NOQA
from chainer.training import trigger  # NOQA
from chainer.training import triggers  # NOQA
from chainer.training import updater  # NOQA
from chainer.training import updaters  # NOQA
from chainer.training import trainer  # NOQA
from chainer.training import extensions  # NOQA

from chainer.training.extension import Extension  # NOQA
from chainer.training.extension import make_extension  # NOQA
from chainer.training.extension import PRIORITY_EDITOR  # NOQA
from chainer.training.extension import PRIORITY_READER  # NOQA
from chainer.training.extension import PRIORITY_WRITER  # NOQA
from chainer.training.trainer import Trainer  # NOQA
from chainer.training.trigger import IntervalTrigger  # NOQA
from chainer.training.updater import Updater  # NOQA
from chainer.training.updaters import StandardUpdater  # NOQA
from chainer.training.util import get_trigger  # NOQA

"""Extensions saving snapshots of the trainer or of any object."""
import os
import shutil
import tempfile

from chainer.training import extension


def _default_savefun():
    # Imported lazily so that ``chainer.training`` does not require the
    # serializers package at import time.
    from chainer.serializers import npz
    return npz.save_npz


def _default_loadfun():
    from chainer.serializers import npz
    return npz.load_npz


def snapshot_object(target, filename, savefun=None, **kwargs):
    """Returns a trainer extension to take snapshots of a given object.

    Parameters
    ----------
    target : object
        Object to serialize, e.g. a model or an optimizer.
    filename : str or callable
        Name of the file, formatted with the trainer (e.g.
        ``'model_iter_{.updater.iteration}'``), or a function returning the
        name given the trainer.
    savefun : callable, optional
        Called as ``savefun(path, target)``; ``save_npz`` by default.
    **kwargs
        ``condition``, ``snapshot_on_error``, ``n_retains`` and
        ``autoload`` as in :func:`snapshot`.

    Returns
    -------
    Extension
        Snapshot extension (by default once per epoch).
    """
    return snapshot(target=target, filename=filename, savefun=savefun,
                    **kwargs)


def snapshot(savefun=None, filename='snapshot_iter_{.updater.iteration}',
             **kwargs):
    """Returns a trainer extension to take snapshots of the trainer.

    The snapshot contains the whole training state (updater, iterators,
    optimizers, models, extensions and triggers), so
    ``chainer.serializers.load_npz(path, trainer)`` resumes the training.
    The file is written to a temporary name in ``trainer.out`` and then
    renamed, so a crash never leaves a truncated snapshot.

    Parameters
    ----------
    savefun : callable, optional
        Called as ``savefun(path, target)``; ``save_npz`` by default.
    filename : str or callable, optional
        Name of the file, formatted with the trainer, or a function
        returning it given the trainer.
    target : object, optional
        Object to save instead of the trainer.
    condition : callable, optional
        Called without arguments; the snapshot is taken only if it returns
        True.
    snapshot_on_error : bool, optional
        Also take a snapshot when the training loop fails.
    n_retains : int, optional
        Number of snapshot files to keep (all when not positive); older
        files matching ``filename`` are removed.
    autoload : bool, optional
        Before training, load the latest snapshot matching ``filename`` in
        ``trainer.out`` (it must have been saved with ``save_npz``).

    Returns
    -------
    Extension
        Snapshot extension (by default once per epoch).

    Examples
    --------
    >>> trainer.extend(extensions.snapshot(),  # doctest: +SKIP
    ...                trigger=(10, 'epoch'))
    """
    known = ('target', 'condition', 'snapshot_on_error', 'n_retains',
             'autoload')
    unexpected = [k for k in kwargs if k not in known]
    if unexpected:
        raise TypeError('got unexpected keyword argument(s) {}'.format(
            ', '.join(sorted(unexpected))))
    return _Snapshot(savefun=savefun, filename=filename, **kwargs)


def _always_true():
    return True


class _Snapshot(extension.Extension):

    trigger = 1, 'epoch'
    # Runs after every other extension, so the saved state includes what
    # they recorded in this iteration.
    priority = -100

    def __init__(self, target=None, condition=None, savefun=None,
                 filename='snapshot_iter_{.updater.iteration}',
                 snapshot_on_error=False, n_retains=-1, autoload=False):
        if condition is None:
            condition = _always_true
        self._target = target
        self.filename = filename
        self.condition = condition
        self._savefun = savefun
        self._snapshot_on_error = snapshot_on_error
        self.n_retains = n_retains
        self.autoload = autoload

    def initialize(self, trainer):
        if not self.autoload or not isinstance(self.filename, str):
            return
        target = trainer if self._target is None else self._target
        filename = _find_latest_snapshot(self.filename, trainer.out)
        if filename is not None:
            _default_loadfun()(os.path.join(trainer.out, filename), target)

    def on_error(self, trainer, exc, tb):
        if self._snapshot_on_error:
            self._make_snapshot(trainer)

    def __call__(self, trainer):
        if self.condition():
            self._make_snapshot(trainer)

    def _make_snapshot(self, trainer):
        target = trainer if self._target is None else self._target
        filename = self.filename
        if callable(filename):
            filename = filename(trainer)
        else:
            filename = filename.format(trainer)
        savefun = self._savefun or _default_savefun()
        outdir = trainer.out
        os.makedirs(outdir, exist_ok=True)
        tmpdir = tempfile.mkdtemp(prefix='tmp' + filename, dir=outdir)
        try:
            tmppath = os.path.join(tmpdir, filename)
            savefun(tmppath, target)
            shutil.move(tmppath, os.path.join(outdir, filename))
        finally:
            shutil.rmtree(tmpdir, ignore_errors=True)
        if self.n_retains > 0 and isinstance(self.filename, str):
            for stale in _find_stale_snapshots(
                    self.filename, outdir, self.n_retains):
                os.remove(os.path.join(outdir, stale))


def _find_snapshot_files(fmt, path):
    # Files whose names share the fixed prefix and suffix of the template,
    # oldest first.
    prefix = fmt.split('{')[0]
    suffix = fmt.split('}')[-1]
    if not os.path.isdir(path):
        return []
    matched = [f for f in os.listdir(path)
               if f.startswith(prefix) and f.endswith(suffix)
               and os.path.isfile(os.path.join(path, f))]
    return sorted((os.stat(os.path.join(path, f)).st_mtime, f)
                  for f in matched)


def _find_latest_snapshot(fmt, path):
    files = _find_snapshot_files(fmt, path)
    if files:
        return files[-1][1]
    return None


def _find_stale_snapshots(fmt, path, n_retains):
    files = _find_snapshot_files(fmt, path)
    num_remove = len(files) - n_retains
    return [f for _, f in files[:max(num_remove, 0)]]

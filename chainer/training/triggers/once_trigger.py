"""Trigger firing only once."""


class OnceTrigger(object):
    """Trigger based on the starting point of the iteration.

    Fires once, at its first call (which happens after the first update,
    or before training when ``call_on_resume`` is set and training resumes).

    Parameters
    ----------
    call_on_resume : bool, optional
        Whether the extension is called again when training resumes.
    """

    def __init__(self, call_on_resume=False):
        self._flag_first = True
        self._flag_resumed = call_on_resume

    @property
    def finished(self):
        return not (self._flag_first or self._flag_resumed)

    def __call__(self, trainer):
        fire = not self.finished
        self._flag_resumed = False
        self._flag_first = False
        return fire

    def serialize(self, serializer):
        self._flag_first = serializer('_flag_first', self._flag_first)

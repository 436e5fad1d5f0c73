"""Terminal progress bar drawing shared by progress extensions."""
import sys
import time


class ProgressBar(object):
    """Redraws a block of lines in place on a terminal.

    Subclasses implement :meth:`get_lines`.  Each :meth:`update` erases
    everything below the cursor, writes the lines, and moves the cursor
    back up so that the next update overwrites them (ANSI escape
    sequences ``ESC[J`` and ``ESC[nA``).

    Parameters
    ----------
    out : file-like, optional
        Output stream, ``sys.stdout`` by default.
    """

    def __init__(self, out=None):
        self._out = sys.stdout if out is None else out
        self._recent_timing = []

    def update_speed(self, iteration, epoch_detail):
        """Records a timing point and returns the recent speeds.

        The speed is measured over the last (at most 10) recorded points, so
        it follows changes in throughput.

        Returns
        -------
        tuple
            ``(iterations per second, epochs per second)``.
        """
        now = time.time()
        self._recent_timing.append((iteration, epoch_detail, now))
        old_t, old_e, old_sec = self._recent_timing[0]
        span = now - old_sec
        if span != 0:
            speed_t = (iteration - old_t) / span
            speed_e = (epoch_detail - old_e) / span
        else:
            speed_t = float('inf')
            speed_e = float('inf')

        if len(self._recent_timing) > 10:
            del self._recent_timing[0]
        return speed_t, speed_e

    def get_lines(self):
        """Returns the lines (each ending with a newline) to draw."""
        raise NotImplementedError

    def update(self):
        """Redraws the progress bar."""
        self.erase_console()

        lines = self.get_lines()
        for line in lines:
            self._out.write(line)

        self.move_cursor_up(len(lines))
        self.flush()

    def close(self):
        """Erases the progress bar."""
        self.erase_console()
        self.flush()

    def erase_console(self):
        """Erases the console below the cursor."""
        self._out.write('\033[J')

    def move_cursor_up(self, n):
        """Moves the cursor to the head of the progress bar."""
        self._out.write('\033[{:d}A'.format(n))

    def flush(self):
        if hasattr(self._out, 'flush'):
            self._out.flush()

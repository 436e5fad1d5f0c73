"""Timing helpers shared by benchmark cases: repeat a callable, synchronise, keep robust statistics."""
import statistics
import time


def measure(fn, *, sync=None, number=None, repeat=7, target_s=0.05):
    """Time ``fn()``; return seconds per call (median over ``repeat`` runs of ``number`` calls).

    ``sync`` is called after each run so asynchronous device work is included. ``number`` is chosen
    so that one run takes about ``target_s`` unless given.
    """
    sync = sync or (lambda: None)
    fn()
    sync()
    if number is None:
        number = 1
        while True:
            t0 = time.perf_counter()
            for _ in range(number):
                fn()
            sync()
            dt = time.perf_counter() - t0
            if dt >= target_s or number >= 1 << 20:
                break
            number *= 2 if dt == 0 else max(2, min(10, int(target_s / max(dt, 1e-9)) + 1))
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        sync()
        runs.append((time.perf_counter() - t0) / number)
    return {"median_s": statistics.median(runs), "min_s": min(runs), "number": number, "repeat": repeat}

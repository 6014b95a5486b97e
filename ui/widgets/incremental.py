"""Progressive building: the rows a clerk sees first are built at once, the rest right after the first paint.

A big merged form (24 fields + 20 materials) costs a few hundred widgets; building only the first
screen before showing keeps opening a case under ~50 ms, and the remaining rows arrive in small
slices of the event loop (a clerk cannot scroll that fast). ``finish()`` builds everything now, for
code that needs the whole form (validation, prefill, tests).

Each slice builds twice as many rows as exist already (``chunk`` at the least), so the form triples
from pass to pass: n rows take about log₃ n passes of the event loop, and the re-layouts and repaints
that follow each pass (each over the whole form so far) add up to under 1.5× the last one — linear in
n. Fixed slices of 4 rows made it n/4 passes over a growing form: quadratic (bench/form.py).
"""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import QObject, QTimer, Signal


class Incremental(QObject):
    """Runs ``steps`` in order: ``first`` of them now, the rest from the event loop in growing slices
    (each runs ``max(chunk, 2 × the steps run so far)``).

    Signals:
        done(): every step ran.
    """

    done = Signal()

    def __init__(self, steps: list[Callable[[], None]], *, first: int, chunk: int = 4,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = list(steps)
        self._steps.reverse()  # popped from the end: O(1) a step
        self._chunk = chunk
        self._ran = 0
        self._run(first)
        if self._steps:
            QTimer.singleShot(0, self, self._next)
        else:
            QTimer.singleShot(0, self, self.done.emit)

    @property
    def complete(self) -> bool:
        return not self._steps

    def cancel(self) -> None:
        """Drops the steps not run yet (the rows they would build are gone)."""
        self._steps = []

    def finish(self) -> None:
        if self._steps:
            self._run(len(self._steps))
            self.done.emit()

    def _run(self, n: int) -> None:
        for _ in range(min(n, len(self._steps))):
            self._steps.pop()()
            self._ran += 1

    def _next(self) -> None:
        if not self._steps:
            return
        self._run(max(self._chunk, 2 * self._ran))
        if self._steps:
            QTimer.singleShot(0, self, self._next)
        else:
            self.done.emit()

"""Progressive building (``ui.widgets.incremental``): every step once, in order, in slices that grow, so a
form of n rows takes O(log n) passes of the event loop (each followed by a re-layout of the form so far)."""

from __future__ import annotations

import pytest

from ui.widgets.incremental import Incremental

pytestmark = pytest.mark.gui


class Counted(Incremental):
    """Records the steps each pass of the event loop ran (the first "slice" is the one before showing)."""

    def __init__(self, n: int, first: int) -> None:
        self.ran: list[int] = []
        self.slices: list[list[int]] = [[]]
        super().__init__([lambda i=i: self._step(i) for i in range(n)], first=first)  # type: ignore[misc]

    def _step(self, i: int) -> None:
        self.ran.append(i)
        self.slices[-1].append(i)

    def _next(self) -> None:
        self.slices.append([])
        super()._next()


def _slices(qtbot, n: int, first: int) -> tuple[list[int], list[list[int]]]:  # type: ignore[no-untyped-def]
    inc = Counted(n, first)
    with qtbot.waitSignal(inc.done, timeout=10000):
        pass
    return inc.ran, inc.slices


def test_every_step_runs_once_in_order_in_slices_that_triple(qtbot) -> None:  # type: ignore[no-untyped-def]
    ran, slices = _slices(qtbot, 1000, first=8)
    assert ran == list(range(1000))
    sizes = [len(s) for s in slices]
    assert sizes[:4] == [8, 16, 48, 144]  # each slice twice what exists: the form triples a pass
    assert len(sizes) <= 7  # log₃(1000/8) + 2 passes, not 1000/4


def test_small_forms_take_one_pass_after_the_first_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    ran, slices = _slices(qtbot, 20, first=8)
    assert ran == list(range(20)) and [len(s) for s in slices] == [8, 12]


def test_finish_runs_the_rest_now_and_cancel_drops_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    ran: list[int] = []
    inc = Incremental([lambda i=i: ran.append(i) for i in range(50)], first=3)  # type: ignore[misc]
    assert ran == [0, 1, 2] and not inc.complete
    with qtbot.waitSignal(inc.done, timeout=1000):
        inc.finish()
    assert ran == list(range(50)) and inc.complete
    ran.clear()
    other = Incremental([lambda i=i: ran.append(i) for i in range(50)], first=3)  # type: ignore[misc]
    other.cancel()
    qtbot.wait(0)
    assert ran == [0, 1, 2] and other.complete

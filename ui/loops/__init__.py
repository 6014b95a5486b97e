"""Closed loops in the window (issue 19): the 办不成事 反映窗口 and this workstation's case figures as
tabs of the clerk's window; ``build_board`` makes the supervisor's 好差评与办件统计 board (hall-wide)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from clerk.figures import case_figures
from clerk.loops import HallLoops, hall_loops_for
from ui.loops.board import ComplaintsPanel, FiguresPanel, LoopsBoard
from ui.ops import TaskManager
from ui.qt import QCoreApplication
from ui.shell import Shell


def lazy_loops(ctx: Any, *, demo: bool, username: str) -> Callable[[], HallLoops]:
    """The platform's client made on first use (in a worker: demo mode may wait for its server)."""
    lock = threading.Lock()
    made: list[HallLoops] = []

    def get() -> HallLoops:
        with lock:
            if not made:
                made.append(hall_loops_for(ctx, demo=demo, username=username))
            return made[0]

    return get


class LoopsTabs:
    """What ``install`` added (for tests and scripts)."""

    def __init__(self, complaints: ComplaintsPanel, figures: FiguresPanel) -> None:
        self.complaints, self.figures = complaints, figures


def install(shell: Shell) -> LoopsTabs:
    loops = lazy_loops(shell.ctx, demo=shell.demo, username=shell.actor.username)
    complaints = ComplaintsPanel(loops, shell.tasks, window=shell.window_code or None)
    figures = FiguresPanel(lambda start, end: case_figures(shell.ctx, start, end).as_json(), shell.tasks,
                           scope=QCoreApplication.translate("MainWindow", "本机"))
    shell.add_tab(complaints, QCoreApplication.translate("MainWindow", "办不成事"))
    shell.add_tab(figures, QCoreApplication.translate("MainWindow", "办件统计"))
    shell.tab_shown.connect(lambda w: w.refresh() if w in (complaints, figures) else None)
    return LoopsTabs(complaints, figures)


def build_board(ctx: Any, tasks: TaskManager, *, demo: bool, username: str, hall_name: str = "") -> LoopsBoard:
    """The supervisor's board (``--mode supervisor`` opens it beside the queue dashboard)."""
    board = LoopsBoard(lazy_loops(ctx, demo=demo, username=username), tasks, hall_name=hall_name)
    board.refresh()
    return board

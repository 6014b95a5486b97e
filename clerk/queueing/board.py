"""What the hall display does with successive boards: spot the new calls (a recall is a new call)."""

from __future__ import annotations

from dataclasses import dataclass

from clerk.queueing.model import Board, Call, announcement, spoken


@dataclass(frozen=True)
class Announcement:
    call: Call
    text: str
    """Shown on screen: 请 A012 号到 3 号窗口办理."""
    spoken: str
    """Given to the speech synthesiser."""


class BoardWatcher:
    """Feeds boards in order; ``update`` returns the calls not seen before, oldest first.

    The first board only sets the baseline unless ``announce_initial`` (calls made before the display
    started are not read out again).
    """

    def __init__(self, *, announce_initial: bool = False) -> None:
        self._prev: tuple[Call, ...] = ()
        self._started = announce_initial
        self.board: Board | None = None

    @staticmethod
    def _shift(prev: tuple[Call, ...], new: tuple[Call, ...]) -> int:
        """How many calls were added in front: the smallest k with new[k:] == the head of prev.

        Calls carry no id and ``called_at`` has whole seconds, so a recall within the same second
        looks like the earlier call: the list's alignment, not the entries, tells what is new.
        """
        for k in range(len(new) + 1):
            rest = new[k:]
            if len(prev) >= len(rest) and tuple(c.key for c in rest) == tuple(c.key for c in prev[:len(rest)]):
                return k
        return len(new)

    def update(self, board: Board) -> list[Announcement]:
        self.board = board
        fresh = list(board.calls[:self._shift(self._prev, board.calls)])
        self._prev = board.calls
        if not self._started:
            self._started = True
            return []
        return [Announcement(c, announcement(c.ticket_no, c.window), spoken(c.ticket_no, c.window))
                for c in reversed(fresh)]

    @staticmethod
    def current_by_window(board: Board) -> dict[str, str]:
        """The latest number called at each window."""
        out: dict[str, str] = {}
        for c in board.calls:
            out.setdefault(c.window, c.ticket_no)
        return out

"""The keyboard-wedge barcode scanner: a burst of keystrokes ending in Enter that reads as a case number.

A wedge scanner "types" the code far faster than a person (a few ms per key). The filter watches
every key press application-wide without taking any: the characters reach the focused widget as
usual. Only when a fast burst (each key < ``GAP_MS`` after the previous) ends in Enter and reads as a
case number (or ``case_no-material_code``) is the Enter taken, the burst's characters removed again
from the field they landed in, and ``scanned`` emitted. Slow typing never matches.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from ui.qt import (
    QEvent,
    QKeyEvent,
    QLineEdit,
    QObject,
    QPlainTextEdit,
    Qt,
    QTextEdit,
    QWidget,
    Signal,
    cpp_address,
)

GAP_MS = 50
"""Longest pause between two keys of a scan (a person types 100+ ms apart)."""
MIN_LENGTH = 10
CASE_CODE = re.compile(r"^(?P<case>[A-Za-z0-9]+-\d{8}-[A-Za-z0-9]+-\d{3,})(?:-(?P<material>[A-Za-z0-9_.]+))?$")
"""``{org}-{yyyymmdd}-{window}-{seq}`` (clerk.intake.numbers), optionally ``-material_code`` (clerk.materials.barcodes)."""


def parse_code(text: str) -> tuple[str, str | None] | None:
    """``(case_no, material_code or None)`` for a scanned case or material barcode, else None."""
    m = CASE_CODE.match(text.strip())
    return (m.group("case"), m.group("material")) if m else None


class WedgeFilter(QObject):
    """Application-wide event filter recognising barcode-scanner bursts.

    Signals:
        scanned(str, str): case number, material code ("" for a case barcode).
    """

    scanned = Signal(str, str)

    def __init__(self, parent: QObject | None = None, *, gap_ms: int = GAP_MS,
                 active: Callable[[], bool] = lambda: True,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.gap = gap_ms / 1000.0
        self.active = active
        """False while a screen takes scans as typing (the shell's scan target): the keys pass untouched."""
        self.clock = clock
        """Seconds, read once per key press (tests put in a clock that ticks by a fixed step per key)."""
        self._buffer: list[str] = []
        self._last = 0.0
        self._target: QWidget | None = None
        self._seen: tuple[int, int, str] | None = None
        self._seen_obj: QObject | None = None

    def reset(self) -> None:
        self._buffer = []
        self._target = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(obj, QWidget) or not isinstance(event, QKeyEvent):
            return False
        if not self.active():
            self.reset()
            return False
        if self._propagated(obj, event):
            return False
        now = self.clock()
        fast = now - self._last <= self.gap
        self._last = now
        key, text = event.key(), event.text()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            burst = "".join(self._buffer)
            target = self._target
            self.reset()
            if not fast or len(burst) < MIN_LENGTH:
                return False
            parsed = parse_code(burst)
            if parsed is None:
                return False
            _remove_typed(target, burst)
            self.scanned.emit(parsed[0], parsed[1] or "")
            return True  # the Enter was the scanner's, not the clerk's
        mods = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
        if text and text.isprintable() and not mods:
            if not fast or not self._buffer:
                self._buffer = []
                self._target = obj
            self._buffer.append(text)
        elif key not in (Qt.Key.Key_Shift,):
            self.reset()
        return False

    def _propagated(self, obj: QWidget, event: QKeyEvent) -> bool:
        """True when this is the same key event travelling up to a parent (the filter sees each step)."""
        ident = (cpp_address(event), event.key(), event.text())
        prev = self._seen_obj
        same = ident == self._seen and isinstance(prev, QWidget) and _is_ancestor(obj, prev)
        self._seen, self._seen_obj = ident, obj
        return same


def _is_ancestor(parent: QWidget, child: QWidget) -> bool:
    try:
        return parent.isAncestorOf(child) and parent is not child
    except RuntimeError:  # the child was deleted meanwhile
        return False


def _remove_typed(widget: QWidget | None, text: str) -> None:
    """Takes the scanned characters out of the field they were typed into (only if they are at its end)."""
    try:
        if isinstance(widget, QLineEdit) and not widget.isReadOnly():
            if widget.text()[:widget.cursorPosition()].endswith(text):
                for _ in text:
                    widget.backspace()
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)) and not widget.isReadOnly():
            cursor = widget.textCursor()
            if widget.toPlainText()[:cursor.position()].endswith(text):
                for _ in text:
                    cursor.deletePreviousChar()
                widget.setTextCursor(cursor)
    except RuntimeError:  # the field went away meanwhile
        pass

"""A row of options that is ONE stop of the Tab order: arrows select, a digit selects and moves on.

Qt's radio buttons in a ``QButtonGroup`` are one Tab stop each way and their arrow keys only move the
focus while nothing is checked, so a clerk arrowing through 男/女 selects nothing and the next Tab
lands on the wrong field; a stray Space on an unselected button changes the answer. ``ChoiceRow``
takes the focus itself (the radio buttons are only drawn and clicked): ←/→ (and ↑/↓ unless
``vertical=False``) select the previous/next option, 1…9 select that option and move to the next
field, Space selects the first option when none is chosen. Disabled options are skipped.
"""

from __future__ import annotations

from ui.qt import (
    QButtonGroup,
    QFocusEvent,
    QHBoxLayout,
    QKeyEvent,
    QRadioButton,
    Qt,
    QWidget,
    Signal,
)

DIGITS = {getattr(Qt.Key, f"Key_{i}"): i for i in range(1, 10)}


class ChoiceRow(QWidget):
    """Options in a row, one focus stop.

    Signals:
        chosen(int): the clerk selected option ``i`` (by key or click; not ``set_index``).
    """

    chosen = Signal(int)

    def __init__(self, labels: list[str], parent: QWidget | None = None, *, numbered: bool = False,
                 vertical: bool = True, advance: bool = True, spacing: int = 16) -> None:
        super().__init__(parent)
        self.setObjectName("choiceRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.vertical, self.advance = vertical, advance
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.setSpacing(spacing)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        for i, text in enumerate(labels):
            rb = QRadioButton(f"{i + 1} {text}" if numbered and i < 9 else text, self)
            rb.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.group.addButton(rb, i)
            self.buttons.append(rb)
            row.addWidget(rb)
        row.addStretch(1)
        self.group.idClicked.connect(self._clicked)

    # -- value -----------------------------------------------------------------------------------------
    def index(self) -> int:
        return self.group.checkedId()

    def set_index(self, i: int) -> None:
        """Shows option ``i`` as chosen (-1: none) without emitting ``chosen``."""
        if 0 <= i < len(self.buttons):
            self.buttons[i].setChecked(True)
        else:
            self.group.setExclusive(False)
            for b in self.buttons:
                b.setChecked(False)
            self.group.setExclusive(True)

    def set_enabled_option(self, i: int, on: bool) -> None:
        self.buttons[i].setEnabled(on)

    def choose(self, i: int) -> None:
        """Selects option ``i`` as the clerk would (emits ``chosen`` when it changed)."""
        if not (0 <= i < len(self.buttons)) or not self.buttons[i].isEnabled():
            return
        if self.index() != i:
            self.buttons[i].setChecked(True)
            self.chosen.emit(i)

    # -- keys ------------------------------------------------------------------------------------------
    def _step(self, delta: int) -> None:
        n = len(self.buttons)
        i = self.index()
        start = i if i >= 0 else (-1 if delta > 0 else n)
        j = start + delta
        while 0 <= j < n and not self.buttons[j].isEnabled():
            j += delta
        if 0 <= j < n:
            self.choose(j)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, mods = event.key(), event.modifiers()
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        backwards = (Qt.Key.Key_Left, Qt.Key.Key_Up) if self.vertical else (Qt.Key.Key_Left,)
        forwards = (Qt.Key.Key_Right, Qt.Key.Key_Down) if self.vertical else (Qt.Key.Key_Right,)
        if plain and key in backwards:
            self._step(-1)
        elif plain and key in forwards:
            self._step(1)
        elif plain and key in DIGITS and DIGITS[key] <= len(self.buttons):
            i = DIGITS[key] - 1
            if self.buttons[i].isEnabled():
                self.choose(i)
                if self.advance:
                    self.focusNextChild()
        elif plain and key == Qt.Key.Key_Space:
            if self.index() < 0:
                self._step(1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.update()

    def _clicked(self, i: int) -> None:
        self.chosen.emit(i)
        self.setFocus(Qt.FocusReason.MouseFocusReason)

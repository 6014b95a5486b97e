"""Situation questions (情形): radio buttons whose answers switch matters, fields and materials."""

from __future__ import annotations

import functools

from clerk.catalog.schema import Bundle, Situation
from ui.qt import QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QRadioButton, QWidget, Signal


class SituationPanel(QWidget):
    """One row of radio buttons per situation of the bundle.

    Signals:
        answered(str, str): situation code, option code.
    """

    answered = Signal(str, str)

    def __init__(self, bundle: Bundle, answers: dict[str, str | list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[tuple[str, str], QRadioButton] = {}
        for r, s in enumerate(bundle.situations):
            q = QLabel(s.question, self)
            q.setObjectName("fieldLabel")
            q.setWordWrap(True)
            grid.addWidget(q, r, 0)
            row = QHBoxLayout()
            row.setSpacing(16)
            group = QButtonGroup(self)
            for i, o in enumerate(s.options):
                rb = QRadioButton(o.label, self)
                rb.setObjectName(f"situation_{s.code}_{o.code}")
                given = answers.get(s.code)  # a multiple-choice answer is a list
                rb.setChecked(given == o.code or (isinstance(given, list) and o.code in given))
                group.addButton(rb, i)
                row.addWidget(rb)
                self.buttons[(s.code, o.code)] = rb
            row.addStretch(1)
            grid.addLayout(row, r, 1)
            group.idToggled.connect(functools.partial(self._toggled, s))
            self.groups[s.code] = group
        grid.setColumnMinimumWidth(0, 180)

    def _toggled(self, situation: Situation, i: int, on: bool) -> None:
        if on:
            self.answered.emit(situation.code, situation.options[i].code)

    def first_editor(self) -> QWidget | None:
        for group in self.groups.values():
            return group.checkedButton() or group.button(0)
        return None

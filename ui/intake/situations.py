"""Situation questions (情形): one row of options per question whose answer switches matters, fields and materials.

Each row is one Tab stop (``ui.widgets.choice.ChoiceRow``): arrows or a digit change the answer; Tab
and a stray Space never do.
"""

from __future__ import annotations

import functools

from clerk.catalog.schema import Bundle, Situation
from ui.qt import QGridLayout, QLabel, QRadioButton, QWidget, Signal
from ui.widgets.choice import ChoiceRow


class SituationPanel(QWidget):
    """One ``ChoiceRow`` per situation of the bundle.

    Signals:
        answered(str, str): situation code, option code.
    """

    answered = Signal(str, str)

    def __init__(self, bundle: Bundle, answers: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self.groups: dict[str, ChoiceRow] = {}
        self.buttons: dict[tuple[str, str], QRadioButton] = {}
        for r, s in enumerate(bundle.situations):
            q = QLabel(s.question, self)
            q.setObjectName("fieldLabel")
            q.setWordWrap(True)
            grid.addWidget(q, r, 0)
            row = ChoiceRow([o.label for o in s.options], self, numbered=True, advance=False)
            row.setObjectName(f"situation_{s.code}")
            codes = [o.code for o in s.options]
            row.set_index(codes.index(answers[s.code]) if answers.get(s.code) in codes else -1)
            for o, rb in zip(s.options, row.buttons, strict=True):
                rb.setObjectName(f"situation_{s.code}_{o.code}")
                self.buttons[(s.code, o.code)] = rb
            grid.addWidget(row, r, 1)
            row.chosen.connect(functools.partial(self._toggled, s))
            self.groups[s.code] = row
        grid.setColumnMinimumWidth(0, 180)

    def _toggled(self, situation: Situation, i: int) -> None:
        self.answered.emit(situation.code, situation.options[i].code)

    def first_editor(self) -> QWidget | None:
        return next(iter(self.groups.values()), None)

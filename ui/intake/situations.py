"""Situation questions (情形): one row of options per question whose answer switches matters, fields and materials.

Each row is one Tab stop (``ui.widgets.choice.ChoiceRow``): arrows or a digit change the answer; Tab
and a stray Space never do.
"""

from __future__ import annotations

import functools

from clerk.catalog.schema import Bundle, Situation
from ui.qt import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QRadioButton, QWidget, Signal
from ui.widgets.choice import ChoiceRow


class SituationPanel(QWidget):
    """One ``ChoiceRow`` per situation of the bundle.

    Signals:
        answered(str, object): situation code, option code — or, for a multiple-choice situation (多选),
        the list of the ticked option codes.
    """

    answered = Signal(str, object)

    def __init__(self, bundle: Bundle, answers: dict[str, str | list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self.groups: dict[str, ChoiceRow] = {}
        self.ticks: dict[str, list[QCheckBox]] = {}
        self.buttons: dict[tuple[str, str], QRadioButton] = {}
        for r, s in enumerate(bundle.situations):
            q = QLabel(s.question, self)
            q.setObjectName("fieldLabel")
            q.setWordWrap(True)
            grid.addWidget(q, r, 0)
            if s.multiple:  # 多选: one box per option, Space ticks, each box a Tab stop
                box = QWidget(self)
                box.setObjectName(f"situation_{s.code}")
                line = QHBoxLayout(box)
                line.setContentsMargins(0, 0, 0, 0)
                ticked = answers.get(s.code) or []
                ticks: list[QCheckBox] = []
                for o in s.options:
                    cb = QCheckBox(o.label, box)
                    cb.setObjectName(f"situation_{s.code}_{o.code}")
                    cb.setChecked(isinstance(ticked, list) and o.code in ticked)
                    cb.toggled.connect(functools.partial(self._ticked, s, ticks))
                    ticks.append(cb)
                    line.addWidget(cb)
                line.addStretch(1)
                grid.addWidget(box, r, 1)
                self.ticks[s.code] = ticks
                continue
            row = ChoiceRow([o.label for o in s.options], self, numbered=True, advance=False)
            row.setObjectName(f"situation_{s.code}")
            codes = [o.code for o in s.options]
            given = answers.get(s.code)
            row.set_index(codes.index(given) if isinstance(given, str) and given in codes else -1)
            for o, rb in zip(s.options, row.buttons, strict=True):
                rb.setObjectName(f"situation_{s.code}_{o.code}")
                self.buttons[(s.code, o.code)] = rb
            grid.addWidget(row, r, 1)
            row.chosen.connect(functools.partial(self._toggled, s))
            self.groups[s.code] = row
        grid.setColumnMinimumWidth(0, 180)

    def _toggled(self, situation: Situation, i: int) -> None:
        self.answered.emit(situation.code, situation.options[i].code)

    def _ticked(self, situation: Situation, ticks: list[QCheckBox], _on: bool) -> None:
        self.answered.emit(situation.code, [o.code for o, cb in zip(situation.options, ticks, strict=True)
                                            if cb.isChecked()])

    def first_editor(self) -> QWidget | None:
        first = next(iter(self.groups.values()), None)
        return first if first is not None else next((t[0] for t in self.ticks.values() if t), None)

"""其他人员: each other person the merged form names — typed in its own fields, or "同申请人" / "同母亲" with one key.

The logic is ``clerk.intake.persons`` (which persons, whom each may be the same as, what that fills);
this is one ``ChoiceRow`` per person: ``1 另行填写  2 同申请人  3 同父亲 …`` — a digit picks and moves on.
"""

from __future__ import annotations

from clerk.catalog.merge import MergedForm
from clerk.intake import persons
from ui import labels
from ui.qt import QGridLayout, QLabel, QWidget, Signal
from ui.widgets.choice import ChoiceRow


class PersonLinks(QWidget):
    """The rows of the other persons of the form.

    Signals:
        changed(dict): ``{person: "applicant" | other person | ""}`` after the clerk picked one.
    """

    changed = Signal(dict)

    def __init__(self, merged: MergedForm, links: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, 150)
        self.rows: dict[str, ChoiceRow] = {}
        self.choices: dict[str, list[str]] = {}
        self.links = persons.clean_links(merged, links)
        for r, slot in enumerate(persons.others(merged)):
            choices = ["", *persons.link_choices(merged, slot.code)]
            texts = [self.tr("另行填写")] + [self.tr("同%1").replace("%1", labels.person(c)) for c in choices[1:]]
            label = QLabel(labels.person(slot.code), self)
            label.setObjectName("fieldLabel")
            grid.addWidget(label, r, 0)
            row = ChoiceRow(texts, self, numbered=True)
            row.setObjectName(f"person_{slot.code}")
            row.set_index(choices.index(self.links.get(slot.code, "")) if self.links.get(slot.code, "") in choices else 0)
            row.chosen.connect(lambda i, code=slot.code: self._chosen(code, i))
            grid.addWidget(row, r, 1)
            self.rows[slot.code] = row
            self.choices[slot.code] = choices

    @property
    def empty(self) -> bool:
        return not self.rows

    def focus_order(self) -> list[QWidget]:
        return list(self.rows.values())

    def pick(self, person: str, same_as: str) -> None:
        """Links ``person`` to ``same_as`` ("" to type it) as the clerk's key would."""
        self.rows[person].choose(self.choices[person].index(same_as))

    def _chosen(self, code: str, i: int) -> None:
        target = self.choices[code][i]
        if target:
            self.links[code] = target
        else:
            self.links.pop(code, None)
        self.changed.emit({**{c: "" for c in self.rows}, **self.links})

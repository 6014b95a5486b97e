"""The one merged form (一表申请): an editor per merged field, in catalog order, required fields marked."""

from __future__ import annotations

from typing import Any

from clerk.catalog.merge import MergedForm
from ui.intake.fields import FieldEditor, field_label
from ui.qt import QGridLayout, QWidget, Qt, Signal


class FormPanel(QWidget):
    """The generated form.

    Signals:
        changed(str, object): field code, raw value.
        left(str): field code (focus left it).
    """

    changed = Signal(str, object)
    left = Signal(str)

    def __init__(self, merged: MergedForm, values: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, 150)
        self.editors: dict[str, FieldEditor] = {}
        for r, f in enumerate(merged.fields):
            label = field_label(f)
            label.setToolTip(f.help)
            grid.addWidget(label, r, 0, Qt.AlignmentFlag.AlignTop)
            editor = FieldEditor(f, self)
            if f.code in values:
                editor.set_value(values[f.code])
            editor.changed.connect(self.changed)
            editor.left.connect(self.left)
            grid.addWidget(editor, r, 1)
            self.editors[f.code] = editor

    def values(self) -> dict[str, Any]:
        return {code: e.value() for code, e in self.editors.items()}

    def focus_order(self) -> list[QWidget]:
        out: list[QWidget] = []
        for e in self.editors.values():
            out.extend(e.editors())
        return out

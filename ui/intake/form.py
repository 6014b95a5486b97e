"""The one merged form (一表申请): an editor per merged field, in catalog order, required fields marked."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from clerk.catalog.merge import MergedForm
from ui.intake.fields import FieldEditor, field_label
from ui.qt import QGridLayout, Qt, QWidget, Signal
from ui.widgets.incremental import Incremental

FIRST_ROWS = 8
"""Rows built before the form is shown (about one screen); the rest follow progressively."""


class FormPanel(QWidget):
    """The generated form, built progressively (``ui.widgets.incremental``); ``editors`` gives the whole form.

    Signals:
        changed(str, object): field code, raw value.
        left(str): field code (focus left it).
        built(): every row exists.
    """

    changed = Signal(str, object)
    left = Signal(str)
    built = Signal()

    def __init__(self, merged: MergedForm, values: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, 150)
        self._grid = grid
        self._editors: dict[str, FieldEditor] = {}
        steps: list[Callable[[], None]] = [functools.partial(self._add_row, r, f, values)
                                           for r, f in enumerate(merged.fields)]
        self.building = Incremental(steps, first=FIRST_ROWS, parent=self)
        self.building.done.connect(self.built)

    def _add_row(self, r: int, f: Any, values: dict[str, Any]) -> None:
        label = field_label(f)
        label.setToolTip(f.help)
        self._grid.addWidget(label, r, 0, Qt.AlignmentFlag.AlignTop)
        editor = FieldEditor(f, self)
        if f.code in values:
            editor.set_value(values[f.code])
        editor.changed.connect(self.changed)
        editor.left.connect(self.left)
        self._grid.addWidget(editor, r, 1)
        if self.isVisible():  # a row added to a shown form is shown now, not after the next event loop pass
            label.show()
            editor.show()
        self._editors[f.code] = editor

    @property
    def editors(self) -> dict[str, FieldEditor]:
        """Every field's editor (finishes building first)."""
        self.building.finish()
        return self._editors

    @property
    def complete(self) -> bool:
        return self.building.complete

    def values(self) -> dict[str, Any]:
        return {code: e.value() for code, e in self.editors.items()}

    def focus_order(self) -> list[QWidget]:
        out: list[QWidget] = []
        for e in self.editors.values():
            out.extend(e.editors())
        return out

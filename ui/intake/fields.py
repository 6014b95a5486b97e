"""One editor per merged form field type, with inline validation through clerk.intake.validation."""

from __future__ import annotations

import re
from typing import Any

from clerk.catalog.merge import MergedField
from clerk.catalog.schema import FieldType
from clerk.intake.validation import check_field
from ui import messages
from ui.qt import (
    QComboBox,
    QCoreApplication,
    QFocusEvent,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.choice import DIGITS, ChoiceRow

_DATE_DIGITS = re.compile(r"^(\d{4})[./年-]?(\d{1,2})[./月-]?(\d{1,2})日?$")


def normalise_date(text: str) -> str:
    """20261126, 2026/11/26, 2026.11.26, 2026年11月26日 → 2026-11-26 (anything else unchanged)."""
    m = _DATE_DIGITS.match(text.strip())
    if not m:
        return text.strip()
    y, mo, d = m.groups()
    return f"{y}-{int(mo):02d}-{int(d):02d}"


class ProblemLabel(QLabel):
    """The Chinese message shown under a field that is wrong (hidden while the field is fine)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldProblem")
        self.setWordWrap(True)
        self.hide()

    def show_problem(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


class PlainText(QPlainTextEdit):
    """A multi-line editor that Tab leaves and that says when it loses focus.

    Signals:
        left(): focus went elsewhere.
    """

    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(64)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.left.emit()


class NumberCombo(QComboBox):
    """A combo box whose options a digit picks (1 = the first) and moves on, like ``ChoiceRow``."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in DIGITS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier \
                and DIGITS[key] <= self.count():
            self.setCurrentIndex(DIGITS[key] - 1)
            self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)


class FieldEditor(QWidget):
    """The editor of one merged field: the input, and its problem message underneath.

    Signals:
        changed(str, object): field code, raw value (autosaved as typed).
        left(str): field code; the clerk left the field (save now, show any problem).
    """

    changed = Signal(str, object)
    left = Signal(str)

    def __init__(self, field: MergedField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"field_{field.code}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self._problem: ProblemLabel | None = None  # made on first problem: most fields never have one
        self._line: QLineEdit | None = None
        self._text: PlainText | None = None
        self._group: ChoiceRow | None = None
        self._combo: QComboBox | None = None
        self.linked_to = ""
        """The person this field is filled from (its editor read-only), or "" when the clerk types it."""
        self._codes: list[Any] = []
        t = field.type
        if t is FieldType.LONG_TEXT:
            self._text = PlainText(self)
            self._text.textChanged.connect(self._edited)
            self._text.left.connect(self._leave)
            lay.addWidget(self._text)
        elif t in (FieldType.CHOICE, FieldType.BOOL):
            options: list[tuple[Any, str]] = (
                [(o.code, o.label) for o in field.options] if t is FieldType.CHOICE
                else [(True, QCoreApplication.translate("FieldEditor", "是")), (False, QCoreApplication.translate("FieldEditor", "否"))]
            )
            self._codes = [c for c, _ in options]
            if len(options) <= 4:
                self._group = ChoiceRow([label for _, label in options], self, numbered=True)
                self._group.setObjectName("choiceRow")
                self._group.chosen.connect(self._toggled)
                lay.addWidget(self._group)
            else:
                self._combo = NumberCombo(self)
                self._combo.setPlaceholderText(QCoreApplication.translate("FieldEditor", "请选择"))
                for i, (_, label) in enumerate(options):
                    self._combo.addItem(f"{i + 1} {label}" if i < 9 else label)
                self._combo.setCurrentIndex(-1)
                self._combo.currentIndexChanged.connect(self._chosen)
                lay.addWidget(self._combo)
        else:
            self._line = QLineEdit(self)
            self._line.setMaxLength(18 if t in (FieldType.CN_RIC, FieldType.USCC) else max(field.max_length, 20))
            self._line.setPlaceholderText(_placeholder(t))
            self._line.textEdited.connect(self._edited)
            self._line.editingFinished.connect(self._leave)
            lay.addWidget(self._line)
        if field.help:
            self.setToolTip(field.help)
        self._layout = lay

    # -- value ------------------------------------------------------------------------------------
    def value(self) -> Any:
        t = self.field.type
        if self._text is not None:
            return self._text.toPlainText()
        if self._group is not None:
            i = self._group.index()
            return self._codes[i] if i >= 0 else None
        if self._combo is not None:
            i = self._combo.currentIndex()
            return self._codes[i] if i >= 0 else None
        assert self._line is not None
        text = self._line.text()
        if t is FieldType.DATE:
            return normalise_date(text)
        if t in (FieldType.CN_RIC, FieldType.USCC):
            return text.strip().upper()
        return text

    def set_value(self, value: Any) -> None:
        blockers = [w for w in (self._line, self._text, self._combo) if w is not None]
        for w in blockers:
            w.blockSignals(True)
        try:
            if self._text is not None:
                self._text.setPlainText("" if value is None else str(value))
            elif self._line is not None:
                self._line.setText("" if value is None else str(value))
            elif value in self._codes:
                i = self._codes.index(value)
                if self._group is not None:
                    self._group.set_index(i)
                elif self._combo is not None:
                    self._combo.setCurrentIndex(i)
            elif self._group is not None:
                self._group.set_index(-1)
        finally:
            for w in blockers:
                w.blockSignals(False)

    def focus_target(self) -> QWidget:
        return self._group or self._line or self._text or self._combo or self

    def editors(self) -> list[QWidget]:
        """The focusable widgets, in Tab order (none while the field is filled from another person)."""
        return [] if self.linked_to else [self.focus_target()]

    def set_linked(self, source_label: str, value: Any) -> None:
        """Filled from a person already on the case (同申请人): shown read-only, out of the Tab order;
        ``""`` makes it typed again."""
        self.linked_to = source_label
        target = self.focus_target()
        if source_label:
            self.set_value(value)
            target.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if self._line is not None:
                self._line.setReadOnly(True)
            elif self._text is not None:
                self._text.setReadOnly(True)
            else:
                target.setEnabled(False)
            target.setToolTip(QCoreApplication.translate("FieldEditor", "同%1，随%1的信息自动填写")
                              .replace("%1", source_label))
            self.show_problem(None)
        else:
            target.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            if self._line is not None:
                self._line.setReadOnly(False)
            elif self._text is not None:
                self._text.setReadOnly(False)
            else:
                target.setEnabled(True)
            target.setToolTip(self.field.help)
        target.setProperty("linked", bool(source_label))
        target.style().unpolish(target)
        target.style().polish(target)

    # -- validation -------------------------------------------------------------------------------
    def check(self) -> str | None:
        _, problem = check_field(self.field, self.value())
        text = messages.translate(problem) if problem else None
        self.show_problem(text)
        return text

    @property
    def problem(self) -> ProblemLabel:
        if self._problem is None:
            self._problem = ProblemLabel(self)
            self._layout.addWidget(self._problem)
        return self._problem

    def show_problem(self, message: str | None) -> None:
        if message or self._problem is not None:
            self.problem.show_problem(message)

    def _edited(self, *_: object) -> None:
        value = self.value()
        self.changed.emit(self.field.code, value)
        complete_id = self.field.type in (FieldType.CN_RIC, FieldType.USCC) and len(str(value)) >= 18
        if (self._problem is not None and self._problem.isVisible()) or complete_id:
            self.check()

    def _chosen(self, _index: int) -> None:
        self._edited()
        self._leave()

    def _toggled(self, _id: int) -> None:
        self._edited()
        self._leave()

    def _leave(self) -> None:
        if self._line is not None and self.field.type is FieldType.DATE:
            shown = normalise_date(self._line.text())
            if shown != self._line.text():  # 20261120 typed is shown (and kept) as 2026-11-20
                self._line.setText(shown)
                self.changed.emit(self.field.code, shown)
        self.check()
        self.left.emit(self.field.code)


def _placeholder(t: FieldType) -> str:
    return {
        FieldType.DATE: QCoreApplication.translate("FieldEditor", "如 2026-11-26"),
        FieldType.NUMBER: QCoreApplication.translate("FieldEditor", "数字"),
        FieldType.PHONE: QCoreApplication.translate("FieldEditor", "手机或座机"),
        FieldType.CN_RIC: QCoreApplication.translate("FieldEditor", "18 位身份证号码"),
        FieldType.USCC: QCoreApplication.translate("FieldEditor", "18 位统一社会信用代码"),
    }.get(t, "")


def field_label(field: MergedField) -> QLabel:
    label = QLabel(field.label + (" *" if field.required else ""))
    label.setObjectName("fieldLabel")
    label.setProperty("required", field.required)
    label.setWordWrap(True)
    return label

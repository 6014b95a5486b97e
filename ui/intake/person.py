"""The applicant (申请人) and agent (代办人) blocks: kind, name, ID type and number, phone, address."""

from __future__ import annotations

from typing import Any

from clerk.intake.validation import check_person, check_phone
from ui import labels, messages
from ui.intake.fields import ProblemLabel
from ui.qt import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.choice import ChoiceRow

PERSON_ID_TYPES = ("cn_ric", "passport", "hk_macao_permit", "taiwan_permit", "foreign_permanent_residence")


class PersonBlock(QWidget):
    """Who applies (or who acts for the applicant), checked inline with clerk's ``check_person``.

    Signals:
        changed(dict): the whole person as typed (autosaved raw).
        left(): the clerk left one of the fields (save now).
        id_confirmed(str): a valid ID number was entered (look for history).
    """

    changed = Signal(dict)
    left = Signal()
    id_confirmed = Signal(str)

    def __init__(self, where: str, kinds: tuple[str, ...] = ("person",), *, phone_required: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.where = where
        self.kinds = kinds
        self.phone_required = phone_required
        self._kind = kinds[0]
        self._last_confirmed = ""
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.problems: dict[str, ProblemLabel] = {}
        row = 0
        self.kind_row: ChoiceRow | None = None
        if len(kinds) > 1:
            self.kind_row = ChoiceRow([self.tr("个人") if k == "person" else self.tr("单位（企业）") for k in kinds],
                                      self, numbered=True)
            self.kind_row.setObjectName(f"{where}_kind")
            self.kind_row.set_index(0)
            grid.addWidget(self._label(self.tr("申请人类型")), row, 0)
            grid.addWidget(self.kind_row, row, 1, 1, 3)
            self.kind_row.chosen.connect(self._kind_chosen)
            row += 1
        self.name = self._line("name", 100)
        self.name_label = self._label(self._name_text(), required=True)
        grid.addWidget(self.name_label, row, 0)
        grid.addLayout(self._with_problem(self.name, "name"), row, 1, 1, 3)
        row += 1
        self.id_type = QComboBox(self)
        self.id_type.setObjectName(f"{where}_id_type")
        self._fill_id_types()
        self.id_type.currentIndexChanged.connect(self._id_type_changed)
        self.id_number = self._line("id_number", 40)
        self.id_number.setPlaceholderText(self.tr("18 位号码，末位可为 X"))
        grid.addWidget(self._label(self.tr("证件类型"), required=True), row, 0)
        grid.addWidget(self.id_type, row, 1)
        grid.addWidget(self._label(self.tr("证件号码"), required=True), row, 2)
        grid.addLayout(self._with_problem(self.id_number, "id_number"), row, 3)
        row += 1
        self.phone = self._line("phone", 20)
        self.phone.setPlaceholderText(self.tr("手机或座机"))
        grid.addWidget(self._label(self.tr("联系电话"), required=phone_required), row, 0)
        grid.addLayout(self._with_problem(self.phone, "phone"), row, 1)
        self.rep = self._line("legal_representative", 100)
        self.rep_label = self._label(self.tr("法定代表人"))
        grid.addWidget(self.rep_label, row, 2)
        grid.addLayout(self._with_problem(self.rep, "legal_representative"), row, 3)
        row += 1
        self.address = self._line("address", 200)
        grid.addWidget(self._label(self.tr("地址")), row, 0)
        grid.addLayout(self._with_problem(self.address, "address"), row, 1, 1, 3)
        self._show_kind_fields()

    # -- building -------------------------------------------------------------------------------
    def _label(self, text: str, required: bool = False) -> QLabel:
        label = QLabel(text + (" *" if required else ""), self)
        label.setObjectName("fieldLabel")
        return label

    def _line(self, key: str, max_length: int) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(f"{self.where}_{key}")
        line.setMaxLength(max_length)
        line.textEdited.connect(lambda _t, k=key: self._edited(k))
        line.editingFinished.connect(lambda k=key: self._leave(k))
        return line

    def _with_problem(self, line: QWidget, key: str) -> Any:
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(line)
        label = ProblemLabel(self)
        label.setProperty("field", f"{self.where}.{key}")
        self.problems[key] = label
        box.addWidget(label)
        return box

    def _name_text(self) -> str:
        return self.tr("单位名称") if self._kind == "enterprise" else self.tr("姓名")

    def _fill_id_types(self) -> None:
        self.id_type.blockSignals(True)
        self.id_type.clear()
        types = ("uscc",) if self._kind == "enterprise" else PERSON_ID_TYPES
        for t in types:
            self.id_type.addItem(labels.id_type(t), t)
        self.id_type.blockSignals(False)

    def _show_kind_fields(self) -> None:
        enterprise = self._kind == "enterprise"
        self.rep.setVisible(enterprise)
        self.rep_label.setVisible(enterprise)
        self.name_label.setText(self._name_text() + " *")

    def _id_type_changed(self, _index: int) -> None:
        self._emit()
        self._check("id_number")

    def _kind_chosen(self, i: int) -> None:
        self._kind = self.kinds[i]
        self._fill_id_types()
        self._show_kind_fields()
        self._emit()

    # -- value ----------------------------------------------------------------------------------
    def value(self) -> dict[str, Any]:
        data = {
            "kind": self._kind,
            "name": self.name.text(),
            "id_type": self.id_type.currentData() or ("uscc" if self._kind == "enterprise" else "cn_ric"),
            "id_number": self.id_number.text().strip().upper(),
            "phone": self.phone.text(),
            "address": self.address.text(),
        }
        if self._kind == "enterprise":
            data["legal_representative"] = self.rep.text()
        return data

    def set_value(self, data: dict[str, Any]) -> None:
        kind = str(data["kind"]) if data.get("kind") in self.kinds else self.kinds[0]
        self._kind = kind
        if self.kind_row is not None:
            self.kind_row.set_index(self.kinds.index(kind))
        self._fill_id_types()
        self._show_kind_fields()
        i = self.id_type.findData(data.get("id_type") or "")
        self.id_type.blockSignals(True)
        self.id_type.setCurrentIndex(max(i, 0))
        self.id_type.blockSignals(False)
        for key, line in (("name", self.name), ("id_number", self.id_number), ("phone", self.phone),
                          ("address", self.address), ("legal_representative", self.rep)):
            line.setText(str(data.get(key) or ""))
        for label in self.problems.values():
            label.show_problem(None)
        self._last_confirmed = self.id_number.text() if not self.problem_for("id_number") else ""

    def first_editor(self) -> QWidget:
        return self.kind_row if self.kind_row is not None else self.name

    # -- validation -----------------------------------------------------------------------------
    def problem_for(self, key: str) -> str | None:
        data = self.value()
        if key == "phone":
            if not data["phone"].strip():
                return self.tr("请填写联系电话（办理进度和领取通知要用）") if self.phone_required else None
            problem = check_phone(data["phone"])[1]
            return messages.translate(problem) if problem else None
        _, problems = check_person(data, self.where, kinds=self.kinds)
        problem = problems.get(f"{self.where}.{key}")
        return messages.translate(problem) if problem else None

    def _check(self, key: str) -> str | None:
        problem = self.problem_for(key)
        self.problems[key].show_problem(problem)
        if key == "id_number" and problem is None:
            number = self.value()["id_number"]
            if number and number != self._last_confirmed:
                self._last_confirmed = number
                self.id_confirmed.emit(number)
        return problem

    def check_all(self) -> dict[str, str]:
        out = {}
        for key in self.problems:
            if key == "legal_representative" and self._kind != "enterprise":
                continue
            p = self._check(key)
            if p:
                out[key] = p
        return out

    def show_problem(self, key: str, message: str | None) -> None:
        if key in self.problems:
            self.problems[key].show_problem(message)

    def editor_for(self, key: str) -> QWidget | None:
        return {"name": self.name, "id_number": self.id_number, "id_type": self.id_type, "phone": self.phone,
                "address": self.address, "legal_representative": self.rep}.get(key)

    def _edited(self, key: str) -> None:
        self._emit()
        number = self.id_number.text().strip()
        if self.problems[key].isVisible() or (key == "id_number" and len(number) >= 18):
            self._check(key)

    def _leave(self, key: str) -> None:
        self._check(key)
        self.left.emit()

    def _emit(self) -> None:
        self.changed.emit(self.value())

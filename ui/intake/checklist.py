"""The one merged material checklist (一套材料): status per material, badges, files by import or drop."""

from __future__ import annotations

from pathlib import Path

from clerk.catalog.merge import MergedForm
from clerk.intake.model import MATERIAL_STATUS_LABELS, CaseMaterial, MaterialStatus
from ui.qt import (
    QCheckBox,
    QComboBox,
    QDragEnterEvent,
    QDropEvent,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    Qt,
    Signal,
)

FILE_FILTER = "PDF / 图片 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.heic)"


def _badge(text: str, kind: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("badge")
    label.setProperty("kind", kind)
    return label


class MaterialCard(QFrame):
    """One material of the checklist. Files come in through ``import_paths`` (the dialog and drops both call it).

    Signals:
        status_chosen(str, str): material code, MaterialStatus value picked by the clerk.
        files_chosen(str, list): material code, list of Paths to import.
    """

    status_chosen = Signal(str, str)
    files_chosen = Signal(str, list)

    def __init__(self, material: CaseMaterial, matter_names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = material.code
        self.material = material
        self.setObjectName("materialCard")
        self.setAcceptDrops(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(6)
        name = QLabel(material.name, self)
        name.setObjectName("materialName")
        name.setWordWrap(True)
        top.addWidget(name, 1)
        if material.required:
            top.addWidget(_badge(self.tr("必需"), "required", self))
        else:
            top.addWidget(_badge(self.tr("非必需"), "optional", self))
        if material.deferrable:
            top.addWidget(_badge(self.tr("可容缺"), "deferrable", self))
        if material.e_license:
            top.addWidget(_badge(self.tr("免提交"), "elicense", self))
        lay.addLayout(top)
        used = "、".join(matter_names.get(m, m) for m in material.matters)
        copies = []
        if material.originals:
            copies.append(self.tr("原件 %n 份", "", material.originals))
        if material.copies:
            copies.append(self.tr("复印件 %n 份", "", material.copies))
        detail = QLabel(self.tr("用于：") + used + ("　" + "，".join(copies) if copies else ""), self)
        detail.setObjectName("materialDetail")
        detail.setWordWrap(True)
        if material.why:
            detail.setToolTip(material.why + ("\n" + material.source if material.source else ""))
        lay.addWidget(detail)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.status = QComboBox(self)
        self.status.setObjectName(f"status_{material.code}")
        self._statuses: list[str] = []
        for st in (MaterialStatus.MISSING, MaterialStatus.PROVIDED, MaterialStatus.DEFERRED,
                   MaterialStatus.E_LICENSE, MaterialStatus.NOT_REQUIRED):
            if st is MaterialStatus.DEFERRED and not material.deferrable:
                continue
            if st is MaterialStatus.E_LICENSE and not material.e_license:
                continue
            if st is MaterialStatus.NOT_REQUIRED and material.required:
                continue
            self._statuses.append(st.value)
            self.status.addItem(_status_label(st.value), st.value)
        self.status.setMinimumContentsLength(8)
        self.status.activated.connect(self._picked)
        row.addWidget(self.status)
        self.import_button = QPushButton(self.tr("导入文件…"), self)
        self.import_button.setObjectName(f"import_{material.code}")
        self.import_button.setToolTip(self.tr("选择 PDF 或图片，也可以把文件拖到这一项上"))
        self.import_button.clicked.connect(self._choose_files)
        row.addWidget(self.import_button)
        row.addStretch(1)
        self.pages = QLabel(self)
        self.pages.setObjectName("materialPages")
        row.addWidget(self.pages)
        lay.addLayout(row)
        self.note = QLabel(self)
        self.note.setObjectName("materialNote")
        self.note.setWordWrap(True)
        self.note.hide()
        lay.addWidget(self.note)
        self.problem = QLabel(self)
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        lay.addWidget(self.problem)
        self.update_material(material)

    def update_material(self, material: CaseMaterial) -> None:
        self.material = material
        st = material.status.value
        provided = self._statuses.index(MaterialStatus.PROVIDED.value)
        item = self.status.model().item(provided)  # type: ignore[attr-defined]
        item.setEnabled(bool(material.files))
        self.status.blockSignals(True)
        self.status.setCurrentIndex(self._statuses.index(st) if st in self._statuses else 0)
        self.status.blockSignals(False)
        n = material.pages
        self.pages.setText(self.tr("%n 页", "", n) if material.files else self.tr("未导入"))
        note = ""
        if material.status is MaterialStatus.DEFERRED and material.deadline:
            note = self.tr("须于 %1 前补交").replace("%1", material.deadline.isoformat())
        self.note.setText(note)
        self.note.setVisible(bool(note))
        missing_required = material.status is MaterialStatus.MISSING and material.required
        self.setProperty("status", "missing" if missing_required else st if st != "missing" else "optional")
        self.style().unpolish(self)
        self.style().polish(self)

    def show_problem(self, message: str | None) -> None:
        self.problem.setText(message or "")
        self.problem.setVisible(bool(message))

    def focus_target(self) -> QWidget:
        return self.status

    # -- files ----------------------------------------------------------------------------------
    def import_paths(self, paths: list[Path]) -> None:
        """The one way files enter a material (the file dialog and drag-and-drop both come here)."""
        if paths:
            self.show_problem(None)
            self.files_chosen.emit(self.code, [Path(p) for p in paths])

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("导入材料：%1").replace("%1", self.material.name),
                                                "", FILE_FILTER)
        self.import_paths([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
            self.setProperty("dropping", True)
            self.style().polish(self)

    def dragLeaveEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self.setProperty("dropping", False)
        self.style().polish(self)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self.setProperty("dropping", False)
        self.style().polish(self)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.import_paths(paths)

    def _picked(self, index: int) -> None:
        self.status_chosen.emit(self.code, self._statuses[index])


class ChecklistPanel(QWidget):
    """The merged checklist with a summary line and the commitment toggle (告知承诺书).

    Signals:
        status_chosen(str, str): material code, status.
        files_chosen(str, list): material code, Paths.
        commitment_changed(bool): the commitment letter was (un)ticked.
    """

    status_chosen = Signal(str, str)
    files_chosen = Signal(str, list)
    commitment_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        title = QLabel(self.tr("材料清单（一套材料）"), self)
        title.setObjectName("sectionTitle")
        lay.addWidget(title)
        self.summary = QLabel(self)
        self.summary.setObjectName("checklistSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.inner = QWidget()
        self.inner.setObjectName("checklistInner")
        self.cards_layout = QVBoxLayout(self.inner)
        self.cards_layout.setContentsMargins(0, 0, 6, 0)
        self.cards_layout.setSpacing(8)
        self.cards_layout.addStretch(1)
        self.scroll.setWidget(self.inner)
        lay.addWidget(self.scroll, 1)
        self.commitment = QCheckBox(self.tr("告知承诺书已签署（有容缺后补材料时必须）"), self)
        self.commitment.setObjectName("commitment")
        self.commitment.toggled.connect(self.commitment_changed)
        self.commitment.hide()
        lay.addWidget(self.commitment)
        self.commitment_problem = QLabel(self)
        self.commitment_problem.setObjectName("fieldProblem")
        self.commitment_problem.hide()
        lay.addWidget(self.commitment_problem)
        self.cards: dict[str, MaterialCard] = {}

    def set_materials(self, materials: list[CaseMaterial], merged: MergedForm) -> None:
        """Rebuilds the cards when the checklist changed shape, else updates them in place."""
        names = {m.code: m.name for m in merged.matters}
        if [m.code for m in materials] != list(self.cards):
            for card in self.cards.values():
                card.setParent(None)
                card.deleteLater()
            self.cards = {}
            for m in materials:
                card = MaterialCard(m, names, self.inner)
                card.status_chosen.connect(self.status_chosen)
                card.files_chosen.connect(self.files_chosen)
                self.cards_layout.insertWidget(self.cards_layout.count() - 1, card)
                self.cards[m.code] = card
        else:
            for m in materials:
                self.cards[m.code].update_material(m)
        self._summarise(materials)

    def clear(self) -> None:
        for card in self.cards.values():
            card.setParent(None)
            card.deleteLater()
        self.cards = {}
        self.summary.setText("")
        self.commitment.hide()
        self.commitment.setChecked(False)

    def _summarise(self, materials: list[CaseMaterial]) -> None:
        counts: dict[str, int] = {}
        for m in materials:
            key = "missing_required" if m.status is MaterialStatus.MISSING and m.required else m.status.value
            counts[key] = counts.get(key, 0) + 1
        parts = [self.tr("共 %n 项", "", len(materials))]
        for key, label in (("provided", self.tr("已提交")), ("deferred", self.tr("容缺后补")),
                           ("e_license", self.tr("免提交")), ("not_required", self.tr("无需提交")),
                           ("missing_required", self.tr("缺少"))):
            if counts.get(key):
                parts.append(f"{label} {counts[key]}")
        self.summary.setText(" · ".join(parts))
        deferred = counts.get("deferred", 0) > 0
        self.commitment.setVisible(deferred)
        if not deferred:
            self.commitment_problem.hide()

    def show_commitment_problem(self, message: str | None) -> None:
        self.commitment_problem.setText(message or "")
        self.commitment_problem.setVisible(bool(message))


def _status_label(value: str) -> str:
    from ui.qt import QCoreApplication

    labels = {
        "missing": QCoreApplication.translate("MaterialCard", "缺少"),
        "provided": QCoreApplication.translate("MaterialCard", "已提交"),
        "deferred": QCoreApplication.translate("MaterialCard", "容缺后补"),
        "e_license": QCoreApplication.translate("MaterialCard", "电子证照免提交"),
        "not_required": QCoreApplication.translate("MaterialCard", "无需提交"),
    }
    return labels.get(value, MATERIAL_STATUS_LABELS.get(value, value))

"""The one merged material checklist (一套材料): status per material, badges, files by import or drop."""

from __future__ import annotations

import functools
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from clerk.catalog.merge import MergedForm
from clerk.intake.model import CaseMaterial, MaterialStatus
from ui import labels
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QCoreApplication,
    QDragEnterEvent,
    QDropEvent,
    QEvent,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QObject,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.choice import ChoiceRow
from ui.widgets.incremental import Incremental

FIRST_CARDS = 6
"""Cards built before the checklist is shown (about one screen); the rest follow progressively."""
FILE_FILTER = "PDF / 图片 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.heic)"


BADGE_COLOURS = {"required": ("#fde8e8", "#a61b1b"), "optional": ("#eef2f6", "#52606d"),
                 "deferrable": ("#fff3d6", "#8d5400"), "elicense": ("#e3edf9", "#1f4e8c")}


def _badge_html(text: str, kind: str) -> str:
    """A coloured tag inside the material's title (one rich-text label instead of a widget per badge)."""
    bg, fg = BADGE_COLOURS[kind]
    return f'<span style="background:{bg}; color:{fg}; font-size:8.5pt;">&nbsp;{escape(text)}&nbsp;</span>'


SHORT_STATUS = {
    "missing": QT_TRANSLATE_NOOP("StatusRow", "缺少"),
    "provided": QT_TRANSLATE_NOOP("StatusRow", "已提交"),
    "original_checked": QT_TRANSLATE_NOOP("StatusRow", "已核验原件"),
    "deferred": QT_TRANSLATE_NOOP("StatusRow", "容缺后补"),
    "e_license": QT_TRANSLATE_NOOP("StatusRow", "免提交"),
    "not_required": QT_TRANSLATE_NOOP("StatusRow", "无需提交"),
}


class StatusRow(ChoiceRow):
    """The status of one material as a row of options, one Tab stop: ←/→ or a digit (1 = 缺少 …) pick a
    status; ↑/↓ go to the material above/below (the checklist moves the focus). 已提交 is there once a
    page was imported or scanned; 已核验原件 only where the catalog allows checking the original alone.

    Signals:
        chosen_status(str): the MaterialStatus value the clerk picked.
    """

    chosen_status = Signal(str)

    def __init__(self, statuses: list[str], parent: QWidget | None = None) -> None:
        super().__init__([QCoreApplication.translate("StatusRow", SHORT_STATUS[v]) for v in statuses], parent,
                         vertical=False, advance=False, spacing=8)
        self.statuses = statuses
        self.current = statuses[0]
        self.has_files = False
        self.setToolTip(self.tr("←/→ 或数字键选择材料状态，↑/↓ 换一项材料") + "\n"
                        + "  ".join(f"{i + 1} {b.text()}" for i, b in enumerate(self.buttons)))
        self.chosen.connect(lambda i: self.chosen_status.emit(self.statuses[i]))

    def set_current(self, value: str, *, files: bool) -> None:
        self.current = value if value in self.statuses else self.statuses[0]
        self.has_files = files
        if MaterialStatus.PROVIDED.value in self.statuses:
            self.set_enabled_option(self.statuses.index(MaterialStatus.PROVIDED.value), files)
        self.set_index(self.statuses.index(self.current))
        self.setProperty("status", self.current)

    def text(self) -> str:
        """The current status as shown (labels.material_status)."""
        return labels.material_status(self.current)


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
        badges = [(self.tr("必需"), "required") if material.required else (self.tr("非必需"), "optional")]
        if material.deferrable:
            badges.append((self.tr("可容缺"), "deferrable"))
        if material.e_license:
            badges.append((self.tr("免提交"), "elicense"))
        name = QLabel(f"<b>{escape(material.name)}</b>&nbsp;&nbsp;" + "&nbsp;".join(_badge_html(t, k) for t, k in badges), self)
        name.setObjectName("materialName")
        name.setWordWrap(True)
        lay.addWidget(name)
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
        self.detail = detail
        row = QHBoxLayout()
        row.setSpacing(8)
        statuses: list[str] = []
        for st in (MaterialStatus.MISSING, MaterialStatus.PROVIDED, MaterialStatus.ORIGINAL_CHECKED,
                   MaterialStatus.DEFERRED, MaterialStatus.E_LICENSE, MaterialStatus.NOT_REQUIRED):
            if st is MaterialStatus.ORIGINAL_CHECKED and not material.paper_check:
                continue
            if st is MaterialStatus.DEFERRED and not material.deferrable:
                continue
            if st is MaterialStatus.E_LICENSE and not material.e_license:
                continue
            if st is MaterialStatus.NOT_REQUIRED and material.required:
                continue
            statuses.append(st.value)
        self.status = StatusRow(statuses, self)
        self.status.setObjectName(f"status_{material.code}")
        self.status.chosen_status.connect(lambda value: self.status_chosen.emit(self.code, value))
        row.addWidget(self.status, 1)
        self.import_button = QPushButton(self.tr("导入 Ctrl+O"), self)
        self.import_button.setObjectName(f"import_{material.code}")
        self.import_button.setToolTip(self.tr("选择 PDF 或图片导入到这一项（Ctrl+O），也可以把文件拖到这一项上；"
                                              "Ctrl+Shift+S 扫描到这一项"))
        self.import_button.clicked.connect(self.choose_files)
        row.addWidget(self.import_button)
        self.pages = QLabel(self)
        self.pages.setObjectName("materialPages")
        row.addWidget(self.pages)
        lay.addLayout(row)
        self.file_picker: Any = None
        """``pick(parent, title) -> [Path]`` (``ui.widgets.files``); the native dialog when None."""
        self._layout = lay
        self._note: QLabel | None = None  # the deadline line and the problem line are made when first needed
        self._problem: QLabel | None = None
        self.page_count: int | None = None
        """Pages stored for the material (``ctx.materials``), once known; the page label shows them."""
        self.strip: Any = None
        """The page thumbnails under the card (``ui.intake.thumbs.PageStrip``), when scanning is on."""
        self.update_material(material)

    def _line(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        self._layout.addWidget(label)
        return label

    @property
    def note(self) -> QLabel:
        if self._note is None:
            self._note = self._line("materialNote")
        return self._note

    @property
    def problem(self) -> QLabel:
        if self._problem is None:
            self._problem = self._line("fieldProblem")
        return self._problem

    def update_material(self, material: CaseMaterial) -> None:
        self.material = material
        st = material.status.value
        n = material.pages if self.page_count is None else self.page_count
        self.status.set_current(st, files=bool(material.files) or n > 0)
        self.pages.setText(self.tr("%n 页", "", n) if n else self.tr("未导入"))
        note = ""
        if material.status is MaterialStatus.DEFERRED and material.deadline:
            note = self.tr("须于 %1 前补交").replace("%1", material.deadline.isoformat())
        if note or self._note is not None:
            self.note.setText(note)
            self.note.setVisible(bool(note))
        missing_required = material.status is MaterialStatus.MISSING and material.required
        self.setProperty("status", "missing" if missing_required else st if st != "missing" else "optional")
        if self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):  # a new card is polished when first shown
            self.style().unpolish(self)
            self.style().polish(self)

    def set_page_count(self, n: int) -> None:
        """The material's stored pages (from the page list, not from the upload files)."""
        self.page_count = n
        self.update_material(self.material)

    def show_problem(self, message: str | None) -> None:
        if message or self._problem is not None:
            self.problem.setText(message or "")
            self.problem.setVisible(bool(message))

    def focus_target(self) -> QWidget:
        return self.status

    def set_compact(self, on: bool) -> None:
        """On a short screen the 用于… line moves into the name's tooltip (more materials fit)."""
        self.detail.setVisible(not on)

    def focus_order(self) -> list[QWidget]:
        """Screen order: the status, then the import button."""
        return [self.status, self.import_button]

    # -- files ----------------------------------------------------------------------------------
    def import_paths(self, paths: list[Path]) -> None:
        """The one way files enter a material (the file dialog and drag-and-drop both come here)."""
        if paths:
            self.show_problem(None)
            self.files_chosen.emit(self.code, [Path(p) for p in paths])

    def choose_files(self) -> None:
        """The file dialog (in the documents or last-used folder) for this material; Ctrl+O on the card."""
        from ui.widgets.files import open_files

        title = self.tr("导入材料：%1").replace("%1", self.material.name)
        paths = self.file_picker(self, title) if self.file_picker is not None else open_files(self, title, FILE_FILTER)
        self.import_paths(paths)
        self.status.setFocus()

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


class ChecklistPanel(QWidget):
    """The merged checklist with a summary line and the commitment toggle (告知承诺书).

    Signals:
        status_chosen(str, str): material code, status.
        files_chosen(str, list): material code, Paths.
        commitment_changed(bool): the commitment letter was (un)ticked.
        sign_requested(): 签名板签名 — the applicant signs the commitment letter on the pad (ui.devices).
        built(): every card of the checklist exists (cards are built progressively, ``ui.widgets.incremental``).
        card_added(object): a MaterialCard was just made (``ui.materials`` adds its page strip).
    """

    status_chosen = Signal(str, str)
    files_chosen = Signal(str, list)
    commitment_changed = Signal(bool)
    sign_requested = Signal()
    built = Signal()
    card_added = Signal(object)

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
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.inner = QWidget()
        self.inner.setObjectName("checklistInner")
        self.cards_layout = QVBoxLayout(self.inner)
        self.cards_layout.setContentsMargins(0, 0, 6, 0)
        self.cards_layout.setSpacing(8)
        self.cards_layout.addStretch(1)
        self.scroll_area.setWidget(self.inner)
        lay.addWidget(self.scroll_area, 1)
        self.commitment = QCheckBox(self.tr("告知承诺书已签署（有容缺后补材料时必须）Alt+Q"), self)
        self.commitment.setObjectName("commitment")
        self.commitment.toggled.connect(self.commitment_changed)
        self.commitment.hide()
        commit_row = QHBoxLayout()
        commit_row.addWidget(self.commitment, 1)
        self.sign_button = QPushButton(self.tr("签名板签名"), self)  # shown where a signing pad exists
        self.sign_button.setObjectName("signCommitment")
        self.sign_button.clicked.connect(self.sign_requested)
        self.sign_button.hide()
        commit_row.addWidget(self.sign_button)
        lay.addLayout(commit_row)
        self.pad = False
        """A signing pad at this window (``devices.signature_pad``): the letter is signed on it, the tick
        box is the fallback for paper."""
        self.commitment_problem = QLabel(self)
        self.commitment_problem.setObjectName("fieldProblem")
        self.commitment_problem.hide()
        lay.addWidget(self.commitment_problem)
        self._cards: dict[str, MaterialCard] = {}
        self._codes: list[str] = []
        self.compact = False
        self.file_picker: Any = None
        """The file dialog of every card (``ui.widgets.files.FilePicker``); tests put a function here."""
        self.building: Incremental | None = None

    @property
    def cards(self) -> dict[str, MaterialCard]:
        """Every material's card (finishes building first)."""
        if self.building is not None:
            self.building.finish()
        return self._cards

    @property
    def complete(self) -> bool:
        return self.building is None or self.building.complete

    def set_materials(self, materials: list[CaseMaterial], merged: MergedForm) -> None:
        """Rebuilds the cards when the checklist changed shape, else updates them in place."""
        names = {m.code: m.name for m in merged.matters}
        if [m.code for m in materials] != self._codes:
            self.clear()
            self._codes = [m.code for m in materials]
            steps: list[Callable[[], None]] = [functools.partial(self._add_card, m, names) for m in materials]
            self.building = Incremental(steps, first=FIRST_CARDS, parent=self)
            self.building.done.connect(self.built)
        else:
            for m in materials:
                self.cards[m.code].update_material(m)
        self._summarise(materials)

    def set_compact(self, on: bool) -> None:
        self.compact = on
        for card in self._cards.values():
            card.set_compact(on)

    def _add_card(self, m: CaseMaterial, names: dict[str, str]) -> None:
        card = MaterialCard(m, names, self.inner)
        card.set_compact(self.compact)
        card.file_picker = self.file_picker
        card.status_chosen.connect(self.status_chosen)
        card.files_chosen.connect(self.files_chosen)
        card.status.installEventFilter(self)
        self.cards_layout.insertWidget(self.cards_layout.count() - 1, card)
        if self.inner.isVisible():
            card.show()
        self._cards[m.code] = card
        self.card_added.emit(card)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """↑/↓ on a material's status row: the status row of the material above/below."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and isinstance(obj, StatusRow) \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            cards = list(self.cards.values())
            i = next((n for n, c in enumerate(cards) if c.status is obj), -1)
            j = i + (1 if event.key() == Qt.Key.Key_Down else -1)
            if i >= 0 and 0 <= j < len(cards):
                cards[j].status.setFocus(Qt.FocusReason.TabFocusReason)
                self.scroll_area.ensureWidgetVisible(cards[j])
            return True
        return super().eventFilter(obj, event)

    def card_of(self, widget: QWidget | None) -> MaterialCard | None:
        """The material card ``widget`` is in (the focused one, say), or None."""
        while widget is not None and not isinstance(widget, MaterialCard):
            widget = widget.parentWidget()
        return widget

    def clear(self) -> None:
        if self.building is not None:
            self.building.cancel()
            self.building.deleteLater()
            self.building = None
        for card in self._cards.values():
            card.setParent(None)
            card.deleteLater()
        self._cards = {}
        self._codes = []
        self.summary.setText("")
        self.commitment.hide()
        self.sign_button.hide()
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
        self.sign_button.setVisible(deferred and self.pad)
        if not deferred:
            self.commitment_problem.hide()

    def show_commitment_problem(self, message: str | None) -> None:
        self.commitment_problem.setText(message or "")
        self.commitment_problem.setVisible(bool(message))

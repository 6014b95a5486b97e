"""Choosing the 一件事: search by 汉字, pinyin initials (xsr → 新生儿…) and the bundle's keywords; with
free text from the counter (孩子上个月出生了，要上户口), 智能导办 lists the best bundles with the situation
answers the words imply (``clerk.assist.guide``), applied when one is chosen."""

from __future__ import annotations

from clerk.assist import Suggestion, guide
from clerk.catalog.schema import Bundle, Catalog
from clerk.intake.search import initials
from ui.qt import QLabel, QLineEdit, QListWidget, QListWidgetItem, Qt, QVBoxLayout, QWidget, Signal


def bundle_matches(bundle: Bundle, text: str) -> bool:
    t = text.strip().lower()
    if not t:
        return True
    words = [bundle.name, *bundle.keywords]
    if any(t in w.lower() for w in words):
        return True
    return any(initials(w).startswith(t) or t in initials(w) for w in words)


class BundlePicker(QWidget):
    """A searchable list of the catalog's bundles, and the 智能导办 suggestions for free text.

    Signals:
        chosen(str): bundle code (Enter, double-click or the first match on Enter in the search box).
        guided(str, dict): bundle code and its situation answers, from a 智能导办 suggestion (Enter in the
            search box when no bundle name matches, or Enter/double-click on a suggestion).
    """

    chosen = Signal(str)
    guided = Signal(str, dict)
    GUIDE_MIN = 2
    """Characters typed before 智能导办 suggests anything."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        title = QLabel(self.tr("一件事"), self)
        title.setObjectName("sectionTitle")
        lay.addWidget(title)
        self.search = QLineEdit(self)
        self.search.setObjectName("bundleSearch")
        self.search.setPlaceholderText(self.tr("搜索：名称、拼音首字母、关键词"))
        self.search.setToolTip(self.tr("新建受理 (Ctrl+N)：输入后按回车选第一项，↓ 进入列表"))
        self.search.setClearButtonEnabled(True)
        lay.addWidget(self.search)
        self.guide_title = QLabel(self.tr("智能导办"), self)
        self.guide_title.setObjectName("guideTitle")
        self.guide_title.setToolTip(self.tr("按申请人的原话推荐一件事及其情形；↓ 进入，回车选中"))
        lay.addWidget(self.guide_title)
        self.guide_list = QListWidget(self)
        self.guide_list.setObjectName("guideList")
        self.guide_list.setWordWrap(True)
        self.guide_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.guide_list.setStyleSheet("#guideList { background: #f3f8ff; border: 1px solid #9bbbe0; }"
                                      " #guideList::item { padding: 4px 2px; }")
        lay.addWidget(self.guide_list)
        self.list = QListWidget(self)
        self.list.setObjectName("bundleList")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay.addWidget(self.list, 1)
        lay.addStretch(0)  # the room of the bundle list while no name matches and only 智能导办 shows
        self.suggestions: list[Suggestion] = []
        self._show_guide(False)
        for b in catalog.bundles:
            item = QListWidgetItem(b.name)
            item.setData(Qt.ItemDataRole.UserRole, b.code)
            item.setToolTip(b.description or b.name)
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._choose_first)
        self.list.itemActivated.connect(self._activated)
        self.guide_list.itemActivated.connect(self._guide_activated)
        self.search.installEventFilter(self)

    def eventFilter(self, obj: object, event: object) -> bool:  # noqa: N802 - Qt override
        from ui.qt import QEvent, QKeyEvent

        if obj is self.search and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down:
            if not self.visible_codes() and self.suggestions:
                self.guide_list.setFocus()
                self.guide_list.setCurrentRow(0)
                return True
            self.list.setFocus()
            for i in range(self.list.count()):
                if not self.list.item(i).isHidden():
                    self.list.setCurrentRow(i)
                    break
            return True
        return super().eventFilter(obj, event)  # type: ignore[arg-type]

    def visible_codes(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if not self.list.item(i).isHidden()]

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _filter(self, text: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            bundle = self.catalog.bundle(item.data(Qt.ItemDataRole.UserRole))
            item.setHidden(not bundle_matches(bundle, text))
        self._guide(text)

    def _guide(self, text: str) -> None:
        """智能导办 for what was typed (a few ms; the index is cached per catalog)."""
        self.guide_list.clear()
        t = text.strip()
        self.suggestions = guide(t, self.catalog, 3) if len(t) >= self.GUIDE_MIN else []
        for s in self.suggestions:
            item = QListWidgetItem(self._suggestion_text(s))
            item.setData(Qt.ItemDataRole.UserRole, s.bundle_code)
            item.setToolTip(self.tr("匹配：") + "、".join(s.matched) if s.matched else s.bundle_name)
            self.guide_list.addItem(item)
        self._show_guide(bool(self.suggestions))
        self.list.setVisible(bool(self.visible_codes()) or not self.suggestions)

    def _suggestion_text(self, s: Suggestion) -> str:
        text = s.bundle_name
        if s.answers:
            try:
                bundle = self.catalog.bundle(s.bundle_code)
            except KeyError:
                return text
            parts = []
            for sit in bundle.situations:
                option = s.answers.get(sit.code)
                label = next((o.label for o in sit.options if o.code == option), None)
                if label:
                    parts.append(label)
            if parts:
                text += "\n  · " + "；".join(parts)
        return text

    def _show_guide(self, on: bool) -> None:
        self.guide_title.setVisible(on)
        self.guide_list.setVisible(on)
        if on:
            rows = self.guide_list.count()
            self.guide_list.setFixedHeight(min(320, sum(self.guide_list.sizeHintForRow(i) for i in range(rows))
                                               + 2 * self.guide_list.frameWidth() + 8))

    def _choose_first(self) -> None:
        codes = self.visible_codes()
        if codes:
            self.chosen.emit(codes[0])
        elif self.suggestions:
            s = self.suggestions[0]
            self.guided.emit(s.bundle_code, dict(s.answers))

    def _guide_activated(self, item: QListWidgetItem) -> None:
        row = self.guide_list.row(item)
        if 0 <= row < len(self.suggestions):
            s = self.suggestions[row]
            self.guided.emit(s.bundle_code, dict(s.answers))

    def _activated(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))

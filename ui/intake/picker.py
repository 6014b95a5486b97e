"""Choosing the 一件事: search by 汉字, pinyin initials (xsr → 新生儿…) and the bundle's keywords."""

from __future__ import annotations

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
    """A searchable list of the catalog's bundles.

    Signals:
        chosen(str): bundle code (Enter, double-click or the first match on Enter in the search box).
    """

    chosen = Signal(str)

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
        self.list = QListWidget(self)
        self.list.setObjectName("bundleList")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay.addWidget(self.list, 1)
        for b in catalog.bundles:
            item = QListWidgetItem(b.name)
            item.setData(Qt.ItemDataRole.UserRole, b.code)
            item.setToolTip(b.description or b.name)
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._choose_first)
        self.list.itemActivated.connect(self._activated)
        self.search.installEventFilter(self)

    def eventFilter(self, obj: object, event: object) -> bool:  # noqa: N802 - Qt override
        from ui.qt import QEvent, QKeyEvent

        if obj is self.search and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down:
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

    def _choose_first(self) -> None:
        codes = self.visible_codes()
        if codes:
            self.chosen.emit(codes[0])

    def _activated(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))

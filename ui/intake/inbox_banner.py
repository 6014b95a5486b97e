"""The scan-to-folder banner: a file a network scanner dropped in the inbox, offered to the open case.

Non-modal: the clerk picks the material and imports, or skips; files that arrive meanwhile wait in
line (the banner says how many). Nothing is imported without the clerk's click.
"""

from __future__ import annotations

from pathlib import Path

from ui.qt import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget, Signal


class InboxBanner(QFrame):
    """扫描文件夹收到新文件.

    Signals:
        import_requested(str, object): material code, Path of the file to import into it.
    """

    import_requested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.files: list[Path] = []
        self.case_open = False
        h = QHBoxLayout(self)
        h.setContentsMargins(12, 6, 12, 6)
        h.setSpacing(8)
        self.label = QLabel(self)
        self.label.setObjectName("inboxLabel")
        h.addWidget(self.label, 1)
        self.target = QComboBox(self)
        self.target.setObjectName("inboxTarget")
        self.target.setMinimumWidth(220)
        h.addWidget(self.target)
        self.import_button = QPushButton(self.tr("导入到该材料"), self)
        self.import_button.setObjectName("inboxImport")
        self.import_button.clicked.connect(self.import_current)
        h.addWidget(self.import_button)
        self.skip_button = QPushButton(self.tr("忽略"), self)
        self.skip_button.setObjectName("inboxSkip")
        self.skip_button.clicked.connect(self.skip)
        h.addWidget(self.skip_button)
        self.hide()

    def set_case(self, names: dict[str, str] | None, selected: str | None = None) -> None:
        """The open editable case's materials (None: no case open; files keep waiting)."""
        self.case_open = names is not None
        self.target.clear()
        for code, name in (names or {}).items():
            self.target.addItem(name, code)
        if selected:
            self.select(selected)
        self._refresh()

    def select(self, code: str) -> None:
        i = self.target.findData(code)
        if i >= 0:
            self.target.setCurrentIndex(i)

    def offer(self, path: Path) -> None:
        if path not in self.files:
            self.files.append(path)
        self._refresh()

    def import_current(self) -> None:
        code = self.target.currentData()
        if self.files and code and self.case_open:
            self.import_requested.emit(code, self.files.pop(0))
            self._refresh()

    def skip(self) -> None:
        if self.files:
            self.files.pop(0)
        self._refresh()

    def _refresh(self) -> None:
        self.files = [p for p in self.files if p.exists()]
        if not self.files:
            self.hide()
            return
        more = len(self.files) - 1
        text = self.tr("扫描文件夹收到：%1").replace("%1", self.files[0].name)
        if more:
            text += self.tr("（还有 %n 个）", "", more)
        if not self.case_open:
            text += self.tr("　— 打开案件后可以导入")
        self.label.setText(text)
        self.target.setEnabled(self.case_open)
        self.import_button.setEnabled(self.case_open)
        self.show()

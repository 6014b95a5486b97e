"""Scanning controls next to the checklist: device, colour, resolution, feeder/duplex, separator sheets, progress, cancel.

The scan itself is ``ctx.materials.scan_into`` in a background task; each page is filed as soon as it
is scanned, so a scanner that vanishes mid-batch (or a cancel) keeps the pages already scanned.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from ui import messages
from ui.ops import Query
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QObject,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from clerk.materials.scanner import Scanner, ScannerDevice
    from clerk.materials.service import MaterialsService, ScanOutcome

MODES = (("color", QT_TRANSLATE_NOOP("ScanPanel", "彩色")), ("gray", QT_TRANSLATE_NOOP("ScanPanel", "灰度")), ("lineart", QT_TRANSLATE_NOOP("ScanPanel", "黑白")))
RESOLUTIONS = (150, 200, 300, 600)
SOURCES = (("flatbed", QT_TRANSLATE_NOOP("ScanPanel", "平板")), ("adf", QT_TRANSLATE_NOOP("ScanPanel", "自动进纸器（ADF）")),
           ("duplex", QT_TRANSLATE_NOOP("ScanPanel", "自动进纸器·双面")))


class _Progress(QObject):
    """Emitted from the scanning worker; Qt queues it to the GUI thread.

    Signals:
        page(int, str): pages scanned so far, the material the last one went to ("" for a separator/unfiled).
    """

    page = Signal(int, str)


class ScanPanel(QFrame):
    """扫描: scans into the selected material of the open case.

    Signals:
        scanned(object): the ScanOutcome of a finished (or cancelled, or interrupted) scan.
        material_selected(str): the clerk picked another target material in the panel.
    """

    scanned = Signal(object)
    material_selected = Signal(str)

    def __init__(self, materials: MaterialsService, scanner: Scanner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from clerk.materials.scanner import SaneScanner

        self.materials = materials
        self.scanner: Scanner = scanner or SaneScanner()
        self.extra: tuple[str, ...] = ()
        """Device-specific ``scanimage`` arguments (e.g. the test device's picture)."""
        self.case_uuid: str | None = None
        self.scanning = False
        self._cancel: threading.Event | None = None
        self._progress = _Progress(self)
        self._progress.page.connect(self._page_scanned)
        self.setObjectName("scanPanel")
        self.setStyleSheet("QFrame#scanPanel { background: #ffffff; border: 1px solid #d9e2ec; border-radius: 6px; }"
                           "QFrame#scanPanel QLabel#scanTitle { font-weight: bold; color: #102a43; }"
                           "QFrame#scanPanel QLabel#scanStatus { color: #486581; }")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        head = QHBoxLayout()
        head.setSpacing(10)
        title = QLabel(self.tr("扫描"), self)
        title.setObjectName("scanTitle")
        head.addWidget(title)
        self.device = QComboBox(self)
        self.device.setObjectName("scanDevice")
        self.device.setMinimumWidth(160)
        head.addWidget(self.device, 1)
        self.refresh_button = QPushButton(self.tr("查找扫描仪"), self)
        self.refresh_button.setObjectName("findScanners")
        self.refresh_button.clicked.connect(self.find_devices)
        head.addWidget(self.refresh_button)
        self.options_button = QPushButton(self.tr("选项 ▾"), self)
        self.options_button.setObjectName("scanOptions")
        self.options_button.setCheckable(True)
        self.options_button.hide()
        self.options_button.toggled.connect(self._show_options)
        head.addWidget(self.options_button)
        grid.addLayout(head, 0, 0, 1, 4)
        self.mode = self._combo("scanMode", [(self.tr(label), v) for v, label in MODES])
        self.resolution = self._combo("scanResolution", [(f"{r} dpi", r) for r in RESOLUTIONS])
        self.resolution.setCurrentIndex(RESOLUTIONS.index(300))
        self.source = self._combo("scanSource", [(self.tr(label), v) for v, label in SOURCES])
        self.count = QSpinBox(self)
        self.count.setObjectName("scanCount")
        self.count.setRange(1, 99)
        self.count.setPrefix(self.tr("连续 "))
        self.count.setSuffix(self.tr(" 页"))
        self.count.setToolTip(self.tr("平板扫描时连续扫描的页数（每页之间换纸）；进纸器扫到纸用完为止"))
        self.source.currentIndexChanged.connect(lambda _i: self.count.setEnabled(self.source.currentData() == "flatbed"))
        grid.addWidget(self.mode, 1, 0)
        grid.addWidget(self.resolution, 1, 1)
        grid.addWidget(self.source, 1, 2)
        grid.addWidget(self.count, 1, 3)
        self.separators = QCheckBox(self.tr("按分隔页归档"), self)
        self.separators.setObjectName("scanSeparators")
        self.separators.setToolTip(self.tr("一批扫描中放入打印的分隔页（条码），分隔页之后的页面归入它标明的材料；"
                                           "第一张分隔页之前的页面归入所选材料"))
        grid.addWidget(self.separators, 2, 0)
        self.target = QComboBox(self)
        self.target.setObjectName("scanTarget")
        self.target.setToolTip(self.tr("扫描到哪一份材料（点一下清单中的材料也会选中它）"))
        self.target.activated.connect(lambda _i: self.material_selected.emit(self.target.currentData() or ""))
        grid.addWidget(self.target, 2, 1, 1, 2)
        self.scan_button = QPushButton(self.tr("扫描到所选材料"), self)
        self.scan_button.setObjectName("scanButton")
        self.scan_button.clicked.connect(self.scan)
        grid.addWidget(self.scan_button, 2, 3)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("scanProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("取消扫描"), self)
        self.cancel_button.setObjectName("cancelScan")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.status = QLabel(self)
        self.status.setObjectName("scanStatus")
        self.status.setWordWrap(True)
        for w in (self.progress, self.cancel_button):  # the panel keeps its height when a scan starts and ends
            policy = w.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            w.setSizePolicy(policy)
        grid.addWidget(self.status, 3, 0, 1, 2)
        grid.addWidget(self.progress, 3, 2)
        grid.addWidget(self.cancel_button, 3, 3)
        self.problem = QLabel(self)
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        grid.addWidget(self.problem, 4, 0, 1, 4)
        for c in range(4):
            grid.setColumnStretch(c, 1)
        self.set_case(None, {})

    def set_compact(self, on: bool) -> None:
        """On a short screen (1366×768) the colour / resolution / source / page count row folds under 选项."""
        self.options_button.setVisible(on)
        self._show_options(not on or self.options_button.isChecked())

    def _show_options(self, show: bool) -> None:
        for w in (self.mode, self.resolution, self.source, self.count):
            w.setVisible(show)

    def _combo(self, name: str, items: list[tuple[str, Any]]) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        for label, value in items:
            box.addItem(self.tr(label), value)
        return box

    # -- what to scan into ---------------------------------------------------------------------------
    def set_case(self, case_uuid: str | None, names: dict[str, str]) -> None:
        """The open (editable) case and its materials, or None: scanning needs an open case."""
        keep = self.target.currentData()
        self.case_uuid = case_uuid
        self.target.clear()
        for code, name in names.items():
            self.target.addItem(name, code)
        if keep in names:
            self.select(keep)
        self._enable()

    def select(self, code: str) -> None:
        i = self.target.findData(code)
        if i >= 0:
            self.target.setCurrentIndex(i)

    @property
    def selected(self) -> str | None:
        return self.target.currentData() or None

    def _enable(self) -> None:
        ready = self.case_uuid is not None and self.device.count() > 0 and self.device.currentData() is not None
        self.scan_button.setEnabled(ready and not self.scanning)
        for w in (self.device, self.refresh_button, self.mode, self.resolution, self.source, self.separators,
                  self.target):
            w.setEnabled(not self.scanning)
        self.count.setEnabled(not self.scanning and self.source.currentData() == "flatbed")
        if self.case_uuid is None and not self.scanning:
            self.status.setText(self.tr("打开一个案件后可以扫描"))
        elif not self.scanning and self.device.currentData() is None:
            if self.status.text() in ("", self.tr("打开一个案件后可以扫描")):  # a case is open: never the stale hint
                self.status.setText(self.tr("请先点“查找扫描仪”，或按 Ctrl+O 导入文件"))

    # -- devices -------------------------------------------------------------------------------------
    def find_devices(self) -> None:
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("正在查找扫描仪…"))
        scanner = self.scanner
        Query(self, scanner.list_devices).success(self._devices).failure(self._devices_failed).run_in_background()

    def _devices(self, devices: list[ScannerDevice]) -> None:
        keep = self.device.currentData()
        self.device.clear()
        for d in devices:
            self.device.addItem(f"{d.label}（{d.name}）" if d.label != d.name else d.name, d.name)
        if keep is not None and self.device.findData(keep) >= 0:
            self.device.setCurrentIndex(self.device.findData(keep))
        if not devices:
            self.device.addItem(self.tr("未找到扫描仪"), None)
        self.status.setText(self.tr("找到 %n 台扫描仪", "", len(devices)) if devices
                            else self.tr("未找到扫描仪：请检查电源和连接线，或用“导入文件”"))
        self.refresh_button.setEnabled(True)
        self._enable()

    def _devices_failed(self, exc: BaseException) -> None:
        self.device.clear()
        self.device.addItem(self.tr("未找到扫描仪"), None)
        self.status.setText(messages.describe(exc))
        self.refresh_button.setEnabled(True)
        self._enable()

    # -- scanning ------------------------------------------------------------------------------------
    def options(self) -> Any:
        from clerk.materials.scanner import ScanOptions

        source = self.source.currentData()
        mode = self.mode.currentData()
        flatbed = source == "flatbed"
        return ScanOptions(mode=mode, resolution=int(self.resolution.currentData()),
                           source="flatbed" if flatbed else "adf", duplex=source == "duplex",
                           batch=flatbed and self.count.value() > 1, count=self.count.value() if flatbed else None,
                           format="png" if mode == "lineart" else "jpeg", extra=self.extra)

    def scan(self) -> None:
        device, code, case_uuid = self.device.currentData(), self.selected, self.case_uuid
        if self.scanning or device is None or case_uuid is None:
            return
        if code is None and not self.separators.isChecked():
            self._show_problem(self.tr("请先选择要扫描到哪一份材料"))
            return
        cancel = threading.Event()
        self._cancel = cancel
        self.scanning = True
        self._show_problem(None)
        self.status.setText(self.tr("正在扫描…"))
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self._enable()
        materials, scanner, options, separators = self.materials, self.scanner, self.options(), self.separators.isChecked()
        progress = self._progress

        def job() -> ScanOutcome:
            return materials.scan_into(case_uuid, code, scanner, device, options, separators=separators,
                                       on_progress=lambda n, page: progress.page.emit(n, page.material_code if page else ""),
                                       cancel=cancel)

        # The read pool, not the ordered write pool: a batch takes minutes and autosaves must not wait
        # behind it; scan_into writes each page in its own transaction.
        Query(self, job).success(self._done).failure(self._failed).run_in_background()

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("正在取消…"))

    def _page_scanned(self, n: int, code: str) -> None:
        if self.scanning:
            self.status.setText(self.tr("已扫描 %n 页…", "", n))

    def _finish(self) -> None:
        self.scanning = False
        self._cancel = None
        self.progress.hide()
        self.cancel_button.hide()
        self._enable()

    def _done(self, outcome: ScanOutcome) -> None:
        self._finish()
        names = {self.target.itemData(i): self.target.itemText(i) for i in range(self.target.count())}
        filed = "，".join(self.tr("%1 %n 页", "", len(ps)).replace("%1", names.get(c, c))
                         for c, ps in outcome.by_material.items())
        if outcome.cancelled:
            text = self.tr("扫描已取消；已扫描的 %n 页已保留", "", len(outcome.pages))
        else:
            text = self.tr("扫描完成：%n 页", "", len(outcome.pages))
        self.status.setText(text + (f"（{filed}）" if filed else ""))
        problems = list(outcome.problems)
        if outcome.error:
            problems.insert(0, outcome.error)
        if outcome.unfiled:
            problems.append(self.tr("%n 页未归档，保存在：", "", len(outcome.unfiled)) + str(outcome.unfiled[0].parent))
        self._show_problem("\n".join(problems) or None)
        self.scanned.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.status.setText(self.tr("没有扫描"))
        self._show_problem(messages.describe(exc))

    def _show_problem(self, message: str | None) -> None:
        self.problem.setText(message or "")
        self.problem.setVisible(bool(message))

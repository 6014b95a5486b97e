"""The device panel (设备状态): each hall device, its state and the one-line fix (``clerk.devices.health``).

The check runs off the GUI thread (``Query``: ``lpstat``, ``scanimage -L`` and the reader's driver may
take seconds); the second screen is what Qt sees, the cameras what Qt Multimedia lists.
"""

from __future__ import annotations

from clerk.devices.health import KIND_LABELS, STATE_LABELS, DeviceCheck, DeviceState, Probes, check_devices
from clerk.settings import Settings
from ui.ops import Query
from ui.qt import (
    QAbstractItemView,
    QColor,
    QDialog,
    QGuiApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

COLOURS = {DeviceState.OK: "#1b7f3b", DeviceState.WARNING: "#b26a00", DeviceState.DOWN: "#b3261e",
           DeviceState.NOT_CONFIGURED: "#5f6368", DeviceState.UNKNOWN: "#5f6368"}


def qt_probes() -> Probes:
    """The machine as the window sees it: Qt's screens; the rest as ``clerk.devices.health`` asks."""
    screens = len(QGuiApplication.screens())
    return Probes(screens=lambda: screens)


class DevicePanel(QDialog):
    """Signals:
        checked(list): the checks just shown (``DeviceCheck`` list).
    """

    checked = Signal(list)

    def __init__(self, settings: Settings, parent: QWidget | None = None, *, probes: Probes | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("devicePanel")
        self.setWindowTitle(self.tr("设备状态"))
        self.settings = settings
        self.probes = probes
        self.checks: list[DeviceCheck] = []
        v = QVBoxLayout(self)
        self.summary = QLabel(self.tr("正在检查设备…"), self)
        self.summary.setObjectName("deviceSummary")
        v.addWidget(self.summary)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("设备"), self.tr("状态"), self.tr("情况"), self.tr("处理办法")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 260)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        v.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.recheck = QPushButton(self.tr("重新检查"), self)
        self.recheck.clicked.connect(self.refresh)
        row.addWidget(self.recheck)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        v.addLayout(row)
        self.resize(1100, 480)

    def refresh(self) -> None:
        self.recheck.setEnabled(False)
        self.summary.setText(self.tr("正在检查设备…"))
        probes = self.probes or qt_probes()
        settings = self.settings
        Query(self, lambda: check_devices(settings, probes)).success(self.show_checks).failure(
            self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        self.recheck.setEnabled(True)
        self.summary.setText(self.tr("设备检查失败：{error}").format(error=str(exc).splitlines()[0] if str(exc) else ""))

    def show_checks(self, checks: list[DeviceCheck]) -> None:
        self.checks = list(checks)
        self.recheck.setEnabled(True)
        self.table.setRowCount(len(checks))
        for i, c in enumerate(checks):
            name = KIND_LABELS.get(c.kind, c.kind) + (f"（{c.name}）" if c.name else "")
            state = QTableWidgetItem(STATE_LABELS[c.state])
            state.setForeground(QColor(COLOURS[c.state]))
            for col, item in enumerate((QTableWidgetItem(name), state, QTableWidgetItem(c.detail),
                                        QTableWidgetItem(c.fix))):
                self.table.setItem(i, col, item)
        self.table.resizeRowsToContents()
        QTimer.singleShot(0, self.table.resizeRowsToContents)  # again once the columns have their widths
        trouble = [c for c in checks if c.trouble]
        self.summary.setText(self.tr("全部设备正常") if not trouble
                             else self.tr("{n} 项设备需要处理").format(n=len(trouble)))
        self.checked.emit(self.checks)

    def row_texts(self) -> list[list[str]]:
        """What the table shows (tests)."""
        out: list[list[str]] = []
        for r in range(self.table.rowCount()):
            items = [self.table.item(r, c) for c in range(4)]
            out.append([item.text() if item is not None else "" for item in items])
        return out

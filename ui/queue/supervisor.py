"""The hall supervisor's dashboard (大厅监管, ``--mode supervisor``): windows and queues live, alerts,
tidal-window suggestions with one-click reassignment, the day's hourly chart, Excel export."""

from __future__ import annotations

from pathlib import Path

from clerk import clock
from clerk.context import AppContext
from clerk.queueing import Snapshot, SupervisorService, TidalSuggestion
from clerk.queueing.model import WindowState
from clerk.queueing.report import export_day
from clerk.queueing.supervisor import HourFigures
from ui import labels, messages
from ui.ops import Query, TaskManager
from ui.qt import (
    QColor,
    QCoreApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPainter,
    QPaintEvent,
    QPen,
    QPushButton,
    QRectF,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.queue.alerts import FollowupAlerts
from ui.queue.common import HallAccess, SaveDialog, downloads_dir, native_save_dialog

POLL_MS = 10000
FIRST_RETRY_MS = 500
"""Until the first figures arrive a failed refresh is retried this soon (the tables filled within 2 s)."""
STYLE = """
QWidget#supervisor { background: #f3f5f8; }
QLabel#supTitle { font-size: 22px; font-weight: bold; color: #1f4e8c; }
QLabel#supHead { font-size: 16px; font-weight: bold; color: #102a43; padding-top: 4px; }
QLabel#supStatus { color: #627d98; }
QTableWidget { background: #ffffff; font-size: 14px; gridline-color: #e4e7eb; }
QListWidget { background: #ffffff; font-size: 14px; }
QFrame#tidalCard { background: #fff8e1; border: 1px solid #f0b429; border-radius: 8px; }
QLabel#tidalText { font-size: 14px; color: #3d2b00; }
QPushButton#applyTidal { background: #1f4e8c; color: #ffffff; border: none; border-radius: 4px; padding: 6px 14px; }
"""


def axis_ticks(peak: int, steps: int = 4) -> list[int]:
    """Whole-number ticks from 0 that cover ``peak``: a 1-2-5 step, every label different (never "1, 1, 0")."""
    step = 1
    while step * steps < peak:
        for factor in (2, 5 / 2, 2):  # 1 → 2 → 5 → 10 → 20 → 50 …
            step = int(step * factor)
            if step * steps >= peak:
                break
    return [step * i for i in range(steps + 1)]


class HourChart(QWidget):
    """Bars per hour of the day: peak waiting (light) and served (dark), painted; no chart library."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hours: dict[int, HourFigures] = {}
        self.setMinimumHeight(200)

    def set_hours(self, hours: dict[int, HourFigures]) -> None:
        self.hours = dict(hours)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        span = range(8, 19)
        if self.hours:
            span = range(min(8, min(self.hours)), max(18, max(self.hours)) + 1)
        ticks = axis_ticks(max([0] + [max(f.waiting_peak, f.served) for f in self.hours.values()]))
        top = ticks[-1]
        left, bottom, right, head = 44, 30, 12, 30
        w, h = self.width() - left - right, self.height() - bottom - head
        p.setPen(QPen(QColor("#334e68")))
        x = float(left)
        for text, color in ((self.tr("等候人数峰值"), "#9fb3c8"), (self.tr("办结人数"), "#1f4e8c")):
            p.fillRect(QRectF(x, 8, 12, 12), QColor(color))
            width = p.fontMetrics().horizontalAdvance(text)
            p.drawText(QRectF(x + 18, 3, width + 4, 22), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += 18 + width + 24
        slot = w / len(span)
        p.setPen(QPen(QColor("#d9e2ec")))
        for tick in ticks:
            y = head + h - h * tick / top
            p.drawLine(left, int(y), left + w, int(y))
            p.setPen(QPen(QColor("#829ab1")))
            p.drawText(QRectF(0, y - 9, left - 6, 18), Qt.AlignmentFlag.AlignRight, str(tick))
            p.setPen(QPen(QColor("#d9e2ec")))
        bar = max(3.0, slot * 0.34)
        for i, hour in enumerate(span):
            f = self.hours.get(hour, HourFigures())
            x = left + i * slot + slot * 0.14
            for value, color, dx in ((f.waiting_peak, "#9fb3c8", 0.0), (f.served, "#1f4e8c", bar + 2)):
                bh = h * value / top
                p.fillRect(QRectF(x + dx, head + h - bh, bar, bh), QColor(color))
            p.setPen(QPen(QColor("#52606d")))
            p.drawText(QRectF(left + i * slot, head + h + 4, slot, 20), Qt.AlignmentFlag.AlignCenter,
                       self.tr("%1时").replace("%1", str(hour)))
        p.end()


class SupervisorWindow(QWidget):
    """大厅监管.

    Signals:
        refreshed(object): a Snapshot was shown.
        exported(str): the day's figures were written to that .xlsx file.
        message(str): a line for the status label.
    """

    refreshed = Signal(object)
    exported = Signal(str)
    message = Signal(str)

    def __init__(self, service_for: HallAccess, thresholds_from: object, tasks: TaskManager, hall_name: str = "",
                 parent: QWidget | None = None, *, auto_poll: bool = True,
                 service: SupervisorService | None = None, followup_ctx: AppContext | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisor")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("大厅监管") + (f" — {hall_name}" if hall_name else ""))
        self.access, self.tasks, self.hall_name = service_for, tasks, hall_name
        self._settings = thresholds_from
        self._service = service
        self.snapshot: Snapshot | None = None
        self.save_dialog: SaveDialog = native_save_dialog
        self._busy = False

        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        title = QLabel(self.tr("大厅监管"), self)
        title.setObjectName("supTitle")
        top.addWidget(title)
        hall = QLabel(hall_name, self)
        hall.setObjectName("supStatus")
        top.addWidget(hall)
        top.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("supStatus")
        self.status.setMinimumWidth(260)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.status)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        self.export_button = QPushButton(self.tr("导出今日数据 (Excel)…"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        top.addWidget(self.export_button)
        root.addLayout(top)
        self.message.connect(self.status.setText)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self._head(self.tr("窗口"), left))
        self.windows = self._table(left, [self.tr("窗口"), self.tr("状态"), self.tr("办理业务"), self.tr("当前号"),
                                          self.tr("已办结"), self.tr("平均办理")])
        lv.addWidget(self.windows, 3)
        lv.addWidget(self._head(self.tr("排队"), left))
        self.queues = self._table(left, [self.tr("业务"), self.tr("等候"), self.tr("最长等候"), self.tr("预计等候"),
                                         self.tr("已办结"), self.tr("过号")])
        lv.addWidget(self.queues, 2)
        lv.addWidget(self._head(self.tr("今日按小时"), left))
        self.chart = HourChart(left)
        lv.addWidget(self.chart, 2)
        right = QWidget(split)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self._head(self.tr("提醒"), right))
        self.alerts = QListWidget(right)
        self.alerts.setWordWrap(True)
        rv.addWidget(self.alerts, 1)
        rv.addWidget(self._head(self.tr("跟进提醒（容缺超期、差评）"), right))
        self.followup_list = QListWidget(right)  # filled by ui.queue.alerts (watch_followup)
        self.followup_list.setObjectName("followupAlerts")
        self.followup_list.setWordWrap(True)
        self.followup_list.setMinimumHeight(120)
        rv.addWidget(self.followup_list, 1)
        self.followup: FollowupAlerts | None = None
        rv.addWidget(self._head(self.tr("潮汐窗口建议"), right))
        self.tidal_host = QWidget(right)
        self.tidal_box = QVBoxLayout(self.tidal_host)
        self.tidal_box.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.tidal_host)
        self.no_tidal = QLabel(self.tr("各业务预计等候都在阈值以内，无需调整。"), right)
        self.no_tidal.setObjectName("supStatus")
        self.no_tidal.setWordWrap(True)
        rv.addWidget(self.no_tidal)
        rv.addStretch(1)
        self.alerts.setMinimumHeight(160)
        self.tidal_buttons: dict[str, QPushButton] = {}
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        root.addWidget(split, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.refresh)
        if followup_ctx is not None:
            self.watch_followup(followup_ctx)
        if auto_poll:
            self.timer.start()
            QTimer.singleShot(0, self, self.refresh)

    def watch_followup(self, ctx: AppContext) -> None:
        """Overdue commitments and low evaluation scores of this data dir, refreshed with the hall's figures
        and a new low score at once (clerk LOW_SCORE_RECEIVED)."""
        self.followup = FollowupAlerts(ctx, self.followup_list, self)
        self.followup.refresh()

    @staticmethod
    def _head(text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setObjectName("supHead")
        return label

    @staticmethod
    def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(headers), parent)
        t.setHorizontalHeaderLabels(headers)
        t.verticalHeader().setVisible(False)
        t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return t

    def service(self) -> SupervisorService:
        if self._service is None:
            self._service = SupervisorService.from_settings(self.access.client(), self._settings)
        return self._service

    # -- refresh -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.followup is not None:
            self.followup.refresh()
        if self._busy:
            return
        self._busy = True
        Query(self, lambda: self.service().refresh()).success(self._show).failure(self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.message.emit(messages.describe(exc))
        if self.snapshot is None and self.timer.isActive():  # nothing shown yet (the platform starting): soon again
            QTimer.singleShot(FIRST_RETRY_MS, self, self.refresh)

    def _show(self, snap: Snapshot) -> None:
        self._busy = False
        self.snapshot = snap
        st = snap.stats
        self.windows.setRowCount(len(st.windows))
        for r, (code, w) in enumerate(st.windows.items()):
            info = snap.windows.get(code)
            cells = [labels.window(code), labels.window_state(w.state),
                     "、".join(labels.service(s) for s in info.services) if info else "",
                     w.current_ticket or "—", str(w.served), _minutes(w.avg_service_s)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 1 and w.state is not WindowState.OPEN:
                    item.setForeground(QColor("#a15c00"))
                self.windows.setItem(r, c, item)
        self.queues.setRowCount(len(st.services))
        for r, (code, s) in enumerate(st.services.items()):
            expected = snap.expected_wait_min(code, self.service().thresholds.default_service_s)
            cells = [labels.service(code), str(s.waiting), _minutes(s.longest_wait_s) if s.waiting else "—",
                     self.tr("%1 分钟").replace("%1", f"{expected:.0f}") if s.waiting else "—", str(s.served), str(s.no_shows)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 2 and s.waiting and s.longest_wait_s / 60 >= self.service().thresholds.display_wait_min:
                    item.setForeground(QColor("#b00020"))
                self.queues.setItem(r, c, item)
        self.alerts.clear()
        for a in snap.alerts:
            alert = QListWidgetItem("⚠ " + a.message)
            alert.setForeground(QColor("#b00020"))
            self.alerts.addItem(alert)
        if not snap.alerts:
            self.alerts.addItem(self.tr("暂无提醒"))
        self._show_tidal(list(snap.suggestions))
        self.chart.set_hours(snap.hours)
        self.message.emit(self.tr("更新于 %1").replace("%1", clock.from_timestamp(snap.at).strftime("%H:%M:%S")))
        self.refreshed.emit(snap)

    def _show_tidal(self, suggestions: list[TidalSuggestion]) -> None:
        while self.tidal_box.count():
            taken = self.tidal_box.takeAt(0)
            old = taken.widget() if taken is not None else None
            if old is not None:
                old.deleteLater()
        self.tidal_buttons = {}
        for s in suggestions:
            card = QFrame(self.tidal_host)
            card.setObjectName("tidalCard")
            h = QHBoxLayout(card)
            text = QLabel(s.message, card)
            text.setObjectName("tidalText")
            text.setWordWrap(True)
            h.addWidget(text, 1)
            b = QPushButton(self.tr("一键开放 %1").replace("%1", labels.window(s.window)), card)
            b.setObjectName("applyTidal")
            b.clicked.connect(lambda _c=False, sug=s: self.apply(sug))
            h.addWidget(b)
            self.tidal_box.addWidget(card)
            self.tidal_buttons[s.service] = b
        self.no_tidal.setVisible(not suggestions)

    # -- actions -----------------------------------------------------------------------------------
    def apply(self, suggestion: TidalSuggestion) -> None:
        self.reassign(suggestion.window, list(suggestion.services))

    def reassign(self, window: str, services: list[str], state: WindowState = WindowState.OPEN) -> None:
        """Sets a window's services and opens it, then refreshes."""
        def done(_info: object) -> None:
            names = "、".join(labels.service(s) for s in services)
            self.message.emit(self.tr("%1 已开放，办理：%2").replace("%1", labels.window(window)).replace("%2", names))
            self.refresh()

        Query(self, lambda: self.service().reassign(window, services, state)).success(done).failure(self._failed).run_in_background()

    def export(self) -> None:
        """Asks where to save (through ``save_dialog``) and writes the day's workbook in a worker."""
        snap = self.snapshot
        if snap is None:
            self.message.emit(self.tr("还没有数据可导出"))
            return
        suggested = str(downloads_dir() / f"排队叫号日报-{snap.stats.date}.xlsx")
        path = self.save_dialog(self, self.tr("导出今日数据"), suggested, self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        hall = self.hall_name
        Query(self, lambda: export_day(snap, Path(path), hall)).success(lambda p: self._exported(str(p))).failure(lambda e: self.message.emit(self.tr("导出失败：") + messages.describe(e))).run_in_background()

    def _exported(self, path: str) -> None:
        self.message.emit(self.tr("已导出：") + path)
        self.exported.emit(path)

    def stop(self) -> None:
        self.timer.stop()
        if self.followup is not None:
            self.followup.detach()


def _minutes(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds >= 60:
        return QCoreApplication.translate("SupervisorWindow", "%1 分钟").replace("%1", f"{seconds / 60:.0f}")
    return QCoreApplication.translate("SupervisorWindow", "%1 秒").replace("%1", f"{seconds:.0f}")

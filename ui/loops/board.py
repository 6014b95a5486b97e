"""The closed loops on screen: 办件统计 (charts), 差评整改 and 办不成事 — panels over ``clerk.loops`` and
``clerk.figures``; ``LoopsBoard`` puts the three in tabs for the hall supervisor.

Every call goes through ``ui.ops.Query`` (the platform is a server); a person's answers (callback,
result, re-evaluation …) come from ``ask``, a seam tests replace: ``ask(title, label, kind)`` with
``kind`` ``text`` or ``score`` returns the answer or None when cancelled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clerk import clock
from clerk.evaluation import load_content
from clerk.figures import period
from clerk.loops import COMPLAINT_STATUS_LABELS, RECTIFICATION_STATUS_LABELS, HallLoops
from clerk.queueing.report import export_figures
from ui import messages
from ui.loops.charts import PALETTE, BarChart, ShareRing
from ui.ops import Query, TaskManager
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QBrush,
    QColor,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)

Ask = Callable[[str, str, str], "str | None"]
FigureSource = Callable[[dt.date, dt.date], dict[str, Any]]
STYLE = """
QWidget#loopsBoard { background: #f3f5f8; }
QLabel.kpi { background: #ffffff; border: 1px solid #d9e2ec; border-radius: 6px; padding: 6px 10px; font-size: 14px; }
QLabel#loopsTitle { font-size: 20px; font-weight: bold; color: #1f4e8c; }
QTableWidget { background: #ffffff; font-size: 14px; gridline-color: #e4e7eb; }
"""
KPIS = (("accepted", "受理"), ("notified", "一次性告知"), ("rejected", "不予受理"), ("delivered", "出件"),
        ("evaluations", "评价"), ("bad_evaluations", "差评"), ("overdue", "超期"), ("near_due", "临期"),
        ("rectifications_open", "整改未办结"), ("complaints_open", "办不成事未销号"))


def dialog_ask(parent: QWidget) -> Ask:
    def ask(title: str, label: str, kind: str) -> str | None:
        if kind == "score":
            value, ok = QInputDialog.getInt(parent, title, label, 5, 1, 5)
            return str(value) if ok else None
        text, ok = QInputDialog.getMultiLineText(parent, title, label)
        return text if ok else None
    return ask


def _ledger_body(panel: Any, lay: QVBoxLayout, bar: QHBoxLayout, prefix: str, actions: list[tuple[str, str]]
                 ) -> tuple[dict[str, QPushButton], QTableWidget, QLabel]:
    """A ledger panel's action buttons (each calling ``panel.act``), its table of ``panel.HEADERS`` and
    its status line — the rectifications and the 办不成事 ledger alike."""
    buttons: dict[str, QPushButton] = {}
    for action, label in actions:
        b = QPushButton(panel.tr(label), panel)
        b.setObjectName(f"{prefix}_{action}")
        b.clicked.connect(lambda _c=False, a=action: panel.act(a))
        buttons[action] = b
        bar.addWidget(b)
    bar.addStretch(1)
    lay.addLayout(bar)
    table = _table(panel, [panel.tr(h) for h in panel.HEADERS])
    lay.addWidget(table)
    status = QLabel(panel)
    lay.addWidget(status)
    return buttons, table, status


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(table: QTableWidget, rows: list[list[str]], *, alert: list[bool] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if alert and alert[r]:
                item.setForeground(QBrush(QColor("#c62828")))
            table.setItem(r, c, item)


class FiguresPanel(QWidget):
    """办件统计: the period's figures as cards, rings and bar charts; Excel export.

    Signals:
        shown(object): the figures (dict) now on screen.
        exported(str): written to that .xlsx file.
    """

    shown = Signal(object)
    exported = Signal(str)

    def __init__(self, source: FigureSource, tasks: TaskManager, *, scope: str = "",
                 save_path: Callable[[QWidget, str], str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source, self.tasks = source, tasks
        self.data: dict[str, Any] | None = None
        self._save_path = save_path or (lambda w, s: QFileDialog.getSaveFileName(w, self.tr("导出办件统计"), s,
                                                                                "Excel (*.xlsx)")[0])
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("办件统计") + (f"（{scope}）" if scope else ""), self)
        title.setObjectName("loopsTitle")
        top.addWidget(title)
        top.addStretch(1)
        self.period = QComboBox(self)
        self.period.setObjectName("periodBox")
        for key, label in (("day", self.tr("今日")), ("week", self.tr("本周")), ("month", self.tr("本月"))):
            self.period.addItem(label, key)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.period)
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.export_button.clicked.connect(self.export)
        top.addWidget(self.export_button)
        lay.addLayout(top)
        grid = QGridLayout()
        self.kpi: dict[str, QLabel] = {}
        for i, (key, label) in enumerate(KPIS):
            w = QLabel(self)
            w.setProperty("class", "kpi")
            w.setObjectName(f"kpi_{key}")
            w.setTextFormat(Qt.TextFormat.RichText)
            self.kpi[key] = w
            w.setProperty("label", self.tr(label))
            grid.addWidget(w, i // 5, i % 5)
        lay.addLayout(grid)
        charts = QHBoxLayout()
        self.rings = {"first_visit_rate": ShareRing(self.tr("一次办成率"), PALETTE[3], self),
                      "deferred_share": ShareRing(self.tr("容缺受理"), PALETTE[1], self),
                      "e_license_share": ShareRing(self.tr("免提交"), PALETTE[0], self)}
        for ring in self.rings.values():
            charts.addWidget(ring)
        self.by_day = BarChart(self.tr("按日办件量"), self)
        charts.addWidget(self.by_day, 3)
        lay.addLayout(charts)
        self.by_bundle = BarChart(self.tr("按一件事"), self)
        lay.addWidget(self.by_bundle, 1)
        self.status = QLabel(self)
        lay.addWidget(self.status)

    def range(self) -> tuple[dt.date, dt.date]:
        return period(str(self.period.currentData()), clock.today())

    def refresh(self) -> None:
        start, end = self.range()
        Query(self, lambda: self.source(start, end)).success(self.show_figures).failure(
            lambda e: self.status.setText(self.tr("读取统计失败：") + messages.describe(e))).run_in_background()

    def show_figures(self, data: dict[str, Any]) -> None:
        self.data = data
        totals = data.get("totals", {})
        for key, w in self.kpi.items():
            value = totals.get(key)
            shown = "—" if value is None else str(value)
            w.setText(f"<span style='color:#627d98'>{w.property('label')}</span><br>"
                      f"<b style='font-size:20px'>{shown}</b>")
        for key, ring in self.rings.items():
            ring.setVisible(key in data)
            ring.set_value(float(data.get(key, 0.0)))
        days = data.get("by_day", {})
        series = [(self.tr(label), [float(days[d].get(k, 0)) for d in days]) for k, label in
                  (("accepted", "受理"), ("notified", "告知"), ("rejected", "不予受理"), ("delivered", "出件"))
                  if any(k in v for v in days.values())]
        self.by_day.set_data([d[5:] for d in days], series)
        bundles = data.get("by_bundle", {})
        self.by_bundle.set_data(list(bundles), [(self.tr(label), [float(bundles[b].get(k, 0)) for b in bundles])
                                                for k, label in (("accepted", "受理"), ("notified", "告知"),
                                                                 ("rejected", "不予受理"))
                                                if any(k in v for v in bundles.values())])
        self.status.setText(f"{data.get('from')} — {data.get('to')}")
        self.shown.emit(data)

    def export(self) -> None:
        if self.data is None:
            return
        data = self.data
        path = self._save_path(self, str(Path.home() / f"办件统计-{data.get('from')}-{data.get('to')}.xlsx"))
        if not path:
            return
        Query(self, lambda: export_figures(data, Path(path))).success(lambda p: self.exported.emit(str(p))).failure(
            lambda e: self.status.setText(self.tr("导出失败：") + messages.describe(e))).run_in_background()


class RectificationsPanel(QWidget):
    """差评整改: the hall's items (overdue in red), and callback → result → close, appeals decided.

    Signals:
        changed(object): an item after an action (dict).
        loaded(object): the list now shown.
    """

    changed = Signal(object)
    loaded = Signal(object)
    HEADERS = [
        QT_TRANSLATE_NOOP("RectificationsPanel", "编号"),
        QT_TRANSLATE_NOOP("RectificationsPanel", "办件编号"),
        QT_TRANSLATE_NOOP("RectificationsPanel", "评分"),
        QT_TRANSLATE_NOOP("RectificationsPanel", "差评原因"),
        QT_TRANSLATE_NOOP("RectificationsPanel", "经办人"),
        QT_TRANSLATE_NOOP("RectificationsPanel", "窗口"),
        QT_TRANSLATE_NOOP("RectificationsPanel", "限办日期"),
        QT_TRANSLATE_NOOP("RectificationsPanel", "状态"),
    ]

    def __init__(self, loops: Callable[[], HallLoops], tasks: TaskManager, ask: Ask | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loops, self.tasks = loops, tasks
        self.ask = ask or dialog_ask(self)
        self.items: list[dict[str, Any]] = []
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.only_open = QComboBox(self)
        self.only_open.addItem(self.tr("未办结"), True)
        self.only_open.addItem(self.tr("全部"), False)
        self.only_open.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.only_open)
        self.buttons, self.table, self.status = _ledger_body(self, lay, bar, "rect", [("callback", "回访…"), ("rectify", "整改结果…"),
                                               ("close", "再次评价并关闭…"), ("decide", "裁定申诉…")])

    def refresh(self) -> None:
        open_only = bool(self.only_open.currentData())
        Query(self, lambda: self.loops().rectifications(open_only=open_only)).success(self.show_items).failure(
            lambda e: self.status.setText(self.tr("读取整改事项失败：") + messages.describe(e))).run_in_background()

    def show_items(self, items: list[dict[str, Any]]) -> None:
        content = load_content()
        self.items = list(items)
        rows = [[str(i["id"]), i["case_no"] or "—", str(i["score"]), "、".join(content.label(r) for r in i["reasons"]),
                 i["operator"], i["window"], i["due_date"] + (self.tr(" 已超期") if i["overdue"] else ""),
                 self.tr(RECTIFICATION_STATUS_LABELS.get(i["status"], i["status"]))] for i in self.items]
        _fill(self.table, rows, alert=[bool(i["overdue"]) for i in self.items])
        overdue = sum(1 for i in self.items if i["overdue"])
        self.status.setText(self.tr("共 %1 件，其中超期 %2 件").replace("%1", str(len(rows))).replace("%2", str(overdue)))
        self.loaded.emit(self.items)

    def selected(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def act(self, action: str) -> None:
        item = self.selected()
        if item is None:
            self.status.setText(self.tr("请先选中一件整改事项"))
            return
        body: dict[str, Any]
        if action == "close":
            score = self.ask(self.tr("再次评价"), self.tr("申请人对整改的再次评价（1–5 分）："), "score")
            if score is None:
                return
            body = {"score": int(score)}
        elif action == "decide":
            answer = self.ask(self.tr("裁定申诉"), self.tr("申诉成立请以“成立：”开头，否则写不成立的理由："), "text")
            if answer is None:
                return
            upheld = answer.strip().startswith(("成立", "upheld"))
            body = {"upheld": upheld, "reason": answer.strip().removeprefix("成立：").removeprefix("成立") or answer}
        else:
            label = {"callback": self.tr("回访记录：申请人怎么说"), "rectify": self.tr("整改结果")}[action]
            text = self.ask(self.tr("差评整改"), label, "text")
            if text is None:
                return
            body = {"said" if action == "callback" else "result": text}
        rid = int(item["id"])
        Query(self, lambda: self.loops().rectification_action(rid, action, **body)).success(self._done).failure(
            lambda e: self.status.setText(messages.describe(e))).run_in_background()

    def _done(self, item: dict[str, Any]) -> None:
        self.changed.emit(item)
        self.refresh()


class ComplaintsPanel(QWidget):
    """办不成事 反映窗口: record what a person could not get done; the hall's ledger, ageing; 销号.

    Signals:
        added(object): the item just recorded.
        changed(object): an item after a follow-up, assignment or closing.
        loaded(object): the ledger now shown.
    """

    added = Signal(object)
    changed = Signal(object)
    loaded = Signal(object)
    HEADERS = [
        QT_TRANSLATE_NOOP("ComplaintsPanel", "编号"),
        QT_TRANSLATE_NOOP("ComplaintsPanel", "反映事项"),
        QT_TRANSLATE_NOOP("ComplaintsPanel", "事项编码"),
        QT_TRANSLATE_NOOP("ComplaintsPanel", "没办成的原因"),
        QT_TRANSLATE_NOOP("ComplaintsPanel", "登记人"),
        QT_TRANSLATE_NOOP("ComplaintsPanel", "承办人"),
        QT_TRANSLATE_NOOP("ComplaintsPanel", "已开（天）"),
        QT_TRANSLATE_NOOP("ComplaintsPanel", "状态"),
        QT_TRANSLATE_NOOP("ComplaintsPanel", "办理结果"),
    ]

    def __init__(self, loops: Callable[[], HallLoops], tasks: TaskManager, ask: Ask | None = None, *,
                 window: str | None = None, supervisor: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loops, self.tasks, self.window_code = loops, tasks, window
        self.ask = ask or dialog_ask(self)
        self.items: list[dict[str, Any]] = []
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.text = QLineEdit(self)
        self.text.setObjectName("complaintText")
        self.text.setPlaceholderText(self.tr("想办什么事"))
        self.matter = QLineEdit(self)
        self.matter.setPlaceholderText(self.tr("事项编码（可不填）"))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("为什么没办成"))
        self.contact = QLineEdit(self)
        self.contact.setPlaceholderText(self.tr("联系电话（申请人愿意留时）"))
        for label, w in ((self.tr("反映事项"), self.text), (self.tr("事项"), self.matter), (self.tr("原因"), self.reason),
                         (self.tr("联系方式"), self.contact)):
            form.addRow(label, w)
        lay.addLayout(form)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("登记"), self)
        self.add_button.setObjectName("complaintAdd")
        self.add_button.clicked.connect(self.add)
        bar.addWidget(self.add_button)
        self.only_open = QComboBox(self)
        self.only_open.addItem(self.tr("未销号"), True)
        self.only_open.addItem(self.tr("全部"), False)
        self.only_open.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.only_open)
        actions = [("follow-up", "跟进…"), ("close", "销号…")] + ([("assign", "指派…")] if supervisor else [])
        self.buttons, self.table, self.status = _ledger_body(self, lay, bar, "complaint", actions)

    def refresh(self) -> None:
        open_only = bool(self.only_open.currentData())
        Query(self, lambda: self.loops().complaints(open_only=open_only)).success(self.show_items).failure(
            lambda e: self.status.setText(self.tr("读取办不成事台账失败：") + messages.describe(e))).run_in_background()

    def show_items(self, items: list[dict[str, Any]]) -> None:
        self.items = list(items)
        rows = [[str(i["id"]), i["text"], i.get("matter_code") or "", i.get("reason") or "", i["taken_by"],
                 i["assignee"], str(i["age_days"]), self.tr(COMPLAINT_STATUS_LABELS.get(i["status"], i["status"])),
                 i.get("result") or ""] for i in self.items]
        _fill(self.table, rows, alert=[i["status"] == "open" and i["age_days"] >= 5 for i in self.items])
        still = sum(1 for i in self.items if i["status"] == "open")
        self.status.setText(self.tr("未销号 %1 件").replace("%1", str(still)))
        self.loaded.emit(self.items)

    def add(self) -> None:
        text, matter, reason, contact = (self.text.text(), self.matter.text().strip() or None, self.reason.text(),
                                         self.contact.text())
        window = self.window_code
        Query(self, lambda: self.loops().add_complaint(text, matter_code=matter, reason=reason, contact=contact,
                                                       window=window)).success(self._added).failure(
            lambda e: self.status.setText(messages.describe(e))).run_in_background()

    def _added(self, item: dict[str, Any]) -> None:
        for w in (self.text, self.matter, self.reason, self.contact):
            w.clear()
        self.status.setText(self.tr("已登记，编号 %1").replace("%1", str(item["id"])))
        self.added.emit(item)
        self.refresh()

    def selected(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def act(self, action: str) -> None:
        item = self.selected()
        if item is None:
            self.status.setText(self.tr("请先选中一件"))
            return
        label = {"follow-up": self.tr("跟进情况"), "close": self.tr("销号：办理结果"), "assign": self.tr("指派给（用户名）")}
        answer = self.ask(self.tr("办不成事"), label[action], "text")
        if answer is None:
            return
        cid = int(item["id"])

        def call() -> dict[str, Any]:
            hall = self.loops()
            if action == "close":
                return hall.close_complaint(cid, answer)
            if action == "assign":
                return hall.assign_complaint(cid, answer.strip())
            return hall.follow_up(cid, answer)

        Query(self, call).success(self._changed).failure(
            lambda e: self.status.setText(messages.describe(e))).run_in_background()

    def _changed(self, item: dict[str, Any]) -> None:
        self.changed.emit(item)
        self.refresh()


class LoopsBoard(QWidget):
    """The supervisor's closed loops: 办件统计 (hall), 差评整改, 办不成事 in tabs."""

    def __init__(self, loops: Callable[[], HallLoops], tasks: TaskManager, *, hall_name: str = "",
                 ask: Ask | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loopsBoard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("好差评与办件统计") + (f" — {hall_name}" if hall_name else ""))
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        lay.addWidget(self.tabs)

        def hall_figures(start: dt.date, end: dt.date) -> dict[str, Any]:
            return loops().hall_figures(start.isoformat(), end.isoformat())

        self.figures = FiguresPanel(hall_figures, tasks, scope=self.tr("全大厅"), parent=self)
        self.rectifications = RectificationsPanel(loops, tasks, ask, parent=self)
        self.complaints = ComplaintsPanel(loops, tasks, ask, supervisor=True, parent=self)
        self.tabs.addTab(self.figures, self.tr("办件统计"))
        self.tabs.addTab(self.rectifications, self.tr("差评整改"))
        self.tabs.addTab(self.complaints, self.tr("办不成事"))

    def refresh(self) -> None:
        self.figures.refresh()
        self.rectifications.refresh()
        self.complaints.refresh()

"""The caller bar (叫号条) in the window-mode header: current ticket, call next (F2), recall (F3), start,
finish, no-show, transfer, pause/open the window; park the ticket (暂挂, F10: the applicant stepped away)
and call a chosen number (叫指定号, F11: a parked ticket back, a fallback ticket, one sent over), with
the window's parked tickets one click away. The hall server being down is shown plainly and never
stops intake: every request runs in a worker (ui.ops) with short time-outs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clerk import events as ev
from clerk.queueing import (
    CallerService,
    HallFeatures,
    Move,
    QueueError,
    Ticket,
    TicketState,
    Unreachable,
    WindowState,
)
from clerk.queueing.model import ParkedTicket, Priority
from ui import labels, messages
from ui.events import CallNextRequested, CaseFinished, DevicesTrouble, EventListener, ShowDevicesRequested
from ui.ops import Query
from ui.qt import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QRadioButton,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.queue.common import HallAccess

REFRESH_MS = 15000


class TransferDialog(QDialog):
    """转移: to another service (the ticket waits in that queue) or to a named window."""

    def __init__(self, ticket_no: str, services: list[str], own_window: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("转移排队号 %1").replace("%1", ticket_no))
        v = QVBoxLayout(self)
        v.addWidget(QLabel(self.tr("把 %1 号转给其他业务或其他窗口；该号将优先于后来的号等候。").replace("%1", ticket_no), self))
        form = QFormLayout()
        self.to_service = QRadioButton(self.tr("转到业务"), self)
        self.to_window = QRadioButton(self.tr("转到窗口"), self)
        group = QButtonGroup(self)
        group.addButton(self.to_service)
        group.addButton(self.to_window)
        self.service = QComboBox(self)
        for code in services:
            self.service.addItem(f"{labels.service(code)}（{code}）", code)
        self.window_edit = QLineEdit(self)
        self.window_edit.setPlaceholderText(self.tr("窗口代码，如 W05"))
        form.addRow(self.to_service, self.service)
        form.addRow(self.to_window, self.window_edit)
        v.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setObjectName("dialogProblem")
        self.problem.setStyleSheet("color: #b00020;")
        v.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("转移"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.buttons)
        self._own = own_window
        self.to_service.setChecked(True)
        self.service.currentIndexChanged.connect(lambda _i: self.to_service.setChecked(True))
        self.window_edit.textEdited.connect(lambda _t: self.to_window.setChecked(True))

    def choice(self) -> dict[str, str]:
        if self.to_window.isChecked():
            return {"window": self.window_edit.text().strip().upper()}
        return {"service": str(self.service.currentData() or "")}

    def _check(self) -> None:
        c = self.choice()
        if "window" in c and not c["window"]:
            self.problem.setText(self.tr("请填写要转去的窗口代码"))
            return
        if c.get("window") == self._own:
            self.problem.setText(self.tr("不能转给本窗口"))
            return
        if "service" in c and not c["service"]:
            self.problem.setText(self.tr("请选择业务"))
            return
        self.accept()


class CallNumberDialog(QDialog):
    """叫指定号: type a number (A012, X1A003) or pick one of this window's parked tickets; Enter calls it."""

    def __init__(self, parked: tuple[ParkedTicket, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callNumberDialog")
        self.setWindowTitle(self.tr("叫指定号"))
        self.setMinimumWidth(420)
        v = QVBoxLayout(self)
        v.addWidget(QLabel(self.tr("输入要叫的排队号（如 A012、应急号 X1A003），或从下面选一个暂挂的号叫回："), self))
        self.number = QLineEdit(self)
        self.number.setObjectName("callNumber")
        self.number.setMaxLength(12)
        self.number.setPlaceholderText(self.tr("排队号"))
        v.addWidget(self.number)
        self.parked_head = QLabel(self.tr("本窗口暂挂的号（↓ 选择，回车叫回）"), self)
        v.addWidget(self.parked_head)
        self.parked = QListWidget(self)
        self.parked.setObjectName("parkedList")
        for p in parked:
            at = (p.parked_at or "")[11:16]
            text = p.ticket_no + (self.tr("（%1 暂挂）").replace("%1", at) if at else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p.ticket_no)
            self.parked.addItem(item)
        self.parked.setVisible(bool(parked))
        self.parked_head.setVisible(bool(parked))
        rows = max(1, min(len(parked), 6))
        self.parked.setFixedHeight(rows * (self.parked.fontMetrics().height() + 8) + 8)
        v.addWidget(self.parked)
        self.problem = QLabel(self)
        self.problem.setObjectName("dialogProblem")
        self.problem.setStyleSheet("color: #b00020;")
        v.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("叫号"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.buttons)
        self.parked.currentItemChanged.connect(
            lambda item, _old: self.number.setText(str(item.data(Qt.ItemDataRole.UserRole))) if item else None)
        self.parked.itemActivated.connect(lambda _item: self._check())
        self.number.setFocus()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt override: ↓ from the number goes to the list
        if event.key() == Qt.Key.Key_Down and self.number.hasFocus() and self.parked.count():
            self.parked.setFocus()
            if self.parked.currentRow() < 0:
                self.parked.setCurrentRow(0)
            return
        super().keyPressEvent(event)

    def choice(self) -> str:
        return self.number.text().strip().upper()

    def _check(self) -> None:
        if not self.choice():
            self.problem.setText(self.tr("请输入排队号"))
            self.number.setFocus()
            return
        self.accept()


KEYS = {"call": "F2", "recall": "F3", "start": "F4", "finish": "F6", "no_show": "F7", "transfer": "F8", "pause": "F9",
        "park": "F10", "call_number": "F11"}
"""The caller bar's keys (window-wide shortcuts; shown on the buttons)."""


class CallerBar(EventListener, QFrame):
    """叫号条 for one window. Accepting, notifying or refusing the case of the current ticket finishes the
    ticket (``CaseFinished``); F2 is 下一位: the current ticket finished when its case is done, and the next
    one called, in one key.

    Signals:
        ticket_called(str, str): a ticket was called (its number, its service): the window starts an intake.
        message(str): a line for the status bar.
        changed(): the current ticket, the window or the connection changed (after a request).
    """

    ticket_called = Signal(str, str)
    message = Signal(str)
    changed = Signal()

    def __init__(self, access: HallAccess, window: str, events: ev.EventBus | None = None,
                 parent: QWidget | None = None, *, auto_refresh: bool = True) -> None:
        super().__init__(parent)
        if events is not None:
            self.listen(events)
        self.setObjectName("callerBar")
        self.setStyleSheet("QFrame#callerBar { background: #ffffff; border-radius: 6px; }"
                           " QFrame#callerBar QLabel { color: #102a43; }"
                           " QFrame#callerBar QPushButton { padding: 4px 7px; }")
        self.access, self.window_code, self.events = access, window, events
        self._caller: CallerService | None = None
        self.busy = False
        self.services: list[str] = []
        self.waiting: dict[str, int] = {}
        self.dialog: TransferDialog | None = None
        self.call_dialog: CallNumberDialog | None = None
        self.online: bool | None = None
        self.features: HallFeatures | None = None
        self.case_done_for: str = ""
        """The ticket whose case was finished at this window (F2 then finishes it too, if still open)."""

        h = QHBoxLayout(self)
        h.setContentsMargins(10, 4, 6, 4)
        h.setSpacing(6)
        self.status = QLabel(self)
        self.status.setObjectName("queueStatus")
        h.addWidget(self.status)
        self.device_badge = QPushButton(self.tr("⚠ 设备"), self)  # a device the clerk needs is down (ui.devices)
        self.device_badge.setObjectName("deviceBadge")
        self.device_badge.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.device_badge.setStyleSheet("QPushButton#deviceBadge { background: #b3261e; color: #ffffff;"
                                        " border-radius: 4px; font-weight: bold; }")
        self.device_badge.clicked.connect(lambda: self.events.publish(ShowDevicesRequested()) if self.events else None)
        self.device_badge.hide()
        h.addWidget(self.device_badge)
        self.ticket_label = QLabel(self)
        self.ticket_label.setObjectName("queueTicket")
        self.ticket_label.setStyleSheet("font-size: 18px; font-weight: bold; padding: 0 6px;")
        h.addWidget(self.ticket_label)
        self.buttons: dict[str, QPushButton] = {}

        def button(key: str, text: str, slot: Callable[[], None], tip: str = "") -> QPushButton:
            b = QPushButton(text, self)
            b.setObjectName(f"queue_{key}")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F-keys and clicks must not steal the form's focus
            if tip:
                b.setToolTip(tip)
            b.clicked.connect(slot)
            h.addWidget(b)
            self.buttons[key] = b
            return b

        button("call", self.tr("叫号 F2"), self.next_person, self.tr("下一位 (F2)：本号已办完时先办结，再叫下一位"))
        button("recall", self.tr("重呼 F3"), self.recall, self.tr("再叫一次当前号 (F3)"))
        button("start", self.tr("开始 F4"), self.start, self.tr("申请人已到窗口，开始办理 (F4)"))
        button("finish", self.tr("办结 F6"), self.finish, self.tr("本号办理完毕 (F6)"))
        button("no_show", self.tr("过号 F7"), self.no_show, self.tr("叫号后申请人未到 (F7)"))
        button("transfer", self.tr("转移 F8"), self.open_transfer, self.tr("转给其他业务或窗口 (F8)"))
        button("pause", self.tr("暂停 F9"), self.toggle_pause, self.tr("暂停/开放本窗口 (F9)"))
        button("park", self.tr("暂挂 F10"), self.park, self.tr("申请人暂时离开（如去复印材料）：本号挂起，稍后叫回 (F10)"))
        button("call_number", self.tr("叫指定号 F11"), self.open_call_number,
               self.tr("叫指定的排队号：暂挂的号叫回、应急号、转来的号 (F11)"))
        self.parked_button = QToolButton(self)
        self.parked_button.setObjectName("queue_parked")
        self.parked_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.parked_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.parked_button.setStyleSheet("QToolButton#queue_parked { color: #a15c00; font-weight: bold; padding: 4px 8px; }"
                                         " QToolButton#queue_parked::menu-indicator { image: none; width: 0; }")
        self.parked_menu = QMenu(self.parked_button)
        self.parked_button.setMenu(self.parked_menu)
        self.parked_button.hide()
        h.addWidget(self.parked_button)
        self._render()
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        if auto_refresh:
            self._timer.start()
            QTimer.singleShot(0, self, self.refresh)

    # -- state -------------------------------------------------------------------------------------
    def caller(self) -> CallerService:
        """Built on first use in a worker (the hall client may need a login first)."""
        if self._caller is None:
            self._caller = CallerService(self.access.client(), self.window_code, self.events)
        return self._caller

    @property
    def current(self) -> Ticket | None:
        return self._caller.current if self._caller else None

    def _render(self) -> None:
        caller = self._caller
        t = self.current
        info = caller.window_info if caller else None
        if self.online is False:
            self.status.setText(self.tr("● 叫号离线"))
            self.status.setStyleSheet("color: #b00020; font-weight: bold;")
            self.status.setToolTip(caller.last_error if caller else "")
        elif info is not None and info.state is not WindowState.OPEN:
            self.status.setText(self.tr("● 窗口暂停") if info.state is WindowState.PAUSED else self.tr("● 窗口关闭"))
            self.status.setStyleSheet("color: #a15c00; font-weight: bold;")
            self.status.setToolTip("")
        elif self.online:
            mine = sum(self.waiting.get(s, 0) for s in (info.services if info else ()))
            self.status.setText(self.tr("● 等候 %1 人").replace("%1", str(mine)))
            self.status.setStyleSheet("color: #1b7f3b; font-weight: bold;")
            self.status.setToolTip(labels.window(self.window_code))
        else:
            self.status.setText(self.tr("● 连接中…"))
            self.status.setStyleSheet("color: #666;")
        if t is not None:
            prio = "" if t.priority is Priority.NORMAL else f"·{labels.priority(t.priority)}"
            self.ticket_label.setText(f"{t.ticket_no} {labels.ticket_state(t.state)}{prio}")
        elif info is not None and info.current_ticket:
            self.ticket_label.setText(self.tr("%1（服务器上）").replace("%1", info.current_ticket))
        else:
            self.ticket_label.setText(self.tr("当前号：—"))
        allowed = caller.allowed() if caller else frozenset({Move.CALL})
        can = {
            "call": Move.CALL in allowed and (info is None or info.state is WindowState.OPEN),
            "recall": Move.RECALL in allowed,
            "start": Move.START in allowed,
            "finish": Move.FINISH in allowed,
            "no_show": Move.NO_SHOW in allowed,
            "transfer": Move.TRANSFER in allowed,
            "pause": True,
        }
        feats = self.features
        can["park"] = Move.PARK in allowed and (feats is None or feats.park)
        can["call_number"] = Move.CALL in allowed and (info is None or info.state is WindowState.OPEN)
        self.buttons["park"].setVisible(feats is None or feats.park)
        self.buttons["call_number"].setVisible(feats is None or feats.call_number)
        for key, b in self.buttons.items():
            b.setEnabled(can.get(key, True) and not self.busy)
        self._render_parked(caller.parked if caller else (), can["call_number"] and not self.busy)
        paused = info is not None and info.state is not WindowState.OPEN
        self.buttons["pause"].setText(self.tr("开放窗口 F9") if paused else self.tr("暂停 F9"))
        done = t is not None and self.case_done_for == t.ticket_no
        self.buttons["call"].setText(self.tr("下一位 F2") if done or t is None else self.tr("叫号 F2"))
        if done and not self.busy:
            self.buttons["call"].setEnabled(info is None or info.state is WindowState.OPEN)

    # -- requests ----------------------------------------------------------------------------------
    def _run(self, what: Callable[[CallerService], Any], done: Callable[[Any], None] | None = None) -> bool:
        if self.busy:
            return False
        self.busy = True
        self._render()

        def job() -> Any:
            caller = self.caller()
            if self.features is None:
                try:
                    self.features = caller.client.features()
                except QueueError:  # asked again with the next request
                    pass
            result = what(caller)
            try:
                board = caller.client.board()
                self.services, self.waiting = list(board.waiting), dict(board.waiting)
            except Exception:  # the waiting count is a nicety
                pass
            return result

        def ok(result: Any) -> None:
            self.busy = False
            self.online = True
            self._render()
            if done is not None:
                done(result)
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self.busy = False
            if isinstance(exc, Unreachable):
                self.online = False
            elif self._caller is not None:
                self.online = self._caller.online
            self._render()
            self.message.emit(messages.describe(exc))
            self.changed.emit()

        Query(self, job).success(ok).failure(failed).run_in_background()
        return True

    def refresh(self) -> None:
        if not self.busy:
            self._run(lambda c: c.refresh())

    def _called(self, t: Ticket | None) -> None:
        if t is None:
            self.message.emit(self.tr("暂无等候的号"))
        else:
            self.message.emit(self.tr("已叫 %1 号").replace("%1", t.ticket_no))
            self.ticket_called.emit(t.ticket_no, t.service)

    def call_next(self) -> None:
        self._run(lambda c: c.call_next(), self._called)

    def next_person(self) -> None:
        """F2 (下一位): with no open ticket, calls the next; when the current ticket's case is done,
        finishes the ticket and calls the next in one step; otherwise says what to do first."""
        t = self.current
        if t is None or t.state in (TicketState.DONE, TicketState.NO_SHOW):
            self.call_next()
            return
        if self.case_done_for == t.ticket_no:
            def done(result: tuple[Ticket | None, Ticket | None]) -> None:
                finished, called = result
                if finished is not None:
                    self.message.emit(self.tr("%1 号已办结").replace("%1", finished.ticket_no))
                self._called(called)

            self._run(lambda c: c.next(), done)
            return
        self.message.emit(self.tr("%1 号还在办理：受理后按 F2 叫下一位，或按 F6 办结、F7 过号")
                          .replace("%1", t.ticket_no))

    def on_event_devices_trouble(self, event: DevicesTrouble) -> None:
        self.device_badge.setToolTip("\n".join(event.items))
        self.device_badge.setVisible(bool(event.items))

    def on_event_case_finished(self, event: CaseFinished) -> None:
        """The case of the current ticket was accepted, notified or refused: the ticket is finished."""
        t = self.current
        if not event.ticket_no or t is None or t.ticket_no != event.ticket_no:
            return
        self.case_done_for = t.ticket_no
        self._render()
        if not self._run(lambda c: c.complete(), lambda done: self.message.emit(
                self.tr("%1 号已办结").replace("%1", done.ticket_no)) if done is not None else None):
            QTimer.singleShot(200, self, lambda: self.on_event_case_finished(event))  # busy: once the call is back

    def on_event_call_next_requested(self, _event: CallNextRequested) -> None:
        self.next_person()

    def recall(self) -> None:
        self._run(lambda c: c.recall(), lambda t: self.message.emit(self.tr("已重呼 %1 号").replace("%1", t.ticket_no)))

    def start(self) -> None:
        self._run(lambda c: c.start())

    def finish(self) -> None:
        self._run(lambda c: c.finish(), lambda t: self.message.emit(self.tr("%1 号已办结").replace("%1", t.ticket_no)))

    def no_show(self) -> None:
        self._run(lambda c: c.no_show(), lambda t: self.message.emit(self.tr("%1 号过号").replace("%1", t.ticket_no)))

    def transfer(self, *, service: str | None = None, window: str | None = None) -> None:
        def done(t: Ticket) -> None:
            where = labels.service(service) if service else labels.window(window or "")
            self.message.emit(self.tr("%1 号已转到%2").replace("%1", t.ticket_no).replace("%2", where))

        self._run(lambda c: c.transfer(service=service, window=window), done)

    def park(self) -> None:
        """暂挂 the current ticket: the window is free for the next one; the ticket waits in the parked list."""
        self._run(lambda c: c.park(), lambda t: self.message.emit(
            self.tr("%1 号已暂挂，申请人回来后可从“暂挂”叫回 (F11)").replace("%1", t.ticket_no)))

    def call_number(self, ticket_no: str) -> None:
        """Calls ``ticket_no`` at this window (a parked one back, a waiting one out of turn)."""
        def done(t: Ticket) -> None:
            self.message.emit(self.tr("已叫 %1 号").replace("%1", t.ticket_no))
            self.ticket_called.emit(t.ticket_no, t.service)

        self._run(lambda c: c.call_number(ticket_no), done)

    def open_call_number(self) -> None:
        """F11: the dialog, when a call is possible now (no ticket still open, the window open)."""
        if self.busy or self.call_dialog is not None or not self.buttons["call_number"].isEnabled():
            return
        parked = self._caller.parked if self._caller else ()
        self.call_dialog = CallNumberDialog(parked, self.window())
        dialog = self.call_dialog
        dialog.accepted.connect(lambda: self.call_number(dialog.choice()))
        dialog.finished.connect(self._call_dialog_closed)
        dialog.open()

    def _call_dialog_closed(self, _result: int) -> None:
        if self.call_dialog is not None:
            self.call_dialog.deleteLater()
        self.call_dialog = None

    def _render_parked(self, parked: tuple[ParkedTicket, ...], can_call: bool) -> None:
        self.parked_menu.clear()
        for p in parked:
            action = self.parked_menu.addAction(self.tr("叫回 %1").replace("%1", p.ticket_no))
            action.setObjectName(f"callBack_{p.ticket_no}")
            action.setEnabled(can_call)
            action.triggered.connect(lambda _c=False, no=p.ticket_no: self.call_number(no))
        self.parked_button.setText(self.tr("暂挂 %1").replace("%1", str(len(parked))) + " ▾")
        self.parked_button.setToolTip("、".join(p.ticket_no for p in parked))
        self.parked_button.setVisible(bool(parked))

    def open_transfer(self) -> None:
        t = self.current
        if t is None or self.busy:
            return
        services = self.services or ["intake", "pickup", "consult"]
        self.dialog = TransferDialog(t.ticket_no, services, self.window_code, self.window())
        self.dialog.accepted.connect(lambda: self.transfer(**self.dialog.choice()) if self.dialog else None)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def toggle_pause(self) -> None:
        caller = self._caller
        info = caller.window_info if caller else None
        if info is not None and info.state is not WindowState.OPEN:
            self._run(lambda c: c.open_window(), lambda _i: self.message.emit(self.tr("窗口已开放")))
        else:
            self._run(lambda c: c.pause_window(), lambda _i: self.message.emit(self.tr("窗口已暂停，不再叫新号")))

    def stop(self) -> None:
        self._timer.stop()


__all__ = ["CallNumberDialog", "CallerBar", "TransferDialog", "TicketState"]

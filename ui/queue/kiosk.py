"""The ticket machine (取号机, ``--mode kiosk``): big touch buttons per service, priority choice,
appointment check-in (预约签到) and booking for a later day (预约以后日期); issues the ticket and prints the
80 mm ticket, or shows it on screen without a printer.

The screen is a view over ``clerk.queueing.KioskService``: when the hall server cannot be reached the
kiosk keeps numbering from this device's fallback range (人工兜底, X1A001 …) and says so in a banner and
on the ticket; it keeps trying the server (``RETRY_MS``) and, once it answers, hands the fallback
tickets over (``reconcile``, idempotent) and says how many went.

Seam for other ways to check in (the ID-card reader, issue 16): ``check_in(id_number=…)`` checks in by
the holder's ID number, and ``checkin_methods`` is the layout of the check-in page where such a widget
goes (below the code field).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from clerk import clock
from clerk.events import CardRead, EventBus
from clerk.queueing import (
    Booking,
    DaySlots,
    HallFeatures,
    KioskService,
    Priority,
    QueueError,
    ReconcileResult,
    Rejected,
    ServiceInfo,
    TakenTicket,
)
from clerk.settings import HallSettings
from clerk.store import Store
from ui import labels, messages
from ui.events import EventListener
from ui.ops import Query, TaskManager
from ui.qt import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.queue.common import HallAccess

BACK_AFTER_MS = 20000
RETRY_MS = 15000
"""How often the kiosk asks the hall server again (waiting counts; an outage; the hand-over once it is back)."""
BOOK_DAYS = 14
CHOOSE, TICKET, CHECK_IN, BOOK = range(4)
STYLE = """
QWidget#kiosk { background: #eef3f9; }
QWidget#kiosk QLabel { color: #102a43; }
QWidget#kiosk QLabel#kioskTitle { font-size: 40px; font-weight: bold; color: #1f4e8c; }
QWidget#kiosk QLabel#kioskHall { font-size: 24px; color: #486581; }
QWidget#kiosk QLabel#kioskHint { font-size: 24px; color: #334e68; }
QPushButton#priority { font-size: 24px; min-height: 60px; min-width: 130px; border-radius: 12px;
                       background: #ffffff; border: 2px solid #9fb3c8; color: #243b53; }
QPushButton#priority:checked { background: #1f4e8c; color: #ffffff; border-color: #1f4e8c; }
QPushButton#service { font-size: 36px; font-weight: bold; min-height: 110px; border-radius: 18px;
                      background: #1f4e8c; color: #ffffff; border: none; text-align: center; }
QPushButton#service:pressed { background: #173c6b; }
QPushButton#service:disabled { background: #9fb3c8; }
QPushButton#service:focus, QPushButton#kioskAction:focus, QPushButton#back:focus,
QPushButton#priority:focus { border: 4px solid #f0b429; }
QPushButton#kioskAction { font-size: 26px; min-height: 64px; min-width: 220px; border-radius: 14px;
                          background: #ffffff; border: 2px solid #1f4e8c; color: #1f4e8c; padding: 0 18px; }
QPushButton#kioskPrimary { font-size: 28px; min-height: 72px; min-width: 240px; border-radius: 14px;
                           background: #1f4e8c; border: 2px solid #1f4e8c; color: #ffffff; padding: 0 18px; }
QPushButton#kioskPrimary:focus { border: 4px solid #f0b429; }
QPushButton#kioskPrimary:disabled { background: #9fb3c8; border-color: #9fb3c8; }
QPushButton#kioskAction:disabled { color: #9fb3c8; border-color: #bcccdc; }
QLineEdit#appointment, QLineEdit#kioskField { font-size: 28px; min-height: 60px; padding: 0 12px;
                        border: 2px solid #9fb3c8; border-radius: 10px; background: #ffffff; }
QLineEdit#kioskField:focus, QLineEdit#appointment:focus { border-color: #1f4e8c; }
QComboBox#kioskChoice { font-size: 26px; min-height: 56px; padding: 0 12px; background: #ffffff; }
QListWidget#kioskSlots { font-size: 26px; background: #ffffff; border: 2px solid #9fb3c8; border-radius: 10px; }
QListWidget#kioskSlots::item { min-height: 52px; padding: 0 10px; }
QListWidget#kioskSlots::item:selected { background: #1f4e8c; color: #ffffff; }
QWidget#kiosk QLabel#kioskFormLabel { font-size: 24px; }
QWidget#kiosk QLabel#kioskError { font-size: 24px; color: #ffffff; background: #b00020; border-radius: 10px; padding: 10px; }
QWidget#kiosk QLabel#kioskOffline { font-size: 24px; color: #3d2b00; background: #ffd966; border: 2px solid #a15c00;
                      border-radius: 10px; padding: 10px; }
QWidget#kiosk QLabel#kioskBack { font-size: 22px; color: #ffffff; background: #1b7f3b; border-radius: 10px; padding: 8px; }
QWidget#kiosk QLabel#ticketNo { font-size: 150px; font-weight: bold; color: #1f4e8c; }
QWidget#kiosk QLabel#ticketNo[fallback="true"] { color: #a15c00; }
QWidget#kiosk QLabel#ticketFallback { font-size: 30px; font-weight: bold; color: #ffffff; background: #a15c00;
                        border-radius: 10px; padding: 6px 18px; }
QWidget#kiosk QLabel#ticketInfo { font-size: 30px; color: #243b53; }
QWidget#kiosk QLabel#ticketNote { font-size: 24px; color: #334e68; }
QWidget#kiosk QLabel#printNote { font-size: 26px; color: #a15c00; }
QPushButton#back { font-size: 28px; min-height: 72px; min-width: 240px; border-radius: 14px;
                   background: #ffffff; border: 2px solid #1f4e8c; color: #1f4e8c; }
"""


@dataclass(frozen=True)
class Issued:
    ticket: TakenTicket
    printed: bool
    print_error: str = ""


@dataclass(frozen=True)
class KioskState:
    """What a probe of the hall server found: the services, whether it answered, what it offers, the
    fallback tickets still to hand over and what a hand-over on the way did."""

    services: list[ServiceInfo]
    online: bool
    features: HallFeatures = field(default_factory=HallFeatures)
    pending: int = 0
    reconciled: ReconcileResult | None = None
    reconcile_error: str = ""


class KioskAccess:
    """Makes the kiosk's ``KioskService`` on first use, in a worker (the hall client may wait for its server)."""

    def __init__(self, make: Callable[[], KioskService]) -> None:
        self._make = make
        self._service: KioskService | None = None
        self._lock = threading.Lock()

    def service(self) -> KioskService:
        with self._lock:
            if self._service is None:
                self._service = self._make()
            return self._service

    @classmethod
    def over(cls, access: HallAccess, store: Store, device_id: str, fallback_prefix: str = "", *,
             now: Callable[[], dt.datetime] = clock.now) -> KioskAccess:
        """A kiosk over ``access``'s hall client, keeping its fallback tickets in ``store``."""
        return cls(lambda: KioskService(access.client(), store, device_id, fallback_prefix, now=now))


def make_ticket_printer(spec: str) -> Any:
    """``settings.printer_ticket`` → a printer (``cups:QUEUE``, ``pdf:DIR`` or a CUPS queue name); None if unset."""
    spec = spec.strip()
    if not spec:
        return None
    try:
        from clerk.plugins import printer_factory

        return printer_factory()(spec)
    except Exception:  # the entry point is not there (yet): the two known kinds by hand
        from printing.backends import CupsPrinter, PdfFilePrinter

        kind, _, rest = spec.partition(":")
        if kind == "pdf" and rest:
            return PdfFilePrinter(rest)
        return CupsPrinter(rest if kind == "cups" and rest else spec)


def _fill(template: str, *values: str) -> str:
    for i, v in enumerate(values, 1):
        template = template.replace(f"%{i}", v)
    return template


class KioskWindow(EventListener, QWidget):
    """取号机. 刷身份证取号: a card read on the kiosk's reader (``CardRead`` on ``events``) sets the
    elderly priority by itself from the birth date (age ≥ ``elderly_age``, a hall setting) and names
    the holder (masked) until the ticket is taken.

    Signals:
        issued(object): an ``Issued`` (the ticket, whether it was printed).
        failed(str): a ticket, a check-in or a booking could not be done (the message shown).
        booked(object): a ``Booking`` made here for a later day.
        slots_shown(object): the ``DaySlots`` now listed on the booking page.
        state_changed(object): a ``KioskState`` (after every probe of the hall server).
    """

    issued = Signal(object)
    failed = Signal(str)
    booked = Signal(object)
    slots_shown = Signal(object)
    state_changed = Signal(object)

    def __init__(self, kiosk: KioskAccess, hall: HallSettings, tasks: TaskManager, printer: Any = None,
                 parent: QWidget | None = None, *, auto_retry: bool = True, events: EventBus | None = None,
                 elderly_age: int = 65) -> None:
        super().__init__(parent)
        self.elderly_age = elderly_age
        self.card: Any = None
        self.card_poller: Any = None
        """The card poller the kiosk mode started for this machine's reader (``ui.devices``), or None."""
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("自助取号"))
        self.kiosk, self.hall, self.tasks, self.printer = kiosk, hall, tasks, printer
        self.busy = False
        self._loading = False
        self.last: Issued | None = None
        self.state: KioskState | None = None
        self.service_buttons: dict[str, QPushButton] = {}
        self.services: list[ServiceInfo] = []

        self.pages = QStackedWidget(self)
        root = QVBoxLayout(self)
        root.setContentsMargins(40, 24, 40, 24)
        root.addWidget(self.pages)
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._ticket_page())
        self.pages.addWidget(self._check_in_page())
        self.pages.addWidget(self._book_page())
        self._back_timer = QTimer(self)
        self._back_timer.setSingleShot(True)
        self._back_timer.setInterval(BACK_AFTER_MS)
        self._back_timer.timeout.connect(self.back)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._retry_tick)
        self.auto_retry = auto_retry
        QTimer.singleShot(0, self, self.load_services)
        if events is not None:
            self.listen(events)

    # -- pages -------------------------------------------------------------------------------------
    def _label(self, text: str, name: str, parent: QWidget, *, wrap: bool = False) -> QLabel:
        label = QLabel(text, parent)
        label.setObjectName(name)
        label.setWordWrap(wrap)
        return label

    def _action(self, text: str, parent: QWidget, slot: Callable[[], None], name: str = "kioskAction") -> QPushButton:
        b = QPushButton(text, parent)
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    def _head(self, v: QVBoxLayout, text: str, parent: QWidget) -> None:
        head = QHBoxLayout()
        head.addWidget(self._label(text, "kioskTitle", parent))
        head.addStretch(1)
        head.addWidget(self._label(self.hall.name, "kioskHall", parent))
        v.addLayout(head)

    def _choose_page(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.setSpacing(16)
        self._head(v, self.tr("自助取号"), page)
        self.offline_banner = self._label("", "kioskOffline", page, wrap=True)
        self.offline_banner.hide()
        v.addWidget(self.offline_banner)
        self.back_banner = self._label("", "kioskBack", page, wrap=True)
        self.back_banner.hide()
        v.addWidget(self.back_banner)
        v.addWidget(self._label(self.tr("① 请选择取号类别"), "kioskHint", page))
        prio = QHBoxLayout()
        prio.setSpacing(14)
        self.priority_group = QButtonGroup(page)
        self.priority_buttons: dict[Priority, QPushButton] = {}
        for p in Priority:
            b = QPushButton(labels.priority(p), page)
            b.setObjectName("priority")
            b.setCheckable(True)
            b.setProperty("priority", p.value)
            self.priority_group.addButton(b)
            self.priority_buttons[p] = b
            prio.addWidget(b)
        prio.addStretch(1)
        self.priority_buttons[Priority.NORMAL].setChecked(True)
        self.priority_group.buttonToggled.connect(lambda _b, _c: self._priority_changed())
        v.addLayout(prio)
        self.appointment = QLineEdit(page)
        self.appointment.setObjectName("appointment")
        self.appointment.setPlaceholderText(self.tr("请输入预约码（短信或“掌上办”中的预约码）"))
        self.appointment.hide()
        v.addWidget(self.appointment)
        v.addWidget(self._label(self.tr("② 请点击要办理的业务（也可以先在读卡区刷身份证）"), "kioskHint", page))
        self.card_hint = QLabel(page)
        self.card_hint.setObjectName("kioskHint")
        self.card_hint.hide()
        v.addWidget(self.card_hint)
        self.grid_host = QWidget(page)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(20)
        self.grid.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.grid_host, 1)
        self.error = self._label("", "kioskError", page, wrap=True)
        self.error.hide()
        v.addWidget(self.error)
        row = QHBoxLayout()
        row.setSpacing(20)
        self.check_in_button = self._action(self.tr("预约签到"), page, self.open_check_in)
        self.book_button = self._action(self.tr("预约以后日期"), page, self.open_booking)
        row.addWidget(self.check_in_button)
        row.addWidget(self.book_button)
        row.addStretch(1)
        v.addLayout(row)
        return page

    def _ticket_page(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.setSpacing(14)
        v.addStretch(1)
        self.ticket_fallback = self._label(self.tr("应急号"), "ticketFallback", page)
        self.ticket_fallback.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket_fallback.hide()
        v.addWidget(self.ticket_fallback, 0, Qt.AlignmentFlag.AlignHCenter)
        self.ticket_top = self._label(self.tr("您的排队号"), "ticketInfo", page)
        self.ticket_top.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addWidget(self.ticket_top)
        self.ticket_no = self._label("", "ticketNo", page)
        self.ticket_no.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addWidget(self.ticket_no)
        self.ticket_info = self._label("", "ticketInfo", page, wrap=True)
        self.ticket_info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addWidget(self.ticket_info)
        self.ticket_note = self._label("", "ticketNote", page, wrap=True)
        self.ticket_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addWidget(self.ticket_note)
        self.print_note = self._label("", "printNote", page, wrap=True)
        self.print_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addWidget(self.print_note)
        row = QHBoxLayout()
        row.addStretch(1)
        self.done_button = self._action(self.tr("完成"), page, self.back, "back")
        row.addWidget(self.done_button)
        row.addStretch(1)
        v.addLayout(row)
        v.addStretch(1)
        return page

    def _check_in_page(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.setSpacing(18)
        self._head(v, self.tr("预约签到"), page)
        v.addWidget(self._label(self.tr("请输入预约成功短信中的 8 位预约码，签到后取得预约号，优先办理。"), "kioskHint",
                                page, wrap=True))
        self.code_edit = QLineEdit(page)
        self.code_edit.setObjectName("kioskField")
        self.code_edit.setMaxLength(16)
        self.code_edit.setPlaceholderText(self.tr("预约码，如 7KQ2M9XD"))
        self.code_edit.returnPressed.connect(self.check_in_code)
        v.addWidget(self.code_edit)
        self.checkin_methods = QVBoxLayout()
        """Other ways to check in go here (the ID-card reader: ``check_in(id_number=…)``)."""
        v.addLayout(self.checkin_methods)
        self.check_in_error = self._label("", "kioskError", page, wrap=True)
        self.check_in_error.hide()
        v.addWidget(self.check_in_error)
        v.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(20)
        self.check_in_go = self._action(self.tr("签到取号"), page, self.check_in_code, "kioskPrimary")
        row.addWidget(self.check_in_go)
        row.addWidget(self._action(self.tr("返回"), page, self.back, "back"))
        row.addStretch(1)
        v.addLayout(row)
        return page

    def _book_page(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.setSpacing(12)
        self._head(v, self.tr("预约以后日期"), page)
        v.addWidget(self._label(self.tr("当天办理请直接取号。请选择业务、日期和时段，填写本人信息后确认预约。"), "kioskHint",
                                page, wrap=True))
        body = QHBoxLayout()
        body.setSpacing(24)
        left = QVBoxLayout()
        pick = QFormLayout()
        pick.setSpacing(10)
        pick.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.book_service = QComboBox(page)
        self.book_service.setObjectName("kioskChoice")
        self.book_day = QComboBox(page)
        self.book_day.setObjectName("kioskChoice")
        pick.addRow(self._label(self.tr("业务"), "kioskFormLabel", page), self.book_service)
        pick.addRow(self._label(self.tr("日期"), "kioskFormLabel", page), self.book_day)
        left.addLayout(pick)
        self.slot_list = QListWidget(page)
        self.slot_list.setObjectName("kioskSlots")
        left.addWidget(self.slot_list, 1)
        self.slot_reason = self._label("", "kioskHint", page, wrap=True)
        self.slot_reason.hide()
        left.addWidget(self.slot_reason)
        body.addLayout(left, 1)
        right = QFormLayout()
        right.setSpacing(12)
        right.setHorizontalSpacing(16)
        right.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.book_name = QLineEdit(page)
        self.book_id = QLineEdit(page)
        self.book_phone = QLineEdit(page)
        for edit, text, hint in ((self.book_name, self.tr("姓名"), self.tr("预约人姓名")),
                                 (self.book_id, self.tr("身份证号"), self.tr("18 位居民身份证号码")),
                                 (self.book_phone, self.tr("手机号"), self.tr("接收预约码短信"))):
            edit.setObjectName("kioskField")
            edit.setPlaceholderText(hint)
            right.addRow(self._label(text, "kioskFormLabel", page), edit)
        self.book_id.setMaxLength(18)
        self.book_phone.setMaxLength(13)
        self.book_phone.returnPressed.connect(self.book)
        body.addLayout(right, 1)
        v.addLayout(body, 1)
        self.book_error = self._label("", "kioskError", page, wrap=True)
        self.book_error.hide()
        v.addWidget(self.book_error)
        row = QHBoxLayout()
        row.setSpacing(20)
        self.book_go = self._action(self.tr("确认预约"), page, self.book, "kioskPrimary")
        row.addWidget(self.book_go)
        row.addWidget(self._action(self.tr("返回"), page, self.back, "back"))
        row.addStretch(1)
        v.addLayout(row)
        self.book_service.currentIndexChanged.connect(lambda _i: self.load_slots())
        self.book_day.currentIndexChanged.connect(lambda _i: self.load_slots())
        return page

    # -- the hall server: services, features, fallback hand-over ----------------------------------
    @property
    def priority(self) -> Priority:
        for p, b in self.priority_buttons.items():
            if b.isChecked():
                return p
        return Priority.NORMAL

    def _priority_changed(self) -> None:
        self.appointment.setVisible(self.priority is Priority.APPOINTMENT)
        if self.priority is Priority.APPOINTMENT:
            self.appointment.setFocus()

    def load_services(self) -> None:
        """Asks the hall server for the services (the cached ones when it is away), what it offers, and
        hands pending fallback tickets over when it answers."""
        if self._loading:
            return
        self._loading = True
        kiosk = self.kiosk

        def job() -> KioskState:
            k = kiosk.service()
            services, online = k.services()
            if not online:
                return KioskState(services, False, pending=len(k.pending()))
            try:
                features = k.client.features(refresh=True)
            except QueueError:
                features = HallFeatures()
            reconciled, error = None, ""
            if k.pending() and features.fallback:
                try:
                    reconciled = k.reconcile()
                    services, online = k.services()  # the waiting counts with the handed-over tickets
                except QueueError as exc:
                    error = exc.message
            return KioskState(services, True, features, len(k.pending()), reconciled, error)

        Query(self, job).success(self._state).failure(self._state_failed).run_in_background()

    def _retry_tick(self) -> None:
        if not self.busy and self.pages.currentIndex() == CHOOSE:
            self.load_services()

    def _state_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._show_error(messages.describe(exc))
        self._arm_retry(True)

    def _arm_retry(self, on: bool) -> None:
        if on and self.auto_retry:
            self._retry.start()
        else:
            self._retry.stop()

    def _state(self, state: KioskState) -> None:
        self._loading = False
        self.state = state
        self.set_services(state.services, online=state.online)
        prefix = self._prefix()
        if state.online:
            self.offline_banner.hide()
        elif prefix:
            self.offline_banner.setText(_fill(self.tr(
                "叫号服务器暂时无法连接。本机继续发放应急号（%1 号段），请留意窗口人工叫号；系统恢复后按取号先后顺序排队。"),
                prefix))
            self.offline_banner.show()
        else:
            self.offline_banner.setText(self.tr("叫号服务器暂时无法连接，本机未设置应急号段，暂不能取号。请到服务台人工登记。"))
            self.offline_banner.show()
        r = state.reconciled
        if r is not None and (r.handed or r.already or r.conflicts):
            text = _fill(self.tr("叫号系统已恢复：%1 张应急号已交给叫号服务器，按取号先后顺序排队。"),
                         str(len(r.handed) + len(r.already)))
            if r.conflicts:
                text += _fill(self.tr("%1 张被拒绝，请工作人员处理。"), str(len(r.conflicts)))
            self.back_banner.setText(text)
            self.back_banner.show()
        elif state.online and not state.pending:
            self.back_banner.hide()
        feats = state.features
        self.check_in_button.setVisible(state.online and feats.check_in)
        self.book_button.setVisible(state.online and feats.appointments)
        self._arm_retry(True)  # also while online: an outage shows before the next person comes
        self.state_changed.emit(state)

    def _prefix(self) -> str:
        service = self.kiosk._service
        return service.fallback_prefix if service is not None else ""

    def set_services(self, services: list[ServiceInfo] | dict[str, int], *, online: bool = True) -> None:
        if isinstance(services, dict):
            services = [ServiceInfo(c, "", c, n) for c, n in services.items()]
        self.services = list(services)

        def text(s: ServiceInfo) -> str:
            sub = _fill(self.tr("等候 %1 人"), str(s.waiting)) if online else self.tr("应急取号")
            return f"{labels.service(s.code)}\n{sub}"

        if [s.code for s in services] == list(self.service_buttons):  # the same services: new counts only
            for s in services:
                self.service_buttons[s.code].setText(text(s))
            self.error.hide()
            return
        for b in self.service_buttons.values():
            self.grid.removeWidget(b)
            b.hide()
            b.deleteLater()
        self.service_buttons = {}
        cols = 2 if len(services) <= 4 else 3
        for i, s in enumerate(services):
            b = QPushButton(text(s), self.grid_host)
            b.setObjectName("service")
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            b.clicked.connect(lambda _c=False, c=s.code: self.take(c))
            self.grid.addWidget(b, i // cols, i % cols)
            self.service_buttons[s.code] = b
        chain = [self.appointment, *self.service_buttons.values(), self.check_in_button, self.book_button]
        for a, b2 in zip(chain, chain[1:], strict=False):  # Tab: category, code, the services, then check-in and booking
            QWidget.setTabOrder(a, b2)
        self.error.hide()

    def _show_error(self, text: str, where: QLabel | None = None) -> None:
        label = where or self.error
        label.setText(text)
        label.show()
        self.failed.emit(text)

    # -- taking a ticket ---------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for b in (*self.service_buttons.values(), self.check_in_go, self.book_go):
            b.setEnabled(not busy)

    def take(self, service: str) -> None:
        """Issues a ticket for ``service`` with the chosen priority (from the fallback range when the
        server is away); prints it when there is a printer."""
        if self.busy:
            return
        priority = self.priority
        code = self.appointment.text().strip() if priority is Priority.APPOINTMENT else None
        if priority is Priority.APPOINTMENT and not code:
            self._show_error(self.tr("请先输入预约码"))
            return
        kiosk = self.kiosk
        self._issue(lambda: kiosk.service().take(service, priority, appointment_code=code), self.error)

    def check_in_code(self) -> None:
        code = self.code_edit.text().strip().upper()
        if not code:
            self._show_error(self.tr("请先输入预约码"), self.check_in_error)
            return
        self.check_in(code=code)

    def check_in(self, *, code: str | None = None, id_number: str | None = None) -> None:
        """预约签到 by the appointment code, or by the holder's ID number (the ID-card reader's way)."""
        if self.busy:
            return
        kiosk = self.kiosk
        self._issue(lambda: kiosk.service().check_in(appointment_code=code, id_number=id_number), self.check_in_error)

    def _issue(self, make: Callable[[], TakenTicket], error_label: QLabel) -> None:
        self._set_busy(True)
        printer, hall = self.printer, self.hall

        def job() -> Issued:
            ticket = make()
            if printer is None:
                return Issued(ticket, False)
            try:
                from printing import QueueTicket, render_queue_ticket

                fields = {**ticket.printable(), "people_ahead": ticket.people_ahead}  # None offline: not known
                pdf = render_queue_ticket(QueueTicket(**fields), hall)  # printed in Chinese
                printer.print_pdf(pdf, f"排队号 {ticket.ticket_no}")
            except Exception as exc:  # the ticket exists: show it on screen instead
                return Issued(ticket, False, str(getattr(exc, "message", exc)))
            return Issued(ticket, True)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            if isinstance(exc, Rejected) and exc.code == "unknown_appointment":  # the server's words are English
                self._show_error(self.tr("没有找到这个预约（今天的预约码或身份证），请核对预约短信，或普通取号。"), error_label)
                return
            self._show_error(messages.describe(exc), error_label)

        Query(self, job).success(self._issued).failure(failed).run_in_background()

    def _issued(self, result: Issued) -> None:
        self._set_busy(False)
        self.last = result
        t = result.ticket
        self.ticket_top.setText(self.tr("您的排队号"))
        self.ticket_no.setText(t.ticket_no)
        self.ticket_no.setProperty("fallback", "true" if t.offline else "false")
        self.ticket_no.style().unpolish(self.ticket_no)
        self.ticket_no.style().polish(self.ticket_no)
        self.ticket_fallback.setVisible(t.offline)
        prio = "" if t.priority is Priority.NORMAL else _fill(self.tr("（%1优先）"), labels.priority(t.priority))
        if t.offline:
            info = _fill(self.tr("%1%2 · 本机应急号"), labels.service(t.service), prio)
        else:
            info = _fill(self.tr("%1%2 · 前面还有 %3 人"), labels.service(t.service), prio, str(t.people_ahead or 0))
            if t.estimated_wait_min:
                info += _fill(self.tr("，预计等候约 %1 分钟"), str(t.estimated_wait_min))
        self.ticket_info.setText(info)
        self.ticket_note.setText(messages.translate(t.note) if t.note else "")
        self.ticket_note.setVisible(bool(t.note))
        if result.printed:
            self.print_note.setText(self.tr("请取走小票，留意大厅屏幕和语音叫号"))
        elif result.print_error:
            self.print_note.setText(_fill(self.tr("小票未能打印（%1），请记下您的号码"), result.print_error))
        else:
            self.print_note.setText(self.tr("本机未连接打印机，请记下您的号码，留意大厅屏幕和语音叫号"))
        self.print_note.show()
        self.appointment.clear()
        self.code_edit.clear()
        self.priority_buttons[Priority.NORMAL].setChecked(True)
        self._forget_card()
        self._show_page(TICKET)
        self._back_timer.start()
        if t.offline and self.state is not None:  # the banner says so from now on, also before the next probe
            self._state(KioskState(self.state.services, False, self.state.features, self.state.pending + 1))
        self.issued.emit(result)

    # -- 刷身份证取号 ---------------------------------------------------------------------------------
    def on_event_card_read(self, event: CardRead) -> None:
        self.card_read(event.card)

    def card_read(self, card: Any) -> None:
        """A card laid on the kiosk's reader: elderly priority from its birth date, then the clerk-free
        choice of service as usual."""
        from clerk.security.masking import mask_name

        if self.pages.currentIndex() != 0:
            self.back()
        self.card = card
        elderly = card.age_on(clock.today()) >= self.elderly_age
        if elderly and self.priority in (Priority.NORMAL, Priority.ELDERLY):
            self.priority_buttons[Priority.ELDERLY].setChecked(True)
        text = self.tr("已读取身份证：%1").replace("%1", mask_name(card.name))
        if elderly:
            text += self.tr("，已按老年人优先")
        self.card_hint.setText(text + self.tr("。请点击要办理的业务"))
        self.card_hint.show()
        self.error.hide()

    def _forget_card(self) -> None:
        self.card = None
        self.card_hint.hide()

    # -- check-in and booking pages ----------------------------------------------------------------
    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        focus = {TICKET: self.done_button, CHECK_IN: self.code_edit, BOOK: self.book_service}.get(index)
        if focus is not None:
            focus.setFocus()

    def open_check_in(self) -> None:
        self.check_in_error.hide()
        self.code_edit.clear()
        self._show_page(CHECK_IN)

    def open_booking(self) -> None:
        self.book_error.hide()
        self.book_service.blockSignals(True)
        self.book_day.blockSignals(True)
        self.book_service.clear()
        bookable = [s for s in self.services if s.bookable] or self.services
        for s in bookable:
            self.book_service.addItem(labels.service(s.code), s.code)
        self.book_day.clear()
        today = clock.today()
        week = [self.tr("周一"), self.tr("周二"), self.tr("周三"), self.tr("周四"), self.tr("周五"), self.tr("周六"),
                self.tr("周日")]
        for n in range(1, BOOK_DAYS + 1):
            day = today + dt.timedelta(days=n)
            self.book_day.addItem(_fill(self.tr("%1月%2日 %3"), str(day.month), str(day.day), week[day.weekday()]),
                                  day.isoformat())
        self.book_service.blockSignals(False)
        self.book_day.blockSignals(False)
        for edit in (self.book_name, self.book_id, self.book_phone):
            edit.clear()
        self._show_page(BOOK)
        self.load_slots()

    def load_slots(self) -> None:
        service = str(self.book_service.currentData() or "")
        day = str(self.book_day.currentData() or "")
        self.slot_list.clear()
        if not service or not day:
            return
        kiosk = self.kiosk
        Query(self, lambda: kiosk.service().slots(service, dt.date.fromisoformat(day))).success(
            self._slots).failure(lambda e: self._show_error(messages.describe(e), self.book_error)).run_in_background()

    def _slots(self, day: DaySlots) -> None:
        if day.service != str(self.book_service.currentData() or "") or day.date != str(self.book_day.currentData()):
            return  # an answer for an earlier choice
        self.slot_list.clear()
        first = -1
        for i, s in enumerate(day.slots):
            text = (_fill(self.tr("%1  余 %2 个"), s.label, str(s.available)) if s.available
                    else _fill(self.tr("%1  已约满"), s.label))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, s.slot)
            if not s.available:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            elif first < 0:
                first = i
            self.slot_list.addItem(item)
        if first >= 0:
            self.slot_list.setCurrentRow(first)
        self.slot_reason.setVisible(not day.slots)
        self.slot_reason.setText(self.tr("这一天不能预约，请选择其他日期。") if not day.slots else "")
        self.slots_shown.emit(day)

    def book(self) -> None:
        """Books the chosen slot for the person typed in (their fields are checked before anything is sent)."""
        if self.busy:
            return
        service = str(self.book_service.currentData() or "")
        day = str(self.book_day.currentData() or "")
        item = self.slot_list.currentItem()
        slot = str(item.data(Qt.ItemDataRole.UserRole)) if item is not None and item.flags() else ""
        if not slot:
            self._show_error(self.tr("请先选择预约时段"), self.book_error)
            return
        name, id_number, phone = self.book_name.text(), self.book_id.text(), self.book_phone.text()
        kiosk = self.kiosk
        self._set_busy(True)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self._show_error(messages.describe(exc), self.book_error)
            field_of = {"name": self.book_name, "id_number": self.book_id, "phone": self.book_phone}
            bad = field_of.get(str(getattr(exc, "field", "")))
            if bad is not None:
                bad.setFocus()
                bad.selectAll()
            if getattr(exc, "code", "") == "slot_full":
                self.load_slots()

        Query(self, lambda: kiosk.service().book_later(service, dt.date.fromisoformat(day), slot, name, id_number,
                                                       phone)).success(self._booked).failure(failed).run_in_background()

    def _booked(self, b: Booking) -> None:
        self._set_busy(False)
        self.ticket_fallback.hide()
        self.ticket_top.setText(self.tr("预约成功，您的预约码"))
        self.ticket_no.setText(b.appointment_code)
        self.ticket_no.setProperty("fallback", "false")
        self.ticket_no.style().unpolish(self.ticket_no)
        self.ticket_no.style().polish(self.ticket_no)
        day = dt.date.fromisoformat(b.date)
        when = f"{b.slot}-{b.ends}" if b.ends else str(b.slot or "")
        self.ticket_info.setText(_fill(self.tr("%1 · %2月%3日 %4"), labels.service(b.service), str(day.month),
                                       str(day.day), when))
        self.ticket_note.setText(self.tr("预约码已发送到您的手机。请在预约时段前后到本机“预约签到”，凭预约码取号。"))
        self.ticket_note.show()
        self.print_note.hide()
        self._show_page(TICKET)
        self._back_timer.start()
        self.booked.emit(b)

    def back(self) -> None:
        self._back_timer.stop()
        self._show_page(CHOOSE)
        self.load_services()

    def stop(self) -> None:
        self._back_timer.stop()
        self._retry.stop()

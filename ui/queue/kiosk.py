"""The ticket machine (取号机, ``--mode kiosk``): big touch buttons per service, priority choice,
appointment code; issues the ticket and prints the 80 mm ticket, or shows it on screen without a printer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from clerk import clock
from clerk.events import CardRead, EventBus
from clerk.queueing import PRIORITY_LABELS, Priority, Ticket, service_name
from clerk.settings import HallSettings
from ui import labels, messages
from ui.events import EventListener
from ui.ops import Query, TaskManager
from ui.qt import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
STYLE = """
QWidget#kiosk { background: #eef3f9; }
QWidget#kiosk QLabel { color: #102a43; }
QLabel#kioskTitle { font-size: 44px; font-weight: bold; color: #1f4e8c; }
QLabel#kioskHall { font-size: 26px; color: #486581; }
QLabel#kioskHint { font-size: 26px; color: #334e68; }
QPushButton#priority { font-size: 26px; min-height: 72px; min-width: 150px; border-radius: 12px;
                       background: #ffffff; border: 2px solid #9fb3c8; color: #243b53; }
QPushButton#priority:checked { background: #1f4e8c; color: #ffffff; border-color: #1f4e8c; }
QPushButton#service { font-size: 40px; font-weight: bold; min-height: 160px; border-radius: 18px;
                      background: #1f4e8c; color: #ffffff; border: none; text-align: center; }
QPushButton#service:pressed { background: #173c6b; }
QPushButton#service:disabled { background: #9fb3c8; }
QLineEdit#appointment { font-size: 30px; min-height: 64px; padding: 0 12px; border: 2px solid #9fb3c8;
                        border-radius: 10px; background: #ffffff; }
QLabel#kioskError { font-size: 26px; color: #ffffff; background: #b00020; border-radius: 10px; padding: 12px; }
QLabel#ticketNo { font-size: 160px; font-weight: bold; color: #1f4e8c; }
QLabel#ticketInfo { font-size: 32px; color: #243b53; }
QLabel#printNote { font-size: 28px; color: #a15c00; }
QPushButton#back { font-size: 30px; min-height: 80px; min-width: 260px; border-radius: 14px;
                   background: #ffffff; border: 2px solid #1f4e8c; color: #1f4e8c; }
"""


@dataclass(frozen=True)
class Issued:
    ticket: Ticket
    printed: bool
    print_error: str = ""


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


class KioskWindow(EventListener, QWidget):
    """取号机. 刷身份证取号: a card read on the kiosk's reader (``CardRead`` on ``events``) sets the
    elderly priority by itself from the birth date (age ≥ ``elderly_age``, a hall setting) and names
    the holder (masked) until the ticket is taken.

    Signals:
        issued(object): an ``Issued`` (the ticket, whether it was printed).
        failed(str): a ticket could not be issued (the message shown).
    """

    issued = Signal(object)
    failed = Signal(str)

    def __init__(self, access: HallAccess, hall: HallSettings, tasks: TaskManager, printer: Any = None,
                 parent: QWidget | None = None, *, events: EventBus | None = None, elderly_age: int = 65) -> None:
        super().__init__(parent)
        self.elderly_age = elderly_age
        self.card: Any = None
        self.card_poller: Any = None
        """The card poller the kiosk mode started for this machine's reader (``ui.devices``), or None."""
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("自助取号"))
        self.access, self.hall, self.tasks, self.printer = access, hall, tasks, printer
        self.busy = False
        self.last: Issued | None = None
        self.service_buttons: dict[str, QPushButton] = {}

        self.pages = QStackedWidget(self)
        root = QVBoxLayout(self)
        root.setContentsMargins(48, 32, 48, 32)
        root.addWidget(self.pages)
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._ticket_page())
        self._back_timer = QTimer(self)
        self._back_timer.setSingleShot(True)
        self._back_timer.setInterval(BACK_AFTER_MS)
        self._back_timer.timeout.connect(self.back)
        QTimer.singleShot(0, self, self.load_services)
        if events is not None:
            self.listen(events)

    # -- pages -------------------------------------------------------------------------------------
    def _choose_page(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.setSpacing(22)
        head = QHBoxLayout()
        title = QLabel(self.tr("自助取号"), page)
        title.setObjectName("kioskTitle")
        head.addWidget(title)
        head.addStretch(1)
        hall = QLabel(self.hall.name, page)
        hall.setObjectName("kioskHall")
        head.addWidget(hall)
        v.addLayout(head)
        hint = QLabel(self.tr("① 请选择取号类别"), page)
        hint.setObjectName("kioskHint")
        v.addWidget(hint)
        prio = QHBoxLayout()
        prio.setSpacing(16)
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
        hint2 = QLabel(self.tr("② 请点击要办理的业务（也可以先在读卡区刷身份证）"), page)
        hint2.setObjectName("kioskHint")
        v.addWidget(hint2)
        self.card_hint = QLabel(page)
        self.card_hint.setObjectName("kioskHint")
        self.card_hint.hide()
        v.addWidget(self.card_hint)
        self.grid_host = QWidget(page)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(24)
        self.grid.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.grid_host, 1)
        self.error = QLabel(page)
        self.error.setObjectName("kioskError")
        self.error.setWordWrap(True)
        self.error.hide()
        v.addWidget(self.error)
        return page

    def _ticket_page(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.setSpacing(18)
        v.addStretch(1)
        top = QLabel(self.tr("您的排队号"), page)
        top.setObjectName("ticketInfo")
        top.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addWidget(top)
        self.ticket_no = QLabel(page)
        self.ticket_no.setObjectName("ticketNo")
        self.ticket_no.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addWidget(self.ticket_no)
        self.ticket_info = QLabel(page)
        self.ticket_info.setObjectName("ticketInfo")
        self.ticket_info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket_info.setWordWrap(True)
        v.addWidget(self.ticket_info)
        self.print_note = QLabel(page)
        self.print_note.setObjectName("printNote")
        self.print_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_note.setWordWrap(True)
        v.addWidget(self.print_note)
        row = QHBoxLayout()
        row.addStretch(1)
        back = QPushButton(self.tr("完成"), page)
        back.setObjectName("back")
        back.clicked.connect(self.back)
        row.addWidget(back)
        row.addStretch(1)
        v.addLayout(row)
        v.addStretch(1)
        return page

    # -- 刷身份证取号 ---------------------------------------------------------------------------------
    def on_event_card_read(self, event: CardRead) -> None:
        self.card_read(event.card)

    def card_read(self, card: Any) -> None:
        """A card laid on the kiosk's reader: elderly priority from its birth date, then the clerk-free
        choice of service as usual."""
        from clerk import clock
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

    # -- behaviour ---------------------------------------------------------------------------------
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
        Query(self, lambda: self.access.client().board()).success(lambda b: self.set_services(b.waiting)).failure(lambda e: self._show_error(messages.describe(e))).run_in_background()

    def set_services(self, waiting: dict[str, int]) -> None:
        for b in self.service_buttons.values():
            self.grid.removeWidget(b)
            b.deleteLater()
        self.service_buttons = {}
        cols = 2 if len(waiting) <= 4 else 3
        for i, (code, n) in enumerate(waiting.items()):
            b = QPushButton(f"{labels.service(code)}\n" + self.tr("等候 %1 人").replace("%1", str(n)), self.grid_host)
            b.setObjectName("service")
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            b.clicked.connect(lambda _c=False, c=code: self.take(c))
            self.grid.addWidget(b, i // cols, i % cols)
            self.service_buttons[code] = b
        self.error.hide()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.failed.emit(text)

    def take(self, service: str) -> None:
        """Issues a ticket for ``service`` with the chosen priority; prints it when there is a printer."""
        if self.busy:
            return
        priority = self.priority
        code = self.appointment.text().strip() if priority is Priority.APPOINTMENT else None
        if priority is Priority.APPOINTMENT and not code:
            self._show_error(self.tr("请先输入预约码"))
            return
        self.busy = True
        for b in self.service_buttons.values():
            b.setEnabled(False)
        client, printer, hall = self.access.client, self.printer, self.hall

        def job() -> Issued:
            ticket = client().issue_ticket(service, priority, code)
            if printer is None:
                return Issued(ticket, False)
            try:
                from printing import QueueTicket, render_queue_ticket

                pdf = render_queue_ticket(QueueTicket(
                    number=ticket.ticket_no, service_name=service_name(ticket.service),  # printed in Chinese
                    people_ahead=ticket.waiting_ahead or 0, issued_at=_parse_time(ticket.issued_at),
                    note=PRIORITY_LABELS[ticket.priority] if ticket.priority is not Priority.NORMAL else "",
                ), hall)
                printer.print_pdf(pdf, f"排队号 {ticket.ticket_no}")
            except Exception as exc:  # the ticket exists: show it on screen instead
                return Issued(ticket, False, str(getattr(exc, "message", exc)))
            return Issued(ticket, True)

        Query(self, job).success(self._issued).failure(self._failed).run_in_background()

    def _issued(self, result: Issued) -> None:
        self.busy = False
        self.last = result
        t = result.ticket
        for b in self.service_buttons.values():
            b.setEnabled(True)
        self.ticket_no.setText(t.ticket_no)
        prio = "" if t.priority is Priority.NORMAL else self.tr("（%1优先）").replace("%1", labels.priority(t.priority))
        self.ticket_info.setText(self.tr("%1%2 · 前面还有 %3 人").replace("%1", labels.service(t.service))
                                 .replace("%2", prio).replace("%3", str(t.waiting_ahead or 0)))
        if result.printed:
            self.print_note.setText(self.tr("请取走小票，留意大厅屏幕和语音叫号"))
        elif result.print_error:
            self.print_note.setText(self.tr("小票未能打印（%1），请记下您的号码").replace("%1", result.print_error))
        else:
            self.print_note.setText(self.tr("本机未连接打印机，请记下您的号码，留意大厅屏幕和语音叫号"))
        self.appointment.clear()
        self.priority_buttons[Priority.NORMAL].setChecked(True)
        self._forget_card()
        self.pages.setCurrentIndex(1)
        self._back_timer.start()
        self.issued.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        for b in self.service_buttons.values():
            b.setEnabled(True)
        self._show_error(messages.describe(exc))

    def back(self) -> None:
        self._back_timer.stop()
        self.pages.setCurrentIndex(0)
        self.load_services()


def _parse_time(text: str | None) -> dt.datetime:
    try:
        return clock.local(dt.datetime.fromisoformat(text)) if text else clock.now()
    except ValueError:
        return clock.now()

"""The supervisor dashboard's phone line (电话预约) and SMS journal (短信记录) pages.

``BookingPanel`` is a view over ``clerk.queueing.AppointmentDesk``: the slots of a service and day
(capacity, booked, free), booking for a caller with name, ID number and phone (checked before anything
is sent, one clear line and the bad field focused), the day's bookings (masked, as the hall lists
them) and cancelling one. ``SmsPanel`` lists the hall's SMS journal (``GET /queue/sms``), newest
first, phones masked. Both only ask the hall server from a worker (``ui.ops``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from clerk import clock
from clerk.queueing import AppointmentDesk, Booking, DaySlots, HallClient
from clerk.queueing.model import SERVICE_NAMES
from ui import labels, messages
from ui.ops import Query
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDate,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.queue.common import HallAccess


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setTabKeyNavigation(False)  # Tab leaves the table (↑↓ choose the row)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return t


def _fill(template: str, *values: str) -> str:
    for i, v in enumerate(values, 1):
        template = template.replace(f"%{i}", v)
    return template


class BookingPanel(QWidget):
    """电话预约.

    Signals:
        slots_shown(object): the ``DaySlots`` now in the slot table.
        booked(object): a ``Booking`` made here.
        cancelled(object): the ``Booking`` as the cancel left it.
        bookings_shown(list): the day's bookings now in the table.
        message(str): a line for the status label (also shown on the panel).
    """

    slots_shown = Signal(object)
    booked = Signal(object)
    cancelled = Signal(object)
    bookings_shown = Signal(list)
    message = Signal(str)

    def __init__(self, access: HallAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookingPanel")
        self.access = access
        self._desk: AppointmentDesk | None = None
        self.slots: DaySlots | None = None
        self.bookings: list[Booking] = []
        self.busy = False

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("业务"), self))
        self.service = QComboBox(self)
        self.service.setObjectName("bookService")
        for code in SERVICE_NAMES:
            self.service.addItem(labels.service(code), code)
        top.addWidget(self.service)
        top.addWidget(QLabel(self.tr("日期"), self))
        self.day = QDateEdit(self)
        self.day.setObjectName("bookDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        tomorrow = clock.today() + dt.timedelta(days=1)
        self.day.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        top.addWidget(self.day)
        self.load_button = QPushButton(self.tr("查询时段"), self)
        self.load_button.setObjectName("loadSlots")
        self.load_button.clicked.connect(self.reload)
        top.addWidget(self.load_button)
        top.addStretch(1)
        root.addLayout(top)

        middle = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._head(self.tr("可预约时段（选中一行）")))
        self.slot_table = _table(self, "slotTable", [self.tr("时段"), self.tr("容量"), self.tr("已约"), self.tr("余量")])
        left.addWidget(self.slot_table, 1)
        self.reason = QLabel(self)
        self.reason.setObjectName("supStatus")
        self.reason.setWordWrap(True)
        left.addWidget(self.reason)
        middle.addLayout(left, 3)
        form_box = QGroupBox(self.tr("预约人"), self)
        form_box.setObjectName("bookPerson")
        form = QFormLayout(form_box)
        self.name = QLineEdit(form_box)
        self.name.setObjectName("bookName")
        self.id_number = QLineEdit(form_box)
        self.id_number.setObjectName("bookIdNumber")
        self.id_number.setMaxLength(18)
        self.phone = QLineEdit(form_box)
        self.phone.setObjectName("bookPhone")
        self.phone.setMaxLength(13)
        self.phone.returnPressed.connect(self.book)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("身份证号"), self.id_number)
        form.addRow(self.tr("手机号"), self.phone)
        self.book_button = QPushButton(self.tr("预约所选时段"), form_box)
        self.book_button.setObjectName("bookButton")
        self.book_button.clicked.connect(self.book)
        form.addRow(self.book_button)
        self.result = QLabel(form_box)
        self.result.setObjectName("bookResult")
        self.result.setWordWrap(True)
        form.addRow(self.result)
        middle.addWidget(form_box, 2)
        root.addLayout(middle, 3)

        head = QHBoxLayout()
        head.addWidget(self._head(self.tr("当天预约")))
        head.addStretch(1)
        self.cancel_button = QPushButton(self.tr("取消所选预约"), self)
        self.cancel_button.setObjectName("cancelBooking")
        self.cancel_button.clicked.connect(self.cancel_selected)
        head.addWidget(self.cancel_button)
        root.addLayout(head)
        self.booking_table = _table(self, "bookingTable", [
            self.tr("预约码"), self.tr("业务"), self.tr("时段"), self.tr("姓名"), self.tr("身份证号"), self.tr("手机"),
            self.tr("渠道"), self.tr("状态"), self.tr("排队号")])
        header = self.booking_table.horizontalHeader()
        for c in (0, 2, 4, 5, 8):  # code, slot, ID number, phone, ticket: as wide as they are
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        root.addWidget(self.booking_table, 2)
        self.service.currentIndexChanged.connect(lambda _i: self.reload())
        self.day.dateChanged.connect(lambda _d: self.reload())

    def _head(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("supHead")
        return label

    def desk(self) -> AppointmentDesk:
        if self._desk is None:
            self._desk = AppointmentDesk(self.access.client())
        return self._desk

    @property
    def chosen_service(self) -> str:
        return str(self.service.currentData() or "")

    @property
    def chosen_day(self) -> dt.date:
        d = self.day.date()
        return dt.date(d.year(), d.month(), d.day())

    def _say(self, text: str) -> None:
        self.result.setText(text)
        self.message.emit(text)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.book_button.setEnabled(True)
        self._say(messages.describe(exc))
        bad = {"name": self.name, "id_number": self.id_number, "phone": self.phone}.get(str(getattr(exc, "field", "")))
        if bad is not None:
            bad.setFocus()
            bad.selectAll()

    # -- slots and bookings ------------------------------------------------------------------------
    def reload(self) -> None:
        """The slots and the bookings of the chosen service and day."""
        service, day = self.chosen_service, self.chosen_day
        desk = self.desk

        def job() -> tuple[DaySlots, list[Booking]]:
            return desk().slots(service, day), desk().day(day, service)

        Query(self, job).success(self._show).failure(self._failed).run_in_background()

    def _show(self, got: tuple[DaySlots, list[Booking]]) -> None:
        slots, bookings = got
        if slots.service != self.chosen_service or slots.date != self.chosen_day.isoformat():
            return  # an answer for an earlier choice
        self.slots = slots
        chosen = self.slot_table.currentRow()
        self.slot_table.setRowCount(len(slots.slots))
        first = -1
        for r, s in enumerate(slots.slots):
            for c, text in enumerate((s.label, str(s.capacity), str(s.booked), str(s.available))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, s.slot)
                if not s.available:
                    item.setForeground(Qt.GlobalColor.gray)
                self.slot_table.setItem(r, c, item)
            if s.available and first < 0:
                first = r
        if 0 <= chosen < len(slots.slots) and slots.slots[chosen].available:
            self.slot_table.selectRow(chosen)
        elif first >= 0:
            self.slot_table.selectRow(first)
        self.reason.setText(_fill(self.tr("这一天不能预约（%1）"), slots.reason or "") if not slots.slots else "")
        self._show_bookings(bookings)
        self.slots_shown.emit(slots)

    def _show_bookings(self, bookings: list[Booking]) -> None:
        self.bookings = list(bookings)
        self.booking_table.setRowCount(len(bookings))
        for r, b in enumerate(bookings):
            when = f"{b.slot}-{b.ends}" if b.slot and b.ends else str(b.slot or "")
            cells = [b.appointment_code, labels.service(b.service), when, b.name, b.id_number, b.phone,
                     labels.booking_channel(b.channel), labels.appointment_state(b.state), b.ticket_no or "—"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, b.appointment_code)
                self.booking_table.setItem(r, c, item)
        self.bookings_shown.emit(self.bookings)

    # -- booking and cancelling --------------------------------------------------------------------
    def chosen_slot(self) -> str:
        row = self.slot_table.currentRow()
        if self.slots is None or not 0 <= row < len(self.slots.slots):
            return ""
        s = self.slots.slots[row]
        return s.slot if s.available else ""

    def book(self) -> None:
        if self.busy:
            return
        slot = self.chosen_slot()
        if not slot:
            self._say(self.tr("请先在左侧选择一个还有余量的时段"))
            return
        service, day = self.chosen_service, self.chosen_day
        name, id_number, phone = self.name.text(), self.id_number.text(), self.phone.text()
        desk = self.desk
        self.busy = True
        self.book_button.setEnabled(False)
        Query(self, lambda: desk().book(service, day, slot, name, id_number, phone)).success(
            self._booked).failure(self._booked_failed).run_in_background()

    def _booked_failed(self, exc: BaseException) -> None:
        self._failed(exc)
        if getattr(exc, "code", "") == "slot_full":
            self.reload()

    def _booked(self, b: Booking) -> None:
        self.busy = False
        self.book_button.setEnabled(True)
        when = f"{b.slot}-{b.ends}" if b.ends else str(b.slot or "")
        self._say(_fill(self.tr("已预约：预约码 %1（%2 %3 %4），短信已发给预约人"), b.appointment_code,
                        labels.service(b.service), b.date, when))
        for edit in (self.name, self.id_number, self.phone):
            edit.clear()
        self.name.setFocus()
        self.booked.emit(b)
        self.reload()

    def cancel_selected(self) -> None:
        row = self.booking_table.currentRow()
        if not 0 <= row < len(self.bookings):
            self._say(self.tr("请先在“当天预约”中选中要取消的预约"))
            return
        self.cancel(self.bookings[row].appointment_code)

    def cancel(self, code: str) -> None:
        desk = self.desk

        def done(b: Booking) -> None:
            self._say(_fill(self.tr("预约 %1 已取消，时段名额已释放"), b.appointment_code))
            self.cancelled.emit(b)
            self.reload()

        Query(self, lambda: desk().cancel(code)).success(done).failure(self._failed).run_in_background()


class SmsPanel(QWidget):
    """短信记录: the hall's SMS journal, newest first.

    Signals:
        loaded(int): the journal was read; how many rows it now shows.
    """

    loaded = Signal(int)
    PAGE = 200

    def __init__(self, access: HallAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("smsPanel")
        self.access = access
        self.items: list[dict[str, Any]] = []
        self._after = 0
        self._loading = False
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("supStatus")
        top.addWidget(self.summary)
        top.addStretch(1)
        self.refresh_button = QPushButton(self.tr("刷新短信记录"), self)
        self.refresh_button.setObjectName("refreshSms")
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        root.addLayout(top)
        self.table = _table(self, "smsTable", [self.tr("时间"), self.tr("类型"), self.tr("排队号/预约码"), self.tr("手机"),
                                               self.tr("内容"), self.tr("状态")])
        header = self.table.horizontalHeader()
        for c in (0, 1, 2, 3, 5):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        root.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Reads what is new in the journal (and the states of what is listed, from the start)."""
        if self._loading:
            return
        self._loading = True
        access = self.access

        def job() -> list[dict[str, Any]]:
            client: HallClient = access.client()
            out: list[dict[str, Any]] = []
            after = 0
            while True:
                page = client.sms_journal(after, self.PAGE)
                items = list(page.get("items") or ())
                out += items
                nxt = page.get("next")
                if not items or not nxt or int(nxt) <= after:
                    return out
                after = int(nxt)

        def failed(exc: BaseException) -> None:
            self._loading = False
            self.summary.setText(messages.describe(exc))

        Query(self, job).success(self._show).failure(failed).run_in_background()

    def _show(self, items: list[dict[str, Any]]) -> None:
        self._loading = False
        self.items = sorted(items, key=lambda x: int(x.get("id") or 0), reverse=True)
        self.table.setRowCount(len(self.items))
        for r, x in enumerate(self.items):
            at = str(x.get("created_at") or "")
            cells = [at[11:19] if len(at) >= 19 else at, labels.sms_kind(str(x.get("kind") or "")),
                     str(x.get("ticket_no") or x.get("appointment_code") or "—"), str(x.get("phone") or ""),
                     str(x.get("message") or ""), labels.sms_state(str(x.get("state") or ""))]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 5 and x.get("state") == "failed":
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        sent = sum(1 for x in self.items if x.get("state") == "sent")
        failed = sum(1 for x in self.items if x.get("state") == "failed")
        self.summary.setText(_fill(self.tr("共 %1 条，已发送 %2，失败 %3"), str(len(self.items)), str(sent), str(failed)))
        self.loaded.emit(len(self.items))

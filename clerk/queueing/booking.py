"""Appointments from the workstation (预约): the phone line's booking desk (supervisor role) over the hall API.

``AppointmentDesk`` is what the booking screen of the supervisor dashboard shows: the slots of a
service and day (capacity, booked, still free), booking with the person's name, ID number and phone
checked here first (one clear Chinese line each), cancelling, the day's bookings (masked, as the
server lists them) and check-in at the window. A booking request carries an ``Idempotency-Key``, so a
retry after a lost answer is the same booking, not a duplicate refused with 409.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

from clerk.queueing.client import HallClient
from clerk.queueing.errors import QueueError, ServerBusy, Unreachable
from clerk.queueing.model import Booking, DaySlots, Ticket

CJK_NAME = re.compile(r"^[\u3400-\u9fff·• ]+$")
PHONE_RE = re.compile(r"^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$")


class InvalidBooking(QueueError):
    """A booking field a person typed wrong (Chinese, one line); nothing was sent."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def check_person(name: str, id_number: str, phone: str) -> tuple[str, str, str]:
    """The cleaned name, ID number and phone, or ``InvalidBooking`` naming the first bad one."""
    from stdnum.cn import ric
    from stdnum.exceptions import ValidationError

    name = " ".join(name.split())
    if CJK_NAME.match(name):
        name = name.replace(" ", "")  # 王 五 → 王五 (a space typed between the characters)
    if not name or len(name) > 50 or not name.isprintable():
        raise InvalidBooking("name", "请填写预约人姓名（不超过 50 字）")
    try:
        id_number = str(ric.validate(id_number.strip()))
    except ValidationError:
        raise InvalidBooking("id_number", "身份证号码不正确，请核对后重新输入") from None
    phone = phone.replace(" ", "").strip()
    if not PHONE_RE.match(phone):
        raise InvalidBooking("phone", "手机号码不正确（11 位手机号或带区号的固定电话）")
    return name, id_number, phone


class AppointmentDesk:
    """Bookings through one hall server (the token must hold ``appointment.book``)."""

    def __init__(self, client: HallClient, *, retries: int = 2) -> None:
        self.client = client
        self.retries = retries

    def available(self) -> bool:
        """Whether the hall takes appointments at all (a v1 server does not: hide the screen)."""
        return self.client.features().appointments

    def slots(self, service: str, day: dt.date) -> DaySlots:
        return self.client.slots(service, day.isoformat())

    def book(self, service: str, day: dt.date, slot: str, name: str, id_number: str, phone: str) -> Booking:
        name, id_number, phone = check_person(name, id_number, phone)
        key = uuid.uuid4().hex
        attempt = 0
        while True:
            try:
                return self.client.book(service, day.isoformat(), slot, name, id_number, phone, key=key)
            except (Unreachable, ServerBusy):
                if attempt >= self.retries:
                    raise
                attempt += 1  # the same key: a lost answer is the same booking

    def cancel(self, code: str) -> Booking:
        return self.client.cancel_appointment(code.strip().upper())

    def find(self, code: str) -> Booking:
        return self.client.appointment(code.strip().upper())

    def day(self, day: dt.date, service: str | None = None) -> list[Booking]:
        return self.client.appointments(day.isoformat(), service)

    def check_in(self, *, code: str | None = None, id_number: str | None = None) -> Ticket:
        return self.client.check_in(appointment_code=code.strip().upper() if code else None,
                                    id_number=id_number.strip() if id_number else None)

"""SMS to applicants (results ready for pickup …) through a gateway plug-in; the default only logs.

A hall plugs in its operator's gateway by passing any object with ``send(phone, message)`` (the
``SmsGateway`` protocol). ``LogSmsGateway`` — the default — sends nothing: it writes the masked
phone number and the message to the log and keeps a record in memory and, when given a path, in a
JSON-lines file (one object per line: ``at``, ``phone`` masked, ``message``, ``case_uuid``).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

from clerk import clock
from clerk.errors import ClerkError
from clerk.security.masking import mask_phone

log = logging.getLogger(__name__)

MAX_MESSAGE = 300
"""Characters; a longer text is refused (it would be split into many paid messages)."""


class SmsError(ClerkError, RuntimeError):
    """The gateway could not take the message (a person may retry later)."""


@dataclass(frozen=True)
class SmsRecord:
    """One message handed to the gateway (the phone number masked: this is shown and logged)."""

    at: str
    phone: str
    message: str
    case_uuid: str | None = None
    gateway: str = "log"


class SmsGateway(Protocol):
    """What a gateway plug-in offers: send one text; raise ``SmsError`` when it cannot."""

    def send(self, phone: str, message: str, *, case_uuid: str | None = None) -> SmsRecord: ...


class LogSmsGateway:
    """Sends nothing: logs the masked number and the text and records them (memory and JSONL)."""

    name = "log"

    def __init__(self, journal: Path | None = None) -> None:
        self.journal = journal
        self.sent: list[SmsRecord] = []
        self._lock = threading.Lock()

    def send(self, phone: str, message: str, *, case_uuid: str | None = None) -> SmsRecord:
        phone = phone.strip()
        if not phone:
            raise SmsError("申请人没有登记手机号码，无法发送短信")
        if len(message) > MAX_MESSAGE:
            raise SmsError(f"短信太长（{len(message)} 字，最多 {MAX_MESSAGE} 字）")
        record = SmsRecord(at=clock.now().isoformat(), phone=mask_phone(phone), message=message,
                           case_uuid=case_uuid, gateway=self.name)
        log.info("SMS to %s (%d characters; the text is in the journal, not the log: it names the applicant)",
                 record.phone, len(message))
        with self._lock:
            self.sent.append(record)
            if self.journal is not None:
                self.journal.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                fd = os.open(self.journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)  # personal data
                with os.fdopen(fd, "a", encoding="utf-8") as f:
                    f.write(json.dumps(asdict(record), ensure_ascii=False) + "\n")
        return record


def read_journal(path: Path) -> list[SmsRecord]:
    """The records of a ``LogSmsGateway`` journal (unreadable lines skipped)."""
    out: list[SmsRecord] = []
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(SmsRecord(**json.loads(line)))
        except (ValueError, TypeError):
            continue
    return out

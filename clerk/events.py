"""Every event the core announces, declared once as a dataclass with a typed payload.

    ctx.events.subscribe(CaseAccepted, lambda e: print(e.case_no))   # handler(event)
    ctx.events.publish(CaseAccepted(case_uuid, case_no))

Electrum's named events (``util.register_callback``), typed: an event's ``name`` is its class name in
snake_case (``CaseAccepted`` → ``case_accepted``), which is what a front end's listener method is
called after (``ui/events.py``: ``on_event_case_accepted(self, event)`` on the GUI thread).
``clerk/`` never holds a widget. Handlers run on the thread that published; a failing handler is
logged and does not stop the others.

Payload types from higher layers are imported for type checking only (the layers contract ignores
those imports): this module stays at the bottom of clerk/.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from clerk.evaluation import EvaluationRecord
    from clerk.field import Conflict
    from clerk.queueing.model import Ticket
    from clerk.sms import SmsRecord
    from clerk.sync.engine import SyncState
    from clerk.sync.health import UpdateStatus

log = logging.getLogger(__name__)

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


@dataclass(frozen=True)
class Event:
    """Base of every event; ``Event.kinds`` maps each event's ``name`` to its class."""

    name: ClassVar[str] = "event"
    kinds: ClassVar[dict[str, type[Event]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.name = _CAMEL.sub("_", cls.__name__).lower()
        if cls.name in Event.kinds and Event.kinds[cls.name].__qualname__ != cls.__qualname__:
            raise TypeError(f"two events are called {cls.name!r}")
        Event.kinds[cls.name] = cls


E = TypeVar("E", bound=Event)
Handler = Callable[[Any], None]


class EventBus:
    """Thread-safe publish/subscribe by event class (one per AppContext)."""

    def __init__(self) -> None:
        self._handlers: dict[type[Event], list[Handler]] = defaultdict(list)
        self._lock = threading.Lock()

    def subscribe(self, kind: type[E], handler: Callable[[E], None]) -> None:
        with self._lock:
            self._handlers[kind].append(handler)

    def unsubscribe(self, kind: type[E], handler: Callable[[E], None]) -> None:
        with self._lock:
            if handler in self._handlers[kind]:
                self._handlers[kind].remove(handler)

    def publish(self, event: Event) -> None:
        with self._lock:
            handlers = list(self._handlers[type(event)])
        for h in handlers:
            try:
                h(event)
            except Exception:  # a broken listener must not break the core
                log.exception("event handler for %s failed", event.name)


# -- cases (clerk.intake, clerk.materials, clerk.supplements, clerk.field) -------------------------
@dataclass(frozen=True)
class CaseSaved(Event):
    """A case's stored data changed (draft saved, material changed, signature, supplement …)."""

    case_uuid: str


@dataclass(frozen=True)
class CaseAccepted(Event):
    """受理: the case was accepted at the window (its outbox entry is written)."""

    case_uuid: str
    case_no: str


@dataclass(frozen=True)
class CaseNotified(Event):
    """一次性告知: the one-time notice of what is missing was issued."""

    case_uuid: str
    case_no: str


@dataclass(frozen=True)
class CaseRejected(Event):
    """不予受理: the case was refused at the window."""

    case_uuid: str
    case_no: str


@dataclass(frozen=True)
class CaseUpdated(Event):
    """A status change from the platform (``GET /case-updates``), already stored."""

    case_uuid: str
    status: str
    note: str


# -- materials (clerk.materials) ---------------------------------------------------------------------
@dataclass(frozen=True)
class MaterialPagesChanged(Event):
    """Pages of a material were added, removed, reordered or rotated."""

    case_uuid: str
    code: str


@dataclass(frozen=True)
class ScanProgress(Event):
    """A scan filed another page; ``code`` is "" for a separator sheet or an unfiled page."""

    case_uuid: str
    code: str
    pages: int


@dataclass(frozen=True)
class ScanInboxFile(Event):
    """A complete new file in the scan-to-folder inbox (clerk.materials.inbox)."""

    path: Path


# -- sync (clerk.sync) --------------------------------------------------------------------------------
@dataclass(frozen=True)
class SyncProgress(Event):
    """The sync engine's state after a change (online, pending, parked, needs login …)."""

    state: SyncState


@dataclass(frozen=True)
class SyncConflict(Event):
    """A field case the back office changed meanwhile: a person has to decide (clerk.field)."""

    conflict: Conflict


@dataclass(frozen=True)
class UpdateStatusChanged(Event):
    """What the platform advertises about workstation updates changed (clerk.sync.health): show the
    notice when ``status.needs_attention``; nothing installs itself."""

    status: UpdateStatus


# -- the hall queue (clerk.queueing) -------------------------------------------------------------------
@dataclass(frozen=True)
class QueueChanged(Event):
    """The window's current ticket changed (None: no ticket at the window)."""

    ticket: Ticket | None


# -- follow-up (printjobs, handout, supplements, evaluation, field) -------------------------------------
@dataclass(frozen=True)
class PrintQueueChanged(Event):
    """A print job was queued, printed, failed or cancelled."""

    job_id: int
    state: str


@dataclass(frozen=True)
class ApplicantNotified(Event):
    """The applicant was told (SMS) that the results are ready for pickup."""

    case_uuid: str
    record: SmsRecord


@dataclass(frozen=True)
class CaseHandedOver(Event):
    """一窗出件: the results were handed over (``method``: window or post)."""

    case_uuid: str
    case_no: str
    method: str


@dataclass(frozen=True)
class SupplementQueued(Event):
    """Files of a deferred or requested material were stored and queued for the platform."""

    case_uuid: str
    material_code: str
    event_uuid: str


@dataclass(frozen=True)
class EvaluationRecorded(Event):
    """好差评: an evaluation was recorded and queued for the platform."""

    evaluation: EvaluationRecord


@dataclass(frozen=True)
class LowScoreReceived(Event):
    """差评: an evaluation at or below the low-score mark (a rectification follows)."""

    evaluation: EvaluationRecord


@dataclass(frozen=True)
class VisitsPrepared(Event):
    """上门办: the visit list was downloaded for offline use."""

    count: int

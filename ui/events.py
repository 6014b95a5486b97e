"""How an event reaches a screen: one listener mixin over the events declared in ``clerk/events.py``.

Electrum's ``QtEventListener`` idea: a widget (any QObject) mixes ``EventListener`` in, names methods
``on_event_<name>(self, event)`` after the events it wants, and calls ``listen(bus)`` once. Each
event published on the bus — from any thread — is then delivered to that method on the GUI thread
(queued from another thread, at once from the GUI thread itself), as long as the widget lives
(``stop_listening()``, or the widget's deletion, ends it)::

    class CaseList(EventListener, QWidget):
        def __init__(self, shell: Shell) -> None:
            super().__init__()
            self.listen(shell.events)

        def on_event_case_accepted(self, event: CaseAccepted) -> None:
            self.search()

The UI's own events (requests between features, published and heard on the GUI thread) are
declared here too, as the same dataclasses on the same bus: a feature publishes, say,
``OpenCaseRequested`` and whichever feature owns that screen listens for it. No feature imports another.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clerk.events import Event, EventBus
from clerk.intake.model import CaseView
from ui.qt import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

PREFIX = "on_event_"


class _Relay(QObject):
    """Lives in the GUI thread; ``arrived`` is emitted from any thread (queued across threads).

    Signals:
        arrived(object): the event.
    """

    arrived = Signal(object)


class EventListener:
    """Mixin: ``on_event_<name>`` methods are called on the GUI thread for the events of that name."""

    _event_bus: EventBus | None = None
    _event_relay: _Relay | None = None
    _event_handlers: list[tuple[type[Event], Callable[[Event], None]]]

    def listen(self, bus: EventBus) -> None:
        """Starts delivering the bus's events to this object's ``on_event_<name>`` methods."""
        if self._event_bus is not None:
            self.stop_listening()
        assert isinstance(self, QObject), "EventListener is mixed into a QObject"
        relay = _Relay(self)
        methods = _listener_methods(type(self))
        # queued when published from another thread (a worker, the sync thread, the inbox watcher); at
        # once when published on the GUI thread (a feature's request: heard before publish() returns)
        relay.arrived.connect(self._deliver_event, Qt.ConnectionType.AutoConnection)
        self._event_bus, self._event_relay, self._event_handlers = bus, relay, []
        for kind in methods:
            handler = _forwarder(relay)
            bus.subscribe(kind, handler)
            self._event_handlers.append((kind, handler))
        relay.destroyed.connect(lambda *_: self._unsubscribe(bus))

    def stop_listening(self) -> None:
        """No more events (the widget is closing); safe to call twice."""
        if self._event_bus is not None:
            self._unsubscribe(self._event_bus)
        self._event_bus = None

    def _unsubscribe(self, bus: EventBus) -> None:
        for kind, handler in getattr(self, "_event_handlers", []):
            bus.unsubscribe(kind, handler)
        self._event_handlers = []

    @Slot(object)
    def _deliver_event(self, event: Event) -> None:
        if self._event_bus is None:  # stopped meanwhile: the event was already on its way
            return
        getattr(self, PREFIX + event.name)(event)


def _forwarder(relay: _Relay) -> Callable[[Event], None]:
    def forward(event: Event) -> None:  # any thread
        try:
            relay.arrived.emit(event)
        except RuntimeError:  # the listener is gone (its C++ object deleted): nothing to tell
            pass

    return forward


def _listener_methods(cls: type) -> list[type[Event]]:
    """The event classes ``cls`` has ``on_event_<name>`` methods for (a typo in a name is an error)."""
    kinds = []
    for attr in dir(cls):
        if attr.startswith(PREFIX) and callable(getattr(cls, attr, None)):
            name = attr[len(PREFIX):]
            if name not in Event.kinds:
                raise TypeError(f"{cls.__name__}.{attr}: no event is called {name!r} (clerk/events.py, ui/events.py)")
            kinds.append(Event.kinds[name])
    return kinds


# -- the UI's own events: requests from one feature to the screen that owns the thing ----------------
@dataclass(frozen=True)
class OpenCaseRequested(Event):
    """Open a case at the intake screen (a draft or notified case; ``material``: select that material)."""

    case_uuid: str
    material: str = ""


@dataclass(frozen=True)
class ShowCasesRequested(Event):
    """Show the case list with this search text and status filter ("" for all)."""

    text: str = ""
    status: str = ""


@dataclass(frozen=True)
class CasesChanged(Event):
    """Many cases changed at once (demo cases were made): lists of cases load again."""


@dataclass(frozen=True)
class NewCaseRequested(Event):
    """Ctrl+N from anywhere: the intake screen starts a new case."""


@dataclass(frozen=True)
class TicketCalled(Event):
    """A queue ticket was called at this window: the next case taken in carries its number; its
    ``service`` says which screen takes the applicant (``intake`` the intake screen, ``pickup`` 出件)."""

    ticket_no: str
    service: str = "intake"


@dataclass(frozen=True)
class CallNextRequested(Event):
    """下一位: finish the current ticket (its case is done) and call the next one (the caller bar does it)."""


@dataclass(frozen=True)
class CaseOpened(Event):
    """The case open at the intake screen changed (``case`` is the CaseView, or None when closed)."""

    case: CaseView | None


@dataclass(frozen=True)
class CaseFinished(Event):
    """The clerk finished a case at this window (accepted, notified, refused or handed over);
    ``ticket_no``: the queue ticket it came from (the caller bar finishes that ticket)."""

    case_uuid: str
    ticket_no: str = ""


@dataclass(frozen=True)
class ShowCaseRequested(Event):
    """Open the read-only case view of a case (the case list, a scanned barcode, the hand-out)."""

    case_uuid: str


@dataclass(frozen=True)
class ShowPagesRequested(Event):
    """Show the pages of a material of any case in the page viewer (read-only unless the case is open)."""

    case_uuid: str
    code: str


@dataclass(frozen=True)
class HandOutRequested(Event):
    """Hand the results of a case out (the 出件 screen opens it)."""

    case_uuid: str
    case_no: str


@dataclass(frozen=True)
class SupplementRequested(Event):
    """Deliver materials for an accepted case (the 补正/容缺 screen)."""

    case_uuid: str


@dataclass(frozen=True)
class PrintRequested(Event):
    """Print a case's documents (their kinds; empty: its outcome's documents). ``direct``: straight to the
    printer remembered for each kind when every kind has one; otherwise (and without ``direct``) the
    print preview opens, with the focus."""

    case_uuid: str
    documents: tuple[str, ...] = ()
    direct: bool = False


@dataclass(frozen=True)
class ImportFilesRequested(Event):
    """Import files as pages of a material of the open case (photos taken on a visit …)."""

    case_uuid: str
    code: str
    paths: tuple[Path, ...]



@dataclass(frozen=True)
class CameraPageCaptured(Event):
    """The document camera (高拍仪) took a page, cropped and deskewed (``ui.devices``): the intake
    screen files it into the material that is its scan target, as a scanned page."""

    data: bytes
    """The page as JPEG bytes (kept in memory, never in a file)."""
    number: int
    """Its number in this series of captures (1, 2, …)."""
    found: bool
    """False: no document edge was found and the whole frame is kept."""


@dataclass(frozen=True)
class SignatureRequested(Event):
    """The intake screen asks for the applicant's signature on the commitment letter (``ui.devices``
    opens the signing pad for the case)."""

    case_uuid: str


@dataclass(frozen=True)
class CommitmentSigned(Event):
    """The applicant signed the commitment letter on the pad (the signature is stored with the case)."""

    case_uuid: str


@dataclass(frozen=True)
class DevicesTrouble(Event):
    """The devices the clerk needs that are down now (``ui.devices``: the reader, the printers …), as
    one line each; empty when all are well again. The caller bar shows a badge while there are some."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class ShowDevicesRequested(Event):
    """The device panel, please (the caller bar's badge was clicked)."""

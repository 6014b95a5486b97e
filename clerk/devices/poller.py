"""Reading a card when it is laid on the reader: ``Authenticate`` polled on a thread of its own.

    poller = CardPoller(open_reader(spec), ctx.events)
    poller.start()          # polls every ``interval_s``; publishes CardRead / CardReadFailed / CardRemoved
    poller.request_read()   # the read key: a read now, whether or not a card was just laid down
    poller.stop()

A card lying on the reader is read once (not again at every poll); taking it off publishes
``CardRemoved``, laying a card down again reads again. A reader that cannot be used is reported
once (``CardReadFailed`` with ``reader_down``) and then asked again every ``retry_s`` — a USB reader
plugged back in comes back by itself. Every call to the reader happens on the poller's thread, so
the GUI thread never waits for a vendor library. ``poll_once`` is one turn of the loop (tests drive
it directly; no sleeping there).
"""

from __future__ import annotations

import logging
import threading

from clerk.devices.idcard import IdCardError, NoCard, ReaderUnavailable
from clerk.devices.readers import CardReader
from clerk.events import CardRead, CardReadFailed, CardRemoved, EventBus

log = logging.getLogger(__name__)


class CardPoller:
    def __init__(self, reader: CardReader, events: EventBus, *, interval_s: float = 0.5,
                 retry_s: float = 5.0) -> None:
        self.reader = reader
        self.events = events
        self.interval_s = interval_s
        self.retry_s = retry_s
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._requested = threading.Event()
        self._thread: threading.Thread | None = None
        self._card_on_reader = False
        self._down: str | None = None

    @property
    def reader_down(self) -> str | None:
        """Why the reader cannot be used now (its one line), or None."""
        return self._down

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="idcard-poller", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=30)
        self.reader.close()

    def request_read(self) -> None:
        """The read key: the next turn reads (on the poller's thread; at once if it is waiting)."""
        self._requested.set()
        self._wake.set()

    def _run(self) -> None:
        while not self._stopping.is_set():
            self.poll_once()
            self._wake.wait(self.retry_s if self._down else self.interval_s)
            self._wake.clear()

    def poll_once(self) -> None:
        """One turn: a requested read, or a look at whether a card was laid down or taken off."""
        requested = self._requested.is_set()
        self._requested.clear()
        try:
            present = True if requested else self.reader.present()
        except IdCardError as exc:
            self._reader_failed(exc, requested)
            return
        if self._down is not None:
            self._down = None
        if not present:
            if self._card_on_reader:
                self._card_on_reader = False
                self.events.publish(CardRemoved())
            return
        if self._card_on_reader and not requested:
            return  # this card was read already
        try:
            card = self.reader.read()
        except NoCard as exc:
            self._card_on_reader = False
            if requested:
                self.events.publish(CardReadFailed(exc.one_line()))
            return
        except ReaderUnavailable as exc:
            self._reader_failed(exc, requested)
            return
        except IdCardError as exc:  # a malformed block, a read that failed: once per card laid down
            self._card_on_reader = True
            self.events.publish(CardReadFailed(exc.one_line()))
            return
        self._card_on_reader = True
        log.info("ID card read (%s)", card.card_type.value)  # never the name or number
        self.events.publish(CardRead(card, requested=requested))

    def _reader_failed(self, exc: IdCardError, requested: bool) -> None:
        message = exc.one_line()
        if self._down != message or requested:
            self._down = message
            self.events.publish(CardReadFailed(message, reader_down=True))
        self._card_on_reader = False

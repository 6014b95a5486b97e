"""The card poller: laid down → read once; taken off → removed; the read key; a reader that goes away."""

from __future__ import annotations

import threading
from pathlib import Path

from clerk.devices.poller import CardPoller
from clerk.devices.readers import open_reader
from clerk.events import CardRead, CardReadFailed, CardRemoved, Event, EventBus
from tests.helpers.devices import card, lay_card, sim_file


def _recording() -> tuple[EventBus, list[Event]]:
    bus, seen = EventBus(), []
    for kind in (CardRead, CardReadFailed, CardRemoved):
        bus.subscribe(kind, seen.append)
    return bus, seen


def test_a_card_is_read_once_while_it_lies_there(tmp_path: Path) -> None:
    bus, seen = _recording()
    path = sim_file(tmp_path / "card.json", None)
    poller = CardPoller(open_reader(f"sim:{path}"), bus)
    poller.poll_once()
    assert seen == []
    sim_file(path, card(name="周杰"))
    poller.poll_once()
    poller.poll_once()
    assert [type(e) for e in seen] == [CardRead]
    first = seen[0]
    assert isinstance(first, CardRead) and first.card.name == "周杰" and not first.requested
    poller.request_read()
    poller.poll_once()
    assert isinstance(seen[-1], CardRead) and seen[-1].requested  # the read key reads again
    sim_file(path, None)
    poller.poll_once()
    assert isinstance(seen[-1], CardRemoved)
    poller.request_read()
    poller.poll_once()
    assert isinstance(seen[-1], CardReadFailed) and "没有身份证" in seen[-1].message and not seen[-1].reader_down


def test_a_malformed_card_is_reported_once(tmp_path: Path) -> None:
    bus, seen = _recording()
    path = tmp_path / "card.json"
    path.write_text('{"name": "x"}', encoding="utf-8")
    poller = CardPoller(open_reader(f"sim:{path}"), bus)
    poller.poll_once()
    poller.poll_once()
    assert [type(e) for e in seen] == [CardReadFailed]
    assert isinstance(seen[0], CardReadFailed) and seen[0].message.startswith("证件信息无法识别")


def test_a_reader_that_goes_away_and_comes_back(fake_termb_lib: Path, reader_dir: Path, tmp_path: Path) -> None:
    bus, seen = _recording()
    lib = tmp_path / "lib" / "libtermb.so"
    lib.parent.mkdir()
    poller = CardPoller(open_reader(f"termb:{lib}"), bus)
    try:
        poller.poll_once()
        poller.poll_once()
        assert [type(e) for e in seen] == [CardReadFailed]  # reported once, not at every poll
        assert isinstance(seen[0], CardReadFailed) and seen[0].reader_down and poller.reader_down
        lib.write_bytes(fake_termb_lib.read_bytes())  # plugged back in
        lay_card(reader_dir, card())
        poller.poll_once()
        assert poller.reader_down is None
        assert isinstance(seen[-1], CardRead) and seen[-1].card.name == "张伟"
    finally:
        poller.stop()


def test_the_thread_reads_when_asked(tmp_path: Path) -> None:
    bus = EventBus()
    got = threading.Event()
    bus.subscribe(CardRead, lambda e: got.set())
    path = sim_file(tmp_path / "card.json", card())
    poller = CardPoller(open_reader(f"sim:{path}"), bus, interval_s=3600)  # only the request wakes it
    poller.start()
    try:
        assert got.wait(60)  # the first turn sees the card
        got.clear()
        poller.request_read()
        assert got.wait(60)
    finally:
        poller.stop()

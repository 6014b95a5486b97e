"""The scan-to-folder inbox reports complete files once, never half-written or temporary ones."""

from __future__ import annotations

import os
import queue
from pathlib import Path

from clerk.events import EventBus, ScanInboxFile
from clerk.materials.inbox import ScanInbox

from .conftest import Draft, jpeg_bytes, text_page


def _next(q: queue.Queue[Path], timeout: float = 20.0) -> Path:
    return q.get(timeout=timeout)  # blocks until reported, fails the test after the deadline


def test_inbox_reports_a_new_file_when_complete_and_it_goes_into_the_case(draft: Draft, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    got: queue.Queue[Path] = queue.Queue()
    bus = EventBus()
    events: queue.Queue[Path] = queue.Queue()
    bus.subscribe(ScanInboxFile, lambda e: events.put(e.path))
    data = jpeg_bytes(text_page(["网络扫描仪"]))
    with ScanInbox(folder, got.put, events=bus, settle=1.0, poll=0.05):
        # a scanner writing in pieces under a temporary name, then renaming it into place
        tmp = folder / ".scan-0001.jpg.part"
        with tmp.open("wb") as f:
            f.write(data[: len(data) // 2])
            f.flush()
            assert got.empty()
            f.write(data[len(data) // 2:])
        os.rename(tmp, folder / "scan-0001.jpg")
        path = _next(got)
        assert path == folder / "scan-0001.jpg" and path.read_bytes() == data
        assert _next(events) == path
        # written in place and held open: reported only once it is complete
        slow = folder / "scan-0002.pdf"
        with slow.open("wb") as f:
            f.write(b"%PDF-1.4\n")
            f.flush()
            os.fsync(f.fileno())
            assert got.empty()
            f.write(b"% more\n")
        second = _next(got)
        assert second == slow and second.read_bytes() == b"%PDF-1.4\n% more\n"
    assert got.empty()  # each file once
    pages = draft.svc.import_file(draft.case_uuid, draft.codes[2], path)
    assert len(pages) == 1 and draft.ctx.pages.read(pages[0].sha256) == data


def test_inbox_settles_without_close_events_and_includes_existing(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "old.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (folder / "~lock.tmp").write_bytes(b"x")
    got: queue.Queue[Path] = queue.Queue()
    with ScanInbox(folder, got.put, settle=0.3, poll=0.05, include_existing=True):
        assert _next(got) == folder / "old.png"
    assert got.empty()

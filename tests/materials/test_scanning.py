"""Scanning through SANE's test device straight into a case's material; failures keep what was scanned."""

from __future__ import annotations

import shutil
import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from clerk.materials.scanner import SaneScanner, ScanError, ScanOptions
from clerk.store.models import PageRow

from .conftest import Draft

PATTERN = ("--test-picture=Color pattern",)


def test_lists_the_test_device(sane: SaneScanner) -> None:
    names = [d.name for d in sane.list_devices()]
    assert "test:0" in names


def test_scan_three_pages_into_a_material_end_to_end(draft: Draft, sane: SaneScanner) -> None:
    code = draft.codes[2]
    progress: list[int] = []
    outcome = draft.svc.scan_into(
        draft.case_uuid, code, sane, "test",
        ScanOptions(mode="color", resolution=150, batch=True, count=3, format="png", extra=PATTERN),
        on_progress=lambda n, page: progress.append(n),
    )
    assert outcome.error is None and not outcome.cancelled and not outcome.unfiled
    assert progress == [1, 2, 3]
    pages = draft.svc.list_pages(draft.case_uuid, code)
    assert [p.id for p in pages] == [p.id for p in outcome.pages] and len(pages) == 3
    assert all(p.media_type == "image/png" and p.blank_score == 0.0 for p in pages)
    assert draft.ctx.pages.verify() == []
    ref = draft.svc.build_upload(draft.case_uuid, code)
    assert ref.pages == 3
    assert not any(draft.svc.scans_dir.rglob("*.png"))  # filed pages leave nothing behind


def test_adf_grey_jpeg_batch_until_the_feeder_is_empty(draft: Draft, sane: SaneScanner) -> None:
    # SANE's test feeder is empty after 10 sheets: the normal end of a batch, not an error
    outcome = draft.svc.scan_into(draft.case_uuid, draft.codes[3], sane, "test",
                                  ScanOptions(mode="gray", resolution=75, source="adf", format="jpeg"))
    assert outcome.error is None and len(outcome.pages) == 10
    assert {p.media_type for p in outcome.pages} == {"image/jpeg"}
    cmd = sane.command("test", ScanOptions(mode="gray", source="adf"), Path("/x"))
    assert "--source=Automatic Document Feeder" in cmd and "--mode=Gray" in cmd


def test_unsupported_choices_and_missing_device_are_clear(draft: Draft, sane: SaneScanner) -> None:
    with pytest.raises(ScanError, match="双面"):
        sane.command("test", ScanOptions(source="adf", duplex=True), Path("/x"))
    with pytest.raises(ScanError, match="找不到扫描仪"):
        draft.svc.scan_into(draft.case_uuid, draft.codes[2], sane, "nosuch:scanner", ScanOptions())
    assert draft.svc.list_pages(draft.case_uuid, draft.codes[2]) == []


def test_scanner_vanishing_mid_batch_keeps_the_pages_already_scanned(draft: Draft, sane_env: dict[str, str],
                                                                      tmp_path: Path) -> None:
    """A scanner unplugged after two sheets: ``scanimage`` says what the real one says and fails."""
    real = shutil.which("scanimage")
    fake = tmp_path / "scanimage"
    fake.write_text(
        "#!/bin/sh\n"
        'case "$*" in *--batch=*)\n'
        f'  "{real}" "$@" --batch-count=2 || exit $?\n'
        '  echo "Scanning page 3" >&2\n'
        '  echo "scanimage: sane_start: Error during device I/O" >&2\n'
        "  exit 9;;\n"
        "esac\n"
        f'exec "{real}" "$@"\n'
    )
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    scanner = SaneScanner(program=str(fake), env=sane_env)
    code = draft.codes[2]
    outcome = draft.svc.scan_into(draft.case_uuid, code, scanner, "test",
                                  ScanOptions(resolution=100, source="adf", format="png", extra=PATTERN))
    assert outcome.error is not None
    assert "第 3 页" in outcome.error and "已扫描的 2 页已保留" in outcome.error and "中断" in outcome.error
    assert len(draft.svc.list_pages(draft.case_uuid, code)) == 2
    assert draft.ctx.pages.verify() == []


def test_cancel_kills_the_scan_and_keeps_finished_pages(draft: Draft, sane: SaneScanner) -> None:
    cancel = threading.Event()
    slow = ("--read-limit=yes", "--read-limit-size=4096", "--read-delay=yes", "--read-delay-duration=20000")
    seen: list[Any] = []

    def progress(n: int, page: Any) -> None:
        seen.append(page)
        cancel.set()  # the clerk presses 取消 after the first page

    code = draft.codes[2]
    outcome = draft.svc.scan_into(draft.case_uuid, code, sane, "test",
                                  ScanOptions(resolution=100, batch=True, count=5, format="png", extra=PATTERN + slow),
                                  on_progress=progress, cancel=cancel)
    assert outcome.cancelled and outcome.error is None
    assert len(outcome.pages) == 1 and len(seen) == 1
    with draft.ctx.store.read() as s:
        assert s.query(PageRow).count() == 1
    assert not list(draft.svc.scans_dir.rglob("p*"))  # the half-scanned page is gone

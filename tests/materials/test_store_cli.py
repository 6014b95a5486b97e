"""``python -m clerk store verify|gc`` and the blobs the database still needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from clerk.materials.service import collect_garbage, prepare_uploads, referenced_blobs

from .conftest import Draft, jpeg_bytes, text_page

REPO = Path(__file__).resolve().parents[2]


def _clerk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clerk", *args], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def test_verify_reports_damage_one_line_per_file_and_exits_1(draft: Draft) -> None:
    pages = [draft.svc.add_page(draft.case_uuid, draft.codes[2], jpeg_bytes(text_page([f"第 {i} 页"], dpi=40, seed=i)))
             for i in range(3)]
    data_dir = draft.ctx.paths.data_dir
    ok = _clerk("store", "verify", "--data-dir", str(data_dir))
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout == "" and "完好" in ok.stderr
    p0 = draft.ctx.pages.path(pages[0].sha256)
    raw = bytearray(p0.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    p0.write_bytes(bytes(raw))
    draft.ctx.pages.path(pages[1].sha256).unlink()
    bad = _clerk("store", "verify", "--data-dir", str(data_dir))
    assert bad.returncode == 1
    lines = bad.stdout.splitlines()
    assert len(lines) == 2
    assert {line[:64] for line in lines} == {pages[0].sha256, pages[1].sha256}
    assert any("损坏" in line for line in lines) and any("丢失" in line for line in lines)


def test_gc_never_deletes_what_pages_files_or_the_outbox_need(draft: Draft) -> None:
    code = draft.codes[2]
    kept = draft.svc.add_page(draft.case_uuid, code, jpeg_bytes(text_page(["保留"], dpi=40)))
    gone = draft.svc.add_page(draft.case_uuid, code, jpeg_bytes(text_page(["删除"], dpi=40, seed=5)))
    built = prepare_uploads(draft.ctx, draft.case_uuid)[code]
    orphan = draft.ctx.pages.put_bytes(b"never recorded").sha256
    draft.svc.delete_page(gone.id)  # its bytes are now unreferenced; the stale upload PDF is dropped
    refs = referenced_blobs(draft.ctx.store)
    assert kept.sha256 in refs and gone.sha256 not in refs and built.sha256 not in refs
    assert collect_garbage(draft.ctx.store, draft.ctx.pages, min_age_seconds=3600) == []  # too young
    removed = set(collect_garbage(draft.ctx.store, draft.ctx.pages, min_age_seconds=0))
    assert removed == {gone.sha256, built.sha256, orphan}
    assert draft.ctx.pages.read(kept.sha256)
    assert draft.ctx.pages.verify() == []
    busy = _clerk("store", "gc", "--min-age", "0", "--data-dir", str(draft.ctx.paths.data_dir))
    assert busy.returncode == 2 and busy.stdout == ""  # this process owns the data dir: gc waits its turn
    assert len(busy.stderr.strip().splitlines()) == 1 and f"PID {os.getpid()}" in busy.stderr
    draft.ctx.close()
    cli = _clerk("store", "gc", "--min-age", "0", "--data-dir", str(draft.ctx.paths.data_dir))
    assert cli.returncode == 0 and cli.stdout == ""


def test_gc_refuses_a_negative_min_age(draft: Draft, capsys: pytest.CaptureFixture[str]) -> None:
    from clerk.cli import main

    draft.ctx.close()
    for bad in ("-100", "nan", "x"):
        with pytest.raises(SystemExit) as stop:
            main(["store", "gc", "--min-age", bad, "--data-dir", str(draft.ctx.paths.data_dir)])
        out = capsys.readouterr()
        assert stop.value.code == 2 and out.out == "" and "Traceback" not in out.err, bad
        assert len(out.err.strip().splitlines()) == 1 and "--min-age" in out.err


def test_prepared_uploads_satisfy_the_accept_check(draft: Draft) -> None:
    """The accept check builds the material's upload PDF itself (AppContext's before_accept hook)."""
    code = draft.codes[2]
    draft.svc.add_page(draft.case_uuid, code, jpeg_bytes(text_page(["登记表"], dpi=40)))
    assert draft.svc.built_upload(draft.case_uuid, code) is None
    problems = draft.ctx.intake.check_for_accept(draft.case_uuid)
    assert f"materials.{code}" not in problems
    built = draft.svc.built_upload(draft.case_uuid, code)
    assert built is not None and built.media_type == "application/pdf"
    # nothing to rebuild the second time
    assert prepare_uploads(draft.ctx, draft.case_uuid) == {code: built}

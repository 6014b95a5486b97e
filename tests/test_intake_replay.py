"""Re-running ``python -m clerk intake`` after an uncertain crash: the first result, never a second case.

Real processes, killed with SIGKILL at named points (``clerk.testpoints``: the child stops itself with
SIGSTOP at the point, the test sees it stopped and kills it) — no timing involved.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from clerk.testpoints import ENV
from tests.helpers.intake import holdings, open_ctx, valid_document, write_document

ROOT = Path(__file__).resolve().parents[1]


def clerk(*args: str, stop_at: str | None = None) -> subprocess.CompletedProcess[str]:
    """Runs ``python -m clerk``; with ``stop_at`` the process is SIGKILLed at that point."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(ENV, None)
    if stop_at is None:
        return subprocess.run([sys.executable, "-m", "clerk", *args], capture_output=True, text=True,
                              timeout=180, env=env)
    env[ENV] = stop_at
    p = subprocess.Popen([sys.executable, "-m", "clerk", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=env)
    _, status = os.waitpid(p.pid, os.WUNTRACED)  # returns when the child stops itself at the point
    assert os.WIFSTOPPED(status), f"the child ended before {stop_at}: {p.communicate()}"
    p.send_signal(signal.SIGKILL)
    out, err = p.communicate(timeout=60)
    assert p.returncode == -signal.SIGKILL
    return subprocess.CompletedProcess(p.args, p.returncode, out, err)


def intake(doc_path: Path, data_dir: Path, **kw: Any) -> subprocess.CompletedProcess[str]:
    return clerk("intake", str(doc_path), "--data-dir", str(data_dir), **kw)


def _gc_keeps_every_page(data_dir: Path, case_uuid: str) -> list[str]:
    """Runs the page-store gc; every page and file of the case is still there. Returns what it removed."""
    from clerk.materials.service import collect_garbage

    ctx = open_ctx(data_dir)
    try:
        removed = collect_garbage(ctx.store, ctx.pages, min_age_seconds=0)
        view = ctx.intake.get(case_uuid)
        for m in view.materials:
            for f in m.files:
                assert ctx.pages.check(f.sha256) is None
            for p in ctx.materials.list_pages(case_uuid, m.code):
                assert p.sha256 not in removed and ctx.pages.check(p.sha256) is None
        assert ctx.pages.verify() == []
        return removed
    finally:
        ctx.close()


@pytest.mark.parametrize("key", ["idempotency_key", "case_uuid"])
def test_killed_before_the_commit_then_rerun_makes_exactly_one_case(tmp_path: Path, data_dir: Path, key: str) -> None:
    doc = valid_document(tmp_path)
    doc[key] = "c0ffee00-1234-4abc-8def-0123456789ab" if key == "case_uuid" else "counter-7:2026-06-01:0042"
    path = write_document(tmp_path, doc)
    r = intake(path, data_dir, stop_at="intake.before_commit")
    assert r.stdout == ""
    h = holdings(data_dir)
    assert h["cases"] == 0 and h["outbox"] == 0 and h["pages"] == 0 and h["replays"] == 0, h
    assert h["files"] > 0  # written before the transaction: unreferenced until a run commits
    r = intake(path, data_dir)
    assert r.returncode == 0, r.stderr
    first = json.loads(r.stdout)
    assert holdings(data_dir)["cases"] == 1 and holdings(data_dir)["outbox"] == 1
    # the re-run took up the page files the killed run left (same bytes); only the killed run's
    # upload PDFs (pdfium writes a fresh /ID each time) are garbage
    removed = _gc_keeps_every_page(data_dir, first["case_uuid"])
    assert len(removed) <= len(doc["materials"])
    if key == "case_uuid":
        assert first["case_uuid"] == doc["case_uuid"]


def test_killed_after_the_commit_then_rerun_returns_the_first_result(tmp_path: Path, data_dir: Path) -> None:
    """The crash the issue saw (committed, nothing printed): the re-run prints the same result."""
    doc = valid_document(tmp_path)
    doc["idempotency_key"] = "window-3:ticket-A012:2026"
    path = write_document(tmp_path, doc)
    r = intake(path, data_dir, stop_at="intake.committed")
    assert r.stdout == ""  # killed before it could say anything
    assert holdings(data_dir)["cases"] == 1
    again = intake(path, data_dir)
    assert again.returncode == 0, again.stderr
    assert "已受理过" in again.stderr
    result = json.loads(again.stdout)
    assert holdings(data_dir)["cases"] == 1 and holdings(data_dir)["outbox"] == 1
    ctx = open_ctx(data_dir)
    try:
        view = ctx.intake.get(result["case_uuid"])
        assert view.case_no == result["case_no"] and result["outcome"] == "accepted"
    finally:
        ctx.close()
    third = intake(path, data_dir)
    assert json.loads(third.stdout) == result


def test_without_a_key_a_killed_run_leaves_no_draft(tmp_path: Path, data_dir: Path) -> None:
    """Draft, materials and acceptance are one transaction: a kill at any point leaves no orphan
    draft; files written before it are unreferenced and ``store gc`` removes them."""
    path = write_document(tmp_path, valid_document(tmp_path))
    for point in ("intake.pages_written", "intake.before_commit"):
        intake(path, data_dir, stop_at=point)
        h = holdings(data_dir)
        assert h["cases"] == 0 and h["pages"] == 0 and h["outbox"] == 0, (point, h)
    r = clerk("store", "gc", "--min-age", "0", "--data-dir", str(data_dir))
    assert r.returncode == 0, r.stderr
    assert holdings(data_dir)["files"] == 0


def test_the_same_key_with_another_document_is_refused(tmp_path: Path, data_dir: Path) -> None:
    doc = valid_document(tmp_path)
    doc["idempotency_key"] = "batch-2026-06-01-0007"
    path = write_document(tmp_path, doc)
    assert intake(path, data_dir).returncode == 0
    doc["applicant"]["address"] = "另一个地址"
    r = intake(write_document(tmp_path, doc), data_dir)
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "idempotency_key" in r.stderr and "内容不同" in r.stderr
    # the same document whose file changed on disk is another document too
    doc["applicant"]["address"] = valid_document(tmp_path)["applicant"]["address"]
    scan = tmp_path / doc["materials"][0]["files"][0]
    from clerk.demo import scan_image

    scan.write_bytes(scan_image("另一份身份证", dpi=20))
    r = intake(write_document(tmp_path, doc), data_dir)
    assert r.returncode == 2 and "内容不同" in r.stderr
    assert holdings(data_dir)["cases"] == 1


def test_a_case_uuid_of_another_case_is_refused(tmp_path: Path, data_dir: Path) -> None:
    first = json.loads(intake(write_document(tmp_path, valid_document(tmp_path)), data_dir).stdout)
    doc = valid_document(tmp_path, seed=3)
    doc["case_uuid"] = first["case_uuid"]
    r = intake(write_document(tmp_path, doc, "second.json"), data_dir)
    assert r.returncode == 2 and "case_uuid" in r.stderr and r.stderr.count("\n") == 1
    assert holdings(data_dir)["cases"] == 1

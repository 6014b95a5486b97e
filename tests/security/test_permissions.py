"""The data dir and everything in it is its user's only: folders 0700, files 0600."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from clerk.demo import DemoPeople, take_demo_case
from clerk.security.logfilter import remove_logging, setup_logging


def modes(d: Path) -> dict[str, int]:
    out = {}
    for root, dirs, files in os.walk(d):
        for name in dirs + files:
            p = Path(root) / name
            out[str(p.relative_to(d)) + ("/" if p.is_dir() else "")] = stat.S_IMODE(p.lstat().st_mode)
    return out


def test_a_workstations_files_are_private(tmp_path: Path, clerk_actor: Any) -> None:
    from clerk.context import AppContext
    from clerk.security.keys import key_for
    from printing.backends import PdfFilePrinter
    from tests.materials.conftest import jpeg_bytes, text_page

    d = tmp_path / "new-workstation"
    handler = setup_logging(d)
    try:
        ctx = AppContext.open(d, key_for=key_for)
        try:
            take_demo_case(ctx, clerk_actor, DemoPeople(3), "newborn")
            draft = ctx.intake.start_draft(clerk_actor, "newborn")
            page = ctx.materials.add_page(draft.case_uuid, draft.materials[0].code,
                                          jpeg_bytes(text_page(["出生医学证明"], dpi=40)))
            ctx.materials.thumbnail(page)  # the thumbnail cache
            PdfFilePrinter(ctx.paths.data_dir / "prints").print_pdf(b"%PDF-1.4\n%%EOF\n", "受理通知书")
            import logging

            logging.getLogger("clerk.test").warning("a line in the log")
            for h in logging.getLogger().handlers:
                h.flush()
            got = modes(ctx.paths.data_dir)
        finally:
            ctx.close()
    finally:
        remove_logging(handler)
    assert {"cache.sqlite3", "cache.sqlite3-wal", "cache.sqlite3-shm", "logs/clerk.log", "owner.lock",
            "data-key.id"} <= set(got)
    assert any(k.startswith("pages/") and not k.endswith("/") for k in got)
    assert any(k.startswith("thumbs/") and not k.endswith("/") for k in got)
    assert any(k.startswith("prints/") and k.endswith(".pdf") for k in got)
    assert stat.S_IMODE(d.stat().st_mode) == 0o700
    wrong = {k: oct(v) for k, v in got.items() if v != (0o700 if k.endswith("/") else 0o600)}
    assert not wrong, wrong


def test_an_older_data_dir_is_tightened_when_opened(tmp_path: Path) -> None:
    from clerk.context import AppContext

    d = tmp_path / "old"
    AppContext.open(d).close()
    (d / "pages" / "ab").mkdir(parents=True)
    (d / "pages" / "ab" / "abcd").write_bytes(b"x")
    for p in [d, *d.rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)
    AppContext.open(d).close()
    wrong = {k: oct(v) for k, v in modes(d).items() if v != (0o700 if k.endswith("/") else 0o600)}
    assert not wrong and stat.S_IMODE(d.stat().st_mode) == 0o700, wrong

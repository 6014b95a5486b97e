"""Logs never hold a full ID number, phone or token: generate cases with DEBUG logging, scan the file."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clerk.demo import DemoPeople, take_demo_case
from clerk.security.logfilter import remove_logging, setup_logging


@pytest.fixture
def file_log(data_dir: Path) -> Iterator[Path]:
    root = logging.getLogger()
    old_level = root.level
    handler = setup_logging(data_dir, level=logging.DEBUG)
    root.setLevel(logging.DEBUG)
    yield data_dir / "logs" / "clerk.log"
    remove_logging(handler)
    root.setLevel(old_level)


def test_log_file_has_no_full_id_phone_or_token(ctx: Any, clerk_actor: Any, file_log: Path) -> None:
    # SQLAlchemy's engine log at INFO writes every statement's parameters: the applicants' data.
    sa_log = logging.getLogger("sqlalchemy.engine.Engine")
    old = sa_log.level
    sa_log.setLevel(logging.INFO)
    people = DemoPeople(31)
    scans: dict[str, bytes] = {}
    views = []
    log = logging.getLogger("clerk.test")
    try:
        for _ in range(8):
            v = take_demo_case(ctx, clerk_actor, people, "newborn", scans=scans)
            views.append(v)
            a = v.applicant
            log.debug("applicant %s phone %s", a.id_number, a.phone)
            log.info(f"took case for {a.id_number} ({a.phone})")
            log.warning("dict args %(id)s", {"id": a.id_number})
            try:
                raise ValueError(f"bad number {a.id_number}")
            except ValueError:
                log.exception("failed for %s", a.phone)
        log.info("Authorization: Bearer %s", "tok_abcDEF1234567890xyz")
        log.info("login reply %s", {"token": "tok_abcDEF1234567890xyz", "expires_at": "x"})
    finally:
        sa_log.setLevel(old)
    for h in logging.getLogger().handlers:
        h.flush()
    text = file_log.read_text(encoding="utf-8")
    assert "INSERT INTO cases" in text or "UPDATE cases" in text  # the parameters were logged …
    assert text.count("**********") >= 8 * 3  # … and masked
    for v in views:
        a = v.applicant
        assert a.id_number not in text, "full ID number in the log"
        assert a.phone not in text, "full phone number in the log"
        assert a.id_number[:4] + "*" * 10 + a.id_number[-4:] in text
    assert "tok_abcDEF1234567890xyz" not in text
    assert not re.search(r"(?<!\d)\d{17}[\dXx](?!\d)", text)
    assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text)

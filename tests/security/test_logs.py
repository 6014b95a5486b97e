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
    assert "INSERT INTO cases" in text or "UPDATE cases" in text  # the statements were logged …
    assert "parameters hidden" in text  # … without their parameters (names and addresses have no pattern)
    assert text.count("**********") >= 8 * 3  # the app's own lines are masked
    for v in views:
        a = v.applicant
        assert a.id_number not in text, "full ID number in the log"
        assert a.phone not in text, "full phone number in the log"
        assert a.id_number[:4] + "*" * 10 + a.id_number[-4:] in text
    assert "tok_abcDEF1234567890xyz" not in text
    assert not re.search(r"(?<!\d)\d{17}[\dXx](?!\d)", text)
    assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text)


def test_an_accepted_cases_name_and_address_never_reach_the_log_at_debug(ctx: Any, clerk_actor: Any, file_log: Path,
                                                                          data_dir: Path) -> None:
    """Everything at DEBUG, SQLAlchemy's engine included (statements, parameters, result rows): the
    applicant's name and address — which no regex can recognise in free text — are never written."""
    import json

    from clerk.intake.search import CaseQuery
    from clerk.sms import LogSmsGateway

    for name in ("sqlalchemy.engine", "sqlalchemy.engine.Engine", "sqlalchemy.pool"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    people = DemoPeople(47)
    views = []
    try:
        for _ in range(3):
            v = take_demo_case(ctx, clerk_actor, people, "newborn")
            views.append(v)
            ctx.intake.search(CaseQuery(v.applicant.name))  # rows come back through the engine log
            ctx.intake.get(v.case_uuid)
            logging.getLogger("clerk.test").info("payload %s", json.dumps(
                {"applicant": {"name": v.applicant.name, "address": v.applicant.address}}, ensure_ascii=False))
            LogSmsGateway(data_dir / "sms.jsonl").send(v.applicant.phone, f"{v.applicant.name}您好，您的证件已办好")
    finally:
        for name in ("sqlalchemy.engine", "sqlalchemy.engine.Engine", "sqlalchemy.pool"):
            logging.getLogger(name).setLevel(logging.NOTSET)
    for h in logging.getLogger().handlers:
        h.flush()
    text = file_log.read_text(encoding="utf-8")
    assert "SELECT" in text and "Row [hidden" in text  # the engine did log, at DEBUG
    for v in views:
        a = v.applicant
        assert a.address and a.address not in text, "address in the log"
        assert a.name not in text, "name in the log"
        assert a.name[0] + "*" in text  # the masked form is there (张*明), as the lists show it
    assert (file_log.stat().st_mode & 0o777) == 0o600 and (file_log.parent.stat().st_mode & 0o777) == 0o700
    assert ((data_dir / "sms.jsonl").stat().st_mode & 0o777) == 0o600

"""The CLI intake path with e-licences, through the real back office on loopback and real subprocesses:
found → attached (the platform's manifest holds exactly the licence file's sha256), not found and
expired → exit 2 naming the material with nothing written, offline → 待核验 and fetched at sync, a
licence still missing at sync → the case is parked with the reason, never sent waived."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select

from backoffice import licences
from backoffice.db import CaseFile
from backoffice.embedded import EmbeddedServer, start_server
from tests.elicence.samples import licence_ofd, licence_pdf, write
from tests.helpers.backoffice import PASSWORD
from tests.helpers.intake import valid_document

ROOT = Path(__file__).resolve().parents[2]


def clerk(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clerk", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "CLERK_PASSWORD": PASSWORD}, timeout=timeout)


def login(server: EmbeddedServer, data: Path) -> None:
    r = clerk("login", "--platform", server.url, "--username", "clerk01", "--data-dir", str(data))
    assert r.returncode == 0, r.stderr


def retirement_doc(folder: Path) -> dict[str, Any]:
    doc = valid_document(folder, "retirement")
    assert {m["code"] for m in doc["materials"] if m["status"] == "e_license"} == {"applicant_id_card",
                                                                                  "social_security_card"}
    return doc


def write_doc(folder: Path, doc: dict[str, Any]) -> Path:
    p = folder / "case.json"
    p.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return p


def local_materials_in(ctx: Any) -> dict[str, dict[str, Any]]:
    from clerk.elicence.service import materials_json
    from clerk.store.models import CaseRow

    with ctx.store.read() as s:
        rows = s.scalars(select(CaseRow)).all()
        assert len(rows) == 1
        return {m["code"]: m for m in materials_json(rows[0])}


def local_materials(data: Path) -> dict[str, dict[str, Any]]:
    from clerk.context import AppContext
    from clerk.security.keys import key_for

    ctx = AppContext.open(data, key_for=key_for)
    try:
        return local_materials_in(ctx)
    finally:
        ctx.close()


def manifest(server: EmbeddedServer) -> set[str]:
    with server.ctx.db.read() as s:
        return set(s.scalars(select(CaseFile.sha256)).all())


def test_found_licences_are_attached_and_reach_the_platform(server: EmbeddedServer, tmp_path: Path) -> None:
    data, folder = tmp_path / "data", tmp_path / "doc"
    doc = retirement_doc(folder)
    holder = doc["applicant"]["id_number"]
    id_pdf, card_ofd = licence_pdf("resident_id_card"), licence_ofd("SOCIAL SECURITY CARD")
    n1 = licences.add_licence(server.ctx, holder_id=holder, licence_type="resident_id_card",
                              path=write(tmp_path / "lic", "id.pdf", id_pdf), issuer="西安市公安局")
    n2 = licences.add_licence(server.ctx, holder_id=holder, licence_type="social_security_card",
                              path=write(tmp_path / "lic", "card.ofd", card_ofd), issuer="陕西省人社厅")
    login(server, data)
    r = clerk("intake", str(write_doc(folder, doc)), "--data-dir", str(data))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["outcome"] == "accepted"
    mats = local_materials(data)
    for code, number, blob in (("applicant_id_card", n1, id_pdf), ("social_security_card", n2, card_ofd)):
        m = mats[code]
        assert m["status"] == "e_license" and m["licence_number"] == number
        assert [(f["sha256"], f["source"]) for f in m["files"]] == [(hashlib.sha256(blob).hexdigest(), "e_license")]
    assert {f["source"] for f in mats["retirement_application_form"]["files"]} == {"import"}
    s = clerk("sync", "--once", "--data-dir", str(data))
    assert s.returncode == 0, s.stderr
    got = manifest(server)
    assert {hashlib.sha256(id_pdf).hexdigest(), hashlib.sha256(card_ofd).hexdigest()} <= got
    # the uses are on the platform's record with the operator, the matter code and the case number
    with server.ctx.db.read() as ss:
        uses = ss.scalars(select(licences.LicenceUse)).all()
        assert {(u.username, u.outcome, u.authorisation) for u in uses} == {("clerk01", "found", "own")}
        assert all(u.matter_code and u.case_no for u in uses)


def test_not_found_and_expired_refuse_the_document(server: EmbeddedServer, tmp_path: Path) -> None:
    data, folder = tmp_path / "data", tmp_path / "doc"
    doc = retirement_doc(folder)
    holder = doc["applicant"]["id_number"]
    yesterday = (server.ctx.config.clock.today() - dt.timedelta(days=1)).isoformat()
    licences.add_licence(server.ctx, holder_id=holder, licence_type="resident_id_card",
                         path=write(tmp_path / "lic", "id.pdf", licence_pdf("id")), valid_until=yesterday)
    login(server, data)
    r = clerk("intake", str(write_doc(folder, doc)), "--data-dir", str(data))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    line = r.stderr.strip()
    assert len(line.splitlines()) == 1
    assert "materials.applicant_id_card: 居民身份证：证照已过期" in line
    assert "materials.social_security_card: 社会保障卡：未找到电子证照" in line
    from clerk.context import AppContext
    from clerk.security.keys import key_for
    from clerk.store.models import CaseRow

    ctx = AppContext.open(data, key_for=key_for)
    try:
        with ctx.store.read() as s:
            assert s.scalars(select(CaseRow)).all() == []  # nothing half-written
    finally:
        ctx.close()


def test_offline_pending_is_fetched_at_sync_or_parks_the_case(tmp_path: Path) -> None:
    from tests.helpers.backoffice import PASSWORD as PW

    db, files = f"sqlite:///{tmp_path / 'bo.db'}", tmp_path / "bo-files"
    server = start_server(db, files)
    server.create_user("clerk01", PW, ["clerk"], display_name="王小窗", windows=["W03"])
    port = int(server.url.rsplit(":", 1)[1])
    data, folder = tmp_path / "data", tmp_path / "doc"
    doc = retirement_doc(folder)
    holder = doc["applicant"]["id_number"]
    login(server, data)
    server.stop()  # the platform is unreachable from here on
    r = clerk("intake", str(write_doc(folder, doc)), "--data-dir", str(data))
    assert r.returncode == 0, r.stderr
    mats = local_materials(data)
    assert mats["applicant_id_card"]["licence_pending"] is True and mats["applicant_id_card"]["files"] == []
    assert mats["social_security_card"]["licence_pending"] is True
    server = start_server(db, files, port=port)
    try:
        pdf = licence_pdf("id")
        number = licences.add_licence(server.ctx, holder_id=holder, licence_type="resident_id_card",
                                      path=write(tmp_path / "lic", "id.pdf", pdf))
        # the social security card is not in the library: the case is parked, never sent waived
        s = clerk("sync", "--once", "--data-dir", str(data))
        assert s.returncode != 0 and "“社会保障卡”（未找到电子证照）" in s.stdout + s.stderr
        assert manifest(server) == set()
        from clerk.context import AppContext
        from clerk.security.keys import key_for

        ctx = AppContext.open(data, key_for=key_for)
        try:
            [problem] = ctx.sync_engine().list_problems()
            assert "待核验电子证照未能调取" in problem.error and "社会保障卡" in problem.error
            mats = local_materials_in(ctx)
            assert mats["social_security_card"]["licence_pending"] is True  # still 待核验, not waived
            # once the card is in the library, a retry sends the case with both licences attached
            card = licence_pdf("card")
            n2 = licences.add_licence(server.ctx, holder_id=holder, licence_type="social_security_card",
                                      path=write(tmp_path / "lic", "card.pdf", card))
            ctx.sync_engine().retry(problem.item_id)
        finally:
            ctx.close()
        s = clerk("sync", "--once", "--data-dir", str(data))
        assert s.returncode == 0, s.stdout + s.stderr
        assert {hashlib.sha256(pdf).hexdigest(), hashlib.sha256(card).hexdigest()} <= manifest(server)
        shown = clerk("case", "show", json.loads(r.stdout)["case_no"], "--json", "--data-dir", str(data))
        assert shown.returncode == 0, shown.stderr
        by_code = {m["code"]: m for m in json.loads(shown.stdout)["materials"]}
        assert by_code["applicant_id_card"]["licence_number"] == number
        assert by_code["social_security_card"]["licence_number"] == n2
        assert "licence_pending" not in by_code["social_security_card"]
        assert by_code["social_security_card"]["files"][0]["source"] == "e_license"
    finally:
        server.stop()

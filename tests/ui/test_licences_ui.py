"""调用电子证照 on the intake screen, against the demo platform's e-licence library (a real back office
on loopback with demo_licences): one click takes the newborn's e-licence materials, the father's
with his consent ticked; the result lists the numbers and the checklist shows 免提交 with the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from backoffice.embedded import start_server
from clerk.intake.model import MaterialStatus
from tests.helpers.ui import intake, wait_idle
from ui.qt import Qt

NEWBORN = {"settle_with": "father", "parents_married": "yes", "settle_household": "parent_household",
           "parents_ethnicity": "same", "mother_maternity_insured": "no"}


def test_one_click_takes_the_newborn_licences(qtbot, window, session, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from clerk.demo import DemoPeople, take_demo_case
    from clerk.sync import login

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("HOME", str(tmp_path))
    server = start_server(f"sqlite:///{tmp_path / 'bo.db'}", tmp_path / "bo-files", demo_licences=True)
    try:
        server.create_user("tester", "s3cret-pass", ["clerk"], display_name="测试窗口", windows=["W01"])
        ctx = session.ctx
        login(ctx, server.url, "tester", "s3cret-pass")
        view = take_demo_case(ctx, session.actor, DemoPeople(3), "newborn", outcome="draft", answers=NEWBORN)
        applicant = {**view.applicant.model_dump(mode="json"), "id_number": view.form["mother_id_number"]}
        view = ctx.intake.save_draft(view.case_uuid, applicant=applicant)
        page = intake(window)
        page.open_case(view)
        wait_idle(qtbot, window)
        bar = page.licence_bar
        assert bar.button.isVisible() and bar.button.text() == "调用电子证照"
        bar.consent.setChecked(True)  # the father is at the window, his ID card read
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, window)
        assert bar.result.isVisible()
        text = bar.result.text()
        codes = ("mother_id_card", "father_id_card", "marriage_certificate", "birth_medical_certificate",
                 "father_hukou_booklet", "guardian_id_card")
        by_code = {m.code: m for m in page.case.materials}
        for code in codes:
            m = by_code[code]
            assert m.status is MaterialStatus.E_LICENSE and m.licence_number.startswith("DEMO"), code
            assert m.licence_number in text
            assert page.checklist.cards[code].material.status is MaterialStatus.E_LICENSE
        assert "演示电子证照库" in text
    finally:
        server.stop()

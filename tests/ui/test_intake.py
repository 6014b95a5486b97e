"""The intake screen through its real widgets: a whole case, inline checks, accept blocked, autosave."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk.intake.model import CaseStatus, MaterialStatus
from tests.helpers.ui import (
    choose_status,
    fill_required_fields,
    intake,
    scan_file,
    start_bundle,
    type_applicant,
    type_text,
    wait_idle,
)
from ui.intake.dialogs import OutcomeDialog, ProblemsDialog
from ui.qt import Qt

pytestmark = pytest.mark.gui


def test_full_intake_to_accepted_case(qtbot, window, session, valid_id, tmp_path: Path) -> None:
    page = intake(window)
    start_bundle(qtbot, window, "xse")  # pinyin initials of 新生儿出生一件事
    assert page.case.bundle_code == "newborn"
    qtbot.mouseClick(page.situations.buttons[("settle_with", "mother")], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert page.case.situations["settle_with"] == "mother"

    type_applicant(qtbot, page, "李晓梅", valid_id)
    fill_required_fields(qtbot, page, valid_id)
    wait_idle(qtbot, window)

    deferred = []
    for code, card in page.checklist.cards.items():
        m = card.material
        if not m.required:
            continue
        if m.deferrable and not deferred:
            choose_status(qtbot, card, "deferred")
            deferred.append(code)
        else:
            card.import_paths([scan_file(tmp_path, code)])  # the seam the dialog and drops both use
        wait_idle(qtbot, window)
    assert deferred, "the newborn bundle has a deferrable material"
    assert page.checklist.commitment.isVisible()
    page.checklist.commitment.setFocus()
    qtbot.keyClick(page.checklist.commitment, Qt.Key.Key_Space)
    assert page.checklist.commitment.isChecked()
    case_uuid = page.case.case_uuid

    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=15000)
    assert isinstance(page.dialog, OutcomeDialog), getattr(page.dialog, "keys", lambda: None)()
    view = session.ctx.intake.get(case_uuid)
    assert view.status is CaseStatus.ACCEPTED
    assert view.due_date is not None and view.commitment_signed_at is not None
    assert view.applicant.name == "李晓梅" and view.applicant.id_number == valid_id
    statuses = {m.code: m.status for m in view.materials}
    assert statuses[deferred[0]] is MaterialStatus.DEFERRED
    for m in view.materials:
        if m.required and m.code not in deferred:
            assert m.status is MaterialStatus.PROVIDED and m.pages == 1
    assert view.case_no in page.dialog.findChild(type(page.case_label), "caseNumber").text()


def test_bad_id_number_shows_message_inline(qtbot, window, valid_id) -> None:
    page = intake(window)
    start_bundle(qtbot, window, "新生儿")
    bad = valid_id[:17] + ("0" if valid_id[17] != "0" else "1")
    qtbot.keyClicks(page.applicant.id_number, bad)
    label = page.applicant.problems["id_number"]
    assert label.isVisible()
    assert "校验位" in label.text()
    page.applicant.id_number.clear()
    qtbot.keyClicks(page.applicant.id_number, valid_id)
    assert not label.isVisible()


def test_bad_form_value_shows_message_when_leaving(qtbot, window) -> None:
    page = intake(window)
    start_bundle(qtbot, window, "新生儿")
    editor = page.form_panel.editors["birth_date"]
    type_text(qtbot, editor.focus_target(), "2026-13-45")
    qtbot.keyClick(editor.focus_target(), Qt.Key.Key_Return)  # Enter moves on to the next field
    assert not editor.focus_target().hasFocus()
    assert editor.problem.isVisible() and "YYYY-MM-DD" in editor.problem.text()


def test_accept_blocked_lists_every_problem(qtbot, window, session) -> None:
    page = intake(window)
    start_bundle(qtbot, window, "新生儿")
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ProblemsDialog), timeout=15000)
    expected = session.ctx.intake.check_for_accept(page.case.case_uuid)
    expected.pop("commitment", None)
    assert set(page.dialog.keys()) == set(expected)
    assert {"applicant.name", "applicant.id_number", "applicant.phone"} <= set(expected)
    assert any(k.startswith("materials.") for k in expected) and any(k.startswith("form.") for k in expected)
    assert page.applicant.problems["name"].isVisible()
    assert session.ctx.intake.get(page.case.case_uuid).status is CaseStatus.DRAFT


def test_autosave_survives_closing_and_reopening(qtbot, make_window, session, valid_id) -> None:
    w = make_window()
    start_bundle(qtbot, w, "新生儿")
    case_uuid = intake(w).case.case_uuid
    type_text(qtbot, intake(w).applicant.name, "王建国")
    type_text(qtbot, intake(w).form_panel.editors["child_name"].focus_target(), "王小")  # no focus-out, no pause
    w.close()
    saved = session.ctx.intake.get(case_uuid)
    assert saved.applicant.name == "王建国" and saved.form["child_name"] == "王小"

    w2 = make_window()
    assert intake(w2).drafts_banner.isVisible()
    qtbot.mouseClick(intake(w2).resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: intake(w2).case is not None, timeout=15000)
    assert intake(w2).case.case_uuid == case_uuid
    assert intake(w2).applicant.name.text() == "王建国"
    assert intake(w2).form_panel.editors["child_name"].value() == "王小"


def test_history_offers_prefill(qtbot, window, session) -> None:
    from clerk.demo import DemoPeople, take_demo_case

    earlier = take_demo_case(session.ctx, session.actor, DemoPeople(3), "newborn", answers={"settle_with": "father"})
    page = intake(window)
    start_bundle(qtbot, window, "新生儿")
    qtbot.keyClicks(page.applicant.id_number, earlier.applicant.id_number)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.history.isVisible(), timeout=5000)
    qtbot.mouseClick(page.history.prefill_button, Qt.MouseButton.LeftButton)
    assert page.applicant.name.text() == earlier.applicant.name
    assert page.form_panel.editors["child_name"].value() == earlier.form["child_name"]

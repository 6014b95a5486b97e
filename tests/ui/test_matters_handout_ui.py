"""出件 of some matters through the real hand-out page: a case whose 疫苗接种证 is ready while its
出生医学证明 is still in review is listed with what is ready, shows each matter's status, hands the
ready matter over (one 送达回证 of that hand-over) and keeps the other waiting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clerk.catalog.merge import merge
from clerk.demo import DemoPeople, fill_form
from clerk.intake import matters as matter_rows
from clerk.intake.model import CaseStatus
from clerk.store.models import CaseRow
from tests.helpers.followup import fill_materials
from tests.helpers.ui import followup
from ui.qt import Qt

CERT, VACC = "birth_medical_certificate_issue", "vaccination_certificate"


def _case_with_one_matter_ready(session: Any) -> Any:
    ctx, actor, people = session.ctx, session.actor, DemoPeople(31)
    view = ctx.intake.start_draft(actor, "newborn", matters=[CERT, VACC])
    merged = merge(ctx.catalog.bundle("newborn"), view.situations, [CERT, VACC])
    ctx.intake.save_draft(view.case_uuid, applicant=people.person(), form=fill_form(merged, people.rng, people))
    fill_materials(ctx, view.case_uuid)
    case = ctx.intake.accept(actor, view.case_uuid)
    with ctx.store.write() as s:  # as the platform's per-matter updates would leave it
        row = s.get(CaseRow, case.case_uuid)
        assert row is not None
        for m in row.matter_rows:
            m.status = (CaseStatus.READY_FOR_PICKUP if m.code == VACC else CaseStatus.IN_REVIEW).value
        matter_rows.rederive(row)
    return ctx.intake.get(case.case_uuid)


@pytest.mark.gui
def test_handout_page_hands_over_the_ready_matter_and_keeps_the_other(qtbot: Any, session: Any,
                                                                      make_window: Any) -> None:
    case = _case_with_one_matter_ready(session)
    assert case.status is CaseStatus.IN_REVIEW
    w = make_window()
    followup(w).evaluation_timeout_ms = 60_000
    page = followup(w).handout
    with qtbot.waitSignal(page.loaded, timeout=60_000) as loaded:
        w.tabs.setCurrentWidget(page)
    assert loaded.args == [1]
    names = {m.code: m.name for m in case.matters}
    assert f"可领：{names[VACC]}" in page.table.item(0, 1).text()
    assert names[VACC] in page.table.item(0, 1).text() and names[CERT] not in page.table.item(0, 1).text()

    with qtbot.waitSignal(page.opened, timeout=60_000):
        qtbot.keyClicks(page.lookup, case.case_no)
        qtbot.keyClick(page.lookup, Qt.Key.Key_Return)
    body = page.card_body.text()
    assert f"{names[CERT]}：" in body and f"{names[VACC]}：" in body  # one status per matter
    assert "本次可交付" in body and page.hand_button.isEnabled()

    with qtbot.waitSignal(page.handed_over, timeout=60_000), qtbot.waitSignal(page.printed, timeout=60_000) as printed:
        qtbot.keyClicks(page.presented, case.applicant.id_number)
        qtbot.keyClick(page.presented, Qt.Key.Key_Return)
    after = {m.code: m.status for m in session.ctx.intake.get(case.case_uuid).matters}
    assert after == {CERT: CaseStatus.IN_REVIEW, VACC: CaseStatus.DELIVERED}
    assert session.ctx.intake.get(case.case_uuid).status is CaseStatus.IN_REVIEW
    assert page.last_handover is not None and page.last_handover.matters == (VACC,)
    assert Path(printed.args[0]).read_bytes()[:5] == b"%PDF-"  # the 送达回证 of this hand-over
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=60_000)
    if followup(w).evaluation is not None:
        followup(w).evaluation.close()

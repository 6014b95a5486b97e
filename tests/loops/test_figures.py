"""办件统计: a generated week of cases and evaluations with known counts → the figures exactly (in
process, through ``python -m clerk stats --json``, and in the Excel export opened with openpyxl)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from clerk import clock
from clerk.figures import case_figures, period
from tests.helpers.followup import fill_materials
from tests.helpers.loops import accepted, actor, cli, draft

MONDAY = dt.date(2026, 11, 30)


@pytest.fixture
def at_day() -> Iterator[Any]:
    def pin(day: dt.date, hour: int = 10) -> None:
        moment = dt.datetime.combine(day, dt.time(hour), clock.CST)
        clock.set_clock(lambda: moment)

    yield pin
    clock.set_clock(None)


def _ready(ctx: Any, case_uuid: str) -> None:
    from clerk.store.models import CaseRow

    with ctx.store.write() as s:  # as the platform's updates would have it
        row = s.get(CaseRow, case_uuid)
        row.status = "ready_for_pickup"
        for m in getattr(row, "matter_rows", []):
            m.status = "ready_for_pickup"


@pytest.fixture
def week(ctx: Any, people: Any, at_day: Any) -> dict[str, Any]:
    """Mon: A1 accepted with an e-licence material, A2 accepted with a deferred material, N1 notified. Tue: N1 accepted (its return
    visit), R1 refused, A2 evaluated 1. Wed: N2 notified then refused, A1 evaluated 5. Thu: A1 handed
    over. Next Monday: A3 accepted (outside the week)."""
    from clerk.intake.model import MaterialStatus

    at_day(MONDAY)
    v1 = draft(ctx, people)
    e_lic = [m.code for m in ctx.intake.get(v1.case_uuid).materials if m.e_license]
    assert e_lic, "the newborn bundle has e-licence materials"
    ctx.intake.set_material(v1.case_uuid, e_lic[0], MaterialStatus.E_LICENSE)  # 免提交
    fill_materials(ctx, v1.case_uuid)
    a1 = ctx.intake.accept(actor(), v1.case_uuid)
    view = draft(ctx, people)
    deferrable = next(m.code for m in ctx.intake.get(view.case_uuid).materials if m.deferrable)
    fill_materials(ctx, view.case_uuid, defer=(deferrable,))
    a2 = ctx.intake.accept(actor(), view.case_uuid, commitment_signed=True)
    n1 = draft(ctx, people)
    ctx.intake.notify(actor(), n1.case_uuid)
    at_day(MONDAY + dt.timedelta(days=1))
    fill_materials(ctx, n1.case_uuid)
    ctx.intake.accept(actor(), n1.case_uuid)
    r1 = draft(ctx, people)
    ctx.intake.reject(actor(), r1.case_uuid, "不属于本窗口受理范围")
    ctx.evaluation.record_for_case(a2.case_no, 1, ["poor_attitude"])
    at_day(MONDAY + dt.timedelta(days=2))
    n2 = draft(ctx, people)
    ctx.intake.notify(actor(), n2.case_uuid)
    ctx.intake.reject(actor(), n2.case_uuid, "申请人不符合办理条件")
    ctx.evaluation.record_for_case(a1.case_no, 5)
    at_day(MONDAY + dt.timedelta(days=3))
    _ready(ctx, a1.case_uuid)
    ctx.handout.hand_over(actor(), a1.case_uuid, ctx.intake.get(a1.case_uuid).applicant.id_number)
    at_day(MONDAY + dt.timedelta(days=7))
    accepted(ctx, people)
    at_day(MONDAY + dt.timedelta(days=8))
    return {"a1": a1, "a2": a2, "n1": n1}


def test_the_week_exactly(ctx: Any, week: dict[str, Any]) -> None:
    start, end = period("week", MONDAY + dt.timedelta(days=3))
    assert (start, end) == (MONDAY, MONDAY + dt.timedelta(days=6))
    figs = case_figures(ctx, start, end).as_json()
    t = figs["totals"]
    assert (t["accepted"], t["notified"], t["rejected"], t["delivered"]) == (3, 2, 2, 1)
    assert (t["evaluations"], t["bad_evaluations"]) == (2, 1)
    assert figs["first_visit_rate"] == 0.4  # A1, A2 of 3 accepted + 2 notified; N1 came back after a notice
    assert figs["deferred_share"] == round(1 / 3, 4) and figs["e_license_share"] == round(1 / 3, 4)
    assert figs["by_bundle"] == {"newborn": {"accepted": 3, "notified": 2, "rejected": 2, "delivered": 1}}
    assert figs["by_day"]["2026-11-30"] == {"accepted": 2, "notified": 1, "rejected": 0, "delivered": 0}
    assert figs["by_day"]["2026-12-02"] == {"accepted": 0, "notified": 1, "rejected": 1, "delivered": 0}
    assert figs["by_operator"] == {"clerk01": {"accepted": 3, "notified": 2, "rejected": 2, "delivered": 1}}
    assert sum(v["accepted"] for v in figs["by_matter"].values()) >= 3  # every accepted case has matters

    monday = case_figures(ctx, MONDAY, MONDAY).as_json()
    assert (monday["totals"]["accepted"], monday["totals"]["notified"]) == (2, 1)
    assert monday["first_visit_rate"] == round(2 / 3, 4)
    later = case_figures(ctx, MONDAY + dt.timedelta(days=7), MONDAY + dt.timedelta(days=7)).as_json()
    assert later["totals"]["accepted"] == 1 and later["totals"]["evaluations"] == 0
    # far ahead every running case is past its due date: A2 and N1 (A1 was handed over)
    far = case_figures(ctx, MONDAY, dt.date(2027, 3, 1)).as_json()["totals"]
    assert far["overdue"] == 3 and far["accepted"] == 4  # and A3 of the next week


def test_cli_stats_and_export(ctx: Any, week: dict[str, Any], data_dir: Path, tmp_path: Path) -> None:
    ctx.close()
    xlsx = tmp_path / "out" / "figures.xlsx"
    r = cli(data_dir, "stats", "--from", "2026-11-30", "--to", "2026-12-06", "--json", "--xlsx", str(xlsx))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["totals"]["accepted"] == 3 and data["totals"]["bad_evaluations"] == 1
    assert data["by_bundle"]["newborn"] == {"accepted": 3, "notified": 2, "rejected": 2, "delivered": 1}
    assert data["first_visit_rate"] == 0.4
    wb = load_workbook(xlsx)
    assert wb.sheetnames[:2] == ["办件汇总", "按一件事"]
    summary = {row[0]: row[1] for row in wb["办件汇总"].iter_rows(min_row=3, values_only=True)}
    assert summary["受理"] == 3 and summary["一次性告知"] == 2 and summary["不予受理"] == 2 and summary["差评"] == 1
    assert summary["一次办成率"] == 0.4
    bundles = list(wb["按一件事"].iter_rows(min_row=3, values_only=True))
    assert bundles == [("newborn", 3, 2, 2, 1)]
    bad = cli(data_dir, "stats", "--from", "2026-12-06", "--to", "2026-11-30")
    assert bad.returncode == 2 and "早于" in bad.stderr
    wrong = cli(data_dir, "stats", "--from", "30/11/2026")
    assert wrong.returncode == 2 and "YYYY-MM-DD" in wrong.stderr


def test_case_reject_from_the_cli(ctx: Any, people: Any, data_dir: Path) -> None:
    d = draft(ctx, people)
    a = accepted(ctx, people)
    ctx.close()
    r = cli(data_dir, "case", "reject", d.case_no, "--reason", "不属于本大厅受理范围")
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == [d.case_no, "rejected"]
    again = cli(data_dir, "case", "reject", a.case_no, "--reason", "不属于本大厅受理范围")
    assert again.returncode == 2 and len(again.stderr.strip().splitlines()) == 1 and "Traceback" not in again.stderr
    unknown = cli(data_dir, "case", "reject", "NO-SUCH", "--reason", "不属于本大厅受理范围")
    assert unknown.returncode == 2 and "NO-SUCH" in unknown.stderr

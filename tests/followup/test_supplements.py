"""补正 and 容缺: the supplement loop through the real back office, commitments and time limits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backoffice.embedded import EmbeddedServer
from clerk import clock
from clerk.deadlines import DeadlineFlag, case_flags, watch_list
from clerk.intake.model import CaseStatus, MaterialStatus
from clerk.store.models import CaseRow, MaterialRow, OutboxRow
from clerk.supplements import SupplementError, SupplementService
from tests.helpers.followup import (
    accepted_case,
    actor,
    login_engine,
    png,
    server_doc,
    server_events,
    server_file,
    set_case_status,
)

DEFER = ("father_hukou_booklet",)
SETTLE = {"settle_with": "father", "parents_married": "yes"}


def test_supplement_loop_through_the_back_office(ctx: Any, people: Any, server: EmbeddedServer,
                                                  tmp_path: Path) -> None:
    engine = login_engine(ctx, server)
    case = accepted_case(ctx, people, defer=DEFER, situations=SETTLE)
    other = accepted_case(ctx, people)
    engine.run_once(catalog=False)
    for status in ("in_review", "supplement_required"):
        server.advance(case.case_uuid, status)
    server.advance(other.case_uuid, "in_review")
    engine.run_once(catalog=False)
    svc = SupplementService(ctx)
    [req] = svc.requests()
    assert req.case_uuid == case.case_uuid and "父亲户口簿" in req.note
    assert req.materials[0].code == "father_hukou_booklet" and req.materials[0].status is MaterialStatus.DEFERRED

    with pytest.raises(SupplementError):
        svc.add_files(actor(), case.case_uuid, "no_such_material", [png()])
    with pytest.raises(SupplementError):
        svc.fulfil(actor(), case.case_uuid, "mother_id_card", [png()])  # provided already, not deferred
    page = tmp_path / "hukou-2.png"
    page.write_bytes(png("户口簿 第 2 页"))
    first = png("户口簿 第 1 页")
    result = svc.fulfil(actor(), case.case_uuid, "father_hukou_booklet", [first, page],
                        event_uuid="7d0c3c1e-1d8c-4d57-9d36-3a2b1d1c0e01")
    assert result.event_uuid == "7d0c3c1e-1d8c-4d57-9d36-3a2b1d1c0e01" and len(result.files) == 2
    mat = next(m for m in ctx.intake.get(case.case_uuid).materials if m.code == "father_hukou_booklet")
    assert mat.status is MaterialStatus.PROVIDED and mat.deadline is None and len(mat.files) == 2
    assert svc.commitments() == []

    engine.run_once(catalog=False)
    engine.run_once(catalog=False)
    events = server_events(server, case.case_uuid)
    assert [(e["type"], e["material_code"], e["event_uuid"]) for e in events] == [
        ("supplement", "father_hukou_booklet", result.event_uuid)]
    assert {server_file(server, f.sha256) for f in result.files} == {first, page.read_bytes()}
    assert server_doc(server, case.case_uuid)["status"] == "in_review"  # nothing outstanding any more
    assert ctx.intake.get(case.case_uuid).status is CaseStatus.IN_REVIEW
    server.advance(case.case_uuid, "approved")
    engine.run_once(catalog=False)
    assert ctx.intake.get(case.case_uuid).status is CaseStatus.APPROVED
    assert svc.requests() == []
    assert engine.list_problems() == []


@pytest.fixture
def pinned_clock() -> Iterator[dt.datetime]:
    # Monday 2026-11-23, 10:00 in the hall
    now = dt.datetime(2026, 11, 23, 10, 0, tzinfo=clock.CST)
    clock.set_clock(lambda: now)
    yield now
    clock.set_clock(None)


def _set(ctx: Any, case_uuid: str, *, due: dt.date | None = None, deadline: dt.date | None = None,
         status: CaseStatus | None = None) -> None:
    with ctx.store.write() as s:
        row = s.get(CaseRow, case_uuid)
        assert row is not None
        if due is not None:
            row.due_date = due
        if status is not None:
            set_case_status(row, status)
        if deadline is not None:
            mat = s.query(MaterialRow).filter_by(case_uuid=case_uuid, status="deferred").one()
            mat.deadline = deadline


def test_commitments_and_deadline_lists(ctx: Any, people: Any, pinned_clock: dt.datetime) -> None:
    today = pinned_clock.date()
    overdue = accepted_case(ctx, people, defer=DEFER, situations=SETTLE)
    soon = accepted_case(ctx, people, defer=DEFER, situations=SETTLE)
    later = accepted_case(ctx, people, defer=DEFER, situations=SETTLE)
    closed = accepted_case(ctx, people, defer=DEFER, situations=SETTLE)
    _set(ctx, overdue.case_uuid, deadline=today - dt.timedelta(days=1), due=today - dt.timedelta(days=3))
    _set(ctx, soon.case_uuid, deadline=today + dt.timedelta(days=3), due=today + dt.timedelta(days=2))  # Thu
    _set(ctx, later.case_uuid, deadline=today + dt.timedelta(days=14), due=today + dt.timedelta(days=14))
    _set(ctx, closed.case_uuid, deadline=today, due=today, status=CaseStatus.DELIVERED)

    svc = SupplementService(ctx)
    every = svc.commitments()
    assert [c.case_uuid for c in every] == [overdue.case_uuid, soon.case_uuid, later.case_uuid]
    assert every[0].overdue and not every[0].due_soon and every[0].working_days_left < 0
    assert every[1].due_soon and every[1].working_days_left == 3 and not every[1].overdue
    assert not every[2].due_soon and not every[2].overdue
    assert [c.case_uuid for c in svc.commitments(due_within=3)] == [overdue.case_uuid, soon.case_uuid]
    assert [c.case_uuid for c in svc.commitments(due_within=0)] == [overdue.case_uuid]
    assert "*" in every[0].applicant_name or len(every[0].applicant_name) <= 2

    items = watch_list(ctx)
    assert [(i.case_uuid, i.flag) for i in items] == [(overdue.case_uuid, DeadlineFlag.OVERDUE),
                                                       (soon.case_uuid, DeadlineFlag.DUE_SOON)]
    assert items[1].working_days_left == 2
    assert len(watch_list(ctx, include_all=True)) == 3
    flags = case_flags(ctx, [overdue.case_uuid, soon.case_uuid, later.case_uuid, closed.case_uuid, "nope"])
    assert flags == {overdue.case_uuid: DeadlineFlag.OVERDUE, soon.case_uuid: DeadlineFlag.DUE_SOON,
                     later.case_uuid: DeadlineFlag.NONE, closed.case_uuid: DeadlineFlag.NONE, "nope": DeadlineFlag.NONE}
    _set(ctx, overdue.case_uuid, status=CaseStatus.APPROVED)  # decided: off the time-limit list
    assert [i.case_uuid for i in watch_list(ctx)] == [soon.case_uuid]

    # fulfilling a commitment queues exactly one supplement event with its files
    res = svc.fulfil(actor(), soon.case_uuid, "father_hukou_booklet", [png("补交")])
    with ctx.store.read() as s:
        [row] = s.query(OutboxRow).filter_by(case_uuid=soon.case_uuid, kind="event").all()
    assert row.idempotency_key == res.event_uuid and row.payload["type"] == "supplement"
    assert row.payload["files"] == [f.model_dump() for f in res.files]
    assert [c.case_uuid for c in svc.commitments()] == [overdue.case_uuid, later.case_uuid]
    with pytest.raises(SupplementError, match="不能再补充材料"):
        svc.add_files(actor(), closed.case_uuid, "father_hukou_booklet", [png()])

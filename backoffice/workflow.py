"""The simulated back office (后台分类审批): moves cases along and writes the case-updates feed.

received → in_review → supplement_required | approved | rejected; supplement_required → in_review
(when every deferred material has been supplied); approved → ready_for_pickup → delivered.
Moves come from the ``advance`` admin command or, with ``--auto-advance SECONDS``, from a timer.
"""

from __future__ import annotations

import json
import logging
import threading

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.context import ServerContext
from backoffice.db import Case, CaseUpdate, Database

log = logging.getLogger(__name__)

STATUSES = ("received", "in_review", "supplement_required", "approved", "rejected", "ready_for_pickup", "delivered")

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "received": ("in_review", "rejected"),
    "in_review": ("supplement_required", "approved", "rejected"),
    "supplement_required": ("in_review", "rejected"),
    "approved": ("ready_for_pickup", "delivered"),
    "ready_for_pickup": ("delivered",),
    "rejected": (),
    "delivered": (),
}

NOTES = {
    "received": "平台已收件，等待部门审核",
    "in_review": "部门审核中",
    "supplement_required": "需补正材料",
    "approved": "审核通过，正在制证",
    "rejected": "审核未通过，不予许可",
    "ready_for_pickup": "办理结果已送达综合窗口，请到窗口领取",
    "delivered": "办理结果已交付申请人",
}


class IllegalMove(ValueError):
    pass


def append_update(db: Database, session: Session, case: Case, status: str, note: str, at_ts: float) -> None:
    """Adds a feed line of the case's org inside the caller's write transaction (ids commit in order)."""
    db.lock_updates(session)
    session.add(CaseUpdate(case_uuid=case.case_uuid, org_code=case.org_code, status=status, note=note, at_ts=at_ts))


def move(ctx: ServerContext, session: Session, case: Case, status: str, note: str | None = None) -> None:
    if status not in STATUSES:
        raise IllegalMove(f"unknown status {status!r}; statuses: {', '.join(STATUSES)}")
    if status not in TRANSITIONS[case.status]:
        allowed = ", ".join(TRANSITIONS[case.status]) or "none"
        raise IllegalMove(f"case {case.case_uuid} is {case.status}; it may move to: {allowed}")
    if note is None:
        note = NOTES[status]
        if status == "supplement_required":
            names = _outstanding_names(ctx, case)
            if names:
                note = f"需补正材料：{'、'.join(names)}"
    now = ctx.now_ts()
    case.status = status
    case.updated_ts = now
    append_update(ctx.db, session, case, status, note, now)


def _outstanding_names(ctx: ServerContext, case: Case) -> list[str]:
    outstanding = set(json.loads(case.outstanding))
    doc = json.loads(ctx.cipher.open(case.document, "case:" + case.case_uuid))
    return [m["name"] for m in doc.get("materials", []) if m["code"] in outstanding]


def advance(ctx: ServerContext, case_uuid: str, status: str, note: str | None = None) -> None:
    """The admin move: raises KeyError for an unknown case, IllegalMove for a move not allowed."""
    from backoffice.documents import canonical_uuid_or_none

    with ctx.db.write() as s:
        case = s.get(Case, canonical_uuid_or_none(case_uuid) or case_uuid)
        if case is None:
            raise KeyError(case_uuid)
        move(ctx, s, case, status, note)


def auto_step(ctx: ServerContext, after_s: float) -> int:
    """One tick of the timer: every case idle for ``after_s`` takes its next simulated step."""
    cutoff = ctx.now_ts() - after_s
    moved = 0
    with ctx.db.write() as s:
        cases = s.scalars(
            select(Case).where(
                Case.updated_ts <= cutoff, Case.status.in_(("received", "in_review", "approved"))
            ).limit(500)
        ).all()
        for case in cases:
            if case.status == "received":
                move(ctx, s, case, "in_review")
            elif case.status == "in_review":
                move(ctx, s, case, "supplement_required" if json.loads(case.outstanding) else "approved")
            else:
                move(ctx, s, case, "ready_for_pickup")
            moved += 1
    return moved


class AutoAdvancer:
    """A background thread that calls ``auto_step`` every few seconds until stopped."""

    def __init__(self, ctx: ServerContext, after_s: float) -> None:
        self.ctx = ctx
        self.after_s = after_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="backoffice-auto-advance", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        period = max(0.05, min(self.after_s / 2, 5.0))
        while not self._stop.wait(period):
            try:
                auto_step(self.ctx, self.after_s)
            except Exception:  # keeps the timer alive; the next tick retries
                log.exception("auto-advance step failed")

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

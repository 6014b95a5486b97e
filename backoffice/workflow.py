"""The simulated back office (后台分类审批): moves cases along and writes the case-updates feed.

received → in_review → supplement_required | approved | rejected; supplement_required → in_review
(when every deferred material has been supplied); approved → ready_for_pickup → delivered.
Moves come from the ``advance`` admin command or, with ``--auto-advance SECONDS``, from a timer.

A case filed with its matters (API 1.1) moves per matter: each matter follows the table above on its
own (each department decides its matter), the case's status is derived from them (``derive``: the
least advanced matter) and every feed line names the matters it moved. A v1 case has one status.
"""

from __future__ import annotations

import json
import logging
import threading

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.context import ServerContext
from backoffice.db import Case, CaseMatter, CaseUpdate, Database

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


RANK = {"received": 1, "in_review": 2, "supplement_required": 2, "approved": 3, "rejected": 3,
        "ready_for_pickup": 4, "delivered": 5}
"""How far a matter has come; a case stands where its least advanced matter stands."""


class IllegalMove(ValueError):
    pass


def derive(statuses: list[str]) -> str:
    """The case's status from its matters': the least advanced one; in review a supplement request
    shows, among decided matters an approval (the case is rejected only when every one was)."""
    low = min(RANK[s] for s in statuses)
    at = {s for s in statuses if RANK[s] == low}
    if low == 2:
        return "supplement_required" if "supplement_required" in at else "in_review"
    if low == 3:
        return "approved" if "approved" in at else "rejected"
    return next(iter(at))


def matters_of(session: Session, case: Case) -> list[CaseMatter]:
    return list(session.scalars(select(CaseMatter).where(CaseMatter.case_uuid == case.case_uuid)
                                .order_by(CaseMatter.position)))


def matter_json(m: CaseMatter) -> dict[str, object]:
    return {"code": m.code, "national_code": m.national_code, "status": m.status, "project_no": m.project_no}


def append_update(db: Database, session: Session, case: Case, status: str, note: str, at_ts: float,
                  matters: list[CaseMatter] | None = None) -> None:
    """Adds a feed line of the case's org inside the caller's write transaction (ids commit in order);
    ``matters``: the matters the line moved (API 1.1)."""
    db.lock_updates(session)
    session.add(CaseUpdate(case_uuid=case.case_uuid, org_code=case.org_code, status=status, note=note, at_ts=at_ts,
                           matters=json.dumps([matter_json(m) for m in matters], ensure_ascii=False)
                           if matters else None))


def _check(status: str, current: str, what: str) -> None:
    if status not in STATUSES:
        raise IllegalMove(f"unknown status {status!r}; statuses: {', '.join(STATUSES)}")
    if status not in TRANSITIONS[current]:
        allowed = ", ".join(TRANSITIONS[current]) or "none"
        raise IllegalMove(f"{what} is {current}; it may move to: {allowed}")


def move(ctx: ServerContext, session: Session, case: Case, status: str, note: str | None = None,
         matters: list[str] | None = None) -> list[str]:
    """Moves the case — or, for a case filed with matters, the named ``matters`` (None: every matter
    that may make this move) — to ``status``; returns the matters moved. ``IllegalMove`` when a named
    matter (or the case) may not go there, or when no matter may."""
    rows = matters_of(session, case)
    if note is None:
        note = NOTES.get(status, "")
        if status == "supplement_required":
            names = _outstanding_names(ctx, case)
            if names:
                note = f"需补正材料：{'、'.join(names)}"
    now = ctx.now_ts()
    if not rows:
        if matters:
            raise IllegalMove(f"case {case.case_uuid} was filed without matters (API v1): it has one status")
        _check(status, case.status, f"case {case.case_uuid}")
        case.status = status
        case.updated_ts = now
        append_update(ctx.db, session, case, status, note, now)
        return []
    by_code = {m.code: m for m in rows}
    if matters is None:
        if status not in STATUSES:
            raise IllegalMove(f"unknown status {status!r}; statuses: {', '.join(STATUSES)}")
        moving = [m for m in rows if status in TRANSITIONS[m.status]]
        if not moving:
            states = ", ".join(f"{m.code} {m.status}" for m in rows)
            raise IllegalMove(f"no matter of case {case.case_uuid} may move to {status} ({states})")
    else:
        unknown = [c for c in matters if c not in by_code]
        if unknown:
            raise IllegalMove(f"case {case.case_uuid} has no matter {unknown[0]}; matters: {', '.join(by_code)}")
        moving = [by_code[c] for c in dict.fromkeys(matters)]
        for m in moving:
            _check(status, m.status, f"matter {m.code} of case {case.case_uuid}")
    for m in moving:
        m.status = status
        m.updated_ts = now
    case.status = derive([m.status for m in rows])
    case.updated_ts = now
    if len(moving) < len(rows):
        note = f"{'、'.join(m.name for m in moving)}：{note}"
    append_update(ctx.db, session, case, case.status, note, now, moving)
    return [m.code for m in moving]


def _outstanding_names(ctx: ServerContext, case: Case) -> list[str]:
    outstanding = set(json.loads(case.outstanding))
    doc = json.loads(ctx.cipher.open(case.document, "case:" + case.case_uuid))
    return [m["name"] for m in doc.get("materials", []) if m["code"] in outstanding]


def advance(ctx: ServerContext, case_uuid: str, status: str, note: str | None = None,
            matters: list[str] | None = None) -> tuple[str, list[str]]:
    """The admin move (of ``matters``, or of every matter that may make it): raises KeyError for an
    unknown case, IllegalMove for a move not allowed. Returns the case's status and the matters moved."""
    from backoffice.documents import canonical_uuid_or_none

    with ctx.db.write() as s:
        case = s.get(Case, canonical_uuid_or_none(case_uuid) or case_uuid)
        if case is None:
            raise KeyError(case_uuid)
        moved = move(ctx, s, case, status, note, matters)
        return case.status, moved


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
            rows = matters_of(s, case)
            if not rows:
                if case.status == "received":
                    move(ctx, s, case, "in_review")
                elif case.status == "in_review":
                    move(ctx, s, case, "supplement_required" if json.loads(case.outstanding) else "approved")
                else:
                    move(ctx, s, case, "ready_for_pickup")
                moved += 1
                continue
            step = {"received": "in_review", "approved": "ready_for_pickup",
                    "in_review": "supplement_required" if json.loads(case.outstanding) else "approved"}
            plan = [(target, [m.code for m in rows if m.status == current]) for current, target in step.items()]
            for target, codes in plan:  # each matter one step on (one feed line per step)
                if codes:
                    move(ctx, s, case, target, None, codes)
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

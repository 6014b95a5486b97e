"""Retention (数据留存期限): closed cases the platform has confirmed are purged after ``retention_days``.

A case is purged when it is closed (delivered, rejected at the window, denied), nothing about it is
still waiting in the outbox (every outbox item of it is done), and it has not changed for
``settings.retention_days``. Its material, file and page rows and its done outbox items go with it;
blobs no longer referenced by anything are deleted from the page store after the commit. Audit
entries stay, and a ``purge`` entry records what was removed (case numbers, counts).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from clerk import clock
from clerk.intake.model import CaseStatus
from clerk.security import audit
from clerk.security.actor import Actor, Permission
from clerk.store.models import BlobRow, CaseRow, FileRow, OutboxRow, PageRow, PrintJobRow

log = logging.getLogger(__name__)

CLOSED = (CaseStatus.DELIVERED.value, CaseStatus.REJECTED.value, CaseStatus.DENIED.value)


@dataclass(frozen=True)
class PurgeReport:
    cases: int
    case_nos: tuple[str, ...]
    blobs: int
    bytes_freed: int
    cutoff: dt.datetime


def require_purge(actor: Actor) -> None:
    if not actor.can(Permission.ADMIN):
        actor.require(Permission.SUPERVISE)


def purgeable(s: Session, cutoff: dt.datetime) -> list[CaseRow]:
    unconfirmed = exists().where(OutboxRow.case_uuid == CaseRow.case_uuid, OutboxRow.state != "done")
    return list(s.execute(
        select(CaseRow).where(CaseRow.status.in_(CLOSED), CaseRow.updated_at < cutoff, ~unconfirmed)
    ).scalars())


def purge(ctx: object, actor: Actor, *, now: dt.datetime | None = None, retention_days: int | None = None,
          dry_run: bool = False) -> PurgeReport:
    """Purges what is past retention; ``ctx`` is the ``AppContext`` (store, pages, settings)."""
    require_purge(actor)
    store = ctx.store  # type: ignore[attr-defined]
    pages = ctx.pages  # type: ignore[attr-defined]
    days = retention_days if retention_days is not None else ctx.settings.retention_days  # type: ignore[attr-defined]
    cutoff = (now or clock.now()) - dt.timedelta(days=days)
    with store.write() as s:
        rows = purgeable(s, cutoff)
        case_nos = tuple(r.case_no for r in rows)
        uuids = [r.case_uuid for r in rows]
        candidate_blobs: set[str] = set()
        for r in rows:
            for m in r.materials:
                candidate_blobs.update(f.sha256 for f in m.files)
                candidate_blobs.update(p.sha256 for p in m.pages)
        candidate_blobs.update(s.execute(select(PrintJobRow.sha256).where(PrintJobRow.case_uuid.in_(uuids))).scalars())
        if dry_run:
            s.rollback()
            return PurgeReport(len(rows), case_nos, len(candidate_blobs), 0, cutoff)
        for r in rows:
            s.delete(r)  # materials, files, pages cascade
        if uuids:
            s.execute(delete(OutboxRow).where(OutboxRow.case_uuid.in_(uuids)))
            s.execute(delete(PrintJobRow).where(PrintJobRow.case_uuid.in_(uuids), PrintJobRow.state != "queued"))
        s.flush()
        gone: list[tuple[str, int]] = []
        for sha in sorted(candidate_blobs):
            used = s.execute(select(
                exists().where(FileRow.sha256 == sha) | exists().where(PageRow.sha256 == sha)
                | exists().where(PrintJobRow.sha256 == sha)
            )).scalar()
            if not used:
                blob = s.get(BlobRow, sha)
                if blob is not None:
                    gone.append((sha, blob.size))
                    s.delete(blob)
        audit.append(s, actor, audit.AuditAction.PURGE, None, {
            "cases": len(rows), "case_nos": list(case_nos[:500]), "blobs": len(gone),
            "retention_days": days, "cutoff": cutoff.isoformat(),
        })
    freed = 0
    for sha, size in gone:  # after the commit: a crash leaves an unreferenced file, never a dangling row
        try:
            pages.remove(sha)
            freed += size
        except OSError as exc:
            log.warning("purge: could not delete blob %s: %s", sha, exc)
    return PurgeReport(len(rows), case_nos, len(gone), freed, cutoff)

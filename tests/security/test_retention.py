"""Retention: closed, platform-confirmed cases past retention_days are purged with their unshared files."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select, update

from clerk.demo import DemoPeople, scan_image, take_demo_case
from clerk.retention import purge
from clerk.security import audit
from clerk.security.actor import Actor, PermissionDenied, Role
from clerk.store.models import BlobRow, CaseRow, MaterialRow, OutboxRow


class UniqueScans(dict):  # type: ignore[type-arg]
    """Every material gets its own scan bytes (so its blob is not shared with another case)."""

    def get(self, key: Any, default: Any = None) -> bytes:
        self.n = getattr(self, "n", 0) + 1
        return scan_image(f"{key}-{self.n}-{id(self)}", dpi=20)


def _close(ctx: Any, case_uuid: str, status: str, *, days_ago: int, outbox: str = "done") -> None:
    when = ctx_now() - dt.timedelta(days=days_ago)
    with ctx.store.write() as s:
        s.execute(update(CaseRow).where(CaseRow.case_uuid == case_uuid).values(status=status, updated_at=when))
        s.execute(update(OutboxRow).where(OutboxRow.case_uuid == case_uuid).values(state=outbox))


def ctx_now() -> dt.datetime:
    from clerk import clock

    return clock.now()


def _blobs(ctx: Any, case_uuid: str) -> set[str]:
    return {f.sha256 for m in ctx.intake.get(case_uuid).materials for f in m.files}


def test_purge(enc_ctx: Any, clerk_actor: Any, supervisor: Any) -> None:
    people = DemoPeople(41)
    shared: dict[str, bytes] = {}
    old_done = take_demo_case(enc_ctx, clerk_actor, people, "newborn", scans=UniqueScans())
    old_shared = take_demo_case(enc_ctx, clerk_actor, people, "newborn", scans=shared)
    kept_sharing = take_demo_case(enc_ctx, clerk_actor, people, "newborn", scans=shared)
    old_pending = take_demo_case(enc_ctx, clerk_actor, people, "newborn", scans=UniqueScans())
    recent = take_demo_case(enc_ctx, clerk_actor, people, "newborn", scans=UniqueScans())
    still_open = take_demo_case(enc_ctx, clerk_actor, people, "newborn", scans=UniqueScans())
    rejected = take_demo_case(enc_ctx, clerk_actor, people, "newborn", outcome="notify")
    enc_ctx.intake.reject(clerk_actor, rejected.case_uuid, "不符合受理条件")
    days = enc_ctx.settings.retention_days
    _close(enc_ctx, old_done.case_uuid, "delivered", days_ago=days + 5)
    _close(enc_ctx, old_shared.case_uuid, "denied", days_ago=days + 1)
    _close(enc_ctx, old_pending.case_uuid, "delivered", days_ago=days + 30, outbox="pending")
    _close(enc_ctx, recent.case_uuid, "delivered", days_ago=days - 1)
    _close(enc_ctx, still_open.case_uuid, "in_review", days_ago=days + 30)
    _close(enc_ctx, rejected.case_uuid, "rejected", days_ago=days + 2)
    kept: set[str] = set()
    for v in (kept_sharing, old_pending, recent, still_open):
        kept |= _blobs(enc_ctx, v.case_uuid)
    shared_blobs = _blobs(enc_ctx, old_shared.case_uuid) & kept
    own = (_blobs(enc_ctx, old_done.case_uuid) | _blobs(enc_ctx, old_shared.case_uuid)
           | _blobs(enc_ctx, rejected.case_uuid)) - kept
    assert own and shared_blobs
    assert all(enc_ctx.pages.has(h) for h in own)
    audits_before = len(audit.list_entries(enc_ctx.store, supervisor))

    with pytest.raises(PermissionDenied):
        purge(enc_ctx, clerk_actor)
    dry = purge(enc_ctx, supervisor, dry_run=True)
    assert dry.cases == 3 and enc_ctx.intake.get(old_done.case_uuid)
    report = purge(enc_ctx, Actor("admin", roles=(Role.ADMIN,)))
    assert sorted(report.case_nos) == sorted([old_done.case_no, old_shared.case_no, rejected.case_no])
    assert report.blobs == len(own) and report.bytes_freed > 0

    with enc_ctx.store.read() as s:
        left = set(s.execute(select(CaseRow.case_uuid)).scalars())
        assert left == {kept_sharing.case_uuid, old_pending.case_uuid, recent.case_uuid, still_open.case_uuid}
        assert s.execute(select(func.count()).select_from(MaterialRow)
                         .where(MaterialRow.case_uuid == old_done.case_uuid)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(OutboxRow)
                         .where(OutboxRow.case_uuid == old_done.case_uuid)).scalar_one() == 0
        assert not any(s.get(BlobRow, h) for h in own)
        assert all(s.get(BlobRow, h) for h in shared_blobs)
    assert not any(enc_ctx.pages.has(h) for h in own)
    assert all(enc_ctx.pages.has(h) for h in shared_blobs)
    # audit entries of the purged cases stay, a purge entry is added, the chain still verifies
    entries = audit.list_entries(enc_ctx.store, supervisor)
    assert len(entries) == audits_before + 1 and entries[0].action == "purge" and entries[0].detail["cases"] == 3
    assert any(e.case_uuid == old_done.case_uuid and e.action == "accept" for e in entries)
    assert audit.verify_store(enc_ctx.store).ok
    assert purge(enc_ctx, supervisor).cases == 0

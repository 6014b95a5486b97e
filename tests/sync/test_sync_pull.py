"""Pulling: the case-updates feed (never skips, never repeats) applied through the lifecycle, the catalog."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from backoffice.db import CaseUpdate
from backoffice.embedded import EmbeddedServer
from clerk.events import CaseUpdated
from clerk.intake.model import CaseStatus
from clerk.store.models import CaseRow, KeyValueRow, OutboxRow
from clerk.sync import make_engine
from tests.helpers.sync import copy_data_dir, logged_in_engine, open_ctx


def _feed(server: EmbeddedServer) -> list[tuple[str, str]]:
    with server.ctx.db.read() as s:
        return [(u.case_uuid, u.status) for u in s.query(CaseUpdate).order_by(CaseUpdate.id).all()]


ROUTES = [
    ["in_review", "approved", "ready_for_pickup", "delivered"],
    ["in_review", "rejected"],
    ["in_review", "supplement_required"],
    ["in_review", "approved", "ready_for_pickup"],
]


def test_feed_applied_in_order_never_skipped_or_repeated(
    cases_40: tuple[Path, list[str]], tmp_path: Path, server: EmbeddedServer
) -> None:
    template, uuids = cases_40
    ctx = open_ctx(copy_data_dir(template, tmp_path / "data"))
    try:
        engine = logged_in_engine(ctx, server, updates_page=7)
        seen: list[tuple[str, str]] = []
        ctx.events.subscribe(CaseUpdated, lambda e: seen.append((e.case_uuid, e.status)))
        engine.run_once(catalog=False)
        assert len(seen) == 40 and {s for _, s in seen} == {"received"}
        # the back office moves cases in rounds; the workstation pulls between rounds, sometimes restarting
        for step in range(4):
            for i, case_uuid in enumerate(uuids):
                route = ROUTES[i % len(ROUTES)]
                if step < len(route):
                    server.advance(case_uuid, route[step])
            if step == 2:
                engine = make_engine(ctx, updates_page=7)  # a restart: the cursor comes from the cache
            assert engine.pull_updates() > 0
        assert engine.pull_updates() == 0  # nothing new: nothing repeated
        assert seen == _feed(server)
        with ctx.store.read() as s:
            local = {r.case_uuid: r for r in s.query(CaseRow).all()}
            cursor = s.get(KeyValueRow, "sync.cursor")
        assert cursor is not None
        expected = {"delivered": CaseStatus.DELIVERED, "rejected": CaseStatus.DENIED,
                    "supplement_required": CaseStatus.SUPPLEMENT_REQUIRED, "ready_for_pickup": CaseStatus.READY_FOR_PICKUP}
        for i, case_uuid in enumerate(uuids):
            last = ROUTES[i % len(ROUTES)][-1]
            assert local[case_uuid].status == expected[last].value
            assert local[case_uuid].platform_note  # the platform's note is kept for the clerk
            assert local[case_uuid].platform_updated_at is not None
        ready = [u for u, s in seen if s == "ready_for_pickup"]
        assert len(ready) == 20  # the UI is told to call these applicants
    finally:
        ctx.close()


def test_illegal_or_foreign_updates_are_ignored(
    cases_40: tuple[Path, list[str]], tmp_path: Path, server: EmbeddedServer
) -> None:
    template, uuids = cases_40
    ctx = open_ctx(copy_data_dir(template, tmp_path / "data"))
    try:
        engine = logged_in_engine(ctx, server)
        engine.run_once(catalog=False)
        first = uuids[0]
        with ctx.store.write() as s:  # handed out here before the platform caught up
            row = s.get(CaseRow, first)
            row.status, row.platform_note = CaseStatus.DELIVERED.value, "窗口已交付"
            for m in row.matter_rows:  # every matter was handed out
                m.status = CaseStatus.DELIVERED.value
            s.query(CaseRow).filter(CaseRow.case_uuid == uuids[1]).delete()  # a case this desk does not hold
        for status in ("in_review", "approved", "ready_for_pickup"):
            server.advance(first, status)
            server.advance(uuids[1], status)
        server.advance(uuids[2], "in_review")
        seen: list[tuple[str, str]] = []
        ctx.events.subscribe(CaseUpdated, lambda e: seen.append((e.case_uuid, e.status)))
        assert engine.pull_updates() == 1
        assert seen == [(uuids[2], "in_review")]
        with ctx.store.read() as s:
            row = s.get(CaseRow, first)
            assert row.status == "delivered" and row.platform_note == "窗口已交付"
    finally:
        ctx.close()


def test_catalog_fetched_once_then_not_modified(
    cases_40: tuple[Path, list[str]], tmp_path: Path, server: EmbeddedServer
) -> None:
    template, _ = cases_40
    ctx = open_ctx(copy_data_dir(template, tmp_path / "data"))
    try:
        with ctx.store.write() as s:
            s.query(OutboxRow).delete()
        replaced: list[Any] = []
        original = ctx.replace_catalog
        ctx.replace_catalog = lambda cat: (replaced.append(cat), original(cat))  # type: ignore[method-assign]
        engine = logged_in_engine(ctx, server)
        assert not ctx.paths.catalog_cache.exists()
        result = engine.run_once()
        assert result.catalog_updated and len(replaced) == 1
        doc = json.loads(ctx.paths.catalog_cache.read_text(encoding="utf-8"))
        assert doc["version"] == ctx.catalog.version and len(doc["bundles"]) == len(ctx.catalog.bundles)
        assert engine.refresh_catalog(force=True) is False  # 304 with the saved ETag
        assert len(replaced) == 1
        ctx.paths.catalog_cache.unlink()  # the cache lost: fetched again despite the ETag
        assert engine.refresh_catalog(force=True) is True
        assert ctx.paths.catalog_cache.exists()
    finally:
        ctx.close()

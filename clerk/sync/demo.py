"""The sync step of the headless demo: the accepted case goes to an embedded platform and comes back.

Registered as entry point ``window_clerk.demo`` / ``2_sync``; ``clerk.demo_walk`` calls it with the
demo context and the accepted case's view.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from clerk.store.models import CaseRow, OutboxRow
from clerk.sync.client import PlatformClient
from clerk.sync.engine import SyncEngine


def demo_step(ctx: Any, view: Any, *, with_server: bool) -> Iterator[str]:
    if not with_server:
        yield "同步 / sync: 未启动平台，案件留在待同步队列（联网后自动上传）"
        return
    from backoffice.embedded import start_server

    tmp = Path(tempfile.mkdtemp(prefix="clerk-demo-platform-"))
    server = start_server(f"sqlite:///{tmp / 'platform.db'}", tmp / "files")
    try:
        password = secrets.token_urlsafe(12)
        # The platform takes a case only from the operator who accepted it, at one of their windows:
        # the demo platform knows the demo case's operator.
        with ctx.store.read() as s:
            row = s.get(CaseRow, getattr(view, "case_uuid", None)) if getattr(view, "case_uuid", None) else None
            who, window = (row.operator, row.window) if row is not None else ("demo", ctx.settings.window)
        server.create_user(who, password, ["clerk"], display_name="演示窗口", windows=[window or ctx.settings.window],
                           org_code=ctx.settings.hall.org_code)
        login = PlatformClient(server.url).login(who, password, ctx.settings.device_id or "demo-device")
        client = PlatformClient(server.url, lambda: login.token)
        engine = SyncEngine(ctx, client, backoff_base_s=0.1, username=who)
        yield f"平台 / platform: {server.url}（内嵌演示服务器，数据在 {tmp}）"
        result = engine.run_once()
        yield f"同步 / synced: 上传 {result.pushed} 项，问题 {result.parked} 项，状态更新 {result.updates_applied} 条"
        case_uuid = getattr(view, "case_uuid", None)
        if case_uuid is None:
            return
        receipt = client.get_case(case_uuid)
        with ctx.store.read() as s:
            row = s.get(CaseRow, case_uuid)
            files = sum(len(m.get("files", [])) for m in (s.execute(select(OutboxRow.payload).where(
                OutboxRow.idempotency_key == case_uuid)).scalar() or {}).get("materials", []))
        yield (f"平台案件号 / platform case id: {receipt.platform_case_id}；文件 {files} 个已存入平台，"
               f"缺 {len(receipt.missing_files)} 个；平台状态 {receipt.status}")
        for status in ("in_review", "approved", "ready_for_pickup"):
            server.advance(case_uuid, status)
        engine.pull_updates()
        with ctx.store.read() as s:
            row = s.get(CaseRow, case_uuid)
            status_now, note = (row.status, row.platform_note) if row else ("?", "")
        yield f"状态回传 / status back: {status_now} — {note}"
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)

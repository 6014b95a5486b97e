"""The back office in the demo: an embedded platform for the workstation's demo mode, and the sync step of
the headless walk. Entry points (pyproject.toml), so the workstation never imports ``backoffice``:

- ``window_clerk.platform`` / ``demo``: ``start_demo_platform(data_dir, window)`` → a ``DemoPlatform``
  starting in the background (``clerk.context.LocalPlatform``); ``main.py --demo`` uses it.
- ``window_clerk.demo`` / ``2_sync``: ``demo_step(ctx, view, with_server=...)``, the walk's sync step
  (``python -m clerk demo``): the accepted case goes to an embedded platform and its status comes back.
"""

from __future__ import annotations

import logging
import secrets
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from backoffice.embedded import EmbeddedServer, start_server

log = logging.getLogger(__name__)

DEMO_USER = "demo"
DEMO_PASSWORD = "demo"


class DemoPlatform:
    """The embedded platform of a demo data dir, started on a free loopback port in a thread.

    ``wait(timeout)`` → True once it answers (``url`` is set), False if it did not start (``error`` says why).
    """

    def __init__(self, base: Path, window: str) -> None:
        self.base = base
        self.window = window
        self.url: str | None = None
        self.error = ""
        self.server: EmbeddedServer | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="demo-platform", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self.base.mkdir(parents=True, exist_ok=True)
            server = start_server(f"sqlite:///{self.base / 'platform.sqlite3'}", self.base / "files", port=0,
                                  demo_licences=True)
            server.create_user(DEMO_USER, DEMO_PASSWORD, roles=["clerk"], display_name="演示窗口", windows=[self.window])
        except Exception as exc:  # demo mode works without the server
            log.warning("embedded server did not start: %s", exc)
            self.error = str(exc)
        else:
            self.server, self.url = server, server.url
        finally:
            self._ready.set()

    def wait(self, timeout: float = 30.0) -> bool:
        self._ready.wait(timeout)
        return self.url is not None

    def stop(self) -> None:
        self._thread.join(30)
        if self.server is not None:
            try:
                self.server.stop()
            except Exception:  # shutting down anyway
                log.exception("embedded server did not stop cleanly")
            self.server = None


def start_demo_platform(data_dir: Path, window: str) -> DemoPlatform:
    """The demo's platform under ``data_dir/platform`` (its own SQLite file and files dir), user demo/demo."""
    return DemoPlatform(data_dir / "platform", window)


def demo_step(ctx: Any, view: Any, *, with_server: bool) -> Iterator[str]:
    """The sync step of ``python -m clerk demo``: push the accepted case, let it advance, pull the status back."""
    from sqlalchemy import select

    from clerk.store.models import CaseRow, OutboxRow
    from clerk.sync.client import PlatformClient
    from clerk.sync.engine import SyncEngine

    if not with_server:
        yield "同步 / sync: 未启动平台，案件留在待同步队列（联网后自动上传）"
        return
    tmp = Path(tempfile.mkdtemp(prefix="clerk-demo-platform-"))
    server = start_server(f"sqlite:///{tmp / 'platform.db'}", tmp / "files")
    try:
        password = secrets.token_urlsafe(12)
        # The platform takes a case only from the operator who accepted it, at one of their windows
        # (docs/api.md, 1.1): the demo platform knows the demo case's operator.
        with ctx.store.read() as s:
            row = s.get(CaseRow, view.case_uuid) if getattr(view, "case_uuid", None) else None
            who, window = (row.operator, row.window) if row is not None else (DEMO_USER, ctx.settings.window)
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

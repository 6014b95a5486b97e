"""What IT checks on a window PC: version, platform reachability, outbox backlog, last sync, the
update check, and (on request) the devices — printers through CUPS, scanners through SANE, the scan
inbox folder. Device results are recorded for the next health report (``clerk.sync.health``).

Device checks run external programs (``lpstat``, ``scanimage -L`` takes seconds), so they run only
when asked (``python -m clerk health --devices``), never inside a sync pass.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from clerk import __version__, clock
from clerk.store.models import KeyValueRow, OutboxRow
from clerk.sync.health import DeviceState, UpdateStatus, record_device_states, update_status


@dataclass
class Report:
    version: str
    platform_url: str
    platform: str
    """``reachable (API 1.1)``, ``unreachable: …`` or ``not configured``."""
    pending: int
    parked: int
    oldest_pending_at: dt.datetime | None
    last_sync_at: dt.datetime | None
    update: UpdateStatus | None
    devices: list[DeviceState] = field(default_factory=list)

    @property
    def needs_attention(self) -> bool:
        return (self.parked > 0 or (self.update is not None and self.update.needs_attention)
                or any(d.state != "ok" for d in self.devices) or self.platform.startswith("unreachable"))

    def lines(self) -> list[str]:
        now = clock.now()

        def ago(at: dt.datetime | None) -> str:
            if at is None:
                return "从未"
            minutes = int((now - at).total_seconds() // 60)
            return f"{at.isoformat(timespec='seconds')}（{minutes} 分钟前）" if minutes >= 1 else \
                f"{at.isoformat(timespec='seconds')}（刚刚）"

        out = [
            f"版本 / version: window-clerk {self.version}",
            f"平台 / platform: {self.platform_url or '-'} — {self.platform}",
            f"待同步 / outbox: {self.pending} 项待发送，{self.parked} 项需人工处理"
            + (f"；最早一项 {ago(self.oldest_pending_at)}" if self.oldest_pending_at else ""),
            f"上次同步 / last sync: {ago(self.last_sync_at)}",
            f"更新 / update: {self.update.message() if self.update else '尚未从平台获取（同步一次后再看）'}",
        ]
        for d in self.devices:
            detail = f"：{d.detail}" if d.detail else ""
            out.append(f"设备 / device: {d.kind} {d.name or '-'} — {d.state}{detail}")
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version, "platform_url": self.platform_url, "platform": self.platform,
            "outbox": {"pending": self.pending, "parked": self.parked,
                       "oldest_pending_at": self.oldest_pending_at.isoformat() if self.oldest_pending_at else None},
            "last_sync_at": self.last_sync_at.isoformat() if self.last_sync_at else None,
            "update": None if self.update is None else {
                "current": self.update.current, "latest": self.update.latest, "minimum": self.update.minimum,
                "state": self.update.state, "note": self.update.note, "message": self.update.message()},
            "devices": [d.as_json() for d in self.devices],
            "needs_attention": self.needs_attention,
        }


def _run(argv: list[str], timeout: float) -> tuple[int, str]:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return -1, f"{argv[0]} 超时（{timeout:.0f} 秒）"
    except OSError as exc:
        return -1, f"{argv[0]} 无法运行：{exc.strerror or exc}"
    return done.returncode, (done.stdout + done.stderr).strip()


def check_printer(name: str) -> DeviceState:
    now = clock.now()
    if shutil.which("lpstat") is None:
        return DeviceState("printer", name, "unknown", "未安装 CUPS 客户端（cups-client）", now)
    code, text = _run(["lpstat", "-p", name], 10)
    if code != 0:
        return DeviceState("printer", name, "missing", text.splitlines()[0][:300] if text else "打印机不存在", now)
    if "disabled" in text or "停用" in text:
        return DeviceState("printer", name, "error", text.splitlines()[0][:300], now)
    return DeviceState("printer", name, "ok", "", now)


def check_scanners(timeout: float = 30) -> DeviceState:
    now = clock.now()
    if shutil.which("scanimage") is None:
        return DeviceState("scanner", "", "unknown", "未安装 SANE（sane-utils）", now)
    code, text = _run(["scanimage", "-L"], timeout)
    names = [line.split("`", 1)[1].split("'", 1)[0] for line in text.splitlines() if line.startswith("device `")]
    if code != 0:
        return DeviceState("scanner", "", "error", text[:300], now)
    if not names:
        return DeviceState("scanner", "", "missing", "没有找到扫描仪", now)
    return DeviceState("scanner", ", ".join(names)[:200], "ok", "", now)


def check_inbox(path: str) -> DeviceState:
    now = clock.now()
    folder = Path(path).expanduser()
    if not folder.is_dir():
        return DeviceState("scan_inbox", path, "missing", "扫描收件文件夹不存在", now)
    return DeviceState("scan_inbox", path, "ok", "", now)


def check_devices(ctx: Any, *, scanners: bool = True) -> list[DeviceState]:
    """Checks what the settings name (printers, scan inbox) and the scanners; records the result."""
    states: list[DeviceState] = []
    for name in dict.fromkeys(p for p in (ctx.settings.printer_a4, ctx.settings.printer_ticket) if p):
        states.append(check_printer(name))
    if scanners:
        states.append(check_scanners())
    if ctx.settings.scan_inbox:
        states.append(check_inbox(ctx.settings.scan_inbox))
    record_device_states(ctx.store, states)
    return states


def diagnose(ctx: Any, *, devices: bool = False, platform: bool = True) -> Report:
    from clerk.sync.client import PlatformClient, SyncError
    from clerk.sync.engine import LAST_SUCCESS_KEY
    from clerk.sync.health import device_states

    with ctx.store.read() as s:
        counts = dict(s.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all())
        oldest = s.execute(select(func.min(OutboxRow.created_at)).where(OutboxRow.state == "pending")).scalar()
        row = s.get(KeyValueRow, LAST_SUCCESS_KEY)
    url = ctx.settings.platform_url
    state = "not configured / 未配置平台地址"
    if url and platform:
        client = PlatformClient(url, timeout=(3.0, 5.0))
        try:
            info = client.health()
            state = f"reachable / 可达（API {info.get('api_revision') or info.get('api_version') or '?'}）"
        except SyncError as exc:
            state = f"unreachable / 不可达：{exc.message}"
        finally:
            client.close()
    return Report(
        version=__version__, platform_url=url, platform=state,
        pending=int(counts.get("pending", 0)), parked=int(counts.get("parked", 0)),
        oldest_pending_at=oldest, last_sync_at=dt.datetime.fromisoformat(row.value) if row else None,
        update=update_status(ctx.store), devices=check_devices(ctx) if devices else device_states(ctx.store),
    )

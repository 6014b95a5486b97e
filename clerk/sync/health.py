"""The workstation's health report to the platform (1.1) and the update check it brings back.

Once per sync pass (at most every ``health_every_s``) the engine sends
``POST /api/v1/workstations/{device_id}/health``: this program's version, the outbox backlog (pending,
parked, the oldest pending item), the last successful sync and the device states last recorded here
(``record_device_states``: ``python -m clerk health --devices`` and the UI's device checks write them).
It is best effort: a platform without the endpoint (v1) answers 404 and the pass goes on; no error of
it ever changes what the pass did.

The reply carries the hall's update check (the version IT rolls out, the minimum it still accepts);
it is kept in the local store and ``update_status()`` gives it to the UI and to ``clerk health``. The
workstation never installs anything itself: it tells the clerk and IT (``UpdateStatus.message``).
``clerk.events.UpdateStatusChanged`` is published when what the platform says changes.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from typing import Any

from packaging.version import InvalidVersion, Version
from sqlalchemy import func, select

from clerk import __version__, clock
from clerk.store import Store
from clerk.store.models import KeyValueRow, OutboxRow

log = logging.getLogger(__name__)

UPDATE_KEY = "platform.update"
DEVICES_KEY = "devices.states"
DEVICE_STATES = ("ok", "missing", "error", "unknown")


@dataclass(frozen=True)
class DeviceState:
    """One device as last checked here: ``kind`` (scanner, printer, id_reader, camera …), ``name``,
    ``state`` (ok, missing, error, unknown) and what went wrong."""

    kind: str
    name: str
    state: str
    detail: str = ""
    checked_at: dt.datetime | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "name": self.name[:200], "state": self.state,
                               "detail": self.detail[:300]}
        if self.checked_at is not None:
            out["checked_at"] = self.checked_at.isoformat()
        return out


def record_device_states(store: Store, states: list[DeviceState]) -> None:
    """Keeps the latest device check (replacing the previous one) for the next health report."""
    for d in states:
        if d.state not in DEVICE_STATES:
            raise ValueError(f"unknown device state {d.state!r}")
    with store.write() as s:
        s.merge(KeyValueRow(key=DEVICES_KEY, value=json.dumps([d.as_json() for d in states], ensure_ascii=False)))


def device_states(store: Store) -> list[DeviceState]:
    with store.read() as s:
        row = s.get(KeyValueRow, DEVICES_KEY)
    if row is None:
        return []
    out = []
    for d in json.loads(row.value):
        at = d.get("checked_at")
        out.append(DeviceState(d["kind"], d.get("name", ""), d["state"], d.get("detail", ""),
                               dt.datetime.fromisoformat(at) if at else None))
    return out


def build_report(store: Store, window: str | None, last_sync_at: dt.datetime | None) -> dict[str, Any]:
    """The health document (docs/api.md, "Workstation health")."""
    with store.read() as s:
        counts = dict(s.execute(select(OutboxRow.state, func.count())
                                .where(OutboxRow.state.in_(("pending", "parked"))).group_by(OutboxRow.state)).all())
        oldest = s.execute(select(func.min(OutboxRow.created_at)).where(OutboxRow.state == "pending")).scalar()
    outbox: dict[str, Any] = {"pending": int(counts.get("pending", 0)), "parked": int(counts.get("parked", 0)),
                              "oldest_pending_at": _aware(oldest).isoformat() if oldest else None}
    return {
        "version": __version__,
        "window": window or None,
        "outbox": outbox,
        "last_sync_at": last_sync_at.isoformat() if last_sync_at else None,
        "devices": [d.as_json() for d in device_states(store)],
        "reported_at": clock.now().isoformat(),
    }


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=clock.CST)


@dataclass(frozen=True)
class UpdateStatus:
    """What the platform last said about updates, judged against the version running now.

    ``state``: ``current``, ``available``, ``required`` or ``unknown`` (nothing advertised yet).
    """

    current: str
    latest: str | None
    minimum: str | None
    state: str
    note: str
    checked_at: dt.datetime | None

    @property
    def needs_attention(self) -> bool:
        return self.state in ("available", "required")

    def message(self) -> str:
        """One line for the clerk and IT (Chinese)."""
        note = f"（{self.note}）" if self.note else ""
        if self.state == "required":
            return (f"必须升级：本机版本 {self.current} 低于大厅要求的最低版本 {self.minimum}，"
                    f"请联系信息科安装 {self.latest or self.minimum}{note}。工作站不会自动安装。")
        if self.state == "available":
            return f"有新版本 {self.latest} 可安装（本机 {self.current}）{note}，请联系信息科安装。工作站不会自动安装。"
        if self.state == "current":
            return f"已是大厅发布的版本（{self.current}）"
        return f"平台未公布工作站版本（本机 {self.current}）"


def judge(current: str, latest: str | None, minimum: str | None) -> str:
    have, new, low = _version(current), _version(latest), _version(minimum)
    if have is not None and low is not None and have < low:
        return "required"
    if have is not None and new is not None:
        return "available" if have < new else "current"
    return "unknown"


def _version(text: str | None) -> Version | None:
    try:
        return Version(text) if text else None
    except InvalidVersion:
        return None


def remember_update(store: Store, reply: dict[str, Any]) -> tuple[UpdateStatus, bool]:
    """Keeps the update part of a health reply; returns the status and whether it changed."""
    update = reply.get("update") if isinstance(reply, dict) else None
    update = update if isinstance(update, dict) else {}
    latest = update.get("latest") if isinstance(update.get("latest"), str) else None
    minimum = update.get("minimum") if isinstance(update.get("minimum"), str) else None
    note = str(update.get("note") or "")[:500]
    value = {"latest": latest, "minimum": minimum, "note": note, "checked_at": clock.now().isoformat()}
    with store.write() as s:
        row = s.get(KeyValueRow, UPDATE_KEY)
        before = json.loads(row.value) if row else {}
        changed = any(before.get(k) != value[k] for k in ("latest", "minimum", "note"))
        s.merge(KeyValueRow(key=UPDATE_KEY, value=json.dumps(value, ensure_ascii=False)))
    status = update_status(store)
    assert status is not None
    return status, changed


def update_status(store: Store) -> UpdateStatus | None:
    """The update check as last heard from the platform; None before the first health reply."""
    with store.read() as s:
        row = s.get(KeyValueRow, UPDATE_KEY)
    if row is None:
        return None
    data = json.loads(row.value)
    at = data.get("checked_at")
    latest, minimum = data.get("latest"), data.get("minimum")
    return UpdateStatus(current=__version__, latest=latest, minimum=minimum, state=judge(__version__, latest, minimum),
                        note=data.get("note") or "", checked_at=dt.datetime.fromisoformat(at) if at else None)


__all__ = ["DeviceState", "UpdateStatus", "build_report", "device_states", "record_device_states",
           "remember_update", "update_status"]

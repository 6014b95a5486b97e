"""The audit log (审计日志): hash-chained entries, appended inside the caller's transaction.

Each entry's ``hash`` is the SHA-256 of the canonical JSON of its fields and ``prev_hash`` (the hash of
the entry before it; 64 zeros for the first). The chain head (count, last id, last hash) is kept in
the ``kv`` table, so removing the newest entries is caught too. ``verify`` recomputes the chain and
names the first entry that was changed, removed or reordered.

Entries stay on this workstation: the platform API (version 1) has no audit endpoint.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk import clock
from clerk.security.actor import Actor, Permission
from clerk.store import Store
from clerk.store.models import AuditRow, KeyValueRow

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


class AuditAction(StrEnum):
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    UNLOCK = "unlock"
    ACCEPT = "accept"
    NOTIFY = "notify"
    REJECT = "reject"
    REVEAL = "reveal"
    PRINT = "print"
    REPRINT = "reprint"
    EXPORT = "export"
    PURGE = "purge"
    SETTINGS_CHANGE = "settings_change"
    OPERATOR_SWITCH = "operator_switch"
    LOGOUT = "logout"
    LOCK = "lock"
    HANDOUT = "handout"
    EVALUATION = "evaluation"
    SUPPLEMENT = "supplement"


ACTION_LABELS = {
    AuditAction.LOGIN: "登录", AuditAction.LOGIN_FAILED: "登录失败", AuditAction.UNLOCK: "解锁",
    AuditAction.ACCEPT: "受理", AuditAction.NOTIFY: "一次性告知", AuditAction.REJECT: "不予受理",
    AuditAction.REVEAL: "查看完整信息", AuditAction.PRINT: "打印", AuditAction.REPRINT: "补打",
    AuditAction.EXPORT: "导出", AuditAction.PURGE: "清理过期数据", AuditAction.SETTINGS_CHANGE: "修改设置",
    AuditAction.OPERATOR_SWITCH: "切换操作员", AuditAction.LOGOUT: "退出", AuditAction.LOCK: "锁屏",
    AuditAction.HANDOUT: "出件", AuditAction.EVALUATION: "评价", AuditAction.SUPPLEMENT: "补正",
}


def _canonical(fields: dict[str, Any]) -> bytes:
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def entry_hash(entry_uuid: str, at: dt.datetime, operator: str, window: str, action: str, case_uuid: str | None,
               detail: dict[str, Any], prev_hash: str) -> str:
    fields = {"entry_uuid": entry_uuid, "at": at.isoformat(), "operator": operator, "window": window,
              "action": action, "case_uuid": case_uuid, "detail": detail, "prev_hash": prev_hash}
    return hashlib.sha256(_canonical(fields)).hexdigest()


def _row_hash(row: AuditRow) -> str:
    return entry_hash(row.entry_uuid, row.at, row.operator, row.window, row.action, row.case_uuid, row.detail or {},
                      row.prev_hash)


def append(session: Session, actor: Actor | str, action: AuditAction | str, case_uuid: str | None = None,
           detail: dict[str, Any] | None = None, *, at: dt.datetime | None = None, window: str | None = None) -> AuditRow:
    """Adds an entry in ``session``'s (write) transaction: it commits or rolls back with the change.

    ``detail`` must be JSON (no full ID numbers or phones: it is shown on the supervisor's screen).
    """
    action = AuditAction(action)
    operator = actor if isinstance(actor, str) else actor.username
    win = window if window is not None else ("" if isinstance(actor, str) else actor.window)
    detail = json.loads(_canonical(detail or {}))  # a plain JSON copy, as it reads back
    at = at or clock.now()
    session.flush()
    last = session.execute(select(AuditRow).order_by(AuditRow.id.desc()).limit(1)).scalar_one_or_none()
    prev = last.hash if last is not None else GENESIS
    eid = str(uuid.uuid4())
    row = AuditRow(entry_uuid=eid, at=at, operator=operator, window=win or "", action=action.value,
                   case_uuid=case_uuid, detail=detail, prev_hash=prev,
                   hash=entry_hash(eid, at, operator, win or "", action.value, case_uuid, detail, prev))
    session.add(row)
    session.flush()
    head = session.get(KeyValueRow, HEAD_KEY)
    count = (json.loads(head.value).get("count", 0) if head is not None else 0) + 1
    value = json.dumps({"count": count, "id": row.id, "hash": row.hash})
    if head is None:
        session.add(KeyValueRow(key=HEAD_KEY, value=value))
    else:
        head.value = value
    return row


def record(store: Store, actor: Actor | str, action: AuditAction | str, case_uuid: str | None = None,
           detail: dict[str, Any] | None = None) -> None:
    """An entry in its own transaction (for callers that change nothing else, e.g. printing)."""
    with store.write() as s:
        append(s, actor, action, case_uuid, detail)


@dataclass(frozen=True)
class ChainProblem:
    entry_id: int | None
    entry_uuid: str | None
    kind: str  # changed | removed | reordered | truncated
    message: str


@dataclass(frozen=True)
class VerifyResult:
    entries: int
    problem: ChainProblem | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify(session: Session) -> VerifyResult:
    """Recomputes the chain; reports the first entry changed, removed (before it) or reordered."""
    rows = list(session.execute(select(AuditRow).order_by(AuditRow.id)).scalars())
    by_hash = {r.hash: r for r in rows}
    prev = GENESIS
    for r in rows:
        name = f"第 {r.id} 条审计记录（{r.entry_uuid}，{r.at.isoformat() if r.at else '?'}，{r.action}）"
        if _row_hash(r) != r.hash:
            return VerifyResult(len(rows), ChainProblem(r.id, r.entry_uuid, "changed", f"{name}的内容被修改过"))
        if r.prev_hash != prev:
            earlier = by_hash.get(r.prev_hash)
            if earlier is not None:
                return VerifyResult(len(rows), ChainProblem(
                    r.id, r.entry_uuid, "reordered", f"{name}的顺序被调换过（它本应紧跟在第 {earlier.id} 条之后）"))
            return VerifyResult(len(rows), ChainProblem(
                r.id, r.entry_uuid, "removed", f"{name}之前的记录被删除过"))
        prev = r.hash
    head = session.get(KeyValueRow, HEAD_KEY)
    if head is not None:
        h = json.loads(head.value)
        if h.get("count") != len(rows) or h.get("hash") != prev:
            last = rows[-1] if rows else None
            return VerifyResult(len(rows), ChainProblem(
                last.id if last else None, last.entry_uuid if last else None, "truncated",
                f"审计日志末尾的记录被删除过（应有 {h.get('count')} 条，现有 {len(rows)} 条；最后一条应为第 {h.get('id')} 条）"))
    elif rows:
        return VerifyResult(len(rows), ChainProblem(None, None, "truncated", "审计日志的链头记录缺失"))
    return VerifyResult(len(rows), None)


def verify_store(store: Store) -> VerifyResult:
    with store.read() as s:
        return verify(s)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    entry_uuid: str
    at: dt.datetime
    operator: str
    window: str
    action: str
    action_label: str
    case_uuid: str | None
    detail: dict[str, Any]


def list_entries(store: Store, actor: Actor, *, action: str | Sequence[str] | None = None, operator: str | None = None,
                 since: dt.datetime | None = None, until: dt.datetime | None = None, case_uuid: str | None = None,
                 limit: int = 500, offset: int = 0) -> list[AuditEntry]:
    """The supervisor's audit screen (newest first). Requires ``Permission.SUPERVISE``."""
    actor.require(Permission.SUPERVISE)
    stmt = select(AuditRow)
    if action:
        stmt = stmt.where(AuditRow.action.in_([action] if isinstance(action, str) else list(action)))
    if operator:
        stmt = stmt.where(AuditRow.operator == operator)
    if since is not None:
        stmt = stmt.where(AuditRow.at >= since)
    if until is not None:
        stmt = stmt.where(AuditRow.at < until)
    if case_uuid:
        stmt = stmt.where(AuditRow.case_uuid == case_uuid)
    stmt = stmt.order_by(AuditRow.id.desc()).limit(limit).offset(offset)
    with store.read() as s:
        return [
            AuditEntry(r.id, r.entry_uuid, r.at, r.operator, r.window, r.action,
                       ACTION_LABELS.get(AuditAction(r.action), r.action) if r.action in AuditAction.__members__.values()
                       else r.action, r.case_uuid, dict(r.detail or {}))
            for r in s.execute(stmt).scalars()
        ]

"""Who may do what on the platform and hall server, decided from the token's operator alone.

Three axes (docs/api.md, "Authorisation"):

- **org** (``Operator.org_code``): a case belongs to the org of the operator who filed it; windows,
  tickets, calls and counters belong to a hall, and an operator's hall is their org. Another org's
  case or ticket answers 404, exactly as one that does not exist.
- **windows** (``Operator.windows``): a clerk moves tickets and opens, pauses or closes only the
  windows listed for them; a supervisor (or admin) acts on every window of their hall.
- **roles**: the table ``ROLE_PERMISSIONS`` below; a missing permission answers 403.

Every denial (403, 404 for another org's object, 422 for a document that names someone else) is
written to the platform's audit (``AuditEntry``) with who, what and why; admins read it through
``GET /api/v1/audit``.
"""

from __future__ import annotations

import json
import logging
from enum import StrEnum
from typing import Any

from fastapi import Request

from backoffice.context import ServerContext
from backoffice.db import AuditEntry
from backoffice.errors import ApiError

log = logging.getLogger(__name__)


class Perm(StrEnum):
    CATALOG = "catalog.read"
    CASE_FILE = "case.file"  # POST /cases
    CASE_WORK = "case.work"  # GET a case, PUT its files, POST its events, read the org's feed
    EVALUATE = "evaluation.file"
    TICKET_ISSUE = "ticket.issue"  # the kiosk: tickets, check-in, fallback tickets handed over
    APPOINTMENT_BOOK = "appointment.book"  # slots, book, cancel, read a booking by its code
    WINDOW = "window.staff"  # own windows: read, open/pause/close, call, move tickets
    HALL = "hall.supervise"  # every window of the hall, release stuck tickets
    HALL_READ = "hall.read"  # board and stats of the hall
    VISIT_PLAN = "visit.plan"  # plan visits, read anyone's visit list (same org)
    RECTIFY_READ = "rectification.read"  # 差评 items: one's own (clerk), the hall's (supervisor); appeal own
    RECTIFY = "rectification.handle"  # every item of the hall: callback, result, close, decide appeals
    COMPLAINT = "complaint.file"  # 办不成事 ledger: record, read the hall's, follow up, close one's own
    STATS = "stats.read"  # the hall's case figures
    AUDIT = "audit.read"
    WORKSTATION_REPORT = "workstation.report"  # a workstation's own health report
    WORKSTATION_READ = "workstation.read"  # the hall's table of window PCs
    LICENCE_USE = "licence.use"  # look up e-licences (holder + type, 用证码), fetch their files, 数据共享核验
    LICENCE_USES = "licence.uses"  # read the org's record of e-licence uses


ROLE_PERMISSIONS: dict[str, frozenset[Perm]] = {
    "clerk": frozenset({Perm.CATALOG, Perm.CASE_FILE, Perm.CASE_WORK, Perm.EVALUATE, Perm.TICKET_ISSUE,
                        Perm.WINDOW, Perm.HALL_READ, Perm.WORKSTATION_REPORT, Perm.RECTIFY_READ, Perm.COMPLAINT,
                        Perm.LICENCE_USE}),
    "field": frozenset({Perm.CATALOG, Perm.CASE_FILE, Perm.CASE_WORK, Perm.EVALUATE, Perm.WORKSTATION_REPORT,
                        Perm.COMPLAINT, Perm.LICENCE_USE}),
    "supervisor": frozenset({Perm.CATALOG, Perm.CASE_FILE, Perm.CASE_WORK, Perm.EVALUATE, Perm.TICKET_ISSUE,
                             Perm.APPOINTMENT_BOOK, Perm.WINDOW, Perm.HALL, Perm.HALL_READ, Perm.VISIT_PLAN,
                             Perm.WORKSTATION_REPORT, Perm.WORKSTATION_READ, Perm.RECTIFY_READ, Perm.RECTIFY,
                             Perm.COMPLAINT, Perm.STATS, Perm.LICENCE_USE, Perm.LICENCE_USES}),
    "admin": frozenset(Perm),
    "kiosk": frozenset({Perm.TICKET_ISSUE, Perm.APPOINTMENT_BOOK}),
    "booking": frozenset({Perm.APPOINTMENT_BOOK}),
}
"""Role → permissions. An operator holds the union of their roles' permissions.

``kiosk`` is a ticket machine's account (取号机: a device token, no person logs in): it issues and
checks in tickets, hands over its fallback tickets and books appointments for later days.
``booking`` is the account of the province's app (or a phone-booking system): it books and cancels
appointments and nothing else."""

WINDOW_ROLES = ("clerk", "supervisor", "admin")
"""Roles that staff a window: their cases name one of their windows. A ``field``-only operator files
cases taken on visits, with ``window`` null."""


def permissions(roles: tuple[str, ...] | list[str]) -> frozenset[Perm]:
    out: set[Perm] = set()
    for r in roles:
        out |= ROLE_PERMISSIONS.get(r, frozenset())
    return frozenset(out)


class Denied(ApiError):
    """A refusal that goes to the audit (403 by default)."""

    def __init__(self, message: str, *, status: int = 403, code: str = "forbidden", reason: str = "",
                 fields: dict[str, str] | None = None) -> None:
        super().__init__(status, code, message, fields)
        self.reason = reason or message


def hidden(what: str, reason: str) -> Denied:
    """Another org's object: the same 404 as for one that does not exist, but audited."""
    return Denied(f"no such {what}", status=404, code=f"unknown_{what}", reason=reason)


def mismatch(field: str, message: str) -> Denied:
    """A document naming another operator, window or org than the token's: 422 with the field."""
    return Denied("the document does not match the logged-in operator", status=422, code="invalid",
                  reason=f"{field}: {message}", fields={field: message})


def require(op: Any, perm: Perm) -> None:
    if perm not in permissions(op.roles):
        raise Denied(f"the role(s) {', '.join(op.roles) or '-'} may not do this ({perm.value})",
                     reason=f"missing permission {perm.value}")


def has(op: Any, perm: Perm) -> bool:
    return perm in permissions(op.roles)


def require_window(op: Any, window: str) -> None:
    """Own windows for clerks; every window of the hall for supervisors and admins."""
    require(op, Perm.WINDOW)
    if window in op.windows or has(op, Perm.HALL):
        return
    raise Denied(f"window {window} is not one of your windows", reason=f"window {window} not in {list(op.windows)}")


def record(ctx: ServerContext, *, username: str, org_code: str, roles: tuple[str, ...] | list[str], action: str,
           target: str = "", outcome: str, status: int = 0, reason: str = "", client: str = "") -> None:
    """Appends one audit entry (never raises: a failing audit write is logged, the reply stands)."""
    try:
        with ctx.db.write(durable=False) as s:
            s.add(AuditEntry(ts=ctx.now_ts(), username=username[:64], org_code=org_code[:32],
                             roles=",".join(roles)[:100], action=action[:100], target=target[:200],
                             outcome=outcome, status=status, reason=reason[:300], client=client[:64]))
    except Exception:  # the audit must not turn a 403 into a 500
        log.exception("audit write failed")


def record_denial(ctx: ServerContext, request: Request, exc: Denied) -> None:
    op = getattr(request.state, "operator", None)
    client = request.client.host if request.client else ""
    record(ctx, username=op.username if op else "", org_code=op.org_code if op else "",
           roles=op.roles if op else (), action=f"{request.method} {request.url.path}", target="",
           outcome="denied", status=exc.status, reason=exc.reason, client=client)


def audit_json(ctx: ServerContext, e: AuditEntry) -> dict[str, Any]:
    return {"id": e.id, "at": ctx.iso(e.ts), "username": e.username, "org_code": e.org_code,
            "roles": [r for r in e.roles.split(",") if r], "action": e.action, "target": e.target,
            "outcome": e.outcome, "status": e.status, "reason": e.reason, "client": e.client}


def role_table_markdown() -> str:
    """The role table as docs/api.md shows it (a test keeps the two in step)."""
    roles = list(ROLE_PERMISSIONS)
    lines = ["| permission | " + " | ".join(roles) + " |", "|---|" + "---|" * len(roles)]
    for p in Perm:
        lines.append(f"| `{p.value}` | " + " | ".join("✓" if p in ROLE_PERMISSIONS[r] else "–" for r in roles) + " |")
    return "\n".join(lines)


__all__ = ["Perm", "ROLE_PERMISSIONS", "Denied", "hidden", "mismatch", "require", "require_window", "record",
           "record_denial", "json"]

"""Case search: by case number, ID number, phone, name, pinyin initials (张三丰 → zsf), date, status."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Select, and_, func, select

from clerk.clock import CST
from clerk.store.models import CaseRow

CASE_NO = re.compile(r"^[0-9A-Za-z]{1,12}-\d{8}-[A-Z0-9]{1,8}-\d{1,6}$")


def initials(name: str) -> str:
    """Pinyin initials of a Chinese name (letters and digits kept as they are, lower case)."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors=lambda s: list(s))).lower()[:64]


def _prefix(column: object, text: str) -> object:
    # A range instead of LIKE so SQLite uses the index (LIKE is case-insensitive and would not).
    return and_(column >= text, column < text + "\U0010ffff")  # type: ignore[operator]


@dataclass(frozen=True)
class CaseQuery:
    text: str = ""
    status: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    limit: int = 50
    offset: int = 0


def classify(text: str) -> str:
    t = text.strip()
    if not t:
        return "all"
    if CASE_NO.match(t):
        return "case_no"
    if re.fullmatch(r"\d{17}[\dXx]", t) or re.fullmatch(r"[0-9A-HJ-NP-RTUW-Y]{18}", t.upper()) and not t.isdigit():
        return "id_number"
    if re.fullmatch(r"\d{7,12}|0\d{2,3}-\d{7,8}", t):
        return "phone"
    if re.fullmatch(r"[A-Za-z]{1,20}", t):
        return "initials"
    if re.fullmatch(r"\d{6,8}(-.*)?|[0-9A-Za-z]+-\d+.*", t):
        return "case_no_prefix"
    return "name"


def build(q: CaseQuery) -> Select[tuple[CaseRow]]:
    stmt = select(CaseRow)
    t = q.text.strip()
    kind = classify(t)
    if kind == "case_no":
        stmt = stmt.where(CaseRow.case_no == t)
    elif kind == "case_no_prefix":
        stmt = stmt.where(_prefix(CaseRow.case_no, t))  # type: ignore[arg-type]
    elif kind == "id_number":
        stmt = stmt.where(CaseRow.applicant_id_number == t.upper())
    elif kind == "phone":
        stmt = stmt.where(CaseRow.applicant_phone == t)
    elif kind == "initials":
        stmt = stmt.where(_prefix(CaseRow.applicant_initials, t.lower()))  # type: ignore[arg-type]
    elif kind == "name":
        stmt = stmt.where(_prefix(CaseRow.applicant_name, t))  # type: ignore[arg-type]
    if q.status:
        stmt = stmt.where(CaseRow.status.in_(q.status))
    if q.date_from:
        stmt = stmt.where(CaseRow.created_at >= dt.datetime.combine(q.date_from, dt.time(), CST))
    if q.date_to:
        stmt = stmt.where(CaseRow.created_at < dt.datetime.combine(q.date_to + dt.timedelta(days=1), dt.time(), CST))
    return stmt.order_by(CaseRow.created_at.desc()).limit(q.limit).offset(q.offset)


def count(q: CaseQuery) -> Select[tuple[int]]:
    inner = build(CaseQuery(q.text, q.status, q.date_from, q.date_to, limit=-1, offset=0)).order_by(None).subquery()
    return select(func.count()).select_from(inner)

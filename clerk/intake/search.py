"""Case search: by case number, ID number, phone, name, pinyin initials (张三丰 → zsf), date, status.

A string of digits that is not a whole ID or mobile number is a prefix of one (``138`` → 138…,
``2301021992`` → ID numbers of region 230102 born in 1992, ``230102`` → case numbers of that
office too): each candidate key is a range on its own ``(key, created_at)`` index. A prefix that
matches very many cases (``138`` is a seventh of all mobile numbers) pages along the ``created_at``
index instead and stops at the first page's worth of matches (``search_number_prefix``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, literal_column, or_, select

from clerk.clock import CST
from clerk.store.models import CaseRow

CASE_NO = re.compile(r"^[0-9A-Za-z]{1,12}-\d{8}-[A-Z0-9]{1,8}-\d{1,6}$")


def initials(name: str) -> str:
    """Pinyin initials of a Chinese name (letters and digits kept as they are, lower case)."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")).lower()[:64]


def _prefix(column: Any, text: str) -> Any:
    # A range instead of LIKE so SQLite uses the index (LIKE is case-insensitive and would not).
    return and_(column >= text, column < text + "\U0010ffff")


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
    if re.fullmatch(r"1[3-9]\d{9}|0\d{2,3}-\d{7,8}", t):
        return "phone"
    if re.fullmatch(r"[A-Za-z]{1,20}", t):
        return "initials"
    if re.fullmatch(r"\d{3,17}", t) or re.fullmatch(r"\d{17}[Xx]", t):
        return "number_prefix"
    if re.fullmatch(r"\d{6,8}(-.*)?|[0-9A-Za-z]+-\d+.*", t):
        return "case_no_prefix"
    return "name"


def _conditions(q: CaseQuery) -> list[Any]:
    conds: list[Any] = []
    t = q.text.strip()
    kind = classify(t)
    if kind == "case_no":
        conds.append(CaseRow.case_no == t)
    elif kind == "case_no_prefix":
        conds.append(_prefix(CaseRow.case_no, t))
    elif kind == "id_number":
        conds.append(CaseRow.applicant_id_number == t.upper())
    elif kind == "phone":
        conds.append(CaseRow.applicant_phone == t)
    elif kind == "initials":
        conds.append(_prefix(CaseRow.applicant_initials, t.lower()))
    elif kind == "number_prefix":
        conds.append(or_(*(_prefix(col, t.upper()) for col in number_columns(t))))
    elif kind == "name":
        conds.append(_prefix(CaseRow.applicant_name, t))
    return conds + _filters(q)


def _filters(q: CaseQuery) -> list[Any]:
    conds: list[Any] = []
    if q.status:
        conds.append(CaseRow.status.in_(q.status))
    if q.date_from:
        conds.append(CaseRow.created_at >= dt.datetime.combine(q.date_from, dt.time(), CST))
    if q.date_to:
        conds.append(CaseRow.created_at < dt.datetime.combine(q.date_to + dt.timedelta(days=1), dt.time(), CST))
    return conds


def number_columns(digits: str) -> list[Any]:
    """The keys a digit prefix can start: an ID number (regions start 1–8), a mobile (1…) or landline
    (0…) number, a case number (an office code of 6+ characters, then the date)."""
    cols: list[Any] = []
    if digits[0] in "12345678":
        cols.append(CaseRow.applicant_id_number)
    if digits[0] in "01" and len(digits) <= 12:
        cols.append(CaseRow.applicant_phone)
    if len(digits) >= 6:
        cols.append(CaseRow.case_no)
    return cols or [CaseRow.applicant_id_number]


_ROWID: Any = literal_column("cases.rowid")


def build(q: CaseQuery) -> Select[Any]:
    """One page of matches, newest first.

    The page is chosen on rowids from the (key, created_at) index alone and only its rows are read:
    a short prefix (``zh``) can match thousands of cases, and sorting whole rows would cost ~100 ms
    at a million cases.
    """
    page = (
        select(_ROWID).select_from(CaseRow.__table__).where(*_conditions(q))
        .order_by(CaseRow.created_at.desc()).limit(q.limit).offset(q.offset)
    )
    return select(CaseRow).where(_ROWID.in_(page)).order_by(CaseRow.created_at.desc())


def _unindexed(cond: Any) -> Any:
    """The same condition with SQLite's unary ``+`` on its columns, so the planner skips their indexes."""
    from sqlalchemy.sql import visitors

    def plus(element: Any) -> Any:
        if getattr(element, "table", None) is CaseRow.__table__ and hasattr(element, "key"):
            return literal_column(f"+cases.{element.key}", type_=element.type)
        return None

    return visitors.replacement_traverse(cond, {}, plus)  # type: ignore[call-overload]


def count(q: CaseQuery) -> Select[Any]:
    return select(func.count()).select_from(CaseRow.__table__).where(*_conditions(q))


def search_number_prefix(session: Any, q: CaseQuery) -> tuple[list[CaseRow], int]:
    """One page and the exact total of a number-prefix search, each step a range on one key's index.

    The count is summed over the keys that match at all (inclusion–exclusion: ID + phone − both …),
    an overlap driven by its smallest key's range, where an OR of the ranges would collect and
    de-duplicate every matching rowid (~28,000 for ``138`` at 200,000 cases). The page reads only
    the keys that match; a prefix matching more than ``BROAD`` cases walks the date index instead.
    """
    import itertools

    t = q.text.strip().upper()
    filters = _filters(q)

    def count(conds: list[Any]) -> int:
        return int(session.execute(select(func.count()).select_from(CaseRow.__table__).where(*conds, *filters))
                   .scalar_one())

    singles = {col.key: count([_prefix(col, t)]) for col in number_columns(t)}
    live = [col for col in number_columns(t) if singles[col.key]]
    total = sum(singles[c.key] for c in live)
    for r in range(2, len(live) + 1):
        for subset in itertools.combinations(live, r):
            driver = min(subset, key=lambda c: singles[c.key])
            others = [_unindexed(_prefix(c, t)) for c in subset if c is not driver]
            total += (1 if r % 2 else -1) * count([_prefix(driver, t), *others])
    if not live:
        return [], 0
    text_cond = or_(*(_prefix(c, t) for c in live)) if len(live) > 1 else _prefix(live[0], t)
    conds = [text_cond, *filters]
    if total > BROAD:
        conds = [_unindexed(c) for c in conds]
    page = (
        select(_ROWID).select_from(CaseRow.__table__).where(*conds)
        .order_by(CaseRow.created_at.desc()).limit(q.limit).offset(q.offset)
    )
    rows = session.execute(select(CaseRow).where(_ROWID.in_(page)).order_by(CaseRow.created_at.desc())).scalars().all()
    return list(rows), total


BROAD = 5000
"""A number prefix matching more than this many cases pages along the date index (``search_number_prefix``)."""

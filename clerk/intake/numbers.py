"""Case numbers ``{org}-{yyyymmdd}-{window}-{seq}``: unique without a network, never reused.

The counter lives in the cache and is bumped inside the caller's BEGIN IMMEDIATE transaction, so two
processes on one cache file never draw the same number; different workstations differ by window.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.store.models import SequenceRow


def next_value(session: Session, name: str) -> int:
    row = session.execute(select(SequenceRow).where(SequenceRow.name == name)).scalar_one_or_none()
    if row is None:
        row = SequenceRow(name=name, value=0)
        session.add(row)
    row.value += 1
    session.flush()
    return row.value


def next_case_no(session: Session, org: str, window: str, day: dt.date) -> str:
    ymd = day.strftime("%Y%m%d")
    seq = next_value(session, f"case:{org}:{ymd}:{window}")
    return f"{org}-{ymd}-{window}-{seq:04d}"

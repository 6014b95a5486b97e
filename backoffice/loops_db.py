"""Tables of the closed loops (1.1): evaluation links, 差评 rectifications and the 办不成事 ledger.

In their own module (imported by ``backoffice.db`` so ``create_all`` and Alembic see them); rows
belong to an org (the hall) like every other table here.
"""

from __future__ import annotations

from sqlalchemy import Float, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db import Base


class EvaluationLink(Base):
    """What an evaluation is about: the case (one window evaluation and one 补充评价 per case)."""

    __tablename__ = "evaluation_links"
    __table_args__ = (UniqueConstraint("case_uuid", "channel", name="uq_evaluation_per_case_channel"),)
    evaluation_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    org_code: Mapped[str] = mapped_column(String(32), index=True)
    case_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    case_no: Mapped[str] = mapped_column(String(64), default="")
    channel: Mapped[str] = mapped_column(String(16), default="window")
    supplements: Mapped[str | None] = mapped_column(String(36), nullable=True)
    matter_codes: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of national codes
    reasons: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of tags as sent
    score: Mapped[int] = mapped_column(Integer)
    window: Mapped[str] = mapped_column(String(32), default="")
    operator: Mapped[str] = mapped_column(String(64), default="")
    at_ts: Mapped[float] = mapped_column(Float)


class Rectification(Base):
    """差评整改: opened by a score of 1 or 2; callback, result, re-evaluation, closed (or an appeal)."""

    __tablename__ = "rectifications"
    __table_args__ = (Index("ix_rectification_org_status", "org_code", "status"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    org_code: Mapped[str] = mapped_column(String(32))
    evaluation_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    case_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    case_no: Mapped[str] = mapped_column(String(64), default="")
    matter_codes: Mapped[str] = mapped_column(Text, default="[]")
    score: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[str] = mapped_column(Text, default="[]")
    comment: Mapped[str] = mapped_column(Text, default="")  # sealed
    operator: Mapped[str] = mapped_column(String(64), default="")
    window: Mapped[str] = mapped_column(String(32), default="")
    opened_ts: Mapped[float] = mapped_column(Float)
    due_date: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD, 15 working days later
    status: Mapped[str] = mapped_column(String(16), default="open")
    appeal_from: Mapped[str] = mapped_column(String(16), default="")
    re_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    closed_ts: Mapped[float | None] = mapped_column(Float, nullable=True)
    history: Mapped[str] = mapped_column(Text, default="[]")  # sealed JSON list of {at, by, action, note}


class Complaint(Base):
    """办不成事: a problem a person could not get done, kept until closed with a result (销号)."""

    __tablename__ = "complaints"
    __table_args__ = (Index("ix_complaint_org_status", "org_code", "status"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    complaint_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    doc_hash: Mapped[str] = mapped_column(String(64))
    org_code: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)  # sealed
    matter_code: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(Text, default="")  # sealed
    contact: Mapped[str] = mapped_column(Text, default="")  # sealed
    taken_by: Mapped[str] = mapped_column(String(64))
    window: Mapped[str] = mapped_column(String(32), default="")
    assignee: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="open")
    opened_ts: Mapped[float] = mapped_column(Float)
    closed_ts: Mapped[float | None] = mapped_column(Float, nullable=True)
    result: Mapped[str] = mapped_column(Text, default="")  # sealed
    history: Mapped[str] = mapped_column(Text, default="[]")  # sealed JSON list of {at, by, action, note}

"""The server's tables (SQLAlchemy 2) and a ``Database`` giving read and serialised write sessions.

SQLite (the default) runs in WAL mode; every write transaction starts with ``BEGIN IMMEDIATE`` so a
read never has to be upgraded to a write (no SQLITE_BUSY half-way), and writers of this process
queue on a lock instead of busy-sleeping. PostgreSQL (``postgresql+psycopg://…``) relies on row
locks (``FOR UPDATE SKIP LOCKED`` for call-next) and an advisory lock that makes case updates commit
in id order.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    false,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    roles: Mapped[str] = mapped_column(Text)  # JSON list
    org_code: Mapped[str] = mapped_column(String(32), default="")
    windows: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Token(Base):
    """A bearer token, stored only as its SHA-256; every worker reads the same table (no cache)."""

    __tablename__ = "tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("users.username"), index=True)
    device_id: Mapped[str] = mapped_column(String(200))
    expires_ts: Mapped[float] = mapped_column(Float)
    issued_ts: Mapped[float] = mapped_column(Float, default=0.0)


class LoginAttempt(Base):
    """One login attempt, counted before the password is checked (``pending``) and kept when it failed.

    The limiter counts the rows of a username and of a client address inside the window, in a
    serialised transaction, so parallel guesses and several workers share one count.
    """

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_user", "user_key", "ts"), Index("ix_login_addr", "addr_key", "ts"),
                      Index("ix_login_ts", "ts"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_key: Mapped[str] = mapped_column(String(64))
    addr_key: Mapped[str] = mapped_column(String(64))
    ts: Mapped[float] = mapped_column(Float)
    state: Mapped[str] = mapped_column(String(8))  # pending | failed


class AuditEntry(Base):
    """The platform's audit: every denial (who, what, when, why) and every privileged action."""

    __tablename__ = "audit"
    __table_args__ = (Index("ix_audit_org", "org_code", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ts: Mapped[float] = mapped_column(Float)
    username: Mapped[str] = mapped_column(String(64))
    org_code: Mapped[str] = mapped_column(String(32), default="")
    roles: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(100))  # "POST /api/v1/cases", "release-ticket" …
    target: Mapped[str] = mapped_column(String(200), default="")
    outcome: Mapped[str] = mapped_column(String(16))  # denied | done
    status: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(300), default="")
    client: Mapped[str] = mapped_column(String(64), default="")


class Case(Base):
    """A case as filed; ``org_code``, ``operator`` and ``window`` come from the filing token."""

    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("org_code", "case_no", name="uq_case_no_per_org"),)
    case_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    platform_case_id: Mapped[str] = mapped_column(String(40), unique=True)
    case_no: Mapped[str] = mapped_column(String(64))
    org_code: Mapped[str] = mapped_column(String(32), default="", index=True)
    operator: Mapped[str] = mapped_column(String(64), default="")
    window: Mapped[str | None] = mapped_column(String(32), nullable=True)
    status: Mapped[str] = mapped_column(String(32))
    doc_hash: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)
    outstanding: Mapped[str] = mapped_column(Text, default="[]")  # deferred material codes not yet supplied
    created_ts: Mapped[float] = mapped_column(Float)
    updated_ts: Mapped[float] = mapped_column(Float, index=True)
    handling_region: Mapped[str | None] = mapped_column(String(12), nullable=True)
    """API 1.1 跨域通办: the handling authority's region (属地); None: where it was taken in."""
    proxy: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """异地代收代办: taken in by a hall of another region for this region's authority."""


class CaseMatter(Base):
    """API 1.1: one chosen matter of a case and its own status; the case's status is derived."""

    __tablename__ = "case_matters"
    case_uuid: Mapped[str] = mapped_column(ForeignKey("cases.case_uuid"), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    national_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    status: Mapped[str] = mapped_column(String(32))
    updated_ts: Mapped[float] = mapped_column(Float)
    project_no: Mapped[str] = mapped_column(String(40), default="", server_default="")
    """办件编号: the platform's number of this matter's handling (quoted by 好差评 and e-licences)."""


class CaseFile(Base):
    """The case's manifest: every file its document or its supplements name."""

    __tablename__ = "case_files"
    __table_args__ = (UniqueConstraint("case_uuid", "sha256"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_uuid: Mapped[str] = mapped_column(ForeignKey("cases.case_uuid"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100))
    material_code: Mapped[str] = mapped_column(String(64))


class Blob(Base):
    """A file stored on disk under the files dir, addressed by its SHA-256."""

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100))
    stored_ts: Mapped[float] = mapped_column(Float)


class CaseEvent(Base):
    __tablename__ = "case_events"
    event_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_uuid: Mapped[str] = mapped_column(ForeignKey("cases.case_uuid"), index=True)
    type: Mapped[str] = mapped_column(String(32))
    doc_hash: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)
    created_ts: Mapped[float] = mapped_column(Float)
    operator: Mapped[str] = mapped_column(String(64), default="")
    org_code: Mapped[str] = mapped_column(String(32), default="")


class CaseUpdate(Base):
    """One line of the case-updates feed; ``id`` is the cursor and grows in commit order."""

    __tablename__ = "case_updates"
    __table_args__ = (Index("ix_update_org", "org_code", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_uuid: Mapped[str] = mapped_column(ForeignKey("cases.case_uuid"), index=True)
    org_code: Mapped[str] = mapped_column(String(32), default="")
    status: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text)
    at_ts: Mapped[float] = mapped_column(Float)
    matters: Mapped[str | None] = mapped_column(Text, nullable=True)
    """API 1.1: JSON list of the matters this line moved, ``[{"code", "national_code", "status"}]``."""


class Evaluation(Base):
    __tablename__ = "evaluations"
    evaluation_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    doc_hash: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)
    score: Mapped[int] = mapped_column(Integer)
    window: Mapped[str] = mapped_column(String(32))
    created_ts: Mapped[float] = mapped_column(Float)
    operator: Mapped[str] = mapped_column(String(64), default="")
    org_code: Mapped[str] = mapped_column(String(32), default="")


class QueueService(Base):
    __tablename__ = "queue_services"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(4), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    sort: Mapped[int] = mapped_column(Integer, default=0)


class QueueWindow(Base):
    """A window of a hall; the hall is the org (``org_code``) of the operators who staff it."""

    __tablename__ = "queue_windows"
    org_code: Mapped[str] = mapped_column(String(32), primary_key=True, default="")
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    services: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    state: Mapped[str] = mapped_column(String(16), default="closed")
    updated_ts: Mapped[float] = mapped_column(Float)


class QueueCounter(Base):
    """The last number issued per hall, service and local day (numbering restarts at 001 each day)."""

    __tablename__ = "queue_counters"
    org_code: Mapped[str] = mapped_column(String(32), primary_key=True, default="")
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    service: Mapped[str] = mapped_column(String(32), primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class Ticket(Base):
    __tablename__ = "queue_tickets"
    __table_args__ = (
        Index("ix_ticket_waiting", "org_code", "day", "state", "service", "prio_rank", "issued_ts", "id"),
        Index("ix_ticket_window", "org_code", "day", "window", "state"),
        Index("ix_ticket_target", "org_code", "day", "state", "target_window", "prio_rank", "issued_ts", "id"),
        Index("ix_ticket_number", "org_code", "day", "ticket_no"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    org_code: Mapped[str] = mapped_column(String(32), default="")
    day: Mapped[str] = mapped_column(String(10))
    service: Mapped[str] = mapped_column(String(32))
    ticket_no: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(16))
    prio_rank: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16))
    target_window: Mapped[str | None] = mapped_column(String(32), nullable=True)
    window: Mapped[str | None] = mapped_column(String(32), nullable=True)
    appointment_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    issued_ts: Mapped[float] = mapped_column(Float)
    first_called_ts: Mapped[float | None] = mapped_column(Float, nullable=True)
    called_ts: Mapped[float | None] = mapped_column(Float, nullable=True)
    started_ts: Mapped[float | None] = mapped_column(Float, nullable=True)
    finished_ts: Mapped[float | None] = mapped_column(Float, nullable=True)
    last_action: Mapped[str | None] = mapped_column(String(16), nullable=True)
    """The last move made on the ticket and the window that made it: a repeat of it is a replay (200)."""
    last_window: Mapped[str | None] = mapped_column(String(32), nullable=True)
    call_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    move_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    """The Idempotency-Key of the call-next that called it (a retried call-next returns the same ticket)."""
    phone: Mapped[str | None] = mapped_column(Text, nullable=True)
    """The holder's phone for SMS (sealed like case documents, ``ctx.cipher``); None: no messages."""
    status_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    """SHA-256 of the ticket's status-page token (the token itself is only on the printed QR)."""
    near_notified: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """The "前面还有 N 人" message has been queued (or the first message already said so)."""
    source_device: Mapped[str | None] = mapped_column(String(200), nullable=True)
    """The kiosk that issued it from its fallback range while the server was down (None: the server)."""
    parked_ts: Mapped[float | None] = mapped_column(Float, nullable=True)
    carried_from: Mapped[str | None] = mapped_column(String(10), nullable=True)
    """The day it was issued on when it was carried over at closing (``at_closing: carry``)."""


class QueueCall(Base):
    """Every call and recall, for the hall display (latest first)."""

    __tablename__ = "queue_calls"
    __table_args__ = (Index("ix_call_day", "org_code", "day", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    org_code: Mapped[str] = mapped_column(String(32), default="")
    day: Mapped[str] = mapped_column(String(10))
    ticket_id: Mapped[int] = mapped_column(Integer)
    ticket_no: Mapped[str] = mapped_column(String(16))
    window: Mapped[str] = mapped_column(String(32))
    called_ts: Mapped[float] = mapped_column(Float)


class Appointment(Base):
    """An appointment (预约) checked in at the kiosk with its code; it gives an appointment ticket.

    Booked ones (1.1) carry a slot and the person, sealed (``person``: JSON name, ID number, phone,
    encrypted with the data key); ``id_hash`` is an HMAC of the ID number for check-in by ID card and
    the duplicate rule, never the number itself. ``active_key`` is set while the booking stands
    (org|service|day|id_hash) and is unique: one booking per person, service and day.
    """

    __tablename__ = "appointments"
    __table_args__ = (Index("ix_appointment_day", "org_code", "day", "service", "slot"),
                      Index("ix_appointment_person", "org_code", "day", "id_hash"))
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    org_code: Mapped[str] = mapped_column(String(32), default="")
    service: Mapped[str] = mapped_column(String(32))
    day: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(100), default="")
    ticket_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    slot: Mapped[str | None] = mapped_column(String(5), nullable=True)
    person: Mapped[str | None] = mapped_column(Text, nullable=True)
    id_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    active_key: Mapped[str | None] = mapped_column(String(160), nullable=True, unique=True)
    state: Mapped[str] = mapped_column(String(16), default="booked", server_default="booked")
    """booked | checked_in | cancelled | missed"""
    channel: Mapped[str] = mapped_column(String(16), default="", server_default="")
    """Who booked: phone (supervisor), app (the province's app), kiosk, admin, or "" (back-office CLI)."""
    booked_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    booking_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    """The Idempotency-Key of the booking request (a retry gets the same booking)."""
    created_ts: Mapped[float | None] = mapped_column(Float, nullable=True)
    cancelled_ts: Mapped[float | None] = mapped_column(Float, nullable=True)
    checked_in_ts: Mapped[float | None] = mapped_column(Float, nullable=True)


class SlotCount(Base):
    """Bookings held per hall, service, day and slot; raised only while below the slot's capacity."""

    __tablename__ = "queue_slot_counts"
    org_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    service: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    slot: Mapped[str] = mapped_column(String(5), primary_key=True)
    booked: Mapped[int] = mapped_column(Integer, default=0)


class SmsMessage(Base):
    """The SMS journal: every message to a waiting or booked person, queued in the transaction of the
    move that caused it and delivered by the SMS plug-in afterwards (``backoffice.notify``)."""

    __tablename__ = "queue_sms"
    __table_args__ = (Index("ix_sms_state", "state", "id"), Index("ix_sms_org", "org_code", "id"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    org_code: Mapped[str] = mapped_column(String(32), default="")
    ticket_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    ticket_no: Mapped[str] = mapped_column(String(16), default="")
    appointment_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    """issued | near | called | carried | closed | booked | cancelled"""
    phone: Mapped[str] = mapped_column(Text)
    """Sealed with the data key; the journal lists it masked."""
    message: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(8), default="queued")
    """queued | sent | failed"""
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(String(300), default="")
    gateway: Mapped[str] = mapped_column(String(32), default="")
    created_ts: Mapped[float] = mapped_column(Float)
    sent_ts: Mapped[float | None] = mapped_column(Float, nullable=True)


class FallbackDevice(Base):
    """A kiosk's fallback prefix (人工兜底号段), claimed once while online: no two devices share one."""

    __tablename__ = "queue_fallback_devices"
    org_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(2), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(200))
    username: Mapped[str] = mapped_column(String(64), default="")
    claimed_ts: Mapped[float] = mapped_column(Float)


class DayClose(Base):
    """A hall day closed by the closing rule (``at_closing``): done once, however often the job runs."""

    __tablename__ = "queue_day_closes"
    org_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    rule: Mapped[str] = mapped_column(String(8))
    carried: Mapped[int] = mapped_column(Integer, default=0)
    closed: Mapped[int] = mapped_column(Integer, default=0)
    missed_appointments: Mapped[int] = mapped_column(Integer, default=0)
    closed_ts: Mapped[float] = mapped_column(Float)


UPDATES_LOCK_KEY = 0x0B0FF1CE
"""PostgreSQL advisory-lock key taken by every transaction that appends to ``case_updates``."""


class Database:
    """Engine plus sessions. ``write()`` is a serialised, committed transaction; ``read()`` a plain one."""

    def __init__(self, url: str, pool_size: int = 20, max_overflow: int = 50) -> None:
        """``pool_size``/``max_overflow``: PostgreSQL connections this process keeps / may add (each
        worker of a multi-worker server has its own pool: docs/deploy.md sizes max_connections)."""
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        self._write_lock = threading.Lock()
        if self.is_sqlite:
            memory = url in ("sqlite://", "sqlite:///:memory:")
            kwargs: dict[str, Any] = {
                "connect_args": {"check_same_thread": False, "timeout": 30, "isolation_level": None},
            }
            if memory:
                kwargs["poolclass"] = StaticPool
            else:
                path = url.split("///", 1)[1].split("?", 1)[0] if "///" in url else ""
                if path:
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                kwargs.update(pool_size=10, max_overflow=50)
            self.engine: Engine = create_engine(url, **kwargs)
            self._install_sqlite_hooks(self.engine)
        else:
            self.engine = create_engine(url, pool_size=pool_size, max_overflow=max_overflow, pool_pre_ping=True)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @staticmethod
    def _install_sqlite_hooks(engine: Engine) -> None:
        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            opts = conn.get_execution_options()
            if opts.get("bo_write"):
                sync = "FULL" if opts.get("bo_durable", True) else "NORMAL"
                conn.exec_driver_sql(f"PRAGMA synchronous={sync}")
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                conn.exec_driver_sql("BEGIN")

    def create_all(self) -> None:
        Base.metadata.create_all(self.engine)

    @contextlib.contextmanager
    def write(self, durable: bool = True) -> Iterator[Session]:
        """A write transaction, committed on leaving (rolled back on an exception).

        ``durable=False`` (queue moves) lets SQLite use synchronous=NORMAL and PostgreSQL skip the
        wait for the WAL flush; case data is always written durably.
        """
        lock = self._write_lock if self.is_sqlite else contextlib.nullcontext()
        with lock:
            session = self._sessions()
            try:
                session.connection(execution_options={"bo_write": True, "bo_durable": durable})
                if not self.is_sqlite and not durable:
                    session.execute(text("SET LOCAL synchronous_commit TO OFF"))
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        finally:
            session.close()

    def lock_updates(self, session: Session) -> None:
        """Before appending to the feed: makes update ids commit in order (PostgreSQL)."""
        if not self.is_sqlite:
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": UPDATES_LOCK_KEY})

    def dispose(self) -> None:
        self.engine.dispose()

"""The sync engine: pushes the outbox to the platform and pulls case updates and the catalog back.

One pass (``run_once``):

1. push pending outbox rows in order — a case (POST with ``Idempotency-Key`` = case_uuid, then PUT
   every file the reply lists as missing, then GET the case to confirm none is), events after their
   case, evaluations; a row is marked done only once the platform has confirmed it;
2. pull ``case-updates`` from the saved cursor, applying statuses through the case lifecycle and
   saving the new cursor in the same transaction (never skips, never repeats);
3. refresh the catalog with ``If-None-Match``;
4. report this workstation's health (version, backlog, last sync, devices) and keep the platform's
   update check — best effort, at most every ``health_every_s`` (``clerk.sync.health``).

The platform's API revision and features (``GET /api/v1/health``) are read once per pass and
remembered: a platform listing the feature ``matters`` gets the case's matters and region and
reports a status per matter; any other gets the v1 document and one case-level status, which every
matter then takes.

Transient failures reschedule the row (exponential backoff, full jitter, ``Retry-After`` honoured) in
``next_attempt_at`` so a restart respects it; permanent ones (4xx) park the row with the server's
message for a person (``list_problems``/``retry``/``discard``); a 401 stops the pass ("needs login")
and touches nothing. The keys never change, so resuming after a crash at any point sends nothing twice.

The platform binds a case and an evaluation to the token of the operator who made them (a document
naming someone else is refused), so each is pushed with its own operator's token: ``client_for``
gives the client of another operator who logged in on this workstation. Items of an operator with no
valid token here wait, untouched, until that operator logs in again (``PassResult.waiting_for``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import random
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import func, select

from clerk import clock
from clerk.atomic import write_atomic
from clerk.errors import ClerkError
from clerk.events import CaseUpdated, EventBus, SyncProgress
from clerk.intake import lifecycle
from clerk.intake.model import CaseStatus
from clerk.materials.pagestore import PageStore
from clerk.store import Store
from clerk.store.models import BlobRow, CaseRow, KeyValueRow, OperatorRow, OutboxRow
from clerk.sync.client import (
    UPLOAD_CHUNK,
    AuthError,
    CaseUpdate,
    PermanentError,
    PlatformClient,
    SyncError,
    TransientError,
    at_least,
)
from clerk.sync.outbox import document_files, wire_case_document, wire_event

log = logging.getLogger(__name__)

CURSOR_KEY = "sync.cursor"
REVISION_KEY = "sync.api_revision"
"""The platform's API revision and features (JSON), as last read from its health endpoint."""
CATALOG_ETAG_KEY = "sync.catalog_etag"
LAST_SUCCESS_KEY = "sync.last_success"

PENDING, DONE, PARKED, DISCARDED = "pending", "done", "parked", "discarded"


class LocalProblem(ClerkError):
    """Something on this workstation stops an item (a file missing from the page store …)."""


class SyncContext(Protocol):
    """What the engine needs of ``clerk.context.AppContext``."""

    store: Store
    pages: PageStore
    events: EventBus

    @property
    def paths(self) -> Any: ...

    def replace_catalog(self, catalog: Any) -> None: ...


@dataclass(frozen=True)
class SyncState:
    """A snapshot for the status bar (published as ``SyncProgress``).

    ``online`` is None before the first contact; ``needs_login`` means a person must log in again
    (nothing is lost meanwhile).
    """

    online: bool | None = None
    needs_login: bool = False
    pending: int = 0
    parked: int = 0
    last_success_at: dt.datetime | None = None
    last_error: str = ""
    running: bool = False
    next_attempt_at: dt.datetime | None = None
    waiting_for: tuple[str, ...] = ()
    """Operators whose cases wait for them to log in here (the platform takes a case only from its operator)."""


@dataclass(frozen=True)
class Problem:
    """A parked item for the problems view."""

    item_id: int
    kind: str
    case_uuid: str | None
    case_no: str
    error: str
    attempts: int
    created_at: dt.datetime

    def line(self) -> str:
        what = self.case_no or self.case_uuid or "-"
        return f"#{self.item_id} {self.kind} {what}: {self.error}"


@dataclass
class PassResult:
    pushed: int = 0
    parked: int = 0
    retry_later: int = 0
    updates_applied: int = 0
    catalog_updated: bool = False
    needs_login: bool = False
    unreachable: bool = False
    stopped_early: bool = False
    pending_due: int = 0
    """Pending rows that could be tried right now (not waiting for backoff, not blocked)."""
    pending_waiting: int = 0
    """Pending rows waiting for their backoff time."""
    next_attempt_at: dt.datetime | None = None
    errors: list[str] = field(default_factory=list)
    waiting_for: set[str] = field(default_factory=set)
    """Operators whose cases or evaluations wait for them to log in on this workstation."""
    waiting_items: int = 0
    """Items (and the events behind their cases) that wait for those logins."""


ClientFor = Callable[[str], "PlatformClient | None"]


class WaitForLogin(ClerkError):
    """An item of an operator with no valid token on this workstation: it waits for their login."""

    def __init__(self, username: str) -> None:
        super().__init__(f"等待操作员 {username} 登录后同步")
        self.username = username


class SyncEngine:
    def __init__(self, ctx: SyncContext, client: PlatformClient, *, backoff_base_s: float = 2.0,
                 backoff_cap_s: float = 900.0, max_consecutive_transient: int = 6, updates_page: int = 200,
                 catalog_every_s: float = 300.0, rng: random.Random | None = None,
                 username: str | None = None, client_for: ClientFor | None = None,
                 device_id: str | None = None, window: str | None = None, health_every_s: float = 30.0) -> None:
        self.ctx = ctx
        self.store = ctx.store
        self.pages = ctx.pages
        self.events = ctx.events
        self.client = client
        self.username = username
        """Whose token ``client`` carries (None: unknown — then every item goes with it)."""
        self.client_for = client_for
        self.backoff_base_s = backoff_base_s
        self.backoff_cap_s = backoff_cap_s
        self.max_consecutive_transient = max_consecutive_transient
        self.updates_page = updates_page
        self.catalog_every_s = catalog_every_s
        self.rng = rng or random.Random()
        self.device_id = device_id
        """Whose health this engine reports (None: no report)."""
        self.window = window
        self.health_every_s = health_every_s
        self._health_sent: float | None = None
        self._health_supported = True
        self.cancel = threading.Event()
        """Set to end a pass early (between requests); the worker sets it on stop()."""
        self._lock = threading.Lock()
        self._catalog_checked: float | None = None
        self._capabilities: tuple[str, tuple[str, ...]] | None = None
        self._state = SyncState(last_success_at=self._load_last_success())
        self._state = replace(self._state, **self._counts())

    # -- state ------------------------------------------------------------------------------------
    def state(self) -> SyncState:
        with self._lock:
            return self._state

    def _set_state(self, **changes: Any) -> SyncState:
        with self._lock:
            self._state = replace(self._state, **changes)
            return self._state

    def publish_state(self, **changes: Any) -> SyncState:
        state = self._set_state(**self._counts(), **changes)
        self.events.publish(SyncProgress(state))
        return state

    def _counts(self) -> dict[str, Any]:
        with self.store.read() as s:
            rows = {k: v for k, v in s.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all()}
            nxt = s.execute(select(func.min(OutboxRow.next_attempt_at)).where(OutboxRow.state == PENDING)).scalar()
        return {"pending": int(rows.get(PENDING, 0)), "parked": int(rows.get(PARKED, 0)), "next_attempt_at": nxt}

    def _load_last_success(self) -> dt.datetime | None:
        with self.store.read() as s:
            row = s.get(KeyValueRow, LAST_SUCCESS_KEY)
            return dt.datetime.fromisoformat(row.value) if row else None

    # -- one pass -----------------------------------------------------------------------------------
    # -- the platform's API revision ----------------------------------------------------------------
    def capabilities(self) -> tuple[str, tuple[str, ...]]:
        """The platform's API revision and features, read once per pass (``/api/v1/health``) and
        remembered; when the platform cannot be asked, the last ones read (``TransientError`` when
        none were ever read)."""
        if self._capabilities is not None:
            return self._capabilities
        try:
            caps = self.client.capabilities()
        except TransientError:
            with self.store.read() as s:
                row = s.get(KeyValueRow, REVISION_KEY)
            if row is None:
                raise
            try:
                saved = json.loads(row.value)
                caps = (str(saved["revision"]), tuple(str(f) for f in saved["features"]))
            except (ValueError, KeyError, TypeError):
                caps = (row.value, ())
        else:
            with self.store.write() as s:
                s.merge(KeyValueRow(key=REVISION_KEY, value=json.dumps({"revision": caps[0],
                                                                         "features": list(caps[1])})))
        self._capabilities = caps
        return caps

    def api_revision(self) -> str:
        return self.capabilities()[0]

    def speaks_matters(self) -> bool:
        """API 1.1's matters (per-matter statuses, region, waybill numbers): the platform's health lists
        the feature ``matters`` (a 1.1 platform may implement other parts of 1.1 only)."""
        revision, features = self.capabilities()
        return at_least(revision, "1.1") and "matters" in features

    def run_once(self, *, push: bool = True, pull: bool = True, catalog: bool = True) -> PassResult:
        result = PassResult()
        self._capabilities = None  # asked again in every pass (a platform may have been upgraded)
        self.publish_state(running=True)
        try:
            if push:
                self.push(result)
            if pull and not (result.needs_login or result.unreachable or self.cancel.is_set()):
                try:
                    result.updates_applied = self.pull_updates()
                except TransientError as exc:
                    result.errors.append(exc.message)
                    result.unreachable = result.unreachable or exc.unreachable
            if catalog and not (result.needs_login or result.unreachable or self.cancel.is_set()):
                try:
                    result.catalog_updated = self.refresh_catalog()
                except (TransientError, PermanentError, LocalProblem) as exc:
                    result.errors.append(_message(exc))
                    if isinstance(exc, TransientError):
                        result.unreachable = result.unreachable or exc.unreachable
        except AuthError as exc:
            result.needs_login = True
            result.errors.append(exc.message)
        self._fill_pending(result)
        ok = not result.errors and not result.needs_login and not result.unreachable
        changes: dict[str, Any] = {"running": False, "needs_login": result.needs_login,
                                   "online": False if result.unreachable else True,
                                   "last_error": result.errors[-1] if result.errors else "",
                                   "waiting_for": tuple(sorted(result.waiting_for))}
        if result.needs_login:
            changes["online"] = True
        if ok:
            now = clock.now()
            changes["last_success_at"] = now
            with self.store.write() as s:
                s.merge(KeyValueRow(key=LAST_SUCCESS_KEY, value=now.isoformat()))
        if not (result.needs_login or result.unreachable or self.cancel.is_set()):
            self.report_health(changes.get("last_success_at") or self._state.last_success_at)
        self.publish_state(**changes)
        return result

    def report_health(self, last_success_at: dt.datetime | None, *, force: bool = False) -> bool:
        """Sends the health report when due; True when the platform recorded it. Never raises for
        anything the platform or the network does: the pass's outcome does not depend on it."""
        import time

        from clerk.events import UpdateStatusChanged
        from clerk.sync import health

        if not self.device_id or not self._health_supported:
            return False
        now = time.monotonic()
        if not force and self._health_sent is not None and now - self._health_sent < self.health_every_s:
            return False
        self._health_sent = now
        try:
            reply = self.client.post_health(self.device_id, health.build_report(self.store, self.window,
                                                                                last_success_at))
        except SyncError as exc:
            log.info("health report not sent: %s", exc.message)
            return False
        if reply is None:
            log.info("the platform has no health endpoint (API v1): not reporting again this session")
            self._health_supported = False
            return False
        status, changed = health.remember_update(self.store, reply)
        if changed:
            self.events.publish(UpdateStatusChanged(status))
        return True

    def _fill_pending(self, result: PassResult) -> None:
        now = clock.now()
        due, waiting, nxt = 0, 0, None
        with self.store.read() as s:
            rows = s.execute(select(OutboxRow.kind, OutboxRow.case_uuid, OutboxRow.next_attempt_at)
                             .where(OutboxRow.state == PENDING)).all()
            blocked = self._blocked_cases(s)
        for kind, case_uuid, at in rows:
            if kind != "case" and case_uuid in blocked:
                continue
            if at is not None and at > now:
                waiting += 1
                nxt = at if nxt is None or at < nxt else nxt
            else:
                due += 1
        due = max(0, due - result.waiting_items)  # they wait for a login, not for time
        result.pending_due, result.pending_waiting, result.next_attempt_at = due, waiting, nxt

    @staticmethod
    def _blocked_cases(s: Any) -> set[str]:
        """Cases whose own row is not done yet: their events wait."""
        return set(s.execute(select(OutboxRow.case_uuid).where(OutboxRow.kind == "case", OutboxRow.state != DONE))
                   .scalars())

    # -- push ---------------------------------------------------------------------------------------
    def push(self, result: PassResult | None = None) -> PassResult:
        """Pushes every due pending row in order; raises AuthError on a 401 (nothing is lost)."""
        result = result or PassResult()
        now = clock.now()
        with self.store.read() as s:
            rows = s.execute(select(OutboxRow.id, OutboxRow.kind, OutboxRow.case_uuid, OutboxRow.next_attempt_at)
                             .where(OutboxRow.state == PENDING).order_by(OutboxRow.id)).all()
            blocked = self._blocked_cases(s)
        consecutive = 0
        for item_id, kind, case_uuid, at in rows:
            if self.cancel.is_set():
                result.stopped_early = True
                break
            if at is not None and at > now:
                continue
            if kind in ("event",) and case_uuid in blocked:
                continue
            progress = _Progress()
            try:
                self._push_item(item_id, progress, result.waiting_for)
            except WaitForLogin as exc:
                result.waiting_for.add(exc.username)
                result.waiting_items += 1
                if kind == "case":
                    blocked.add(case_uuid or "")
                continue
            except AuthError:
                raise
            except TransientError as exc:
                result.retry_later += 1
                result.errors.append(exc.message)
                self._reschedule(item_id, exc, progress)
                consecutive = 0 if progress.made else consecutive + 1
                if exc.unreachable or consecutive >= self.max_consecutive_transient:
                    result.unreachable = result.unreachable or exc.unreachable
                    result.stopped_early = True
                    break
                if kind == "case":
                    blocked.add(case_uuid or "")
                continue
            except (PermanentError, LocalProblem) as exc:
                result.parked += 1
                self._park(item_id, _message(exc), progress)
                if kind == "case":
                    blocked.add(case_uuid or "")
                consecutive = 0
                continue
            consecutive = 0
            result.pushed += 1
            if kind == "case":
                blocked.discard(case_uuid or "")
            self._maybe_publish()
        return result

    def _maybe_publish(self) -> None:
        now = clock.now()
        last = getattr(self, "_last_publish", None)
        if last is None or (now - last).total_seconds() >= 0.5:
            self._last_publish = now
            self.publish_state()

    def _client_of(self, payload: dict[str, Any], waiting: set[str]) -> PlatformClient:
        """The client whose token is the operator's the document names (see the module docstring)."""
        operator = payload.get("operator")
        if not isinstance(operator, str) or not operator or self.username is None or operator == self.username:
            return self.client
        if operator in waiting:
            raise WaitForLogin(operator)
        other = self.client_for(operator) if self.client_for is not None else None
        if other is None:
            raise WaitForLogin(operator)
        return other

    def _push_item(self, item_id: int, progress: _Progress, waiting: set[str] | None = None) -> None:
        with self.store.read() as s:
            row = s.get(OutboxRow, item_id)
            if row is None or row.state != PENDING:
                return
            kind, key, case_uuid, payload = row.kind, row.idempotency_key, row.case_uuid, dict(row.payload)
        client = self.client
        if kind in ("case", "evaluation"):
            client = self._client_of(payload, waiting if waiting is not None else set())
        try:
            self._send_item(client, kind, key, case_uuid, payload, progress)
        except AuthError:
            if client is self.client:
                raise
            raise WaitForLogin(str(payload.get("operator"))) from None
        self._mark_done(item_id, case_uuid, progress.platform_case_id)

    def _send_item(self, client: PlatformClient, kind: str, key: str, case_uuid: str | None,
                   payload: dict[str, Any], progress: _Progress) -> None:
        if kind == "case":
            payload = self._licences_first(client, case_uuid, payload)
            receipt = client.post_case(wire_case_document(payload, field_visit=self._field_visit(payload),
                                                          v11=self.speaks_matters()), key)
            progress.made = True
            progress.platform_case_id = receipt.platform_case_id
            self._upload_missing(receipt.case_uuid, receipt.missing_files, document_files(payload), progress,
                                 client)
        elif kind == "event":
            if not case_uuid:
                raise LocalProblem("事件缺少所属案件（case_uuid）")
            wire = wire_event(payload, v11=self.speaks_matters())
            if wire is None:  # a partial hand-over a v1 platform cannot take: the last one delivers the case
                log.info("partial hand-over %s of %s kept locally (the platform speaks API v1)", key, case_uuid)
                return
            receipt = client.post_event(case_uuid, wire, key)
            progress.made = True
            if payload.get("type") == "supplement":
                self._upload_missing(case_uuid, receipt.missing_files, document_files(payload), progress, client)
        elif kind == "evaluation":
            client.post_evaluation(payload, key)
        else:
            raise LocalProblem(f"未知的待同步类型“{kind}”")

    def _licences_first(self, client: PlatformClient, case_uuid: str | None, payload: dict[str, Any]) -> dict[str, Any]:
        """待核验电子证照 are fetched and attached before the case goes; one that cannot be had parks
        the case with the reason (``clerk.elicence``): it is never sent with the material waived."""
        from clerk.elicence.service import LicenceError, resolve_pending

        if not case_uuid:
            return payload
        catalog = getattr(self.ctx, "catalog", None)
        try:
            return resolve_pending(self.store, self.pages, lambda row: catalog.bundle(row.bundle_code) if catalog
                                   else None, client, case_uuid, payload)
        except LicenceError as exc:
            raise LocalProblem(str(exc)) from None
        except KeyError:
            raise LocalProblem("案件的一件事不在当前目录中，无法调用待核验电子证照") from None

    def _field_visit(self, payload: dict[str, Any]) -> bool:
        """A case taken by field staff (only the ``field`` role) at a window not theirs: a visit."""
        operator = payload.get("operator")
        if not isinstance(operator, str):
            return False
        with self.store.read() as s:
            row = s.get(OperatorRow, operator)
            if row is None:
                return False
            roles, windows = set(row.roles or ()), set(row.windows or ())
        return roles == {"field"} and payload.get("window") not in windows

    def _upload_missing(self, case_uuid: str, missing: tuple[str, ...], known: dict[str, tuple[int, str]],
                        progress: _Progress, client: PlatformClient | None = None) -> None:
        """PUTs every missing file, then asks the platform again until it confirms none is missing."""
        for _round in range(3):
            if not missing:
                return
            for sha in missing:
                if self.cancel.is_set():
                    raise TransientError("同步已停止")
                if not self.pages.has(sha):
                    raise LocalProblem(f"本机材料库中缺少文件 {sha[:12]}…（平台需要它）")
                size, media = known.get(sha) or (0, "")
                if not size or not media:
                    size, media = self._blob_facts(sha, size, media)
                (client or self.client).put_file(case_uuid, sha, _local_chunks(self.pages, sha), size, media)
                progress.made = True
            missing = (client or self.client).get_case(case_uuid).missing_files
        if missing:
            raise TransientError(f"上传后平台仍缺少 {len(missing)} 个文件")

    def _blob_facts(self, sha: str, size: int, media: str) -> tuple[int, str]:
        """Plaintext size and media type from the blob record (the file on disk may be encrypted)."""
        with self.store.read() as s:
            blob = s.get(BlobRow, sha)
        if blob is not None:
            return size or blob.size, media or blob.media_type
        if not size and not self.pages.encrypted:
            size = os.path.getsize(self.pages.path(sha))
        if not size:
            raise LocalProblem(f"本机没有文件 {sha[:12]}… 的大小记录，无法上传")
        return size, media or "application/octet-stream"

    @staticmethod
    def _record_platform_id(s: Any, case_uuid: str | None, platform_case_id: str | None) -> None:
        if not platform_case_id or not case_uuid:
            return
        row = s.get(CaseRow, case_uuid)
        if row is not None and row.platform_case_id != platform_case_id:
            row.platform_case_id = platform_case_id

    def _mark_done(self, item_id: int, case_uuid: str | None = None, platform_case_id: str | None = None) -> None:
        with self.store.write() as s:
            self._record_platform_id(s, case_uuid, platform_case_id)
            row = s.get(OutboxRow, item_id)
            if row is not None:
                row.state = DONE
                row.done_at = clock.now()
                row.next_attempt_at = None
                row.last_error = ""

    def backoff_delay(self, attempts: int, retry_after: float | None) -> float:
        """Full jitter: uniform(0, min(cap, base·2^(attempts-1))), at least ``Retry-After``."""
        ceiling = min(self.backoff_cap_s, self.backoff_base_s * (2 ** max(0, min(attempts - 1, 30))))
        delay = self.rng.uniform(0, ceiling)
        if retry_after is not None:
            delay = max(delay, min(retry_after, 24 * 3600.0))
        return delay

    def _reschedule(self, item_id: int, exc: TransientError, progress: _Progress) -> None:
        with self.store.write() as s:
            row = s.get(OutboxRow, item_id)
            if row is None:
                return
            self._record_platform_id(s, row.case_uuid, progress.platform_case_id)
            row.attempts = 1 if progress.made else row.attempts + 1
            row.next_attempt_at = clock.now() + dt.timedelta(seconds=self.backoff_delay(row.attempts, exc.retry_after))
            row.last_error = exc.message[:2000]

    def _park(self, item_id: int, message: str, progress: _Progress | None = None) -> None:
        with self.store.write() as s:
            row = s.get(OutboxRow, item_id)
            if row is None:
                return
            if progress is not None:
                self._record_platform_id(s, row.case_uuid, progress.platform_case_id)
            row.state = PARKED
            row.attempts += 1
            row.next_attempt_at = None
            row.last_error = message[:2000]
        log.info("outbox item %s parked: %s", item_id, message)

    # -- problems view --------------------------------------------------------------------------------
    def list_problems(self) -> list[Problem]:
        with self.store.read() as s:
            rows = s.execute(select(OutboxRow, CaseRow.case_no).outerjoin(CaseRow, CaseRow.case_uuid == OutboxRow.case_uuid)
                             .where(OutboxRow.state == PARKED).order_by(OutboxRow.id)).all()
            return [Problem(r.id, r.kind, r.case_uuid, case_no or "", r.last_error, r.attempts, r.created_at)
                    for r, case_no in rows]

    def retry(self, item_id: int) -> None:
        """Puts a parked item back in the queue (after a person fixed the cause)."""
        with self.store.write() as s:
            row = s.get(OutboxRow, item_id)
            if row is None or row.state != PARKED:
                raise LookupError(f"没有待处理的问题项 #{item_id}")
            row.state = PENDING
            row.attempts = 0
            row.next_attempt_at = None
        self.publish_state()

    def discard(self, item_id: int, reason: str, operator: str = "") -> None:
        """Gives up on a parked item for good; a reason (at least 4 characters) is required."""
        reason = reason.strip()
        if len(reason) < 4:
            raise ValueError("放弃同步须写明理由（至少 4 个字）")
        with self.store.write() as s:
            row = s.get(OutboxRow, item_id)
            if row is None or row.state != PARKED:
                raise LookupError(f"没有待处理的问题项 #{item_id}")
            row.state = DISCARDED
            row.done_at = clock.now()
            row.last_error = f"已放弃（{operator or '-'}）：{reason}；原错误：{row.last_error}"[:2000]
        log.warning("outbox item %s discarded by %s: %s", item_id, operator or "-", reason)
        self.publish_state()

    # -- pull ---------------------------------------------------------------------------------------
    def pull_updates(self) -> int:
        """Reads the case-updates feed from the saved cursor; returns how many statuses changed here."""
        total = 0
        while not self.cancel.is_set():
            with self.store.read() as s:
                row = s.get(KeyValueRow, CURSOR_KEY)
                cursor = row.value if row else None
            page = self.client.get_updates(cursor, self.updates_page)
            applied: list[tuple[str, str, str]] = []
            with self.store.write() as s:
                for u in page.items:
                    if self._apply_update(s, u) is not None:
                        applied.append((u.case_uuid, u.status, u.note))
                if page.next and page.next != cursor:
                    s.merge(KeyValueRow(key=CURSOR_KEY, value=page.next))
            for case_uuid, status, note in applied:
                self.events.publish(CaseUpdated(case_uuid, status, note))
            total += len(applied)
            if len(page.items) < self.updates_page or not page.items or page.next == cursor:
                break
        return total

    @staticmethod
    def _apply_update(s: Any, u: CaseUpdate) -> str | None:
        """Applies one feed line; returns the case's (derived) status when anything changed here.

        A line naming matters (API 1.1) moves those matters, each through the lifecycle; a line without
        (API v1, or a v1 case) is the case's status and moves every matter that may take it. Moves the
        lifecycle does not allow here are ignored (logged)."""
        from clerk.intake import matters as matter_rows

        row = s.get(CaseRow, u.case_uuid)
        if row is None:
            return None  # a case of another workstation
        try:
            current = CaseStatus(row.status)
        except ValueError:
            return None
        try:
            at_dt = dt.datetime.fromisoformat(u.at) if u.at else clock.now()
        except ValueError:
            at_dt = clock.now()
        changed = False
        if u.matters and row.matter_rows:
            by_code = {m.code: m for m in row.matter_rows}
            for ms in u.matters:
                target = lifecycle.PLATFORM_STATUS.get(ms.status)
                mrow = by_code.get(ms.code)
                if target is None or mrow is None:
                    log.info("platform status %r of matter %r of %s ignored", ms.status, ms.code, u.case_uuid)
                    continue
                if ms.project_no and (mrow.info or {}).get("project_no") != ms.project_no:
                    mrow.info = {**(mrow.info or {}), "project_no": ms.project_no}  # 办件编号, kept once given
                    changed = True
                if matter_rows.move_one(mrow, target, u.note, at_dt):
                    changed = True
                elif CaseStatus(mrow.status) is not target:
                    log.info("platform move %s → %s of matter %s of %s ignored (not allowed here)",
                             mrow.status, target.value, ms.code, u.case_uuid)
            if changed:
                matter_rows.rederive(row)
        else:
            target_value = lifecycle.PLATFORM_STATUS.get(u.status)
            if target_value is None:
                log.info("unknown platform status %r for %s ignored", u.status, u.case_uuid)
                return None
            if current is target_value and not row.matter_rows:
                return None
            if not row.matter_rows and not lifecycle.can(current, target_value):
                log.info("platform move %s → %s of %s ignored (not allowed here)", current.value, target_value.value,
                         u.case_uuid)
                return None
            changed = bool(matter_rows.move_all(row, target_value, u.note, at_dt))
        if not changed:
            return None
        row.platform_note = u.note
        row.platform_updated_at = at_dt
        row.updated_at = clock.now()
        _append_timeline(s, u.case_uuid, str(row.status), u.note, at_dt)
        return str(row.status)

    # -- catalog --------------------------------------------------------------------------------------
    def refresh_catalog(self, *, force: bool = False) -> bool:
        """Fetches the catalog when due; True when a new one replaced the current one."""
        import time

        now = time.monotonic()
        if not force and self._catalog_checked is not None and now - self._catalog_checked < self.catalog_every_s:
            return False
        cache: Path = self.ctx.paths.catalog_cache
        with self.store.read() as s:
            row = s.get(KeyValueRow, CATALOG_ETAG_KEY)
            etag = row.value if row and cache.exists() else None
        reply = self.client.get_catalog(etag)
        self._catalog_checked = now
        if reply.not_modified or reply.document is None:
            return False
        from clerk.catalog.loader import CatalogError, catalog_from_json

        try:
            catalog = catalog_from_json(reply.document)
        except (CatalogError, ValueError) as exc:
            raise LocalProblem(f"平台下发的事项目录无法使用：{exc}") from None
        _write_atomic(cache, json.dumps(reply.document, ensure_ascii=False).encode("utf-8"))
        with self.store.write() as s:
            s.merge(KeyValueRow(key=CATALOG_ETAG_KEY, value=reply.etag or ""))
        self.ctx.replace_catalog(catalog)
        return True


@dataclass
class _Progress:
    made: bool = False
    platform_case_id: str | None = None


def _local_chunks(pages: PageStore, sha: str) -> Iterator[bytes]:
    """The file's plaintext for an upload; a damaged or vanished local file becomes a LocalProblem
    (not an OSError, which the HTTP stack would take for a network failure and retry forever)."""
    try:
        yield from pages.iter_chunks(sha, UPLOAD_CHUNK)
    except OSError as exc:
        raise LocalProblem(f"本机材料文件无法读取：{exc}") from None


def _message(exc: BaseException) -> str:
    if isinstance(exc, PermanentError):
        return exc.describe()
    if isinstance(exc, SyncError):
        return exc.message
    return str(exc)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data, prefix=".catalog-")


TIMELINE_KEY = "timeline.{case_uuid}"
"""Each platform status change of a case, kept for its case file (``clerk.casefile``)."""


def _append_timeline(s: Any, case_uuid: str, status: str, note: str, at: dt.datetime) -> None:
    key = TIMELINE_KEY.format(case_uuid=case_uuid)
    row = s.get(KeyValueRow, key)
    try:
        items = json.loads(row.value) if row is not None else []
    except ValueError:
        items = []
    items.append({"at": at.isoformat(), "status": status, "note": note})
    s.merge(KeyValueRow(key=key, value=json.dumps(items[-100:], ensure_ascii=False)))

"""The print queue (打印队列): every printout is stored before it is sent, so a stopped printer loses nothing.

A document is rendered from the stored case (never from widgets), its PDF put in the page store and
a ``PrintJobRow`` (``queued``) written in one transaction; then the printer is tried. A printer that
is stopped, out of paper or unreachable leaves the job ``queued`` (retry when it is back); one that
cannot take it at all (queue missing) marks it ``failed`` — retry it on another printer. Either way
the PDF stays in the page store until the job is printed or cancelled.

Printing itself lives above the core: the renderer and the printers come from ``clerk.plugins``
(entry points of ``printing``); this module never imports ``printing``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk import clock
from clerk.documents import DOCUMENTS
from clerk.errors import ClerkError
from clerk.events import EventBus, PrintQueueChanged
from clerk.materials.pagestore import PageStore
from clerk.security.actor import Actor, Permission
from clerk.store import Store
from clerk.store.models import BlobRow, PrintJobRow

log = logging.getLogger(__name__)

KIND_LABELS: dict[str, str] = {kind: d.title for kind, d in DOCUMENTS.items()}
"""The case documents (kind → title): ``clerk.documents``, the one registry ``printing`` renders from."""

STATE_LABELS = {"queued": "待打印", "printed": "已打印", "failed": "打印失败", "cancelled": "已取消"}
OPEN_STATES = ("queued", "failed")
"""Jobs still waiting for a printer (``pending``); their PDFs are kept."""


class PrinterLike(Protocol):
    name: str

    def print_pdf(self, pdf: bytes, title: str) -> str: ...


MakePrinter = Callable[[str], PrinterLike]


class PrintJobNotFound(ClerkError, LookupError):
    def __init__(self, job_id: int) -> None:
        super().__init__(f"打印队列中没有任务 #{job_id}")
        self.job_id = job_id


class JobClosed(ClerkError, ValueError):
    """The job was already printed or cancelled: nothing to retry or cancel."""


class CannotRender(ClerkError, ValueError):
    """The document does not fit the case (e.g. a receipt for a case not accepted); one line in Chinese."""


@dataclass(frozen=True)
class PrintJob:
    id: int
    case_uuid: str | None
    kind: str
    title: str
    sha256: str
    printer: str
    state: str
    reprint: bool
    error: str
    operator: str
    created_at: dt.datetime
    printed_at: dt.datetime | None

    @classmethod
    def from_row(cls, row: PrintJobRow) -> PrintJob:
        return cls(row.id, row.case_uuid, row.kind, row.title, row.sha256, row.printer, row.state, row.reprint,
                   row.error, row.operator, row.created_at, row.printed_at)

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)


@dataclass(frozen=True)
class PrintOutcome:
    """What one attempt did: ``printed``, or the printer's message and whether a retry may succeed."""

    job: PrintJob
    printed: bool
    message: str = ""
    retryable: bool = False
    printer_job_id: str = ""


def _default_make_printer() -> MakePrinter:
    from clerk import plugins

    factory: MakePrinter = plugins.printer_factory()
    return factory


class PrintQueue:
    """Print jobs in the local cache; publishes ``PrintQueueChanged`` (job_id, state) on every change."""

    def __init__(self, store: Store, pages: PageStore, events: EventBus | None = None) -> None:
        self.store = store
        self.pages = pages
        self.events = events

    # -- writing ----------------------------------------------------------------------------------
    def enqueue(self, pdf: bytes, *, kind: str, title: str, case_uuid: str | None, printer: str, operator: str,
                reprint: bool = False, actor: Actor | None = None) -> PrintJob:
        """Stores ``pdf`` and a ``queued`` job in one transaction (with the audit entry when ``actor`` is given).

        The file is written first: a crash in between leaves at worst an unreferenced file for
        ``store gc``, never a job without its document.
        """
        blob = self.pages.put_bytes(pdf)
        with self.store.write() as s:
            if s.get(BlobRow, blob.sha256) is None:
                s.add(BlobRow(sha256=blob.sha256, size=blob.size, media_type="application/pdf",
                              created_at=clock.now()))
                s.flush()
            row = PrintJobRow(case_uuid=case_uuid, kind=kind, title=title[:200], sha256=blob.sha256,
                              printer=printer[:100], state="queued", reprint=reprint, error="", operator=operator,
                              created_at=clock.now())
            s.add(row)
            s.flush()
            if actor is not None:
                _audit(s, actor, case_uuid, row)
            job = PrintJob.from_row(row)
        self._changed(job)
        return job

    def try_print(self, job_id: int, make_printer: MakePrinter | None = None) -> PrintOutcome:
        """Sends a queued (or failed) job to its printer once.

        Printed → ``printed`` with ``printed_at``. A printer error that may pass (stopped, no paper,
        CUPS down: ``retryable``) keeps it ``queued``; any other marks it ``failed``. The message is
        kept in ``error`` and the PDF stays in the store either way.
        """
        job = self.get(job_id)
        if job.state not in OPEN_STATES:
            raise JobClosed(f"任务 #{job_id} {job.state_label}，无需再打印")
        factory = make_printer or _default_make_printer()
        try:
            pdf = self.pages.read(job.sha256)
            printer = factory(job.printer)
            printer_job_id = printer.print_pdf(pdf, job.title)
        except Exception as exc:  # a plugin's error: keep the job, report the message  # noqa: BLE001
            retryable = bool(getattr(exc, "retryable", False))
            message = str(exc) or type(exc).__name__
            log.info("print job %s on %r not printed: %s", job_id, job.printer, getattr(exc, "detail", "") or exc)
            job = self._set(job_id, state="queued" if retryable else "failed", error=message)
            return PrintOutcome(job, False, message, retryable)
        job = self._set(job_id, state="printed", error="", printed_at=clock.now())
        return PrintOutcome(job, True, printer_job_id=printer_job_id)

    def retry(self, job_id: int, printer: str | None = None, *,
              make_printer: MakePrinter | None = None) -> PrintOutcome:
        """Tries a queued or failed job again, on ``printer`` (a printer spec) if given."""
        job = self.get(job_id)
        if job.state not in OPEN_STATES:
            raise JobClosed(f"任务 #{job_id} {job.state_label}，不能重试")
        if printer is not None and printer.strip() and printer.strip() != job.printer:
            self._set(job_id, printer=printer.strip()[:100])
        return self.try_print(job_id, make_printer)

    def cancel(self, job_id: int) -> PrintJob:
        """Cancels a job not yet printed (its PDF may then be collected by ``store gc``)."""
        job = self.get(job_id)
        if job.state not in OPEN_STATES:
            raise JobClosed(f"任务 #{job_id} {job.state_label}，不能取消")
        return self._set(job_id, state="cancelled")

    # -- reading ----------------------------------------------------------------------------------
    def get(self, job_id: int) -> PrintJob:
        with self.store.read() as s:
            row = s.get(PrintJobRow, job_id)
            if row is None:
                raise PrintJobNotFound(job_id)
            return PrintJob.from_row(row)

    def document(self, job_id: int) -> bytes:
        """The job's PDF as it was (or will be) printed."""
        return self.pages.read(self.get(job_id).sha256)

    def pending(self) -> list[PrintJob]:
        """Jobs waiting for a printer (queued or failed), oldest first."""
        return self.jobs(OPEN_STATES)

    def jobs(self, states: Sequence[str] | None = None, *, limit: int = 1000) -> list[PrintJob]:
        """Jobs in ``states`` (all when None), oldest first; at most the newest ``limit``."""
        with self.store.read() as s:
            q = select(PrintJobRow)
            if states is not None:
                q = q.where(PrintJobRow.state.in_(tuple(states)))
            rows = s.execute(q.order_by(PrintJobRow.id.desc()).limit(limit)).scalars().all()
            return [PrintJob.from_row(r) for r in reversed(rows)]

    def history(self, case_uuid: str) -> list[PrintJob]:
        """Every job of a case, oldest first."""
        with self.store.read() as s:
            rows = s.execute(select(PrintJobRow).where(PrintJobRow.case_uuid == case_uuid)
                             .order_by(PrintJobRow.id)).scalars().all()
            return [PrintJob.from_row(r) for r in rows]

    def was_printed(self, case_uuid: str, kind: str) -> bool:
        """Whether a ``kind`` document of the case was printed before (a new one is then a 补打)."""
        with self.store.read() as s:
            found = s.execute(select(PrintJobRow.id).where(
                PrintJobRow.case_uuid == case_uuid, PrintJobRow.kind == kind, PrintJobRow.state == "printed",
            ).limit(1)).scalar_one_or_none()
            return found is not None

    # -- internals --------------------------------------------------------------------------------
    def _set(self, job_id: int, **values: Any) -> PrintJob:
        with self.store.write() as s:
            row = s.get(PrintJobRow, job_id)
            if row is None:
                raise PrintJobNotFound(job_id)
            for k, v in values.items():
                setattr(row, k, v)
            s.flush()
            job = PrintJob.from_row(row)
        self._changed(job)
        return job

    def _changed(self, job: PrintJob) -> None:
        if self.events is not None:
            self.events.publish(PrintQueueChanged(job.id, job.state))


def _audit(s: Session, actor: Actor, case_uuid: str | None, row: PrintJobRow) -> None:
    from clerk.security import audit

    audit.append(s, actor, audit.AuditAction.REPRINT if row.reprint else audit.AuditAction.PRINT, case_uuid,
                 {"kind": row.kind, "job_id": row.id, "printer": row.printer})


def render_document(ctx: Any, case_uuid: str, kind: str, *, reprint_at: dt.datetime | None = None,
                    signature: bytes | None = None) -> bytes:
    """The ``kind`` document rendered from the stored case (``ctx.intake.get``) by the printing component.

    Raises ``CaseNotFound``, ``CannotRender`` (the kind does not fit the case's state) or
    ``ComponentMissing`` (printing not installed).
    """
    return _render(ctx, ctx.intake.get(case_uuid), kind, reprint_at=reprint_at, signature=signature)


def _render(ctx: Any, view: Any, kind: str, *, reprint_at: dt.datetime | None, signature: bytes | None) -> bytes:
    from clerk import plugins

    render = plugins.document_renderer()
    options: dict[str, Any] = {"reprint_at": reprint_at}
    if signature is not None:
        options["signature"] = signature
    try:
        return render(kind, view, ctx.settings.hall, **options)
    except ValueError as exc:  # printing's WrongKind, or a signature image it cannot read
        raise CannotRender(str(exc)) from exc


def save_pdf(ctx: Any, case_uuid: str, kind: str, **options: Any) -> Path:
    """Renders a case document into ``data_dir/prints/<case_no>-<kind>.pdf`` and returns the path: for the
    documents handed over as a file (送达回证 with ``handover=``, 补正材料通知书 with ``request=``, the visit's
    receipt). Raises ``CannotRender`` when the document does not fit the case."""
    from clerk import plugins
    from clerk.atomic import write_atomic

    view = ctx.intake.get(case_uuid)
    try:
        pdf = plugins.document_renderer()(kind, view, ctx.settings.hall, **options)
    except ValueError as exc:  # printing's WrongKind
        raise CannotRender(str(exc)) from exc
    out_dir = ctx.paths.data_dir / "prints"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{view.case_no}-{kind}.pdf"
    write_atomic(out, pdf, prefix=".print-", suffix=".pdf")
    return Path(out)


def document_title(kind: str, case_no: str, *, reprint: bool = False) -> str:
    return f"{KIND_LABELS.get(kind, kind)} {case_no}" + ("（补打）" if reprint else "")


def export_document(ctx: Any, actor: Actor, case_uuid: str, kind: str) -> bytes:
    """The document as a PDF file (另存为): marked 补打 when one was printed before; audited as an export."""
    from clerk.security import audit

    actor.require(Permission.PRINT)
    queue: PrintQueue = ctx.print_queue
    reprint = queue.was_printed(case_uuid, kind)
    pdf = render_document(ctx, case_uuid, kind, reprint_at=clock.now() if reprint else None)
    audit.record(ctx.store, actor, audit.AuditAction.EXPORT, case_uuid, {"kind": kind, "reprint": reprint})
    return pdf


def print_document(ctx: Any, actor: Actor, case_uuid: str, kind: str, printer_spec: str, *, reprint: bool = False,
                   signature: bytes | None = None, make_printer: MakePrinter | None = None) -> PrintOutcome:
    """Renders the ``kind`` document of the stored case, queues it for ``printer_spec`` and tries once.

    A second print of a document already printed for the case is a reprint (补打): detected here,
    marked on every page with the time, and audited as ``reprint`` (a first print as ``print``).
    The job stays in the queue when the printer fails (see ``PrintQueue.try_print``).
    """
    actor.require(Permission.PRINT)
    queue: PrintQueue = ctx.print_queue
    view = ctx.intake.get(case_uuid)
    reprint = reprint or queue.was_printed(case_uuid, kind)
    pdf = _render(ctx, view, kind, reprint_at=clock.now() if reprint else None, signature=signature)
    job = queue.enqueue(pdf, kind=kind, title=document_title(kind, view.case_no, reprint=reprint),
                        case_uuid=case_uuid, printer=printer_spec, operator=actor.username, reprint=reprint,
                        actor=actor)
    return queue.try_print(job.id, make_printer)


__all__ = [
    "KIND_LABELS", "CannotRender", "JobClosed", "PrintJob", "PrintJobNotFound", "PrintOutcome", "PrintQueue",
    "document_title", "export_document", "print_document", "render_document", "save_pdf",
]

"""The print queue in the core: stored before sent, kept when the printer fails, reprints marked 补打."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clerk.events import PrintQueueChanged
from clerk.intake.service import CaseNotFound
from clerk.printjobs import (
    CannotRender,
    JobClosed,
    PrintJobNotFound,
    PrintQueue,
    export_document,
    print_document,
    render_document,
)
from clerk.security import audit
from clerk.security.actor import Actor, Role
from clerk.store.models import BlobRow, PrintJobRow
from tests.helpers.printing import pages_text, squeezed

SUPERVISOR = Actor("boss", roles=(Role.SUPERVISOR,), window="")


@pytest.fixture
def accepted(ctx: Any, clerk_actor: Any, people: Any) -> Any:
    from clerk.demo import take_demo_case

    return take_demo_case(ctx, clerk_actor, people, "newborn", answers={"settle_with": "father"})


@pytest.fixture
def queue(ctx: Any) -> PrintQueue:
    return PrintQueue(ctx.store, ctx.pages, ctx.events)


def _events(ctx: Any) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    ctx.events.subscribe(PrintQueueChanged, lambda e: seen.append({"job_id": e.job_id, "state": e.state}))
    return seen


def _audit_actions(ctx: Any, case_uuid: str) -> list[str]:
    return [e.action for e in reversed(audit.list_entries(ctx.store, SUPERVISOR, case_uuid=case_uuid))]


def test_enqueue_stores_the_document_and_a_queued_job_in_one_go(ctx: Any, queue: PrintQueue, accepted: Any,
                                                                  clerk_actor: Any) -> None:
    seen = _events(ctx)
    pdf = render_document(ctx, accepted.case_uuid, "receipt")
    job = queue.enqueue(pdf, kind="receipt", title="受理通知书 X", case_uuid=accepted.case_uuid, printer="pdf:/nowhere",
                        operator="clerk01", actor=clerk_actor)
    assert job.state == "queued" and job.printed_at is None and not job.reprint
    assert queue.document(job.id) == pdf
    with ctx.store.read() as s:
        assert s.get(BlobRow, job.sha256).media_type == "application/pdf"
        assert s.get(PrintJobRow, job.id).operator == "clerk01"
    assert [j.id for j in queue.pending()] == [job.id]
    assert seen == [{"job_id": job.id, "state": "queued"}]
    assert _audit_actions(ctx, accepted.case_uuid)[-1] == "print"


def test_print_document_prints_and_records(ctx: Any, queue: PrintQueue, accepted: Any, clerk_actor: Any,
                                           tmp_path: Path) -> None:
    seen = _events(ctx)
    out = tmp_path / "printouts"
    outcome = print_document(ctx, clerk_actor, accepted.case_uuid, "receipt", f"pdf:{out}")
    assert outcome.printed, outcome.message
    job = outcome.job
    assert job.state == "printed" and job.printed_at is not None and job.error == "" and not job.reprint
    printed = Path(outcome.printer_job_id)
    assert printed.parent == out and printed.read_bytes() == queue.document(job.id)
    text = squeezed("".join(pages_text(printed.read_bytes())))
    assert accepted.case_no in text and "受理通知书" in text and "补打" not in text
    assert queue.pending() == []
    assert [s["state"] for s in seen] == ["queued", "printed"]
    assert _audit_actions(ctx, accepted.case_uuid)[-1] == "print"


def test_second_print_is_a_reprint_marked_on_every_page(ctx: Any, queue: PrintQueue, accepted: Any,
                                                        clerk_actor: Any, tmp_path: Path) -> None:
    first = print_document(ctx, clerk_actor, accepted.case_uuid, "receipt", f"pdf:{tmp_path}")
    second = print_document(ctx, clerk_actor, accepted.case_uuid, "receipt", f"pdf:{tmp_path}")
    assert first.printed and second.printed
    assert not first.job.reprint and second.job.reprint and "补打" in second.job.title
    pages = pages_text(queue.document(second.job.id))
    assert pages and all("补打" in page for page in pages)
    assert not any("补打" in page for page in pages_text(queue.document(first.job.id)))
    assert _audit_actions(ctx, accepted.case_uuid)[-2:] == ["print", "reprint"]
    # Another kind of the same case is a first print again.
    other = print_document(ctx, clerk_actor, accepted.case_uuid, "separators", f"pdf:{tmp_path}")
    assert other.printed and not other.job.reprint
    assert [j.kind for j in queue.history(accepted.case_uuid)] == ["receipt", "receipt", "separators"]


def test_a_stopped_printer_keeps_the_job_queued_until_retry(ctx: Any, queue: PrintQueue, accepted: Any,
                                                            clerk_actor: Any, tmp_path: Path) -> None:
    blocked = tmp_path / "printer"
    blocked.write_text("not a folder")  # the save-as-PDF "printer" cannot write: a retryable I/O error
    outcome = print_document(ctx, clerk_actor, accepted.case_uuid, "receipt", f"pdf:{blocked}")
    assert not outcome.printed and outcome.retryable
    assert outcome.job.state == "queued" and outcome.message in outcome.job.error and "无法保存" in outcome.message
    assert [j.id for j in queue.pending()] == [outcome.job.id]
    kept = queue.document(outcome.job.id)
    assert kept.startswith(b"%PDF-")
    blocked.unlink()
    again = queue.retry(outcome.job.id)
    assert again.printed and again.job.state == "printed" and again.job.error == ""
    assert Path(again.printer_job_id).read_bytes() == kept
    assert queue.pending() == []


def test_a_missing_printer_fails_the_job_and_another_printer_takes_it(ctx: Any, queue: PrintQueue, accepted: Any,
                                                                      clerk_actor: Any, tmp_path: Path) -> None:
    outcome = print_document(ctx, clerk_actor, accepted.case_uuid, "receipt", "cups:")
    assert not outcome.printed and not outcome.retryable
    assert outcome.job.state == "failed" and "打印机" in outcome.job.error
    assert [j.id for j in queue.pending()] == [outcome.job.id]  # failed jobs are still waiting for a printer
    again = queue.retry(outcome.job.id, f"pdf:{tmp_path}")
    assert again.printed and again.job.printer == f"pdf:{tmp_path}"
    with pytest.raises(JobClosed):
        queue.retry(outcome.job.id)
    with pytest.raises(JobClosed):
        queue.cancel(outcome.job.id)


def test_cancel_and_unknown_jobs(ctx: Any, queue: PrintQueue, accepted: Any, clerk_actor: Any) -> None:
    outcome = print_document(ctx, clerk_actor, accepted.case_uuid, "receipt", "cups:")
    job = queue.cancel(outcome.job.id)
    assert job.state == "cancelled" and queue.pending() == []
    with pytest.raises(JobClosed):
        queue.try_print(job.id)
    with pytest.raises(PrintJobNotFound):
        queue.get(99_999)
    with pytest.raises(PrintJobNotFound):
        queue.retry(99_999)


def test_a_document_that_does_not_fit_the_case_is_refused_and_nothing_queued(
        ctx: Any, queue: PrintQueue, accepted: Any, clerk_actor: Any, tmp_path: Path) -> None:
    with pytest.raises(CannotRender) as err:
        print_document(ctx, clerk_actor, accepted.case_uuid, "refusal", f"pdf:{tmp_path}")
    assert accepted.case_no in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(CannotRender):
        print_document(ctx, clerk_actor, accepted.case_uuid, "one_time_notice", f"pdf:{tmp_path}")
    with pytest.raises(CaseNotFound):
        print_document(ctx, clerk_actor, "no-such-case", "receipt", f"pdf:{tmp_path}")
    assert queue.history(accepted.case_uuid) == [] and queue.pending() == []


def test_export_after_a_print_is_marked_and_audited(ctx: Any, accepted: Any, clerk_actor: Any,
                                                   tmp_path: Path) -> None:
    assert "补打" not in "".join(pages_text(export_document(ctx, clerk_actor, accepted.case_uuid, "receipt")))
    print_document(ctx, clerk_actor, accepted.case_uuid, "receipt", f"pdf:{tmp_path}")
    pages = pages_text(export_document(ctx, clerk_actor, accepted.case_uuid, "receipt"))
    assert all("补打" in page for page in pages)
    assert _audit_actions(ctx, accepted.case_uuid)[-3:] == ["export", "print", "export"]


def test_demo_step_writes_the_receipt_into_printouts(ctx: Any, accepted: Any) -> None:
    from printing.demo import demo_step

    lines = list(demo_step(ctx, accepted, with_server=False))
    assert len(lines) == 1 + (1 if accepted.deferred else 0)
    files = sorted((ctx.paths.data_dir / "printouts").glob("*.pdf"))
    assert len(files) == len(lines)
    for line in lines:
        assert any(str(f) in line for f in files)
    assert any("受理通知书" in f.name for f in files)

"""Printer backends: save-as-PDF, and a real CUPS queue on the cups-pdf backend."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from clerk.intake.model import CaseView
from clerk.settings import HallSettings
from printing import CupsPrinter, PdfFilePrinter, PrinterError, render_receipt
from printing.backends import PrinterErrorKind
from tests.helpers.printing import RUN, CupsPdfQueue, all_codes


@pytest.fixture(scope="module")
def receipt_pdf() -> bytes:
    from printing.samples import sample_case

    return render_receipt(sample_case(), HallSettings())


def test_pdf_file_printer_saves_each_job(tmp_path: Path, receipt_pdf: bytes) -> None:
    printer = PdfFilePrinter(tmp_path / "out")
    first = Path(printer.print_pdf(receipt_pdf, "受理通知书 230102/0012"))
    second = Path(printer.print_pdf(receipt_pdf, "受理通知书 230102/0012"))
    assert first != second
    assert first.parent == tmp_path / "out" and "/" not in first.name[:-4].split("-", 2)[-1]
    assert first.read_bytes() == receipt_pdf == second.read_bytes()
    assert not list((tmp_path / "out").glob(".print-*"))


def test_pdf_file_printer_errors_are_typed(tmp_path: Path, receipt_pdf: bytes) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(PrinterError) as err:
        PdfFilePrinter(blocker / "sub").print_pdf(receipt_pdf, "x")
    assert err.value.kind is PrinterErrorKind.IO and "无法保存" in str(err.value)
    with pytest.raises(PrinterError) as err:
        PdfFilePrinter(tmp_path).print_pdf(b"hello", "x")
    assert err.value.kind is PrinterErrorKind.NOT_PDF


def test_missing_lp_is_a_clear_error(receipt_pdf: bytes) -> None:
    printer = CupsPrinter("ClerkPDF", lp="/nonexistent/lp", lpstat="/nonexistent/lpstat")
    with pytest.raises(PrinterError) as err:
        printer.print_pdf(receipt_pdf, "x")
    assert err.value.kind is PrinterErrorKind.NO_CUPS_CLIENT
    assert "cups-client" in str(err.value)


def test_cups_queue_lists_and_reports_state(cups_pdf_queue: CupsPdfQueue) -> None:
    assert cups_pdf_queue.name in CupsPrinter.list_queues()
    state = CupsPrinter(cups_pdf_queue.name).state()
    assert state.enabled and state.accepting and state.ready


def test_missing_queue_raises(cups_pdf_queue: CupsPdfQueue, receipt_pdf: bytes) -> None:
    with pytest.raises(PrinterError) as err:
        CupsPrinter("NoSuchQueue42").print_pdf(receipt_pdf, "x")
    assert err.value.kind is PrinterErrorKind.QUEUE_MISSING
    assert "不存在" in str(err.value) and not err.value.retryable


def test_cups_pdf_really_prints(cups_pdf_queue: CupsPdfQueue, receipt_pdf: bytes,
                                accepted_case: CaseView) -> None:
    printer = CupsPrinter(cups_pdf_queue.name)
    before = cups_pdf_queue.pdf_files()
    job = printer.print_pdf(receipt_pdf, f"receipt-test-print-{RUN}")
    assert job.startswith(f"{cups_pdf_queue.name}-")
    out = cups_pdf_queue.wait_for_new_file(before, title=f"receipt-test-print-{RUN}")
    assert out.read_bytes().startswith(b"%PDF-")
    # cups-pdf re-renders through PostScript and Ghostscript (text extraction is lost with the CJK
    # subsets), so check the printed page by its barcodes.
    assert ("Code128", accepted_case.case_no) in all_codes(out.read_bytes())


def test_stopped_printer_refuses_then_prints_after_enable(cups_pdf_queue: CupsPdfQueue, receipt_pdf: bytes,
                                                         accepted_case: CaseView) -> None:
    printer = CupsPrinter(cups_pdf_queue.name)
    subprocess.run(["cupsdisable", cups_pdf_queue.name], check=True)
    try:
        before = cups_pdf_queue.pdf_files()
        with pytest.raises(PrinterError) as err:
            printer.print_pdf(receipt_pdf, "stopped-test")
        assert err.value.kind is PrinterErrorKind.STOPPED
        assert err.value.retryable
        assert "已停止" in str(err.value)
        assert not printer.state().enabled
        assert printer.pending_jobs() == []  # nothing was submitted: the caller keeps the job
    finally:
        subprocess.run(["cupsenable", cups_pdf_queue.name], check=True)
    job = printer.print_pdf(receipt_pdf, f"after-enable-{RUN}")
    out = cups_pdf_queue.wait_for_new_file(before, title=f"after-enable-{RUN}")
    assert job and ("Code128", accepted_case.case_no) in all_codes(out.read_bytes())


def test_rejecting_queue_raises(cups_pdf_queue: CupsPdfQueue, receipt_pdf: bytes) -> None:
    subprocess.run(["cupsreject", cups_pdf_queue.name], check=True)
    try:
        with pytest.raises(PrinterError) as err:
            CupsPrinter(cups_pdf_queue.name).print_pdf(receipt_pdf, "x")
        assert err.value.kind is PrinterErrorKind.NOT_ACCEPTING
    finally:
        subprocess.run(["cupsaccept", cups_pdf_queue.name], check=True)

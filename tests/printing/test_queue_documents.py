"""``printing.documents.render``: which document fits which case, 补打 on every page, and printer specs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clerk.intake.model import CaseStatus, CaseView, MaterialStatus
from clerk.settings import HallSettings
from printing.backends import CupsPrinter, PdfFilePrinter, PrinterError, PrinterErrorKind, make_printer
from printing.documents import UnknownKind, WrongKind, render
from printing.samples import sample_case
from tests.helpers.printing import pages_text, squeezed

REPRINT_AT = dt.datetime(2026, 11, 24, 10, 5)


def _case(status: CaseStatus, **kw: object) -> CaseView:
    return sample_case(status, **kw)  # type: ignore[arg-type]


STATUSES = [CaseStatus.DRAFT, CaseStatus.ACCEPTED, CaseStatus.NOTIFIED, CaseStatus.REJECTED, CaseStatus.IN_REVIEW,
            CaseStatus.READY_FOR_PICKUP, CaseStatus.DELIVERED]
LATER = {CaseStatus.ACCEPTED, CaseStatus.IN_REVIEW, CaseStatus.READY_FOR_PICKUP, CaseStatus.DELIVERED}
FITS = {
    # kind: the statuses it may be printed in (the sample case has provided, deferred and e-licence materials)
    "receipt": LATER,
    "commitment": LATER | {CaseStatus.DRAFT},
    "refusal": {CaseStatus.REJECTED},
    "separators": set(STATUSES) - {CaseStatus.REJECTED},
}


@pytest.mark.parametrize("kind", list(FITS))
@pytest.mark.parametrize("status", STATUSES)
def test_kind_fits_state(kind: str, status: CaseStatus) -> None:
    case = _case(status)
    assert case.deferred  # the sample has deferred materials
    if status in FITS[kind]:
        assert render(kind, case, HallSettings()).startswith(b"%PDF-")
    else:
        with pytest.raises(WrongKind) as err:
            render(kind, case, HallSettings())
        message = str(err.value)
        assert case.case_no in message and "\n" not in message and "不能打印" in message
        assert isinstance(err.value, ValueError) and err.value.kind == kind


def test_one_time_notice_needs_a_notified_case_or_a_draft_with_missing_materials() -> None:
    assert render("one_time_notice", _case(CaseStatus.NOTIFIED, missing=3), HallSettings()).startswith(b"%PDF-")
    assert render("one_time_notice", _case(CaseStatus.DRAFT, missing=2), HallSettings()).startswith(b"%PDF-")
    with pytest.raises(WrongKind, match="没有缺少的材料"):
        render("one_time_notice", _case(CaseStatus.DRAFT), HallSettings())
    with pytest.raises(WrongKind, match="已受理"):
        render("one_time_notice", _case(CaseStatus.ACCEPTED), HallSettings())


def test_commitment_needs_deferred_materials() -> None:
    case = _case(CaseStatus.ACCEPTED)
    plain = case.model_copy(update={"materials": [m for m in case.materials if m.status is not MaterialStatus.DEFERRED]})
    with pytest.raises(WrongKind, match="没有容缺后补的材料"):
        render("commitment", plain, HallSettings())


def test_unknown_kind() -> None:
    with pytest.raises(UnknownKind, match="不认识的文书类型"):
        render("poster", _case(CaseStatus.ACCEPTED), HallSettings())


@pytest.mark.parametrize("kind,status", [("receipt", CaseStatus.ACCEPTED), ("commitment", CaseStatus.ACCEPTED),
                                         ("refusal", CaseStatus.REJECTED), ("separators", CaseStatus.ACCEPTED),
                                         ("labels", CaseStatus.ACCEPTED)])
def test_reprint_is_marked_on_every_page_with_the_time(kind: str, status: CaseStatus) -> None:
    case = _case(status)
    first = pages_text(render(kind, case, HallSettings()))
    again = pages_text(render(kind, case, HallSettings(), reprint_at=REPRINT_AT))
    assert len(first) == len(again) >= 1
    assert not any("补打" in page for page in first)
    for page in again:
        assert "补打2026-11-2410:05" in squeezed(page)


def test_reprint_of_a_long_notice_is_marked_on_every_page() -> None:
    pages = pages_text(render("one_time_notice", _case(CaseStatus.NOTIFIED, missing=40), HallSettings(),
                              reprint_at=REPRINT_AT))
    assert len(pages) >= 2 and all("补打" in page for page in pages)


def test_make_printer_specs(tmp_path: Path) -> None:
    p = make_printer(f"pdf:{tmp_path}")
    assert isinstance(p, PdfFilePrinter) and p.directory == tmp_path
    c = make_printer("cups:ClerkPDF")
    assert isinstance(c, CupsPrinter) and c.queue == "ClerkPDF"
    bare = make_printer(" Front_Desk ")
    assert isinstance(bare, CupsPrinter) and bare.queue == "Front_Desk"
    for empty in ("", "cups:", "  "):
        with pytest.raises(PrinterError) as err:
            make_printer(empty)
        assert err.value.kind is PrinterErrorKind.QUEUE_MISSING and not err.value.retryable


def test_entry_points_reach_these_functions() -> None:
    from clerk import plugins

    assert plugins.document_renderer() is render
    assert plugins.printer_factory() is make_printer
    assert "1_printing" in dict(plugins.demo_hooks())

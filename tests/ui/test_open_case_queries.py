"""Opening a case reads the store a fixed number of times, whatever its number of materials (no N+1).

Counted with a SQLAlchemy ``before_cursor_execute`` listener on the workstation's engine, from the
request to open the case until every card is built, every background read answered and the pages shown.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event

from tests.helpers.materials import png_bytes, text_page
from tests.helpers.ui import intake, wait_idle
from ui.events import OpenCaseRequested

pytestmark = pytest.mark.gui


def _case_with_pages(session, tmp_path: Path, bundle: str) -> tuple[str, dict[str, int]]:  # type: ignore[no-untyped-def]
    """A draft of ``bundle`` with 1 and 2 scanned pages on its first two materials."""
    ctx = session.ctx
    view = ctx.intake.start_draft(session.actor, bundle)
    pages = {}
    for n, m in enumerate(view.materials[:2], start=1):
        for i in range(n):
            ctx.materials.add_page(view.case_uuid, m.code, png_bytes(text_page([f"{m.code} {i}"], dpi=40, seed=n + i)))
        pages[m.code] = n
    return view.case_uuid, pages


def _open_counting(qtbot, window, session, case_uuid: str) -> list[str]:  # type: ignore[no-untyped-def]
    page = intake(window)
    statements: list[str] = []

    def count(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    engine = session.ctx.store.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        window.events.publish(OpenCaseRequested(case_uuid))
        qtbot.waitUntil(lambda: page.case is not None and page.case.case_uuid == case_uuid, timeout=15000)
        qtbot.waitUntil(lambda: page.checklist.complete and page.materials_ui._loaded, timeout=15000)
        wait_idle(qtbot, window)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return statements


def test_opening_a_case_reads_a_fixed_number_of_times_whatever_its_materials(qtbot, window, session,
                                                                             tmp_path: Path) -> None:
    small, small_pages = _case_with_pages(session, tmp_path, "social_security_card")  # 2 materials
    large, large_pages = _case_with_pages(session, tmp_path, "transport_company_opening")  # 17 materials
    assert len(session.ctx.intake.get(large).materials) >= 8 * len(session.ctx.intake.get(small).materials) // 2

    few = _open_counting(qtbot, window, session, small)
    many = _open_counting(qtbot, window, session, large)
    again = _open_counting(qtbot, window, session, small)

    assert len(many) == len(few) == len(again), (few, many)
    assert len(many) <= 10, many  # the case, its pages once for the cards and once for the assist's seed, the view
    _open_counting(qtbot, window, session, large)
    cards = intake(window).checklist.cards
    for code, n in large_pages.items():
        assert cards[code].page_count == n and len(cards[code].strip.pages) == n
    assert all(c.page_count == 0 for code, c in cards.items() if code not in large_pages)

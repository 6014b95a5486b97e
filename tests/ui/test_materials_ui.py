"""Materials through the real widgets: import as pages with thumbnails, the page viewer, the scan panel on
SANE's test device, the scan-to-folder banner, the keyboard-wedge barcode scanner.

``MATERIALS_SCREENSHOTS=1`` also writes docs/screenshots/materials-*.png (1600×1000, offscreen).
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from tests.helpers.materials import pdf_bytes
from tests.helpers.ui import cases, intake, materials, start_bundle, wait_idle
from ui.qt import Qt

pytestmark = pytest.mark.gui
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _pdf(tmp_path: Path, pages: int, name: str = "营业执照.pdf") -> Path:
    p = tmp_path / name
    p.write_bytes(pdf_bytes(pages))
    return p


class KeyClock:
    """The wedge's clock in tests: each key press reads it once and it moves on by ``step`` seconds, so
    "a few ms apart" (a scanner) or "200 ms apart" (a person) holds whatever the machine's load."""

    def __init__(self, step: float) -> None:
        self.step, self.now = step, 1000.0

    def __call__(self) -> float:
        self.now += self.step
        return self.now


SCANNER, PERSON = KeyClock(0.004), KeyClock(0.2)


def _first_card(window):  # type: ignore[no-untyped-def]
    code, card = next(iter(intake(window).checklist.cards.items()))
    return code, card


def _import(qtbot, window, card, path: Path, pages: int) -> None:  # type: ignore[no-untyped-def]
    card.import_paths([path])  # the seam the import button's dialog and drag-and-drop both reach
    qtbot.waitUntil(lambda: card.strip.loaded_count() == pages, timeout=20000)
    wait_idle(qtbot, window)


def test_pdf_of_three_pages_becomes_three_thumbnails(qtbot, window, session, tmp_path: Path) -> None:
    start_bundle(qtbot, window, "新生儿")
    code, card = _first_card(window)
    _import(qtbot, window, card, _pdf(tmp_path, 3), 3)
    case_uuid = intake(window).case.case_uuid
    assert len(session.ctx.materials.list_pages(case_uuid, code)) == 3
    assert card.pages.text() == "3 页" and card.page_count == 3
    assert len(card.strip.buttons) == 3 and card.strip.isVisible()
    assert card.material.status.value == "provided" and card.status.text().startswith("已提交")
    assert not card.problem.isVisible() if card._problem is not None else True


def test_bad_file_shows_its_message_and_stores_nothing(qtbot, window, session, tmp_path: Path) -> None:
    start_bundle(qtbot, window, "新生儿")
    code, card = _first_card(window)
    fake = tmp_path / "出生证明.pdf"
    fake.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)  # an executable renamed .pdf
    card.import_paths([fake])
    wait_idle(qtbot, window)
    assert card.problem.isVisible() and "出生证明.pdf" in card.problem.text()
    assert session.ctx.materials.list_pages(intake(window).case.case_uuid, code) == []
    assert list(session.ctx.pages.all_hashes()) == []
    assert card.pages.text() == "未导入" and card.material.status.value == "missing"


def test_viewer_rotates_reorders_moves_and_deletes(qtbot, window, session, tmp_path: Path) -> None:
    start_bundle(qtbot, window, "新生儿")
    code, card = _first_card(window)
    _import(qtbot, window, card, _pdf(tmp_path, 3), 3)
    svc, case_uuid = session.ctx.materials, intake(window).case.case_uuid
    before = svc.list_pages(case_uuid, code)
    qtbot.mouseClick(card.strip.buttons[1], Qt.MouseButton.LeftButton)
    viewer = intake(window).materials_ui.viewer
    assert viewer is not None
    qtbot.waitUntil(lambda: len(viewer.pages) == 3 and viewer.list.currentRow() == 1, timeout=10000)
    qtbot.waitUntil(lambda: viewer._image is not None, timeout=10000)

    qtbot.mouseClick(viewer.findChild(type(viewer.delete_button), "zoom100"), Qt.MouseButton.LeftButton)
    assert viewer.zoom_label.text() == "100%"
    qtbot.mouseClick(viewer.findChild(type(viewer.delete_button), "zoomIn"), Qt.MouseButton.LeftButton)
    assert viewer.zoom_label.text() == "125%"
    qtbot.mouseClick(viewer.findChild(type(viewer.delete_button), "zoomFit"), Qt.MouseButton.LeftButton)
    assert viewer.zoom is None

    qtbot.mouseClick(viewer.rotate_right, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: svc.list_pages(case_uuid, code)[1].rotation == 90, timeout=10000)
    wait_idle(qtbot, window)
    qtbot.mouseClick(viewer.left_button, Qt.MouseButton.LeftButton)  # page 2 becomes page 1
    qtbot.waitUntil(lambda: [p.id for p in svc.list_pages(case_uuid, code)] == [before[1].id, before[0].id, before[2].id],
                    timeout=10000)
    wait_idle(qtbot, window)
    assert viewer.list.currentRow() == 0

    order = [p.id for p in svc.list_pages(case_uuid, code)]
    assert viewer.list.dragEnabled() and viewer.list.viewport().acceptDrops()
    viewer.list.model().moveRow(viewer.list.rootIndex(), 2, viewer.list.rootIndex(), 0)  # what a drop does
    qtbot.waitUntil(lambda: [p.id for p in svc.list_pages(case_uuid, code)] == [order[2], order[0], order[1]],
                    timeout=10000)
    wait_idle(qtbot, window)
    viewer.list.setCurrentRow(1)

    qtbot.mouseClick(viewer.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(svc.list_pages(case_uuid, code)) == 2, timeout=10000)
    assert before[1].id not in {p.id for p in svc.list_pages(case_uuid, code)}
    wait_idle(qtbot, window)

    other = viewer.move_target.currentData()
    qtbot.mouseClick(viewer.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(svc.list_pages(case_uuid, other)) == 1, timeout=10000)
    qtbot.waitUntil(lambda: card.page_count == 1 and len(card.strip.buttons) == 1, timeout=10000)
    other_card = intake(window).checklist.cards[other]
    qtbot.waitUntil(lambda: other_card.page_count == 1 and other_card.material.status.value == "provided", timeout=10000)

    replacement = _pdf(tmp_path, 2, "换页.pdf")
    viewer.replace_with(replacement)
    qtbot.waitUntil(lambda: len(svc.list_pages(case_uuid, code)) == 2, timeout=10000)
    wait_idle(qtbot, window)
    assert {p.source_name for p in svc.list_pages(case_uuid, code)} == {"换页.pdf"}
    viewer.close()


def test_blank_pages_are_offered_for_removal(qtbot, window, session, tmp_path: Path) -> None:
    from tests.helpers.materials import blank_page, jpeg_bytes, text_page

    start_bundle(qtbot, window, "新生儿")
    code, card = _first_card(window)
    front, back = tmp_path / "正面.jpg", tmp_path / "背面.jpg"
    front.write_bytes(jpeg_bytes(text_page(["户口簿"], dpi=60), dpi=60))
    back.write_bytes(jpeg_bytes(blank_page(dpi=60), dpi=60))
    card.import_paths([front, back])
    qtbot.waitUntil(lambda: card.strip.loaded_count() == 2, timeout=20000)
    assert card.strip.blank_hint.isVisible()
    viewer = intake(window).materials_ui.open_viewer(code)
    qtbot.waitUntil(lambda: len(viewer.pages) == 2, timeout=10000)
    assert viewer.blank_bar.isVisible() and "第 2 页" in viewer.blank_label.text()
    qtbot.mouseClick(viewer.remove_blanks_button, Qt.MouseButton.LeftButton)
    case_uuid = intake(window).case.case_uuid
    qtbot.waitUntil(lambda: [p.source_name for p in session.ctx.materials.list_pages(case_uuid, code)] == ["正面.jpg"],
                    timeout=10000)
    wait_idle(qtbot, window)
    assert not viewer.blank_bar.isVisible()
    viewer.close()


def _ready_panel(qtbot, window, scanner):  # type: ignore[no-untyped-def]
    panel = intake(window).materials_ui.scan_panel
    panel.scanner = scanner
    panel.extra = ("--test-picture=Color pattern",)
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.device.findData("test:0") >= 0, timeout=20000)
    panel.device.setCurrentIndex(panel.device.findData("test:0"))
    panel.resolution.setCurrentIndex(panel.resolution.findData(150))
    return panel


def test_scan_panel_scans_two_pages_into_the_selected_material(qtbot, window, session, sane_env) -> None:
    from clerk.materials.scanner import SaneScanner

    start_bundle(qtbot, window, "新生儿")
    cards = intake(window).checklist.cards
    code = list(cards)[1]
    panel = _ready_panel(qtbot, window, SaneScanner(env=sane_env))
    qtbot.mouseClick(cards[code], Qt.MouseButton.LeftButton)  # clicking a card selects it as the target
    assert panel.selected == code
    panel.count.setValue(2)
    assert panel.scan_button.isEnabled()
    qtbot.mouseClick(panel.scan_button, Qt.MouseButton.LeftButton)
    assert panel.cancel_button.isVisible()
    qtbot.waitUntil(lambda: not panel.scanning, timeout=60000)
    assert "2 页" in panel.status.text(), panel.problem.text()
    assert len(session.ctx.materials.list_pages(intake(window).case.case_uuid, code)) == 2
    qtbot.waitUntil(lambda: cards[code].strip.loaded_count() == 2 and cards[code].page_count == 2, timeout=20000)
    qtbot.waitUntil(lambda: cards[code].material.status.value == "provided", timeout=10000)


def test_a_scanner_vanishing_mid_batch_keeps_the_pages_and_says_so(qtbot, window, session, sane_env,
                                                                   tmp_path: Path) -> None:
    from clerk.materials.scanner import SaneScanner

    real = shutil.which("scanimage")
    fake = tmp_path / "scanimage"
    fake.write_text("#!/bin/sh\n"
                    'case "$*" in *--batch=*)\n'
                    f'  "{real}" "$@" --batch-count=2 || exit $?\n'
                    '  echo "scanimage: sane_start: Error during device I/O" >&2\n'
                    "  exit 9;;\n"
                    "esac\n"
                    f'exec "{real}" "$@"\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    start_bundle(qtbot, window, "新生儿")
    code = list(intake(window).checklist.cards)[0]
    panel = _ready_panel(qtbot, window, SaneScanner(program=str(fake), env=sane_env))
    panel.select(code)
    panel.source.setCurrentIndex(panel.source.findData("adf"))
    qtbot.mouseClick(panel.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.scanning, timeout=60000)
    assert panel.problem.isVisible() and "已扫描的 2 页已保留" in panel.problem.text()
    assert len(session.ctx.materials.list_pages(intake(window).case.case_uuid, code)) == 2


def test_scan_inbox_file_is_offered_to_the_open_case(qtbot, window, session, tmp_path: Path) -> None:
    start_bundle(qtbot, window, "新生儿")
    code = list(intake(window).checklist.cards)[2]
    ui = intake(window).materials_ui
    inbox = tmp_path / "inbox"
    materials(window).start_inbox(inbox)
    ui.select(code)
    (inbox / "scan0001.pdf").write_bytes(pdf_bytes(2))
    qtbot.waitUntil(lambda: ui.banner.isVisible(), timeout=15000)
    assert "scan0001.pdf" in ui.banner.label.text() and ui.banner.target.currentData() == code
    qtbot.mouseClick(ui.banner.import_button, Qt.MouseButton.LeftButton)
    card = intake(window).checklist.cards[code]
    qtbot.waitUntil(lambda: card.strip.loaded_count() == 2, timeout=20000)
    assert not ui.banner.isVisible()
    assert len(session.ctx.materials.list_pages(intake(window).case.case_uuid, code)) == 2


def test_wedge_scan_opens_the_case_and_slow_typing_does_not(qtbot, window, session) -> None:
    ctx, actor = session.ctx, session.actor
    draft = ctx.intake.start_draft(actor, "newborn")
    code = draft.materials[1].code
    cases(window).find_cases()
    field = cases(window).text
    materials(window).wedge.clock = PERSON  # a person typing the number into the search box
    qtbot.keyClicks(field, draft.case_no)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert intake(window).case is None and window.tabs.currentWidget() is cases(window)
    assert field.text() == draft.case_no

    field.clear()
    materials(window).wedge.clock = SCANNER  # the scanner: keys a few ms apart, then Enter
    qtbot.keyClicks(field, f"{draft.case_no}-{code}")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: intake(window).case is not None and intake(window).case.case_no == draft.case_no,
                    timeout=15000)
    wait_idle(qtbot, window)
    assert window.tabs.currentWidget() is intake(window)
    assert field.text() == ""  # the scanned characters were taken out of the field again
    assert intake(window).materials_ui.scan_panel.selected == code


def test_wedge_scan_of_a_finished_case_shows_it_in_the_case_list(qtbot, window, session, valid_id) -> None:
    ctx, actor = session.ctx, session.actor
    draft = ctx.intake.start_draft(actor, "newborn")
    ctx.intake.save_draft(draft.case_uuid, applicant={"name": "王芳", "id_number": valid_id, "phone": "13912345678"})
    ctx.intake.reject(actor, draft.case_uuid, "不属于本窗口受理范围")
    intake(window).new_case()
    materials(window).wedge.clock = SCANNER
    qtbot.keyClicks(intake(window).picker.search, draft.case_no)
    qtbot.keyClick(intake(window).picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is cases(window), timeout=15000)
    wait_idle(qtbot, window)
    assert cases(window).text.text() == draft.case_no and cases(window).model.rows[0].case_uuid == draft.case_uuid
    assert intake(window).picker.search.text() == "" and intake(window).case is None


@pytest.mark.skipif(not os.environ.get("MATERIALS_SCREENSHOTS"), reason="set MATERIALS_SCREENSHOTS=1 to write them")
def test_screenshots(qtbot, window, session, sane_env, tmp_path: Path) -> None:
    from clerk.materials.scanner import SaneScanner
    from tests.helpers.materials import blank_page, jpeg_bytes, text_page

    start_bundle(qtbot, window, "新生儿")
    cards = intake(window).checklist.cards
    codes = list(cards)
    _import(qtbot, window, cards[codes[0]], _pdf(tmp_path, 3), 3)
    pages = []
    for i, lines in enumerate((["出生医学证明", "新生儿姓名：李小满", "出生地点：哈尔滨市第一医院"],
                               ["居民户口簿", "户主：李建国", "住址：哈尔滨市南岗区"])):
        p = tmp_path / f"scan{i}.jpg"
        p.write_bytes(jpeg_bytes(text_page(lines, dpi=60, seed=i), dpi=60))
        pages.append(p)
    back = tmp_path / "back.jpg"
    back.write_bytes(jpeg_bytes(blank_page(dpi=60), dpi=60))
    cards[codes[1]].import_paths([pages[0], back, pages[1]])
    qtbot.waitUntil(lambda: cards[codes[1]].strip.loaded_count() == 3, timeout=20000)
    panel = _ready_panel(qtbot, window, SaneScanner(env=sane_env))
    panel.select(codes[1])
    wait_idle(qtbot, window)
    window.grab().save(str(SCREENSHOTS / "materials-checklist.png"))
    panel.extra += ("--read-limit=yes", "--read-limit-size=4096", "--read-delay=yes", "--read-delay-duration=20000")
    panel.count.setValue(3)
    qtbot.mouseClick(panel.scan_button, Qt.MouseButton.LeftButton)
    assert panel.scanning and panel.cancel_button.isVisible()
    panel.grab().save(str(SCREENSHOTS / "materials-scan-panel.png"))
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.scanning, timeout=30000)
    panel.grab().save(str(SCREENSHOTS / "materials-scan-panel-cancelled.png"))
    viewer = intake(window).materials_ui.open_viewer(codes[1], 0)
    viewer.resize(1200, 860)
    qtbot.waitUntil(lambda: viewer._image is not None and len(viewer.pages) == 3, timeout=10000)
    wait_idle(qtbot, window)
    viewer.grab().save(str(SCREENSHOTS / "materials-viewer.png"))
    viewer.close()

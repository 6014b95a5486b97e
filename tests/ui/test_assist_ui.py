"""Offline assist on the intake screen through its real widgets: OCR offers from a page imported into a
material (the real RapidOCR engine on the demo's sample ID card), the cross-check warning on the card,
智能导办 in the bundle picker, the window assistant."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from clerk.samples import Sample, photograph, render
from tests.helpers.ui import intake, start_bundle, type_text, wait_idle
from ui.intake.assist_panel import WarningStrip
from ui.qt import QApplication, QLabel, Qt

pytestmark = pytest.mark.gui


def card_photo(tmp: Path, seed: int = 3) -> tuple[Path, Sample]:
    """The demo's sample ID card front (clerk.samples), photographed on a desk, as a JPEG file."""
    rng = random.Random(seed)
    sample = render("idcard_front", rng)
    path = tmp / f"idcard_{seed}.jpg"
    path.write_bytes(photograph(sample.image, rng, max_angle=2.0, blur=0.4, quality=85))
    return path, sample


def wait_read(qtbot, window, page, n: int = 1) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.assist.readings >= n, timeout=60000)
    wait_idle(qtbot, window)


def test_an_id_card_front_imported_into_its_material_offers_its_fields(qtbot, window, tmp_path: Path) -> None:
    page = intake(window)
    start_bundle(qtbot, window, "新生儿")
    path, sample = card_photo(tmp_path)
    page.import_files("father_id_card", [path])
    wait_read(qtbot, window, page)

    offered = {o.field_path: o.value for o in page.assist.offers}
    assert offered.get("form.father_name") == sample.truth["name"]
    assert offered.get("form.father_id_number") == sample.truth["id_number"]
    # Offered, not filled: the fields are still empty and highlighted, the bar lists them.
    editors = page.form_panel.editors
    assert editors["father_name"].value() in (None, "")
    assert set(page.assist.highlighted_paths()) >= {"form.father_name", "form.father_id_number"}
    assert page.assist.bar.isVisible()

    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # 全部采用
    assert editors["father_name"].value() == sample.truth["name"]
    assert editors["father_id_number"].value() == sample.truth["id_number"]
    assert page.assist.highlighted_paths() == []
    assert not page.assist.bar.isVisible()
    wait_idle(qtbot, window)
    assert page.case.form["father_id_number"] == sample.truth["id_number"]  # autosaved


def test_a_conflict_shows_the_typed_value_and_one_field_is_taken_by_its_key(qtbot, window, tmp_path: Path) -> None:
    page = intake(window)
    start_bundle(qtbot, window, "新生儿")
    editors = page.form_panel.editors
    type_text(qtbot, editors["father_name"].focus_target(), "王建国")
    qtbot.keyClick(editors["father_name"].focus_target(), Qt.Key.Key_Tab)
    page.autosave.flush()
    wait_idle(qtbot, window)
    path, sample = card_photo(tmp_path)
    page.import_files("father_id_card", [path])
    wait_read(qtbot, window, page)

    name_offer = next(o for o in page.assist.offers if o.field_path == "form.father_name")
    label = page.assist.bar.findChild(QLabel, "offer_form.father_name")
    assert "王建国" in label.text() and sample.truth["name"] in label.text()  # side by side
    assert editors["father_name"].value() == "王建国"  # never overwritten by itself
    n = page.assist.offers.index(name_offer) + 1
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{n}"), Qt.KeyboardModifier.AltModifier)
    assert editors["father_name"].value() == sample.truth["name"]
    assert "form.father_name" not in page.assist.highlighted_paths()
    assert page.assist.offers, "the other offers still wait"
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # 不采用 the rest
    assert not page.assist.offers and editors["father_id_number"].value() in (None, "")


def test_the_mothers_id_card_on_the_fathers_material_is_flagged_and_dismissed(qtbot, window, tmp_path: Path,
                                                                               valid_id) -> None:
    page = intake(window)
    start_bundle(qtbot, window, "新生儿")
    path, sample = card_photo(tmp_path)
    editors = page.form_panel.editors
    for code, value in (("mother_name", sample.truth["name"]), ("mother_id_number", sample.truth["id_number"]),
                        ("father_name", "王建国"), ("father_id_number", valid_id)):
        editors[code].set_value(value)
        page.autosave.set_form(code, value)
    page.autosave.flush()
    wait_idle(qtbot, window)
    page.import_files("father_id_card", [path])
    wait_read(qtbot, window, page)

    warnings = page.assist.warnings["father_id_card"]
    assert [w.code for w in warnings] == ["holder_mismatch"]
    assert warnings[0].detail["belongs_to"] == "mother"
    card = page.checklist.cards["father_id_card"]
    strip = card.findChild(WarningStrip)
    assert strip is not None and strip.isVisible()
    assert "母亲" in strip.label.text()
    assert page.accept_button.isEnabled()  # a warning never blocks accept

    card.focus_target().setFocus()
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert "father_id_card" not in page.assist.warnings
    QApplication.processEvents()
    assert card.findChild(WarningStrip) is None


def test_the_guide_in_the_picker_starts_the_bundle_with_its_answers(qtbot, window) -> None:
    page = intake(window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, page.picker.search, "孩子上个月出生了，随妈妈落户")
    assert page.picker.visible_codes() == []  # no bundle name matches the words …
    assert page.picker.guide_list.isVisible()  # … 智能导办 does
    first = page.picker.suggestions[0]
    assert first.bundle_code == "newborn"
    assert first.answers.get("settle_with") == "mother"
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.case is not None, timeout=15000)
    assert page.case.bundle_code == "newborn"
    assert page.case.situations["settle_with"] == "mother"


def test_the_window_assistant_answers_with_its_source(qtbot, window) -> None:
    from ui.intake.assistant_box import AssistantBox

    page = intake(window)
    start_bundle(qtbot, window, "新生儿")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    box = page.assistant_box
    assert isinstance(box, AssistantBox) and box.isVisible() and box.bundle == "newborn"
    type_text(qtbot, box.question, "为什么要父亲的身份证")
    qtbot.keyClick(box.question, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(box.answers), timeout=10000)
    assert box.answers[0].source.material == "father_id_card"
    html = box.view.toPlainText()
    assert box.answers[0].text in html and "父亲居民身份证" in html and "新生儿出生一件事" in html


def test_every_cross_check_message_has_a_template_for_the_english_interface() -> None:
    """The warnings clerk.assist.checks writes (as its f-strings make them) are said again in English."""
    from ui.messages.catalog import _compiled

    samples = [
        "这一页看起来是营业执照，不像“父亲居民身份证”应有的居民身份证人像面或居民身份证国徽面",
        "未能从这一页识别出“父亲居民身份证”的内容，请核对是否放对、拍清",
        "公民身份号码未能可靠识别（校验位不对），请人工核对",
        "“父亲居民身份证”已于2020-01-01过期，请核对是否使用有效证件",
        "“父亲居民身份证”上的号码与表上父亲的号码不一致，是母亲（赵六）的，请核对是否放错材料",
        "“父亲居民身份证”上的号码与表上父亲的号码不一致，请核对是否放错材料",
        "“父亲居民身份证”上的姓名“张三”与表上父亲“王五”不一致，请核对",
    ]
    exact, patterns = _compiled()
    for text in samples:
        assert text in exact or any(p.match(text) for p, _t in patterns), text
